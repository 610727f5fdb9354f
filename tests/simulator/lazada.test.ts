import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Simulator } from './server.ts';
import { approve, ctl, http, lazadaParams, newShop, sim } from './helpers.ts';
import { lazadaParts } from './catalog-fixtures.ts';

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
  auth: string;
  c: { appKey: string; appSecret: string; accessToken: string; refreshToken: string };
}
async function shop(opts: Record<string, unknown> = {}): Promise<Shop> {
  const sh = await newShop(s, { platform: 'lazada', items: 30, ...opts });
  return { shopId: sh.shopId, api: sh.apiBaseUrl, auth: sh.authBaseUrl, c: sh.credentials };
}
function get(sh: Shop, path: string, params: Record<string, string>, opts: Parameters<typeof lazadaParams>[4] = {}): Promise<any> {
  const q = lazadaParams(path, sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, ...params }, opts);
  return http(`${sh.api}${path}?${q}`);
}
function post(sh: Shop, path: string, params: Record<string, string>): Promise<any> {
  const q = lazadaParams(path, sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, ...params });
  return http(`${sh.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: q.toString() });
}
const xml = (skus: string[]): string => `<Request><Product><Skus>${skus.join('')}</Skus></Product></Request>`;

describe('lazada signing', () => {
  it('signs query GETs and form POSTs; refuses lowercase hex, a changed char, an old timestamp', async () => {
    const sh = await shop();
    const ok = await get(sh, '/products/get', { filter: 'all', limit: '5' });
    expect(ok.body.code).toBe('0');
    expect(ok.body.data.products).toHaveLength(5);
    expect((await post(sh, '/products/get', { filter: 'all', limit: '5' })).body.code).toBe('0');
    // multipart/form-data bodies (FormData) count for the signature too
    const fd = new FormData();
    for (const [k, v] of lazadaParams('/products/get', sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, filter: 'all', limit: '3' })) fd.append(k, v);
    const mp = await http(`${sh.api}/products/get`, { method: 'POST', body: fd });
    expect(mp.body.data.products).toHaveLength(3);
    expect((await get(sh, '/products/get', { filter: 'all' }, { lower: true })).body.code).toBe('IncompleteSignature');
    expect((await get(sh, '/products/get', { filter: 'all' }, { mutate: true })).body.code).toBe('IncompleteSignature');
    expect((await get(sh, '/products/get', { filter: 'all' }, { ts: Date.now() - 7201_000 })).body.code).toBe('InvalidTimestamp');
    expect((await get(sh, '/products/get', { filter: 'all' }, { ts: Math.floor(Date.now() / 1000) })).body.code).toBe('InvalidTimestamp');
    // a form parameter that was not signed breaks the signature
    const q = lazadaParams('/products/get', sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, filter: 'all' });
    const r = await http(`${sh.api}/products/get?${q}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'limit=5' });
    expect(r.body.code).toBe('IncompleteSignature');
    const noTok = await http(`${sh.api}/products/get?${lazadaParams('/products/get', sh.c.appKey, sh.c.appSecret, { filter: 'all' })}`);
    expect(noTok.body.code).toBe('MissingParameter');
  });

  it('expired token → IllegalAccessToken; refresh gives a new access token', async () => {
    const sh = await shop();
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await get(sh, '/products/get', { filter: 'all' })).body.code).toBe('IllegalAccessToken');
    const path = '/auth/token/refresh';
    const r = await http(`${sh.auth}/rest${path}?${lazadaParams(path, sh.c.appKey, sh.c.appSecret, { refresh_token: sh.c.refreshToken })}`);
    expect(r.body.code).toBe('0');
    expect(r.body.access_token).not.toBe(sh.c.accessToken);
    expect(r.body.refresh_token).toBe(sh.c.refreshToken);
    expect(r.body.country_user_info[0].seller_id).toBe(sh.shopId);
    const sh2 = { ...sh, c: { ...sh.c, accessToken: r.body.access_token } };
    expect((await get(sh2, '/products/get', { filter: 'all' })).body.code).toBe('0');
    const bad = await http(`${sh.auth}/rest${path}?${lazadaParams(path, sh.c.appKey, sh.c.appSecret, { refresh_token: 'nope' })}`);
    expect(bad.body.code).toBe('IllegalRefreshToken');
  });
});

