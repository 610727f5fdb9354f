// Lazada's order API in the simulator: shapes, limits, signing, stock through the product API,
// order call counting. Requests are signed by helpers.ts (independent of the simulator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, lazadaParams, newShop, sim } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

interface Shop {
  shopId: string;
  api: string;
  c: { appKey: string; appSecret: string; accessToken: string; refreshToken: string };
  skus: { itemId: string; variantId: string; sellerSku: string }[];
}
async function shop(stock = 20): Promise<Shop> {
  const sh = await newShop(s, { platform: 'lazada', items: 3, variantsPerItem: 2 });
  const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body as any[];
  for (const it of items) {
    const r = await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${it.itemId}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock })) });
    expect(r.status).toBe(200);
  }
  const skus = items.flatMap((it) => it.variants.map((v: any) => ({ itemId: String(it.itemId), variantId: String(v.variantId), sellerSku: v.sellerSku })));
  return { shopId: sh.shopId, api: sh.apiBaseUrl, c: sh.credentials, skus };
}
function get(sh: Shop, path: string, params: Record<string, string>, opts: Parameters<typeof lazadaParams>[4] = {}): Promise<any> {
  return http(`${sh.api}${path}?${lazadaParams(path, sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, ...params }, opts)}`);
}
async function place(sh: Shop, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<any> {
  const r = await ctl(s, 'POST', `/shops/${sh.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  expect(r.status).toBe(201);
  return r.body;
}
const move = (sh: Shop, orderId: string, status: string) => ctl(s, 'POST', `/shops/${sh.shopId}/orders/${orderId}/status`, { status });
/** ISO 8601 with a +08:00 offset, as Lazada's examples write it. */
function sgTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}
const since = (ms = Date.now() - 60_000) => ({ update_after: sgTime(ms), sort_by: 'updated_at', sort_direction: 'ASC' });
const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('lazada /orders/get and order items', () => {
  it('answers the documented shapes: one item row per unit, Lazada statuses, ISO times with offset', async () => {
    const sh = await shop();
    const [a, b] = sh.skus;
    const placed = await place(sh, [{ sellerSku: a!.sellerSku, quantity: 3 }, { sellerSku: b!.sellerSku, quantity: 1 }]);
    const r = await get(sh, '/orders/get', since());
    expect(r.body.code).toBe('0');
    expect(r.body.data).toMatchObject({ count: 1, countTotal: 1 });
    const o = r.body.data.orders[0];
    expect(o).toMatchObject({ order_id: Number(placed.orderId), order_number: Number(placed.name), statuses: ['pending'], items_count: 4 });
    expect(o.created_at).toMatch(ISO_OFFSET);
    expect(o.updated_at).toMatch(ISO_OFFSET);
    expect(Math.abs(Date.parse(o.created_at) - placed.createdAt)).toBeLessThan(1000);

    const items = await get(sh, '/orders/items/get', { order_ids: `[${placed.orderId}]` });
    expect(items.body.code).toBe('0');
    expect(items.body.data).toHaveLength(1);
    const rows = items.body.data[0].order_items as any[];
    expect(items.body.data[0].order_id).toBe(Number(placed.orderId));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((x) => x.order_item_id)).size).toBe(4);
    expect(rows.filter((x) => x.sku === a!.sellerSku)).toHaveLength(3);
    for (const x of rows.filter((x) => x.sku === a!.sellerSku)) {
      expect(x).toMatchObject({ order_id: Number(placed.orderId), sku_id: a!.variantId, product_id: a!.itemId, status: 'pending', shop_sku: `${a!.itemId}_SG-${a!.variantId}` });
      expect(x.created_at).toMatch(ISO_OFFSET);
    }
    // GetOrderItems: the same rows for one order.
    const one = await get(sh, '/order/items/get', { order_id: placed.orderId });
    expect(one.body.data.map((x: any) => x.order_item_id)).toEqual(rows.map((x) => x.order_item_id));
    expect((await get(sh, '/order/items/get', { order_id: '123' })).body).toMatchObject({ code: '16', message: 'E016: "123" Invalid Order ID' });
  });

  it('maps every neutral status to Lazada words, on the order and on each row; the status filter uses them', async () => {
    const sh = await shop();
    const sku = sh.skus[0]!.sellerSku;
    const unpaid = await place(sh, [{ sellerSku: sku, quantity: 1 }], 'unpaid');
    const delivered = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    const cancelled = await place(sh, [{ sellerSku: sku, quantity: 2 }]);
    const returned = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    const shipped = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    for (const st of ['shipped', 'delivered']) expect((await move(sh, delivered.orderId, st)).status).toBe(200);
    expect((await move(sh, cancelled.orderId, 'cancelled')).status).toBe(200);
    for (const st of ['shipped', 'delivered', 'returned']) expect((await move(sh, returned.orderId, st)).status).toBe(200);
    expect((await move(sh, shipped.orderId, 'shipped')).status).toBe(200);
    const want: Record<string, string> = { [unpaid.orderId]: 'unpaid', [delivered.orderId]: 'delivered', [cancelled.orderId]: 'canceled', [returned.orderId]: 'returned', [shipped.orderId]: 'shipped' };
    const list = (await get(sh, '/orders/get', since())).body.data.orders as any[];
    expect(Object.fromEntries(list.map((o) => [String(o.order_id), o.statuses]))).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, [v]])));
    const items = (await get(sh, '/orders/items/get', { order_ids: JSON.stringify(Object.keys(want).map(Number)) })).body.data as any[];
    for (const g of items) for (const row of g.order_items) expect(row.status).toBe(want[String(g.order_id)]);
    const onlyCanceled = (await get(sh, '/orders/get', { ...since(), status: 'canceled' })).body.data;
    expect(onlyCanceled.orders.map((o: any) => String(o.order_id))).toEqual([cancelled.orderId]);
    // An order changed later comes later in update order.
    expect(list.map((o) => String(o.order_id)).at(-1)).toBe(shipped.orderId);
  });

  it('pages by offset in update order; bounds are inclusive to the second; DESC and created_at sorting', async () => {
    const sh = await shop(50);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await place(sh, [{ sellerSku: sh.skus[i % sh.skus.length]!.sellerSku, quantity: 1 }])).orderId);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 5) {
      const r = await get(sh, '/orders/get', { ...since(), limit: '5', offset: String(offset) });
      expect(r.body.data.countTotal).toBe(12);
      seen.push(...r.body.data.orders.map((o: any) => String(o.order_id)));
      if (r.body.data.orders.length < 5) break;
    }
    expect(seen).toEqual(ids);
    const desc = await get(sh, '/orders/get', { ...since(), sort_direction: 'DESC' });
    expect(desc.body.data.orders.map((o: any) => String(o.order_id))).toEqual([...ids].reverse());
    const byCreated = await get(sh, '/orders/get', { created_after: sgTime(Date.now() - 60_000), sort_by: 'created_at', sort_direction: 'ASC' });
    expect(byCreated.body.data.orders.map((o: any) => String(o.order_id))).toEqual(ids);
    // update_after / update_before at the last order's own second include it.
    const last = (await ctl(s, 'GET', `/shops/${sh.shopId}/orders`)).body.at(-1);
    const at = sgTime(last.updatedAt);
    const inclusive = await get(sh, '/orders/get', { update_after: at, update_before: at, sort_by: 'updated_at', sort_direction: 'ASC' });
    expect(inclusive.body.data.orders.map((o: any) => String(o.order_id))).toContain(last.orderId);
    const later = await get(sh, '/orders/get', { update_after: sgTime(last.updatedAt + 1000) });
    expect(later.body.data).toMatchObject({ count: 0, countTotal: 0, orders: [] });
  });

  it('refuses what Lazada refuses, with its error codes', async () => {
    const sh = await shop();
    const o = await place(sh, [{ sellerSku: sh.skus[0]!.sellerSku, quantity: 1 }]);
    const code = async (path: string, params: Record<string, string>) => {
      const b = (await get(sh, path, params)).body;
      return `${b.code} ${b.message ?? ''}`.trim();
    };
    expect(await code('/orders/get', { ...since(), limit: '101' })).toBe('19 E019: "101" Invalid Limit');
    expect(await code('/orders/get', { ...since(), limit: '0' })).toBe('19 E019: "0" Invalid Limit');
    expect(await code('/orders/get', { ...since(), offset: '5001' })).toBe('14 E014: "5001" Invalid Offset');
    expect(await code('/orders/get', { ...since(), offset: '-1' })).toBe('14 E014: "-1" Invalid Offset');
    expect((await get(sh, '/orders/get', { ...since(), offset: '5000' })).body).toMatchObject({ code: '0', data: { orders: [] } });
    expect(await code('/orders/get', { sort_by: 'updated_at' })).toMatch(/^MissingParameter /);
    expect(await code('/orders/get', { update_after: '2026-01-01T00:00:00Z' })).toBe('17 E017: "2026-01-01T00:00:00Z" Invalid Date Format');
    expect(await code('/orders/get', { update_after: '2026-01-01 00:00:00' })).toMatch(/^17 /);
    expect(await code('/orders/get', { ...since(), sort_by: 'price' })).toBe('75 E075: Invalid sort filter.');
    expect(await code('/orders/get', { ...since(), sort_direction: 'UP' })).toBe('74 E074: Invalid sort direction.');
    expect(await code('/orders/get', { ...since(), status: 'paid' })).toBe('36 E036: Invalid status filter');
    const many = JSON.stringify(Array.from({ length: 51 }, (_, i) => Number(o.orderId) + i));
    expect(await code('/orders/items/get', { order_ids: many })).toBe('38 E038: Too many orders were requested');
    expect((await get(sh, '/orders/items/get', { order_ids: JSON.stringify(Array.from({ length: 50 }, (_, i) => Number(o.orderId) + i)) })).body.data).toHaveLength(1);
    expect(await code('/orders/items/get', { order_ids: o.orderId })).toMatch(/^56 /);
    expect(await code('/orders/items/get', { order_ids: '["x1"]' })).toMatch(/^37 /);
    expect(await code('/orders/items/get', { order_ids: '[1]' })).toBe('39 E039: No orders were found');
    expect(await code('/orders/items/get', {})).toMatch(/^MissingParameter /);
  });

  it('is signed, token-checked, throttled and faulted like the product calls', async () => {
    const sh = await shop();
    expect((await get(sh, '/orders/get', since(), { mutate: true })).body.code).toBe('IncompleteSignature');
    expect((await get(sh, '/orders/items/get', { order_ids: '[1]' }, { lower: true })).body.code).toBe('IncompleteSignature');
    expect((await get(sh, '/orders/get', since(), { ts: Date.now() - 7201_000 })).body.code).toBe('InvalidTimestamp');
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, errorRate: 1 });
    expect((await get(sh, '/orders/get', since())).body.code).toBe('ServiceTimeout');
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 1 });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await get(sh, '/orders/get', since())).body.code);
    expect(codes).toContain('ApiCallLimit');
    await ctl(s, 'POST', '/faults', {});
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await get(sh, '/orders/get', since())).body.code).toBe('IllegalAccessToken');
    await ctl(s, 'POST', '/faults', {});
  });

  it('the product API shows stock lowered at order and given back at cancel; a return gives nothing back', async () => {
    const sh = await shop(10);
    const sku = sh.skus[0]!.sellerSku;
    const qty = async () => {
      const r = await get(sh, '/products/get', { filter: 'all', sku_seller_list: JSON.stringify([sku]) });
      return r.body.data.products[0].skus.find((x: any) => x.SellerSku === sku).quantity as number;
    };
    expect(await qty()).toBe(10);
    const o = await place(sh, [{ sellerSku: sku, quantity: 3 }]);
    expect(await qty()).toBe(7);
    expect((await move(sh, o.orderId, 'cancelled')).status).toBe(200);
    expect(await qty()).toBe(10);
    const r = await place(sh, [{ sellerSku: sku, quantity: 2 }]);
    for (const st of ['shipped', 'delivered', 'returned']) await move(sh, r.orderId, st);
    expect(await qty()).toBe(8);
    const short = await ctl(s, 'POST', `/shops/${sh.shopId}/orders`, { lines: [{ sellerSku: sku, quantity: 9 }] });
    expect(short.status).toBe(409);
    expect(await qty()).toBe(8);
  });

  it('counts each order API call in orderCalls, and not the product calls', async () => {
    const sh = await shop();
    const o = await place(sh, [{ sellerSku: sh.skus[0]!.sellerSku, quantity: 1 }]);
    const before = (await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body;
    await get(sh, '/orders/get', since());
    await get(sh, '/orders/items/get', { order_ids: `[${o.orderId}]` });
    await get(sh, '/order/items/get', { order_id: o.orderId });
    await get(sh, '/products/get', { filter: 'all' });
    await get(sh, '/orders/get', since(), { mutate: true }); // refused by the gateway: never reached the order API
    const after = (await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body;
    expect(after.orderCalls - before.orderCalls).toBe(3);
    // Per-endpoint counts as every endpoint has them (the refused call has no shop yet: not counted here).
    expect(after.calls['/orders/items/get'] - (before.calls['/orders/items/get'] ?? 0)).toBe(1);
  });
});
