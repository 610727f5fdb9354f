// A store learns who it is on its platform when it connects (pasted credentials or the platform's
// authorization) — over HTTP against the simulator — and keeps it: consoles that name their shop
// bind to it, old stores learn it on their next test or download, re-authorizing with another
// shop's credentials is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '@/lib/commands/define';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import type { Platform } from '@/lib/platforms/types';
import { assertSameShop } from '@/lib/stores/identity';
import { storeLabel } from '@/lib/stores/label';
import { forgetCredentialKey } from '@/lib/stores/secrets';
import { freshDb, ok, raw, run } from '../../helpers/background';
import { useSimulator, type Simulator, type SimShop } from '../../helpers/simulator';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  forgetCredentialKey();
  db = await freshDb();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => true };
});

function connect(shop: SimShop, name = shop.name, storeId?: number) {
  return run('stores.connect', { platform: shop.platform, name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials, storeId });
}
async function connected(shop: SimShop, name = shop.name) {
  const answer = await connect(shop, name);
  if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

const asConsole = (url: string, type: string, payload: unknown) => raw({ type, payload }, { kind: 'content', url, tabId: 3, frameId: 0 } satisfies Sender);

/** Plays the seller on the simulator's approval page, as launchWebAuthFlow would show it:
 *  the page lists every shop of the platform, the seller approves `shopId`. */
async function approve(authorizeUrl: string, shopId: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const form = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find((f) => f[2]?.includes(`name="shop_id" value="${shopId}"`));
  if (!form?.[1] || form[2] === undefined) throw new Error(`no approval form for ${shopId}: ${html.slice(0, 200)}`);
  const fields = new URLSearchParams();
  for (const m of form[2].matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.append(m[1] ?? '', m[2] ?? '');
  const res = await fetch(new URL(form[1], authorizeUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString(), redirect: 'manual' });
  return new URL(res.headers.get('location') ?? '', authorizeUrl).toString();
}
function useAuthWindow(shopId: string) {
  (fakeBrowser as unknown as { identity: unknown }).identity = {
    getRedirectURL: (path: string) => `https://abcdefghijklmnop.chromiumapp.org/${path}`,
    launchWebAuthFlow: async ({ url }: { url: string }) => approve(url, shopId),
  };
}

describe('connecting with pasted credentials learns the shop', () => {
  it('Lazada: the seller id and short code from /seller/get', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 1, seed: 31 });
    const store = await connected(shop, 'Lazada A');
    // The simulator's /seller/get answers seller_id = its shop id (a number on the wire).
    expect(store.identity).toMatchObject({ sellerId: shop.shopId, shortCode: expect.stringMatching(/^SG\d+/), name: shop.name });
    expect(store.shopRef).toBe(shop.shopId);
    expect((await db.stores.get(store.id))?.identity?.sellerId).toBe(shop.shopId);
    expect((await sim.stats(shop.shopId)).calls['/seller/get']).toBeGreaterThanOrEqual(1);
  });

  it('TikTok: the shop id, cipher, code, name and region from /authorization/202309/shops', async () => {
    const shop = await sim.createShop({ platform: 'tiktok', items: 1, seed: 32 });
    const store = await connected(shop, 'TikTok A');
    expect(store.identity).toEqual({ shopId: shop.shopId, cipher: shop.credentials.shopCipher, shortCode: expect.any(String), name: shop.name, region: 'US' });
    expect(store.shopRef).toBe(shop.shopId);
  });

  it('Shopee, Shopify and WooCommerce: the shop id, domain and site', async () => {
    const expected: Partial<Record<Platform, (s: SimShop) => Record<string, string>>> = {
      shopee: (s) => ({ shopId: s.shopId }),
      shopify: (s) => ({ domain: s.credentials.shopDomain! }),
      woocommerce: (s) => ({ site: s.apiBaseUrl }),
    };
    for (const [platform, want] of Object.entries(expected) as [Platform, (s: SimShop) => Record<string, string>][]) {
      const shop = await sim.createShop({ platform, items: 1, seed: 33 });
      const store = await connected(shop);
      expect(store.identity, platform).toMatchObject(want(shop));
    }
  });

  it('a TikTok cipher the token does not cover is refused at connect, before any shop call fails on it', async () => {
    const shop = await sim.createShop({ platform: 'tiktok', items: 1, seed: 34 });
    const answer = await connect({ ...shop, credentials: { ...shop.credentials, shopCipher: 'ROW_not-this-shop' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(await db.stores.count()).toBe(0);
  });
});

describe('authorizing through the platform learns the shop', () => {
  it('Lazada: the seller id and country from the token answer', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 1, seed: 35 });
    useAuthWindow(shop.shopId);
    const store = await ok('stores.authorize', { platform: 'lazada', appCredentials: { appKey: shop.credentials.appKey!, appSecret: shop.credentials.appSecret! }, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl });
    expect(store.identity).toMatchObject({ sellerId: shop.shopId, region: 'SG' });
    expect(store.shopRef).toBe(shop.shopId);
  });

  it('TikTok: the shop id and cipher of the authorized shop', async () => {
    const shop = await sim.createShop({ platform: 'tiktok', items: 1, seed: 36 });
    useAuthWindow(shop.shopId);
    const store = await ok('stores.authorize', {
      platform: 'tiktok',
      // The simulator registers the service under the app key.
      appCredentials: { appKey: shop.credentials.appKey!, appSecret: shop.credentials.appSecret!, serviceId: shop.credentials.appKey! },
      apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl,
    });
    expect(store.identity).toMatchObject({ shopId: shop.shopId, cipher: shop.credentials.shopCipher, region: 'US' });
    expect(store.name).toBe(shop.name);
  });
});

