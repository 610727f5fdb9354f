// Lazada orders (lazada.md "Orders"): GET /orders/get by update time, oldest change first, then
// GET /orders/items/get for ≤ 50 orders a call. Lazada answers one item row per unit, each with
// its own status; rows are folded into one line per (SKU, status).

import { PlatformError, type ListOrdersOptions, type ListOrdersPage, type OrderStatus, type PlatformOrder, type PlatformOrderLine } from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, int, num, obj, str } from '../util.ts';
import type { LazadaCall } from './client.ts';
import { LAZADA_ORDERS_OFFSET_MAX, lazadaProfile } from './profile.ts';

/** The adapter's signed, paced call; `retry` waits out a throttle (the 2nd..nth call of a page). */
export type LazadaCaller = (call: LazadaCall, retry: boolean) => Promise<Record<string, unknown>>;

const PAGE_MAX = lazadaProfile.api.orderPageMax;
const ORDERS_OFFSET_MAX = LAZADA_ORDERS_OFFSET_MAX;
const ORDER_IDS_MAX = 50;

/** Item-row statuses (Lazada's list, GetOrders' status filter values) in ORDERS.md's words.
 *  `failed` is a failed delivery and `shipped_back*` the parcel coming back: the units left and
 *  return, so they are returns. Lost or damaged by the carrier: gone, as shipped. */
const STATUS: Record<string, OrderStatus> = {
  unpaid: 'unpaid',
  pending: 'open',
  packed: 'open',
  repacked: 'open',
  topack: 'open',
  toship: 'open',
  ready_to_ship: 'open',
  ready_to_ship_pending: 'open',
  shipping: 'shipped',
  shipped: 'shipped',
  delivered: 'shipped',
  lost: 'shipped',
  lost_by_3pl: 'shipped',
  damaged_by_3pl: 'shipped',
  package_scrapped: 'shipped',
  shipped_back_failed: 'shipped',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  returned: 'returned',
  failed: 'returned',
  failed_delivery: 'returned',
  shipped_back: 'returned',
  shipped_back_success: 'returned',
};

/** An unknown word keeps the units held ('open'): reserving too long is safer than overselling. */
export function lazadaOrderStatus(s: string): OrderStatus {
  return STATUS[s.trim().toLowerCase()] ?? 'open';
}

/** The order's own status: the one its lines need most attention for (open first). */
const ORDER_PRECEDENCE: OrderStatus[] = ['open', 'unpaid', 'shipped', 'returned', 'cancelled'];

/** Epoch ms of a Lazada time: documented as ISO 8601 with offset (2018-02-09T22:44:30+08:00);
 *  the space-separated "2018-02-09 22:44:30 +0800" form some answers carry is read too. NaN when
 *  unreadable. */
export function lazadaTimeMs(v: unknown): number {
  const n = num(v);
  if (n !== null) return n < 1e12 ? n * 1000 : n;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(str(v).trim());
  if (!m) return NaN;
  const base = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  const z = m[8];
  if (!z || z === 'Z') return base;
  const d = z.replace(':', '');
  return base - (d[0] === '-' ? -1 : 1) * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5))) * 60_000;
}

/** A date parameter: ISO 8601 with a numeric offset, to the second (Lazada's E017 asks for
 *  YYYY-MM-DDTHH:mm:ss±HH:MM). */
export function lazadaIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

/** Item rows → one line per (SKU, status). Ids are the ones listItems gives: product_id is the
 *  item_id, sku_id the SkuId. */
export function foldLazadaItems(rows: unknown[]): PlatformOrderLine[] {
  const lines = new Map<string, PlatformOrderLine>();
  for (const raw of rows) {
    const r = obj(raw);
    const status = lazadaOrderStatus(str(r.status));
    const line = { platformItemId: str(r.product_id), platformVariantId: str(r.sku_id), sellerSku: str(r.sku), status };
    const key = `${line.platformItemId}|${line.platformVariantId}|${line.sellerSku}|${status}`;
    const had = lines.get(key);
    if (had) had.quantity++;
    else lines.set(key, { ...line, quantity: 1 });
  }
  return [...lines.values()];
}

