// WooCommerce GET /orders over HTTP: shapes, statuses, parameter refusals, modified_after paging,
// auth and faults as for products, the platform's stock at order / payment / cancel, orderCalls.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, newShop, sim, wooOAuth } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
afterEach(async () => {
  await ctl(s, 'POST', '/faults', {});
});

interface Site {
  shopId: string;
  api: string;
  ck: string;
  cs: string;
  /** SKU of a simple product and of two variations of one variable product. */
  simple: { sku: string; id: number };
  variable: { id: number; skus: string[]; ids: number[] };
}
async function site(): Promise<Site> {
  const sh = await newShop(s, { platform: 'woocommerce', items: 1, skuPrefix: `W${Math.random().toString(36).slice(2, 7)}` });
  const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
  const tag = sh.shopId.slice(-6);
  const made = await ctl(s, 'POST', `/shops/${sh.shopId}/items`, {
    title: 'Tee',
    variants: [
      { sellerSku: `TEE-S-${tag}`, stock: 20, price: 10 },
      { sellerSku: `TEE-M-${tag}`, stock: 20, price: 12 },
    ],
  });
  expect(made.status).toBe(201);
  await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${items[0].itemId}`, { variants: [{ variantId: items[0].variants[0].variantId, stock: 20 }] });
  return {
    shopId: sh.shopId,
    api: `${sh.apiBaseUrl}/wp-json/wc/v3`,
    ck: sh.credentials.consumerKey,
    cs: sh.credentials.consumerSecret,
    simple: { sku: items[0].variants[0].sellerSku, id: Number(items[0].itemId) },
    variable: { id: Number(made.body.itemId), skus: made.body.variants.map((v: any) => v.sellerSku), ids: made.body.variants.map((v: any) => Number(v.variantId)) },
  };
}
const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
/** Basic over "HTTPS" (the simulator honours X-Forwarded-Proto: https). */
function get(w: Site, pathAndQuery: string): Promise<any> {
  return http(`${w.api}${pathAndQuery}`, { headers: { 'x-forwarded-proto': 'https', authorization: basic(w.ck, w.cs) } });
}
async function place(w: Site, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<string> {
  const r = await ctl(s, 'POST', `/shops/${w.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  expect(r.status).toBe(201);
  return r.body.orderId;
}
const move = (w: Site, id: string, status: string) => ctl(s, 'POST', `/shops/${w.shopId}/orders/${id}/status`, { status });
const advance = (ms: number) => ctl(s, 'POST', '/clock', { advanceMs: ms });
const stockOf = async (w: Site, path: string): Promise<number> => (await get(w, path)).body.stock_quantity;

describe('woocommerce orders: shape and statuses', () => {
  it('an order as WooCommerce lists it: ids, GMT dates without zone, line items with product/variation ids', async () => {
    const w = await site();
    const id = await place(w, [
      { sellerSku: w.simple.sku, quantity: 2 },
      { sellerSku: w.variable.skus[1]!, quantity: 3 },
    ]);
    const r = await get(w, '/orders?orderby=modified&order=asc&per_page=100');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-wp-total')).toBe('1');
    expect(r.headers.get('x-wp-totalpages')).toBe('1');
    const o = r.body[0];
    expect(o).toMatchObject({ id: Number(id), parent_id: 0, status: 'processing', number: id, refunds: [], date_completed_gmt: null });
    for (const k of ['date_created_gmt', 'date_modified_gmt', 'date_paid_gmt']) expect(o[k]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(o.line_items).toEqual([
      expect.objectContaining({ product_id: w.simple.id, variation_id: 0, sku: w.simple.sku, quantity: 2, parent_name: null }),
      expect.objectContaining({ product_id: w.variable.id, variation_id: w.variable.ids[1], sku: w.variable.skus[1], quantity: 3, price: 12, total: '36.00', parent_name: 'Tee' }),
    ]);
    expect(o.line_items[0].id).toBeGreaterThan(0);
    const one = await get(w, `/orders/${id}`);
    expect(one.body).toEqual(o);
    const none = await get(w, '/orders/1');
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
  });

  it('neutral statuses in WooCommerce words: pending, processing, completed, cancelled, refunded', async () => {
    const w = await site();
    const line = [{ sellerSku: w.simple.sku, quantity: 1 }];
    const unpaid = await place(w, line, 'unpaid');
    const shipped = await place(w, line);
    const delivered = await place(w, line);
    const cancelled = await place(w, line);
    const returned = await place(w, line);
    await move(w, shipped, 'shipped');
    await move(w, delivered, 'shipped');
    await move(w, delivered, 'delivered');
    await move(w, cancelled, 'cancelled');
    await move(w, returned, 'shipped');
    await move(w, returned, 'returned');
    const byId = new Map<number, any>((await get(w, '/orders?per_page=100')).body.map((o: any) => [o.id, o]));
    expect(byId.get(Number(unpaid))).toMatchObject({ status: 'pending', date_paid_gmt: null, needs_payment: true });
    expect(byId.get(Number(shipped))).toMatchObject({ status: 'completed' });
    expect(byId.get(Number(shipped)).date_completed_gmt).toMatch(/T/);
    expect(byId.get(Number(delivered))).toMatchObject({ status: 'completed' });
    expect(byId.get(Number(cancelled))).toMatchObject({ status: 'cancelled', date_completed_gmt: null });
    const ret = byId.get(Number(returned));
    expect(ret).toMatchObject({ status: 'refunded', refunds: [expect.objectContaining({ total: `-${ret.total}` })] });
    expect(ret.date_completed_gmt).toMatch(/T/);
    // status filter: one word, several (CSV and status[]=)
    expect((await get(w, '/orders?status=completed')).body.map((o: any) => o.id).sort()).toEqual([Number(shipped), Number(delivered)].sort());
    expect((await get(w, '/orders?status=pending,refunded')).body).toHaveLength(2);
    expect((await get(w, '/orders?status[]=cancelled&status[]=pending')).body).toHaveLength(2);
  });
});

describe('woocommerce orders: parameters', () => {
  it('refuses per_page outside 1..100, page < 1, unknown orderby/order/status, a bad date, a non-boolean dates_are_gmt', async () => {
    const w = await site();
    const cases: [string, string][] = [
      ['per_page=101', 'per_page'],
      ['per_page=0', 'per_page'],
      ['per_page=ten', 'per_page'],
      ['page=0', 'page'],
      ['orderby=updated_at', 'orderby'],
      ['order=up', 'order'],
      ['status=shipped', 'status'],
      ['modified_after=yesterday', 'modified_after'],
      ['dates_are_gmt=maybe', 'dates_are_gmt'],
    ];
    for (const [q, param] of cases) {
      const r = await get(w, `/orders?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.code, q).toBe('rest_invalid_param');
      expect(Object.keys(r.body.data.params), q).toEqual([param]);
    }
    expect((await get(w, '/orders?per_page=100')).status).toBe(200);
  });

  it('modified_after is exclusive at second precision; orderby=modified&order=asc pages by page number with X-WP-TotalPages', async () => {
    const w = await site();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(await place(w, [{ sellerSku: w.variable.skus[i % 2]!, quantity: 1 }]));
      if (i % 10 === 9) await advance(2000);
    }
    // The first order moves last: modified order is not creation order.
    await advance(2000);
    await move(w, ids[0]!, 'shipped');
    const all = (await get(w, '/orders?orderby=modified&order=asc&per_page=100')).body;
    expect(all.map((o: any) => String(o.id))).toEqual([...ids.slice(1), ids[0]]);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const r = await get(w, `/orders?orderby=modified&order=asc&per_page=10&page=${page}`);
      expect(r.headers.get('x-wp-total')).toBe('25');
      expect(r.headers.get('x-wp-totalpages')).toBe('3');
      seen.push(...r.body.map((o: any) => String(o.id)));
      if (page >= Number(r.headers.get('x-wp-totalpages'))) break;
    }
    expect(seen).toEqual(all.map((o: any) => String(o.id)));
    // Past the end: an empty page with the totals, as WC_REST_CRUD_Controller answers.
    const past = await get(w, '/orders?orderby=modified&order=asc&per_page=10&page=4');
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    expect(past.headers.get('x-wp-total')).toBe('25');
    // Exclusive bound: the shipped order's own second leaves it out; one second earlier keeps it.
    const t = all[24].date_modified_gmt as string;
    expect((await get(w, `/orders?modified_after=${t}&dates_are_gmt=true`)).body).toEqual([]);
    const earlier = new Date(Date.parse(`${t}Z`) - 1000).toISOString().slice(0, 19);
    const r = await get(w, `/orders?modified_after=${earlier}&dates_are_gmt=true`);
    expect(r.body.map((o: any) => String(o.id))).toEqual([ids[0]]);
    // A date with a zone designator is the same instant (the simulated site runs on UTC).
    expect((await get(w, `/orders?modified_after=${earlier}Z&dates_are_gmt=true`)).body).toHaveLength(1);
    // Default order is date desc.
    expect((await get(w, '/orders?per_page=3')).body.map((o: any) => String(o.id))).toEqual(ids.slice(-3).reverse());
  });
});

describe('woocommerce orders: auth, faults, stock, counting', () => {
  it('OAuth 1.0a over HTTP is verified as for products; no credentials is cannot_view', async () => {
    const w = await site();
    await place(w, [{ sellerSku: w.simple.sku, quantity: 1 }]);
    const ok = await http(wooOAuth('GET', `${w.api}/orders?orderby=modified&order=asc`, w.ck, w.cs).url);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(1);
    const bad = await http(wooOAuth('GET', `${w.api}/orders?orderby=modified&order=asc`, w.ck, w.cs, { mutate: true }).url);
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match.' });
    const anon = await http(`${w.api}/orders`);
    expect(anon.status).toBe(401);
    expect(anon.body).toMatchObject({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' });
    // Orders are not created or edited through this API here.
    expect((await http(wooOAuth('POST', `${w.api}/orders`, w.ck, w.cs).url, { method: 'POST' })).body.code).toBe('rest_no_route');
  });

  it('the rate-limit fault answers 429 with Retry-After, the error fault 503', async () => {
    const w = await site();
    await ctl(s, 'POST', '/faults', { shopId: w.shopId, rateLimitPerSecond: 1 });
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await get(w, '/orders');
      codes.push(r.status);
      if (r.status === 429) ((retryAfter = r.headers.get('retry-after')), expect(r.body.code).toBe('woocommerce_rest_too_many_requests'));
    }
    expect(codes).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await ctl(s, 'POST', '/faults', { shopId: w.shopId, errorRate: 1 });
    const down = await get(w, '/orders');
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('rest_service_unavailable');
  });

  it('stock through the API: lowered when paid (not while pending), restored on cancel, not on refund', async () => {
    const w = await site();
    const simplePath = `/products/${w.simple.id}`;
    const varPath = `/products/${w.variable.id}/variations/${w.variable.ids[0]}`;
    expect(await stockOf(w, simplePath)).toBe(20);
    const pending = await place(w, [{ sellerSku: w.simple.sku, quantity: 4 }], 'unpaid');
    expect(await stockOf(w, simplePath)).toBe(20);
    await move(w, pending, 'paid');
    expect(await stockOf(w, simplePath)).toBe(16);
    const paid = await place(w, [{ sellerSku: w.variable.skus[0]!, quantity: 5 }]);
    expect(await stockOf(w, varPath)).toBe(15);
    await move(w, paid, 'cancelled');
    expect(await stockOf(w, varPath)).toBe(20);
    await move(w, pending, 'shipped');
    await move(w, pending, 'returned');
    expect(await stockOf(w, simplePath)).toBe(16);
    const statuses = new Map((await get(w, '/orders')).body.map((o: any) => [String(o.id), o.status]));
    expect(statuses.get(pending)).toBe('refunded');
    expect(statuses.get(paid)).toBe('cancelled');
  });

  it('orderCalls counts the order calls answered; refused callers and product calls are not counted', async () => {
    const w = await site();
    const id = await place(w, [{ sellerSku: w.simple.sku, quantity: 1 }]);
    await get(w, '/orders');
    await get(w, `/orders/${id}`);
    await get(w, '/orders?per_page=500'); // answered (a 400 is still an order call)
    await http(`${w.api}/orders`); // unauthenticated
    await get(w, '/products');
    const st = (await ctl(s, 'GET', `/stats?shopId=${w.shopId}`)).body;
    expect(st.orderCalls).toBe(3);
  });
});
