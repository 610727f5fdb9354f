// Per-shop item storage with the indexes the platform APIs need:
//  - bySeq: creation order (ids grow with seq), append-only;
//  - byUpdate: sorted by (updatedAt, seq), kept sorted on every change (binary search + splice);
//  - sku / variant / inventory-item indexes.
// Listing pages are O(log n + page) when unfiltered, and filtered views are cached per store
// version, so paging through 100k items costs O(n) once, not O(n) per page.
import { lowerBound } from './util.ts';

export interface Variant {
  variantId: string;
  sellerSku: string;
  price: number;
  /** Stock per location, indexed like the shop's `locations`. */
  stock: number[];
  reserved: number;
  option: string;
  /** Shopify inventory item id (numeric part); '' on other platforms. */
  inventoryItemId: string;
  /** WooCommerce manage_stock (undefined = true). */
  manageStock?: boolean;
  /** Shopee tier_index (defaults to [position] when the item has one tier). */
  tierIndex?: number[];
  createdAt: number;
  updatedAt: number;
}
export interface Item {
  seq: number;
  itemId: string;
  title: string;
  description: string;
  /** Platform-native status (Shopee NORMAL, Lazada Active, TikTok ACTIVATE, Shopify ACTIVE, Woo publish...). */
  status: string;
  /** Shopee has_model / WooCommerce variable / Lazada variation. */
  hasVariants: boolean;
  tierName: string;
  /** Explicit variation tiers (Shopee init_tier_variation); default: one tier from variant options. */
  tiers?: { name: string; options: string[] }[];
  variants: Variant[];
  images: string[];
  categoryId: string;
  /** What the listing was created with (create calls and the control API): attribute ids as the
   *  platform names them, values as option names or text; the brand's name; Shopee logistics ids. */
  attributes?: { id: string; value: string }[];
  brand?: string;
  logistics?: string[];
  createdAt: number;
  updatedAt: number;
  /** Physically deleted (Shopify productDelete, WooCommerce force delete): invisible everywhere. */
  gone: boolean;
}
export interface View {
  length: number;
  at(i: number): Item;
}
export interface ViewOpts {
  order: 'seq' | 'update';
  desc?: boolean;
  /** Inclusive lower bound on updatedAt (ms). */
  fromMs?: number;
  /** Exclusive upper bound on updatedAt (ms). */
  toMs?: number;
  pred?: (it: Item) => boolean;
  /** Identifies `pred` for caching: same key ⇒ same predicate. */
  key: string;
}
export interface VariantRef {
  item: Item;
  variant: Variant;
}

function cmpUpd(a: Item, b: Item): number {
  return a.updatedAt - b.updatedAt || a.seq - b.seq;
}

export class ItemStore {
  private seqCounter = 0;
  private readonly byId = new Map<string, Item>();
  readonly bySeq: Item[] = [];
  readonly byUpdate: Item[] = [];
  private readonly skuIdx = new Map<string, VariantRef[]>();
  private readonly variantIdx = new Map<string, VariantRef>();
  private readonly invIdx = new Map<string, VariantRef>();
  private goneCount = 0;
  version = 0;
  private readonly cache = new Map<string, { version: number; arr: Item[] }>();

