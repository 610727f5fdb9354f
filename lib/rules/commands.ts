// syncRules.*: which warehouses and which inventory type feed which stores, at what ratio. One
// rule per store (the ruleStores primary key). Creating or editing a rule re-pushes its stores'
// auto-synced listings (trigger rule_change), expanded by the engine a chunk at a time.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, name } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { SyncRuleRow } from '../db/types';
import { markStore } from '../sync/capture';
import { previewRule } from './preview';
import { t } from '../i18n';

const ruleFields = {
  name: name(100),
  inventoryType: z.enum(['sellable', 'sellable_in_transit']),
  ratioPercent: z.number().min(0, 'cannot be negative').max(1000, 'cannot be over 1000 %').refine((r) => Math.abs(Math.round(r * 100) - r * 100) < 1e-6, 'at most two decimals'),
  warehouseIds: z.array(id).min(1, 'choose at least one warehouse').max(100),
  storeIds: z.array(id).min(1, 'choose at least one store').max(500),
};
export const ruleInput = z.object(ruleFields).strict();
export type RuleInput = z.output<typeof ruleInput>;

async function ruleTables(db: ShelfsyncDB) {
  return [...captureTables(db), db.warehouses];
}

/** Checks warehouses and stores exist and no store is governed by another rule. */
async function validateRule(db: ShelfsyncDB, input: RuleInput, exceptRuleId?: number): Promise<void> {
  const warehouses = await db.warehouses.bulkGet(input.warehouseIds);
  const missingW = input.warehouseIds.filter((_, i) => !warehouses[i]);
  if (missingW.length) throw new CommandError('not_found', t('err_notFound_warehouse', missingW.join(', ')), { field: 'warehouseIds' });
  const stores = await db.stores.bulkGet(input.storeIds);
  const missingS = input.storeIds.filter((_, i) => !stores[i]);
  if (missingS.length) throw new CommandError('not_found', t('err_notFound_store', missingS.join(', ')), { field: 'storeIds' });
  const links = await db.ruleStores.bulkGet(input.storeIds);
  for (const [i, link] of links.entries()) {
    if (link && link.ruleId !== exceptRuleId) {
      const other = await db.syncRules.get(link.ruleId);
      throw new CommandError('store_already_covered', t('err_rule_storeCovered', stores[i]!.name, other?.name ?? link.ruleId), {
        field: 'storeIds', storeId: link.storeId, ruleId: link.ruleId, ruleName: other?.name ?? null,
      });
    }
  }
}

const dedupe = (input: RuleInput): RuleInput => ({ ...input, warehouseIds: [...new Set(input.warehouseIds)], storeIds: [...new Set(input.storeIds)] });

export const ruleCommands = {
  'syncRules.list': command({
    summary: 'list sync rules',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler(_i, { db }) {
      const items = await db.syncRules.toArray();
      return { items, total: items.length };
    },
  }),

  'syncRules.create': command({
    summary: 'create a sync rule',
    access: EXTENSION_ONLY,
    schema: ruleInput,
    async handler(raw, { db, now }): Promise<SyncRuleRow> {
      const input = dedupe(raw);
      return db.transaction('rw', await ruleTables(db), async () => {
        await validateRule(db, input);
        const t = now();
        const row = { ...input, createdAt: t, updatedAt: t };
        const ruleId = await db.syncRules.add(row as SyncRuleRow);
        await db.ruleStores.bulkAdd(input.storeIds.map((storeId) => ({ storeId, ruleId })));
        for (const storeId of input.storeIds) await markStore(db, storeId, 'rule_change', { onlyAutoSync: true, now: t });
        return { ...row, id: ruleId };
      });
    },
  }),

  'syncRules.update': command({
    summary: 'change a sync rule',
    access: EXTENSION_ONLY,
    schema: z.object({ id, ...ruleFields }).strict(),
    async handler({ id: ruleId, ...rest }, { db, now }): Promise<SyncRuleRow> {
      const input = dedupe(rest);
      return db.transaction('rw', await ruleTables(db), async () => {
        const current = await db.syncRules.get(ruleId);
        if (!current) throw notFound('sync rule', ruleId);
        await validateRule(db, input, ruleId);
        const t = now();
        const next: SyncRuleRow = { ...current, ...input, updatedAt: t };
        await db.syncRules.put(next);
        const dropped = current.storeIds.filter((s) => !input.storeIds.includes(s));
        await db.ruleStores.bulkDelete(dropped);
        await db.ruleStores.bulkPut(input.storeIds.map((storeId) => ({ storeId, ruleId })));
        for (const storeId of input.storeIds) await markStore(db, storeId, 'rule_change', { onlyAutoSync: true, now: t });
        return next;
      });
    },
  }),

  'syncRules.remove': command({
    summary: 'delete a sync rule',
    access: EXTENSION_ONLY,
    // dryRun: what deleting does to live listings (nothing is pushed; the ones on auto sync stop
    // following stock and keep what they show), answered before the seller confirms.
    schema: z.object({ id, dryRun: z.boolean().optional() }).strict(),
    async handler({ id: ruleId, dryRun }, { db }) {
      return db.transaction(dryRun ? 'r' : 'rw', db.syncRules, db.ruleStores, db.storeProducts, async () => {
        const current = await db.syncRules.get(ruleId);
        if (!current) throw notFound('sync rule', ruleId);
        let autoSyncListings = 0;
        for (const storeId of current.storeIds) autoSyncListings += await db.storeProducts.where('[storeId+autoSync]').equals([storeId, 1]).count();
        const answer = { removed: ruleId, storesWithoutRule: current.storeIds, autoSyncListings, dryRun: !!dryRun };
        if (dryRun) return answer;
        await db.ruleStores.where('ruleId').equals(ruleId).delete();
        await db.syncRules.delete(ruleId);
        // Without a rule a store has no number: its listings keep the last quantity pushed.
        return answer;
      });
    },
  }),

  'syncRules.preview': command({
    summary: 'preview a sync rule',
    access: EXTENSION_ONLY,
    schema: z.object({ id: id.optional(), ...ruleFields, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    async handler({ id: ruleId, limit, ...rest }, { db }) {
      const input = dedupe(rest);
      await db.transaction('r', [db.warehouses, db.stores, db.ruleStores, db.syncRules], async () => validateRule(db, input, ruleId));
      return previewRule(db, { ...input, id: ruleId ?? 0 }, limit);
    },
  }),
};
