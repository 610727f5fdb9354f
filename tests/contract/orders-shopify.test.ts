// Shopify adapter's order reader over real HTTP against the simulator: orders placed and moved
// through the control API, read with listOrders, compared with what listItems says of the same
// variants; paging, resuming with a fresh adapter, and error classification as for stock calls.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { mapShopifyOrder } from '../../lib/platforms/shopify/orders.ts';
import { PlatformError, type Credentials, type CredentialHolder, type PlatformAdapter, type PlatformEndpoints, type PlatformItem, type PlatformOrder } from '../../lib/platforms/types.ts';
import { scripted } from './scripted.ts';
import { platformErrorOf, readAllOrders } from './ordersSupport.ts';

let sim: { url: string; close(): unknown };
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  await control('POST', '/__sim/faults', {});
  await control('POST', '/__sim/clock', { offsetMs: 0 });
});

async function control<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(sim.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Shop {
  shopId: string;
  endpoints: PlatformEndpoints;
  creds: Credentials;
  adapter: PlatformAdapter;
  items: PlatformItem[];
}
const storeOf = (creds: Credentials): CredentialHolder => ({ get: () => creds as never, save: async () => {} });
const fresh = (sh: Shop): PlatformAdapter => createAdapter('shopify', sh.endpoints, storeOf(sh.creds));

let seed = 100;
async function makeShop(items = 3, variantsPerItem = 1): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', items, variantsPerItem, seed: seed++ });
  // Stock enough for every order a test places.
  for (const it of await control<any[]>('GET', `/__sim/shops/${s.shopId}/items`)) {
    await control('PATCH', `/__sim/shops/${s.shopId}/items/${encodeURIComponent(it.itemId)}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: 10_000 })) });
  }
  const endpoints: PlatformEndpoints = { apiBaseUrl: s.apiBaseUrl };
  const creds = { ...s.credentials, platform: 'shopify' } as Credentials;
  const adapter = createAdapter('shopify', endpoints, storeOf(creds));
  const listed: PlatformItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await adapter.listItems({ cursor });
    listed.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { shopId: String(s.shopId), endpoints, creds, adapter, items: listed };
}
const variant = (sh: Shop, i: number, j = 0) => ({ item: sh.items[i]!, v: sh.items[i]!.variants[j]! });
async function place(sh: Shop, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<string> {
  const r = await control('POST', `/__sim/shops/${sh.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  return r.orderId;
}
const move = (sh: Shop, orderId: string, status: string) => control('POST', `/__sim/shops/${sh.shopId}/orders/${orderId}/status`, { status });
const now = async (): Promise<number> => (await control('GET', '/__sim/clock')).now;
const orderCalls = async (sh: Shop): Promise<number> => (await control('GET', `/__sim/stats?shopId=${sh.shopId}`)).orderCalls;
const gidOf = (orderId: string) => `gid://shopify/Order/${orderId}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** One page, waiting out THROTTLED as the poller does (a full catch-up drains the cost bucket). */
async function page(a: PlatformAdapter, updatedSince: number, cursor: string | null, pageSize?: number) {
  for (;;) {
    try {
      return await a.listOrders!({ updatedSince, cursor, pageSize });
    } catch (e) {
      if (!(e instanceof PlatformError) || e.kind !== 'rate_limited') throw e;
      await sleep(Math.min(e.retryAfterMs ?? 1000, 15_000));
    }
  }
}
const readAll = (a: PlatformAdapter, updatedSince: number, pageSize?: number) => readAllOrders((cursor) => page(a, updatedSince, cursor, pageSize));
const errorOf = platformErrorOf;

describe('shopify listOrders against the simulator', () => {
  it('lines carry the ids listItems gives; names, times and open status', async () => {
    const sh = await makeShop();
    const t0 = await now();
    const a = variant(sh, 0);
    const b = variant(sh, 1);
    const id = await place(sh, [{ sellerSku: a.v.sellerSku, quantity: 3 }, { sellerSku: b.v.sellerSku, quantity: 1 }]);
    const t1 = await now();
    const { orders } = await readAll(sh.adapter, t0);
    expect(orders).toHaveLength(1);
    const o = orders[0]!;
    expect(o).toMatchObject({ platformOrderId: gidOf(id), displayName: expect.stringMatching(/^#\d+$/), status: 'open', platformStatus: 'PAID / UNFULFILLED' });
    // Placed between t0 and t1 (Shopify's times are whole seconds).
    expect(o.createdAt).toBeGreaterThanOrEqual(t0 - 1_000);
    expect(o.createdAt).toBeLessThanOrEqual(t1);
    expect(o.updatedAt).toBeGreaterThanOrEqual(o.createdAt);
    expect(o.lines).toEqual([
      { platformItemId: a.item.platformItemId, platformVariantId: a.v.platformVariantId, sellerSku: a.v.sellerSku, quantity: 3, status: 'open' },
      { platformItemId: b.item.platformItemId, platformVariantId: b.v.platformVariantId, sellerSku: b.v.sellerSku, quantity: 1, status: 'open' },
    ]);
  });

  it('statuses: unpaid, open, shipped (shipped and delivered), cancelled, returned', async () => {
    const sh = await makeShop(1);
    const sku = variant(sh, 0).v.sellerSku;
    const t0 = await now();
    const seen = async (id: string): Promise<[string, string[]]> => {
      const o = (await readAll(sh.adapter, t0)).orders.find((x) => x.platformOrderId === gidOf(id))!;
      return [o.status, o.lines.map((l) => `${l.quantity}:${l.status}`)];
    };
    const x = await place(sh, [{ sellerSku: sku, quantity: 2 }], 'unpaid');
    expect(await seen(x)).toEqual(['unpaid', ['2:unpaid']]);
    await move(sh, x, 'paid');
    expect(await seen(x)).toEqual(['open', ['2:open']]);
    await move(sh, x, 'shipped');
    expect(await seen(x)).toEqual(['shipped', ['2:shipped']]);
    await move(sh, x, 'delivered');
    expect(await seen(x)).toEqual(['shipped', ['2:shipped']]);
    await move(sh, x, 'returned');
    expect(await seen(x)).toEqual(['returned', ['2:returned']]);
    const y = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    await move(sh, y, 'cancelled');
    expect(await seen(y)).toEqual(['cancelled', ['1:cancelled']]);
    const z = await place(sh, [{ sellerSku: sku, quantity: 4 }], 'unpaid');
    await move(sh, z, 'cancelled');
    expect(await seen(z)).toEqual(['cancelled', ['4:cancelled']]);
  });

  it('incremental by update time: only orders changed since updatedSince, oldest change first', async () => {
    const sh = await makeShop(2);
    const sku = variant(sh, 0).v.sellerSku;
    const first = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    const second = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    await control('POST', '/__sim/clock', { advanceMs: 10_000 });
    const mid = await now();
    await control('POST', '/__sim/clock', { advanceMs: 2_000 });
    await move(sh, second, 'shipped');
    await control('POST', '/__sim/clock', { advanceMs: 2_000 });
    await move(sh, first, 'cancelled');
    const { orders } = await readAll(sh.adapter, mid);
    expect(orders.map((o) => [o.platformOrderId, o.status])).toEqual([
      [gidOf(second), 'shipped'],
      [gidOf(first), 'cancelled'],
    ]);
    expect((await readAll(sh.adapter, (await now()) + 5_000)).orders).toEqual([]);
  });

  it('260 orders in pages of 50: each once, one call per page; a fresh adapter resumes from the cursor', async () => {
    const sh = await makeShop(3);
    const t0 = await now();
    const ids = new Set<string>();
    for (let i = 0; i < 260; i++) ids.add(gidOf(await place(sh, [{ sellerSku: variant(sh, i % 3).v.sellerSku, quantity: 1 + (i % 2) }])));
    const calls0 = await orderCalls(sh);
    const p1 = await page(sh.adapter, t0, null);
    const p2 = await page(sh.adapter, t0, p1.nextCursor);
    expect(p1.orders).toHaveLength(50);
    const got = [...p1.orders, ...p2.orders];
    let cursor = p2.nextCursor;
    let pages = 2;
    // Resume with a new instance per page, as after the worker stopped.
    while (cursor) {
      const pg = await page(fresh(sh), t0, cursor);
      got.push(...pg.orders);
      cursor = pg.nextCursor;
      pages++;
    }
    expect(pages).toBe(6);
    expect(got.map((o) => o.platformOrderId)).toEqual([...ids]);
    expect(got.every((o) => o.lines.length === 1 && o.lines[0]!.status === 'open')).toBe(true);
    // Throttled attempts are refused before the order API answers; answered calls = pages.
    expect((await orderCalls(sh)) - calls0).toBe(6);
  });

  it('an order with more line items than the page share is completed by follow-up calls', async () => {
    const sh = await makeShop(1, 12);
    const t0 = await now();
    const vs = sh.items[0]!.variants;
    const id = await place(sh, vs.map((v, i) => ({ sellerSku: v.sellerSku, quantity: i + 1 })));
    const calls0 = await orderCalls(sh);
    // 100 per page leaves 2 line items per order in the first call.
    const { orders } = await readAll(sh.adapter, t0, 100);
    expect(orders[0]!.platformOrderId).toBe(gidOf(id));
    expect(orders[0]!.lines.map((l) => [l.platformVariantId, l.quantity])).toEqual(vs.map((v, i) => [v.platformVariantId, i + 1]));
    expect((await orderCalls(sh)) - calls0).toBe(2);
  });

  it('errors are classified as for stock calls: revoked token auth, throttled rate_limited, internal error temporary', async () => {
    const sh = await makeShop(1);
    const t0 = await now();
    await place(sh, [{ sellerSku: variant(sh, 0).v.sellerSku, quantity: 1 }]);
    await control('POST', '/__sim/faults', { shopId: sh.shopId, rateLimitPerSecond: 1 });
    let throttled: PlatformError | null = null;
    for (let i = 0; i < 5 && !throttled; i++) {
      try {
        await sh.adapter.listOrders!({ updatedSince: t0 });
      } catch (e) {
        if (e instanceof PlatformError && e.kind === 'rate_limited') throttled = e;
        else throw e;
      }
    }
    expect(throttled?.retryAfterMs).toBeGreaterThan(0);
    await control('POST', '/__sim/faults', { shopId: sh.shopId, errorRate: 1 });
    expect((await errorOf(sh.adapter.listOrders!({ updatedSince: t0 }))).kind).toBe('temporary');
    await control('POST', '/__sim/faults', {});
    await control('POST', '/__sim/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await errorOf(sh.adapter.listOrders!({ updatedSince: t0 }))).kind).toBe('auth');
  });

  it('HTTP 429 and 5xx answers (scripted) are rate_limited and temporary', async () => {
    const creds = { platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 't' } as Credentials;
    for (const [status, kind] of [[429, 'rate_limited'], [503, 'temporary'], [401, 'auth']] as const) {
      const { fetchFn } = scripted([{ status, body: {}, headers: status === 429 ? { 'retry-after': '2' } : {} }]);
      const a = createAdapter('shopify', { apiBaseUrl: 'http://127.0.0.1:9/shopify/x.myshopify.com' }, storeOf(creds), { fetch: fetchFn });
      expect((await errorOf(a.listOrders!({ updatedSince: 0 }))).kind).toBe(kind);
    }
  });
});

describe('shopify order states the simulator does not make', () => {
  const line = (q: number, cur: number, unf: number) => ({ id: 'gid://shopify/LineItem/1', sku: 'A', quantity: q, currentQuantity: cur, unfulfilledQuantity: unf, variant: { id: 'gid://shopify/ProductVariant/7' }, product: { id: 'gid://shopify/Product/3' } });
  const order = (fin: string | null, ful: string, cancelledAt: string | null = null) => ({ id: 'gid://shopify/Order/1', name: '#1001', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', cancelledAt, displayFinancialStatus: fin, displayFulfillmentStatus: ful });
  const view = (o: PlatformOrder) => [o.status, o.lines.map((l) => `${l.quantity}:${l.status}`)];

  it('partly fulfilled, partly refunded: one line per status', () => {
    expect(view(mapShopifyOrder(order('PARTIALLY_REFUNDED', 'PARTIALLY_FULFILLED'), [line(5, 4, 1)]))).toEqual(['open', ['3:shipped', '1:open', '1:returned']]);
  });
  it('an unpaid order cancelled is VOIDED: cancelled; AUTHORIZED is paid enough to hold', () => {
    expect(view(mapShopifyOrder(order('VOIDED', 'UNFULFILLED', '2026-01-02T00:00:00Z'), [line(2, 0, 0)]))).toEqual(['cancelled', ['2:cancelled']]);
    expect(view(mapShopifyOrder(order('AUTHORIZED', 'UNFULFILLED'), [line(2, 2, 2)]))).toEqual(['open', ['2:open']]);
    expect(view(mapShopifyOrder(order('PENDING', 'ON_HOLD'), [line(2, 2, 2)]))).toEqual(['unpaid', ['2:unpaid']]);
  });
  it('a unit removed before anything shipped is cancelled; times in epoch ms', () => {
    const o = mapShopifyOrder(order('PARTIALLY_REFUNDED', 'UNFULFILLED'), [line(3, 2, 2)]);
    expect(view(o)).toEqual(['open', ['2:open', '1:cancelled']]);
    expect([o.createdAt, o.updatedAt]).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2)]);
  });
});
