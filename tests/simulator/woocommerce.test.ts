import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { approve, ctl, http, newShop, nowS, sim, wooOAuth } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
interface Site {
  shopId: string;
  api: string;
  ck: string;
  cs: string;
}
async function site(opts: Record<string, unknown> = {}): Promise<Site> {
  const sh = await newShop(s, { platform: 'woocommerce', items: 30, ...opts });
  return { shopId: sh.shopId, api: `${sh.apiBaseUrl}/wp-json/wc/v3`, ck: sh.credentials.consumerKey, cs: sh.credentials.consumerSecret };
}
const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
/** Basic over "HTTPS" (the simulator honours X-Forwarded-Proto: https). */
function req(w: Site, method: string, path: string, body?: unknown): Promise<any> {
  return http(`${w.api}${path}`, {
    method,
    headers: { 'x-forwarded-proto': 'https', authorization: basic(w.ck, w.cs), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

describe('woocommerce auth', () => {
  it('OAuth 1.0a one-legged over plain HTTP: HMAC-SHA256 and HMAC-SHA1', async () => {
    const w = await site();
    for (const algo of ['HMAC-SHA256', 'HMAC-SHA1'] as const) {
      const r = await http(wooOAuth('GET', `${w.api}/products?per_page=5&status=any`, w.ck, w.cs, { algo }).url);
      expect(r.status).toBe(200);
      expect(r.body).toHaveLength(5);
    }
  });

  it('refuses a changed signature, a reused nonce, an old timestamp, an unknown key', async () => {
    const w = await site();
    const bad = await http(wooOAuth('GET', `${w.api}/products`, w.ck, w.cs, { mutate: true }).url);
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match.', data: { status: 401 } });
    const once = wooOAuth('GET', `${w.api}/products`, w.ck, w.cs, { nonce: 'n-1' });
    expect((await http(once.url)).status).toBe(200);
    const replay = await http(wooOAuth('GET', `${w.api}/products`, w.ck, w.cs, { nonce: 'n-1' }).url);
    expect(replay.body.message).toBe('Invalid nonce - nonce has already been used.');
    const old = await http(wooOAuth('GET', `${w.api}/products`, w.ck, w.cs, { ts: nowS() - 16 * 60 }).url);
    expect(old.body.message).toBe('Invalid timestamp.');
    const unk = await http(wooOAuth('GET', `${w.api}/products`, 'ck_nope', w.cs).url);
    expect(unk.body.message).toBe('Consumer key is invalid.');
    // signature over another method does not verify
    const put = wooOAuth('GET', `${w.api}/products/1`, w.ck, w.cs);
    expect((await http(put.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('Basic is ignored over plain HTTP (401 cannot_view); accepted with X-Forwarded-Proto: https', async () => {
    const w = await site();
    const plain = await http(`${w.api}/products`, { headers: { authorization: basic(w.ck, w.cs) } });
    expect(plain.status).toBe(401);
    expect(plain.body.code).toBe('woocommerce_rest_cannot_view');
    expect((await req(w, 'GET', '/products')).status).toBe(200);
    const wrong = await http(`${w.api}/products`, { headers: { 'x-forwarded-proto': 'https', authorization: basic(w.ck, 'cs_wrong') } });
    expect(wrong.body.message).toBe('Consumer secret is invalid.');
    const q = await http(`${w.api}/products?consumer_key=${w.ck}&consumer_secret=${w.cs}`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(q.status).toBe(200);
  });

  it('application password flow: approval page → success_url with site_url, user_login, password', async () => {
    const w = await site({ items: 2 });
    const siteUrl = `${s.url}/woocommerce/${w.shopId}`;
    const bad = await http(`${siteUrl}/wp-admin/authorize-application.php?app_name=Shelfsync&success_url=${encodeURIComponent('http://example.com/cb')}`);
    expect(bad.status).toBe(400);
    const { location } = await approve(`${siteUrl}/wp-admin/authorize-application.php?app_name=Shelfsync&app_id=3f1c8a2e-0000-4000-8000-000000000000&success_url=${encodeURIComponent('https://abc.chromiumapp.org/woocommerce')}`);
    const back = new URL(location);
    expect(back.searchParams.get('site_url')).toBe(siteUrl);
    const user = back.searchParams.get('user_login')!;
    const pw = back.searchParams.get('password')!;
    expect(pw).toMatch(/^([A-Z0-9]{4} ){5}[A-Z0-9]{4}$/);
    const h = { 'x-forwarded-proto': 'https', authorization: basic(user, pw) };
    const r = await http(`${siteUrl}/wp-json/wc/v3/products`, { headers: h });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(2);
    expect((await http(`${siteUrl}/wp-json/wc/v3/products`, { headers: { authorization: basic(user, pw) } })).status).toBe(401);
    expect((await http(`${siteUrl}/wp-json/wc/v3/products`, { headers: { ...h, authorization: basic(user, 'AAAA BBBB CCCC DDDD EEEE FFFF') } })).body.code).toBe('incorrect_password');
  });
});

describe('woocommerce products', () => {
  it('per_page 1..100, page, X-WP-Total / X-WP-TotalPages, modified_after', async () => {
    const w = await site({ items: 250 });
    const r = await req(w, 'GET', '/products?per_page=100&page=3&status=any');
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(50);
    expect(r.headers.get('x-wp-total')).toBe('250');
    expect(r.headers.get('x-wp-totalpages')).toBe('3');
    const big = await req(w, 'GET', '/products?per_page=101');
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ code: 'rest_invalid_param', data: { status: 400, params: { per_page: expect.any(String) } } });
    expect((await req(w, 'GET', '/products?per_page=100&page=4')).body.code).toBe('rest_post_invalid_page_number');
    const items = (await ctl(s, 'GET', `/shops/${w.shopId}/items`)).body;
    const since = new Date(Date.now() + 5000).toISOString().replace(/\.\d+Z$/, '');
    await ctl(s, 'POST', '/clock', { advanceMs: 10_000 });
    await ctl(s, 'PATCH', `/shops/${w.shopId}/items/${items[12].itemId}`, { title: 'renamed' });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const inc = await req(w, 'GET', `/products?modified_after=${since}&per_page=100`);
    expect(inc.body.map((p: any) => String(p.id))).toEqual([items[12].itemId]);
    expect(inc.body[0].name).toBe('renamed');
  });

  it('variable products, variations, PUT stock (needs manage_stock), SKU uniqueness', async () => {
    const w = await site({ items: 2, variantsPerItem: 3 });
    const items = (await ctl(s, 'GET', `/shops/${w.shopId}/items`)).body;
    const p = (await req(w, 'GET', `/products/${items[0].itemId}`)).body;
    expect(p.type).toBe('variable');
    expect(p.variations).toHaveLength(3);
    const vars = await req(w, 'GET', `/products/${p.id}/variations?per_page=100`);
    expect(vars.body.map((v: any) => v.sku)).toEqual(items[0].variants.map((v: any) => v.sellerSku));
    const vid = vars.body[0].id;
    const put = await req(w, 'PUT', `/products/${p.id}/variations/${vid}`, { manage_stock: true, stock_quantity: 55 });
    expect(put.body.stock_quantity).toBe(55);
    const off = await req(w, 'PUT', `/products/${p.id}/variations/${vid}`, { manage_stock: false, stock_quantity: 3 });
    expect(off.body.stock_quantity).toBeNull();
    const ignored = await req(w, 'PUT', `/products/${p.id}/variations/${vid}`, { stock_quantity: 9 });
    expect(ignored.body.manage_stock).toBe(false);
    expect((await ctl(s, 'GET', `/shops/${w.shopId}/items/${items[0].itemId}`)).body.variants[0].stock).toBe(55);
    const dup = await req(w, 'PUT', `/products/${p.id}/variations/${vars.body[1].id}`, { sku: items[1].variants[0].sellerSku });
    expect(dup.body.code).toBe('product_invalid_sku');
    expect((await req(w, 'GET', `/products/${vid}`)).status).toBe(404);
    expect((await req(w, 'GET', '/nope')).body.code).toBe('rest_no_route');
  });

  it('batch: ≤ 100 objects (413 above), per-object error', async () => {
    const w = await site({ items: 5 });
    const items = (await ctl(s, 'GET', `/shops/${w.shopId}/items`)).body;
    const over = await req(w, 'POST', '/products/batch', { update: Array.from({ length: 101 }, () => ({ id: Number(items[0].itemId), stock_quantity: 1 })) });
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('woocommerce_rest_request_entity_too_large');
    await ctl(s, 'POST', '/faults', { shopId: w.shopId, rejectSkus: [items[2].variants[0].sellerSku] });
    const r = await req(w, 'POST', '/products/batch', {
      update: [
        { id: Number(items[0].itemId), manage_stock: true, stock_quantity: 21 },
        { id: 999999, manage_stock: true, stock_quantity: 22 },
        { id: Number(items[2].itemId), manage_stock: true, stock_quantity: 23 },
        { id: Number(items[3].itemId), manage_stock: true, stock_quantity: 24 },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.update[0]).toMatchObject({ id: Number(items[0].itemId), stock_quantity: 21 });
    expect(r.body.update[1]).toMatchObject({ id: 999999, error: { code: 'woocommerce_rest_product_invalid_id', data: { status: 400 } } });
    expect(r.body.update[2].error.code).toBeTruthy();
    expect(r.body.update[3].stock_quantity).toBe(24);
    expect((await ctl(s, 'GET', `/shops/${w.shopId}/items`)).body.map((i: any) => i.variants[0].stock).slice(0, 4)).toEqual([21, items[1].variants[0].stock, items[2].variants[0].stock, 24]);
    expect((await ctl(s, 'GET', `/stats?shopId=${w.shopId}`)).body).toMatchObject({ stockUpdateCalls: 1, stockUpdateEntries: 4 });
  });

  it('variations batch and creating a variable product with variations', async () => {
    const w = await site({ items: 0 });
    const p = await req(w, 'POST', '/products', { name: 'Tee', type: 'variable', attributes: [{ name: 'Size', options: ['S', 'M'], variation: true }] });
    expect(p.status).toBe(201);
    const b = await req(w, 'POST', `/products/${p.body.id}/variations/batch`, {
      create: [
        { regular_price: '10.00', sku: 'TEE-S', manage_stock: true, stock_quantity: 3, attributes: [{ name: 'Size', option: 'S' }] },
        { regular_price: '10.00', sku: 'TEE-M', manage_stock: true, stock_quantity: 4, attributes: [{ name: 'Size', option: 'M' }] },
      ],
    });
    expect(b.body.create.map((v: any) => v.sku)).toEqual(['TEE-S', 'TEE-M']);
    const u = await req(w, 'POST', `/products/${p.body.id}/variations/batch`, { update: [{ id: b.body.create[1].id, stock_quantity: 40 }, { id: 1, stock_quantity: 1 }] });
    expect(u.body.update[0].stock_quantity).toBe(40);
    expect(u.body.update[1].error.message).toBe('Invalid ID.');
    const simple = await req(w, 'POST', '/products', { name: 'Cap', type: 'simple', regular_price: '5.00', sku: 'CAP', manage_stock: true, stock_quantity: 8 });
    expect(simple.body).toMatchObject({ type: 'simple', sku: 'CAP', stock_quantity: 8, manage_stock: true });
    expect((await req(w, 'POST', '/products', { name: 'Cap 2', sku: 'CAP' })).body.code).toBe('product_invalid_sku');
  });

  it('rate limit override answers 429 with Retry-After; errorRate answers 503', async () => {
    const w = await site({ items: 1 });
    await ctl(s, 'POST', '/faults', { shopId: w.shopId, rateLimitPerSecond: 2 });
    const rs = await Promise.all(Array.from({ length: 5 }, () => req(w, 'GET', '/products')));
    const limited = rs.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await ctl(s, 'POST', '/faults', { shopId: w.shopId, errorRate: 1 });
    expect((await req(w, 'GET', '/products')).status).toBe(503);
  });
});
