// drafts.*, storeProducts.clone: To be published. Drafts are edited with optimistic concurrency
// (every save names the version it started from; a stale save gets version_conflict) and carry
// their validation against the destination platform on every read.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, page, pageSize } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { DraftAttribute, DraftRow } from '../db/types';
import { createJob, kickJobs } from '../jobs/runner';
import { draftFromProducts, draftFromStoreProduct } from './build';
import { storeFactsFor } from './storeFacts';
import { validateDraft, type FieldProblem } from './validation';
import { completeSources } from './sourceDetail';
import { t } from '../i18n';

export type DraftView = DraftRow & { platform: string; validation: FieldProblem[] };

async function viewOf(db: ShelfsyncDB, draft: DraftRow): Promise<DraftView> {
  const store = await db.stores.get(draft.storeId);
  return { ...draft, platform: store?.platform ?? '', validation: store ? validateDraft(draft, store.platform, await storeFactsFor(db, draft, store.platform)) : [] };
}

const money = z.number().min(0).max(1_000_000_000);
const variantInput = z.object({
  sellerSku: z.string().trim().max(100),
  price: money,
  stock: z.number().int().min(0).max(1_000_000_000),
  options: z.record(z.string().max(50), z.string().max(100)).nullable().optional(),
  productId: id.nullable().optional(),
  stockSource: z.enum(['rule', 'not_connected', 'no_rule']).nullable().optional(),
}).strict();

const editable = {
  title: z.string().max(1000).optional(),
  description: z.string().max(100_000).optional(),
  imageUrls: z.array(z.string().trim().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'must start with http(s)://')).max(300).optional(),
  price: money.optional(),
  categoryId: z.string().trim().max(100).nullable().optional(),
  brand: z.string().trim().max(200).nullable().optional(),
  weightGrams: z.number().int().min(0).max(1_000_000).nullable().optional(),
  variants: z.array(variantInput).max(500).optional(),
  // What a destination marketplace needs (catalog.*): the category's attributes (an option's id or
  // name, typed text, or several for a multiple choice), a brand of catalog.brands ('0' = No
  // brand), Shopee logistics channels, the TikTok sales warehouse.
  attributes: z.array(z.object({
    id: z.string().trim().min(1).max(100),
    value: z.union([z.string().trim().max(1000), z.array(z.string().trim().min(1).max(1000)).max(50)]),
  }).strict()).max(200).refine((list) => new Set(list.map((a) => a.id)).size === list.length, 'each attribute once').optional(),
  brandId: z.string().trim().min(1).max(100).nullable().optional(),
  logisticsChannelIds: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  warehouseId: z.string().trim().min(1).max(100).nullable().optional(),
};

/** A draft's attributes with `changes` applied by id; an empty value removes the attribute. */
function mergeAttributes(current: DraftAttribute[], changes: DraftAttribute[]): DraftAttribute[] {
  const out = new Map(current.map((a) => [a.id, a]));
  for (const c of changes) {
    const empty = Array.isArray(c.value) ? c.value.length === 0 : !c.value.trim();
    if (empty) out.delete(c.id);
    else out.set(c.id, c);
  }
  return [...out.values()];
}

