// storeProducts.list/get and storeVariants.*: the store product module's reads, and the
// connection of store variants to system products (manual connect, Add system SKU, disconnect).
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { notFound } from '../commands/errors';
import { id, page, pageSize } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { ConnectReason } from '../db/types';
import { autoConnectStore } from '../stores/connect';
import { differingListings, filterEntries, invalidateStore, isIndexReady, storeIndex, syncStatusFor } from './listIndex';
import { viewsOf } from './views';
import { addSystemSku, connectVariant } from './addSystemSku';

const syncStatus = z.enum(['off', 'never', 'pending', 'success', 'partial', 'failed']);

async function storeOf(db: ShelfsyncDB, storeId: number) {
  const store = await db.stores.get(storeId);
  if (!store) throw notFound('store', storeId);
  return store;
}

export const storeProductCommands = {
  'storeProducts.list': command({
    summary: 'list store products',
    access: EXTENSION_ONLY,
    schema: z.object({
      storeId: id,
      q: z.string().trim().max(200).optional(),
      status: z.enum(['active', 'inactive', 'deleted', 'pending', 'rejected', 'gone']).optional(),
      connected: z.boolean().optional(),
      autoSync: z.boolean().optional(),
      syncStatus: syncStatus.optional(),
      drift: z.boolean().optional(),
      // Some variant's platform stock ≠ the number Shelfsync would push (connected, under a rule).
      differs: z.boolean().optional(),
      sort: z.enum(['updated', 'title', 'itemId', 'stock']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      idsOnly: z.boolean().optional(),
      page,
      pageSize,
    }).strict(),
    async handler(input, { db }) {
      await storeOf(db, input.storeId);
      const plain = !input.q && !input.status && input.connected === undefined && input.autoSync === undefined && !input.syncStatus && input.drift === undefined && input.differs === undefined && (!input.sort || input.sort === 'updated') && !input.idsOnly;
      if (plain && !isIndexReady(input.storeId)) {
        // Opening the module: the plain first pages come straight from the [storeId+updatedAt]
        // index while the in-memory index is built for the searches that follow.
        void storeIndex(db, input.storeId);
        // Two collections: Dexie's reverse/offset/limit change a collection in place.
        const range = () => db.storeProducts.where('[storeId+updatedAt]').between([input.storeId, -Infinity], [input.storeId, Infinity]);
        const ordered = input.order === 'asc' ? range() : range().reverse();
        const [total, products] = await Promise.all([range().count(), ordered.offset((input.page - 1) * input.pageSize).limit(input.pageSize).toArray()]);
        return { items: await viewsOf(db, products, await syncStatusFor(db, products)), total };
      }
      const index = await storeIndex(db, input.storeId);
      const rows = filterEntries(index, input, input.differs === undefined ? undefined : await differingListings(db, input.storeId, index));
      // "All items" acts on everything matching the filter, not only the page: ids on request.
      if (input.idsOnly) return { items: [], total: rows.length, ids: rows.map((r) => r.id) };
      const pageRows = rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
      const products = (await db.storeProducts.bulkGet(pageRows.map((r) => r.id))).filter((p) => !!p);
      const items = await viewsOf(db, products as NonNullable<(typeof products)[number]>[], new Map(pageRows.map((r) => [r.id, r.syncStatus])));
      return { items, total: rows.length };
    },
  }),

  'storeProducts.get': command({
    summary: 'read a store product',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: pid }, { db }) {
      const product = await db.storeProducts.get(pid);
      if (!product) throw notFound('store product', pid);
      const index = await storeIndex(db, product.storeId);
      const [view] = await viewsOf(db, [product], new Map([[pid, index.get(pid)?.syncStatus ?? 'never']]));
      return view!;
    },
  }),

  'storeVariants.list': command({
    summary: 'list store variants',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, connected: z.boolean().optional(), reason: z.enum(['no_matching_sku', 'empty_sku', 'ambiguous_sku', 'disconnected']).optional(), q: z.string().trim().max(200).optional(), page, pageSize }).strict(),
    async handler(input, { db }) {
      await storeOf(db, input.storeId);
      let variants = input.connected === undefined
        ? await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').between([input.storeId, '', ''], [input.storeId, '\uffff', '\uffff']).toArray()
        : await db.storeVariants.where('[storeId+connected]').equals([input.storeId, input.connected ? 1 : 0]).toArray();
      const reasons: Record<ConnectReason, number> = { no_matching_sku: 0, empty_sku: 0, ambiguous_sku: 0, disconnected: 0 };
      for (const v of variants) if (v.reason) reasons[v.reason]++;
      const titles = new Map((await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))])).filter(Boolean).map((p) => [p!.id, p!]));
      const q = input.q?.toLowerCase();
      if (input.reason) variants = variants.filter((v) => v.reason === input.reason);
      if (q) variants = variants.filter((v) => v.sellerSkuKey.includes(q) || (titles.get(v.storeProductId)?.title.toLowerCase().includes(q) ?? false) || v.platformItemId.includes(q));
      variants.sort((a, b) => a.storeProductId - b.storeProductId || a.id - b.id);
      const pageRows = variants.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
      const candidateIds = [...new Set(pageRows.flatMap((v) => [...v.candidateProductIds, ...(v.productId !== null ? [v.productId] : [])]))];
      const products = new Map((await db.products.bulkGet(candidateIds)).filter(Boolean).map((p) => [p!.id, p!]));
      const items = pageRows.map((v) => {
        const sp = titles.get(v.storeProductId);
        return {
          id: v.id, storeId: v.storeId, storeProductId: v.storeProductId, platformItemId: v.platformItemId, platformVariantId: v.platformVariantId,
          title: sp?.title ?? '', imageUrl: sp?.imageUrl ?? null, sellerSku: v.sellerSku, options: v.options, price: v.price, platformStock: v.platformStock,
          productId: v.productId, systemSku: v.productId !== null ? products.get(v.productId)?.sku ?? null : null, reason: v.reason,
          candidates: v.candidateProductIds.map((cid) => products.get(cid)).filter(Boolean).map((p) => ({ id: p!.id, sku: p!.sku, name: p!.name })),
        };
      });
      return { items, total: variants.length, reasons };
    },
  }),

  'storeVariants.connect': command({
    summary: 'connect a store variant',
    access: EXTENSION_ONLY,
    // dryRun: the same connection rolled back, answering the number it would push (Connect
    // shows it before the seller confirms).
    schema: z.object({ id, productId: id, dryRun: z.boolean().optional() }).strict(),
    async handler({ id: vid, productId, dryRun }, { db, now }) {
      const { storeId, ...answer } = await connectVariant(db, vid, productId, now(), dryRun);
      if (!dryRun) invalidateStore(storeId);
      return answer;
    },
  }),

  'storeVariants.disconnect': command({
    summary: 'disconnect a store variant',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: vid }, { db }) {
      const v = await db.transaction('rw', db.storeVariants, db.pushQueue, async () => {
        const row = await db.storeVariants.get(vid);
        if (!row) throw notFound('store variant', vid);
        await db.storeVariants.put({ ...row, productId: null, connected: 0, connectedBy: null, reason: 'disconnected', candidateProductIds: [] });
        return row;
      });
      invalidateStore(v.storeId);
      return { id: vid, connected: false };
    },
  }),

  'storeVariants.createSystemProducts': command({
    summary: 'create system products from store variants',
    access: EXTENSION_ONLY,
    schema: z.object({
      storeVariantIds: z.array(id).min(1).max(5000),
      // Where the new products' stock comes from (addSystemSku.ts): the listings' platform stock
      // taken into a warehouse (default), or 0 — which a listing on auto sync is then pushed.
      startingStock: z.enum(['platform', 'zero']).default('platform'),
      warehouseId: id.optional(),
      dryRun: z.boolean().optional(),
    }).strict(),
    async handler(input, { db, now }) {
      const answer = await addSystemSku(db, input, now());
      if (!input.dryRun) for (const sid of answer.storeIds) invalidateStore(sid);
      return answer;
    },
  }),

  'stores.autoConnect': command({
    summary: 're-run auto-connect',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: sid }, { db }) {
      await storeOf(db, sid);
      const result = await autoConnectStore(db, sid);
      invalidateStore(sid);
      if (result.connected === 0 && result.unconnected === 0) return { ...result, message: 'Every variant of this store is already connected.' };
      return result;
    },
  }),
};
