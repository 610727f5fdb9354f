// The store product list at a seller's scale (100,000+ variants in a store): searching titles,
// seller SKUs, system SKUs and item ids is a substring match no IndexedDB index can answer, so
// the background keeps one compact summary per listing per store in memory, built with two
// index range scans, and filters, sorts and pages it in memory (milliseconds). Writers that
// change listings or connections call `invalidateStore`; sync results patch `syncStatus` in
// place. A stopped worker simply rebuilds on the next query.
//
// "Differs" (platform stock ≠ the number Shelfsync would push) is different: the number moves
// with every stock change, and stock changes do not rebuild the index (50 a second would keep it
// rebuilding). So it is not part of the summary; it is computed when a query asks for it, from
// the summary's connected variants ([system product, platform stock] pairs), the store's rule
// and the stock levels, and kept per store with what made it stale since: the products whose
// stock moved (a stock-change listener records their ids — no read inside the change's
// transaction), listings whose platform stock a push result patched, and the rule (compared
// whole, so an edit or removal recomputes the store). The next query recomputes only the stale
// listings; the first one per store reads the rule's warehouses' levels in one range scan each.
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow, StockLevelRow, StoreProductRow, StoreVariantRow, SyncRuleRow } from '../db/types';
import { naturalKey } from '../naturalSort';
import { quantityFrom, rulesForStores } from '../sync/quantity';

/** `partial`: the last sync succeeded, but some variant is not connected, so it never is pushed. */
export type SyncStatusSummary = 'off' | 'never' | 'pending' | 'success' | 'partial' | 'failed';

export interface ListEntry {
  id: number;
  title: string;
  /** Natural sort keys (naturalSort.ts): "Tee 2" before "Tee 10". */
  titleKey: string;
  itemKey: string;
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
  /** Connected variants, flat: system product id, platform stock, system product id, … */
  linked: number[];
}

const cache = new Map<number, Promise<Map<number, ListEntry>>>();

export function invalidateStore(storeId: number): void {
  cache.delete(storeId);
  ready.delete(storeId);
  differsCache.delete(storeId);
}

export function invalidateAll(): void {
  cache.clear();
  ready.clear();
  differsCache.clear();
}

function syncStatusOf(autoSync: 0 | 1, variants: StoreVariantRow[], queued: Set<number>): SyncStatusSummary {
  if (variants.some((v) => v.failing === 1)) return 'failed';
  if (variants.some((v) => queued.has(v.id))) return 'pending';
  // A listing is not "synced" while one of its variants is never pushed.
  if (variants.some((v) => v.lastSync?.status === 'success')) return variants.some((v) => v.productId === null) ? 'partial' : 'success';
  return autoSync ? 'never' : 'off';
}

function linkedOf(variants: StoreVariantRow[]): number[] {
  const out: number[] = [];
  for (const v of variants) if (v.productId !== null) out.push(v.productId, v.platformStock);
  return out;
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
      titleKey: naturalKey(p.title),
      itemKey: naturalKey(p.platformItemId),
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
      linked: linkedOf(vs),
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
  const differs = differsCache.get(storeId);
  for (const id of storeProductIds) {
    const e = map.get(id);
    if (!e) continue;
    const vs = variants.filter((v) => v.storeProductId === id);
    e.syncStatus = syncStatusOf(e.autoSync, vs, queued);
    e.platformStock = vs.reduce((s, v) => s + v.platformStock, 0);
    e.drifted = vs.filter((v) => !!v.drift).length;
    // A push that succeeded changed the platform stock we know.
    e.linked = linkedOf(vs);
    differs?.staleListings.add(id);
  }
}

interface DiffersCache {
  /** The index and rule the flags were computed from; either changing recomputes them all. */
  index: Map<number, ListEntry>;
  rule: string;
  /** Listing id → some connected variant's platform stock ≠ its push quantity. */
  flags: Map<number, boolean>;
  staleProducts: Set<number>;
  staleListings: Set<number>;
  /** The computation in progress (or done): queries wait for it. */
  work: Promise<void>;
}

const differsCache = new Map<number, DiffersCache>();
/** Beyond this many stale products (a stock import), one scan beats reading their levels. */
const RECOMPUTE_ALL_AFTER = 2000;

// Inside the stock change's transaction: only remember which products moved. A query that then
// reads their levels opens its read transaction later, and IndexedDB runs it after the writing
// transaction (overlapping scope, created earlier): it sees the committed levels, or the old
// ones if the change aborted — right either way.
export async function markDiffersStale(_db: ShelfsyncDB, movements: MovementRow[]): Promise<void> {
  for (const c of differsCache.values()) for (const m of movements) c.staleProducts.add(m.productId);
}

/** Platform stock ≠ what Shelfsync would push: only a connected variant under a rule has a push
 *  quantity, so only those can differ. */
export function stockDiffers(platformStock: number, pushQuantity: number | null): boolean {
  return pushQuantity !== null && platformStock !== pushQuantity;
}

