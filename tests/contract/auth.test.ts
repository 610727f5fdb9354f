// Authorization flows on a scripted fetch: authorize URLs, redirect checks, code exchanges.
import { describe, expect, it } from 'vitest';
import { createAdapter, lazadaAuth, shopeeAuth, shopifyAuth, tiktokAuth, woocommerceAuth, defaultEndpoints } from '../../lib/platforms/index.ts';
import { hmacSha256Hex } from '../../lib/platforms/hmac.ts';
import { shopeePublicSign } from '../../lib/platforms/shopee/sign.ts';
import { lazadaSign } from '../../lib/platforms/lazada/sign.ts';
import { PlatformError } from '../../lib/platforms/types.ts';
import { scripted } from './scripted.ts';

const now = () => 1_700_000_000_000;
const cb = 'https://abcdef.chromiumapp.org/';

async function rejects(p: Promise<unknown>, kind: string) {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof PlatformError && e.kind === kind);
}

describe('shopee', () => {
  const app = { partnerId: '2001887', partnerKey: 'partnerkey-test' };
  const ep = { apiBaseUrl: 'http://sim/shopee' };
  it('authorize URL is signed over the auth_partner path; state rides in the redirect', async () => {
    const u = new URL(await shopeeAuth.buildAuthorizeUrl(app, ep, `${cb}shopee`, 'st8', { now }));
    expect(u.pathname).toBe('/shopee/api/v2/shop/auth_partner');
    expect(u.searchParams.get('timestamp')).toBe('1700000000');
    expect(u.searchParams.get('sign')).toBe(await shopeePublicSign(app.partnerKey, app.partnerId, '/api/v2/shop/auth_partner', 1700000000));
    expect(u.searchParams.get('redirect')).toBe(`${cb}shopee?state=st8`);
  });
  it('code + shop_id exchanged; state checked', async () => {
    const { fetchFn, calls } = scripted([
      { body: { error: '', access_token: 'at', refresh_token: 'rt', expire_in: 14400 } },
      { body: { error: '', shop_name: 'My Shop', region: 'SG' } },
    ]);
    const r = await shopeeAuth.completeAuthorization(app, ep, `${cb}shopee?state=st8&code=c0de&shop_id=42`, 'st8', { fetch: fetchFn, now });
    expect(r).toEqual({
      credentials: { platform: 'shopee', partnerId: '2001887', partnerKey: 'partnerkey-test', shopId: '42', accessToken: 'at', refreshToken: 'rt', accessTokenExpiresAt: now() + 14400_000 },
      shopName: 'My Shop',
      region: 'SG',
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ code: 'c0de', partner_id: 2001887, shop_id: 42 });
    await rejects(shopeeAuth.completeAuthorization(app, ep, `${cb}shopee?state=evil&code=c&shop_id=1`, 'st8'), 'auth');
  });
});

describe('lazada', () => {
  const app = { appKey: '123456', appSecret: 'helloworld' };
  const ep = { apiBaseUrl: 'http://sim/lazada/rest', authBaseUrl: 'http://sim/lazada/auth' };
  it('authorize URL', async () => {
    const u = new URL(await lazadaAuth.buildAuthorizeUrl(app, ep, `${cb}lazada`, 's1'));
    expect(`${u.origin}${u.pathname}`).toBe('http://sim/lazada/auth/oauth/authorize');
    expect(Object.fromEntries(u.searchParams)).toEqual({ response_type: 'code', force_auth: 'true', redirect_uri: `${cb}lazada`, client_id: '123456', state: 's1' });
  });
  it('token/create is signed over /auth/token/create and answers the country stores', async () => {
    const { fetchFn, calls } = scripted([
      { body: { code: '0', access_token: 'at', refresh_token: 'rt', expires_in: 604800, account: 'me@shop', country_user_info: [{ country: 'sg', seller_id: '9', user_id: '8', short_code: 'SGABC' }] } },
    ]);
    const r = await lazadaAuth.completeAuthorization(app, ep, `${cb}lazada?code=0_1&state=s1`, 's1', { fetch: fetchFn, now });
    expect(r.credentials).toEqual({ platform: 'lazada', appKey: '123456', appSecret: 'helloworld', accessToken: 'at', refreshToken: 'rt', accessTokenExpiresAt: now() + 604800_000 });
    expect(r).toMatchObject({ region: 'sg', shopName: 'me@shop', countries: [{ country: 'sg', sellerId: '9', userId: '8' }] });
    // The login (account) is not the shop's name: the identity keeps only the shop's ids and country.
    expect(r.identity).toEqual({ sellerId: '9', shortCode: 'SGABC', region: 'SG' });
    const u = new URL(calls[0]?.url ?? '');
    expect(u.pathname).toBe('/lazada/auth/rest/auth/token/create');
    const params = Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'sign'));
    expect(u.searchParams.get('sign')).toBe(await lazadaSign('helloworld', '/auth/token/create', params));
  });
});

