// The store product list at a seller's scale (100,000+ variants in a store): searching titles,
// seller SKUs, system SKUs and item ids is a substring match no IndexedDB index can answer, so
// the background keeps one compact summary per listing per store in memory, built with two
// index range scans, and filters, sorts and pages it in memory (milliseconds). Writers that
// change listings or connections call `invalidateStore`; sync results patch `syncStatus` in
// place. A stopped worker simply rebuilds on the next query.
import type { ShelfsyncDB } from '../db/database';
import type { StoreProductRow, StoreVariantRow } from '../db/types';

export type SyncStatusSummary = 'off' | 'never' | 'pending' | 'success' | 'failed';

export interface ListEntry {
  id: number;
  title: string;
  /** Lower-cased title, item id, seller SKUs and system SKUs: what search looks in. */
  haystack: string;
  platformItemId: string;
  status: StoreProductRow['status'];
  gone: 0 | 1;
  autoSync: 0 | 1;
  updatedAt: number;
  platformUpdatedAt: number;
  variants: number;
  connectedVariants: number;
  platformStock: number;
  syncStatus: SyncStatusSummary;
  /** Variants whose platform stock differed from our number at the last drift check. */
  drifted: number;
}

const cache = new Map<number, Promise<Map<number, ListEntry>>>();

export function invalidateStore(storeId: number): void {
  cache.delete(storeId);
  ready.delete(storeId);
}

export function invalidateAll(): void {
  cache.clear();
  ready.clear();
}

function syncStatusOf(autoSync: 0 | 1, variants: StoreVariantRow[], queued: Set<number>): SyncStatusSummary {
  if (variants.some((v) => v.failing === 1)) return 'failed';
  if (variants.some((v) => queued.has(v.id))) return 'pending';
  if (variants.some((v) => v.lastSync?.status === 'success')) return 'success';
  return autoSync ? 'never' : 'off';
}

async function build(db: ShelfsyncDB, storeId: number): Promise<Map<number, ListEntry>> {
  const [products, variants, queued] = await Promise.all([
    db.storeProducts.where('[storeId+platformItemId]').between([storeId, ''], [storeId, '\uffff']).toArray(),
    db.storeVariants.where('[storeId+platformItemId+platformVariantId]').between([storeId, '', ''], [storeId, '\uffff', '\uffff']).toArray(),
    db.pushQueue.where('[storeId+dueAt]').between([storeId, -Infinity], [storeId, Infinity]).primaryKeys(),
  ]);
  const productIds = [...new Set(variants.map((v) => v.productId).filter((id): id is number => id !== null))];
  const systemSkus = new Map((await db.products.bulkGet(productIds)).filter(Boolean).map((p) => [p!.id, p!.skuKey]));
  const byProduct = new Map<number, StoreVariantRow[]>();
  for (const v of variants) {
    const list = byProduct.get(v.storeProductId);
    if (list) list.push(v);
    else byProduct.set(v.storeProductId, [v]);
  }
  const queuedSet = new Set(queued);
  const out = new Map<number, ListEntry>();
  for (const p of products) {
    const vs = byProduct.get(p.id) ?? [];
    const skus = vs.map((v) => `${v.sellerSkuKey} ${v.productId !== null ? systemSkus.get(v.productId) ?? '' : ''}`).join(' ');
    out.set(p.id, {
      id: p.id,
      title: p.title,
      haystack: `${p.title.toLowerCase()} ${p.platformItemId.toLowerCase()} ${skus}`,
      platformItemId: p.platformItemId,
      status: p.status,
      gone: p.gone,
      autoSync: p.autoSync,
      updatedAt: p.updatedAt,
      platformUpdatedAt: p.platformUpdatedAt,
      variants: vs.length,
      connectedVariants: vs.filter((v) => v.connected === 1).length,
      platformStock: vs.reduce((s, v) => s + v.platformStock, 0),
      syncStatus: syncStatusOf(p.autoSync, vs, queuedSet),
      drifted: vs.filter((v) => !!v.drift).length,
    });
  }
  return out;
}

const ready = new Set<number>();

