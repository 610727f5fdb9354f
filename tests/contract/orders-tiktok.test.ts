// TikTok adapter's order reader over real HTTP against the simulator: orders placed and moved
// through the control API, read back with listOrders, compared with what listItems gives.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { mapTiktokOrder } from '../../lib/platforms/tiktok/orders.ts';
import { PlatformError, type Credentials, type CredentialHolder, type PlatformAdapter, type PlatformEndpoints, type PlatformOrder } from '../../lib/platforms/types.ts';
import { startSimulator } from '../simulator/server.ts';
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
  const res = await fetch(sim.url + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Shop {
  shopId: string;
  endpoints: PlatformEndpoints;
  creds: Credentials;
  store: CredentialHolder & { saved: Credentials[] };
  adapter: (patch?: Record<string, string>) => PlatformAdapter;
  skus: string[];
}
let seed = 40;
async function makeShop(items = 4, variantsPerItem = 2): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'tiktok', items, variantsPerItem, seed: seed++ });
  const endpoints: PlatformEndpoints = { apiBaseUrl: s.apiBaseUrl, authBaseUrl: s.authBaseUrl };
  const creds = { ...s.credentials, platform: 'tiktok' } as Credentials;
  let current = creds;
  const saved: Credentials[] = [];
  const store = { saved, get: () => current as never, save: async (c: Credentials) => void (saved.push(c), (current = c)) };
  const simItems = await control<{ itemId: string; variants: { variantId: string; sellerSku: string }[] }[]>('GET', `/__sim/shops/${s.shopId}/items`);
  // Stock enough for every order a test places.
  for (const it of simItems) await control('PATCH', `/__sim/shops/${s.shopId}/items/${it.itemId}`, { variants: it.variants.map((v) => ({ variantId: v.variantId, stock: 5000 })) });
  return {
    shopId: s.shopId,
    endpoints,
    creds,
    store,
    // Every call makes a new adapter instance, as a restarted worker would.
    adapter: (patch = {}) => createAdapter('tiktok', endpoints, patch && Object.keys(patch).length ? { get: () => ({ ...current, ...patch }) as never, save: async () => {} } : store),
    skus: simItems.flatMap((it) => it.variants.map((v) => v.sellerSku)),
  };
}
const place = async (sh: Shop, lines: [string, number][], status?: 'unpaid' | 'paid'): Promise<string> =>
  (await control('POST', `/__sim/shops/${sh.shopId}/orders`, { lines: lines.map(([sellerSku, quantity]) => ({ sellerSku, quantity })), ...(status ? { status } : {}) })).orderId;
const move = (sh: Shop, id: string, ...statuses: string[]) => statuses.reduce((p, status) => p.then(() => control('POST', `/__sim/shops/${sh.shopId}/orders/${id}/status`, { status })), Promise.resolve());

const readAll = (a: () => PlatformAdapter, updatedSince: number, pageSize?: number) => readAllOrders((cursor) => a().listOrders({ updatedSince, cursor, pageSize }));

const errorOf = platformErrorOf;

