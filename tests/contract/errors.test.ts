// Error classification and token refresh on a scripted fetch (no simulator needed).
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, send } from '../../lib/platforms/http.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { lazadaBanMs } from '../../lib/platforms/lazada/client.ts';
import { throttleWaitMs } from '../../lib/platforms/shopify/client.ts';
import { PlatformError, type Credentials, type CredentialsOf, type Platform } from '../../lib/platforms/types.ts';
import { scripted, type Reply } from './scripted.ts';

function memoryStore<P extends Platform>(initial: CredentialsOf<P>) {
  const saved: CredentialsOf<P>[] = [];
  let current = initial;
  return { saved, store: { get: () => current, save: async (c: CredentialsOf<P>) => { saved.push(c); current = c; } } };
}

async function kindOf(p: Promise<unknown>): Promise<PlatformError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PlatformError) return e;
    throw e;
  }
  throw new Error('expected a PlatformError');
}

const base = { apiBaseUrl: 'http://127.0.0.1:9/shopee' };

describe('http classification', () => {
  const cases: [Reply, string][] = [
    [{ status: 429, body: {}, headers: { 'retry-after': '3' } }, 'rate_limited'],
    [{ status: 429, body: {}, headers: { 'retry-after': 'Thu, 01 Jan 2099 00:00:00 GMT' } }, 'rate_limited'],
    [{ status: 503, body: {} }, 'temporary'],
    [{ status: 401, body: {} }, 'auth'],
    [{ status: 403, body: {} }, 'auth'],
    [{ status: 404, body: {} }, 'not_found'],
    [{ status: 400, body: {} }, 'invalid'],
    [new TypeError('fetch failed'), 'temporary'],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'temporary'],
    [{ status: 200, body: '<html>captive portal</html>' }, 'temporary'],
  ];
  it.each(cases)('%o → %s (WooCommerce as the plain-HTTP example)', async (reply, kind) => {
    const { fetchFn } = scripted([reply]);
    const { store } = memoryStore<'woocommerce'>({ platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' });
    const a = createAdapter('woocommerce', { apiBaseUrl: 'http://127.0.0.1:9/wc' }, store, { fetch: fetchFn });
    const err = await kindOf(a.testConnection());
    expect(err.kind).toBe(kind);
    if (kind === 'rate_limited') expect(err.retryAfterMs).toBeGreaterThanOrEqual(3000);
  });
  it('every call carries an abort signal', async () => {
    const { fetchFn, calls } = scripted([{ body: {} }]);
    await send({ method: 'GET', url: 'http://x/' }, { fetch: fetchFn });
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });
  it('Retry-After parsing', () => {
    expect(parseRetryAfter('2.5')).toBe(2500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
  it('Lazada ban message and Shopify throttle wait', () => {
    expect(lazadaBanMs('This request has exceeded the limit, this ban will last 3 seconds')).toBe(3000);
    expect(lazadaBanMs('ApiCallLimit')).toBe(1000);
    expect(throttleWaitMs({ cost: { requestedQueryCost: 502, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2, restoreRate: 100 } } })).toBe(5000);
  });
});

describe('token refresh', () => {
  const shopee: CredentialsOf<'shopee'> = { platform: 'shopee', partnerId: '1', partnerKey: 'k', shopId: '2', accessToken: 'old', refreshToken: 'r1' };
  const listOk = { error: '', message: '', response: { item: [], has_next_page: false, total_count: 0 } };
  const tokenOk = { error: '', message: '', access_token: 'new', refresh_token: 'r2', expire_in: 14400 };

  it('shopee error_auth → refresh, save before use, retry once with the new token', async () => {
    const { fetchFn, calls } = scripted([{ status: 403, body: { error: 'error_auth', message: 'Invalid access_token' } }, { body: tokenOk }, { body: listOk }]);
    const { store, saved } = memoryStore(shopee);
    const a = createAdapter('shopee', base, store, { fetch: fetchFn });
    await a.listItems();
    expect(saved.map((c) => [c.accessToken, c.refreshToken])).toEqual([['new', 'r2']]);
    expect(calls[1]?.url).toContain('/shopee/api/v2/auth/access_token/get?');
    expect(JSON.parse(String(calls[1]?.init?.body))).toEqual({ refresh_token: 'r1', partner_id: 1, shop_id: 2 });
    expect(calls[2]?.url).toContain('access_token=new');
  });
  it('proactive refresh when the token expires within 5 minutes', async () => {
    const { fetchFn, calls } = scripted([{ body: tokenOk }, { body: listOk }]);
    const { store, saved } = memoryStore<'shopee'>({ ...shopee, accessTokenExpiresAt: 1_000_000 + 60_000 });
    const a = createAdapter('shopee', base, store, { fetch: fetchFn, now: () => 1_000_000 });
    await a.listItems();
    expect(saved).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });
  it('a rejected refresh → auth', async () => {
    const { fetchFn } = scripted([{ status: 403, body: { error: 'error_auth', message: 'x' } }, { status: 403, body: { error: 'error_auth', message: 'refresh token invalid' } }]);
    const a = createAdapter('shopee', base, memoryStore(shopee).store, { fetch: fetchFn });
    expect((await kindOf(a.listItems())).kind).toBe('auth');
  });
  it('two calls failing together share one refresh (single-use refresh token)', async () => {
    const { fetchFn, calls } = scripted([
      { status: 403, body: { error: 'error_auth', message: 'x' } },
      { status: 403, body: { error: 'error_auth', message: 'x' } },
      { body: tokenOk },
      { body: listOk },
      { body: listOk },
    ]);
    const { store, saved } = memoryStore(shopee);
    const a = createAdapter('shopee', base, store, { fetch: fetchFn });
    await Promise.all([a.listItems(), a.listItems()]);
    expect(saved).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes('access_token/get'))).toHaveLength(1);
  });
  it('lazada IllegalAccessToken and tiktok 105002 refresh too', async () => {
    const lz = scripted([
      { body: { code: 'IllegalAccessToken', message: 'expired' } },
      { body: { code: '0', access_token: 'new', refresh_token: 'r2', expires_in: 604800 } },
      { body: { code: '0', data: { total_products: 0, products: [] } } },
    ]);
    const l = memoryStore<'lazada'>({ platform: 'lazada', appKey: '1', appSecret: 's', accessToken: 'old', refreshToken: 'r1' });
    await createAdapter('lazada', { apiBaseUrl: 'http://h/lazada/rest', authBaseUrl: 'http://h/lazada/auth' }, l.store, { fetch: lz.fetchFn }).listItems();
    expect(l.saved[0]?.accessToken).toBe('new');
    expect(lz.calls[1]?.url).toMatch(/^http:\/\/h\/lazada\/auth\/rest\/auth\/token\/refresh\?/);

    const tt = scripted([
      { body: { code: 105002, message: 'expired' } },
      { body: { code: 0, data: { access_token: 'new', refresh_token: 'r2', access_token_expire_in: 4102444800 } } },
      { body: { code: 0, data: { products: [], next_page_token: '' } } },
    ]);
    const t = memoryStore<'tiktok'>({ platform: 'tiktok', appKey: '1', appSecret: 's', accessToken: 'old', refreshToken: 'r1', shopCipher: 'c' });
    await createAdapter('tiktok', { apiBaseUrl: 'http://h/tiktok', authBaseUrl: 'http://h/tiktok/auth' }, t.store, { fetch: tt.fetchFn }).listItems();
    expect(t.saved[0]).toMatchObject({ accessToken: 'new', accessTokenExpiresAt: 4102444800000 });
    expect(new Headers(tt.calls[2]?.init?.headers).get('x-tts-access-token')).toBe('new');
  });
});

describe('throttling classification', () => {
  it('lazada ApiCallLimit → rate_limited with the ban length', async () => {
    const { fetchFn } = scripted([{ body: { code: 'ApiCallLimit', message: 'this ban will last 2 seconds' } }]);
    const c: Credentials = { platform: 'lazada', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r' };
    const err = await kindOf(createAdapter('lazada', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: fetchFn }).testConnection());
    expect([err.kind, err.retryAfterMs]).toEqual(['rate_limited', 2000]);
  });
  it('lazada AppCallLimit (the app\'s quota) → rate_limited for a minute, not a refusal; AppCallLimit.TokenExpired → auth', async () => {
    const c: Credentials = { platform: 'lazada', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r' };
    const quota = scripted([{ body: { code: 'AppCallLimit', message: 'The request has exceeded the limit of this app' } }]);
    const err = await kindOf(createAdapter('lazada', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: quota.fetchFn }).testConnection());
    expect([err.kind, err.retryAfterMs]).toEqual(['rate_limited', 60_000]);
    const banned = scripted([{ body: { code: 'AppCallLimit', message: 'this ban will last 5 seconds' } }]);
    const err2 = await kindOf(createAdapter('lazada', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: banned.fetchFn }).testConnection());
    expect([err2.kind, err2.retryAfterMs]).toEqual(['rate_limited', 5000]);
    const expired = scripted([{ body: { code: 'AppCallLimit.TokenExpired', message: 'token expired' } }, { body: { code: 'AppCallLimit.TokenExpired', message: 'token expired' } }, { body: { code: 'AppCallLimit.TokenExpired', message: 'token expired' } }]);
    const err3 = await kindOf(createAdapter('lazada', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: expired.fetchFn }).testConnection());
    expect(err3.kind).toBe('auth');
  });
  it('shopify THROTTLED → wait from the cost extension', async () => {
    const { fetchFn } = scripted([
      { body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: { cost: { requestedQueryCost: 300, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 } } } } },
    ]);
    const c: Credentials = { platform: 'shopify', shopDomain: 'x', accessToken: 'a' };
    const err = await kindOf(createAdapter('shopify', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: fetchFn }).testConnection());
    expect([err.kind, err.retryAfterMs]).toEqual(['rate_limited', 2000]);
  });
  it('tiktok 36009002 → rate_limited', async () => {
    const { fetchFn } = scripted([{ status: 429, body: { code: 36009002, message: 'too many' } }]);
    const c: Credentials = { platform: 'tiktok', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r', shopCipher: 'c' };
    const a = createAdapter('tiktok', { apiBaseUrl: 'http://h' }, { get: () => c, save: async () => {} }, { fetch: fetchFn });
    const err = await kindOf(a.setStock([{ platformItemId: 'p', platformVariantId: 's', sellerSku: 'S', quantity: 1, ref: { warehouseIds: ['W'] } }]));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterMs).toBeGreaterThan(0);
  });
});

