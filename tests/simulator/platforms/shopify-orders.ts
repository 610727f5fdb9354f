// Shopify's order reads (docs/platforms/shopify.md "Orders"): the `orders`, `order` and
// `ordersCount` query fields over the neutral order store (../orders.ts). The types live in
// shopify-schema.ts's SCHEMA; they go through the same endpoint as every other query, so the
// token check, the 1000-point single-query cap, the cost bucket and fault injection are the
// product queries' own (shopify.ts), and `first` ≤ 250 is the engine's connection check.
//
// Statuses in Shopify's own enums (OrderDisplayFinancialStatus, OrderDisplayFulfillmentStatus,
// OrderReturnStatus as published for Admin GraphQL 2025-10):
//   unpaid    PENDING  / UNFULFILLED
//   paid      PAID     / UNFULFILLED
//   shipped   PAID     / FULFILLED     (delivery is a shipment event; the order stays FULFILLED)
//   delivered PAID     / FULFILLED
//   cancelled REFUNDED / UNFULFILLED, cancelledAt set, every line's currentQuantity 0 (cancel with
//             restock removes the units). An unpaid order cancelled on Shopify shows VOIDED; the
//             neutral store does not remember whether a cancelled order had been paid, and the
//             control API places orders paid by default, so REFUNDED is the common case.
//   returned  REFUNDED / FULFILLED, returnStatus RETURNED, currentQuantity 0 (refunded units).
// Only the last 60 days of orders (by creation) are visible: Shopify's default without the
// read_all_orders scope, which the simulator's tokens never carry.
import { countOrderCall, type NeutralStatus, type SimOrder, type SimOrderLine } from '../orders.ts';
import type { Shop } from '../state.ts';
import { isoSeconds } from '../util.ts';
import { FieldError, type Resolvers } from './gql-engine.ts';
import { type ConnArgs, arrView, connection, gid, gidNum, parseSearch, timeBounds } from './shopify-schema.ts';

const VISIBLE_MS = 60 * 24 * 3600 * 1000;
/** Fields whose presence makes a request an order API call (stats.orderCalls). */
export const ORDER_ROOT_FIELDS = new Set(['orders', 'order', 'ordersCount']);

const FINANCIAL: Record<NeutralStatus, string> = { unpaid: 'PENDING', paid: 'PAID', shipped: 'PAID', delivered: 'PAID', cancelled: 'REFUNDED', returned: 'REFUNDED' };
const FULFILLMENT: Record<NeutralStatus, string> = { unpaid: 'UNFULFILLED', paid: 'UNFULFILLED', shipped: 'FULFILLED', delivered: 'FULFILLED', cancelled: 'UNFULFILLED', returned: 'FULFILLED' };
/** Shopify archives (closes) an order once fulfilled and paid, its default setting, and on cancel. */
const CLOSED = new Set<NeutralStatus>(['shipped', 'delivered', 'cancelled', 'returned']);
const REMOVED = new Set<NeutralStatus>(['cancelled', 'returned']);
const ALL_SORT_KEYS = ['CREATED_AT', 'CURRENT_TOTAL_PRICE', 'CUSTOMER_NAME', 'DESTINATION', 'FINANCIAL_STATUS', 'FULFILLMENT_STATUS', 'ID', 'ORDER_NUMBER', 'PO_NUMBER', 'PROCESSED_AT', 'RELEVANCE', 'TOTAL_ITEMS_QUANTITY', 'TOTAL_PRICE', 'UPDATED_AT'];

interface ONode {
  shop: Shop;
  o: SimOrder;
}
interface LINode extends ONode {
  l: SimOrderLine;
}

