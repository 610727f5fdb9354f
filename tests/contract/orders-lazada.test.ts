// The Lazada adapter's order reader over real HTTP against the simulator: orders placed and moved
// through the control API, read with listOrders, compared with what listItems says of the same
// variants; paging past page and offset limits, resuming from a cursor, errors classified.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { PlatformError, type Credentials, type CredentialHolder, type PlatformAdapter, type PlatformOrder } from '../../lib/platforms/types.ts';
import { foldLazadaItems, lazadaOrderStatus, lazadaTimeMs, mapLazadaOrder } from '../../lib/platforms/lazada/orders.ts';
import { startSimulator } from '../simulator/server.ts';
import { platformErrorOf } from './ordersSupport.ts';

let sim: Awaited<ReturnType<typeof startSimulator>>;
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
  adapter: PlatformAdapter;
  store: CredentialHolder & { saved: Credentials[] };
  fresh: () => PlatformAdapter;
  /** Order API requests the adapters of this shop sent (URLs). */
  requests: URL[];
}
async function makeShop(opts: { items?: number; variantsPerItem?: number; stock?: number; creds?: Record<string, string> } = {}): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'lazada', items: opts.items ?? 3, variantsPerItem: opts.variantsPerItem ?? 2 });
  for (const it of await control<any[]>('GET', `/__sim/shops/${s.shopId}/items`)) {
    await control('PATCH', `/__sim/shops/${s.shopId}/items/${it.itemId}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: opts.stock ?? 100 })) });
  }
  let current = { platform: 'lazada', ...s.credentials, ...opts.creds } as Credentials;
  const saved: Credentials[] = [];
  const store = { saved, get: () => current as never, save: async (c: Credentials) => void (saved.push(c), (current = c)) };
  const requests: URL[] = [];
  const spy = (async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url));
    if (/\/orders?\//.test(u.pathname)) requests.push(u);
    return fetch(url, init);
  }) as typeof fetch;
  const fresh = () => createAdapter('lazada', { apiBaseUrl: s.apiBaseUrl, authBaseUrl: s.authBaseUrl }, store, { fetch: spy });
  return { shopId: s.shopId, adapter: fresh(), store, fresh, requests };
}
const place = (sh: Shop, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid') =>
  control('POST', `/__sim/shops/${sh.shopId}/orders`, { lines, ...(status ? { status } : {}) });
const move = (sh: Shop, orderId: string, ...statuses: string[]) =>
  statuses.reduce((p, status) => p.then(() => control('POST', `/__sim/shops/${sh.shopId}/orders/${orderId}/status`, { status })), Promise.resolve());
const simNow = async () => (await control<{ now: number; offsetMs: number }>('GET', '/__sim/clock'));

/** Every page of one scan; a throttled page is asked again after the wait, as the poller does. */
async function scan(a: PlatformAdapter, updatedSince: number, pageSize?: number) {
  const orders: PlatformOrder[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await a.listOrders!({ updatedSince, cursor, pageSize });
    orders.push(...page.orders);
    cursor = page.nextCursor;
    if (++pages > 2000) throw new Error('runaway paging');
  } while (cursor);
  return { orders, pages, byId: new Map(orders.map((o) => [o.platformOrderId, o])) };
}

const kindOf = platformErrorOf;

describe('lazada listOrders', () => {
  it('lines carry the ids listItems gives, units folded per (variant, status), statuses in ORDERS.md words', async () => {
    const sh = await makeShop();
    const { items } = await sh.adapter.listItems();
    const variants = items.flatMap((it) => it.variants.map((v) => ({ item: it.platformItemId, ...v })));
    const [a, b, c] = variants;
    const since = (await simNow()).now - 5_000;
    const open = await place(sh, [{ sellerSku: a!.sellerSku, quantity: 3 }, { sellerSku: b!.sellerSku, quantity: 1 }]);
    const unpaid = await place(sh, [{ sellerSku: c!.sellerSku, quantity: 2 }], 'unpaid');
    const shipped = await place(sh, [{ sellerSku: a!.sellerSku, quantity: 1 }]);
    await move(sh, shipped.orderId, 'shipped', 'delivered');
    const cancelled = await place(sh, [{ sellerSku: b!.sellerSku, quantity: 2 }]);
    await move(sh, cancelled.orderId, 'cancelled');
    const returned = await place(sh, [{ sellerSku: c!.sellerSku, quantity: 1 }]);
    await move(sh, returned.orderId, 'shipped', 'returned');

    const { byId } = await scan(sh.adapter, since);
    const o = byId.get(open.orderId)!;
    expect(o).toMatchObject({ status: 'open', platformStatus: 'pending', displayName: open.name });
    expect(o.lines).toEqual(
      expect.arrayContaining([
        { platformItemId: a!.item, platformVariantId: a!.platformVariantId, sellerSku: a!.sellerSku, quantity: 3, status: 'open' },
        { platformItemId: b!.item, platformVariantId: b!.platformVariantId, sellerSku: b!.sellerSku, quantity: 1, status: 'open' },
      ]),
    );
    expect(o.lines).toHaveLength(2);
    // Lazada writes times to the second.
    expect(o.createdAt).toBe(Math.floor(open.createdAt / 1000) * 1000);
    expect(byId.get(unpaid.orderId)).toMatchObject({ status: 'unpaid', platformStatus: 'unpaid', lines: [{ platformVariantId: c!.platformVariantId, quantity: 2, status: 'unpaid' }] });
    expect(byId.get(shipped.orderId)).toMatchObject({ status: 'shipped', platformStatus: 'delivered', lines: [{ platformVariantId: a!.platformVariantId, quantity: 1, status: 'shipped' }] });
    expect(byId.get(cancelled.orderId)).toMatchObject({ status: 'cancelled', platformStatus: 'canceled', lines: [{ platformVariantId: b!.platformVariantId, quantity: 2, status: 'cancelled' }] });
    expect(byId.get(returned.orderId)).toMatchObject({ status: 'returned', platformStatus: 'returned', lines: [{ platformVariantId: c!.platformVariantId, quantity: 1, status: 'returned' }] });
    // Oldest change first; the updatedAt of each matches the platform's own (to the second).
    const neutral = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/orders`);
    const read = [...byId.values()];
    for (const n of neutral) expect(byId.get(n.orderId)?.updatedAt).toBe(Math.floor(n.updatedAt / 1000) * 1000);
    expect(read.map((r) => r.updatedAt)).toEqual([...read.map((r) => r.updatedAt)].sort((x, y) => x - y));
    // Only what changed since: a later start leaves the older changes out.
    const later = await scan(sh.adapter, Math.floor(neutral.at(-1).updatedAt / 1000) * 1000 + 1000);
    expect(later.orders).toEqual([]);
  });

  it('1,250 changed orders: every one read, pages ≤ 100 orders, ≤ 50 orders per items call, offsets never past 5,000', async () => {
    const sh = await makeShop({ items: 5, variantsPerItem: 2, stock: 2_000 });
    const skus = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`)).flatMap((it) => it.variants.map((v: any) => v.sellerSku));
    const since = (await simNow()).now - 5_000;
    const placed: string[] = [];
    for (let batch = 0; batch < 25; batch++) {
      const got = await Promise.all(Array.from({ length: 50 }, (_, i) => place(sh, [{ sellerSku: skus[(batch + i) % skus.length], quantity: 1 + (i % 3) }])));
      placed.push(...got.map((g) => g.orderId));
      await control('POST', '/__sim/clock', { advanceMs: 700 }); // a busy shop: orders over ~18 s
    }
    const before = await control('GET', `/__sim/stats?shopId=${sh.shopId}`);
    const { byId, pages } = await scan(sh.adapter, since);
    expect(new Set(byId.keys())).toEqual(new Set(placed));
    expect(pages).toBeGreaterThanOrEqual(13);
    const lists = sh.requests.filter((u) => u.pathname.endsWith('/orders/get'));
    const itemCalls = sh.requests.filter((u) => u.pathname.endsWith('/orders/items/get'));
    expect(Math.max(...lists.map((u) => Number(u.searchParams.get('limit'))))).toBe(100);
    expect(Math.max(...lists.map((u) => Number(u.searchParams.get('offset'))))).toBeLessThanOrEqual(5_000);
    expect(Math.max(...itemCalls.map((u) => JSON.parse(u.searchParams.get('order_ids')!).length))).toBe(50);
    for (const u of lists) expect(u.searchParams.get('update_after')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const after = await control('GET', `/__sim/stats?shopId=${sh.shopId}`);
    expect(after.orderCalls - before.orderCalls).toBe(lists.length + itemCalls.length);
    expect(after.rejected).toEqual(before.rejected);
    // Units: each line's quantity is what was ordered.
    const neutral = new Map((await control<any[]>('GET', `/__sim/shops/${sh.shopId}/orders`)).map((n) => [n.orderId, n]));
    for (const [id, o] of byId) expect(o.lines.reduce((t, l) => t + l.quantity, 0)).toBe(neutral.get(id).lines[0].quantity);
  }, 120_000);

  it('resumes from a cursor with a new adapter instance', async () => {
    const sh = await makeShop({ stock: 500 });
    const sku = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`))[0].variants[0].sellerSku;
    const since = (await simNow()).now - 5_000;
    const ids: string[] = [];
    for (let i = 0; i < 130; i++) {
      ids.push((await place(sh, [{ sellerSku: sku, quantity: 1 }])).orderId);
      if (i % 20 === 19) await control('POST', '/__sim/clock', { advanceMs: 1000 });
    }
    const first = await sh.adapter.listOrders!({ updatedSince: since, pageSize: 50 });
    expect(first.orders).toHaveLength(50);
    expect(first.nextCursor).toBeTruthy();
    const seen = new Set(first.orders.map((o) => o.platformOrderId));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await sh.fresh().listOrders!({ updatedSince: since, cursor, pageSize: 50 });
      for (const o of page.orders) seen.add(o.platformOrderId);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(new Set(ids));
  });

  it('orders already read that change during the scan make it skip none of the others', async () => {
    const sh = await makeShop({ stock: 500 });
    const sku = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`))[0].variants[0].sellerSku;
    const since = (await simNow()).now - 5_000;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push((await place(sh, [{ sellerSku: sku, quantity: 1 }])).orderId);
      await control('POST', '/__sim/clock', { advanceMs: 1000 }); // one order a second
    }
    const seen = new Set<string>();
    let page = await sh.adapter.listOrders!({ updatedSince: since, pageSize: 20 });
    // Orders of the first page ship now: they leave their place in the update order (plain
    // offset paging would then skip as many of the orders after them).
    for (const o of page.orders.slice(0, 5)) await move(sh, o.platformOrderId, 'shipped');
    for (;;) {
      for (const o of page.orders) seen.add(o.platformOrderId);
      if (!page.nextCursor) break;
      page = await sh.adapter.listOrders!({ updatedSince: since, cursor: page.nextCursor, pageSize: 20 });
    }
    expect(seen).toEqual(new Set(ids));
  });

  it('more than 5,000 changes in one second (a batch status update) are read in created_at windows', async () => {
    const sh = await makeShop({ items: 2, variantsPerItem: 1, stock: 10_000 });
    const skus = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`)).flatMap((it) => it.variants.map((v: any) => v.sellerSku));
    const ids: string[] = [];
    for (let batch = 0; batch < 104; batch++) {
      const got = await Promise.all(Array.from({ length: 50 }, (_, i) => place(sh, [{ sellerSku: skus[i % 2], quantity: 1 }])));
      ids.push(...got.map((g) => g.orderId));
      await control('POST', '/__sim/clock', { advanceMs: 500 });
    }
    // Lazada ships them all in one second: hold the simulator's clock inside second S while moving them.
    const crowd = Math.floor((await simNow()).now / 1000) * 1000 + 2_000;
    const pin = async () => {
      const c = await simNow();
      if (c.now < crowd || c.now >= crowd + 600) await control('POST', '/__sim/clock', { offsetMs: c.offsetMs + crowd + 100 - c.now });
    };
    for (let i = 0; i < ids.length; i += 50) {
      await pin();
      await Promise.all(ids.slice(i, i + 50).map((id) => move(sh, id, 'shipped')));
    }
    const neutral = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/orders`);
    expect(neutral.filter((n) => Math.floor(n.updatedAt / 1000) * 1000 === crowd).length).toBe(5_200); // the setup held
    await control('POST', '/__sim/clock', { advanceMs: 3_000 });
    const after = await Promise.all(Array.from({ length: 30 }, () => place(sh, [{ sellerSku: skus[0], quantity: 1 }])));

    const { byId } = await scan(sh.adapter, crowd - 10_000);
    expect(new Set(byId.keys())).toEqual(new Set([...ids, ...after.map((a) => a.orderId)]));
    for (const id of ids) expect(byId.get(id)?.lines).toEqual([expect.objectContaining({ status: 'shipped', quantity: 1 })]);
    const lists = sh.requests.filter((u) => u.pathname.endsWith('/orders/get'));
    expect(Math.max(...lists.map((u) => Number(u.searchParams.get('offset'))))).toBeLessThanOrEqual(5_000);
    expect(lists.some((u) => u.searchParams.get('sort_by') === 'created_at' && u.searchParams.get('update_before'))).toBe(true);
    const stats = await control('GET', `/__sim/stats?shopId=${sh.shopId}`);
    expect(stats.rejected['14'] ?? 0).toBe(0);
  }, 180_000);

  it('more than 5,000 orders created and changed in the same second: a clear refusal, never an offset past 5,000', async () => {
    const sh = await makeShop({ items: 2, variantsPerItem: 1, stock: 10_000 });
    const skus = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`)).flatMap((it) => it.variants.map((v: any) => v.sellerSku));
    const second = Math.floor((await simNow()).now / 1000) * 1000 + 2_000;
    for (let i = 0; i < 5_120; i += 40) {
      const c = await simNow();
      if (c.now < second || c.now >= second + 600) await control('POST', '/__sim/clock', { offsetMs: c.offsetMs + second + 100 - c.now });
      await Promise.all(Array.from({ length: 40 }, (_, k) => place(sh, [{ sellerSku: skus[k % 2], quantity: 1 }])));
    }
    const neutral = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/orders`);
    expect(neutral.every((n) => Math.floor(n.updatedAt / 1000) * 1000 === second)).toBe(true); // the setup held
    const err = await kindOf(scan(sh.adapter, second - 1_000));
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/within one second/);
    const lists = sh.requests.filter((u) => u.pathname.endsWith('/orders/get'));
    expect(Math.max(...lists.map((u) => Number(u.searchParams.get('offset'))))).toBe(5_000);
    expect((await control('GET', `/__sim/stats?shopId=${sh.shopId}`)).rejected['14'] ?? 0).toBe(0);
  }, 180_000);

  it('errors are classified as for the stock calls: auth, rate_limited, temporary; an expired token is refreshed', async () => {
    const since = Date.now() - 60_000;
    const wrong = await makeShop({ creds: { appSecret: 'wrong-app-secret' } });
    expect((await kindOf(wrong.adapter.listOrders!({ updatedSince: since }))).kind).toBe('auth');

    const sh = await makeShop();
    const sku = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`))[0].variants[0].sellerSku;
    const o = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    await control('POST', '/__sim/faults', { shopId: sh.shopId, expireTokens: true });
    const page = await sh.adapter.listOrders!({ updatedSince: since });
    expect(page.orders.map((x) => x.platformOrderId)).toEqual([o.orderId]);
    expect(sh.store.saved).toHaveLength(1);

    await control('POST', '/__sim/faults', { shopId: sh.shopId, errorRate: 1 });
    expect((await kindOf(sh.adapter.listOrders!({ updatedSince: since }))).kind).toBe('temporary');

    await control('POST', '/__sim/faults', { shopId: sh.shopId, rateLimitPerSecond: 1 });
    let throttled: PlatformError | null = null;
    for (let i = 0; i < 10 && !throttled; i++) {
      try {
        await sh.adapter.listOrders!({ updatedSince: since });
      } catch (e) {
        if (e instanceof PlatformError && e.kind === 'rate_limited') throttled = e;
        else throw e;
      }
    }
    expect(throttled?.retryAfterMs).toBeGreaterThan(0);
  }, 60_000);
});

