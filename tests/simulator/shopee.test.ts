import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { type ShopeeCreds, approve, ctl, http, newShop, nowS, shopeePost, shopeeUrl, sim } from './helpers.ts';
import { shopeeParts } from './catalog-fixtures.ts';

let s: Simulator;
let base: string;
beforeAll(async () => {
  s = await sim();
  base = `${s.url}/shopee`;
});
afterAll(async () => {
  await s.close();
});
const ALL = ['NORMAL', 'UNLIST'];
async function shop(opts: Record<string, unknown> = {}): Promise<{ shopId: string; c: ShopeeCreds }> {
  const sh = await newShop(s, { platform: 'shopee', items: 30, ...opts });
  // lift the default 10 calls/s for functional tests
  await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 1000 });
  return { shopId: sh.shopId, c: sh.credentials };
}

describe('shopee signing and auth', () => {
  it('accepts a correct shop-call signature; refuses one off by one character', async () => {
    const { c } = await shop();
    const ok = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '10', item_status: ALL }));
    expect(ok.status).toBe(200);
    expect(ok.body.error).toBe('');
    expect(ok.body.response.item).toHaveLength(10);
    const bad = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '10', item_status: ALL }, { mutateSign: true }));
    expect(bad.status).toBe(403);
    expect(bad.body).toMatchObject({ error: 'error_sign', message: 'Wrong sign.' });
    // signing over the wrong path (with the /shopee prefix) is wrong too
    const wrongPath = new URL(shopeeUrl(base, '/shopee/api/v2/product/get_item_list', c, { offset: '0', page_size: '1', item_status: 'NORMAL' }));
    const r = await http(`${base}/api/v2/product/get_item_list${wrongPath.search}`);
    expect(r.body.error).toBe('error_sign');
  });

  it('refuses a timestamp outside 5 minutes and missing common parameters', async () => {
    const { c } = await shop();
    const old = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '10', item_status: 'NORMAL' }, { ts: nowS() - 301 }));
    expect(old.body).toMatchObject({ error: 'error_param', message: 'Timestamp is expired.' });
    const r = await http(`${base}/api/v2/product/get_item_list?timestamp=${nowS()}`);
    expect(r.body).toMatchObject({ error: 'error_param', message: 'There is no partner_id in query.' });
    const noTok = new URL(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '1', item_status: 'NORMAL' }));
    noTok.searchParams.delete('access_token');
    expect((await http(noTok.toString())).body.message).toBe('There is no access_token in query.');
  });

  it('expired token → error_auth; refresh gives new pair; a refresh token works once', async () => {
    const { shopId, c } = await shop();
    await ctl(s, 'POST', '/faults', { shopId, expireTokens: true, rateLimitPerSecond: 1000 });
    const r = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '1', item_status: 'NORMAL' }));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: 'error_auth', message: 'Invalid access_token.' });
    const body = { refresh_token: c.refreshToken, partner_id: Number(c.partnerId), shop_id: Number(shopId) };
    const ref = await shopeePost(shopeeUrl(base, '/api/v2/auth/access_token/get', c, {}, { shop: false }), body);
    expect(ref.body.error).toBe('');
    expect(ref.body.expire_in).toBe(14400);
    expect(ref.body.access_token).not.toBe(c.accessToken);
    expect(ref.body.refresh_token).not.toBe(c.refreshToken);
    const again = await shopeePost(shopeeUrl(base, '/api/v2/auth/access_token/get', c, {}, { shop: false }), body);
    expect(again.body.error).toBe('error_auth');
    const c2 = { ...c, accessToken: ref.body.access_token, refreshToken: ref.body.refresh_token };
    expect((await http(shopeeUrl(base, '/api/v2/product/get_item_list', c2, { offset: '0', page_size: '1', item_status: 'NORMAL' }))).body.error).toBe('');
    // string ids in the body are refused (Shopee expects integers)
    const str = await shopeePost(shopeeUrl(base, '/api/v2/auth/access_token/get', c2, {}, { shop: false }), { ...body, refresh_token: c2.refreshToken, shop_id: shopId });
    expect(str.body.error).toBe('error_param');
  });

  it('access token lives 4 hours', async () => {
    const s2 = await sim();
    const sh = await newShop(s2, { platform: 'shopee', items: 1 });
    await ctl(s2, 'POST', '/clock', { advanceMs: 4 * 3600_000 + 1000 });
    const ts = Math.floor((Date.now() + 4 * 3600_000 + 1000) / 1000);
    const r = await http(shopeeUrl(`${s2.url}/shopee`, '/api/v2/product/get_item_list', sh.credentials, { offset: '0', page_size: '1', item_status: 'NORMAL' }, { ts }));
    expect(r.body.error).toBe('error_auth');
    await s2.close();
  });
});