/** Search filters Shopify documents for orders that the simulator reads; other fields are ignored, as Shopify ignores unknown ones. */
function orderFilter(q: string | undefined): { pred: (o: SimOrder) => boolean; from?: number; to?: number } {
  const terms = parseSearch(q ?? '');
  const upd = timeBounds(terms, 'updated_at');
  const crt = timeBounds(terms, 'created_at');
  const checks: ((o: SimOrder) => boolean)[] = [];
  if (crt.from !== undefined || crt.to !== undefined) checks.push((o) => o.createdAt >= (crt.from ?? -Infinity) && o.createdAt < (crt.to ?? Infinity));
  for (const t of terms) {
    const val = t.value.toLowerCase();
    let c: ((o: SimOrder) => boolean) | undefined;
    if (t.field === 'financial_status') c = (o) => FINANCIAL[o.status].toLowerCase() === val;
    else if (t.field === 'fulfillment_status') c = (o) => (['shipped', 'fulfilled'].includes(val) ? FULFILLMENT[o.status] === 'FULFILLED' : ['unshipped', 'unfulfilled'].includes(val) ? FULFILLMENT[o.status] === 'UNFULFILLED' : false);
    else if (t.field === 'status') c = (o) => (val === 'cancelled' ? o.status === 'cancelled' : val === 'closed' ? CLOSED.has(o.status) : val === 'open' || val === 'not_closed' ? !CLOSED.has(o.status) : true);
    else if (t.field === 'name') c = (o) => o.name.toLowerCase() === val || o.name.toLowerCase() === `#${val}`;
    else if (t.field === 'sku') c = (o) => o.lines.some((l) => l.sellerSku.toLowerCase() === val);
    else if (t.field === 'id') {
      const n = Number(t.value);
      c = (o) => (t.op === '>' ? +o.orderId > n : t.op === '>=' ? +o.orderId >= n : t.op === '<' ? +o.orderId < n : t.op === '<=' ? +o.orderId <= n : +o.orderId === n);
    }
    if (c) {
      const inner = c;
      checks.push(t.neg ? (o) => !inner(o) : inner);
    }
  }
  return { pred: (o) => checks.every((f) => f(o)), from: upd.from, to: upd.to };
}