describe('consoles bind by the learnt id', () => {
  it.each(['lazada', 'tiktok'] as const)('two %s stores: each console URL names its own store', async (platform) => {
    const a = await sim.createShop({ platform, items: 1, seed: 40 });
    const b = await sim.createShop({ platform, items: 1, seed: 41 });
    const storeA = await connected(a, 'Same name');
    const storeB = await connected(b, 'Same name');
    expect(await asConsole(a.consoleUrl, 'console.identify', {})).toMatchObject({ ok: true, data: { store: { id: storeA.id } } });
    expect(await asConsole(b.consoleUrl, 'console.identify', {})).toMatchObject({ ok: true, data: { store: { id: storeB.id } } });
  });
});

describe('stores connected before the shop was learnt', () => {
  async function legacy(shop: SimShop) {
    const store = await connected(shop, 'Old store');
    // As a row written by an earlier version: no identity, no id for pasted Lazada/TikTok credentials.
    await db.stores.update(store.id, { identity: undefined, shopRef: '' });
    return store.id;
  }

  it('learn it on their next test', async () => {
    const shop = await sim.createShop({ platform: 'tiktok', items: 1, seed: 42 });
    const id = await legacy(shop);
    const other = await sim.createShop({ platform: 'tiktok', items: 1, seed: 43 });
    await connected(other, 'Another');
    expect(await asConsole(shop.consoleUrl, 'console.identify', {})).toMatchObject({ ok: true, data: { store: null, reason: 'ambiguous' } });
    expect(await ok('stores.test', { id })).toMatchObject({ ok: true });
    expect((await db.stores.get(id))?.identity).toMatchObject({ shopId: shop.shopId, cipher: shop.credentials.shopCipher });
    expect(await asConsole(shop.consoleUrl, 'console.identify', {})).toMatchObject({ ok: true, data: { store: { id } } });
  });

  it('learn it on their next download', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 2, seed: 44 });
    const id = await legacy(shop);
    const { jobId } = await ok('stores.download', { id, mode: 'full' });
    await drainJobs(db);
    expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
    expect((await db.stores.get(id))?.identity).toMatchObject({ sellerId: shop.shopId });
    expect((await db.stores.get(id))?.shopRef).toBe(shop.shopId);
  });
});

describe('re-authorization', () => {
  it('with another shop\'s credentials is refused and changes nothing', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 1, seed: 45 });
    const other = await sim.createShop({ platform: 'lazada', items: 1, seed: 46 });
    const store = await connected(shop, 'Mine');
    const before = await db.stores.get(store.id);
    const answer = await connect(other, 'Mine', store.id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'shop_mismatch' } });
    if (!answer.ok) expect(answer.error.message).toContain(other.shopId);
    expect(await db.stores.get(store.id)).toEqual(before);
    // The same shop's fresh credentials are taken.
    expect(await connect(shop, 'Mine', store.id)).toMatchObject({ ok: true, data: { id: store.id, identity: { sellerId: shop.shopId } } });
  });
});

describe('the same shop', () => {
  it('a Shopify domain is the shop for good; a WooCommerce site may move to a new address', async () => {
    const shopify = await connected(await sim.createShop({ platform: 'shopify', items: 1, seed: 50 }));
    const row = (await db.stores.get(shopify.id))!;
    expect(() => assertSameShop(row, { domain: 'someone-else.myshopify.com' })).toThrow(/another shop/);
    expect(() => assertSameShop(row, { domain: row.identity!.domain!.toUpperCase() })).not.toThrow();
    const woo = (await db.stores.get((await connected(await sim.createShop({ platform: 'woocommerce', items: 1, seed: 51 }))).id))!;
    expect(() => assertSameShop(woo, { site: 'https://moved.example.com' })).not.toThrow();
  });
});

describe('labels', () => {
  it('tell two stores named alike apart by shop id and region', async () => {
    const a = await sim.createShop({ platform: 'tiktok', items: 1, seed: 47 });
    const b = await sim.createShop({ platform: 'tiktok', items: 1, seed: 48 });
    const storeA = await connected(a, 'Twin');
    const storeB = await connected(b, 'Twin');
    expect(storeLabel(storeA)).toBe(`Twin · ${a.shopId} · US`);
    expect(storeLabel(storeB)).toBe(`Twin · ${b.shopId} · US`);
    const woo = await connected(await sim.createShop({ platform: 'woocommerce', items: 1, seed: 49 }), 'My Woo');
    expect(storeLabel(woo)).toBe(`My Woo · ${woo.endpoints.apiBaseUrl.replace(/^https?:\/\//, '')}`);
    // A row that knows nothing of its shop still reads differently from its twin.
    expect(storeLabel({ ...storeA, identity: undefined, shopRef: '', region: null })).toBe(`Twin · #${storeA.id}`);
  });
});
