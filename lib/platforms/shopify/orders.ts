// Shopify order reader (shopify.md "Orders"): `orders(sortKey: UPDATED_AT, query: updated_at)`
// oldest change first, paged with Shopify's cursors. One page is one GraphQL call unless an order
// has more line items than the page's share (then `order(id:) { lineItems }` completes it).
//
// Shopify states an order in two display enums plus cancelledAt, and a line item in
// quantity / currentQuantity (refunded and removed units excluded) / unfulfilledQuantity:
//   open units (not yet fulfilled)  unfulfilledQuantity      → 'unpaid' while payment is
//                                                              PENDING/EXPIRED/VOIDED, else 'open'
//   shipped units                   currentQuantity − unfulfilled → 'shipped'
//   removed units                   quantity − currentQuantity    → 'returned' once the order
//                                                              has fulfilments, else 'cancelled'
//   cancelled order                 every unit                    → the same rule
// "Removed after a fulfilment" is read at order level (FULFILLED / PARTIALLY_FULFILLED): the line
// item does not say whether a removed unit had shipped, so on a partially fulfilled order a unit
// refunded before it shipped reads as returned rather than cancelled.
// Only the last 60 days of orders (by creation) are readable without read_all_orders, so a
// return on an older order is not seen.

import type { ListOrdersOptions, ListOrdersPage, OrderStatus, PlatformOrder, PlatformOrderLine } from '../types.ts';
import { arr, decodeCursor, encodeCursor, epochMs, int, num, obj, str } from '../util.ts';
import { updatedSinceQuery } from './mapping.ts';
import { shopifyProfile } from './profile.ts';

const LINE_FIELDS = 'id sku quantity currentQuantity unfulfilledQuantity variant { id } product { id }';

export const ORDERS_QUERY = `query Orders($first: Int!, $lines: Int!, $cursor: String, $q: String) {
  orders(first: $first, after: $cursor, sortKey: UPDATED_AT, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes { id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
      lineItems(first: $lines) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } } } } }`;

export const ORDER_LINES_QUERY = `query OrderLines($id: ID!, $cursor: String) {
  order(id: $id) { lineItems(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } } } }`;

const PAGE_DEFAULT = shopifyProfile.api.orderPageMax;

/** Requested cost = 2 + F × (order 1 + lineItems 2 + L × (line, variant, product = 3)); keep it
 *  under Shopify's 1000-point single-query cap. F 50 → 5 lines each (902 points). */
export function ordersPageShape(requested: number): { first: number; lines: number } {
  const first = Math.min(Math.max(Math.trunc(requested) || 1, 1), 100);
  const lines = Math.min(100, Math.floor((998 / first - 3) / 3));
  return { first, lines: Math.max(1, lines) };
}

const UNPAID = new Set(['PENDING', 'EXPIRED', 'VOIDED']);
const FULFILLED_SOME = new Set(['FULFILLED', 'PARTIALLY_FULFILLED']);

interface RawLine {
  variantId: string;
  productId: string;
  sku: string;
  quantity: number;
  current: number;
  unfulfilled: number;
}

function rawLine(v: unknown): RawLine {
  const l = obj(v);
  const quantity = Math.max(0, int(l.quantity));
  const current = Math.min(quantity, Math.max(0, int(l.currentQuantity, quantity)));
  return {
    variantId: str(obj(l.variant).id),
    productId: str(obj(l.product).id),
    sku: str(l.sku),
    quantity,
    current,
    unfulfilled: Math.min(current, Math.max(0, int(l.unfulfilledQuantity, current))),
  };
}

/** One Shopify order node (its line items complete) → PlatformOrder, one line per (variant, status). */
export function mapShopifyOrder(raw: unknown, lineNodes: unknown[]): PlatformOrder {
  const o = obj(raw);
  const financial = str(o.displayFinancialStatus);
  const fulfillment = str(o.displayFulfillmentStatus);
  const cancelled = str(o.cancelledAt) !== '';
  const shippedSome = FULFILLED_SOME.has(fulfillment);
  const removedAs: OrderStatus = shippedSome ? 'returned' : 'cancelled';
  const openAs: OrderStatus = UNPAID.has(financial) ? 'unpaid' : 'open';

  const folded = new Map<string, PlatformOrderLine>();
  const add = (l: RawLine, quantity: number, status: OrderStatus): void => {
    if (quantity <= 0) return;
    // A line whose variant was deleted has no variant id: keep it, keyed by SKU (unmatched).
    const key = `${l.variantId || `sku:${l.sku}`}|${status}`;
    const had = folded.get(key);
    if (had) had.quantity += quantity;
    else folded.set(key, { platformItemId: l.productId, platformVariantId: l.variantId, sellerSku: l.sku, quantity, status });
  };
  const lines = lineNodes.map(rawLine);
  for (const l of lines) {
    if (cancelled) {
      add(l, l.quantity, removedAs);
      continue;
    }
    add(l, l.current - l.unfulfilled, 'shipped');
    add(l, l.unfulfilled, openAs);
    add(l, l.quantity - l.current, removedAs);
  }

  const nothingLeft = lines.length > 0 && lines.every((l) => l.current === 0);
  let status: OrderStatus;
  if (cancelled || nothingLeft) status = removedAs;
  else if (fulfillment === 'FULFILLED') status = 'shipped';
  else status = openAs;

  return {
    platformOrderId: str(o.id),
    displayName: str(o.name) || undefined,
    status,
    platformStatus: [cancelled ? 'CANCELLED' : '', financial, fulfillment].filter(Boolean).join(' / '),
    createdAt: epochMs(o.createdAt),
    updatedAt: epochMs(o.updatedAt),
    lines: [...folded.values()],
  };
}

export type ShopifyGql = (query: string, variables: Record<string, unknown>, retry: boolean) => Promise<Record<string, unknown>>;

/** One page of orders changed since `updatedSince`. The cursor carries Shopify's endCursor and
 *  the scan's own start time, so a fresh adapter resumes the same search. */
export async function listShopifyOrders(gql: ShopifyGql, opts: ListOrdersOptions): Promise<ListOrdersPage> {
  const c = decodeCursor(opts.cursor);
  const since = (c ? num(c.u) : null) ?? opts.updatedSince;
  const shape = ordersPageShape(opts.pageSize ?? PAGE_DEFAULT);
  // The page's first call is not retried here: the poller owns backoff and keeps its cursor.
  const data = await gql(ORDERS_QUERY, { ...shape, cursor: c ? str(c.a) || null : null, q: updatedSinceQuery(since) }, false);
  const conn = obj(data.orders);
  const pageInfo = obj(conn.pageInfo);
  const orders: PlatformOrder[] = [];
  for (const raw of arr(conn.nodes)) {
    const items = obj(obj(raw).lineItems);
    const lineNodes = [...arr(items.nodes)];
    let more = obj(items.pageInfo);
    // Orders with more line items than this page's share: the rest 100 at a time.
    while (more.hasNextPage === true && str(more.endCursor)) {
      const d = await gql(ORDER_LINES_QUERY, { id: str(obj(raw).id), cursor: str(more.endCursor) }, true);
      const next = obj(obj(d.order).lineItems);
      lineNodes.push(...arr(next.nodes));
      more = obj(next.pageInfo);
    }
    orders.push(mapShopifyOrder(raw, lineNodes));
  }
  const end = str(pageInfo.endCursor);
  return { orders, nextCursor: pageInfo.hasNextPage === true && end ? encodeCursor({ a: end, u: since }) : null };
}