describe('throttle handling inside multi-call reads', () => {
  it('a follow-up call that is throttled waits retryAfter and is repeated (WooCommerce variations)', async () => {
    const { fetchFn, calls } = scripted([
      { body: [{ id: 1, name: 'V', type: 'variable', status: 'publish' }], headers: { 'x-wp-totalpages': '1' } },
      { status: 429, body: {}, headers: { 'retry-after': '0.05' } },
      { body: [{ id: 2, sku: 'V-1', stock_quantity: 4 }], headers: { 'x-wp-totalpages': '1' } },
    ]);
    const c: Credentials = { platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' };
    const page = await createAdapter('woocommerce', { apiBaseUrl: 'https://s' }, { get: () => c, save: async () => {} }, { fetch: fetchFn }).listItems();
    expect(page.items[0]?.variants.map((v) => [v.sellerSku, v.stock])).toEqual([['V-1', 4]]);
    expect(calls).toHaveLength(3);
  });
  it('setStock never retries a throttle: the caller owns backoff', async () => {
    const { fetchFn, calls } = scripted([{ status: 429, body: {}, headers: { 'retry-after': '0.05' } }]);
    const c: Credentials = { platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' };
    const a = createAdapter('woocommerce', { apiBaseUrl: 'https://s' }, { get: () => c, save: async () => {} }, { fetch: fetchFn });
    const err = await kindOf(a.setStock([{ platformItemId: '1', platformVariantId: '1', sellerSku: 'S', quantity: 1 }]));
    expect([err.kind, calls.length]).toEqual(['rate_limited', 1]);
  });
});
