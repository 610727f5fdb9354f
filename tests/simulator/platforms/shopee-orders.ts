// Shopee order endpoints (docs/platforms/shopee.md "Orders"): GET /api/v2/order/get_order_list and
// GET /api/v2/order/get_order_detail. Reached through handleShopee's gateway, so signing, token,
// the per-shop rate limit and fault injection are the product calls' own.
//
// Shapes follow Shopee's published v2 reference for both calls (request/response tables, sample
// answers, error tables): get_order_list needs time_range_field (create_time|update_time),
// time_from/time_to (Unix seconds, at most 15 days apart, else `order.order_list_invalid_time`
// "Start time must be earlier than end time and diff in 15days."), page_size 1..100, cursor
// ("" first; the sample answer's next_cursor is "20", an offset), optional order_status and
// response_optional_fields=order_status → {more, next_cursor, order_list[{order_sn[, order_status]}]}.
// The sample answer lists orders newest first; so does this fake (by the chosen time field).
// get_order_detail takes order_sn_list (comma separated, 1..50) and returns the "return by default"
// fields plus those named in response_optional_fields (item_list, pay_time, pickup_done_time, ...).
// Argument errors are HTTP 400 error_param like the product calls; the window refusal is a module
// error answered HTTP 200 with `error` set, as the product module's business errors are here.
//
// Neutral → Shopee: unpaid UNPAID, paid READY_TO_SHIP, shipped SHIPPED, delivered COMPLETED,
// cancelled CANCELLED, returned TO_RETURN.
import type { Ctx, SimResponse } from '../http.ts';
import { countOrderCall, type NeutralStatus, type SimOrder } from '../orders.ts';
import type { App, Shop } from '../state.ts';
import { fail, ok, param, repeatedListParam } from './shopee-products.ts';

export const SHOPEE_ORDER_STATUSES = ['UNPAID', 'READY_TO_SHIP', 'PROCESSED', 'RETRY_SHIP', 'SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED', 'IN_CANCEL', 'CANCELLED', 'TO_RETURN', 'INVOICE_PENDING'] as const;

const STATUS: Record<NeutralStatus, string> = {
  unpaid: 'UNPAID',
  paid: 'READY_TO_SHIP',
  shipped: 'SHIPPED',
  delivered: 'COMPLETED',
  cancelled: 'CANCELLED',
  returned: 'TO_RETURN',
};

const MAX_RANGE_S = 15 * 86_400;
const DETAIL_MAX = 50;
const sec = (ms: number): number => Math.floor(ms / 1000);
const uint = (v: string | null): boolean => v !== null && /^\d{1,10}$/.test(v);