  get size(): number {
    return this.byId.size - this.goneCount;
  }
  get(itemId: string): Item | undefined {
    const it = this.byId.get(itemId);
    return it && !it.gone ? it : undefined;
  }
  /** Add items (seq assigned here). Bulk adds sort once. */
  addMany(items: Omit<Item, 'seq'>[]): Item[] {
    const added: Item[] = [];
    for (const raw of items) {
      const it = raw as Item;
      it.seq = ++this.seqCounter;
      this.byId.set(it.itemId, it);
      this.bySeq.push(it);
      for (const v of it.variants) this.indexVariant(it, v);
      added.push(it);
    }
    if (added.length > 32) {
      this.byUpdate.push(...added);
      this.byUpdate.sort(cmpUpd);
    } else {
      for (const it of added) this.insertUpd(it);
    }
    this.version++;
    return added;
  }
  add(item: Omit<Item, 'seq'>): Item {
    return this.addMany([item])[0]!;
  }
  private insertUpd(it: Item): void {
    const arr = this.byUpdate;
    const pos = lowerBound(arr.length, (i) => cmpUpd(arr[i]!, it) > 0);
    arr.splice(pos, 0, it);
  }
  private removeUpd(it: Item): void {
    const arr = this.byUpdate;
    const pos = lowerBound(arr.length, (i) => cmpUpd(arr[i]!, it) >= 0);
    if (arr[pos] === it) arr.splice(pos, 1);
    else {
      const j = arr.indexOf(it); // should not happen; stay correct anyway
      if (j >= 0) arr.splice(j, 1);
    }
  }
  /** Mark an item changed at `now` (moves it in the update order). */
  touch(it: Item, now: number): void {
    this.removeUpd(it);
    it.updatedAt = Math.max(now, it.updatedAt);
    this.insertUpd(it);
    this.version++;
  }
  /** Any change that does not move the update time (still invalidates cached views). */
  bump(): void {
    this.version++;
  }
  markGone(it: Item): void {
    if (!it.gone) {
      it.gone = true;
      this.goneCount++;
      for (const v of it.variants) this.unindexVariant(it, v);
      this.version++;
    }
  }
  indexVariant(item: Item, v: Variant): void {
    if (v.sellerSku) {
      const list = this.skuIdx.get(v.sellerSku);
      if (list) list.push({ item, variant: v });
      else this.skuIdx.set(v.sellerSku, [{ item, variant: v }]);
    }
    if (v.variantId !== '0' && v.variantId !== item.itemId) this.variantIdx.set(v.variantId, { item, variant: v });
    if (v.inventoryItemId) this.invIdx.set(v.inventoryItemId, { item, variant: v });
  }
  unindexVariant(item: Item, v: Variant): void {
    const list = this.skuIdx.get(v.sellerSku);
    if (list) {
      const rest = list.filter((r) => r.variant !== v);
      if (rest.length) this.skuIdx.set(v.sellerSku, rest);
      else this.skuIdx.delete(v.sellerSku);
    }
    if (this.variantIdx.get(v.variantId)?.variant === v) this.variantIdx.delete(v.variantId);
    if (v.inventoryItemId && this.invIdx.get(v.inventoryItemId)?.variant === v) this.invIdx.delete(v.inventoryItemId);
    void item;
  }
  setSku(item: Item, v: Variant, sku: string): void {
    this.unindexVariant(item, v);
    v.sellerSku = sku;
    this.indexVariant(item, v);
    this.version++;
  }
  bySku(sku: string): VariantRef[] {
    return (this.skuIdx.get(sku) ?? []).filter((r) => !r.item.gone);
  }
  variant(variantId: string): VariantRef | undefined {
    const r = this.variantIdx.get(variantId);
    return r && !r.item.gone ? r : undefined;
  }
  inventoryItem(id: string): VariantRef | undefined {
    const r = this.invIdx.get(id);
    return r && !r.item.gone ? r : undefined;
  }
  /** A sorted, filtered view (see file header). */
  view(o: ViewOpts): View {
    const needFilter = !!o.pred || this.goneCount > 0;
    const visible = (it: Item): boolean => !it.gone && (!o.pred || o.pred(it));
    const timeBounded = o.fromMs !== undefined || o.toMs !== undefined;
    let v: View;
    if (o.order === 'update' || timeBounded) {
      const arr = this.byUpdate;
      const from = o.fromMs;
      const to = o.toMs;
      const lo = from === undefined ? 0 : lowerBound(arr.length, (i) => arr[i]!.updatedAt >= from);
      const hi = to === undefined ? arr.length : Math.max(lo, lowerBound(arr.length, (i) => arr[i]!.updatedAt >= to));
      if (o.order === 'update' && !needFilter) {
        v = { length: hi - lo, at: (i) => arr[lo + i]! };
      } else {
        const list = this.cached(`${o.key}|${o.order}|${from}|${to}`, () => {
          const out: Item[] = [];
          for (let i = lo; i < hi; i++) if (visible(arr[i]!)) out.push(arr[i]!);
          if (o.order === 'seq') out.sort((a, b) => a.seq - b.seq);
          return out;
        });
        v = { length: list.length, at: (i) => list[i]! };
      }
    } else if (!needFilter) {
      const arr = this.bySeq;
      v = { length: arr.length, at: (i) => arr[i]! };
    } else {
      const list = this.cached(`${o.key}|seq`, () => this.bySeq.filter(visible));
      v = { length: list.length, at: (i) => list[i]! };
    }
    if (o.desc) {
      const inner = v;
      return { length: inner.length, at: (i) => inner.at(inner.length - 1 - i) };
    }
    return v;
  }
  private cached(key: string, build: () => Item[]): Item[] {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.version) return hit.arr;
    const arr = build();
    this.cache.delete(key);
    this.cache.set(key, { version: this.version, arr });
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value!);
    return arr;
  }
  /** All visible items in creation order. */
  all(): Item[] {
    return this.goneCount ? this.bySeq.filter((i) => !i.gone) : this.bySeq.slice();
  }
}
