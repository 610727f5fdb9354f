// WooCommerce adapter listOrders over real HTTP against the simulator: orders placed and moved
// through the control API, read back with the ids listItems gives; paging, a scan that survives
// orders changing under it, resuming with a new adapter instance, errors classified.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../simulator/server.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { mapWooOrder } from '../../lib/platforms/woocommerce/orders.ts';
import { PlatformError, type Credentials, type CredentialHolder, type PlatformAdapter, type PlatformOrder } from '../../lib/platforms/types.ts';
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
  vi.useRealTimers();
  await control('POST', '/__sim/faults', {});
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

interface Site {
  shopId: string;
  adapter: () => PlatformAdapter;
  simpleSku: string;
  variantSkus: string[];
}
let seed = 100;
async function site(credsPatch: Record<string, string> = {}): Promise<Site> {
  const s = await control('POST', '/__sim/shops', { platform: 'woocommerce', items: 1, seed: seed++, skuPrefix: `WO${seed}` });
  const creds = { ...s.credentials, ...credsPatch, platform: 'woocommerce' } as Credentials;
  const store: CredentialHolder = { get: () => creds as never, save: async () => undefined };
  const items = await control('GET', `/__sim/shops/${s.shopId}/items`);
  await control('PATCH', `/__sim/shops/${s.shopId}/items/${items[0].itemId}`, { variants: [{ variantId: items[0].variants[0].variantId, stock: 1000 }] });
  const tag = `${seed}`;
  await control('POST', `/__sim/shops/${s.shopId}/items`, {
    title: 'Tee',
    variants: [
      { sellerSku: `TEE-S-${tag}`, stock: 1000, price: 10 },
      { sellerSku: `TEE-M-${tag}`, stock: 1000, price: 12 },
    ],
  });
  return {
    shopId: s.shopId,
    adapter: () => createAdapter('woocommerce', { apiBaseUrl: s.apiBaseUrl }, store),
    simpleSku: items[0].variants[0].sellerSku,
    variantSkus: [`TEE-S-${tag}`, `TEE-M-${tag}`],
  };
}
async function place(w: Site, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<string> {
  return (await control('POST', `/__sim/shops/${w.shopId}/orders`, { lines, ...(status ? { status } : {}) })).orderId;
}
const move = (w: Site, id: string, status: string) => control('POST', `/__sim/shops/${w.shopId}/orders/${id}/status`, { status });
const orderCalls = async (w: Site): Promise<number> => (await control('GET', `/__sim/stats?shopId=${w.shopId}`)).orderCalls;

const readAll = (a: PlatformAdapter, updatedSince: number, pageSize?: number) => readAllOrders((cursor) => a.listOrders({ updatedSince, cursor, pageSize }));

const errorOf = platformErrorOf;

describe('woocommerce listOrders', () => {
  it('lines, statuses and ids are the ones listItems gives', async () => {
    const w = await site();
    const a = w.adapter();
    const ids = new Map<string, { item: string; variant: string }>();
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await a.listItems({ cursor });
      for (const it of page.items) for (const v of it.variants) ids.set(v.sellerSku, { item: it.platformItemId, variant: v.platformVariantId });
      cursor = page.nextCursor;
    }
    const [s, m] = w.variantSkus as [string, string];
    const open = await place(w, [{ sellerSku: w.simpleSku, quantity: 2 }, { sellerSku: m, quantity: 3 }]);
    const unpaid = await place(w, [{ sellerSku: s, quantity: 1 }], 'unpaid');
    const shipped = await place(w, [{ sellerSku: s, quantity: 1 }]);
    const cancelled = await place(w, [{ sellerSku: m, quantity: 4 }]);
    const returned = await place(w, [{ sellerSku: w.simpleSku, quantity: 1 }]);
    await move(w, shipped, 'shipped');
    await move(w, shipped, 'delivered');
    await move(w, cancelled, 'cancelled');
    await move(w, returned, 'shipped');
    await move(w, returned, 'returned');
    const { orders } = await readAll(a, Date.now() - 60_000);
    const byId = new Map(orders.map((o) => [o.platformOrderId, o]));
    expect(byId.size).toBe(5);
    expect([open, unpaid, shipped, cancelled, returned].map((id) => [byId.get(id)?.status, byId.get(id)?.platformStatus])).toEqual([
      ['open', 'processing'],
      ['unpaid', 'pending'],
      ['shipped', 'completed'],
      ['cancelled', 'cancelled'],
      ['returned', 'refunded'],
    ]);
    const o = byId.get(open)!;
    expect(o.displayName).toBe(`#${open}`);
    expect(o.lines).toEqual([
      { platformItemId: ids.get(w.simpleSku)!.item, platformVariantId: ids.get(w.simpleSku)!.variant, sellerSku: w.simpleSku, quantity: 2, status: 'open' },
      { platformItemId: ids.get(m)!.item, platformVariantId: ids.get(m)!.variant, sellerSku: m, quantity: 3, status: 'open' },
    ]);
    // A simple product is its own variant, as listItems has it.
    expect(ids.get(w.simpleSku)!.variant).toBe(ids.get(w.simpleSku)!.item);
    expect(byId.get(cancelled)!.lines).toEqual([{ ...o.lines[1], quantity: 4, status: 'cancelled' }]);
    const sim = await control('GET', `/__sim/shops/${w.shopId}/orders`);
    for (const so of sim) {
      expect(byId.get(so.orderId)!.updatedAt).toBe(Math.floor(so.updatedAt / 1000) * 1000);
      expect(byId.get(so.orderId)!.createdAt).toBe(Math.floor(so.createdAt / 1000) * 1000);
    }
  });

  it('updatedSince: an order last changed before it is not read; one changed in its own second is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 2, 1, 10, 0, 0);
    vi.setSystemTime(t0);
    const w = await site();
    const old = await place(w, [{ sellerSku: w.simpleSku, quantity: 1 }]);
    vi.setSystemTime(t0 + 5_000);
    const fresh = await place(w, [{ sellerSku: w.simpleSku, quantity: 1 }]);
    vi.setSystemTime(t0 + 5_700);
    const ids = (since: number) => readAll(w.adapter(), since).then((r) => r.orders.map((o) => o.platformOrderId));
    expect(await ids(t0 + 5_400)).toEqual([fresh]);
    expect(await ids(t0 + 1_000)).toEqual([fresh]);
    expect(await ids(t0)).toEqual([old, fresh]);
  });

  it('pages through 260 orders, more than a page of them in one second, each order once, oldest change first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 2, 2, 10, 0, 0);
    vi.setSystemTime(t0);
    const w = await site();
    const placed: string[] = [];
    // 130 orders in one second, then 130 over 13 seconds.
    for (let i = 0; i < 260; i++) {
      if (i >= 130 && i % 10 === 0) vi.setSystemTime(t0 + 1000 * (i / 10 - 12));
      placed.push(await place(w, [{ sellerSku: w.variantSkus[i % 2]!, quantity: 1 }]));
    }
    vi.setSystemTime(t0 + 60_000);
    const before = await orderCalls(w);
    const { orders, pages } = await readAll(w.adapter(), t0);
    expect(orders.map((o) => o.platformOrderId)).toEqual(placed);
    const calls = (await orderCalls(w)) - before;
    expect(calls).toBe(pages);
    // 3 pages of 100 at least; moving the window re-asks for at most one second per page.
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(4);
  });

  it('an order changed while the scan runs is not lost (page numbers alone would skip the one behind it)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 2, 3, 10, 0, 0);
    const w = await site();
    const placed: string[] = [];
    for (let i = 0; i < 30; i++) {
      vi.setSystemTime(t0 + i * 1000);
      placed.push(await place(w, [{ sellerSku: w.simpleSku, quantity: 1 }]));
    }
    vi.setSystemTime(t0 + 40_000);
    const a = w.adapter();
    const first = await a.listOrders!({ updatedSince: t0, pageSize: 10 });
    expect(first.orders.map((o) => o.platformOrderId)).toEqual(placed.slice(0, 10));
    // An order of page 1 ships: it moves to the end of the modified order.
    vi.setSystemTime(t0 + 41_000);
    await move(w, placed[3]!, 'shipped');
    const rest: PlatformOrder[] = [];
    for (let cursor = first.nextCursor; cursor; ) {
      const page = await a.listOrders!({ updatedSince: t0, pageSize: 10, cursor });
      rest.push(...page.orders);
      cursor = page.nextCursor;
    }
    expect(rest.map((o) => o.platformOrderId)).toEqual([...placed.slice(10), placed[3]]);
    expect(rest.at(-1)!.status).toBe('shipped');
  });

  it('a fresh adapter instance resumes from the cursor', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 2, 4, 10, 0, 0);
    const w = await site();
    const placed: string[] = [];
    for (let i = 0; i < 25; i++) {
      vi.setSystemTime(t0 + Math.floor(i / 4) * 1000);
      placed.push(await place(w, [{ sellerSku: w.variantSkus[0]!, quantity: 1 }]));
    }
    const first = await w.adapter().listOrders!({ updatedSince: t0, pageSize: 10 });
    expect(first.nextCursor).toBeTruthy();
    const rest = await w.adapter().listOrders!({ updatedSince: 0, pageSize: 10, cursor: first.nextCursor });
    const third = rest.nextCursor ? await w.adapter().listOrders!({ updatedSince: 0, pageSize: 10, cursor: rest.nextCursor }) : { orders: [], nextCursor: null };
    expect(third.nextCursor).toBeNull();
    expect([...first.orders, ...rest.orders, ...third.orders].map((o) => o.platformOrderId)).toEqual(placed);
  });

  it('errors are classified as for stock calls: wrong secret auth, 429 rate_limited, 503 temporary', async () => {
    const bad = await site({ consumerSecret: 'cs_wrong' });
    expect((await errorOf(bad.adapter().listOrders!({ updatedSince: 0 }))).kind).toBe('auth');
    const w = await site();
    await control('POST', '/__sim/faults', { shopId: w.shopId, rateLimitPerSecond: 1 });
    let throttled: PlatformError | undefined;
    for (let i = 0; i < 5 && !throttled; i++) {
      try {
        await w.adapter().listOrders!({ updatedSince: 0 });
      } catch (e) {
        if (!(e instanceof PlatformError)) throw e;
        throttled = e;
      }
    }
    expect(throttled?.kind).toBe('rate_limited');
    expect(throttled?.retryAfterMs).toBeGreaterThan(0);
    await control('POST', '/__sim/faults', { shopId: w.shopId, errorRate: 1 });
    expect((await errorOf(w.adapter().listOrders!({ updatedSince: 0 }))).kind).toBe('temporary');
  });
});

