// TikTok order API of the simulator: POST /order/202309/orders/search, signed with the
// independent helper (helpers.ts), orders placed and moved through the control API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, newShop, sim, tiktokUrl } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
afterEach(async () => {
  await ctl(s, 'POST', '/faults', {});
  await ctl(s, 'POST', '/clock', { offsetMs: 0 });
});

interface Shop {
  shopId: string;
  api: string;
  c: { appKey: string; appSecret: string; accessToken: string; shopCipher: string };
  items: { itemId: string; variants: { variantId: string; sellerSku: string; stock: number }[] }[];
}
const SEARCH = '/order/202309/orders/search';
const PRODUCTS = '/product/202309/products/search';

async function shop(items = 3, variantsPerItem = 1): Promise<Shop> {
  const sh = await newShop(s, { platform: 'tiktok', items, variantsPerItem });
  // Enough stock for every order the tests place.
  const list = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
  for (const it of list) await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${it.itemId}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: 1000 })) });
  return { shopId: sh.shopId, api: sh.apiBaseUrl, c: sh.credentials, items: (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body };
}
function call(sh: Shop, path: string, query: Record<string, string>, body: unknown, opts: { mutate?: boolean; noCipher?: boolean; sentBody?: string } = {}): Promise<any> {
  const raw = JSON.stringify(body);
  const q = opts.noCipher ? query : { shop_cipher: sh.c.shopCipher, ...query };
  const url = tiktokUrl(sh.api, path, sh.c.appKey, sh.c.appSecret, q, raw, opts);
  return http(url, { method: 'POST', headers: { 'x-tts-access-token': sh.c.accessToken, 'content-type': 'application/json' }, body: opts.sentBody ?? raw });
}
const search = (sh: Shop, query: Record<string, string>, body: unknown = {}) => call(sh, SEARCH, { sort_field: 'update_time', sort_order: 'ASC', ...query }, body);
async function place(sh: Shop, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<string> {
  const r = await ctl(s, 'POST', `/shops/${sh.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  if (r.status !== 201) throw new Error(`order refused: ${r.text}`);
  return r.body.orderId;
}
const move = (sh: Shop, orderId: string, status: string) => ctl(s, 'POST', `/shops/${sh.shopId}/orders/${orderId}/status`, { status });
async function orderOf(sh: Shop, orderId: string): Promise<any> {
  const r = await search(sh, { page_size: '100' });
  expect(r.body.code).toBe(0);
  return r.body.data.orders.find((o: any) => o.id === orderId);
}
const sku = (sh: Shop, i: number) => sh.items[i]!.variants[0]!;

describe('tiktok orders/search shapes', () => {
  it('one line item per unit with the product API ids; times in Unix seconds', async () => {
    const sh = await shop();
    const before = Math.floor(Date.now() / 1000);
    const id = await place(sh, [{ sellerSku: sku(sh, 0).sellerSku, quantity: 2 }, { sellerSku: sku(sh, 1).sellerSku, quantity: 1 }]);
    const after = Math.ceil(Date.now() / 1000);
    const r = await search(sh, { page_size: '10' }, { update_time_ge: before - 5 });
    expect(r.body).toMatchObject({ code: 0, message: 'Success', data: { total_count: 1, next_page_token: '' } });
    const o = r.body.data.orders[0];
    expect(o).toMatchObject({ id, status: 'AWAITING_SHIPMENT', payment: { currency: expect.any(String) } });
    expect(o.create_time).toBeGreaterThanOrEqual(before - 1);
    expect(o.create_time).toBeLessThanOrEqual(after);
    expect(o.update_time).toBe(o.create_time);
    expect(o.line_items).toHaveLength(3);
    expect(new Set(o.line_items.map((l: any) => l.id)).size).toBe(3);
    expect(o.line_items.map((l: any) => [l.product_id, l.sku_id, l.seller_sku, l.display_status])).toEqual([
      [sh.items[0]!.itemId, sku(sh, 0).variantId, sku(sh, 0).sellerSku, 'AWAITING_SHIPMENT'],
      [sh.items[0]!.itemId, sku(sh, 0).variantId, sku(sh, 0).sellerSku, 'AWAITING_SHIPMENT'],
      [sh.items[1]!.itemId, sku(sh, 1).variantId, sku(sh, 1).sellerSku, 'AWAITING_SHIPMENT'],
    ]);
    expect(o.line_items.every((l: any) => !('quantity' in l) && l.package_status === 'PROCESSING' && l.package_id === o.packages[0].id)).toBe(true);
    // The same ids the product API gives.
    const p = await call(sh, PRODUCTS, { page_size: '100' }, {});
    const prod = p.body.data.products.find((x: any) => x.id === o.line_items[0].product_id);
    expect(prod.skus.map((x: any) => x.id)).toContain(o.line_items[0].sku_id);
  });

  it('statuses in TikTok words; a return keeps the order DELIVERED and cancels its line items', async () => {
    const sh = await shop();
    const a = await place(sh, [{ sellerSku: sku(sh, 0).sellerSku, quantity: 1 }], 'unpaid');
    const line = async (id: string) => {
      const o = await orderOf(sh, id);
      return [o.status, o.line_items[0].display_status, o.line_items[0].package_status ?? null];
    };
    expect(await line(a)).toEqual(['UNPAID', 'UNPAID', null]);
    expect((await orderOf(sh, a)).packages).toEqual([]);
    await move(sh, a, 'paid');
    expect(await line(a)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT', 'PROCESSING']);
    await move(sh, a, 'shipped');
    expect(await line(a)).toEqual(['IN_TRANSIT', 'IN_TRANSIT', 'FULFILLING']);
    await move(sh, a, 'delivered');
    expect(await line(a)).toEqual(['DELIVERED', 'DELIVERED', 'COMPLETED']);
    await move(sh, a, 'returned');
    expect(await line(a)).toEqual(['DELIVERED', 'CANCELLED', 'COMPLETED']);
    expect((await orderOf(sh, a)).line_items[0]).toMatchObject({ cancel_user: 'BUYER' });
    const b = await place(sh, [{ sellerSku: sku(sh, 1).sellerSku, quantity: 1 }]);
    await move(sh, b, 'cancelled');
    expect(await line(b)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect((await orderOf(sh, b)).cancel_time).toEqual(expect.any(Number));
    const only = await search(sh, { page_size: '10' }, { order_status: 'CANCELLED' });
    expect(only.body.data.orders.map((o: any) => o.id)).toEqual([b]);
  });
});

describe('tiktok orders/search limits and paging', () => {
  it('refuses page_size outside 1..100, a bad sort, status or time, and a foreign page_token', async () => {
    const sh = await shop();
    for (const ps of ['0', '101', 'x']) expect((await search(sh, { page_size: ps })).body.code).toBe(36009004);
    const noSize = await call(sh, SEARCH, {}, {});
    expect([noSize.status, noSize.body.code]).toEqual([400, 36009004]);
    expect((await search(sh, { page_size: '10', sort_field: 'price' })).body.code).toBe(36009004);
    expect((await search(sh, { page_size: '10', sort_order: 'UP' })).body.code).toBe(36009004);
    expect((await search(sh, { page_size: '10' }, { order_status: 'SHIPPED' })).body.code).toBe(36009004);
    expect((await search(sh, { page_size: '10' }, { update_time_ge: '2026-01-01' })).body.code).toBe(36009004);
    expect((await search(sh, { page_size: '10', page_token: 'bm9wZQ' })).body.code).toBe(36009004);
    for (let i = 0; i < 3; i++) await place(sh, [{ sellerSku: sku(sh, 0).sellerSku, quantity: 1 }]);
    const p1 = await search(sh, { page_size: '2' }, { update_time_ge: 0 });
    expect(p1.body.data.next_page_token).not.toBe('');
    // A token is good only for the request that gave it.
    expect((await search(sh, { page_size: '2', page_token: p1.body.data.next_page_token }, { update_time_ge: 1 })).body.code).toBe(36009004);
    expect((await search(sh, { page_size: '2', page_token: p1.body.data.next_page_token }, { update_time_ge: 0 })).body.code).toBe(0);
  });

  it('pages 230 orders by update time with page tokens; update_time_ge/lt filter', async () => {
    const sh = await shop(5);
    // Old orders first (the simulator's clock set back), then recent ones.
    await ctl(s, 'POST', '/clock', { offsetMs: -120_000 });
    const old = [];
    for (let i = 0; i < 30; i++) old.push(await place(sh, [{ sellerSku: sku(sh, i % 5).sellerSku, quantity: 1 }]));
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const recent = [];
    for (let i = 0; i < 200; i++) recent.push(await place(sh, [{ sellerSku: sku(sh, i % 5).sellerSku, quantity: 1 + (i % 2) }]));
    const ids: string[] = [];
    const times: number[] = [];
    let token = '';
    let pages = 0;
    do {
      const r = await search(sh, token ? { page_size: '100', page_token: token } : { page_size: '100' }, { update_time_ge: 0 });
      expect(r.body.code).toBe(0);
      expect(r.body.data.total_count).toBe(230);
      for (const o of r.body.data.orders) (ids.push(o.id), times.push(o.update_time));
      token = r.body.data.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(ids).toEqual([...old, ...recent]);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const cut = Math.floor(Date.now() / 1000) - 60;
    const recentOnly = await search(sh, { page_size: '100' }, { update_time_ge: cut });
    expect(recentOnly.body.data.total_count).toBe(200);
    const oldOnly = await search(sh, { page_size: '100' }, { update_time_lt: cut });
    expect(oldOnly.body.data.orders.map((o: any) => o.id)).toEqual(old);
  });

  it('an order that changes mid-scan is listed again after the token, never skipped', async () => {
    const sh = await shop();
    await ctl(s, 'POST', '/clock', { offsetMs: -60_000 });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await place(sh, [{ sellerSku: sku(sh, 0).sellerSku, quantity: 1 }]));
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const p1 = await search(sh, { page_size: '2' }, { update_time_ge: 0 });
    expect(p1.body.data.orders.map((o: any) => o.id)).toEqual(ids.slice(0, 2));
    await move(sh, ids[0]!, 'shipped');
    const p2 = await search(sh, { page_size: '10', page_token: p1.body.data.next_page_token }, { update_time_ge: 0 });
    expect(p2.body.data.orders.map((o: any) => [o.id, o.status])).toEqual([[ids[2], 'AWAITING_SHIPMENT'], [ids[3], 'AWAITING_SHIPMENT'], [ids[0], 'IN_TRANSIT']]);
  });
});

describe('tiktok orders/search gateway, stock and stats', () => {
  it('the body is signed: a changed character or an unsigned body → 106001; no shop_cipher → 106013', async () => {
    const sh = await shop();
    expect((await search(sh, { page_size: '10' }, { update_time_ge: 0 })).body.code).toBe(0);
    expect((await call(sh, SEARCH, { page_size: '10' }, { update_time_ge: 0 }, { mutate: true })).body.code).toBe(106001);
    const r = await call(sh, SEARCH, { page_size: '10' }, { update_time_ge: 0 }, { sentBody: '{"update_time_ge":1}' });
    expect([r.status, r.body.code]).toEqual([401, 106001]);
    expect((await call(sh, SEARCH, { page_size: '10' }, {}, { noCipher: true })).body.code).toBe(106013);
  });

  it('an order lowers the stock the product API shows; a cancel gives it back; a return does not', async () => {
    const sh = await shop();
    const v = sku(sh, 0);
    const stockOf = async () => {
      const p = await call(sh, PRODUCTS, { page_size: '100' }, {});
      const k = p.body.data.products.flatMap((x: any) => x.skus).find((x: any) => x.id === v.variantId);
      return k.inventory.reduce((t: number, w: any) => t + w.quantity, 0);
    };
    expect(await stockOf()).toBe(1000);
    const a = await place(sh, [{ sellerSku: v.sellerSku, quantity: 3 }]);
    expect(await stockOf()).toBe(997);
    await move(sh, a, 'cancelled');
    expect(await stockOf()).toBe(1000);
    const b = await place(sh, [{ sellerSku: v.sellerSku, quantity: 2 }]);
    for (const st of ['shipped', 'delivered', 'returned']) await move(sh, b, st);
    expect(await stockOf()).toBe(998);
  });

  it('orderCalls counts the calls the order API answered; 429 per API and 36009003 as for products', async () => {
    const sh = await shop();
    for (let i = 0; i < 3; i++) expect((await search(sh, { page_size: '10' })).body.code).toBe(0);
    await call(sh, SEARCH, { page_size: '10' }, {}, { mutate: true });
    const st = (await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body;
    expect(st.orderCalls).toBe(3);
    expect(st.calls[SEARCH]).toBe(3); // the refused call has no shop yet (counted globally)
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 2 });
    const rs = await Promise.all(Array.from({ length: 6 }, () => search(sh, { page_size: '1' })));
    const limited = rs.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0].body.code).toBe(36009002);
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, errorRate: 1 });
    const e = await search(sh, { page_size: '1' });
    expect([e.status, e.body.code]).toEqual([500, 36009003]);
  });
});