describe('tiktok listOrders', () => {
  it('statuses and lines, folded per SKU, with the ids listItems gives', async () => {
    const sh = await makeShop();
    const since = Date.now() - 1000;
    const [a, b, c, d] = sh.skus;
    const unpaid = await place(sh, [[a!, 1]], 'unpaid');
    const open = await place(sh, [[a!, 3], [b!, 1]]);
    const shipped = await place(sh, [[c!, 2]]);
    await move(sh, shipped, 'shipped');
    const delivered = await place(sh, [[d!, 1]]);
    await move(sh, delivered, 'shipped', 'delivered');
    const cancelled = await place(sh, [[b!, 2]]);
    await move(sh, cancelled, 'cancelled');
    const returned = await place(sh, [[c!, 4]]);
    await move(sh, returned, 'shipped', 'delivered', 'returned');

    const { orders } = await readAll(() => sh.adapter(), since);
    const byId = new Map(orders.map((o) => [o.platformOrderId, o]));
    expect(orders).toHaveLength(6);
    const summary = (id: string) => {
      const o = byId.get(id)!;
      return [o.status, o.platformStatus, o.lines.map((l) => [l.sellerSku, l.quantity, l.status])];
    };
    expect(summary(unpaid)).toEqual(['unpaid', 'UNPAID', [[a, 1, 'unpaid']]]);
    expect(summary(open)).toEqual(['open', 'AWAITING_SHIPMENT', [[a, 3, 'open'], [b, 1, 'open']]]);
    expect(summary(shipped)).toEqual(['shipped', 'IN_TRANSIT', [[c, 2, 'shipped']]]);
    expect(summary(delivered)).toEqual(['shipped', 'DELIVERED', [[d, 1, 'shipped']]]);
    expect(summary(cancelled)).toEqual(['cancelled', 'CANCELLED', [[b, 2, 'cancelled']]]);
    expect(summary(returned)).toEqual(['returned', 'DELIVERED', [[c, 4, 'returned']]]);

    // Oldest change first, epoch ms.
    const times = orders.map((o) => o.updatedAt);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(orders.every((o) => o.createdAt >= since - 1000 && o.createdAt <= Date.now() && o.updatedAt >= o.createdAt)).toBe(true);

    // A line names the listing and variant exactly as listItems does.
    const ids = new Map<string, [string, string]>();
    let cursor: string | null = null;
    do {
      const page = await sh.adapter().listItems({ cursor });
      for (const it of page.items) for (const v of it.variants) ids.set(v.sellerSku, [it.platformItemId, v.platformVariantId]);
      cursor = page.nextCursor;
    } while (cursor);
    for (const l of orders.flatMap((o) => o.lines)) expect([l.platformItemId, l.platformVariantId]).toEqual(ids.get(l.sellerSku));
  });

  it('reads 260 orders once each across pages, resuming from a cursor with a new adapter', async () => {
    const sh = await makeShop(5, 2);
    await control('POST', '/__sim/clock', { offsetMs: -90_000 });
    const old = await place(sh, [[sh.skus[0]!, 1]]);
    await control('POST', '/__sim/clock', { offsetMs: 0 });
    const since = Date.now() - 30_000;
    const placed: string[] = [];
    for (let i = 0; i < 260; i++) placed.push(await place(sh, [[sh.skus[i % sh.skus.length]!, 1 + (i % 3)]]));

    const whole = await readAll(() => sh.adapter(), since);
    expect(whole.pages).toBe(3);
    expect(whole.orders.map((o) => o.platformOrderId)).toEqual(placed);
    expect(whole.orders.map((o) => o.platformOrderId)).not.toContain(old);

    // Small pages; every page read by a fresh adapter instance from the previous cursor.
    const small = await readAll(() => sh.adapter(), since, 40);
    expect(small.pages).toBe(7);
    expect(small.orders.map((o) => o.platformOrderId)).toEqual(placed);
    expect(small.orders.reduce((t, o) => t + o.lines[0]!.quantity, 0)).toBe(placed.reduce((t, _, i) => t + 1 + (i % 3), 0));

    // A change made between two pages is still read (after the page token), never skipped.
    const first = await sh.adapter().listOrders!({ updatedSince: since, pageSize: 100 });
    await move(sh, placed[5]!, 'cancelled');
    let cursor = first.nextCursor;
    const rest: PlatformOrder[] = [];
    while (cursor) {
      const p = await sh.adapter().listOrders!({ updatedSince: since, cursor });
      rest.push(...p.orders);
      cursor = p.nextCursor;
    }
    expect(rest.at(-1)).toMatchObject({ platformOrderId: placed[5], status: 'cancelled' });

    // Incremental: only what changed at or after updatedSince.
    await new Promise((r) => setTimeout(r, 1100));
    const later = Date.now();
    await move(sh, placed[7]!, 'shipped');
    const inc = await readAll(() => sh.adapter(), later);
    expect(inc.orders.map((o) => [o.platformOrderId, o.status])).toEqual([[placed[7], 'shipped']]);
    const stats = await control('GET', `/__sim/stats?shopId=${sh.shopId}`);
    expect(stats.orderCalls).toBe(3 + 7 + 1 + 2 + 1);
  });

  it('a page token TikTok no longer accepts restarts the window instead of reading as bad credentials', async () => {
    const sh = await makeShop(1, 1);
    const since = Date.now() - 5_000;
    const id = await place(sh, [[sh.skus[0]!, 2]]);
    const { encodeCursor } = await import('../../lib/platforms/util.ts');
    const cursor = encodeCursor({ t: 'not-a-token-tiktok-gave', u: Math.floor(since / 1000) });
    const page = await sh.adapter().listOrders({ updatedSince: since, cursor });
    expect(page.orders.map((o) => o.platformOrderId)).toContain(id);
  });

  it('errors classified as for the stock calls; an expired token is refreshed and saved', async () => {
    const sh = await makeShop(1, 1);
    await place(sh, [[sh.skus[0]!, 1]]);
    const since = Date.now() - 60_000;

    expect((await errorOf(sh.adapter({ accessToken: 'not-a-token' }).listOrders!({ updatedSince: since }))).kind).toBe('auth');
    expect((await errorOf(sh.adapter({ appSecret: 'wrong' }).listOrders!({ updatedSince: since }))).kind).toBe('auth');

    await control('POST', '/__sim/faults', { shopId: sh.shopId, rateLimitPerSecond: 1 });
    const settled = await Promise.allSettled(Array.from({ length: 4 }, () => sh.adapter().listOrders!({ updatedSince: since })));
    const limited = settled.filter((r) => r.status === 'rejected' && r.reason instanceof PlatformError && r.reason.kind === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(1);

    await control('POST', '/__sim/faults', { shopId: sh.shopId, errorRate: 1 });
    expect((await errorOf(sh.adapter().listOrders!({ updatedSince: since }))).kind).toBe('temporary');

    await control('POST', '/__sim/faults', {});
    await control('POST', '/__sim/faults', { shopId: sh.shopId, expireTokens: true });
    const page = await sh.adapter().listOrders!({ updatedSince: since });
    expect(page.orders).toHaveLength(1);
    expect(sh.store.saved).toHaveLength(1);
    expect((sh.store.saved[0] as { accessToken: string }).accessToken).not.toBe((sh.creds as { accessToken: string }).accessToken);
  });
});

describe('tiktok order mapping of units in different states', () => {
  it('folds per (SKU, state); CANCELLED before shipping is cancelled, after it is returned', () => {
    const unit = (id: string, sku: string, display_status: string, package_status?: string) => ({ id, sku_id: sku, product_id: 'P1', seller_sku: `S-${sku}`, display_status, ...(package_status ? { package_status } : {}) });
    const partial = mapTiktokOrder({
      id: 'O1',
      status: 'PARTIALLY_SHIPPING',
      create_time: 1_800_000_000,
      update_time: 1_800_000_100,
      line_items: [unit('1', 'A', 'IN_TRANSIT', 'FULFILLING'), unit('2', 'A', 'IN_TRANSIT', 'FULFILLING'), unit('3', 'A', 'CANCELLED', 'CANCELLED'), unit('4', 'B', 'AWAITING_SHIPMENT', 'PROCESSING'), unit('5', 'B', 'CANCELLED', 'COMPLETED')],
    });
    expect(partial).toMatchObject({ platformOrderId: 'O1', status: 'open', platformStatus: 'PARTIALLY_SHIPPING', createdAt: 1_800_000_000_000, updatedAt: 1_800_000_100_000 });
    expect(partial.lines.map((l) => [l.platformVariantId, l.quantity, l.status])).toEqual([
      ['A', 2, 'shipped'],
      ['A', 1, 'cancelled'],
      ['B', 1, 'open'],
      ['B', 1, 'returned'],
    ]);
    // ON_HOLD (TikTok's first paid hour) and AWAITING_COLLECTION (packed) hold stock as open.
    for (const status of ['ON_HOLD', 'AWAITING_COLLECTION']) expect(mapTiktokOrder({ id: 'O2', status, line_items: [unit('1', 'A', status)] }).status).toBe('open');
    // A completed order with one unit refunded: the order shipped, that unit returned.
    const done = mapTiktokOrder({ id: 'O3', status: 'COMPLETED', line_items: [unit('1', 'A', 'COMPLETED', 'COMPLETED'), unit('2', 'A', 'CANCELLED')] });
    expect([done.status, done.lines.map((l) => [l.quantity, l.status])]).toEqual(['shipped', [[1, 'shipped'], [1, 'returned']]]);
  });
});