export function mapLazadaOrder(raw: unknown, rows: unknown[]): PlatformOrder {
  const o = obj(raw);
  const lines = foldLazadaItems(rows);
  const words = arr(o.statuses).map(str).filter(Boolean);
  const statuses = new Set([...lines.map((l) => l.status), ...words.map(lazadaOrderStatus)]);
  const created = lazadaTimeMs(o.created_at);
  const updated = lazadaTimeMs(o.updated_at);
  return {
    platformOrderId: str(o.order_id),
    displayName: str(o.order_number) || undefined,
    status: ORDER_PRECEDENCE.find((s) => statuses.has(s)) ?? 'open',
    platformStatus: (words.length ? words : [...new Set(rows.map((r) => str(obj(r).status)))]).join(', '),
    createdAt: Number.isNaN(created) ? 0 : created,
    updatedAt: Number.isNaN(updated) ? 0 : updated,
    lines,
  };
}

/** One page of orders changed since `updatedSince`, oldest change first.
 *
 *  Paging moves `update_after` to the last update time read (that second is read again: the
 *  caller is idempotent), so the offset only counts orders within one second. Plain offset
 *  paging would skip an order whenever one already read changes during the scan (it leaves its
 *  place and the rest shift down), and would run into the 5,000 ceiling.
 *  A second with more than 5,000 changes (a batch status update) is read on its own
 *  (update_after = update_before = that second) in created_at windows moved the same way; only
 *  5,000 orders created and changed in the same second cannot be paged (PlatformError invalid).
 *  Cursor: `w` window start (ms, whole second), `o` offset, `c` created_at window start while
 *  reading a crowded second. */
export async function listLazadaOrders(call: LazadaCaller, opts: ListOrdersOptions): Promise<ListOrdersPage> {
  const cur = decodeCursor(opts.cursor);
  const w = cur ? int(cur.w) : Math.floor(opts.updatedSince / 1000) * 1000;
  const offset = cur ? int(cur.o) : 0;
  const crowd = cur && cur.c !== undefined ? int(cur.c) : null;
  const limit = Math.min(Math.max(Math.trunc(opts.pageSize ?? PAGE_MAX), 1), PAGE_MAX);
  const params: Record<string, string> =
    crowd === null
      ? { update_after: lazadaIso(w), sort_by: 'updated_at' }
      : { update_after: lazadaIso(w), update_before: lazadaIso(w), created_after: lazadaIso(crowd), sort_by: 'created_at' };
  Object.assign(params, { sort_direction: 'ASC', offset: String(offset), limit: String(limit) });
  // The first call of a page throws a throttle to the caller, who owns backoff (pacer.ts).
  const env = await call({ method: 'GET', path: '/orders/get', params }, false);
  const data = obj(env.data);
  const raw = arr(data.orders);
  const rows = await itemsOf(call, raw.map((o) => str(obj(o).order_id)).filter(Boolean));
  const orders = raw.map((o) => mapLazadaOrder(o, rows.get(str(obj(o).order_id)) ?? []));
  const page = (next: Record<string, number> | null): ListOrdersPage => ({ orders, nextCursor: next && encodeCursor(next) });

  const total = num(data.countTotal);
  const more = raw.length === limit && (total === null || offset + raw.length < total);
  // A crowded second read to its end: go on after it.
  if (!more) return page(crowd === null ? null : { w: w + 1000, o: 0 });
  const lastRaw = obj(raw[raw.length - 1]);
  const last = Math.floor(lazadaTimeMs(crowd === null ? lastRaw.updated_at : lastRaw.created_at) / 1000) * 1000;
  if (Number.isNaN(last)) throw new PlatformError('temporary', 'lazada /orders/get: an order without a readable time');
  if (crowd === null && last > w) return page({ w: last, o: 0 });
  if (crowd !== null && last > crowd) return page({ w, o: 0, c: last });
  const next = offset + raw.length;
  if (next <= ORDERS_OFFSET_MAX) return page(crowd === null ? { w, o: next } : { w, o: next, c: crowd });
  if (crowd === null) return page({ w, o: 0, c: 0 });
  throw new PlatformError('invalid', `lazada /orders/get: more than ${ORDERS_OFFSET_MAX} orders were created and changed within one second (${lazadaIso(w)}); they cannot be paged`);
}

/** Item rows by order id: /orders/items/get with `order_ids` "[1,2]", ≤ 50 a call. */
async function itemsOf(call: LazadaCaller, ids: string[]): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  for (const part of chunk([...new Set(ids)], ORDER_IDS_MAX)) {
    // Ids are written as they came (15+ digits): no round trip through a JS number.
    const env = await call({ method: 'GET', path: '/orders/items/get', params: { order_ids: `[${part.join(',')}]` } }, true);
    for (const g of arr(env.data)) {
      const group = obj(g);
      out.set(str(group.order_id), arr(group.order_items));
    }
  }
  return out;
}