describe('shopee listing', () => {
  it('pages with offset/page_size ≤ 100, has_next_page, next_offset, total_count', async () => {
    const { c } = await shop({ items: 250 });
    const seen: number[] = [];
    let offset = 0;
    for (;;) {
      const r = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: String(offset), page_size: '100', item_status: ['NORMAL', 'UNLIST', 'BANNED'] }));
      expect(r.body.error).toBe('');
      seen.push(...r.body.response.item.map((i: any) => i.item_id));
      expect(r.body.response.total_count).toBe(250);
      if (!r.body.response.has_next_page) break;
      offset = r.body.response.next_offset;
    }
    expect(new Set(seen).size).toBe(250);
    const big = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '101', item_status: 'NORMAL' }));
    expect(big.status).toBe(400);
    expect(big.body.error).toBe('error_param');
    const noOffset = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { page_size: '10', item_status: 'NORMAL' }));
    expect(noOffset.body.error).toBe('error_param');
    const noStatus = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '10' }));
    expect(noStatus.body.error).toBe('error_param');
    const comma = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '10', item_status: 'NORMAL,UNLIST' }));
    expect(comma.body.error).toBe('error_param');
  });

  it('filters by item_status and update_time_from/to', async () => {
    const { shopId, c } = await shop({ items: 40 });
    const items = (await ctl(s, 'GET', `/shops/${shopId}/items`)).body;
    const t0 = nowS();
    await ctl(s, 'POST', '/clock', { advanceMs: 10_000 }); // the shop's clock moves on 10 s
    await ctl(s, 'PATCH', `/shops/${shopId}/items/${items[3].itemId}`, { title: 'changed' });
    await ctl(s, 'PATCH', `/shops/${shopId}/items/${items[5].itemId}`, { status: 'UNLIST' });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const r = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '100', item_status: ALL, update_time_from: String(t0 + 5), update_time_to: String(t0 + 20) }));
    expect(r.body.response.item.map((i: any) => String(i.item_id)).sort()).toEqual([items[3].itemId, items[5].itemId].sort());
    const unlisted = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '100', item_status: 'UNLIST' }));
    expect(unlisted.body.response.item.every((i: any) => i.item_status === 'UNLIST')).toBe(true);
    expect(unlisted.body.response.item.map((i: any) => String(i.item_id))).toContain(items[5].itemId);
  });

  it('get_item_base_info ≤ 50 ids; models via get_model_list; search_item by SKU', async () => {
    const { shopId, c } = await shop({ items: 60, variantsPerItem: 3 });
    const items = (await ctl(s, 'GET', `/shops/${shopId}/items`)).body;
    const ids = items.slice(0, 50).map((i: any) => i.itemId).join(',');
    const r = await http(shopeeUrl(base, '/api/v2/product/get_item_base_info', c, { item_id_list: ids }));
    expect(r.body.response.item_list).toHaveLength(50);
    const first = r.body.response.item_list[0];
    expect(first).toMatchObject({ item_id: Number(items[0].itemId), has_model: true, item_name: items[0].title });
    expect(first.price_info).toBeUndefined();
    const tooMany = await http(shopeeUrl(base, '/api/v2/product/get_item_base_info', c, { item_id_list: items.slice(0, 51).map((i: any) => i.itemId).join(',') }));
    expect(tooMany.body.error).toBe('error_param');
    // A repeated parameter is refused, never answered for its first value only.
    const repeated = await http(`${shopeeUrl(base, '/api/v2/product/get_item_base_info', c, { item_id_list: String(items[0].itemId) })}&item_id_list=${items[1].itemId}`);
    expect([repeated.body.error, repeated.body.response]).toEqual(['error_param', undefined]);
    const m = await http(shopeeUrl(base, '/api/v2/product/get_model_list', c, { item_id: items[0].itemId }));
    expect(m.body.response.model).toHaveLength(3);
    expect(m.body.response.model[0]).toMatchObject({ model_id: Number(items[0].variants[0].variantId), model_sku: items[0].variants[0].sellerSku, tier_index: [0] });
    expect(m.body.response.model[0].stock_info_v2.seller_stock[0].stock).toBe(items[0].variants[0].stock);
    expect(m.body.response.tier_variation[0].option_list).toHaveLength(3);
    const sr = await http(shopeeUrl(base, '/api/v2/product/search_item', c, { item_sku: items[2].variants[1].sellerSku, page_size: '10' }));
    expect(sr.body.response.item_id_list).toEqual([Number(items[2].itemId)]);
    const nf = await http(shopeeUrl(base, '/api/v2/product/get_model_list', c, { item_id: '1' }));
    expect(nf.status).toBe(200);
    expect(nf.body.error).toBe('error_item_not_found');
  });
});