describe('tiktok', () => {
  const app = { appKey: 'k', appSecret: 's', serviceId: '7001' };
  const ep = { apiBaseUrl: 'http://sim/tiktok', authBaseUrl: 'http://sim/tiktok/auth', authorizeBaseUrl: 'http://sim/tiktok/services' };
  it('authorize URL', async () => {
    const u = new URL(await tiktokAuth.buildAuthorizeUrl(app, ep, `${cb}tiktok`, 's2'));
    expect(`${u.origin}${u.pathname}`).toBe('http://sim/tiktok/services/open/authorize');
    expect(u.searchParams.get('service_id')).toBe('7001');
    expect(u.searchParams.get('state')).toBe('s2');
  });
  it('code → token/get → shops (cipher, name, region)', async () => {
    const { fetchFn, calls } = scripted([
      { body: { code: 0, data: { access_token: 'at', access_token_expire_in: 1800000000, refresh_token: 'rt', refresh_token_expire_in: 1900000000 } } },
      { body: { code: 0, data: { shops: [{ id: '7494', name: 'TT Shop', region: 'GB', cipher: 'ciph', code: 'GBLC1234', seller_type: 'LOCAL' }] } } },
    ]);
    const r = await tiktokAuth.completeAuthorization(app, ep, `${cb}tiktok?code=abc&state=s2`, 's2', { fetch: fetchFn, now });
    expect(r).toEqual({
      credentials: { platform: 'tiktok', appKey: 'k', appSecret: 's', shopCipher: 'ciph', accessToken: 'at', refreshToken: 'rt', accessTokenExpiresAt: 1800000000_000 },
      shopName: 'TT Shop',
      region: 'GB',
      identity: { shopId: '7494', cipher: 'ciph', shortCode: 'GBLC1234', name: 'TT Shop', region: 'GB' },
    });
    expect(calls[0]?.url).toBe('http://sim/tiktok/auth/api/v2/token/get?app_key=k&app_secret=s&auth_code=abc&grant_type=authorized_code');
    expect(new URL(calls[1]?.url ?? '').pathname).toBe('/tiktok/authorization/202309/shops');
  });
});

describe('the shop a connection is (testConnection)', () => {
  it('lazada: /seller/get answers the seller id (a number on the wire), short code and name', async () => {
    const { fetchFn, calls } = scripted([{ body: { code: '0', data: { seller_id: 1000123456, short_code: 'SG1A2B3', name: 'Lazada Shop', name_company: 'Shop Pte Ltd', location: 'Singapore', verified: true } } }]);
    const creds = { platform: 'lazada' as const, appKey: '123456', appSecret: 'helloworld', accessToken: 'at', refreshToken: 'rt', accessTokenExpiresAt: now() + 86400_000 };
    const adapter = createAdapter('lazada', { apiBaseUrl: 'http://sim/lazada/rest' }, { get: () => creds as never, save: async () => {} }, { fetch: fetchFn, now, callsPerSecond: 0 });
    expect(await adapter.testConnection()).toEqual({ shopName: 'Lazada Shop', identity: { sellerId: '1000123456', shortCode: 'SG1A2B3', name: 'Lazada Shop' } });
    expect(new URL(calls[0]?.url ?? '').pathname).toBe('/lazada/rest/seller/get');
  });
  it('tiktok: the shop whose cipher the store holds, never another shop the token covers', async () => {
    const shops = { code: 0, data: { shops: [{ id: '1', name: 'Other', region: 'GB', cipher: 'other' }, { id: '2', name: 'Mine', region: 'MY', cipher: 'mine', code: 'MYLC2' }] } };
    const creds = (shopCipher: string) => ({ platform: 'tiktok' as const, appKey: 'k', appSecret: 's', accessToken: 'at', refreshToken: 'rt', shopCipher, accessTokenExpiresAt: now() + 86400_000 });
    const adapterFor = (shopCipher: string) => {
      const c = creds(shopCipher);
      return createAdapter('tiktok', { apiBaseUrl: 'http://sim/tiktok' }, { get: () => c as never, save: async () => {} }, { fetch: scripted([{ body: shops }]).fetchFn, now, callsPerSecond: 0 });
    };
    expect(await adapterFor('mine').testConnection()).toEqual({ shopName: 'Mine', identity: { shopId: '2', cipher: 'mine', shortCode: 'MYLC2', name: 'Mine', region: 'MY' } });
    await rejects(adapterFor('gone').testConnection(), 'auth');
  });
});

