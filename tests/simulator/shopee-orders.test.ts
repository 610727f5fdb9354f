// Shopee's order API in the simulator: shapes, limits, signing, stock seen through the product
// API around an order, order call counting. Signing is helpers.ts's own (independent of shopee.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { type ShopeeCreds, ctl, http, newShop, nowS, shopeeUrl, sim } from './helpers.ts';

let s: Simulator;
let base: string;
beforeAll(async () => {
  s = await sim();
  base = `${s.url}/shopee`;
});
afterAll(async () => {
  await s.close();
});

const LIST = '/api/v2/order/get_order_list';
const DETAIL = '/api/v2/order/get_order_detail';
const DAY = 86_400;

interface Fixture {
  shopId: string;
  c: ShopeeCreds;
  /** Seller SKU of a model of an item with models, its item and model ids. */
  model: { sku: string; itemId: string; variantId: string };
  /** Seller SKU of an item without models. */
  single: { sku: string; itemId: string };
}

async function shop(): Promise<Fixture> {
  const sh = await newShop(s, { platform: 'shopee', items: 2, variantsPerItem: 2, skuPrefix: `SO${Math.random().toString(36).slice(2, 6)}` });
  await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 1000 });
  const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
  const it = items[0];
  await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${it.itemId}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: 500 })) });
  const single = (await ctl(s, 'POST', `/shops/${sh.shopId}/items`, { title: 'Plain mug', variants: [{ sellerSku: `${sh.shopId}-MUG`, stock: 40, price: 9.5 }] })).body;
  return {
    shopId: sh.shopId,
    c: sh.credentials,
    model: { sku: it.variants[0].sellerSku, itemId: it.itemId, variantId: it.variants[0].variantId },
    single: { sku: `${sh.shopId}-MUG`, itemId: single.itemId },
  };
}