describe('lazada order mapping (pure)', () => {
  it('reads both time forms, maps every documented status, keeps unknown words held', () => {
    const t = Date.UTC(2018, 1, 9, 14, 44, 30);
    expect(lazadaTimeMs('2018-02-09T22:44:30+08:00')).toBe(t);
    expect(lazadaTimeMs('2018-02-09 22:44:30 +0800')).toBe(t);
    expect(lazadaTimeMs('yesterday')).toBeNaN();
    const words: Record<string, string> = {
      unpaid: 'unpaid', pending: 'open', packed: 'open', repacked: 'open', ready_to_ship: 'open', topack: 'open', toship: 'open',
      shipped: 'shipped', delivered: 'shipped', lost_by_3pl: 'shipped', damaged_by_3pl: 'shipped',
      canceled: 'cancelled', returned: 'returned', failed: 'returned', shipped_back: 'returned', something_new: 'open',
    };
    for (const [w, s] of Object.entries(words)) expect([w, lazadaOrderStatus(w)]).toEqual([w, s]);
  });
  it('folds unit rows per (SKU, status): one of three cancelled gives two lines; the order is open while a line is', () => {
    const row = (status: string) => ({ product_id: '11', sku_id: '22', sku: 'A', status });
    const lines = foldLazadaItems([row('pending'), row('canceled'), row('pending')]);
    expect(lines).toEqual([
      { platformItemId: '11', platformVariantId: '22', sellerSku: 'A', status: 'open', quantity: 2 },
      { platformItemId: '11', platformVariantId: '22', sellerSku: 'A', status: 'cancelled', quantity: 1 },
    ]);
    const o = mapLazadaOrder({ order_id: 5, order_number: 7, statuses: ['pending', 'canceled'], created_at: '2018-02-09T22:44:30+08:00', updated_at: '2018-02-09T22:44:31+08:00' }, [row('pending'), row('canceled')]);
    expect(o).toMatchObject({ platformOrderId: '5', displayName: '7', status: 'open', platformStatus: 'pending, canceled', updatedAt: Date.UTC(2018, 1, 9, 14, 44, 31) });
  });
});
