// TikTok Shop order API fake: POST /order/202309/orders/search (docs/platforms/tiktok.md "Orders").
// Reached through handleTiktok's gateway, so signing (body included), token, shop_cipher, the
// 50 QPS per-API limit and fault injection are the product calls' own.
//
// Shapes follow TikTok's published 202309 SDK models (Order202309GetOrderListRequestBody,
// …ResponseDataOrders, …OrdersLineItems) and real answers seen in public: query `page_size`
// (required), `page_token`, `sort_field`, `sort_order`; body `update_time_ge/lt`,
// `create_time_ge/lt`, `order_status`; `data{next_page_token, total_count, orders[{id, status,
// create_time, update_time, line_items[{id, sku_id, product_id, seller_sku, display_status,
// package_status, …}]}]}`. There is no quantity field: one line item per unit.
//
// Neutral → TikTok: unpaid UNPAID, paid AWAITING_SHIPMENT, shipped IN_TRANSIT, delivered
// DELIVERED, cancelled CANCELLED. Returned: TikTok keeps returns in its Return & Refund API
// (/return_refund/202309/returns/search) and the order list has no "returned" status; what the
// order list does show of a refunded unit is its line item, which TikTok marks CANCELLED (with
// cancel_user / cancel_reason) while the order keeps its delivered status and the package stays
// COMPLETED. So a returned order is status DELIVERED, every line item display_status CANCELLED,
// package_status COMPLETED. That the order stays DELIVERED rather than moving on is our reading,
// not something TikTok's docs state.
//
// Parameter errors answer 36009004 (TikTok's common "invalid param" code; its order-module codes
// are not published), as the product search does for a bad page_token.
import type { Ctx, SimResponse } from '../http.ts';
import { json } from '../http.ts';
import { countOrderCall, type NeutralStatus, type SimOrder } from '../orders.ts';
import type { Shop } from '../state.ts';
import { b64urlJson, fromB64urlJson, isInt, lowerBound, money, requestId } from '../util.ts';

const fail = (status: number, code: number, message: string): SimResponse => json(status, { code, message, request_id: requestId() });
const ok = (data: unknown): SimResponse => json(200, { code: 0, message: 'Success', request_id: requestId(), data });
const badParam = (detail: string): SimResponse => fail(400, 36009004, `invalid param error: ${detail}`);

export const TIKTOK_ORDER_STATUSES = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'] as const;

const ORDER_STATUS: Record<NeutralStatus, string> = {
  unpaid: 'UNPAID',
  paid: 'AWAITING_SHIPMENT',
  shipped: 'IN_TRANSIT',
  delivered: 'DELIVERED',
  cancelled: 'CANCELLED',
  returned: 'DELIVERED',
};
/** Fulfillment package status (PROCESSING | FULFILLING | COMPLETED | CANCELLED); none before payment. */
const PACKAGE_STATUS: Record<NeutralStatus, string | null> = {
  unpaid: null,
  paid: 'PROCESSING',
  shipped: 'FULFILLING',
  delivered: 'COMPLETED',
  cancelled: 'CANCELLED',
  returned: 'COMPLETED',
};

const sec = (ms: number): number => Math.floor(ms / 1000);
const idPlus = (id: string, n: number): string => String(BigInt(id) + BigInt(n));

function lineItemsJson(shop: Shop, o: SimOrder, packageId: string | null): unknown[] {
  const out: unknown[] = [];
  const cancelled = o.status === 'cancelled' || o.status === 'returned';
  const pkg = PACKAGE_STATUS[o.status];
  let k = 0;
  for (const l of o.lines) {
    const ref = shop.items.variant(l.variantId);
    const price = money(ref?.variant.price ?? 0);
    for (let u = 0; u < l.quantity; u++) {
      // Line item ids sit just above the order id, as in TikTok's answers; order ids are
      // 104,729 apart, so they stay unique below that many units in one order.
      out.push({
        id: idPlus(o.orderId, ++k),
        sku_id: l.variantId,
        product_id: l.itemId,
        seller_sku: l.sellerSku,
        product_name: ref?.item.title ?? '',
        sku_name: ref?.variant.option || 'Default',
        sku_type: 'NORMAL',
        display_status: o.status === 'returned' ? 'CANCELLED' : ORDER_STATUS[o.status],
        ...(packageId ? { package_id: packageId, package_status: pkg } : {}),
        is_gift: false,
        currency: shop.currency,
        original_price: price,
        sale_price: price,
        platform_discount: '0',
        seller_discount: '0',
        tracking_number: o.shipped ? `SIM${o.seq.toString().padStart(10, '0')}` : '',
        ...(cancelled ? { cancel_user: 'BUYER', cancel_reason: o.status === 'returned' ? 'Return and refund' : 'No longer needed' } : {}),
      });
    }
  }
  return out;
}