export const draftCommands = {
  'drafts.list': command({
    summary: 'list drafts',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, status: z.enum(['draft', 'publishing', 'failed']).optional(), page, pageSize }).strict(),
    async handler(input, { db }) {
      const rows = await db.drafts.where('[storeId+updatedAt]').between([input.storeId, -Infinity], [input.storeId, Infinity]).reverse().toArray();
      const filtered = input.status ? rows.filter((d) => d.status === input.status) : rows;
      const items = await Promise.all(filtered.slice((input.page - 1) * input.pageSize, input.page * input.pageSize).map((d) => viewOf(db, d)));
      return { items, total: filtered.length };
    },
  }),

  'drafts.get': command({
    summary: 'read a draft',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: did }, { db }) {
      const draft = await db.drafts.get(did);
      if (!draft) throw notFound('draft', did);
      return viewOf(db, draft);
    },
  }),

  'drafts.update': command({
    summary: 'save a draft',
    access: EXTENSION_ONLY,
    schema: z.object({ id, version: z.number().int().min(1), ...editable }).strict(),
    async handler({ id: did, version, ...fields }, { db, now }) {
      const saved = await db.transaction('rw', db.drafts, async () => {
        const draft = await db.drafts.get(did);
        if (!draft) throw notFound('draft', did);
        if (draft.version !== version) {
          throw new CommandError('version_conflict', t('err_draft_versionConflict'), { currentVersion: draft.version });
        }
        if (draft.status === 'publishing') throw new CommandError('conflict', t('err_draft_releasingNoEdit'));
        const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<DraftRow>;
        if (patch.variants) patch.variants = patch.variants.map((v) => ({ ...v, options: v.options ?? null, productId: v.productId ?? null, stockSource: v.stockSource ?? null }));
        const next: DraftRow = { ...draft, ...patch, version: draft.version + 1, updatedAt: now() };
        await db.drafts.put(next);
        return next;
      });
      return viewOf(db, saved);
    },
  }),

  'drafts.setMany': command({
    summary: 'set category, brand or attributes on several drafts',
    access: EXTENSION_ONLY,
    schema: z.object({
      draftIds: z.array(id).min(1).max(1000),
      categoryId: editable.categoryId,
      brandId: editable.brandId,
      brand: editable.brand,
      // Merged by id into each draft's own (an empty value removes one): a bulk "set Material".
      attributes: editable.attributes,
      logisticsChannelIds: editable.logisticsChannelIds,
      warehouseId: editable.warehouseId,
    }).strict(),
    async handler({ draftIds, attributes, ...fields }, { db, now }) {
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<DraftRow>;
      const updated: number[] = [];
      const skipped: { id: number; code: string; message: string }[] = [];
      await db.transaction('rw', db.drafts, async () => {
        const rows = await db.drafts.bulkGet(draftIds);
        for (const [i, draft] of rows.entries()) {
          if (!draft) {
            skipped.push({ id: draftIds[i]!, code: 'not_found', message: `No draft with id ${draftIds[i]} exists.` });
            continue;
          }
          if (draft.status === 'publishing') {
            skipped.push({ id: draft.id, code: 'conflict', message: 'This draft is being released right now; it was left as it is.' });
            continue;
          }
          const merged = attributes ? mergeAttributes(draft.attributes ?? [], attributes) : undefined;
          // The version moves on: an edit page open on one of these reloads rather than overwriting.
          await db.drafts.put({ ...draft, ...set, ...(merged ? { attributes: merged } : {}), version: draft.version + 1, updatedAt: now() });
          updated.push(draft.id);
        }
      });
      return { updated, skipped };
    },
  }),

  'drafts.remove': command({
    summary: 'delete a draft',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: did }, { db }) {
      const draft = await db.drafts.get(did);
      if (!draft) throw notFound('draft', did);
      if (draft.status === 'publishing') throw new CommandError('conflict', t('err_draft_releasingWait'));
      await db.drafts.delete(did);
      return { removed: did };
    },
  }),

  'storeProducts.clone': command({
    summary: 'clone store products',
    access: EXTENSION_ONLY,
    schema: z.object({ storeProductIds: z.array(id).min(1).max(1000), destinationStoreIds: z.array(id).min(1).max(100) }).strict(),
    async handler({ storeProductIds, destinationStoreIds }, { db, now }) {
      await completeSources(db, storeProductIds);
      const drafts: { id: number; storeId: number; sourceStoreProductId: number }[] = [];
      const errors: { storeProductId: number; storeId: number; code: string; message: string }[] = [];
      const t = now();
      await db.transaction('rw', [db.drafts, db.storeProducts, db.storeVariants, db.stores, db.ruleStores, db.syncRules, db.stockLevels, db.catalogCache], async () => {
        const destinations = await db.stores.bulkGet(destinationStoreIds);
        const sources = await db.storeProducts.bulkGet(storeProductIds);
        for (const [i, source] of sources.entries()) {
          if (!source) {
            for (const sid of destinationStoreIds) errors.push({ storeProductId: storeProductIds[i]!, storeId: sid, code: 'not_found', message: `No store product with id ${storeProductIds[i]} exists.` });
            continue;
          }
          const sourceStore = await db.stores.get(source.storeId);
          const variants = await db.storeVariants.where('storeProductId').equals(source.id).toArray();
          for (const [j, destination] of destinations.entries()) {
            if (!destination) {
              errors.push({ storeProductId: source.id, storeId: destinationStoreIds[j]!, code: 'not_found', message: `No store with id ${destinationStoreIds[j]} exists.` });
              continue;
            }
            const row = await draftFromStoreProduct(db, source, sourceStore!, variants, destination, t);
            drafts.push({ id: await db.drafts.add(row as DraftRow), storeId: destination.id, sourceStoreProductId: source.id });
          }
        }
      });
      return { drafts, errors };
    },
  }),

  'drafts.fromProducts': command({
    summary: 'make drafts from system products',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, productIds: z.array(id).min(1).max(1000) }).strict(),
    async handler({ storeId, productIds }, { db, now }) {
      return db.transaction('rw', [db.drafts, db.products, db.stores, db.ruleStores, db.syncRules, db.stockLevels, db.catalogCache], async () => {
        const store = await db.stores.get(storeId);
        if (!store) throw notFound('store', storeId);
        const products = (await db.products.bulkGet(productIds)).filter((p) => !!p);
        if (products.length !== productIds.length) throw new CommandError('not_found', t('err_draft_productsGone'));
        const rows = await draftFromProducts(db, products as NonNullable<(typeof products)[number]>[], store, now());
        const ids = (await db.drafts.bulkAdd(rows as DraftRow[], { allKeys: true })) as number[];
        return { drafts: ids.map((did, i) => ({ id: did, storeId, productId: productIds[i]! })) };
      });
    },
  }),

  'drafts.release': command({
    summary: 'release drafts',
    access: EXTENSION_ONLY,
    schema: z.object({ draftIds: z.array(id).min(1).max(1000) }).strict(),
    async handler({ draftIds }, { db, now }) {
      const jobId = await db.transaction('rw', db.drafts, db.jobs, db.stores, async () => {
        const drafts = await db.drafts.bulkGet(draftIds);
        const missing = draftIds.filter((_, i) => !drafts[i]);
        if (missing.length) throw new CommandError('not_found', t('err_notFound_draft', missing.join(', ')));
        // "publishing" with no release job running means the job ended without finishing it:
        // releasing again is the recovery (the release looks for the item before creating it).
        const running = await db.jobs.where('[kind+status]').anyOf([['drafts.release', 'queued'], ['drafts.release', 'running']]).toArray();
        const busy = new Set(running.flatMap((j) => (j.input as { draftIds?: number[] } | null)?.draftIds ?? []));
        if (draftIds.some((d) => busy.has(d))) throw new CommandError('conflict', t('err_draft_alreadyReleasing'));
        return createJob(db, 'drafts.release', { draftIds }, draftIds.length, now());
      });
      void kickJobs(db);
      return { jobId };
    },
  }),
};
