// Lazada order API (docs/platforms/lazada.md "Orders"; Lazada Open Platform GetOrders,
// GetMultipleOrderItems, GetOrderItems). Served behind lazada.ts's gateway, so signing, tokens,
// the per-seller rate-limit fault and fault injection are the product calls' own.
// - GET /orders/get: update_after/created_after (one is mandatory), *_before, sort_by
//   created_at|updated_at, sort_direction ASC|DESC, offset (≤ 5,000), limit (1..100), status.
//   Dates must carry a numeric offset (Lazada's E017 text: "YYYY-MM-DDTHH:mm:ss±HH:MM"); both
//   bounds inclusive at second precision, as /products/get. Error codes from Lazada's table.
// - GET /orders/items/get: order_ids = JSON array "[1,2]" (≤ 50) → [{order_id, order_number,
//   order_items[]}]; GET /order/items/get: order_id → order_items[]. One item row per unit,
//   each with its own status.
// Statuses (neutral → Lazada): unpaid unpaid, paid pending, shipped shipped, delivered
// delivered, cancelled canceled, returned returned. Times are ISO 8601 in the shop's local
// offset, as Lazada's documented examples (2018-02-09T22:44:30+08:00).
import type { Ctx, SimResponse } from '../http.ts';
import { json } from '../http.ts';
import { countOrderCall, type NeutralStatus, type SimOrder, type SimOrderLine } from '../orders.ts';
import type { App, Shop } from '../state.ts';
import { money, requestId } from '../util.ts';

type Params = Map<string, string>;
const err = (code: string, message: string, type = 'ISV'): SimResponse => json(200, { type, code, message, request_id: requestId() });
const ok = (data: unknown): SimResponse => json(200, { code: '0', data, request_id: requestId() });

export const ORDERS_LIMIT_MAX = 100;
export const ORDERS_OFFSET_MAX = 5_000;
export const ORDER_IDS_MAX = 50;

export const LAZADA_ORDER_STATUS: Record<NeutralStatus, string> = {
  unpaid: 'unpaid',
  paid: 'pending',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'canceled',
  returned: 'returned',
};
/** What /orders/get accepts as `status` (Lazada's documented filter values). */
const STATUS_FILTERS = new Set([
  'unpaid', 'pending', 'packed', 'canceled', 'ready_to_ship', 'delivered', 'returned', 'shipped', 'failed', 'topack', 'toship', 'shipping', 'lost',
  'lost_by_3pl', 'damaged_by_3pl', 'failed_delivery', 'shipped_back', 'shipped_back_success', 'shipped_back_failed', 'package_scrapped',
]);

/** Venture time zones: SG/MY/PH +08:00, TH/VN/ID +07:00. */
function offsetMinutes(region: string): number {
  return ['TH', 'VN', 'ID'].includes(region.toUpperCase()) ? 420 : 480;
}
const CURRENCY: Record<string, string> = { SG: 'SGD', MY: 'MYR', PH: 'PHP', TH: 'THB', VN: 'VND', ID: 'IDR' };
export function lazadaTime(ms: number, region: string): string {
  const off = offsetMinutes(region);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000).toISOString().slice(0, 19);
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** A date parameter: ISO 8601 with a numeric offset (±HH:MM or ±HHMM); NaN otherwise. Kept
 *  apart from lazada.ts's parseIso (which also takes "Z" and no zone, as /products/get does) so
 *  this file does not import its own router. */
function dateParam(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?([+-])(\d{2}):?(\d{2})$/.exec(v);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
  const off = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  return Date.UTC(y, mo - 1, d, h, mi, s) - off;
}

