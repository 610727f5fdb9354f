import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { forgetCredentialKey } from '@/lib/stores/secrets';
import { freshDb, ok, run } from '../../helpers/background';
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

async function connect(shop: SimShop, name = shop.name) {
  return ok('stores.connect', { platform: shop.platform, name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
}

async function download(storeId: number, mode: 'full' | 'incremental' = 'full') {
  const { jobId } = await ok('stores.download', { id: storeId, mode });
  await drainJobs(db);
  return ok('jobs.get', { id: jobId });
}

/** Every value in every table, as text: what someone reading the raw database would see. */
async function rawDump(): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray(), (_k, v) => (v instanceof CryptoKey ? '[CryptoKey]' : v)));
  return parts.join('\n');
}

describe.each(PLATFORMS)('a %s store', (platform: Platform) => {
  it('connects with tested credentials that never come back and are not stored in clear', async () => {
    const shop = await sim.createShop({ platform, items: 3, variantsPerItem: 2, seed: 7 });
    const store = await connect(shop, 'My shop');
    expect(store).toMatchObject({ platform, name: 'My shop', status: 'active' });
    expect(JSON.stringify(store)).not.toMatch(/secret|accessToken|partnerKey|consumerSecret/i);
    // Ids that are also public (shop id, shop domain) may appear; secrets and tokens must not.
    const secrets = Object.entries(shop.credentials).filter(([k]) => /token|secret|key|password/i.test(k)).map(([, v]) => v);
    expect(secrets.length).toBeGreaterThan(0);
    const listed = JSON.stringify(await ok('stores.list', {}));
    const dump = await rawDump();
    for (const value of secrets) {
      expect(listed).not.toContain(value);
      expect(dump).not.toContain(value);
    }
    expect(await ok('stores.test', { id: store.id })).toMatchObject({ ok: true });
  });

  it('downloads every listing with variants and SKUs, twice without duplicates, and connects by SKU', async () => {
    const shop = await sim.createShop({ platform, items: 7, variantsPerItem: 3, seed: 11, skuPrefix: `${platform.toUpperCase()}` });
    const truth = await sim.items(shop.shopId);
    // System products for the first listing's SKUs (one in other case and with spaces).
    const first = truth[0]!.variants;
    await ok('products.create', { sku: ` ${first[0]!.sellerSku.toLowerCase()} `, name: 'Matched A' });
    if (first[1]) await ok('products.create', { sku: first[1].sellerSku, name: 'Matched B' });
    const store = await connect(shop);
    const job = await download(store.id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ items: truth.length, created: truth.length });
    const again = await download(store.id);
    expect(again.result).toMatchObject({ items: truth.length, created: 0 });

    const products = await db.storeProducts.where('[storeId+platformItemId]').between([store.id, ''], [store.id, '\uffff']).toArray();
    expect(products.map((p) => p.platformItemId).sort()).toEqual(truth.map((t) => String(t.itemId)).sort());
    const variants = await db.storeVariants.toArray();
    expect(variants).toHaveLength(truth.reduce((s, t) => s + t.variants.length, 0));
    for (const t of truth) {
      const p = products.find((x) => x.platformItemId === String(t.itemId))!;
      expect(p.title).toBe(t.title);
      const vs = variants.filter((v) => v.storeProductId === p.id);
      expect(vs.map((v) => [v.sellerSku, v.platformStock]).sort()).toEqual(t.variants.map((v) => [v.sellerSku, v.stock]).sort());
    }
    const connected = variants.filter((v) => v.connected);
    expect(connected.map((v) => v.sellerSku).sort()).toEqual(first.slice(0, 2).map((v) => v.sellerSku).sort());
    expect(variants.filter((v) => !v.connected).every((v) => v.reason === 'no_matching_sku')).toBe(true);
  });
});

