// The Shopee adapter's order reader over real HTTP against the simulator: orders placed and moved
// through the control API, read back with listOrders and compared with what listItems gives.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { PlatformError, type Credentials, type CredentialsOf, type PlatformAdapter, type PlatformOrder } from '../../lib/platforms/types.ts';
import { type Simulator, startSimulator } from '../simulator/server.ts';
import { platformErrorOf } from './ordersSupport.ts';

const LIST = '/api/v2/order/get_order_list';
const DETAIL = '/api/v2/order/get_order_detail';
const DAY = 86_400_000;

let sim: Simulator;
/** The simulator's clock offset, mirrored so the adapter signs with the simulator's time. */
let offset = 0;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  await control('POST', '/__sim/faults', {});
  await clock(0);
});

async function control<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(sim.url + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
async function clock(offsetMs: number): Promise<void> {
  await control('POST', '/__sim/clock', { offsetMs });
  offset = offsetMs;
}

interface Fixture {
  shopId: string;
  apiBaseUrl: string;
  creds: CredentialsOf<'shopee'>;
  /** A fresh adapter instance, as after a worker restart, over the shop's one credential store
   *  (refreshed tokens are kept, as the extension keeps them); `over` gives it a store of its own. */
  adapter(over?: Partial<CredentialsOf<'shopee'>>, callsPerSecond?: number): PlatformAdapter;
  skus: { model: string[]; single: string };
}

async function shop(): Promise<Fixture> {
  const sh = await control('POST', '/__sim/shops', { platform: 'shopee', items: 2, variantsPerItem: 2, skuPrefix: `OS${Math.random().toString(36).slice(2, 6)}` });
  const items = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`);
  for (const it of items) await control('PATCH', `/__sim/shops/${sh.shopId}/items/${it.itemId}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: 5000 })) });
  const single = `${sh.shopId}-ONE`;
  await control('POST', `/__sim/shops/${sh.shopId}/items`, { title: 'No models', variants: [{ sellerSku: single, stock: 5000, price: 3 }] });
  const creds = { platform: 'shopee', ...sh.credentials } as CredentialsOf<'shopee'>;
  let shared: Credentials = creds;
  const sharedStore = { get: () => shared as never, save: async (c: Credentials) => void (shared = c) };
  return {
    shopId: sh.shopId,
    apiBaseUrl: sh.apiBaseUrl,
    creds,
    adapter: (over = {}, callsPerSecond) => {
      let own: Credentials = { ...shared, ...over } as Credentials;
      const store = Object.keys(over).length === 0 ? sharedStore : { get: () => own as never, save: async (c: Credentials) => void (own = c) };
      return createAdapter('shopee', { apiBaseUrl: sh.apiBaseUrl }, store, { now: () => Date.now() + offset, callsPerSecond });
    },
    skus: { model: items.flatMap((it) => it.variants.map((v: any) => v.sellerSku)), single },
  };
}

async function place(f: Fixture, lines: [string, number][], status?: 'unpaid' | 'paid'): Promise<any> {
  return control('POST', `/__sim/shops/${f.shopId}/orders`, { lines: lines.map(([sellerSku, quantity]) => ({ sellerSku, quantity })), ...(status ? { status } : {}) });
}
async function move(f: Fixture, orderId: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) await control('POST', `/__sim/shops/${f.shopId}/orders/${orderId}/status`, { status });
}
const stats = (f: Fixture) => control('GET', `/__sim/stats?shopId=${f.shopId}`);

