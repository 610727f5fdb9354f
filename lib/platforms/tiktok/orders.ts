// TikTok order reader (tiktok.md § Orders): POST /order/202309/orders/search by update time,
// oldest change first, paged with TikTok's page tokens. The search answer carries the line
// items, so one page is one platform call.

import { PlatformError, type ListOrdersOptions, type ListOrdersPage, type OrderStatus, type PlatformOrder, type PlatformOrderLine } from '../types.ts';
import { arr, decodeCursor, encodeCursor, epochMs, num, obj, str } from '../util.ts';
import type { TiktokCall } from './client.ts';
import { tiktokProfile } from './profile.ts';

export const TIKTOK_ORDER_SEARCH = '/order/202309/orders/search';
const PAGE_MAX = tiktokProfile.api.orderPageMax;

/** Order statuses (and a line item's display_status) → ORDERS.md words. ON_HOLD is TikTok's
 *  paid-but-cancellable first hour; AWAITING_COLLECTION is packed, waiting for the carrier;
 *  PARTIALLY_SHIPPING is an order whose line items say which units left. */
const STATUS: Record<string, OrderStatus> = {
  UNPAID: 'unpaid',
  ON_HOLD: 'open',
  AWAITING_SHIPMENT: 'open',
  PARTIALLY_SHIPPING: 'open',
  AWAITING_COLLECTION: 'open',
  IN_TRANSIT: 'shipped',
  DELIVERED: 'shipped',
  COMPLETED: 'shipped',
  CANCELLED: 'cancelled',
};
/** A package that left the seller (fulfilment package statuses). */
const PACKAGE_LEFT = new Set(['FULFILLING', 'COMPLETED']);
const ORDER_SHIPPED = new Set(['IN_TRANSIT', 'DELIVERED', 'COMPLETED']);

/** A unit's state. TikTok has no "returned" word in the order API: a refunded unit's line item
 *  turns CANCELLED while its package stays delivered (returns themselves live in the Return &
 *  Refund API). So CANCELLED after the unit shipped — its package left, or the whole order is
 *  in transit or later — is a return; CANCELLED before that is a cancellation. */
export function tiktokLineStatus(displayStatus: string, packageStatus: string, orderStatus: string): OrderStatus {
  const s = (displayStatus || orderStatus).toUpperCase();
  if (s === 'CANCELLED') return PACKAGE_LEFT.has(packageStatus.toUpperCase()) || ORDER_SHIPPED.has(orderStatus.toUpperCase()) ? 'returned' : 'cancelled';
  return STATUS[s] ?? 'open';
}

/** One TikTok order → one PlatformOrder; its per-unit line items folded into one line per
 *  (SKU, state). product_id / sku_id are the ids listItems gives (mapTiktokProduct). */
export function mapTiktokOrder(raw: unknown): PlatformOrder {
  const o = obj(raw);
  const orderStatus = str(o.status).toUpperCase();
  const lines = new Map<string, PlatformOrderLine>();
  for (const li of arr(o.line_items).map(obj)) {
    const status = tiktokLineStatus(str(li.display_status), str(li.package_status), orderStatus);
    const skuId = str(li.sku_id);
    const key = `${skuId}\u0000${status}`;
    const line = lines.get(key);
    if (line) line.quantity += 1;
    else lines.set(key, { platformItemId: str(li.product_id), platformVariantId: skuId, sellerSku: str(li.seller_sku), quantity: 1, status });
  }
  const folded = [...lines.values()];
  const states = new Set(folded.map((l) => l.status));
  // Every unit in one state is that state (a fully returned order is still DELIVERED on TikTok);
  // mixed units leave the order at its own status.
  const only = states.size === 1 ? [...states][0] : undefined;
  return {
    platformOrderId: str(o.id),
    status: only ?? tiktokLineStatus(orderStatus, '', orderStatus),
    platformStatus: orderStatus,
    createdAt: epochMs(o.create_time),
    updatedAt: epochMs(o.update_time),
    lines: folded,
  };
}

/** One page of orders updated at or after `updatedSince`. The cursor keeps TikTok's page token
 *  and the window start: the token is only good with the same request body, and a fresh adapter
 *  instance must be able to resume from it. */
export async function listTiktokOrders(call: (c: Omit<TiktokCall, 'shopCipher'>) => Promise<Record<string, unknown>>, opts: ListOrdersOptions): Promise<ListOrdersPage> {
  const c = decodeCursor(opts.cursor);
  const since = c ? (num(c.u) ?? 0) : Math.max(0, Math.floor(opts.updatedSince / 1000));
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? PAGE_MAX), 1), PAGE_MAX);
  const query: Record<string, string> = { page_size: String(pageSize), sort_field: 'update_time', sort_order: 'ASC' };
  const token = c ? str(c.t) : '';
  if (token) query.page_token = token;
  let env: Record<string, unknown>;
  try {
    env = await call({ method: 'POST', path: TIKTOK_ORDER_SEARCH, query, body: { update_time_ge: since } });
  } catch (err) {
    // TikTok answers a stale or foreign page token with its generic parameter code, which the
    // client reads as bad credentials. A token is only a position: start the window again
    // (re-reading is harmless to the caller) rather than mark the store unauthorized.
    if (!token || !(err instanceof PlatformError) || err.opts.platformCode !== '36009004') throw err;
    delete query.page_token;
    env = await call({ method: 'POST', path: TIKTOK_ORDER_SEARCH, query, body: { update_time_ge: since } });
  }
  const data = obj(env.data);
  const orders = arr(data.orders).map(mapTiktokOrder);
  const next = str(data.next_page_token);
  return { orders, nextCursor: next && orders.length > 0 ? encodeCursor({ t: next, u: since }) : null };
}
