// WooCommerce REST v3 orders (docs/platforms/woocommerce.md "Orders"): GET /orders and
// GET /orders/{id}, behind the same auth, key permissions, 429 fault and fault gate as the product
// routes (handleWoo in woocommerce.ts calls in here once the caller is accepted).
// Parameters as WC_REST_CRUD_Controller / WC_REST_Orders_Controller declare them: page ≥ 1,
// per_page 1..100 (default 10), offset, order asc|desc (default desc), orderby date|id|include|
// title|slug|modified (date and modified get ID as tie-break "for consistency with pagination"),
// status[] (any, trash and the order statuses; CSV or status[]=), after/before (created) and
// modified_after/modified_before (exclusive, second precision, as WP_Date_Query's `after`),
// dates_are_gmt (boolean), include. A page past the end answers [] with the totals, as the CRUD
// controller does (no error, unlike WP core's posts controller).
// The simulated site runs on UTC, so date_x and date_x_gmt are equal and dates_are_gmt changes
// nothing here (on a real site a zoned modified_after is converted to the site zone first).
// Neutral → WooCommerce status: unpaid pending, paid processing, shipped/delivered completed,
// cancelled cancelled, returned refunded (with a refund of the whole total).
// Times the simulator does not keep: date_paid is the creation time (as tiktok-orders.ts does);
// date_completed is set once the order has shipped — its last update while still completed,
// else (refunded) the creation time, a lower bound.
import { type Ctx, type SimResponse, json } from '../http.ts';
import { countOrderCall, type NeutralStatus, type SimOrder } from '../orders.ts';
import type { Shop } from '../state.ts';
import { money, wpDate } from '../util.ts';
import { parseIso } from './lazada.ts';

const WOO_STATUS: Record<NeutralStatus, string> = {
  unpaid: 'pending',
  paid: 'processing',
  shipped: 'completed',
  delivered: 'completed',
  cancelled: 'cancelled',
  returned: 'refunded',
};
const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft'];
const ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified'];

const err = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): SimResponse => json(status, { code, message, data: { status, ...extra } });
const invalidParam = (name: string, why: string): SimResponse => err(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: why }, details: { [name]: { code: 'rest_invalid_param', message: why, data: null } } });

