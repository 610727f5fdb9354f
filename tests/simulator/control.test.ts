import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { startSimulator } from './server.ts';
import { ctl, http, newShop, sim } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

const CRED_KEYS: Record<string, string[]> = {
  shopee: ['accessToken', 'partnerId', 'partnerKey', 'refreshToken', 'shopId'],
  lazada: ['accessToken', 'appKey', 'appSecret', 'refreshToken'],
  tiktok: ['accessToken', 'appKey', 'appSecret', 'refreshToken', 'shopCipher'],
  shopify: ['accessToken', 'shopDomain'],
  woocommerce: ['consumerKey', 'consumerSecret'],
};

describe('control API', () => {
  it('creates a shop per platform with exactly the stores.connect credentials', async () => {
    for (const platform of Object.keys(CRED_KEYS)) {
      const shop = await newShop(s, { platform, items: 3 });
      expect(shop.platform).toBe(platform);
      expect(Object.keys(shop.credentials).sort()).toEqual(CRED_KEYS[platform]);
      for (const v of Object.values(shop.credentials)) expect(typeof v).toBe('string');
      expect(shop.apiBaseUrl.startsWith(s.url)).toBe(true);
      expect(shop.consoleUrl).toContain(`/console/${platform}/`);
    }
    const sp = (await ctl(s, 'GET', '/shops')).body.find((x: any) => x.platform === 'shopify');
    expect(sp.apiBaseUrl).toBe(`${s.url}/shopify/${sp.credentials.shopDomain}`);
    expect(sp.credentials.shopDomain).toMatch(/\.myshopify\.com$/);
  });

  it('platform-shaped ids', async () => {
    const ids = async (platform: string): Promise<any[]> => (await ctl(s, 'GET', `/shops/${(await newShop(s, { platform, items: 2, variantsPerItem: 2 })).shopId}/items`)).body;
    expect((await ids('shopee'))[0].itemId).toMatch(/^\d{11}$/);
    expect((await ids('tiktok'))[0].itemId).toMatch(/^\d{19}$/);
    const sp = await ids('shopify');
    expect(sp[0].itemId).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    expect(sp[0].variants[0].variantId).toMatch(/^gid:\/\/shopify\/ProductVariant\/\d+$/);
    expect((await ids('woocommerce'))[0].itemId).toMatch(/^\d+$/);
  });

  it('same seed = same data, other seed = other data', async () => {
    const items = async (seed: number, platform = 'lazada'): Promise<any[]> => {
      const shop = await newShop(s, { platform, items: 20, variantsPerItem: 3, seed, skuPrefix: 'AB' });
      return (await ctl(s, 'GET', `/shops/${shop.shopId}/items`)).body.map(({ updatedAt: _u, ...rest }: any) => rest);
    };
    const a = await items(7);
    const b = await items(7);
    expect(a).toEqual(b);
    expect(a).toHaveLength(20);
    expect(a[0].variants).toHaveLength(3);
    expect(a[0].variants[0].sellerSku).toBe('AB-1');
    expect(a[19].variants[2].sellerSku).toBe('AB-60');
    const c = await items(8);
    expect(c.map((x) => x.title)).not.toEqual(a.map((x) => x.title));
    // same seed on another platform: same titles, SKUs, prices, stock
    const d = await items(7, 'shopee');
    expect(d.map((x) => [x.title, x.variants.map((v: any) => [v.sellerSku, v.price, v.stock])])).toEqual(a.map((x) => [x.title, x.variants.map((v: any) => [v.sellerSku, v.price, v.stock])]));
  });

  it('adds and patches items (bumps update time), deletes per platform rules', async () => {
    const shop = await newShop(s, { platform: 'tiktok', items: 1 });
    const add = await ctl(s, 'POST', `/shops/${shop.shopId}/items`, { title: 'Direct listing', variants: [{ sellerSku: 'D-1', stock: 4, price: 9.5 }, { sellerSku: 'D-2', stock: 1, price: 10 }] });
    expect(add.status).toBe(201);
    expect(add.body.status).toBe('ACTIVATE');
    expect(add.body.variants.map((v: any) => v.sellerSku)).toEqual(['D-1', 'D-2']);
    const before = add.body.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    const v = add.body.variants[1];
    const p = await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${add.body.itemId}`, { title: 'Renamed', status: 'inactive', variants: [{ variantId: v.variantId, stock: 42, sellerSku: 'D-2b', price: 12.5 }] });
    expect(p.status).toBe(200);
    expect(p.body.title).toBe('Renamed');
    expect(p.body.status).toBe('SELLER_DEACTIVATED');
    expect(p.body.variants[1]).toEqual({ variantId: v.variantId, sellerSku: 'D-2b', stock: 42, price: 12.5 });
    expect(p.body.updatedAt).toBeGreaterThan(before);
    expect((await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${add.body.itemId}`, { status: 'nope' })).status).toBe(400);
    expect((await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/999`, { title: 'x' })).status).toBe(404);
    const del = await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${add.body.itemId}`, { deleted: true });
    expect(del.body.status).toBe('DELETED');
    // Shopify has no soft delete: the product disappears
    const sp = await newShop(s, { platform: 'shopify', items: 2 });
    const list = (await ctl(s, 'GET', `/shops/${sp.shopId}/items`)).body;
    await ctl(s, 'PATCH', `/shops/${sp.shopId}/items/${encodeURIComponent(list[0].itemId)}`, { deleted: true });
    expect((await ctl(s, 'GET', `/shops/${sp.shopId}/items`)).body).toHaveLength(1);
  });

  it('validates input and answers 404 for unknown shops/routes', async () => {
    expect((await ctl(s, 'POST', '/shops', { platform: 'ebay' })).status).toBe(400);
    expect((await ctl(s, 'POST', '/shops', { platform: 'shopee', items: -1 })).status).toBe(400);
    expect((await http(`${s.url}/__sim/shops`, { method: 'POST', body: '{bad json' })).status).toBe(400);
    expect((await ctl(s, 'GET', '/shops/nope/items')).status).toBe(404);
    expect((await ctl(s, 'GET', '/nothing')).status).toBe(404);
    expect((await ctl(s, 'POST', '/faults', { errorRate: 2 })).status).toBe(400);
    expect((await ctl(s, 'POST', '/faults', { shopId: 'nope', errorRate: 0.1 })).status).toBe(404);
  });

  it('faults: set per scope, {} clears', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 1 });
    let r = await ctl(s, 'POST', '/faults', { shopId: shop.shopId, latencyMs: 10, rejectSkus: ['SKU-1'] });
    expect(r.body).toEqual([{ shopId: shop.shopId, latencyMs: 10, rejectSkus: ['SKU-1'] }]);
    r = await ctl(s, 'POST', '/faults', { platform: 'lazada', errorRate: 0.5 });
    expect(r.body).toHaveLength(2);
    r = await ctl(s, 'POST', '/faults', { shopId: shop.shopId });
    expect(r.body).toEqual([{ platform: 'lazada', errorRate: 0.5 }]);
    r = await ctl(s, 'POST', '/faults', {});
    expect(r.body).toEqual([]);
  });

  it('stats, request log, apps, clock, reset', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 1 });
    await http(`${shop.apiBaseUrl}/wp-json/wc/v3/products`);
    const st = await ctl(s, 'GET', `/stats?shopId=${shop.shopId}`);
    expect(st.body).toEqual({ calls: { 'GET /products': 1 }, stockUpdateCalls: 0, stockUpdateEntries: 0, orderCalls: 0, ordersPlaced: 0, ordersRefused: 0, rejected: { unauthorized: 1 } });
    const log = await ctl(s, 'GET', `/requests?shopId=${shop.shopId}&limit=5`);
    expect(log.body).toHaveLength(1);
    expect(log.body[0]).toMatchObject({ method: 'GET', path: `/woocommerce/${shop.shopId}/wp-json/wc/v3/products`, status: 401 });
    const app = await ctl(s, 'POST', '/apps', { platform: 'shopify', redirectUri: 'https://x.chromiumapp.org/shopify' });
    expect(app.body).toMatchObject({ platform: 'shopify', redirectUri: 'https://x.chromiumapp.org/shopify' });
    expect(app.body.clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(app.body.clientSecret).toMatch(/^shpss_/);
    const c = await ctl(s, 'POST', '/clock', { advanceMs: 60_000 });
    expect(c.body.offsetMs).toBe(60_000);
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const s2 = await startSimulator({ port: 0 });
    await newShop(s2, { platform: 'shopee' });
    expect((await ctl(s2, 'POST', '/reset')).body).toEqual({ ok: true });
    expect((await ctl(s2, 'GET', '/shops')).body).toEqual([]);
    await s2.close();
  });

  it('starts and stops many instances cleanly, closing held (timeout) requests', async () => {
    for (let i = 0; i < 5; i++) {
      const x = await startSimulator({ port: 0 });
      const shop = await newShop(x, { platform: 'woocommerce', items: 1 });
      await ctl(x, 'POST', '/faults', { shopId: shop.shopId, timeoutRate: 1 });
      const pending = fetch(`${shop.apiBaseUrl}/wp-json/wc/v3/products`, { headers: { 'x-forwarded-proto': 'https', authorization: `Basic ${Buffer.from(`${shop.credentials.consumerKey}:${shop.credentials.consumerSecret}`).toString('base64')}` } }).then(
        () => 'answered',
        () => 'closed',
      );
      await new Promise((r) => setTimeout(r, 50));
      // A held request never answers: close() returning at all shows it does not wait for it.
      await x.close();
      expect(await pending).toBe('closed');
    }
  });

  it('records accepted stock sets as stock events with time', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 2 });
    const items = (await ctl(s, 'GET', `/shops/${shop.shopId}/items`)).body;
    const auth = `Basic ${Buffer.from(`${shop.credentials.consumerKey}:${shop.credentials.consumerSecret}`).toString('base64')}`;
    const t0 = Date.now();
    const r = await http(`${shop.apiBaseUrl}/wp-json/wc/v3/products/${items[0].itemId}`, { method: 'PUT', headers: { 'x-forwarded-proto': 'https', authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ manage_stock: true, stock_quantity: 77 }) });
    expect(r.status).toBe(200);
    const ev = await ctl(s, 'GET', `/shops/${shop.shopId}/stock-events?since=${t0 - 1}`);
    expect(ev.body).toHaveLength(1);
    expect(ev.body[0]).toMatchObject({ itemId: items[0].itemId, variantId: items[0].itemId, sellerSku: items[0].variants[0].sellerSku, stock: 77 });
    expect(ev.body[0].at).toBeGreaterThanOrEqual(t0);
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/stock-events?since=${Date.now() + 1000}`)).body).toEqual([]);
  });
});

describe('orders control API', () => {
  it('places an order that lowers the platform stock, refuses one the stock cannot cover, and moves it through statuses', async () => {
    const { startSimulator } = await import('./server');
    const s = await startSimulator({ port: 0 });
    try {
      const post = (path: string, body: unknown) => fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const shop = await (await post('/__sim/shops', { platform: 'shopee', items: 1, seed: 2 })).json();
      const items = await (await fetch(`${s.url}/__sim/shops/${shop.shopId}/items`)).json();
      const { sellerSku, stock } = items[0].variants[0];
      const placed = await post(`/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku, quantity: 2 }] });
      expect(placed.status).toBe(201);
      const { orderId } = await placed.json();
      const stockNow = async () => (await (await fetch(`${s.url}/__sim/shops/${shop.shopId}/items`)).json())[0].variants[0].stock;
      expect(await stockNow()).toBe(stock - 2);
      const refused = await post(`/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku, quantity: stock }] });
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toBe('out_of_stock');
      expect((await post(`/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku, quantity: 0 }] })).status).toBe(400);
      expect((await post(`/__sim/shops/${shop.shopId}/orders/${orderId}/status`, { status: 'returned' })).status).toBe(409);
      expect((await post(`/__sim/shops/${shop.shopId}/orders/${orderId}/status`, { status: 'cancelled' })).status).toBe(200);
      expect(await stockNow()).toBe(stock);
      const list = await (await fetch(`${s.url}/__sim/shops/${shop.shopId}/orders`)).json();
      expect(list).toMatchObject([{ orderId, status: 'cancelled', lines: [{ sellerSku, quantity: 2 }] }]);
      const stats = await (await fetch(`${s.url}/__sim/stats?shopId=${shop.shopId}`)).json();
      expect(stats).toMatchObject({ ordersPlaced: 1, ordersRefused: 1 });
    } finally {
      await s.close();
    }
  });
});