function ordersGet(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  countOrderCall(shop);
  const dates: Record<string, number> = {};
  for (const k of ['update_after', 'update_before', 'created_after', 'created_before']) {
    const v = p.get(k);
    if (v === undefined) continue;
    const t = dateParam(v);
    if (Number.isNaN(t)) return err('17', `E017: "${v}" Invalid Date Format`);
    // Second precision, both bounds inclusive ("after or on", "before or on").
    dates[k] = k.endsWith('after') ? Math.floor(t / 1000) * 1000 : (Math.floor(t / 1000) + 1) * 1000;
  }
  if (dates.update_after === undefined && dates.created_after === undefined) {
    return err('MissingParameter', 'Either update_after or created_after is mandatory');
  }
  const sortBy = p.get('sort_by') ?? 'created_at';
  if (sortBy !== 'created_at' && sortBy !== 'updated_at') return err('75', 'E075: Invalid sort filter.');
  const dir = p.get('sort_direction') ?? 'DESC';
  if (dir !== 'ASC' && dir !== 'DESC') return err('74', 'E074: Invalid sort direction.');
  // Lazada does not document a default limit; the maximum keeps a bare call useful.
  const limit = p.get('limit') ?? String(ORDERS_LIMIT_MAX);
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > ORDERS_LIMIT_MAX) return err('19', `E019: "${limit}" Invalid Limit`);
  const offset = p.get('offset') ?? '0';
  // Deep offsets are refused as /products/get refuses its own (lazada.md: "offset stops at 5,000").
  if (!/^\d+$/.test(offset) || Number(offset) > ORDERS_OFFSET_MAX) return err('14', `E014: "${offset}" Invalid Offset`);
  const status = p.get('status');
  if (status !== undefined && !STATUS_FILTERS.has(status)) return err('36', 'E036: Invalid status filter');

  const ua = dates.update_after ?? -Infinity;
  const ub = dates.update_before ?? Infinity;
  const ca = dates.created_after ?? -Infinity;
  const cb = dates.created_before ?? Infinity;
  let list = shop.orders
    .updatedBetween(ua, ub)
    .filter((o) => o.createdAt >= ca && o.createdAt < cb && (status === undefined || LAZADA_ORDER_STATUS[o.status] === status));
  if (sortBy === 'created_at') list = list.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  if (dir === 'DESC') list = list.reverse();
  const page = list.slice(Number(offset), Number(offset) + Number(limit));
  return ok({ count: page.length, countTotal: list.length, orders: page.map((o) => orderJson(shop, o)) });
}

function orderJson(shop: Shop, o: SimOrder): Record<string, unknown> {
  const rows = itemRows(shop, o);
  const address = { first_name: 'Sim', last_name: 'Buyer', phone: '65****67', phone2: '', address1: '1 Changi Village Road', address2: '', address3: '', address4: '', address5: '', city: 'Singapore', post_code: '500001', country: 'Singapore' };
  return {
    order_id: Number(o.orderId),
    order_number: Number(o.name),
    statuses: [LAZADA_ORDER_STATUS[o.status]],
    created_at: lazadaTime(o.createdAt, shop.region),
    updated_at: lazadaTime(o.updatedAt, shop.region),
    items_count: rows.length,
    price: money(rows.reduce((t, r) => t + Number(r.item_price), 0)),
    payment_method: 'COD',
    warehouse_code: shop.locations[0]?.id ?? 'dropshipping',
    customer_first_name: 'Sim Buyer',
    customer_last_name: '',
    voucher: '0.00',
    voucher_platform: '0.00',
    voucher_seller: '0.00',
    shipping_fee: '0.00',
    gift_option: false,
    gift_message: '',
    remarks: '',
    promised_shipping_times: '',
    address_billing: address,
    address_shipping: address,
  };
}

/** One row per unit: Lazada splits a quantity of 3 into three order items. */
function itemRows(shop: Shop, o: SimOrder): Record<string, unknown>[] {
  return o.lines.flatMap((l) => Array.from({ length: l.quantity }, (_, u) => itemRow(shop, o, l, u)));
}