describe('woocommerce order mapping beyond the simulator', () => {
  it('cancelled or refunded after completion is returned; before, cancelled; failed is cancelled; on-hold open; a plugin status holds', () => {
    const o = (status: string, completed: string | null = null) =>
      mapWooOrder({ id: 7, number: '7', status, date_created_gmt: '2026-03-01T10:00:00', date_modified_gmt: '2026-03-01T10:00:05', date_completed_gmt: completed, line_items: [] });
    expect(o('cancelled', '2026-03-01T10:00:03').status).toBe('returned');
    expect(o('refunded', '2026-03-01T10:00:03').status).toBe('returned');
    expect(o('refunded').status).toBe('cancelled');
    expect(o('failed').status).toBe('cancelled');
    expect(o('on-hold').status).toBe('open');
    expect(o('shipped-partially').status).toBe('open');
    expect(o('pending').updatedAt).toBe(Date.UTC(2026, 2, 1, 10, 0, 5));
  });

  it('two line items of one variation fold into one line; a simple product is (id, id); a deleted product keeps its ids', () => {
    const order = mapWooOrder({
      id: 9,
      status: 'processing',
      line_items: [
        { id: 1, product_id: 20, variation_id: 21, sku: 'V', quantity: 2 },
        { id: 2, product_id: 20, variation_id: 21, sku: 'V', quantity: 1 },
        { id: 3, product_id: 30, variation_id: 0, sku: 'S', quantity: 1 },
        { id: 4, product_id: 40, variation_id: 0, sku: null, quantity: 1 },
      ],
    });
    expect(order.lines).toEqual([
      { platformItemId: '20', platformVariantId: '21', sellerSku: 'V', quantity: 3, status: 'open' },
      { platformItemId: '30', platformVariantId: '30', sellerSku: 'S', quantity: 1, status: 'open' },
      { platformItemId: '40', platformVariantId: '40', sellerSku: '', quantity: 1, status: 'open' },
    ]);
  });

  it('a site that ignores modified_after (before WooCommerce 5.8) is refused, not paged forever; checkout drafts are not orders', async () => {
    const old = { id: 1, status: 'processing', date_modified_gmt: '2020-01-01T00:00:00', line_items: [] };
    const draft = { id: 2, status: 'checkout-draft', date_modified_gmt: '2026-03-01T10:00:00', line_items: [] };
    const { fetchFn } = scripted([{ body: [old], headers: { 'x-wp-totalpages': '1' } }, { body: [draft], headers: { 'x-wp-totalpages': '1' } }]);
    const a = createAdapter('woocommerce', { apiBaseUrl: 'https://shop.example' }, { get: () => ({ platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' }) as never, save: async () => undefined }, { fetch: fetchFn });
    const e = await errorOf(a.listOrders!({ updatedSince: Date.UTC(2026, 0, 1) }));
    expect(e.kind).toBe('invalid');
    expect(await a.listOrders!({ updatedSince: Date.UTC(2026, 0, 1) })).toEqual({ orders: [], nextCursor: null });
  });

  it('asks for modified_after in GMT without a zone, dates_are_gmt, orderby=modified, order=asc, per_page ≤ 100', async () => {
    const { fetchFn, calls } = scripted([{ body: [], headers: { 'x-wp-totalpages': '0' } }]);
    const a = createAdapter('woocommerce', { apiBaseUrl: 'https://shop.example' }, { get: () => ({ platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' }) as never, save: async () => undefined }, { fetch: fetchFn });
    await a.listOrders!({ updatedSince: Date.UTC(2026, 2, 1, 10, 0, 0, 500), pageSize: 500 });
    const q = new URL(calls[0]!.url).searchParams;
    expect(Object.fromEntries(q)).toEqual({ modified_after: '2026-03-01T09:59:59', dates_are_gmt: 'true', orderby: 'modified', order: 'asc', per_page: '100', page: '1' });
  });
});
