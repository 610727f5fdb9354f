import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { approve, ctl, http, newShop, nowS, sim, tiktokUrl } from './helpers.ts';
import { tiktokParts } from './catalog-fixtures.ts';

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
  c: { appKey: string; appSecret: string; accessToken: string; refreshToken: string; shopCipher: string };
}
async function shop(opts: Record<string, unknown> = {}): Promise<Shop> {
  const sh = await newShop(s, { platform: 'tiktok', items: 30, ...opts });
  return { shopId: sh.shopId, api: sh.apiBaseUrl, c: sh.credentials };
}
function call(sh: Shop, method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: unknown, opts: { ts?: number; mutate?: boolean; token?: string; noCipher?: boolean } = {}): Promise<any> {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const q = opts.noCipher ? query : { shop_cipher: sh.c.shopCipher, ...query };
  const url = tiktokUrl(sh.api, path, sh.c.appKey, sh.c.appSecret, q, raw, opts);
  return http(url, { method, headers: { 'x-tts-access-token': opts.token ?? sh.c.accessToken, 'content-type': 'application/json' }, body: method === 'POST' ? raw : undefined });
}
const SEARCH = '/product/202309/products/search';

describe('tiktok signing', () => {
  it('signs path + sorted query + body; refuses a changed character with 106001', async () => {
    const sh = await shop();
    const ok = await call(sh, 'POST', SEARCH, { page_size: '10' }, { status: 'ACTIVATE' });
    expect(ok.body).toMatchObject({ code: 0, message: 'Success' });
    expect(ok.body.data.products.length).toBeGreaterThan(0);
    const bad = await call(sh, 'POST', SEARCH, { page_size: '10' }, { status: 'ACTIVATE' }, { mutate: true });
    expect(bad.body.code).toBe(106001);
    // body not covered by the signature → invalid
    const url = tiktokUrl(sh.api, SEARCH, sh.c.appKey, sh.c.appSecret, { shop_cipher: sh.c.shopCipher, page_size: '10' }, '');
    const r = await http(url, { method: 'POST', headers: { 'x-tts-access-token': sh.c.accessToken, 'content-type': 'application/json' }, body: '{"status":"ALL"}' });
    expect(r.body.code).toBe(106001);
  });

  it('timestamp window now−5 min .. now+30 s', async () => {
    const sh = await shop();
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { ts: nowS() - 301 })).body).toMatchObject({ code: 36009004, message: expect.stringContaining('5 minutes') });
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { ts: nowS() + 60 })).body).toMatchObject({ code: 36009004, message: expect.stringContaining('30 seconds') });
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { ts: nowS() + 20 })).body.code).toBe(0);
  });

  it('shop_cipher required on shop calls (106013), refused on /authorization/202309/shops', async () => {
    const sh = await shop();
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { noCipher: true })).body.code).toBe(106013);
    const shops = await call(sh, 'GET', '/authorization/202309/shops', {}, undefined, { noCipher: true });
    expect(shops.body.data.shops).toEqual([expect.objectContaining({ id: sh.shopId, cipher: sh.c.shopCipher })]);
    expect((await call(sh, 'GET', '/authorization/202309/shops', {})).body.code).toBe(36009004);
    expect((await call(sh, 'GET', '/product/202309/nothing', {})).status).toBe(404);
  });

  it('expired token → 105002; refresh works (new access token)', async () => {
    const sh = await shop();
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {})).body.code).toBe(105002);
    const q = new URLSearchParams({ app_key: sh.c.appKey, app_secret: sh.c.appSecret, refresh_token: sh.c.refreshToken, grant_type: 'refresh_token' });
    const r = await http(`${s.url}/tiktok/auth/api/v2/token/refresh?${q}`);
    expect(r.body.code).toBe(0);
    expect(r.body.data.access_token).not.toBe(sh.c.accessToken);
    expect(r.body.data.access_token_expire_in).toBeGreaterThan(nowS() + 6 * 86400);
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { token: r.body.data.access_token })).body.code).toBe(0);
    expect((await call(sh, 'POST', SEARCH, { page_size: '1' }, {}, { token: 'nope' })).body.code).toBe(36009004);
  });
});