function itemRow(shop: Shop, o: SimOrder, l: SimOrderLine, unit: number): Record<string, unknown> {
  const ref = shop.items.variant(l.variantId);
  const price = ref?.variant.price ?? 0;
  const status = LAZADA_ORDER_STATUS[o.status];
  const loc = shop.locations[l.takenFrom[unit] ?? 0] ?? shop.locations[0];
  return {
    order_item_id: 600_000_000_000 + Number(l.lineId) * 1000 + unit,
    order_id: Number(o.orderId),
    name: ref?.item.title ?? l.sellerSku,
    sku: l.sellerSku,
    shop_sku: `${l.itemId}_${shop.region}-${l.variantId}`,
    sku_id: l.variantId,
    product_id: l.itemId,
    variation: ref?.variant.option ?? '',
    status,
    item_price: money(price),
    paid_price: money(price),
    currency: CURRENCY[shop.region.toUpperCase()] ?? 'SGD',
    tax_amount: '0.00',
    voucher_amount: '0.00',
    shipping_amount: '0.00',
    wallet_credits: '0.00',
    created_at: lazadaTime(o.createdAt, shop.region),
    updated_at: lazadaTime(o.updatedAt, shop.region),
    warehouse_code: loc?.id ?? 'dropshipping',
    shipping_type: 'Dropshipping',
    shipment_provider: o.shipped ? 'LEX SG' : '',
    tracking_code: o.shipped ? `LXSG${o.orderId.slice(-8)}` : '',
    reason: status === 'canceled' ? 'Out of stock' : status === 'returned' ? 'Change of mind' : '',
    cancel_return_initiator: status === 'canceled' ? 'cancellation-customer' : status === 'returned' ? 'return-customer' : '',
    return_status: status === 'returned' ? 'returned' : '',
    order_type: 'Normal',
    is_digital: 0,
    product_main_image: ref?.item.images[0] ?? '',
    product_detail_url: `https://www.lazada.sg/products/i${l.itemId}-s${l.variantId}.html`,
  };
}

/** GetMultipleOrderItems: `order_ids` "[1,2]" (JSON array, ≤ 50). Unknown ids are left out;
 *  none found is E039. */
function multipleOrderItems(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  countOrderCall(shop);
  const raw = p.get('order_ids');
  if (raw === undefined) return err('MissingParameter', 'the input parameter “order_ids” that is mandatory for processing this request is not supplied');
  let ids: unknown;
  try {
    ids = JSON.parse(raw);
  } catch {
    ids = undefined;
  }
  if (!Array.isArray(ids)) return err('56', 'E056: Invalid OrdersIdList format. Must use array format [1,2]');
  if (ids.length > ORDER_IDS_MAX) return err('38', 'E038: Too many orders were requested');
  if (ids.length === 0 || !ids.every((x) => (typeof x === 'number' && Number.isSafeInteger(x) && x > 0) || (typeof x === 'string' && /^\d+$/.test(x)))) {
    return err('37', 'E037: One or more order id in the list are incorrect');
  }
  const found = [...new Set(ids.map(String))].map((id) => shop.orders.byId.get(id)).filter((o): o is SimOrder => !!o);
  if (found.length === 0) return err('39', 'E039: No orders were found');
  return ok(found.map((o) => ({ order_id: Number(o.orderId), order_number: Number(o.name), order_items: itemRows(shop, o) })));
}

/** GetOrderItems: one order's rows. */
function orderItems(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  countOrderCall(shop);
  const id = p.get('order_id') ?? '';
  const o = /^\d+$/.test(id) ? shop.orders.byId.get(id) : undefined;
  if (!o) return err('16', `E016: "${id}" Invalid Order ID`);
  return ok(itemRows(shop, o));
}

export const LAZADA_ORDER_ENDPOINTS = {
  '/orders/get': ordersGet,
  '/orders/items/get': multipleOrderItems,
  '/order/items/get': orderItems,
} as const;