/** Whether the store's index is built and waiting (a query now costs milliseconds). */
export function isIndexReady(storeId: number): boolean {
  return ready.has(storeId) && cache.has(storeId);
}

/** Sync status summaries for a few listings, without the index (the unfiltered first page). */
export async function syncStatusFor(db: ShelfsyncDB, products: StoreProductRow[]): Promise<Map<number, SyncStatusSummary>> {
  const variants = await db.storeVariants.where('storeProductId').anyOf(products.map((p) => p.id)).toArray();
  const queued = new Set(await db.pushQueue.where('storeVariantId').anyOf(variants.map((v) => v.id)).primaryKeys());
  return new Map(products.map((p) => [p.id, syncStatusOf(p.autoSync, variants.filter((v) => v.storeProductId === p.id), queued)]));
}

export function storeIndex(db: ShelfsyncDB, storeId: number): Promise<Map<number, ListEntry>> {
  let entry = cache.get(storeId);
  if (!entry) {
    ready.delete(storeId);
    entry = build(db, storeId);
    cache.set(storeId, entry);
    const built = entry;
    entry.then(() => {
      if (cache.get(storeId) === built) ready.add(storeId);
    }, () => cache.delete(storeId));
  }
  return entry;
}

/** Sync results and queue changes patch the summaries in place (no rebuild while pushing). */
export async function patchSyncStatus(db: ShelfsyncDB, storeId: number, storeProductIds: number[]): Promise<void> {
  const index = cache.get(storeId);
  if (!index || !storeProductIds.length) return;
  const map = await index;
  const variants = await db.storeVariants.where('storeProductId').anyOf(storeProductIds).toArray();
  const queued = new Set(await db.pushQueue.where('storeVariantId').anyOf(variants.map((v) => v.id)).primaryKeys());
  for (const id of storeProductIds) {
    const e = map.get(id);
    if (!e) continue;
    const vs = variants.filter((v) => v.storeProductId === id);
    e.syncStatus = syncStatusOf(e.autoSync, vs, queued);
    e.platformStock = vs.reduce((s, v) => s + v.platformStock, 0);
    e.drifted = vs.filter((v) => !!v.drift).length;
  }
}

export type SortKey = 'updated' | 'title' | 'itemId' | 'stock';

export interface ListFilter {
  q?: string;
  status?: StoreProductRow['status'] | 'gone';
  connected?: boolean;
  autoSync?: boolean;
  syncStatus?: SyncStatusSummary;
  drift?: boolean;
  sort?: SortKey;
  order?: 'asc' | 'desc';
}

export function filterEntries(index: Map<number, ListEntry>, f: ListFilter): ListEntry[] {
  const q = f.q?.trim().toLowerCase();
  const rows: ListEntry[] = [];
  for (const e of index.values()) {
    if (f.status === 'gone' ? e.gone !== 1 : f.status && (e.status !== f.status || e.gone === 1)) continue;
    if (f.connected === true && e.connectedVariants < e.variants) continue;
    if (f.connected === false && e.connectedVariants === e.variants) continue;
    if (f.autoSync !== undefined && e.autoSync !== (f.autoSync ? 1 : 0)) continue;
    if (f.syncStatus && e.syncStatus !== f.syncStatus) continue;
    if (f.drift !== undefined && (e.drifted > 0) !== f.drift) continue;
    if (q && !e.haystack.includes(q)) continue;
    rows.push(e);
  }
  const dir = f.order === 'asc' ? 1 : -1;
  const key = f.sort ?? 'updated';
  rows.sort((a, b) => {
    // Plain comparisons: localeCompare over 100,000 rows costs more than the whole filter.
    const c = key === 'title' ? (a.haystack < b.haystack ? -1 : a.haystack > b.haystack ? 1 : 0) : key === 'itemId' ? a.platformItemId.localeCompare(b.platformItemId, undefined, { numeric: true }) : key === 'stock' ? a.platformStock - b.platformStock : a.updatedAt - b.updatedAt;
    return (c || a.id - b.id) * dir;
  });
  return rows;
}