describe('downloads', () => {
  it('incremental asks only for what changed; a full download marks vanished listings', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 60, variantsPerItem: 1, seed: 3 });
    const store = await connect(shop);
    expect((await download(store.id)).result).toMatchObject({ items: 60 });
    const truth = await sim.items(shop.shopId);
    await new Promise((r) => setTimeout(r, 1100));
    await sim.patchItem(shop.shopId, truth[5]!.itemId, { title: 'Renamed on Lazada' });
    const before = await sim.stats(shop.shopId);
    const inc = await download(store.id, 'incremental');
    expect(inc.status).toBe('succeeded');
    // The overlap window may bring back items changed just before the last start, never all 60.
    expect((inc.result as { items: number }).items).toBeGreaterThanOrEqual(1);
    expect((inc.result as { items: number }).items).toBeLessThan(60);
    const after = await sim.stats(shop.shopId);
    expect((after.calls['/products/get'] ?? 0) - (before.calls['/products/get'] ?? 0)).toBe(1);
    expect((await db.storeProducts.where('[storeId+platformItemId]').equals([store.id, String(truth[5]!.itemId)]).first())?.title).toBe('Renamed on Lazada');

    await sim.patchItem(shop.shopId, truth[9]!.itemId, { deleted: true });
    const full = await download(store.id, 'full');
    expect(full.status).toBe('succeeded');
    const gone = await db.storeProducts.filter((p) => p.gone === 1).toArray();
    expect(gone.map((p) => p.platformItemId)).toEqual([String(truth[9]!.itemId)]);
  });

  it('a store whose token is refused goes to needs_reauthorization and the job says so', async () => {
    const shop = await sim.createShop({ platform: 'shopify', items: 2, seed: 1 });
    const store = await connect(shop);
    // Replace the token with a wrong one through the encrypted store, as a revoked app would look.
    const { encryptCredentials } = await import('@/lib/stores/secrets');
    await db.stores.update(store.id, { secret: await encryptCredentials(db, { platform: 'shopify', shopDomain: shop.credentials.shopDomain!, accessToken: 'shpat_revoked' }) });
    const job = await download(store.id);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'needs_reauthorization' } });
    expect((await ok('stores.get', { id: store.id })).status).toBe('needs_reauthorization');
    expect(await run('stores.download', { id: store.id, mode: 'full' })).toMatchObject({ ok: false, error: { code: 'store_not_active' } });
  });

  it('refuses wrong credentials with auth_failed and saves nothing; refuses incomplete ones by field', async () => {
    const shop = await sim.createShop({ platform: 'shopee', items: 1, seed: 1 });
    const wrong = await run('stores.connect', { platform: 'shopee', name: 'X', apiBaseUrl: shop.apiBaseUrl, credentials: { ...shop.credentials, partnerKey: 'not-the-key' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    const incomplete = await run('stores.connect', { platform: 'tiktok', name: 'X', apiBaseUrl: shop.apiBaseUrl, credentials: { appKey: 'a' } });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!incomplete.ok) expect(JSON.stringify(incomplete.error.details)).toContain('credentials.appSecret');
    expect(await db.stores.count()).toBe(0);
  });
});

describe('re-authorization', () => {
  it('gives the same store new credentials and makes it active again, keeping its listings', async () => {
    const shop = await sim.createShop({ platform: 'tiktok', items: 3, seed: 12 });
    const store = await connect(shop);
    const { jobId } = await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
    await db.stores.update(store.id, { status: 'needs_reauthorization', statusReason: 'token revoked' });
    const again = await ok('stores.connect', { platform: 'tiktok', name: 'ignored', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials, storeId: store.id });
    expect(again).toMatchObject({ id: store.id, status: 'active', statusReason: null, name: store.name });
    expect(await db.stores.count()).toBe(1);
    expect(await db.storeProducts.count()).toBe(3);
    expect(await run('stores.connect', { platform: 'shopee', name: 'x', apiBaseUrl: shop.apiBaseUrl, credentials: { partnerId: 1, partnerKey: 'k', shopId: 1, accessToken: 'a', refreshToken: 'r' }, storeId: store.id })).toMatchObject({ ok: false });
  });
});
