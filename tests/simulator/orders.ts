// Buyers' orders, the part every platform shares (SIMULATOR.md "Control API", platforms/*.md
// "Orders"). An order is kept in neutral words; each platform's order API (platforms/*-orders.ts)
// shows it in that platform's own shape and statuses. Stock moves as the platforms document:
// lowered at order (WooCommerce: when payment is taken), given back when cancelled before
// shipping; a return gives nothing back (the seller restocks by hand on every platform).
import type { Shop, SimState } from './state.ts';
import type { Item, Variant } from './store.ts';
import { lowerBound, randomAlnum } from './util.ts';

export const NEUTRAL_STATUSES = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type NeutralStatus = (typeof NEUTRAL_STATUSES)[number];

export interface SimOrderLine {
  /** Line id as the platform numbers it (Shopify LineItem, WooCommerce line item); per-unit
   *  platforms (Lazada, TikTok) derive one id per unit from it. */
  lineId: string;
  itemId: string;
  variantId: string;
  sellerSku: string;
  quantity: number;
  /** Location the units were taken from (index into shop.locations), per unit taken. */
  takenFrom: number[];
}
export interface SimOrder {
  seq: number;
  orderId: string;
  /** Shopify's "#1001", Lazada's order_number; else the order id. */
  name: string;
  status: NeutralStatus;
  createdAt: number;
  updatedAt: number;
  /** The platform's stock is currently lowered by this order's units. */
  holdsStock: boolean;
  /** Reached shipped at some point (a later cancel is a return). */
  shipped: boolean;
  cancelledAt: number | null;
  lines: SimOrderLine[];
}

