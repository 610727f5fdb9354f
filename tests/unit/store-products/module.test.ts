import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

async function connectAndDownload(platform: 'lazada' | 'shopee', items: number, seed: number, prepare?: (shopId: string, skus: string[]) => Promise<void>) {
  const shop = await sim.createShop({ platform, items, variantsPerItem: 2, seed, skuPrefix: 'MOD' });
  const truth = await sim.items(shop.shopId);
  await prepare?.(shop.shopId, truth.flatMap((t) => t.variants.map((v) => v.sellerSku)));
  const store = await ok('stores.connect', { platform, name: 'Module shop', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  return { store, shop, truth: await sim.items(shop.shopId) };
}

describe('the store product list', () => {
  it('searches title, seller SKU, system SKU and item id; filters; sorts; pages; all items by filter', async () => {
    const { store, truth } = await connectAndDownload('lazada', 30, 21, async (_shopId, skus) => {
      for (const sku of skus.slice(0, 20)) await ok('products.create', { sku, name: `System ${sku}` });
    });
    const all = await ok('storeProducts.list', { storeId: store.id, pageSize: 500 });
    expect(all.total).toBe(30);
    const first = truth[0]!;
    expect((await ok('storeProducts.list', { storeId: store.id, q: first.title.slice(0, 12) })).items.map((i) => i.platformItemId)).toContain(String(first.itemId));
    const bySku = await ok('storeProducts.list', { storeId: store.id, q: first.variants[1]!.sellerSku.toLowerCase(), pageSize: 500 });
    expect(bySku.items.map((i) => i.platformItemId)).toContain(String(first.itemId));
    // Every hit really carries the text in a SKU (substring search: MOD-2 also finds MOD-20).
    expect(bySku.items.every((i) => i.variants.some((v) => v.sellerSku.toLowerCase().includes(first.variants[1]!.sellerSku.toLowerCase())))).toBe(true);
    expect((await ok('storeProducts.list', { storeId: store.id, q: String(first.itemId) })).total).toBeGreaterThanOrEqual(1);
    // System SKU search: rename a system product's SKU and find the listing by the new one.
    const sysId = (await db.products.where('skuKey').equals(first.variants[0]!.sellerSku.toLowerCase()).first())!.id;
    await ok('products.update', { id: sysId, sku: 'RENAMED-SYSTEM-SKU' });
    const { invalidateAll } = await import('@/lib/store-products/listIndex');
    invalidateAll();
    expect((await ok('storeProducts.list', { storeId: store.id, q: 'renamed-system' })).items[0]?.variants.find((v) => v.productId === sysId)?.systemSku).toBe('RENAMED-SYSTEM-SKU');

    const connected = await ok('storeProducts.list', { storeId: store.id, connected: true, pageSize: 500 });
    const unconnected = await ok('storeProducts.list', { storeId: store.id, connected: false, pageSize: 500 });
    expect(connected.total).toBe(10);
    expect(unconnected.total).toBe(20);
    const page2 = await ok('storeProducts.list', { storeId: store.id, sort: 'title', order: 'asc', page: 2, pageSize: 7 });
    const titles = (await ok('storeProducts.list', { storeId: store.id, sort: 'title', order: 'asc', pageSize: 500 })).items.map((i) => i.title);
    expect(page2.items.map((i) => i.title)).toEqual(titles.slice(7, 14));
    const ids = await ok('storeProducts.list', { storeId: store.id, connected: false, idsOnly: true });
    expect(ids.ids).toHaveLength(20);
    // Without a rule the push quantity is blank with the reason.
    expect(connected.items[0]!.variants[0]).toMatchObject({ pushQuantity: null, pushQuantityReason: expect.stringMatching(/No sync rule/) });
    expect(unconnected.items[0]!.variants.find((v) => v.productId === null)).toMatchObject({ pushQuantity: null, pushQuantityReason: expect.stringMatching(/Not connected/) });
    expect(await run('storeProducts.list', { storeId: store.id, pageSize: 501 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('unconnected variants', () => {
  it('gives the reason with counts; connect, Add system SKU, disconnect and re-run auto-connect', async () => {
    const { store, shop, truth } = await connectAndDownload('shopee', 4, 33, async (shopId, skus) => {
      const items = await sim.items(shopId);
      await sim.patchItem(shopId, items[0]!.itemId, { variants: [{ variantId: items[0]!.variants[0]!.variantId, sellerSku: '' }] });
      // Two system SKUs that differ from the platform's only by punctuation: several candidates.
      const target = skus[2]!;
      await ok('products.create', { sku: target.replace(/-/g, '_'), name: 'Twin A' });
      await ok('products.create', { sku: target.replace(/-/g, '.'), name: 'Twin B' });
    });
    const list = await ok('storeVariants.list', { storeId: store.id, connected: false, pageSize: 500 });
    expect(list.total).toBe(8);
    expect(list.reasons).toMatchObject({ empty_sku: 1, ambiguous_sku: 1, no_matching_sku: 6 });
    const ambiguous = list.items.find((v) => v.reason === 'ambiguous_sku')!;
    expect(ambiguous.candidates.map((c) => c.name).sort()).toEqual(['Twin A', 'Twin B']);

    // Connect manually: it leaves the list.
    await ok('storeVariants.connect', { id: ambiguous.id, productId: ambiguous.candidates[0]!.id });
    expect((await ok('storeVariants.list', { storeId: store.id, connected: false })).total).toBe(7);

    // Add system SKU for two variants (one with an empty SKU is reported, not half-done).
    const noMatch = list.items.filter((v) => v.reason === 'no_matching_sku').slice(0, 2);
    const empty = list.items.find((v) => v.reason === 'empty_sku')!;
    const made = await ok('storeVariants.createSystemProducts', { storeVariantIds: [...noMatch.map((v) => v.id), empty.id], startingStock: 'zero' });
    expect(made.created.map((c) => c.sku).sort()).toEqual(noMatch.map((v) => v.sellerSku).sort());
    expect(made.errors).toEqual([expect.objectContaining({ storeVariantId: empty.id, code: 'empty_sku' })]);
    for (const v of noMatch) {
      const p = await db.products.where('skuKey').equals(v.sellerSku.toLowerCase()).first();
      expect(p).toMatchObject({ sku: v.sellerSku, name: expect.stringContaining(v.title) });
      expect((await db.storeVariants.get(v.id))).toMatchObject({ productId: p!.id, connected: 1, connectedBy: 'created' });
    }
    // Again: the SKUs are taken now, so nothing is created twice.
    await ok('storeVariants.disconnect', { id: noMatch[1]!.id });
    const again = await ok('storeVariants.createSystemProducts', { storeVariantIds: [noMatch[0]!.id, noMatch[1]!.id], startingStock: 'zero' });
    expect(again).toMatchObject({ created: [], errors: [{ code: 'already_connected' }, { code: 'sku_taken' }] });

    // Disconnect: stays out of auto-connect.
    await ok('storeVariants.disconnect', { id: noMatch[0]!.id });
    await ok('stores.autoConnect', { id: store.id });
    expect(await db.storeVariants.get(noMatch[0]!.id)).toMatchObject({ connected: 0, reason: 'disconnected' });

    // Re-run auto-connect after the seller creates the missing system SKU.
    const remaining = (await ok('storeVariants.list', { storeId: store.id, connected: false, reason: 'no_matching_sku' })).items[0]!;
    await ok('products.create', { sku: remaining.sellerSku, name: 'Made later' });
    const rerun = await ok('stores.autoConnect', { id: store.id });
    expect(rerun.connected).toBe(1);
    expect((await db.storeVariants.get(remaining.id))?.connected).toBe(1);
    expect(truth.length).toBe(4);
    expect(shop.shopId).toBeTruthy();
  });
});

describe('the first page of an unfiltered list', () => {
  it('counts every listing, whatever the page size (served from the index while the list warms)', async () => {
    const { store } = await connectAndDownload('lazada', 12, 31);
    const { invalidateAll } = await import('@/lib/store-products/listIndex');
    invalidateAll();
    const page = await ok('storeProducts.list', { storeId: store.id, pageSize: 5 });
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    const second = await ok('storeProducts.list', { storeId: store.id, pageSize: 5, page: 3 });
    expect(second.items).toHaveLength(2);
  });
});
