// A Shopify store's settings through the commands: the shop's locations listed, the location
// Shelfsync syncs chosen (checked against the shop; the download then reads that location's
// stock), the API version chosen among those Shopify supports today; refusals with a code and
// a sentence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { DEFAULT_SHOPIFY_VERSION, supportedVersions } from '@/lib/platforms/shopify/versions';
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

async function twoLocationStore(): Promise<{ shop: SimShop; storeId: number }> {
  const shop = await sim.control<SimShop>('POST', '/__sim/shops', { platform: 'shopify', items: 0, locations: 2, seed: 41 });
  await sim.control('POST', `/__sim/shops/${shop.shopId}/items`, { title: 'Lamp', variants: [{ sellerSku: 'LAMP-1', stock: [5, 40], price: 20 }] });
  const store = await ok('stores.connect', { platform: 'shopify', name: 'Lamps', apiBaseUrl: shop.apiBaseUrl, credentials: shop.credentials });
  return { shop, storeId: store.id };
}
async function downloadedStock(storeId: number): Promise<number | undefined> {
  const { jobId } = await ok('stores.download', { id: storeId, mode: 'full' });
  await drainJobs(db);
  expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
  return (await db.storeVariants.where('storeId').equals(storeId).first())?.platformStock ?? undefined;
}

describe('a Shopify store syncs the location the seller chooses', () => {
  it('lists the locations, primary marked; the default is the primary; another is chosen and used', async () => {
    const { storeId } = await twoLocationStore();
    const store = await ok('stores.get', { id: storeId });
    expect(store.endpoints.apiVersion).toBe(DEFAULT_SHOPIFY_VERSION);
    const listed = await ok('stores.locations', { id: storeId });
    expect(listed.chosen).toBeNull();
    expect(listed.items.map((l: { name: string; primary: boolean }) => [l.name, l.primary])).toEqual([['Location 2', false], ['Shop location', true]]);
    expect(await downloadedStock(storeId)).toBe(5);

    const second = listed.items.find((l: { primary: boolean }) => !l.primary)!;
    const updated = await ok('stores.update', { id: storeId, shopify: { locationId: second.id } });
    expect(updated.endpoints.locationId).toBe(second.id);
    expect((await ok('stores.locations', { id: storeId })).chosen).toBe(second.id);
    expect(await downloadedStock(storeId)).toBe(40);

    // Back to the primary location.
    expect((await ok('stores.update', { id: storeId, shopify: { locationId: null } })).endpoints.locationId).toBeUndefined();
    expect(await downloadedStock(storeId)).toBe(5);
  });

  it('refuses a location the shop does not have, a version Shopify no longer supports, and Shopify settings on another platform', async () => {
    const { storeId } = await twoLocationStore();
    const gone = await run('stores.update', { id: storeId, shopify: { locationId: 'gid://shopify/Location/999999' } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('has no location gid://shopify/Location/999999') } });
    const old = await run('stores.update', { id: storeId, shopify: { apiVersion: '2025-10' } });
    expect(old).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Shopify does not support API version 2025-10 today') } });
    expect((await ok('stores.get', { id: storeId })).endpoints).toMatchObject({ apiVersion: DEFAULT_SHOPIFY_VERSION });
    expect((await ok('stores.get', { id: storeId })).endpoints.locationId).toBeUndefined();

    const oldest = supportedVersions(Date.now())[0]!;
    expect((await ok('stores.update', { id: storeId, shopify: { apiVersion: oldest } })).endpoints.apiVersion).toBe(oldest);
    // The store still works on that version.
    expect(await downloadedStock(storeId)).toBe(5);

    const shopee = await sim.createShop({ platform: 'shopee', items: 1, seed: 42 });
    const other = await ok('stores.connect', { platform: 'shopee', name: 'Shopee', apiBaseUrl: shopee.apiBaseUrl, credentials: shopee.credentials });
    expect(await run('stores.update', { id: other.id, shopify: { apiVersion: oldest } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await run('stores.locations', { id: other.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
