// storeProducts.list/get and storeVariants.*: the store product module's reads, and the
// connection of store variants to system products (manual connect, Add system SKU, disconnect).
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { notFound } from '../commands/errors';
import { id, page, pageSize } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { ConnectReason, ProductRow, StoreVariantRow } from '../db/types';
import { looseKeyOf, skuKeyOf } from '../db/versions';
import { markVariants } from '../sync/capture';
import { autoConnectStore } from '../stores/connect';
import { filterEntries, invalidateStore, isIndexReady, storeIndex, syncStatusFor } from './listIndex';
import { viewsOf } from './views';

const syncStatus = z.enum(['off', 'never', 'pending', 'success', 'failed']);

async function storeOf(db: ShelfsyncDB, storeId: number) {
  const store = await db.stores.get(storeId);
  if (!store) throw notFound('store', storeId);
  return store;
}

/** After a connection change: push the variant if its listing is on auto sync. */
async function markIfAutoSync(db: ShelfsyncDB, variants: StoreVariantRow[], now: number): Promise<void> {
  const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
  const on = new Set(products.filter((p) => p?.autoSync === 1).map((p) => p!.id));
  await markVariants(db, variants.filter((v) => on.has(v.storeProductId) && v.connected === 1), 'connection', { now });
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
      sort: z.enum(['updated', 'title', 'itemId', 'stock']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      idsOnly: z.boolean().optional(),
      page,
      pageSize,
    }).strict(),
    async handler(input, { db }) {
      await storeOf(db, input.storeId);
      const plain = !input.q && !input.status && input.connected === undefined && input.autoSync === undefined && !input.syncStatus && input.drift === undefined && (!input.sort || input.sort === 'updated') && !input.idsOnly;
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
      const rows = filterEntries(index, input);
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
    schema: z.object({ id, productId: id }).strict(),
    async handler({ id: vid, productId }, { db, now }) {
      const updated = await db.transaction('rw', [...captureTables(db), db.products], async () => {
        const v = await db.storeVariants.get(vid);
        if (!v) throw notFound('store variant', vid);
        const product = await db.products.get(productId);
        if (!product) throw notFound('system product', productId);
        const next: StoreVariantRow = { ...v, productId, connected: 1, connectedBy: 'manual', reason: null, candidateProductIds: [] };
        await db.storeVariants.put(next);
        await markIfAutoSync(db, [next], now());
        return next;
      });
      invalidateStore(updated.storeId);
      return { id: updated.id, productId: updated.productId, connected: true };
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
    schema: z.object({ storeVariantIds: z.array(id).min(1).max(5000) }).strict(),
    async handler({ storeVariantIds }, { db, now }) {
      const created: { storeVariantId: number; productId: number; sku: string }[] = [];
      const errors: { storeVariantId: number; code: string; message: string }[] = [];
      const storeIds = new Set<number>();
      await db.transaction('rw', [...captureTables(db), db.products], async () => {
        const variants = await db.storeVariants.bulkGet(storeVariantIds);
        const connected: StoreVariantRow[] = [];
        const t = now();
        for (const [i, v] of variants.entries()) {
          const vid = storeVariantIds[i]!;
          if (!v) {
            errors.push({ storeVariantId: vid, code: 'not_found', message: `No store variant with id ${vid} exists.` });
            continue;
          }
          const sku = v.sellerSku.trim();
          if (!sku) {
            errors.push({ storeVariantId: vid, code: 'empty_sku', message: 'This variant has no seller SKU on the platform, so there is no SKU to create. Give it one on the platform, or connect it manually.' });
            continue;
          }
          const taken = await db.products.where('skuKey').equals(skuKeyOf(sku)).first();
          if (taken) {
            errors.push({ storeVariantId: vid, code: 'sku_taken', message: `The SKU "${sku}" already belongs to the system product "${taken.name}"; connect this variant to it instead.` });
            continue;
          }
          const sp = await db.storeProducts.get(v.storeProductId);
          const optionText = v.options ? Object.values(v.options).filter(Boolean).join(' / ') : '';
          const row = {
            sku, skuKey: skuKeyOf(sku), looseKey: looseKeyOf(sku), name: `${sp?.title ?? sku}${optionText ? ` — ${optionText}` : ''}`.slice(0, 300),
            price: v.price, imageUrl: sp?.imageUrl && /^https?:\/\//.test(sp.imageUrl) ? sp.imageUrl : null, weightGrams: null,
            description: null, createdAt: t, updatedAt: t,
          };
          const productId = await db.products.add(row as ProductRow);
          const next: StoreVariantRow = { ...v, productId, connected: 1, connectedBy: 'created', reason: null, candidateProductIds: [] };
          await db.storeVariants.put(next);
          connected.push(next);
          storeIds.add(v.storeId);
          created.push({ storeVariantId: vid, productId, sku });
        }
        await markIfAutoSync(db, connected, t);
      });
      for (const sid of storeIds) invalidateStore(sid);
      return { created, errors };
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