/** GET /orders (id undefined) or GET /orders/{id}; the caller has been authenticated. */
export function handleWooOrders(ctx: Ctx, shop: Shop, id: string | undefined): SimResponse {
  countOrderCall(shop);
  if (id !== undefined) {
    const o = shop.orders.byId.get(id);
    return o ? json(200, orderJson(ctx, shop, o)) : err(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  }
  return list(ctx, shop);
}

/** A query list parameter: `a,b` or repeated `k[]=a&k[]=b` (wp_parse_list). */
function listParam(q: URLSearchParams, k: string): string[] | undefined {
  const raw = [...q.getAll(k), ...q.getAll(`${k}[]`)];
  if (raw.length === 0) return undefined;
  return raw.flatMap((v) => v.split(/[\s,]+/)).filter(Boolean);
}

function intParam(q: URLSearchParams, k: string, dflt: number, min: number, max = Infinity): number | SimResponse {
  const v = q.get(k);
  if (v === null) return dflt;
  if (!/^-?\d+$/.test(v)) return invalidParam(k, `${k} is not of type integer.`);
  const n = Number(v);
  if (n < min || n > max) return invalidParam(k, max === Infinity ? `${k} must be greater than or equal to ${min}` : `${k} must be between ${min} (inclusive) and ${max} (inclusive)`);
  return n;
}

function list(ctx: Ctx, shop: Shop): SimResponse {
  const q = ctx.req.query;
  const perPage = intParam(q, 'per_page', 10, 1, 100);
  if (typeof perPage !== 'number') return perPage;
  const page = intParam(q, 'page', 1, 1);
  if (typeof page !== 'number') return page;
  const offset = intParam(q, 'offset', 0, 0);
  if (typeof offset !== 'number') return offset;
  const order = q.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return invalidParam('order', 'order is not one of asc and desc.');
  const orderby = q.get('orderby') ?? 'date';
  if (!ORDERBY.includes(orderby)) return invalidParam('orderby', `orderby is not one of ${ORDERBY.join(', ')}.`);
  const gmt = q.get('dates_are_gmt');
  if (gmt !== null && !['true', 'false', '1', '0'].includes(gmt)) return invalidParam('dates_are_gmt', 'dates_are_gmt is not of type boolean.');
  const statuses = listParam(q, 'status') ?? ['any'];
  const allowed = ['any', 'trash', ...ORDER_STATUSES];
  const badStatus = statuses.findIndex((s) => !allowed.includes(s));
  if (badStatus >= 0) return invalidParam('status', `status[${badStatus}] is not one of ${allowed.join(', ')}.`);
  const dates: Record<string, number | undefined> = {};
  for (const k of ['after', 'before', 'modified_after', 'modified_before']) {
    const v = q.get(k);
    if (v === null) continue;
    const t = parseIso(v);
    if (Number.isNaN(t)) return invalidParam(k, 'Invalid date.');
    dates[k] = t;
  }
  const include = listParam(q, 'include');
  if (include?.some((x) => !/^\d+$/.test(x))) return invalidParam('include', 'include[0] is not of type integer.');
  // Stored times are whole seconds: `> t` means from the next whole second; `< t` up to t.
  const after = (t: number | undefined): number => (t === undefined ? -Infinity : (Math.floor(t / 1000) + 1) * 1000);
  const before = (t: number | undefined): number => (t === undefined ? Infinity : Math.ceil(t / 1000) * 1000);
  const wanted = statuses.includes('any') ? undefined : new Set(statuses);
  const keep = (o: SimOrder): boolean =>
    (!wanted || wanted.has(WOO_STATUS[o.status])) &&
    (!include || include.includes(o.orderId)) &&
    o.createdAt >= after(dates.after) &&
    o.createdAt < before(dates.before);
  // byUpdate is kept in (updatedAt, seq) order and ids grow with seq: that is `modified ID`.
  let rows: SimOrder[] =
    orderby === 'modified' ? shop.orders.updatedBetween(after(dates.modified_after), before(dates.modified_before)) : [...shop.orders.byId.values()].sort((a, b) => a.seq - b.seq);
  if (orderby !== 'modified') rows = rows.filter((o) => o.updatedAt >= after(dates.modified_after) && o.updatedAt < before(dates.modified_before));
  rows = rows.filter(keep);
  if (orderby === 'date') rows.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  if (orderby === 'include' && include) rows.sort((a, b) => include.indexOf(a.orderId) - include.indexOf(b.orderId));
  if (order === 'desc') rows.reverse();
  const total = rows.length;
  const start = q.has('offset') ? offset : (page - 1) * perPage;
  const body = rows.slice(start, start + perPage).map((o) => orderJson(ctx, shop, o));
  return { status: 200, body, headers: { 'x-wp-total': String(total), 'x-wp-totalpages': String(Math.ceil(total / perPage)) } };
}

function orderJson(ctx: Ctx, shop: Shop, o: SimOrder): Record<string, unknown> {
  const status = WOO_STATUS[o.status];
  const site = `${ctx.state.baseUrl}/woocommerce/${shop.shopId}`;
  const lines = o.lines.map((l) => {
    // By product then variant: a simple product's variant id is the product id (not indexed).
    const item = shop.items.get(l.itemId);
    const variant = item?.variants.find((v) => v.variantId === l.variantId);
    const ref = item && variant ? { item, variant } : undefined;
    const variation = ref ? ref.item.hasVariants : l.variantId !== l.itemId;
    const price = ref?.variant.price ?? 0;
    const total = money(price * l.quantity);
    return {
      id: Number(l.lineId),
      name: ref ? (variation ? `${ref.item.title} - ${ref.variant.option}` : ref.item.title) : l.sellerSku,
      product_id: Number(l.itemId),
      variation_id: variation ? Number(l.variantId) : 0,
      quantity: l.quantity,
      tax_class: '',
      subtotal: total,
      subtotal_tax: '0.00',
      total,
      total_tax: '0.00',
      taxes: [],
      meta_data: [],
      // The product's current SKU; null once the product is gone (get_product() is false).
      sku: ref ? ref.variant.sellerSku : null,
      price,
      image: { id: '', src: ref?.item.images[0] ?? '' },
      parent_name: ref && variation ? ref.item.title : null,
    };
  });
  const total = money(lines.reduce((a, l) => a + Number(l.total), 0));
  const paid = o.status !== 'unpaid' && o.cancelledAt === null ? o.createdAt : null;
  const completed = o.shipped ? (status === 'completed' ? o.updatedAt : o.createdAt) : null;
  const date = (ms: number | null): string | null => (ms === null ? null : wpDate(ms));
  return {
    id: Number(o.orderId),
    parent_id: 0,
    status,
    currency: shop.currency || 'USD',
    version: '9.4.0',
    prices_include_tax: false,
    date_created: date(o.createdAt),
    date_modified: date(o.updatedAt),
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total,
    total_tax: '0.00',
    customer_id: 0,
    order_key: `wc_order_sim${o.seq.toString(36).padStart(8, '0')}`,
    billing: { first_name: 'Sim', last_name: 'Buyer', company: '', address_1: '1 Test Street', address_2: '', city: 'Testville', state: '', postcode: '10000', country: 'US', email: 'buyer@example.com', phone: '' },
    shipping: { first_name: 'Sim', last_name: 'Buyer', company: '', address_1: '1 Test Street', address_2: '', city: 'Testville', state: '', postcode: '10000', country: 'US', phone: '' },
    payment_method: 'bacs',
    payment_method_title: 'Direct bank transfer',
    transaction_id: '',
    customer_ip_address: '',
    customer_user_agent: '',
    created_via: 'checkout',
    customer_note: '',
    date_completed: date(completed),
    date_paid: date(paid),
    cart_hash: '',
    number: o.name,
    meta_data: [],
    line_items: lines,
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: o.status === 'returned' ? [{ id: 500_000 + o.seq, reason: '', total: `-${total}` }] : [],
    payment_url: `${site}/checkout/order-pay/${o.orderId}/?pay_for_order=true&key=wc_order_sim`,
    is_editable: status === 'pending' || status === 'on-hold',
    needs_payment: status === 'pending' || status === 'failed',
    needs_processing: true,
    date_created_gmt: date(o.createdAt),
    date_modified_gmt: date(o.updatedAt),
    date_completed_gmt: date(completed),
    date_paid_gmt: date(paid),
    currency_symbol: '$',
    _links: { self: [{ href: `${site}/wp-json/wc/v3/orders/${o.orderId}` }], collection: [{ href: `${site}/wp-json/wc/v3/orders` }] },
  };
}