/** GET /api/v2/order/get_order_list */
export function getOrderList(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const s = shop!;
  countOrderCall(s);
  const q = ctx.req.query;
  const field = q.get('time_range_field');
  if (!field) return param('time_range_field is required');
  if (field !== 'create_time' && field !== 'update_time') return param('time_range_field should be create_time or update_time');
  const from = q.get('time_from');
  const to = q.get('time_to');
  if (from === null) return param('time_from is required');
  if (to === null) return param('time_to is required');
  if (!uint(from) || !uint(to)) return param('time_from and time_to should be unix timestamps in seconds');
  const ps = q.get('page_size');
  if (ps === null) return param('page_size is required');
  if (!/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return param('page_size should be between 1 and 100');
  const cursor = q.get('cursor') ?? '';
  if (cursor !== '' && !/^\d{1,9}$/.test(cursor)) return param('cursor is invalid');
  const status = q.get('order_status');
  if (status !== null && !(SHOPEE_ORDER_STATUSES as readonly string[]).includes(status)) return param(`order_status ${status} is invalid`);
  const optional = fieldsOf(q.get('response_optional_fields'));
  const f = Number(from);
  const t = Number(to);
  if (f > t || t - f > MAX_RANGE_S) return fail(200, 'order.order_list_invalid_time', 'Start time must be earlier than end time and diff in 15days.');

  // Both ends inclusive, in whole seconds: [from s, to s] = [from*1000, (to+1)*1000) ms.
  const inRange = field === 'update_time' ? s.orders.updatedBetween(f * 1000, (t + 1) * 1000) : s.orders.createdBetween(f * 1000, (t + 1) * 1000);
  const matched = status === null ? inRange : inRange.filter((o) => STATUS[o.status] === status);
  const newestFirst = matched.reverse();
  const off = cursor === '' ? 0 : Number(cursor);
  const page = newestFirst.slice(off, off + Number(ps));
  const end = off + page.length;
  const more = end < newestFirst.length;
  return ok({
    more,
    next_cursor: more ? String(end) : '',
    order_list: page.map((o) => (optional.has('order_status') ? { order_sn: o.orderId, order_status: STATUS[o.status] } : { order_sn: o.orderId })),
  });
}

/** GET /api/v2/order/get_order_detail */
export function getOrderDetail(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const s = shop!;
  countOrderCall(s);
  const q = ctx.req.query;
  const repeated = repeatedListParam(ctx, 'order_sn_list');
  if (repeated) return repeated;
  const raw = q.get('order_sn_list');
  if (!raw) return param('order_sn_list is required');
  const sns = raw.split(',').map((x) => x.trim());
  if (sns.length > DETAIL_MAX || sns.some((x) => !x)) return param(`order_sn_list length should be between 1 and ${DETAIL_MAX}`);
  const optional = fieldsOf(q.get('response_optional_fields'));
  const list: unknown[] = [];
  const missing: string[] = [];
  for (const sn of sns) {
    const o = s.orders.byId.get(sn);
    if (o) list.push(detail(s, o, optional));
    else missing.push(sn);
  }
  return ok({ order_list: list }, missing.length ? `order_sn not found: ${missing.join(',')}` : '');
}

function fieldsOf(v: string | null): Set<string> {
  return new Set((v ?? '').split(',').map((x) => x.trim()).filter(Boolean));
}

function detail(s: Shop, o: SimOrder, optional: Set<string>): Record<string, unknown> {
  // Whether a cancelled order had been paid is not kept by the simulator: shown as never paid.
  const paid = o.status !== 'unpaid' && o.status !== 'cancelled';
  const out: Record<string, unknown> = {
    order_sn: o.orderId,
    region: s.region || 'SG',
    currency: s.currency,
    cod: false,
    order_status: STATUS[o.status],
    message_to_seller: '',
    create_time: sec(o.createdAt),
    update_time: sec(o.updatedAt),
    days_to_ship: 3,
    ship_by_date: sec(o.createdAt) + 3 * 86_400,
  };
  const items = o.lines.map((l) => itemRow(s, l));
  const total = Math.round(items.reduce((a, i) => a + (i.model_discounted_price as number) * (i.model_quantity_purchased as number), 0) * 100) / 100;
  const extra: Record<string, unknown> = {
    item_list: items,
    // The simulator keeps no payment or pickup time; the order's creation / last change stand in.
    pay_time: paid ? sec(o.createdAt) : null,
    pickup_done_time: o.shipped ? sec(o.updatedAt) : 0,
    cancel_by: o.status === 'cancelled' ? 'buyer' : '',
    cancel_reason: o.status === 'cancelled' ? 'BUYER_CANCELLED' : '',
    buyer_cancel_reason: '',
    // "This value will only return after the buyer has completed payment for the order."
    ...(paid ? { total_amount: total } : {}),
    buyer_user_id: 9_000_000 + o.seq,
    buyer_username: `buyer${o.seq}`,
    split_up: false,
    fulfillment_flag: 'fulfilled_by_local_seller',
  };
  for (const [k, v] of Object.entries(extra)) if (optional.has(k)) out[k] = v;
  return out;
}

function itemRow(s: Shop, l: SimOrder['lines'][number]): Record<string, unknown> {
  // Looked up within the item: every item without models has model id 0.
  const item = s.items.get(l.itemId);
  const variant = item?.variants.find((v) => v.variantId === l.variantId);
  const hasModels = item?.hasVariants ?? l.variantId !== '0';
  const price = variant?.price ?? 0;
  return {
    item_id: Number(l.itemId),
    item_name: item?.title ?? '',
    // Without models the SKU is the item's (model_id 0, model_sku ""), as in Shopee's sample answer.
    item_sku: hasModels ? '' : l.sellerSku,
    model_id: hasModels ? Number(l.variantId) : 0,
    model_name: hasModels ? (variant?.option ?? '') : '',
    model_sku: hasModels ? l.sellerSku : '',
    model_quantity_purchased: l.quantity,
    model_original_price: price,
    model_discounted_price: price,
    wholesale: false,
    weight: 1,
    add_on_deal: false,
    main_item: false,
    add_on_deal_id: 0,
    promotion_type: '',
    promotion_id: 0,
    // "For items not in bundle deal promotion, the order_item_id should be the same as item_id."
    order_item_id: Number(l.itemId),
    promotion_group_id: 0,
    image_info: { image_url: item?.images[0] ?? '' },
    product_location_id: s.locations.map((x) => x.id).filter(Boolean),
  };
}