async function computeDiffers(db: ShelfsyncDB, rule: SyncRuleRow | null, entries: ListEntry[], flags: Map<number, boolean>, many: boolean): Promise<void> {
  if (!rule) {
    for (const e of entries) flags.set(e.id, false);
    return;
  }
  const productIds = new Set<number>();
  for (const e of entries) for (let i = 0; i < e.linked.length; i += 2) productIds.add(e.linked[i]!);
  let rows: (StockLevelRow | undefined)[];
  // One equals() range per warehouse is a getAll; anyOf() walks a cursor row by row.
  if (many || productIds.size > RECOMPUTE_ALL_AFTER) rows = (await Promise.all(rule.warehouseIds.map((w) => db.stockLevels.where('warehouseId').equals(w).toArray()))).flat();
  else rows = await db.stockLevels.bulkGet([...productIds].flatMap((p) => rule.warehouseIds.map((w): [number, number] => [p, w])));
  const levels = new Map<string, StockLevelRow>();
  for (const l of rows) if (l) levels.set(`${l.productId}:${l.warehouseId}`, l);
  const quantities = new Map<number, number>();
  const quantityOf = (productId: number) => {
    let q = quantities.get(productId);
    if (q === undefined) {
      q = quantityFrom(rule, rule.warehouseIds.map((w) => levels.get(`${productId}:${w}`))).quantity;
      quantities.set(productId, q);
    }
    return q;
  };
  for (const e of entries) {
    let differs = false;
    for (let i = 0; i < e.linked.length && !differs; i += 2) differs = stockDiffers(e.linked[i + 1]!, quantityOf(e.linked[i]!));
    flags.set(e.id, differs);
  }
}

/** Which listings of a store have a variant whose platform stock differs from its push quantity,
 *  fresh as of this call (see the top of this file). */
export async function differingListings(db: ShelfsyncDB, storeId: number, index: Map<number, ListEntry>): Promise<Map<number, boolean>> {
  const rule = (await rulesForStores(db, [storeId])).get(storeId) ?? null;
  const ruleKey = rule ? JSON.stringify(rule) : '';
  let c = differsCache.get(storeId);
  if (!c || c.index !== index || c.rule !== ruleKey || c.staleProducts.size > RECOMPUTE_ALL_AFTER) {
    // Registered before reading, so changes that land during the read are recorded as stale.
    const fresh: DiffersCache = { index, rule: ruleKey, flags: new Map(), staleProducts: new Set(), staleListings: new Set(), work: Promise.resolve() };
    fresh.work = computeDiffers(db, rule, [...index.values()], fresh.flags, true);
    differsCache.set(storeId, (c = fresh));
  } else if (c.staleProducts.size || c.staleListings.size) {
    const { staleProducts: products, staleListings: listings, flags } = c;
    c.staleProducts = new Set();
    c.staleListings = new Set();
    const affected: ListEntry[] = [];
    for (const e of index.values()) {
      let hit = listings.has(e.id);
      for (let i = 0; i < e.linked.length && !hit; i += 2) hit = products.has(e.linked[i]!);
      if (hit) affected.push(e);
    }
    // After any computation still running: a query never answers from half-computed flags.
    c.work = c.work.then(() => computeDiffers(db, rule, affected, flags, false));
  }
  const mine = c;
  try {
    await mine.work;
  } catch (err) {
    if (differsCache.get(storeId) === mine) differsCache.delete(storeId);
    throw err;
  }
  return mine.flags;
}

export type SortKey = 'updated' | 'title' | 'itemId' | 'stock';

export interface ListFilter {
  q?: string;
  status?: StoreProductRow['status'] | 'gone';
  connected?: boolean;
  autoSync?: boolean;
  syncStatus?: SyncStatusSummary;
  drift?: boolean;
  /** Some variant's platform stock ≠ its push quantity (needs `differingListings`' answer). */
  differs?: boolean;
  sort?: SortKey;
  order?: 'asc' | 'desc';
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function filterEntries(index: Map<number, ListEntry>, f: ListFilter, differs?: Map<number, boolean>): ListEntry[] {
  const q = f.q?.trim().toLowerCase();
  const rows: ListEntry[] = [];
  for (const e of index.values()) {
    if (f.status === 'gone' ? e.gone !== 1 : f.status && (e.status !== f.status || e.gone === 1)) continue;
    if (f.connected === true && e.connectedVariants < e.variants) continue;
    if (f.connected === false && e.connectedVariants === e.variants) continue;
    if (f.autoSync !== undefined && e.autoSync !== (f.autoSync ? 1 : 0)) continue;
    if (f.syncStatus && e.syncStatus !== f.syncStatus) continue;
    if (f.drift !== undefined && (e.drifted > 0) !== f.drift) continue;
    if (f.differs !== undefined && (differs?.get(e.id) ?? false) !== f.differs) continue;
    if (q && !e.haystack.includes(q)) continue;
    rows.push(e);
  }
  const dir = f.order === 'asc' ? 1 : -1;
  const key = f.sort ?? 'updated';
  rows.sort((a, b) => {
    // Plain comparisons of natural keys: a collator over 100,000 rows costs more than the filter.
    const c = key === 'title' ? plain(a.titleKey, b.titleKey) : key === 'itemId' ? plain(a.itemKey, b.itemKey) : key === 'stock' ? a.platformStock - b.platformStock : a.updatedAt - b.updatedAt;
    return (c || a.id - b.id) * dir;
  });
  return rows;
}
