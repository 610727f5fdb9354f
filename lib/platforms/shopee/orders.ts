// Shopee orders (shopee.md "Orders"): get_order_list by update_time in windows of at most 15 days
// from `updatedSince` to the scan's start, then get_order_detail (≤50 order_sn a call) for lines.
//
// Paging inside a window: Shopee lists newest first and its next_cursor is an offset (its own
// sample answer: "20"). An order updated while a long scan runs leaves the window, which would
// shift an unread order behind the offset and skip it for good. So the next page is asked for
// by time instead — the same window cut off at the oldest update time read so far (inclusive),
// cursor "" — and Shopee's cursor is used only while a whole page shares that one second. The
// orders re-read at the cut-off second are remembered in the cursor and not returned twice.

import { PlatformError, type ListOrdersOptions, type ListOrdersPage, type OrderStatus, type PlatformOrder, type PlatformOrderLine } from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, epochMs, int, num, obj, str } from '../util.ts';
import type { ShopeeCall } from './client.ts';
import { SHOPEE_ORDER_WINDOW_S, shopeeProfile } from './profile.ts';

const LIST = '/api/v2/order/get_order_list';
const DETAIL = '/api/v2/order/get_order_detail';
const PAGE_MAX = shopeeProfile.api.orderPageMax;
const DETAIL_MAX = 50;
/** Calls one listOrders may spend stepping over empty windows / fully re-read pages. */
const MAX_LIST_CALLS = 10;
/** Enough to skip a page's re-read orders; beyond it a duplicate is harmless (applying is idempotent). */
const SEEN_MAX = 200;

/** Shopee order_status → Shelfsync (ORDERS.md). CANCELLED depends on whether it had shipped. */
const STATUS: Record<string, OrderStatus> = {
  UNPAID: 'unpaid',
  READY_TO_SHIP: 'open',
  PROCESSED: 'open',
  RETRY_SHIP: 'open',
  // The buyer asked to cancel; the seller or Shopee has not decided: the units stay held.
  IN_CANCEL: 'open',
  INVOICE_PENDING: 'open',
  SHIPPED: 'shipped',
  TO_CONFIRM_RECEIVE: 'shipped',
  COMPLETED: 'shipped',
  TO_RETURN: 'returned',
};

/** A status Shopee adds later is read as open: holding units is the side that cannot oversell.
 *  CANCELLED after the parcel was picked up (a failed delivery) is a return, not a release. */
export function shopeeOrderStatus(raw: string, pickupDoneTime: number): OrderStatus {
  if (raw === 'CANCELLED') return pickupDoneTime > 0 ? 'returned' : 'cancelled';
  return STATUS[raw] ?? 'open';
}

/** One get_order_detail order (with item_list and pickup_done_time) → PlatformOrder. Item rows
 *  of the same model (e.g. split by promotions) fold into one line; every line has the order's
 *  status, as Shopee keeps one status per order. Ids are listItems' own: item_id, and model_id
 *  with '0' for an item without models; the SKU is model_sku, or item_sku without models. */
export function mapShopeeOrder(raw: unknown): PlatformOrder {
  const o = obj(raw);
  const platformStatus = str(o.order_status);
  const status = shopeeOrderStatus(platformStatus, int(o.pickup_done_time));
  const lines = new Map<string, PlatformOrderLine>();
  for (const r of arr(o.item_list)) {
    const it = obj(r);
    const platformItemId = str(it.item_id);
    const platformVariantId = str(it.model_id) || '0';
    const key = `${platformItemId}:${platformVariantId}`;
    const qty = int(it.model_quantity_purchased);
    const prev = lines.get(key);
    if (prev) prev.quantity += qty;
    else {
      const sellerSku = platformVariantId === '0' ? str(it.item_sku) || str(it.model_sku) : str(it.model_sku) || str(it.item_sku);
      lines.set(key, { platformItemId, platformVariantId, sellerSku, quantity: qty, status });
    }
  }
  return {
    platformOrderId: str(o.order_sn),
    status,
    platformStatus,
    createdAt: epochMs(o.create_time),
    updatedAt: epochMs(o.update_time),
    lines: [...lines.values()].filter((l) => l.quantity > 0),
  };
}

type Call = (call: ShopeeCall) => Promise<Record<string, unknown>>;

/** Where a scan is: window [f, w] of a scan ending at e; this window is read down from t
 *  (inclusive) with Shopee cursor c; s = order_sn already returned that were updated at t. */
interface Scan {
  f: number;
  w: number;
  e: number;
  t: number;
  c: string;
  s: string[];
}

function startScan(updatedSince: number, nowMs: number): Scan {
  const f = Math.max(0, Math.floor(updatedSince / 1000));
  const e = Math.max(f, Math.floor(nowMs / 1000));
  const w = Math.min(f + SHOPEE_ORDER_WINDOW_S, e);
  return { f, w, e, t: w, c: '', s: [] };
}