const NEXT: Record<NeutralStatus, NeutralStatus[]> = {
  unpaid: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered', 'returned'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

function cmp(a: SimOrder, b: SimOrder): number {
  return a.updatedAt - b.updatedAt || a.seq - b.seq;
}

/** A shop's orders, kept sorted by (updatedAt, seq) so "updated since" pages are a binary search. */
export class OrderStore {
  private seq = 0;
  readonly byId = new Map<string, SimOrder>();
  readonly byUpdate: SimOrder[] = [];
  nextNumber = 1000;

  get size(): number {
    return this.byId.size;
  }
  nextSeq(): number {
    return ++this.seq;
  }
  add(o: SimOrder): void {
    this.byId.set(o.orderId, o);
    this.insert(o);
  }
  touch(o: SimOrder, now: number): void {
    const arr = this.byUpdate;
    const pos = lowerBound(arr.length, (i) => cmp(arr[i]!, o) >= 0);
    if (arr[pos] === o) arr.splice(pos, 1);
    else {
      const j = arr.indexOf(o);
      if (j >= 0) arr.splice(j, 1);
    }
    o.updatedAt = Math.max(now, o.updatedAt);
    this.insert(o);
  }
  private insert(o: SimOrder): void {
    const arr = this.byUpdate;
    arr.splice(lowerBound(arr.length, (i) => cmp(arr[i]!, o) > 0), 0, o);
  }
  /** Orders with fromMs <= updatedAt < toMs, in update order. */
  updatedBetween(fromMs: number, toMs: number): SimOrder[] {
    const arr = this.byUpdate;
    const lo = lowerBound(arr.length, (i) => arr[i]!.updatedAt >= fromMs);
    const hi = Math.max(lo, lowerBound(arr.length, (i) => arr[i]!.updatedAt >= toMs));
    return arr.slice(lo, hi);
  }
  /** Orders with fromMs <= createdAt < toMs, in creation order. */
  createdBetween(fromMs: number, toMs: number): SimOrder[] {
    return [...this.byId.values()].filter((o) => o.createdAt >= fromMs && o.createdAt < toMs).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  }
  clear(): void {
    this.byId.clear();
    this.byUpdate.length = 0;
  }
}

/** Order ids in each platform's own form. */
function newOrderId(shop: Shop, seq: number, now: number): string {
  switch (shop.platform) {
    case 'shopee': {
      // order_sn: YYMMDD + 8 upper-case alphanumerics, e.g. 2412030ABC12XYZ.
      const d = new Date(now);
      const ymd = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
      return `${ymd}${randomAlnum(8).toUpperCase()}`;
    }
    case 'lazada':
      return String(400_000_000_000_000 + seq * 7919);
    case 'tiktok':
      return String(576_000_000_000_000_000n + BigInt(seq) * 104_729n);
    case 'shopify':
      return String(5_600_000_000 + seq * 13);
    case 'woocommerce':
      return String(9000 + seq);
  }
}

export type PlaceResult = { order: SimOrder } | { error: 'out_of_stock' | 'unknown_sku'; message: string };

/** Whether the platform lowers its stock for an order in this status (WooCommerce only once paid). */
function holdsAt(shop: Shop, status: NeutralStatus): boolean {
  if (status === 'cancelled' || status === 'returned') return false;
  return !(shop.platform === 'woocommerce' && status === 'unpaid');
}

function findVariant(shop: Shop, sku: string): { item: Item; variant: Variant } | undefined {
  return shop.items.bySku(sku)[0];
}

/** Take `qty` units off the variant, first location first; answers the location per unit. */
function take(v: Variant, qty: number): number[] {
  const from: number[] = [];
  for (let i = 0; i < v.stock.length && from.length < qty; i++) {
    while ((v.stock[i] ?? 0) > 0 && from.length < qty) {
      v.stock[i] = v.stock[i]! - 1;
      from.push(i);
    }
  }
  return from;
}

function available(v: Variant): number {
  return v.stock.reduce((a, b) => a + b, 0);
}

function hold(state: SimState, shop: Shop, o: SimOrder): void {
  for (const l of o.lines) {
    const r = shop.items.variant(l.variantId) ?? findVariant(shop, l.sellerSku);
    if (!r) continue;
    l.takenFrom = take(r.variant, l.quantity);
    state.stockEvent(shop, r.item, r.variant, 'order');
  }
  o.holdsStock = true;
  shop.items.bump();
}

function giveBack(state: SimState, shop: Shop, o: SimOrder): void {
  for (const l of o.lines) {
    const r = shop.items.variant(l.variantId) ?? findVariant(shop, l.sellerSku);
    if (!r) continue;
    for (const i of l.takenFrom) r.variant.stock[i] = (r.variant.stock[i] ?? 0) + 1;
    l.takenFrom = [];
    state.stockEvent(shop, r.item, r.variant, 'order');
  }
  o.holdsStock = false;
  shop.items.bump();
}

/** A buyer's order. Refused, changing nothing, when a SKU is unknown or the platform's stock is short. */
export function placeOrder(state: SimState, shop: Shop, lines: { sellerSku: string; quantity: number }[], status: 'unpaid' | 'paid' = 'paid'): PlaceResult {
  const want = new Map<string, number>();
  for (const l of lines) want.set(l.sellerSku, (want.get(l.sellerSku) ?? 0) + l.quantity);
  const found: { sku: string; qty: number; item: Item; variant: Variant }[] = [];
  for (const [sku, qty] of want) {
    const r = findVariant(shop, sku);
    if (!r) return { error: 'unknown_sku', message: `no listing with seller SKU ${sku} in shop ${shop.shopId}` };
    if (holdsAt(shop, status) && available(r.variant) < qty) {
      shop.stats.ordersRefused++;
      return { error: 'out_of_stock', message: `${sku}: ${available(r.variant)} in stock, ${qty} ordered` };
    }
    found.push({ sku, qty, ...r });
  }
  const now = state.now();
  const seq = shop.orders.nextSeq();
  const number = ++shop.orders.nextNumber;
  const orderId = newOrderId(shop, seq, now);
  const order: SimOrder = {
    seq,
    orderId,
    name: shop.platform === 'shopify' ? `#${number}` : shop.platform === 'lazada' ? String(300_000_000_000 + seq * 31) : orderId,
    status,
    createdAt: now,
    updatedAt: now,
    holdsStock: false,
    shipped: false,
    cancelledAt: null,
    lines: found.map((f, i) => ({
      lineId: String(shop.platform === 'shopify' ? 14_000_000_000 + seq * 100 + i : seq * 100 + i + 1),
      itemId: f.item.itemId,
      variantId: f.variant.variantId,
      sellerSku: f.sku,
      quantity: f.qty,
      takenFrom: [],
    })),
  };
  if (holdsAt(shop, status)) hold(state, shop, order);
  shop.orders.add(order);
  shop.stats.ordersPlaced++;
  return { order };
}

export type StatusResult = { order: SimOrder } | { error: 'invalid_transition' | 'out_of_stock'; message: string };

/** Move an order to a neutral status the way the platform does. */
export function setOrderStatus(state: SimState, shop: Shop, order: SimOrder, status: NeutralStatus): StatusResult {
  if (status === order.status) return { order };
  if (!NEXT[order.status].includes(status)) {
    return { error: 'invalid_transition', message: `an order that is ${order.status} cannot become ${status} (next: ${NEXT[order.status].join(', ') || 'none'})` };
  }
  // WooCommerce takes the stock when payment comes in; refused like a failed checkout when short.
  if (!order.holdsStock && holdsAt(shop, status) && !order.shipped) {
    for (const l of order.lines) {
      const r = shop.items.variant(l.variantId) ?? findVariant(shop, l.sellerSku);
      if (r && available(r.variant) < l.quantity) return { error: 'out_of_stock', message: `${l.sellerSku}: ${available(r.variant)} in stock, ${l.quantity} ordered` };
    }
    hold(state, shop, order);
  }
  if (status === 'cancelled' && order.holdsStock) giveBack(state, shop, order);
  if (status === 'shipped') order.shipped = true;
  if (status === 'cancelled') order.cancelledAt = state.now();
  order.status = status;
  shop.orders.touch(order, state.now());
  return { order };
}

/** The control API's neutral view of an order. */
export function neutralOrder(o: SimOrder): Record<string, unknown> {
  return {
    orderId: o.orderId,
    name: o.name,
    status: o.status,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lines: o.lines.map((l) => ({ sellerSku: l.sellerSku, quantity: l.quantity, itemId: l.itemId, variantId: l.variantId })),
  };
}

/** Count a call of a platform's order API (stats.orderCalls). */
export function countOrderCall(shop: Shop | undefined): void {
  if (shop) shop.stats.orderCalls++;
}