export function orderResolvers(shop: Shop, now: () => number): Resolvers {
  const visible = (o: SimOrder): boolean => o.createdAt >= now() - VISIBLE_MS;
  const O = (o: SimOrder): ONode => ({ shop, o });
  const select = (a: Record<string, unknown>): { list: SimOrder[]; key: (o: SimOrder) => number[] } => {
    const sk = (a.sortKey as string | undefined) ?? 'ID';
    if (!ALL_SORT_KEYS.includes(sk)) throw new FieldError(`Argument 'sortKey' on Field 'orders' has an invalid value (${sk}). Expected type 'OrderSortKeys'.`, { code: 'argumentLiteralsIncompatible' });
    if (!['ID', 'ORDER_NUMBER', 'RELEVANCE', 'CREATED_AT', 'PROCESSED_AT', 'UPDATED_AT'].includes(sk)) throw new FieldError(`The simulator does not sort orders by ${sk}.`, { code: 'BAD_REQUEST' });
    const f = orderFilter(a.query as string | undefined);
    const keep = (o: SimOrder): boolean => visible(o) && f.pred(o) && o.updatedAt >= (f.from ?? -Infinity) && o.updatedAt < (f.to ?? Infinity);
    if (sk === 'UPDATED_AT') return { list: shop.orders.updatedBetween(f.from ?? -Infinity, f.to ?? Infinity).filter(keep), key: (o) => [o.updatedAt, o.seq] };
    const list = [...shop.orders.byId.values()].filter(keep);
    if (sk === 'CREATED_AT' || sk === 'PROCESSED_AT') return { list: list.sort((x, y) => x.createdAt - y.createdAt || x.seq - y.seq), key: (o) => [o.createdAt, o.seq] };
    return { list: list.sort((x, y) => x.seq - y.seq), key: (o) => [o.seq] };
  };
  return {
    QueryRoot: {
      orders: (_p, a) => {
        const { list, key } = select(a);
        const desc = a.reverse === true;
        return connection(arrView(desc ? list.reverse() : list), a as ConnArgs, key, O, desc);
      },
      order: (_p, a) => {
        const o = shop.orders.byId.get(gidNum('Order', a.id) ?? '');
        return o && visible(o) ? O(o) : null;
      },
      // Shopify caps the count at `limit` (default 10,000) and then says AT_LEAST.
      ordersCount: (_p, a) => {
        const n = select({ query: a.query }).list.length;
        const limit = typeof a.limit === 'number' ? a.limit : 10_000;
        return n > limit ? { count: limit, precision: 'AT_LEAST' } : { count: n, precision: 'EXACT' };
      },
    },
    Order: {
      id: (n) => gid('Order', (n as ONode).o.orderId),
      legacyResourceId: (n) => (n as ONode).o.orderId,
      name: (n) => (n as ONode).o.name,
      createdAt: (n) => isoSeconds((n as ONode).o.createdAt),
      processedAt: (n) => isoSeconds((n as ONode).o.createdAt),
      updatedAt: (n) => isoSeconds((n as ONode).o.updatedAt),
      cancelledAt: (n) => ((n as ONode).o.cancelledAt === null ? null : isoSeconds((n as ONode).o.cancelledAt!)),
      cancelReason: (n) => ((n as ONode).o.status === 'cancelled' ? 'CUSTOMER' : null),
      closed: (n) => CLOSED.has((n as ONode).o.status),
      closedAt: (n) => (CLOSED.has((n as ONode).o.status) ? isoSeconds((n as ONode).o.updatedAt) : null),
      test: () => false,
      displayFinancialStatus: (n) => FINANCIAL[(n as ONode).o.status],
      displayFulfillmentStatus: (n) => FULFILLMENT[(n as ONode).o.status],
      returnStatus: (n) => ((n as ONode).o.status === 'returned' ? 'RETURNED' : 'NO_RETURN'),
      lineItems: (n, a) => {
        const { o } = n as ONode;
        const lines = a.reverse === true ? [...o.lines].reverse() : o.lines;
        return connection(arrView(lines), a as ConnArgs, (l) => [o.lines.indexOf(l)], (l): LINode => ({ shop, o, l }), a.reverse === true);
      },
      subtotalLineItemsQuantity: (n) => (n as ONode).o.lines.reduce((s, l) => s + l.quantity, 0),
      currentSubtotalLineItemsQuantity: (n) => (REMOVED.has((n as ONode).o.status) ? 0 : (n as ONode).o.lines.reduce((s, l) => s + l.quantity, 0)),
    },
    LineItem: {
      id: (n) => gid('LineItem', (n as LINode).l.lineId),
      title: (n) => shop.items.get((n as LINode).l.itemId)?.title ?? (n as LINode).l.sellerSku,
      name: (n) => {
        const r = shop.items.variant((n as LINode).l.variantId);
        return r ? (r.variant.option ? `${r.item.title} - ${r.variant.option}` : r.item.title) : (n as LINode).l.sellerSku;
      },
      variantTitle: (n) => shop.items.variant((n as LINode).l.variantId)?.variant.option || null,
      // The SKU as it was when ordered (Shopify copies it onto the line item).
      sku: (n) => (n as LINode).l.sellerSku,
      quantity: (n) => (n as LINode).l.quantity,
      currentQuantity: (n) => (REMOVED.has((n as LINode).o.status) ? 0 : (n as LINode).l.quantity),
      unfulfilledQuantity: (n) => ((n as LINode).o.status === 'unpaid' || (n as LINode).o.status === 'paid' ? (n as LINode).l.quantity : 0),
      refundableQuantity: (n) => (['paid', 'shipped', 'delivered'].includes((n as LINode).o.status) ? (n as LINode).l.quantity : 0),
      // A deleted product or variant leaves the line item with variant/product null, as on Shopify.
      variant: (n) => {
        const r = shop.items.variant((n as LINode).l.variantId);
        return r ? { shop, item: r.item, v: r.variant } : null;
      },
      product: (n) => {
        const it = shop.items.get((n as LINode).l.itemId);
        return it ? { shop, item: it } : null;
      },
    },
  };
}

/** One order API call per request that reads any order root field. */
export function countIfOrderCall(shop: Shop, rootFields: Iterable<string>): void {
  for (const f of rootFields) if (ORDER_ROOT_FIELDS.has(f)) return countOrderCall(shop);
}