describe('shopee stock', () => {
  it('update_stock: one item, 1–50 entries, absolute, per-entry failures', async () => {
    const { shopId, c } = await shop({ items: 3, variantsPerItem: 4 });
    const items = (await ctl(s, 'GET', `/shops/${shopId}/items`)).body;
    const it = items[0];
    await ctl(s, 'POST', '/faults', { shopId, rejectSkus: [it.variants[1].sellerSku], rateLimitPerSecond: 1000 });
    const url = shopeeUrl(base, '/api/v2/product/update_stock', c);
    const t0 = Date.now();
    const r = await shopeePost(url, {
      item_id: Number(it.itemId),
      stock_list: [
        { model_id: Number(it.variants[0].variantId), seller_stock: [{ stock: 11 }] },
        { model_id: Number(it.variants[1].variantId), seller_stock: [{ stock: 12 }] },
        { model_id: 123, seller_stock: [{ stock: 13 }] },
        { model_id: Number(it.variants[3].variantId), seller_stock: [{ stock: -1 }] },
      ],
    });
    expect(r.body.error).toBe('');
    expect(r.body.response.success_list).toEqual([{ model_id: Number(it.variants[0].variantId), location_id: '', stock: 11 }]);
    expect(r.body.response.failure_list.map((f: any) => f.model_id)).toEqual([Number(it.variants[1].variantId), 123, Number(it.variants[3].variantId)]);
    expect(r.body.response.failure_list.every((f: any) => typeof f.failed_reason === 'string' && f.failed_reason)).toBe(true);
    const after = (await ctl(s, 'GET', `/shops/${shopId}/items/${it.itemId}`)).body;
    expect(after.variants.map((v: any) => v.stock)).toEqual([11, it.variants[1].stock, it.variants[2].stock, it.variants[3].stock]);
    const ev = (await ctl(s, 'GET', `/shops/${shopId}/stock-events?since=${t0 - 1}`)).body;
    expect(ev).toEqual([expect.objectContaining({ variantId: it.variants[0].variantId, stock: 11 })]);
    const st = (await ctl(s, 'GET', `/stats?shopId=${shopId}`)).body;
    expect(st.stockUpdateCalls).toBe(1);
    expect(st.stockUpdateEntries).toBe(4);
    expect(st.calls['/api/v2/product/update_stock']).toBe(1);
    const tooMany = await shopeePost(url, { item_id: Number(it.itemId), stock_list: Array.from({ length: 51 }, () => ({ model_id: Number(it.variants[0].variantId), seller_stock: [{ stock: 1 }] })) });
    expect(tooMany.body.error).toBe('error_param');
    expect((await shopeePost(url, { item_id: Number(it.itemId), stock_list: [] })).body.error).toBe('error_param');
  });

  it('items without models use model_id 0; warehouses need location_id', async () => {
    const { shopId, c } = await shop({ items: 1 });
    const it = (await ctl(s, 'GET', `/shops/${shopId}/items`)).body[0];
    expect(it.variants[0].variantId).toBe('0');
    const r = await shopeePost(shopeeUrl(base, '/api/v2/product/update_stock', c), { item_id: Number(it.itemId), stock_list: [{ model_id: 0, seller_stock: [{ stock: 5 }] }] });
    expect(r.body.response.success_list).toHaveLength(1);
    const w = await shop({ items: 1, locations: 2 });
    const wit = (await ctl(s, 'GET', `/shops/${w.shopId}/items`)).body[0];
    const noLoc = await shopeePost(shopeeUrl(base, '/api/v2/product/update_stock', w.c), { item_id: Number(wit.itemId), stock_list: [{ model_id: 0, seller_stock: [{ stock: 5 }] }] });
    expect(noLoc.body.response.failure_list[0].failed_reason).toBe('Lack of location_id, please double check.');
  });

  it('rate limit: default 10 calls/s per shop → HTTP 429 error_rate_limit', async () => {
    const sh = await newShop(s, { platform: 'shopee', items: 1 });
    const rs = await Promise.all(Array.from({ length: 14 }, () => http(shopeeUrl(base, '/api/v2/product/get_item_list', sh.credentials, { offset: '0', page_size: '1', item_status: 'NORMAL' }))));
    const limited = rs.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(limited[0]!.body.error).toBe('error_rate_limit');
    expect((await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body.rejected.rate_limited).toBe(limited.length);
  });

  it('errorRate → error_server (retryable)', async () => {
    const { shopId, c } = await shop();
    await ctl(s, 'POST', '/faults', { shopId, errorRate: 1, rateLimitPerSecond: 1000 });
    const r = await http(shopeeUrl(base, '/api/v2/product/get_item_list', c, { offset: '0', page_size: '1', item_status: 'NORMAL' }));
    expect(r.status).toBe(500);
    expect(r.body.error).toBe('error_server');
  });

  it('add_item and init_tier_variation', async () => {
    const { shopId, c } = await shop({ items: 0 });
    const bad = await shopeePost(shopeeUrl(base, '/api/v2/product/add_item', c), { item_name: 'x'.repeat(121), description: 'd', original_price: 1, weight: 1, category_id: 1, image: { image_id_list: ['a'] }, seller_stock: [{ stock: 1 }] });
    expect(bad.body.error).toBe('error_param');
    const add = await shopeePost(shopeeUrl(base, '/api/v2/product/add_item', c), { item_name: 'New shirt', description: 'Nice', original_price: 19.9, weight: 0.3, ...shopeeParts(), image: { image_id_list: ['sim-img1'] }, item_sku: 'NS', seller_stock: [{ stock: 3 }] });
    expect(add.body.error).toBe('');
    const itemId = add.body.response.item_id;
    const tv = await shopeePost(shopeeUrl(base, '/api/v2/product/init_tier_variation', c), {
      item_id: itemId,
      tier_variation: [{ name: 'Size', option_list: [{ option: 'S' }, { option: 'M' }] }],
      model: [
        { tier_index: [0], original_price: 19.9, model_sku: 'NS-S', seller_stock: [{ stock: 2 }] },
        { tier_index: [1], original_price: 21.9, model_sku: 'NS-M', seller_stock: [{ stock: 4 }] },
      ],
    });
    expect(tv.body.error).toBe('');
    const ctlItem = (await ctl(s, 'GET', `/shops/${shopId}/items/${itemId}`)).body;
    expect(ctlItem.variants.map((v: any) => [v.sellerSku, v.stock])).toEqual([['NS-S', 2], ['NS-M', 4]]);
  });
});

describe('shopee authorization flow', () => {
  it('auth_partner page → approve → code (single use) → token/get', async () => {
    const target = await newShop(s, { platform: 'shopee', items: 2 });
    const app = (await ctl(s, 'POST', '/apps', { platform: 'shopee' })).body;
    const c = { partnerId: app.partnerId, partnerKey: app.partnerKey, shopId: '', accessToken: '', refreshToken: '' };
    const redirect = 'https://abc.chromiumapp.org/shopee';
    const bad = await http(shopeeUrl(base, '/api/v2/shop/auth_partner', c, { redirect }, { shop: false, mutateSign: true }));
    expect(bad.body.error).toBe('error_sign');
    const { page, location } = await approve(shopeeUrl(base, '/api/v2/shop/auth_partner', c, { redirect }, { shop: false }), target.shopId);
    expect(page.text).toContain('data-sim="approve"');
    const back = new URL(location);
    expect(back.origin + back.pathname).toBe(redirect);
    expect(back.searchParams.get('shop_id')).toBe(target.shopId);
    const code = back.searchParams.get('code')!;
    const body = { code, partner_id: Number(app.partnerId), shop_id: Number(target.shopId) };
    const tok = await shopeePost(shopeeUrl(base, '/api/v2/auth/token/get', c, {}, { shop: false }), body);
    expect(tok.body).toMatchObject({ error: '', expire_in: 14400 });
    const again = await shopeePost(shopeeUrl(base, '/api/v2/auth/token/get', c, {}, { shop: false }), body);
    expect(again.body.error).toBe('error_auth');
    const creds = { ...c, shopId: target.shopId, accessToken: tok.body.access_token, refreshToken: tok.body.refresh_token };
    const r = await http(shopeeUrl(base, '/api/v2/product/get_item_list', creds, { offset: '0', page_size: '10', item_status: ALL }));
    expect(r.body.response.total_count).toBe(2);
    // the shop's own partner key does not sign for this app's token
    const mixed = await http(shopeeUrl(base, '/api/v2/product/get_item_list', { ...creds, partnerId: target.credentials.partnerId, partnerKey: target.credentials.partnerKey }, { offset: '0', page_size: '1', item_status: 'NORMAL' }));
    expect(mixed.body.error).toBe('error_auth');
  });

  it('codes expire after 10 minutes', async () => {
    const target = await newShop(s, { platform: 'shopee', items: 0 });
    const app = (await ctl(s, 'POST', '/apps', { platform: 'shopee' })).body;
    const c = { partnerId: app.partnerId, partnerKey: app.partnerKey, shopId: '', accessToken: '', refreshToken: '' };
    const { location } = await approve(shopeeUrl(base, '/api/v2/shop/auth_partner', c, { redirect: 'https://x.chromiumapp.org/shopee' }, { shop: false }), target.shopId);
    const code = new URL(location).searchParams.get('code')!;
    await ctl(s, 'POST', '/clock', { advanceMs: 10 * 60_000 + 1000 });
    const ts = Math.floor((Date.now() + 10 * 60_000 + 1000) / 1000);
    const tok = await shopeePost(shopeeUrl(base, '/api/v2/auth/token/get', c, {}, { shop: false, ts }), { code, partner_id: Number(app.partnerId), shop_id: Number(target.shopId) });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    expect(tok.body.error).toBe('error_auth');
  });
});

describe('shopee price', () => {
  it('update_price sets original_price per model', async () => {
    const { shopId, c } = await shop({ items: 1, variantsPerItem: 2 });
    const it = (await ctl(s, 'GET', `/shops/${shopId}/items`)).body[0];
    const r = await shopeePost(shopeeUrl(base, '/api/v2/product/update_price', c), { item_id: Number(it.itemId), price_list: [{ model_id: Number(it.variants[1].variantId), original_price: 55.5 }, { model_id: 1, original_price: 2 }] });
    expect(r.body.response.success_list).toEqual([{ model_id: Number(it.variants[1].variantId), original_price: 55.5 }]);
    expect(r.body.response.failure_list).toHaveLength(1);
    expect((await ctl(s, 'GET', `/shops/${shopId}/items/${it.itemId}`)).body.variants[1].price).toBe(55.5);
  });
});