describe('lazada products', () => {
  it('limit ≤ 50, offset ≤ 10000, filters and update_after (ISO 8601)', async () => {
    const sh = await shop({ items: 120, variantsPerItem: 2 });
    const r = await get(sh, '/products/get', { filter: 'all', limit: '50', offset: '100' });
    expect(r.body.data.total_products).toBeGreaterThan(100);
    expect(r.body.data.products[0].skus[0]).toMatchObject({ SellerSku: expect.stringMatching(/^SKU-/), multiWarehouseInventories: [expect.objectContaining({ warehouseCode: 'dropshipping' })] });
    expect((await get(sh, '/products/get', { filter: 'all', limit: '51' })).body).toMatchObject({ code: '19', message: 'E019: "51" Invalid Limit' });
    expect((await get(sh, '/products/get', { filter: 'all', offset: '10001' })).body.code).toBe('14');
    expect((await get(sh, '/products/get', { filter: 'bogus' })).body.code).toBe('36');
    expect((await get(sh, '/products/get', { filter: 'all', update_after: 'yesterday' })).body.code).toBe('17');
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    const after = new Date(Date.now() + 5000).toISOString().replace(/\.\d+Z$/, '+0000');
    await ctl(s, 'POST', '/clock', { advanceMs: 10_000 });
    await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${items[7].itemId}`, { title: 'new title' });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const inc = await get(sh, '/products/get', { filter: 'all', update_after: after });
    expect(inc.body.data.products.map((p: any) => String(p.item_id))).toEqual([items[7].itemId]);
    const bySku = await get(sh, '/products/get', { filter: 'all', sku_seller_list: JSON.stringify([items[3].variants[1].sellerSku]) });
    expect(bySku.body.data.products.map((p: any) => String(p.item_id))).toEqual([items[3].itemId]);
    const one = await get(sh, '/product/item/get', { item_id: items[0].itemId });
    expect(one.body.data.skus).toHaveLength(2);
    expect((await get(sh, '/product/item/get', { item_id: '1' })).body.code).toBe('208');
  });

  it('price_quantity/update: XML, ≤ 50 SKUs across items, absolute, per-SKU failures in detail', async () => {
    const sh = await shop({ items: 30, variantsPerItem: 2 });
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    const all = items.flatMap((it: any) => it.variants.map((v: any) => ({ it, v })));
    const skuXml = ({ it, v }: any, q: number): string => `<Sku><ItemId>${it.itemId}</ItemId><SkuId>${v.variantId}</SkuId><SellerSku>${v.sellerSku}</SellerSku><Quantity>${q}</Quantity></Sku>`;
    const tooMany = await post(sh, '/product/price_quantity/update', { payload: xml(all.slice(0, 51).map((x: any) => skuXml(x, 1))) });
    expect(tooMany.body).toMatchObject({ code: '204', message: 'E204: Too many SKU in one request' });
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rejectSkus: [all[1].v.sellerSku] });
    const batch = all.slice(0, 50);
    const payload = xml(batch.map((x: any, i: number) => skuXml(x, 100 + i)));
    const r = await post(sh, '/product/price_quantity/update', { payload });
    expect(r.body.code).toBe('501');
    expect(r.body.detail).toEqual([expect.objectContaining({ seller_sku: all[1].v.sellerSku, sku_id: all[1].v.variantId })]);
    const after = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body.flatMap((it: any) => it.variants);
    expect(after[0].stock).toBe(100);
    expect(after[1].stock).toBe(all[1].v.stock);
    expect(after[49].stock).toBe(149);
    const st = (await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body;
    expect(st).toMatchObject({ stockUpdateCalls: 1, stockUpdateEntries: 50 }); // the refused 51-SKU call is not a stock update
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId });
    const bySeller = await post(sh, '/product/price_quantity/update', { payload: xml([`<Sku><SellerSku>${all[2].v.sellerSku}</SellerSku><Quantity>7</Quantity></Sku>`, '<Sku><SellerSku>NOPE</SellerSku><Quantity>1</Quantity></Sku>']) });
    expect(bySeller.body.detail).toEqual([expect.objectContaining({ seller_sku: 'NOPE', message: 'SELLER_SKU_NOT_FOUND' })]);
    const ok = await post(sh, '/product/price_quantity/update', { payload: xml([`<Sku><ItemId>${all[2].it.itemId}</ItemId><SkuId>${all[2].v.variantId}</SkuId><MultiWarehouseInventories><MultiWarehouseInventory><WarehouseCode>dropshipping</WarehouseCode><Quantity>9</Quantity></MultiWarehouseInventory></MultiWarehouseInventories></Sku>`]) });
    expect(ok.body).toMatchObject({ code: '0' });
    expect((await post(sh, '/product/price_quantity/update', { payload: '<Request><Product>' })).body.code).toBe('5');
  });

  it('inventory APIs: 50 calls/s per seller → ApiCallLimit, banned for 1 s', async () => {
    const sh = await shop({ items: 1 });
    const it = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body[0];
    const payload = xml([`<Sku><SkuId>${it.variants[0].variantId}</SkuId><Quantity>3</Quantity></Sku>`]);
    // The simulator runs in this process and its rate limits read Date.now(): with the clock
    // stopped, all 150 calls fall in the same instant however slow the machine, and the ban's
    // second is stepped over instead of slept through.
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const rs = await Promise.all(Array.from({ length: 150 }, () => post(sh, '/product/price_quantity/update', { payload })));
      const codes = rs.map((r) => r.body.code);
      expect([codes.filter((c) => c === '0').length, codes.filter((c) => c === 'ApiCallLimit').length]).toEqual([50, 100]);
      expect(rs.find((r) => r.body.code === 'ApiCallLimit')!.body.message).toContain('this ban will last 1 seconds');
      // reads are not inventory APIs
      expect((await get(sh, '/products/get', { filter: 'all' })).body.code).toBe('0');
      // Banned for the whole second (the bucket has refilled by then, the ban still refuses)…
      vi.setSystemTime(start + 999);
      expect((await post(sh, '/product/price_quantity/update', { payload })).body.code).toBe('ApiCallLimit');
      // …and not after it.
      vi.setSystemTime(start + 1001);
      expect((await post(sh, '/product/price_quantity/update', { payload })).body.code).toBe('0');
    } finally {
      vi.useRealTimers();
    }
  });

  it('product/create with a JSON payload', async () => {
    const sh = await shop({ items: 0 });
    const parts = lazadaParts();
    const payload = JSON.stringify({ Request: { Product: { PrimaryCategory: parts.PrimaryCategory, Images: { Image: [`${s.url}/media/lazada/p/sim-mug.jpg`] }, Attributes: { name: 'Mug', description: 'A mug', ...parts.attributes }, Skus: { Sku: [{ SellerSku: 'MUG-1', quantity: 5, price: 9.9, ...parts.sku }] } } } });
    const r = await post(sh, '/product/create', { payload });
    expect(r.body.code).toBe('0');
    expect(r.body.data.sku_list[0]).toMatchObject({ seller_sku: 'MUG-1' });
    const dup = await post(sh, '/product/create', { payload });
    expect(dup.body.code).toBe('4105');
    const nine = JSON.stringify({ Request: { Product: { PrimaryCategory: '1', Images: { Image: Array(9).fill('https://x/1.jpg') }, Attributes: { name: 'n' }, Skus: { Sku: [{ SellerSku: 'Z', quantity: 1, price: 1 }] } } } });
    expect((await post(sh, '/product/create', { payload: nine })).body.code).toBe('4169');
  });
});

describe('lazada authorization', () => {
  it('authorize page → approve → code → token/create (code single use)', async () => {
    const target = await shop({ items: 2 });
    const app = (await ctl(s, 'POST', '/apps', { platform: 'lazada', redirectUri: 'https://abc.chromiumapp.org/lazada' })).body;
    const authBase = `${s.url}/lazada/auth`;
    const mismatch = await http(`${authBase}/oauth/authorize?response_type=code&force_auth=true&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&client_id=${app.appKey}`);
    expect(mismatch.status).toBe(400);
    const url = `${authBase}/oauth/authorize?response_type=code&force_auth=true&redirect_uri=${encodeURIComponent(app.redirectUri)}&client_id=${app.appKey}&state=xyz`;
    const { location } = await approve(url, target.shopId);
    const back = new URL(location);
    expect(back.searchParams.get('state')).toBe('xyz');
    const code = back.searchParams.get('code')!;
    const path = '/auth/token/create';
    const tok = await http(`${authBase}/rest${path}?${lazadaParams(path, app.appKey, app.appSecret, { code })}`);
    expect(tok.body).toMatchObject({ code: '0', country_user_info: [expect.objectContaining({ seller_id: target.shopId })] });
    const again = await http(`${authBase}/rest${path}?${lazadaParams(path, app.appKey, app.appSecret, { code })}`);
    expect(again.body.code).toBe('InvalidCode');
    const sh2: Shop = { ...target, c: { appKey: app.appKey, appSecret: app.appSecret, accessToken: tok.body.access_token, refreshToken: tok.body.refresh_token } };
    expect((await get(sh2, '/products/get', { filter: 'all' })).body.data.total_products).toBe(2);
  });
});