describe('tiktok products', () => {
  it('search pages with page_token; page_size 1..100; next_page_token empty at the end', async () => {
    const sh = await shop({ items: 230 });
    expect((await call(sh, 'POST', SEARCH, { page_size: '101' }, {})).body.code).toBe(12019109);
    expect((await call(sh, 'POST', SEARCH, { page_size: '0' }, {})).body.code).toBe(12019109);
    const ids: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const r = await call(sh, 'POST', SEARCH, token ? { page_size: '100', page_token: token } : { page_size: '100' }, { status: 'ALL' });
      expect(r.body.code).toBe(0);
      ids.push(...r.body.data.products.map((p: any) => p.id));
      token = r.body.data.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(230);
    const all = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    await ctl(s, 'POST', '/clock', { advanceMs: 10_000 });
    await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${all[9].itemId}`, { title: 'changed' });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const inc = await call(sh, 'POST', SEARCH, { page_size: '100' }, { update_time_ge: nowS() + 5 });
    expect(inc.body.data.products.map((p: any) => p.id)).toEqual([all[9].itemId]);
    const one = await call(sh, 'GET', `/product/202309/products/${all[0].itemId}`, {});
    expect(one.body.data).toMatchObject({ id: all[0].itemId, skus: [expect.objectContaining({ seller_sku: all[0].variants[0].sellerSku })] });
  });

  it('inventory update: one product, ≤ 100 SKUs, partial failures in data.errors', async () => {
    const sh = await shop({ items: 2, variantsPerItem: 3 });
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    const p = items[0];
    const wh = (await call(sh, 'GET', '/logistics/202309/warehouses', {})).body.data.warehouses[0].id;
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rejectSkus: [p.variants[2].sellerSku] });
    const path = `/product/202309/products/${p.itemId}/inventory/update`;
    const r = await call(sh, 'POST', path, {}, {
      skus: [
        { id: p.variants[0].variantId, inventory: [{ warehouse_id: wh, quantity: 31 }] },
        { id: items[1].variants[0].variantId, inventory: [{ warehouse_id: wh, quantity: 32 }] },
        { id: p.variants[2].variantId, inventory: [{ warehouse_id: wh, quantity: 33 }] },
        { id: p.variants[1].variantId, inventory: [{ warehouse_id: '999', quantity: 34 }] },
      ],
    });
    expect(r.body.code).toBe(0);
    expect(r.body.data.errors.map((e: any) => e.detail.sku_id)).toEqual([items[1].variants[0].variantId, p.variants[2].variantId, p.variants[1].variantId]);
    const after = (await ctl(s, 'GET', `/shops/${sh.shopId}/items/${p.itemId}`)).body;
    expect(after.variants.map((v: any) => v.stock)).toEqual([31, p.variants[1].stock, p.variants[2].stock]);
    const tooMany = await call(sh, 'POST', path, {}, { skus: Array.from({ length: 101 }, () => ({ id: p.variants[0].variantId, inventory: [{ warehouse_id: wh, quantity: 1 }] })) });
    expect(tooMany.body.code).toBe(12019015);
    expect((await call(sh, 'POST', `/product/202309/products/1/inventory/update`, {}, { skus: [{ id: '1', inventory: [] }] })).body.code).toBe(12052032);
  });

  it('prices update per SKU', async () => {
    const sh = await shop({ items: 1, variantsPerItem: 2 });
    const p = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body[0];
    const r = await call(sh, 'POST', `/product/202309/products/${p.itemId}/prices/update`, {}, { skus: [{ id: p.variants[0].variantId, price: { amount: '12.34', currency: 'USD' } }, { id: p.variants[1].variantId, price: { amount: '1', currency: 'EUR' } }] });
    expect(r.body.code).toBe(0);
    expect(r.body.data.errors).toEqual([expect.objectContaining({ code: 12052084, detail: { sku_id: p.variants[1].variantId } })]);
    expect((await ctl(s, 'GET', `/shops/${sh.shopId}/items/${p.itemId}`)).body.variants[0].price).toBe(12.34);
  });

  it('rate limit per API per app+shop → HTTP 429 / 36009002', async () => {
    const sh = await shop({ items: 1 });
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 3 });
    const rs = await Promise.all(Array.from({ length: 6 }, () => call(sh, 'POST', SEARCH, { page_size: '1' }, {})));
    const limited = rs.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0].body.code).toBe(36009002);
    // another API has its own bucket
    expect((await call(sh, 'GET', '/authorization/202309/shops', {}, undefined, { noCipher: true })).body.code).toBe(0);
  });

  it('creates a product; errorRate answers 36009003', async () => {
    const sh = await shop({ items: 0 });
    const wh = (await call(sh, 'GET', '/logistics/202309/warehouses', {})).body.data.warehouses[0].id;
    const body = { title: 'Lamp', description: 'A lamp', ...tiktokParts(['Desk Lamps']), main_images: [{ uri: 'sim-lamp' }], package_weight: { value: '1', unit: 'KILOGRAM' }, skus: [{ seller_sku: 'LAMP-1', price: { amount: '19.90', currency: 'USD' }, inventory: [{ warehouse_id: wh, quantity: 5 }] }] };
    const r = await call(sh, 'POST', '/product/202309/products', {}, body);
    expect(r.body.code).toBe(0);
    expect(r.body.data.skus[0].seller_sku).toBe('LAMP-1');
    expect((await call(sh, 'POST', '/product/202309/products', {}, { ...body, main_images: Array(10).fill({ uri: 'x' }) })).body.code).toBe(12019009);
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, errorRate: 1 });
    const e = await call(sh, 'POST', SEARCH, { page_size: '1' }, {});
    expect(e.status).toBe(500);
    expect(e.body.code).toBe(36009003);
  });
});

describe('tiktok authorization', () => {
  it('authorize page (service_id) → code → token/get → shops cipher', async () => {
    const target = await shop({ items: 3 });
    const app = (await ctl(s, 'POST', '/apps', { platform: 'tiktok', redirectUri: 'https://abc.chromiumapp.org/tiktok' })).body;
    const { location } = await approve(`${s.url}/tiktok/services/open/authorize?service_id=${app.appKey}&state=s1`, target.shopId);
    const back = new URL(location);
    expect(back.origin + back.pathname).toBe('https://abc.chromiumapp.org/tiktok');
    expect(back.searchParams.get('state')).toBe('s1');
    const q = new URLSearchParams({ app_key: app.appKey, app_secret: app.appSecret, auth_code: back.searchParams.get('code')!, grant_type: 'authorized_code' });
    const tok = await http(`${s.url}/tiktok/auth/api/v2/token/get?${q}`);
    expect(tok.body.code).toBe(0);
    expect((await http(`${s.url}/tiktok/auth/api/v2/token/get?${q}`)).body.code).toBe(36004004);
    const sh: Shop = { shopId: target.shopId, api: target.api, c: { appKey: app.appKey, appSecret: app.appSecret, accessToken: tok.body.data.access_token, refreshToken: tok.body.data.refresh_token, shopCipher: '' } };
    const shops = await call(sh, 'GET', '/authorization/202309/shops', {}, undefined, { noCipher: true });
    sh.c.shopCipher = shops.body.data.shops[0].cipher;
    expect((await call(sh, 'POST', SEARCH, { page_size: '10' }, {})).body.data.total_count).toBe(3);
    // explicit redirect_uri when the app has none registered
    const app2 = (await ctl(s, 'POST', '/apps', { platform: 'tiktok' })).body;
    expect((await http(`${s.url}/tiktok/services/open/authorize?service_id=${app2.appKey}&state=x`)).status).toBe(400);
    const r2 = await approve(`${s.url}/tiktok/services/open/authorize?service_id=${app2.appKey}&state=x&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}`);
    expect(r2.location.startsWith('http://127.0.0.1:9/cb?')).toBe(true);
  });
});