export function tiktokOrderJson(shop: Shop, o: SimOrder): Record<string, unknown> {
  const packageId = PACKAGE_STATUS[o.status] ? String(1_150_000_000_000_000_000n + BigInt(o.seq)) : null;
  const items = lineItemsJson(shop, o, packageId);
  const subTotal = o.lines.reduce((t, l) => t + (shop.items.variant(l.variantId)?.variant.price ?? 0) * l.quantity, 0);
  return {
    id: o.orderId,
    status: ORDER_STATUS[o.status],
    create_time: sec(o.createdAt),
    update_time: sec(o.updatedAt),
    ...(o.status !== 'unpaid' && PACKAGE_STATUS[o.status] !== 'CANCELLED' ? { paid_time: sec(o.createdAt) } : {}),
    ...(o.cancelledAt !== null ? { cancel_time: sec(o.cancelledAt), cancellation_initiator: 'BUYER', cancel_reason: 'No longer needed' } : {}),
    order_type: 'NORMAL',
    commerce_platform: 'TIKTOK_SHOP',
    fulfillment_type: 'FULFILLMENT_BY_SELLER',
    shipping_type: 'SELLER',
    delivery_type: 'HOME_DELIVERY',
    is_cod: false,
    is_on_hold_order: false,
    is_sample_order: false,
    is_replacement_order: false,
    user_id: `7${o.seq.toString().padStart(18, '0')}`,
    buyer_message: '',
    warehouse_id: shop.locations[0]?.id ?? '',
    payment: { currency: shop.currency, sub_total: money(subTotal), shipping_fee: '0', seller_discount: '0', platform_discount: '0', tax: '0', total_amount: money(subTotal) },
    packages: packageId ? [{ id: packageId }] : [],
    line_items: items,
  };
}

interface Token {
  k: string;
  v: number;
  s: number;
}

type TimeArg = number | undefined | null;
function timeArg(body: Record<string, unknown>, key: string): TimeArg {
  const v = body[key];
  if (v === undefined) return undefined;
  return isInt(v) && v >= 0 ? v : null;
}

/** POST /order/202309/orders/search */
export function ordersSearch(ctx: Ctx, shop: Shop, body: Record<string, unknown>): SimResponse {
  countOrderCall(shop);
  const q = ctx.req.query;
  const ps = q.get('page_size') ?? '';
  if (!/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return badParam('page_size must be between 1 and 100');
  const field = q.get('sort_field') ?? 'create_time';
  if (field !== 'create_time' && field !== 'update_time') return badParam('sort_field must be create_time or update_time');
  const order = q.get('sort_order') ?? 'DESC';
  if (order !== 'ASC' && order !== 'DESC') return badParam('sort_order must be ASC or DESC');
  const ug = timeArg(body, 'update_time_ge');
  const ul = timeArg(body, 'update_time_lt');
  const cg = timeArg(body, 'create_time_ge');
  const cl = timeArg(body, 'create_time_lt');
  if (ug === null || ul === null) return badParam('update_time_ge and update_time_lt must be Unix seconds');
  if (cg === null || cl === null) return badParam('create_time_ge and create_time_lt must be Unix seconds');
  const st = body.order_status;
  if (st !== undefined && !(TIKTOK_ORDER_STATUSES as readonly unknown[]).includes(st)) return badParam('order_status is invalid');

  const inCreate = (o: SimOrder): boolean => (cg === undefined || o.createdAt >= cg * 1000) && (cl === undefined || o.createdAt < cl * 1000);
  const inUpdate = (o: SimOrder): boolean => (ug === undefined || o.updatedAt >= ug * 1000) && (ul === undefined || o.updatedAt < ul * 1000);
  // Both stores keep (time, seq) order, so the chosen field's list is already sorted ascending.
  const base = field === 'update_time' ? shop.orders.updatedBetween((ug ?? 0) * 1000, ul === undefined ? Infinity : ul * 1000) : shop.orders.createdBetween((cg ?? 0) * 1000, cl === undefined ? Infinity : cl * 1000);
  let list = base.filter((o) => inCreate(o) && inUpdate(o) && (st === undefined || ORDER_STATUS[o.status] === st));
  if (order === 'DESC') list = list.reverse();
  const val = (o: SimOrder): number => (field === 'update_time' ? o.updatedAt : o.createdAt);

  // The token carries the last order's position and the request it belongs to: another filter
  // or sort with it is refused, and an order that changes mid-scan moves behind the position
  // (update_time ASC) and is listed again rather than skipped.
  const key = JSON.stringify([field, order, ug, ul, cg, cl, st ?? null]);
  let start = 0;
  const tokStr = q.get('page_token');
  if (tokStr) {
    const t = fromB64urlJson(tokStr) as Partial<Token> | undefined;
    if (!t || t.k !== key || !isInt(t.v) || !isInt(t.s)) return badParam('page_token is invalid');
    const { v, s } = t as Token;
    const after = (o: SimOrder): boolean => (order === 'ASC' ? val(o) > v || (val(o) === v && o.seq > s) : val(o) < v || (val(o) === v && o.seq < s));
    start = lowerBound(list.length, (i) => after(list[i]!));
  }
  const end = Math.min(list.length, start + Number(ps));
  const page = list.slice(start, end);
  const last = page[page.length - 1];
  const next = end < list.length && last ? b64urlJson({ k: key, v: val(last), s: last.seq } satisfies Token) : '';
  return ok({ total_count: list.length, next_page_token: next, orders: page.map((o) => tiktokOrderJson(shop, o)) });
}