/** Every page of one scan; `pages` counts them. */
async function scan(a: PlatformAdapter, updatedSince: number, pageSize?: number): Promise<{ orders: PlatformOrder[]; pages: number }> {
  const orders: PlatformOrder[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await a.listOrders!({ updatedSince, cursor, pageSize });
    orders.push(...page.orders);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  return { orders, pages };
}
const ids = (os: PlatformOrder[]) => os.map((o) => o.platformOrderId);

const kindOf = platformErrorOf;

describe('shopee listOrders', () => {
  it('reads lines with listItems ids, statuses in Shelfsync words, times in ms', async () => {
    const f = await shop();
    const a = f.adapter();
    const since = Date.now() - 60_000;
    const [m1, m2, m3] = f.skus.model;
    const o = {
      unpaid: await place(f, [[m1!, 2], [f.skus.single, 1]], 'unpaid'),
      open: await place(f, [[m2!, 1]]),
      shipped: await place(f, [[m3!, 1]]),
      delivered: await place(f, [[f.skus.single, 2]]),
      cancelled: await place(f, [[m1!, 1]], 'unpaid'),
      returned: await place(f, [[m2!, 3]]),
    };
    await move(f, o.shipped.orderId, 'shipped');
    await move(f, o.delivered.orderId, 'shipped', 'delivered');
    await move(f, o.cancelled.orderId, 'cancelled');
    await move(f, o.returned.orderId, 'shipped', 'delivered', 'returned');

    const { orders } = await scan(a, since);
    const got = new Map(orders.map((x) => [x.platformOrderId, x]));
    expect(got.size).toBe(6);
    const want: [keyof typeof o, string, string][] = [
      ['unpaid', 'unpaid', 'UNPAID'],
      ['open', 'open', 'READY_TO_SHIP'],
      ['shipped', 'shipped', 'SHIPPED'],
      ['delivered', 'shipped', 'COMPLETED'],
      ['cancelled', 'cancelled', 'CANCELLED'],
      ['returned', 'returned', 'TO_RETURN'],
    ];
    // ids exactly as listItems gives them (model_id, '0' for an item without models)
    const variantOf = new Map<string, [string, string]>();
    let cursor: string | null = null;
    do {
      const page = await a.listItems({ cursor });
      for (const it of page.items) for (const v of it.variants) variantOf.set(v.sellerSku, [it.platformItemId, v.platformVariantId]);
      cursor = page.nextCursor;
    } while (cursor);
    expect(variantOf.get(f.skus.single)?.[1]).toBe('0');
    const neutral = new Map((await control<any[]>('GET', `/__sim/shops/${f.shopId}/orders`)).map((x) => [x.orderId, x]));
    for (const [key, status, word] of want) {
      const po = got.get(o[key].orderId)!;
      const n = neutral.get(o[key].orderId);
      expect([po.status, po.platformStatus]).toEqual([status, word]);
      expect(po.createdAt).toBe(Math.floor(n.createdAt / 1000) * 1000);
      expect(po.updatedAt).toBe(Math.floor(n.updatedAt / 1000) * 1000);
      const lines = po.lines.map((l) => [l.platformItemId, l.platformVariantId, l.sellerSku, l.quantity, l.status]);
      const expected = n.lines.map((l: any) => [...variantOf.get(l.sellerSku)!, l.sellerSku, l.quantity, status]);
      expect(lines).toEqual(expected);
    }
  });

  it('reads 260 orders once each in pages of 100 with details 50 a call, paced under the limit', async () => {
    const f = await shop();
    const since = Date.now() + offset - 60_000;
    const placed: string[] = [];
    for (let i = 0; i < 260; i++) {
      placed.push((await place(f, [[f.skus.model[i % 4]!, 1]])).orderId);
      if (i % 10 === 9) await clock(offset + 1000); // ten orders a second
    }
    const before = await stats(f);
    const { orders, pages } = await scan(f.adapter(), since);
    expect(ids(orders).sort()).toEqual([...placed].sort()); // each exactly once
    expect(pages).toBe(3);
    const after = await stats(f);
    const list = after.calls[LIST] - (before.calls[LIST] ?? 0);
    const detail = after.calls[DETAIL] - (before.calls[DETAIL] ?? 0);
    expect(detail).toBe(6);
    expect(after.orderCalls - before.orderCalls).toBe(list + detail);
    expect(after.rejected).toEqual({}); // the pacing kept under Shopee's 10 calls/s
  });

  it('many orders in one second: Shopee cursor past the second, still each once', async () => {
    const f = await shop();
    const real = sim.state.now.bind(sim.state);
    const frozen = real();
    sim.state.now = () => frozen; // every order below is placed in the same second
    try {
      const placed: string[] = [];
      for (let i = 0; i < 130; i++) placed.push((await place(f, [[f.skus.single, 1]])).orderId);
      const { orders } = await scan(f.adapter({}, 0), frozen - 60_000, 50);
      expect(ids(orders).sort()).toEqual([...placed].sort());
    } finally {
      sim.state.now = real;
    }
  });

  it('a gap over 15 days is read in windows, empty windows stepped over', async () => {
    const f = await shop();
    const now = Date.now();
    const at = async (ago: number): Promise<string> => {
      await clock(-ago);
      return (await place(f, [[f.skus.single, 1]])).orderId;
    };
    const placed = [await at(40 * DAY), await at(38 * DAY), await at(2 * DAY), await at(3_600_000)];
    await clock(0);
    const before = await stats(f);
    const { orders, pages } = await scan(f.adapter(), now - 40 * DAY - 60_000, 1);
    expect(new Set(ids(orders))).toEqual(new Set(placed));
    expect(orders).toHaveLength(4);
    // oldest window first; each page carries an order (the empty window between gives none)
    expect(ids(orders).slice(0, 2).sort()).toEqual(placed.slice(0, 2).sort());
    expect(pages).toBeLessThanOrEqual(5);
    const after = await stats(f);
    expect(after.calls[LIST] - (before.calls[LIST] ?? 0)).toBeGreaterThanOrEqual(3); // three windows at least
    expect(after.rejected).toEqual({}); // no window was refused as wider than 15 days
  });

  it('a new adapter instance resumes from the cursor; an order changed mid-scan skips nothing', async () => {
    const f = await shop();
    const since = Date.now() - 60_000;
    const placed: string[] = [];
    for (let i = 0; i < 30; i++) {
      placed.push((await place(f, [[f.skus.single, 1]])).orderId);
      await clock(offset + 1000);
    }
    const first = await f.adapter().listOrders!({ updatedSince: since, pageSize: 10 });
    expect(first.orders).toHaveLength(10);
    expect(first.nextCursor).toBeTruthy();
    // a buyer's order already read changes, and a new one comes in, while the scan runs
    await clock(offset + 2000);
    await move(f, first.orders[0]!.platformOrderId, 'shipped');
    const late = (await place(f, [[f.skus.single, 1]])).orderId;

    const rest: PlatformOrder[] = [];
    const b = f.adapter();
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await b.listOrders!({ updatedSince: since, cursor, pageSize: 10 });
      rest.push(...page.orders);
      cursor = page.nextCursor;
    }
    const all = ids([...first.orders, ...rest]);
    expect(all.sort()).toEqual([...placed].sort()); // every order of the scan once, none skipped
    // the next scan (from the newest change seen, less an overlap) brings the change and the newcomer
    const maxSeen = Math.max(...[...first.orders, ...rest].map((o) => o.updatedAt));
    const next = await scan(f.adapter(), maxSeen - 10_000);
    const nextById = new Map(next.orders.map((o) => [o.platformOrderId, o]));
    expect(nextById.get(first.orders[0]!.platformOrderId)?.status).toBe('shipped');
    expect(nextById.has(late)).toBe(true);
  });

  it('a failed page keeps the cursor: the same cursor later reads on', async () => {
    const f = await shop();
    const since = Date.now() - 60_000;
    const placed: string[] = [];
    for (let i = 0; i < 15; i++) {
      placed.push((await place(f, [[f.skus.single, 1]])).orderId);
      await clock(offset + 1000);
    }
    const a = f.adapter();
    const first = await a.listOrders!({ updatedSince: since, pageSize: 10 });
    await control('POST', '/__sim/faults', { shopId: f.shopId, errorRate: 1 });
    expect((await kindOf(a.listOrders!({ updatedSince: since, pageSize: 10, cursor: first.nextCursor }))).kind).toBe('temporary');
    await control('POST', '/__sim/faults', {});
    const second = await a.listOrders!({ updatedSince: since, pageSize: 10, cursor: first.nextCursor });
    expect(ids([...first.orders, ...second.orders]).sort()).toEqual([...placed].sort());
    expect(second.nextCursor).toBeNull();
  });

  it('classifies errors like the stock calls: auth, rate_limited, temporary; an expired token is refreshed', async () => {
    const f = await shop();
    await place(f, [[f.skus.single, 1]]);
    const since = Date.now() - 60_000;
    expect((await kindOf(f.adapter({ partnerKey: 'not-the-key' }).listOrders!({ updatedSince: since }))).kind).toBe('auth');

    await control('POST', '/__sim/faults', { shopId: f.shopId, expireTokens: true });
    const refreshed = await f.adapter().listOrders!({ updatedSince: since });
    expect(refreshed.orders).toHaveLength(1);
    await control('POST', '/__sim/faults', { shopId: f.shopId, expireTokens: true });
    expect((await kindOf(f.adapter({ refreshToken: 'used-or-wrong' }).listOrders!({ updatedSince: since }))).kind).toBe('auth');

    await control('POST', '/__sim/faults', { shopId: f.shopId, errorRate: 1 });
    expect((await kindOf(f.adapter().listOrders!({ updatedSince: since }))).kind).toBe('temporary');

    // no orders in the window → one list call per listOrders; at 1 call/s the second is refused
    await control('POST', '/__sim/faults', { shopId: f.shopId, rateLimitPerSecond: 1 });
    const empty = Date.now() + 3_600_000;
    const a = f.adapter({}, 0);
    let err: PlatformError | undefined;
    for (let i = 0; i < 4 && !err; i++) err = await a.listOrders!({ updatedSince: empty }).then(() => undefined, (e: PlatformError) => e);
    expect(err?.kind).toBe('rate_limited');
    expect(err?.retryAfterMs).toBeGreaterThan(0);
  });
});