async function place(f: Fixture, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<any> {
  const r = await ctl(s, 'POST', `/shops/${f.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  if (r.status !== 201) throw new Error(`place failed: ${r.text}`);
  return r.body;
}
const move = (f: Fixture, orderId: string, status: string) => ctl(s, 'POST', `/shops/${f.shopId}/orders/${orderId}/status`, { status });

function list(f: Fixture, q: Record<string, string>, opts: { mutateSign?: boolean } = {}) {
  return http(shopeeUrl(base, LIST, f.c, q, opts));
}
const window = (extra: Record<string, string> = {}): Record<string, string> => ({
  time_range_field: 'update_time',
  time_from: String(nowS() - DAY),
  time_to: String(nowS() + 60),
  page_size: '100',
  ...extra,
});

async function modelStock(f: Fixture, itemId: string, modelId: string): Promise<number> {
  const r = await http(shopeeUrl(base, '/api/v2/product/get_model_list', f.c, { item_id: itemId }));
  const m = r.body.response.model.find((x: any) => String(x.model_id) === modelId);
  return m.stock_info_v2.seller_stock.reduce((a: number, x: any) => a + x.stock, 0);
}
async function itemStock(f: Fixture, itemId: string): Promise<number> {
  const r = await http(shopeeUrl(base, '/api/v2/product/get_item_base_info', f.c, { item_id_list: itemId }));
  return r.body.response.item_list[0].stock_info_v2.seller_stock.reduce((a: number, x: any) => a + x.stock, 0);
}

describe('shopee get_order_list / get_order_detail shapes', () => {
  it('lists an order by update time and details its lines in Shopee words and units', async () => {
    const f = await shop();
    const o = await place(f, [
      { sellerSku: f.model.sku, quantity: 2 },
      { sellerSku: f.single.sku, quantity: 1 },
    ]);
    const l = await list(f, window({ response_optional_fields: 'order_status' }));
    expect(l.status).toBe(200);
    expect(l.body).toMatchObject({ error: '', message: '', response: { more: false, next_cursor: '', order_list: [{ order_sn: o.orderId, order_status: 'READY_TO_SHIP' }] } });
    expect(o.orderId).toMatch(/^\d{6}[0-9A-Z]{8}$/);
    // order_status only when asked for
    expect((await list(f, window())).body.response.order_list).toEqual([{ order_sn: o.orderId }]);

    const d = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: o.orderId, response_optional_fields: 'item_list,pay_time,pickup_done_time' }));
    expect(d.body.error).toBe('');
    const od = d.body.response.order_list[0];
    expect(od).toMatchObject({ order_sn: o.orderId, order_status: 'READY_TO_SHIP', currency: 'SGD', create_time: Math.floor(o.createdAt / 1000), update_time: Math.floor(o.updatedAt / 1000), pickup_done_time: 0 });
    expect(typeof od.pay_time).toBe('number');
    const rows = od.item_list.map((i: any) => [String(i.item_id), String(i.model_id), i.item_sku, i.model_sku, i.model_quantity_purchased]);
    expect(rows).toEqual([
      [f.model.itemId, f.model.variantId, '', f.model.sku, 2],
      [f.single.itemId, '0', f.single.sku, '', 1],
    ]);
    // item_list is an optional field: absent unless asked for
    const bare = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: o.orderId }));
    expect(bare.body.response.order_list[0].item_list).toBeUndefined();
    expect(bare.body.response.order_list[0].order_status).toBe('READY_TO_SHIP');
  });

  it('shows every neutral status in Shopee words', async () => {
    const f = await shop();
    const want: [string[], string][] = [
      [[], 'UNPAID'],
      [['paid'], 'READY_TO_SHIP'],
      [['paid', 'shipped'], 'SHIPPED'],
      [['paid', 'shipped', 'delivered'], 'COMPLETED'],
      [['cancelled'], 'CANCELLED'],
      [['paid', 'shipped', 'delivered', 'returned'], 'TO_RETURN'],
    ];
    const ids: string[] = [];
    for (const [steps] of want) {
      const o = await place(f, [{ sellerSku: f.single.sku, quantity: 1 }], 'unpaid');
      for (const st of steps) expect((await move(f, o.orderId, st)).status).toBe(200);
      ids.push(o.orderId);
    }
    const d = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: ids.join(','), response_optional_fields: 'pickup_done_time' }));
    const byId = new Map(d.body.response.order_list.map((o: any) => [o.order_sn, o]));
    want.forEach(([steps, word], i) => {
      const o: any = byId.get(ids[i]!);
      expect(o.order_status).toBe(word);
      expect(o.pickup_done_time > 0).toBe(steps.includes('shipped'));
    });
    // the order_status filter uses the same words
    const ready = await list(f, window({ order_status: 'READY_TO_SHIP' }));
    expect(ready.body.response.order_list.map((o: any) => o.order_sn)).toEqual([ids[1]]);
  });

  it('pages newest change first with an opaque cursor; a later change moves an order up', async () => {
    const f = await shop();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push((await place(f, [{ sellerSku: f.single.sku, quantity: 1 }])).orderId);
      await ctl(s, 'POST', '/clock', { advanceMs: 1000 });
    }
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const r = await list(f, window({ page_size: '10', cursor, time_to: String(nowS() + 120) }));
      expect(r.body.error).toBe('');
      const page = r.body.response;
      seen.push(...page.order_list.map((o: any) => o.order_sn));
      expect(page.next_cursor === '').toBe(!page.more);
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    await move(f, ids[0]!, 'shipped');
    const first = await list(f, window({ page_size: '1', time_to: String(nowS() + 120) }));
    expect(first.body.response.order_list[0].order_sn).toBe(ids[0]);
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
  });

  it('create_time windows hold orders by when they were placed', async () => {
    const f = await shop();
    const o = await place(f, [{ sellerSku: f.single.sku, quantity: 1 }]);
    const created = Math.floor(o.createdAt / 1000);
    const hit = await list(f, { ...window(), time_range_field: 'create_time', time_from: String(created), time_to: String(created) });
    expect(hit.body.response.order_list.map((x: any) => x.order_sn)).toEqual([o.orderId]);
    const miss = await list(f, { ...window(), time_range_field: 'create_time', time_from: String(created + 1), time_to: String(created + 10) });
    expect(miss.body.response.order_list).toEqual([]);
  });
});

describe('shopee order API limits', () => {
  it('refuses a window over 15 days, a reversed window, bad page sizes and missing parameters', async () => {
    const f = await shop();
    const t = nowS();
    const wide = await list(f, window({ time_from: String(t - 15 * DAY - 1), time_to: String(t) }));
    expect(wide.status).toBe(200);
    expect(wide.body).toMatchObject({ error: 'order.order_list_invalid_time', message: 'Start time must be earlier than end time and diff in 15days.' });
    expect((await list(f, window({ time_from: String(t - 15 * DAY), time_to: String(t) }))).body.error).toBe('');
    expect((await list(f, window({ time_from: String(t), time_to: String(t - 1) }))).body.error).toBe('order.order_list_invalid_time');
    for (const ps of ['0', '101', 'x']) {
      const r = await list(f, window({ page_size: ps }));
      expect([r.status, r.body.error]).toEqual([400, 'error_param']);
    }
    for (const k of ['time_range_field', 'time_from', 'time_to', 'page_size']) {
      const q = window();
      delete q[k];
      const r = await list(f, q);
      expect([r.status, r.body.error, r.body.message]).toEqual([400, 'error_param', `Wrong parameters, detail: ${k} is required.`]);
    }
    expect((await list(f, window({ time_range_field: 'pay_time' }))).body.error).toBe('error_param');
    expect((await list(f, window({ order_status: 'PAID' }))).body.error).toBe('error_param');
    expect((await list(f, window({ cursor: 'abc' }))).body.error).toBe('error_param');
  });

  it('get_order_detail takes 1..50 order_sn', async () => {
    const f = await shop();
    const o = await place(f, [{ sellerSku: f.single.sku, quantity: 1 }]);
    const fifty = [o.orderId, ...Array.from({ length: 49 }, (_, i) => `000000NOPE${String(i).padStart(4, '0')}`)];
    const ok = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: fifty.join(',') }));
    expect(ok.body.error).toBe('');
    expect(ok.body.response.order_list.map((x: any) => x.order_sn)).toEqual([o.orderId]);
    expect(ok.body.warning).toContain('not found');
    const over = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: [...fifty, 'X'].join(',') }));
    expect([over.status, over.body.error]).toEqual([400, 'error_param']);
    const none = await http(shopeeUrl(base, DETAIL, f.c, {}));
    expect([none.status, none.body.error]).toEqual([400, 'error_param']);
  });
});

describe('shopee order API gateway', () => {
  it('enforces the signature, the token and the rate limit like the product calls', async () => {
    const f = await shop();
    const bad = await list(f, window(), { mutateSign: true });
    expect([bad.status, bad.body.error]).toEqual([403, 'error_sign']);
    const badDetail = await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: 'X' }, { mutateSign: true }));
    expect([badDetail.status, badDetail.body.error]).toEqual([403, 'error_sign']);
    // signed over the wrong path (another endpoint's) is a wrong sign too
    const other = new URL(shopeeUrl(base, DETAIL, f.c, window()));
    expect((await http(`${base}${LIST}${other.search}`)).body.error).toBe('error_sign');

    await ctl(s, 'POST', '/faults', { shopId: f.shopId, rateLimitPerSecond: 1 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await list(f, window())).status);
    expect(codes).toContain(429);

    await ctl(s, 'POST', '/faults', { shopId: f.shopId, rateLimitPerSecond: 1000, errorRate: 1 });
    const down = await list(f, window());
    expect([down.status, down.body.error]).toEqual([500, 'error_server']);

    await ctl(s, 'POST', '/faults', { shopId: f.shopId, rateLimitPerSecond: 1000, expireTokens: true });
    const exp = await list(f, window());
    expect([exp.status, exp.body.error]).toEqual([403, 'error_auth']);
  });
});

describe('shopee orders and stock', () => {
  it('the product API shows stock lowered at order, given back at cancel, kept at return; calls are counted', async () => {
    const f = await shop();
    const before = { model: await modelStock(f, f.model.itemId, f.model.variantId), single: await itemStock(f, f.single.itemId) };
    const a = await place(f, [{ sellerSku: f.model.sku, quantity: 3 }], 'unpaid');
    const b = await place(f, [{ sellerSku: f.single.sku, quantity: 4 }]);
    expect(await modelStock(f, f.model.itemId, f.model.variantId)).toBe(before.model - 3);
    expect(await itemStock(f, f.single.itemId)).toBe(before.single - 4);
    await move(f, a.orderId, 'cancelled');
    expect(await modelStock(f, f.model.itemId, f.model.variantId)).toBe(before.model);
    for (const st of ['shipped', 'delivered', 'returned']) await move(f, b.orderId, st);
    expect(await itemStock(f, f.single.itemId)).toBe(before.single - 4);
    // a buyer cannot buy more than the platform holds
    const short = await ctl(s, 'POST', `/shops/${f.shopId}/orders`, { lines: [{ sellerSku: f.single.sku, quantity: 1000 }] });
    expect(short.status).toBe(409);

    const stats0 = (await ctl(s, 'GET', `/stats?shopId=${f.shopId}`)).body;
    await list(f, window());
    await list(f, window({ page_size: '0' })); // refused calls count too
    await http(shopeeUrl(base, DETAIL, f.c, { order_sn_list: `${a.orderId},${b.orderId}` }));
    await list(f, window(), { mutateSign: true }); // refused at the gateway: not an order call
    const stats1 = (await ctl(s, 'GET', `/stats?shopId=${f.shopId}`)).body;
    expect(stats1.orderCalls - stats0.orderCalls).toBe(3);
    expect(stats1.calls[LIST] - (stats0.calls[LIST] ?? 0)).toBe(3);
  });
});
