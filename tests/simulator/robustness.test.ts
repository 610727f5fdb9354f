import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, lazadaParams, newShop, shopeePost, shopeeUrl, sim, tiktokUrl } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

describe('malformed input never crashes the simulator', () => {
  it('answers platform-shaped errors for garbage', async () => {
    const sp = await newShop(s, { platform: 'shopee', items: 2 });
    const lz = await newShop(s, { platform: 'lazada', items: 2 });
    const tt = await newShop(s, { platform: 'tiktok', items: 2 });
    const sf = await newShop(s, { platform: 'shopify', items: 2 });
    const wc = await newShop(s, { platform: 'woocommerce', items: 2 });
    const responses: any[] = [];
    const push = async (p: Promise<any>): Promise<void> => void responses.push(await p);
    await push(shopeePost(shopeeUrl(`${s.url}/shopee`, '/api/v2/product/update_stock', sp.credentials), '[1,2,3]'));
    await push(http(shopeeUrl(`${s.url}/shopee`, '/api/v2/product/update_stock', sp.credentials), { method: 'POST', body: '{"item_id":' }));
    await push(shopeePost(shopeeUrl(`${s.url}/shopee`, '/api/v2/product/update_stock', sp.credentials), { item_id: 1e300, stock_list: [{ model_id: 'x' }] }));
    await push(http(`${s.url}/shopee/api/v2/product/get_item_list?partner_id=abc&timestamp=-1&sign=%%`));
    const lq = lazadaParams('/product/price_quantity/update', lz.credentials.appKey, lz.credentials.appSecret, { access_token: lz.credentials.accessToken, payload: '<Request><Product><Skus><Sku><Quantity>-5</Quantity></Sku></Skus>' });
    await push(http(`${lz.apiBaseUrl}/product/price_quantity/update`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: lq.toString() }));
    const lq2 = lazadaParams('/product/price_quantity/update', lz.credentials.appKey, lz.credentials.appSecret, { access_token: lz.credentials.accessToken, payload: '<Request><Product><Skus><Sku><SkuId>1</SkuId><Quantity>abc</Quantity></Sku></Skus></Product></Request>' });
    await push(http(`${lz.apiBaseUrl}/product/price_quantity/update?${lq2}`, { method: 'POST' }));
    await push(http(`${lz.apiBaseUrl}/no/such/api`));
    const tu = tiktokUrl(tt.apiBaseUrl, '/product/202309/products/search', tt.credentials.appKey, tt.credentials.appSecret, { shop_cipher: tt.credentials.shopCipher, page_size: '5' }, 'not json');
    await push(http(tu, { method: 'POST', headers: { 'x-tts-access-token': tt.credentials.accessToken, 'content-type': 'application/json' }, body: 'not json' }));
    const tu2 = tiktokUrl(tt.apiBaseUrl, '/product/202309/products/search', tt.credentials.appKey, tt.credentials.appSecret, { shop_cipher: tt.credentials.shopCipher, page_size: '5', page_token: 'garbage' }, '{}');
    await push(http(tu2, { method: 'POST', headers: { 'x-tts-access-token': tt.credentials.accessToken, 'content-type': 'application/json' }, body: '{}' }));
    const g = (body: string): Promise<any> => http(`${sf.apiBaseUrl}/admin/api/2025-10/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': sf.credentials.accessToken }, body });
    await push(g('{"query": 5}'));
    await push(g('{"query": "mutation { inventorySetQuantities(input: 5) { userErrors { message } } }"}'));
    await push(g('{"query": "query($a: Int!) { products(first: $a) { nodes { id } } }", "variables": {"a": "ten"}}'));
    await push(g('{"query": "{ products(first: 1, after: \\"zzz\\") { nodes { id } } }"}'));
    await push(g('{"query": "{ a: shop { name } ...F }"}'));
    await push(g('not json'));
    const wh = { 'x-forwarded-proto': 'https', authorization: `Basic ${Buffer.from(`${wc.credentials.consumerKey}:${wc.credentials.consumerSecret}`).toString('base64')}`, 'content-type': 'application/json' };
    await push(http(`${wc.apiBaseUrl}/wp-json/wc/v3/products/batch`, { method: 'POST', headers: wh, body: '{"update": "x"}' }));
    await push(http(`${wc.apiBaseUrl}/wp-json/wc/v3/products/batch`, { method: 'POST', headers: wh, body: '{"update": [null, 5, {"id": "abc", "stock_quantity": "many"}]}' }));
    await push(http(`${wc.apiBaseUrl}/wp-json/wc/v3/products?per_page=abc&modified_after=never`, { headers: wh }));
    await push(http(`${wc.apiBaseUrl}/wp-json/wc/v3/products`, { method: 'POST', headers: wh, body: '[' }));
    await push(http(`${s.url}/shopify/%E0%A4%A/admin/api/2025-10/graphql.json`, { method: 'POST' }));
    await push(http(`${s.url}/__sim/auth/approve`, { method: 'POST', body: 'flow=nope&shop_id=1' }));
    for (const [i, r] of responses.entries()) {
      if (r.status >= 500) console.log(i, r.status, r.text);
      expect(r.status).toBeLessThan(500);
      expect(JSON.stringify(r.body)).not.toContain('sim_internal_error');
    }
    expect((await ctl(s, 'GET', '/shops')).status).toBe(200);
  });

  it('latencyMs delays answers of the matched shop only', async () => {
    const a = await newShop(s, { platform: 'woocommerce', items: 1 });
    const b = await newShop(s, { platform: 'woocommerce', items: 1 });
    await ctl(s, 'POST', '/faults', { shopId: a.shopId, latencyMs: 3000 });
    const get = (sh: any) => http(`${sh.apiBaseUrl}/wp-json/wc/v3/products`, { headers: { 'x-forwarded-proto': 'https', authorization: `Basic ${Buffer.from(`${sh.credentials.consumerKey}:${sh.credentials.consumerSecret}`).toString('base64')}` } });
    // No upper bound on a time (a busy machine is slow): the other shop answers while the delayed
    // one is still held, and the delayed one takes at least its latency (a lower bound holds under load).
    const t = Date.now();
    let aAnswered = false;
    const slow = get(a).then(() => {
      aAnswered = true;
      return Date.now() - t;
    });
    await get(b);
    expect(aAnswered).toBe(false);
    expect(await slow).toBeGreaterThanOrEqual(2990);
    await ctl(s, 'POST', '/faults', {});
  });

  it('timeoutRate holds the request (client gives up first)', async () => {
    const a = await newShop(s, { platform: 'woocommerce', items: 1 });
    await ctl(s, 'POST', '/faults', { shopId: a.shopId, timeoutRate: 1 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await fetch(`${a.apiBaseUrl}/wp-json/wc/v3/products`, { signal: ac.signal, headers: { 'x-forwarded-proto': 'https', authorization: `Basic ${Buffer.from(`${a.credentials.consumerKey}:${a.credentials.consumerSecret}`).toString('base64')}` } }).then(
      () => 'answered',
      () => 'aborted',
    );
    expect(r).toBe('aborted');
    await ctl(s, 'POST', '/faults', {});
  });
});