describe('shopify', () => {
  const app = { clientId: 'cid', clientSecret: 'hush', scopes: 'read_products', shopDomain: 'some-shop.myshopify.com' };
  const ep = { apiBaseUrl: 'http://sim/shopify/some-shop.myshopify.com' };
  it('authorize URL on the shop', async () => {
    const u = new URL(await shopifyAuth.buildAuthorizeUrl(app, ep, `${cb}shopify`, 's3'));
    expect(u.pathname).toBe('/shopify/some-shop.myshopify.com/admin/oauth/authorize');
    expect(Object.fromEntries(u.searchParams)).toEqual({ client_id: 'cid', scope: 'read_products', redirect_uri: `${cb}shopify`, state: 's3' });
  });
  it('verifies hmac and state, then exchanges the code', async () => {
    const q = 'code=c0de&shop=some-shop.myshopify.com&state=s3&timestamp=1337178173';
    const hmac = await hmacSha256Hex('hush', q);
    const { fetchFn, calls } = scripted([{ body: { access_token: 'shpat_1', scope: 'read_products' } }, { body: { data: { shop: { name: 'Some Shop' } } } }]);
    const r = await shopifyAuth.completeAuthorization(app, ep, `${cb}shopify?${q}&hmac=${hmac}`, 's3', { fetch: fetchFn });
    expect(r).toEqual({ credentials: { platform: 'shopify', shopDomain: 'some-shop.myshopify.com', accessToken: 'shpat_1' }, shopName: 'Some Shop' });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ client_id: 'cid', client_secret: 'hush', code: 'c0de' });
    await rejects(shopifyAuth.completeAuthorization(app, ep, `${cb}shopify?${q}&hmac=${'0'.repeat(64)}`, 's3'), 'auth');
  });
});

describe('woocommerce', () => {
  const ep = { apiBaseUrl: 'http://sim/woocommerce/site1' };
  it('application-password URL and callback', async () => {
    const u = new URL(await woocommerceAuth.buildAuthorizeUrl({ appName: 'Shelfsync', appId: 'uuid-1' }, ep, `${cb}woocommerce`, 's4'));
    expect(u.pathname).toBe('/woocommerce/site1/wp-admin/authorize-application.php');
    expect(u.searchParams.get('success_url')).toBe(`${cb}woocommerce?state=s4`);
    const r = await woocommerceAuth.completeAuthorization(
      { appName: 'Shelfsync' },
      ep,
      `${cb}woocommerce?state=s4&site_url=${encodeURIComponent('http://sim/woocommerce/site1')}&user_login=admin&password=abcd%20efgh`,
      's4',
    );
    expect(r.credentials).toEqual({ platform: 'woocommerce', username: 'admin', applicationPassword: 'abcd efgh' });
    await rejects(woocommerceAuth.completeAuthorization({ appName: 'x' }, ep, `${cb}woocommerce?state=s4&success=false`, 's4'), 'auth');
  });
});

describe('defaultEndpoints', () => {
  it('production hosts from the docs', () => {
    expect(defaultEndpoints('shopee')).toEqual({ apiBaseUrl: 'https://partner.shopeemobile.com' });
    expect(defaultEndpoints('lazada', 'my')).toEqual({ apiBaseUrl: 'https://api.lazada.com.my/rest', authBaseUrl: 'https://auth.lazada.com' });
    expect(defaultEndpoints('tiktok', 'US').authorizeBaseUrl).toBe('https://services.us.tiktokshop.com');
    expect(defaultEndpoints('tiktok').apiBaseUrl).toBe('https://open-api.tiktokglobalshop.com');
    expect(defaultEndpoints('shopify', undefined, 'x.myshopify.com')).toEqual({ apiBaseUrl: 'https://x.myshopify.com', apiVersion: '2026-10' });
    expect(defaultEndpoints('woocommerce', undefined, 'https://shop.example/')).toEqual({ apiBaseUrl: 'https://shop.example' });
  });
});