function readScan(cursor: string): Scan {
  const c = decodeCursor(cursor) ?? {};
  const n = (k: string): number => {
    const v = num(c[k]);
    if (v === null || !Number.isInteger(v) || v < 0) throw new PlatformError('invalid', `shopee orders: unreadable cursor (${k})`);
    return v;
  };
  const scan = { f: n('f'), w: n('w'), e: n('e'), t: n('t'), c: str(c.c), s: str(c.s).split(',').filter(Boolean) };
  if (!(scan.f <= scan.t && scan.t <= scan.w && scan.w <= scan.e)) throw new PlatformError('invalid', 'shopee orders: unreadable cursor (range)');
  return scan;
}

function writeScan(s: Scan): string {
  return encodeCursor({ f: s.f, w: s.w, e: s.e, t: s.t, c: s.c || undefined, s: s.s.length ? s.s.join(',') : undefined });
}

/** The scan after a window is read: the next window (sharing its first second with the last
 *  one's final second, in case Shopee's time_to is exclusive), or null at the scan's end. */
function nextWindow(s: Scan): Scan | null {
  if (s.w >= s.e) return null;
  const f = s.w;
  const w = Math.min(f + SHOPEE_ORDER_WINDOW_S, s.e);
  return { f, w, e: s.e, t: w, c: '', s: [] };
}

/** One page of orders changed since `opts.updatedSince`; `nowMs` fixes the scan's end on its
 *  first page (carried in the cursor, so a new adapter instance resumes the same scan). */
export async function listShopeeOrders(call: Call, opts: ListOrdersOptions, nowMs: number): Promise<ListOrdersPage> {
  let scan: Scan | null = opts.cursor ? readScan(opts.cursor) : startScan(opts.updatedSince, nowMs);
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? PAGE_MAX), 1), PAGE_MAX);
  const orders: PlatformOrder[] = [];
  for (let calls = 0; scan && orders.length === 0 && calls < MAX_LIST_CALLS; calls++) {
    const cur: Scan = scan;
    const env = await call({
      method: 'GET',
      path: LIST,
      query: [
        ['time_range_field', 'update_time'],
        ['time_from', String(cur.f)],
        ['time_to', String(cur.t)],
        ['page_size', String(pageSize)],
        ['cursor', cur.c],
        ['response_optional_fields', 'order_status'],
      ],
    });
    const r = obj(env.response);
    const listed = arr(r.order_list).map((x) => str(obj(x).order_sn)).filter(Boolean);
    const seen = new Set(cur.s);
    const fresh = [...new Set(listed)].filter((sn) => !seen.has(sn));
    const got = await details(call, fresh);
    orders.push(...got);
    if (r.more !== true || listed.length === 0) {
      scan = nextWindow(cur);
      continue;
    }
    // The oldest update read on this page, never above the bound asked for (a detail read
    // after a change shows a later time than the list did).
    const oldest = Math.min(cur.t, ...got.map((o) => Math.floor(o.updatedAt / 1000)));
    if (oldest < cur.t) {
      const atOldest = got.filter((o) => Math.floor(o.updatedAt / 1000) === oldest).map((o) => o.platformOrderId);
      scan = { ...cur, t: oldest, c: '', s: atOldest.slice(0, SEEN_MAX) };
    } else {
      // The whole page is at the bound's second: only Shopee's cursor moves past it.
      const atT = [...cur.s, ...got.filter((o) => Math.floor(o.updatedAt / 1000) === cur.t).map((o) => o.platformOrderId)];
      scan = { ...cur, c: str(r.next_cursor), s: atT.slice(-SEEN_MAX) };
      if (!scan.c) scan = nextWindow(cur);
    }
  }
  // Oldest change first within the page; across pages a window is read newest first.
  orders.sort((a, b) => a.updatedAt - b.updatedAt);
  return { orders, nextCursor: scan ? writeScan(scan) : null };
}

/** get_order_detail in chunks of 50. An order listed but not detailed (gone between the two
 *  calls) is left out; it is listed again when it changes. */
async function details(call: Call, sns: string[]): Promise<PlatformOrder[]> {
  const out: PlatformOrder[] = [];
  for (const part of chunk(sns, DETAIL_MAX)) {
    const env = await call({
      method: 'GET',
      path: DETAIL,
      query: [
        ['order_sn_list', part.join(',')],
        ['response_optional_fields', 'item_list,pickup_done_time'],
      ],
    });
    for (const o of arr(obj(env.response).order_list)) {
      const m = mapShopeeOrder(o);
      if (m.platformOrderId) out.push(m);
    }
  }
  return out;
}
