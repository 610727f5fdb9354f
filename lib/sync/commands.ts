// Sync commands: manual sync, auto sync on/off, the explanation of a number, the sync log.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, page, pageSize } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { SyncLogRow } from '../db/types';
import { createJob, kickJobs } from '../jobs/runner';
import { markStore, markVariants } from './capture';
import { quantitiesFor } from './quantity';
import { autoSyncOnEffects, emptyEffects, type EffectSummary } from './effects';
import { invalidateStore } from '../store-products/listIndex';
import { t } from '../i18n';

export const selection = z
  .object({ storeId: id, storeProductIds: z.array(id).min(1).max(100_000).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((s) => !!s.storeProductIds !== !!s.all, { message: 'give storeProductIds or all: true', path: ['storeProductIds'] });

async function assertStore(db: ShelfsyncDB, storeId: number) {
  const store = await db.stores.get(storeId);
  if (!store) throw notFound('store', storeId);
  return store;
}

export async function startManualSync(db: ShelfsyncDB, input: { storeId: number; storeProductIds?: number[]; all?: true; storeVariantIds?: number[]; trigger?: 'manual' | 'retry' | 'reconcile' }, now: number): Promise<{ jobId: number }> {
  const jobId = await db.transaction('rw', db.stores, db.ruleStores, db.syncRules, db.jobs, async () => {
    const store = await assertStore(db, input.storeId);
    if (!(await db.ruleStores.get(input.storeId))) {
      throw new CommandError('no_sync_rule', t('err_sync_noRule', store.name), { storeId: input.storeId });
    }
    return createJob(db, 'sync.manual', input, 0, now);
  });
  void kickJobs(db);
  return { jobId };
}

export const syncCommands = {
  'storeProducts.sync': command({
    summary: 'sync inventory',
    access: EXTENSION_ONLY,
    schema: selection,
    handler: (input, { db, now }) => startManualSync(db, input, now()),
  }),

  'storeProducts.setAutoSync': command({
    summary: 'switch auto sync',
    access: EXTENSION_ONLY,
    // dryRun (switching on): what it would push now, per listing from → to, and nothing written.
    schema: z.object({ storeId: id, storeProductIds: z.array(id).min(1).max(100_000).optional(), all: z.literal(true).optional(), enabled: z.boolean(), dryRun: z.boolean().optional() }).strict()
      .refine((s) => !!s.storeProductIds !== !!s.all, { message: 'give storeProductIds or all: true', path: ['storeProductIds'] }),
    async handler(input, { db, now }): Promise<{ updated: number; effects?: EffectSummary }> {
      if (input.dryRun) {
        await assertStore(db, input.storeId);
        const effects = input.enabled ? await db.transaction('r', [db.storeVariants, db.storeProducts, db.ruleStores, db.syncRules, db.stockLevels], async () => autoSyncOnEffects(db, input.storeId, input)) : emptyEffects();
        const updated = input.all ? await db.storeProducts.where('[storeId+platformItemId]').between([input.storeId, ''], [input.storeId, '\uffff']).count() : input.storeProductIds!.length;
        return { updated, effects };
      }
      return db.transaction('rw', captureTables(db), async () => {
        await assertStore(db, input.storeId);
        const t = now();
        const flag = input.enabled ? 1 : 0;
        let updated: number;
        if (input.all) {
          updated = await db.storeProducts.where('[storeId+platformItemId]').between([input.storeId, ''], [input.storeId, '\uffff']).modify({ autoSync: flag });
          // Switching on pushes every listing now; the engine expands the store a chunk at a time.
          if (input.enabled) await markStore(db, input.storeId, 'auto_sync_enabled', { onlyAutoSync: true, now: t });
        } else {
          const ids = input.storeProductIds!;
          const products = (await db.storeProducts.bulkGet(ids)).filter((p) => p && p.storeId === input.storeId);
          updated = products.length;
          await db.storeProducts.bulkPut(products.map((p) => ({ ...p!, autoSync: flag })));
          if (input.enabled) {
            const variants = (await db.storeVariants.where('storeProductId').anyOf(products.map((p) => p!.id)).toArray()).filter((v) => v.connected === 1);
            await markVariants(db, variants, 'auto_sync_enabled', { now: t });
          }
        }
        return { updated };
      }).finally(() => invalidateStore(input.storeId));
    },
  }),

  'storeVariants.explainQuantity': command({
    summary: 'explain a quantity',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: vid }, { db }) {
      const variant = await db.storeVariants.get(vid);
      if (!variant) throw notFound('store variant', vid);
      const answer = (await quantitiesFor(db, [variant])).get(vid)!;
      if (answer.quantity === null) return answer;
      const warehouses = new Map((await db.warehouses.bulkGet(answer.warehouses.map((w) => w.warehouseId))).filter(Boolean).map((w) => [w!.id, w!]));
      return { ...answer, warehouses: answer.warehouses.map((w) => ({ ...w, name: warehouses.get(w.warehouseId)?.name ?? '', code: warehouses.get(w.warehouseId)?.code ?? '' })) };
    },
  }),

  'sync.checkDrift': command({
    summary: 'check drift',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id.optional() }).strict(),
    async handler({ storeId }, { db, now }) {
      const storeIds = storeId !== undefined ? [(await assertStore(db, storeId)).id] : (await db.stores.toArray()).filter((s) => s.status === 'active').map((s) => s.id);
      const jobId = await db.transaction('rw', db.jobs, async () => createJob(db, 'sync.drift', { storeIds }, storeIds.length, now()));
      void kickJobs(db);
      return { jobId };
    },
  }),

  'sync.fixDrift': command({
    summary: 'correct drifted listings',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id }).strict(),
    async handler({ storeId }, { db, now }) {
      await assertStore(db, storeId);
      const drifted = (await db.storeVariants.where('[storeId+connected]').equals([storeId, 1]).filter((v) => !!v.drift).toArray()).map((v) => v.id);
      if (!drifted.length) return { jobId: null, variants: 0 };
      const { jobId } = await startManualSync(db, { storeId, storeVariantIds: drifted, trigger: 'reconcile' }, now());
      return { jobId, variants: drifted.length };
    },
  }),

  'syncLogs.list': command({
    summary: 'read the sync log',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id.optional(), storeProductId: id.optional(), storeVariantId: id.optional(), status: z.enum(['pending', 'success', 'failed', 'skipped']).optional(), page, pageSize }).strict(),
    async handler(input, { db }) {
      let collection;
      if (input.storeVariantId !== undefined) collection = db.syncLogs.where('[storeVariantId+createdAt]').between([input.storeVariantId, -Infinity], [input.storeVariantId, Infinity]).reverse();
      else if (input.storeId !== undefined && input.status) collection = db.syncLogs.where('[storeId+status]').equals([input.storeId, input.status]).reverse();
      else if (input.storeId !== undefined) collection = db.syncLogs.where('[storeId+createdAt]').between([input.storeId, -Infinity], [input.storeId, Infinity]).reverse();
      else collection = db.syncLogs.orderBy('createdAt').reverse();
      const keep = (l: SyncLogRow) =>
        (input.storeProductId === undefined || l.storeProductId === input.storeProductId) && (!input.status || l.status === input.status) && (input.storeId === undefined || l.storeId === input.storeId);
      const filtered = collection.filter(keep);
      const total = await filtered.clone().count();
      const items = await filtered.offset((input.page - 1) * input.pageSize).limit(input.pageSize).toArray();
      return { items, total };
    },
  }),

  'syncLogs.retry': command({
    summary: 'retry failed pushes',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, ids: z.array(id).min(1).max(100_000).optional() }).strict(),
    async handler({ storeId, ids }, { db, now }) {
      const failed = ids
        ? (await db.syncLogs.bulkGet(ids)).filter((l): l is SyncLogRow => !!l && l.storeId === storeId && l.status === 'failed')
        : await db.syncLogs.where('[storeId+status]').equals([storeId, 'failed']).toArray();
      // Only variants still failing: a later success already fixed the others.
      const variantIds = [...new Set(failed.map((l) => l.storeVariantId))];
      const stillFailing = (await db.storeVariants.bulkGet(variantIds)).filter((v) => v?.failing === 1).map((v) => v!.id);
      if (!stillFailing.length) return { jobId: null, variants: 0 };
      const { jobId } = await startManualSync(db, { storeId, storeVariantIds: stillFailing, trigger: 'retry' }, now());
      return { jobId, variants: stillFailing.length };
    },
  }),
};
