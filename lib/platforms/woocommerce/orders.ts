// WooCommerce order reader (woocommerce.md § Orders): GET /orders by modification time, oldest
// change first (`orderby=modified&order=asc`, which WooCommerce ties by ID), paged by page number.
// Line items come with the order, so one page is one platform call.
//
// Paging moves the window instead of walking page numbers over one fixed `modified_after`: an
// order modified during the scan jumps to the end of the list, and with fixed page numbers every
// later order slides back one place — the one that slides onto a page already read is never seen,
// and its (older) modification time can fall outside the caller's next overlap. So after each page
// the next one starts again from the last modification second seen (orders of that second are
// asked for again; those already returned are left out by id). Only when a whole page shares one
// second does the scan go on to the next page number under the same bound.

import { PlatformError, type ListOrdersOptions, type ListOrdersPage, type OrderStatus, type PlatformOrder, type PlatformOrderLine } from '../types.ts';
import { arr, decodeCursor, epochMs, int, num, obj, str } from '../util.ts';
import type { WooCall } from './client.ts';
import { woocommerceProfile } from './profile.ts';

const PAGE_MAX = woocommerceProfile.api.orderPageMax;

/** Order statuses → ORDERS.md words. WooCommerce has no shipped state before `completed`.
 *  Unknown words (a plugin's own statuses, e.g. "shipped" from a tracking plugin) keep the units
 *  held: `open` is the side that cannot oversell. */
const STATUS: Record<string, OrderStatus> = {
  pending: 'unpaid',
  processing: 'open',
  'on-hold': 'open',
  completed: 'shipped',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'returned',
};

/** An order that ended after it was completed (`date_completed` stays set) is a return; ended
 *  before, a cancellation — also a refund of an order that never shipped. */
export function wooOrderStatus(status: string, completed: boolean): OrderStatus {
  const s = status.toLowerCase();
  if (s === 'cancelled' || s === 'failed' || s === 'refunded') return completed ? 'returned' : 'cancelled';
  return STATUS[s] ?? 'open';
}

/** `checkout-draft` is the block checkout's cart, not an order yet: WooCommerce deletes abandoned
 *  drafts, so a unit held for one would never be let go. */
const NOT_AN_ORDER = new Set(['checkout-draft', 'trash']);

/** One WooCommerce order → PlatformOrder. Ids are the ones listItems gives (mapping.ts): a
 *  variation's line is (product_id, variation_id); a simple product's is (product_id, product_id). */
export function mapWooOrder(raw: unknown): PlatformOrder {
  const o = obj(raw);
  const platformStatus = str(o.status);
  const status = wooOrderStatus(platformStatus, str(o.date_completed_gmt ?? o.date_completed) !== '');
  const lines = new Map<string, PlatformOrderLine>();
  for (const li of arr(o.line_items).map(obj)) {
    const productId = str(li.product_id);
    const variationId = int(li.variation_id) > 0 ? str(li.variation_id) : productId;
    const quantity = int(li.quantity);
    if (quantity <= 0) continue;
    // One order may list a variant twice (two line items); one line per (variant, status).
    const line = lines.get(variationId);
    if (line) line.quantity += quantity;
    else lines.set(variationId, { platformItemId: productId, platformVariantId: variationId, sellerSku: str(li.sku), quantity, status });
  }
  const number = str(o.number) || str(o.id);
  return {
    platformOrderId: str(o.id),
    displayName: `#${number}`,
    status,
    platformStatus,
    // date_*_gmt carry no zone designator; they are UTC (epochMs reads them so).
    createdAt: epochMs(o.date_created_gmt ?? o.date_created),
    updatedAt: epochMs(o.date_modified_gmt ?? o.date_modified),
    lines: [...lines.values()],
  };
}

/** GMT without a zone designator: WP_Date_Query turns a zoned string into the site's local time
 *  and then compares it with the `_gmt` column, off by the site's UTC offset. */
function wpGmt(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 19);
}
/** The same JSON form as util.ts encodeCursor, with a list in it. */
const cursorOf = (a: number, p: number, s: string[]): string => JSON.stringify({ a, p, s });
const secondOf = (o: Record<string, unknown>): number => Math.floor(epochMs(o.date_modified_gmt ?? o.date_modified) / 1000);

/** One page of orders modified at or after `updatedSince`. Cursor: `a` the exclusive
 *  modified_after bound (Unix seconds), `p` the page under it, `s` ids already returned from the
 *  second right after `a`. */
export async function listWooOrders(call: (c: WooCall) => Promise<{ json: unknown; headers: Headers }>, opts: ListOrdersOptions): Promise<ListOrdersPage> {
  const c = decodeCursor(opts.cursor);
  // modified_after is strictly after, per second: one second back keeps updatedSince's own second.
  const after = c ? int(c.a) : Math.floor(opts.updatedSince / 1000) - 1;
  const page = c ? Math.max(1, int(c.p, 1)) : 1;
  const seen = new Set(c ? arr(c.s).map(str) : []);
  const perPage = Math.min(Math.max(Math.trunc(opts.pageSize ?? PAGE_MAX), 1), PAGE_MAX);
  const res = await call({
    method: 'GET',
    path: '/orders',
    query: [
      ['modified_after', wpGmt(after)],
      ['dates_are_gmt', 'true'],
      ['orderby', 'modified'],
      ['order', 'asc'],
      ['per_page', String(perPage)],
      ['page', String(page)],
    ],
  });
  const rows = arr(res.json).map(obj);
  // A site before WooCommerce 5.8 ignores modified_after and lists every order: paging from the
  // start again after each page would never end.
  if (rows.some((r) => secondOf(r) <= after)) {
    throw new PlatformError('invalid', 'woocommerce /orders ignores modified_after (WooCommerce 5.8 or newer is needed to read orders by update time)');
  }
  const orders = rows
    .filter((r) => !NOT_AN_ORDER.has(str(r.status)))
    .filter((r) => !(seen.has(str(r.id)) && secondOf(r) === after + 1))
    .map(mapWooOrder);
  const last = rows[rows.length - 1];
  const totalPages = num(res.headers.get('x-wp-totalpages'));
  const more = last !== undefined && (totalPages !== null ? page < totalPages : rows.length === perPage);
  if (!more) return { orders, nextCursor: null };
  const lastSec = secondOf(last);
  if (lastSec > after + 1) {
    // Start again from the last second seen, leaving out what this page gave of it.
    const ids = rows.filter((r) => secondOf(r) === lastSec).map((r) => str(r.id));
    return { orders, nextCursor: cursorOf(lastSec - 1, 1, ids) };
  }
  return { orders, nextCursor: cursorOf(after, page + 1, [...seen]) };
}
