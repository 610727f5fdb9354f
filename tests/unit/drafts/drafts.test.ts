import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { PLATFORMS } from '@/lib/platforms/types';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, setUpStore, storeProductIds } from '../../helpers/syncWorld';
import { fillDestination } from './fill';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

async function release(draftIds: number[]) {
  const { jobId } = await ok('drafts.release', { draftIds });
  await drainJobs(db);
  return ok('jobs.get', { id: jobId });
}

describe.each(PLATFORMS)('releasing to %s', (platform) => {
  it('creates the item through the platform with the right SKUs and stock, and makes it a connected store product', async () => {
    // From another platform: its images go into the destination's own hosting on the way.
    const source = await setUpStore(db, sim, { platform: platform === 'lazada' ? 'tiktok' : 'lazada', items: 1, variantsPerItem: 3, seed: 40, skuPrefix: 'SRC' });
    const dest = await setUpStore(db, sim, { platform, items: 1, seed: 41, skuPrefix: `D${platform.slice(0, 2).toUpperCase()}` });
    await ok('stores.update', { id: dest.storeId, autoSyncDefault: true });
    await ok('syncRules.create', { name: 'Dest rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [source.warehouses[0]!], storeIds: [dest.storeId] });
    const skus = source.items[0]!.variants.map((v) => v.sellerSku);
    for (const [i, sku] of skus.entries()) await ok('inventory.adjust', { warehouseId: source.warehouses[0]!, sku, onHand: 5 + i });
    const [sourceProduct] = await storeProductIds(db, source.storeId);
    const cloned = await ok('storeProducts.clone', { storeProductIds: [sourceProduct!], destinationStoreIds: [dest.storeId] });
    expect(cloned.errors).toEqual([]);
    const draftId = cloned.drafts[0]!.id;
    let draft = await ok('drafts.get', { id: draftId });
    // Cross-platform: the marketplace's parts are flagged, not failed.
    if (platform === 'shopee' || platform === 'tiktok') expect(draft.validation.map((v) => v.field)).toContain('categoryId');
    expect(draft.variants.map((v) => [v.sellerSku, v.stock])).toEqual(skus.map((s, i) => [s, 5 + i]));
    draft = (await fillDestination(draftId, 'kitchen mugs', { title: `Cloned to ${platform}`, weightGrams: 300, variants: draft.variants.map((v) => ({ ...v, price: v.price > 0 ? v.price : 9.5 })) })).draft;
    expect(draft.validation).toEqual([]);

    const job = await release([draftId]);
    expect(job.result, JSON.stringify(job.result)).toMatchObject({ released: 1, failed: 0 });
    expect(await db.drafts.count()).toBe(0);
    const onPlatform = (await sim.items(dest.shopId)).find((i) => i.title === `Cloned to ${platform}`);
    expect(onPlatform, 'the simulator holds the new item').toBeTruthy();
    expect(onPlatform!.variants.map((v) => [v.sellerSku, v.stock]).sort()).toEqual(skus.map((s, i) => [s, 5 + i]).sort());
    const sp = await db.storeProducts.where('[storeId+platformItemId]').equals([dest.storeId, String(onPlatform!.itemId)]).first();
    expect(sp).toMatchObject({ title: `Cloned to ${platform}`, autoSync: 1 });
    const variants = await db.storeVariants.where('storeProductId').equals(sp!.id).toArray();
    expect(variants.map((v) => [v.sellerSku, v.connected]).sort()).toEqual(skus.map((s) => [s, 1]).sort());
  });
});

describe('drafts', () => {
  it('a stale-version save gets version_conflict and changes nothing', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopify', items: 1, seed: 50 });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const first = await ok('drafts.get', { id: drafts[0]!.id });
    const saved = await ok('drafts.update', { id: first.id, version: first.version, title: 'Tab one' });
    expect(saved.version).toBe(first.version + 1);
    const stale = await run('drafts.update', { id: first.id, version: first.version, title: 'Tab two' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'version_conflict', details: { currentVersion: saved.version } } });
    expect((await ok('drafts.get', { id: first.id })).title).toBe('Tab one');
  });

  it('validates against the destination: title length, description, images, SKUs present and unique, price > 0', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 51 });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    const bad = await ok('drafts.update', {
      id: d.id, version: d.version, title: 'x'.repeat(121), imageUrls: Array.from({ length: 10 }, (_, i) => `https://img.example/${i}.jpg`),
      variants: [{ sellerSku: 'A-1', price: 0, stock: 1 }, { sellerSku: 'a-1', price: 5, stock: 1 }, { sellerSku: ' ', price: 5, stock: 1 }],
    });
    expect(bad.validation.map((v) => v.field).sort()).toEqual(['categoryId', 'description', 'imageUrls', 'logistics', 'title', 'variants.0.price', 'variants.1.sellerSku', 'variants.2.sellerSku', 'weightGrams'].sort());
    const job = await release([d.id]);
    expect(job.result).toMatchObject({ released: 0, failed: 1 });
    expect(await db.drafts.get(d.id)).toMatchObject({ status: 'failed', failure: { message: expect.stringMatching(/^Fix before release/) } });
    expect((await sim.stats(w.shopId)).calls['/api/v2/product/add_item'] ?? 0).toBe(0);
  });

  it('a SKU another listing of the store uses is flagged before release where the platform needs unique SKUs', async () => {
    const w = await setUpStore(db, sim, { platform: 'woocommerce', items: 1, seed: 54 });
    const taken = w.items[0]!.variants[0]!.sellerSku; // WooCommerce SKUs are unique per site
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [w.products.get(taken)!] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    const saved = await ok('drafts.update', { id: d.id, version: d.version, price: 12, variants: [{ sellerSku: taken, price: 12, stock: 3 }] });
    expect(saved.validation).toEqual([{ field: 'variants.0.sellerSku', scope: 'store', message: `The SKU "${taken}" is already used by "${w.items[0]!.title}" in this store, and WooCommerce needs every seller SKU to be unique in a shop.` }]);
    const job = await release([d.id]);
    expect(job.result).toMatchObject({ released: 0, failed: 1, results: [{ error: expect.stringMatching(/^Fix before release: The SKU/) }] });
    expect((await sim.stats(w.shopId)).calls['POST /products'] ?? 0).toBe(0);
  });

  it('a platform refusal validation could not see is stored as a sentence on its field with the raw text as details, and can be fixed and released again', async () => {
    const w = await setUpStore(db, sim, { platform: 'woocommerce', items: 1, seed: 52 });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    // Listed on the site after the store's last download: Shelfsync cannot know the SKU is taken.
    await sim.control('POST', `/__sim/shops/${w.shopId}/items`, { title: 'Made in wp-admin', variants: [{ sellerSku: 'MUG-NEW', stock: 1, price: 5 }] });
    await ok('drafts.update', { id: d.id, version: d.version, price: 12, variants: [{ sellerSku: 'MUG-NEW', price: 12, stock: 3 }] });
    expect((await ok('drafts.get', { id: d.id })).validation).toEqual([]);
    const job = await release([d.id]);
    const sentence = 'WooCommerce already has a listing with this seller SKU (perhaps made since the store\'s last download), and every seller SKU must be unique in a shop: change the SKU, or download the store to see which listing uses it.';
    expect(job.result).toMatchObject({ released: 0, failed: 1, results: [{ draftId: d.id, ok: false, error: sentence, field: 'variants.0.sellerSku' }] });
    const failed = await ok('drafts.get', { id: d.id });
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ message: sentence, field: 'variants.0.sellerSku', fieldValue: 'MUG-NEW' });
    expect(failed.failure?.details).toMatch(/product_invalid_sku Invalid or duplicated SKU/);
    await ok('drafts.update', { id: d.id, version: failed.version, variants: [{ sellerSku: 'MUG-NEW-2', price: 12, stock: 3 }] });
    expect((await release([d.id])).result).toMatchObject({ released: 1 });
    expect((await sim.items(w.shopId)).some((i) => i.variants.some((v) => v.sellerSku === 'MUG-NEW-2'))).toBe(true);
  });

  it('a draft refused for a SKU listed since the download is refused again next time, never taken for that other listing', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1, seed: 55 });
    await sim.control('POST', `/__sim/shops/${w.shopId}/items`, { title: 'Made in Seller Center', variants: [{ sellerSku: 'LZ-NEW', stock: 1, price: 5 }] });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    await fillDestination(d.id, 'men t-shirts', {
      title: 'Two sizes', weightGrams: 400, price: 8, imageUrls: [`${sim.url}/__sim/images/two.jpg`],
      variants: [{ sellerSku: 'LZ-NEW', price: 8, stock: 1, options: { Size: 'S' } }, { sellerSku: 'LZ-NEW-L', price: 9, stock: 1, options: { Size: 'L' } }],
    });
    const sentence = /^Lazada already has a listing with this seller SKU/;
    const first = await release([d.id]);
    expect(first.result).toMatchObject({ failed: 1, results: [{ error: expect.stringMatching(sentence), field: 'variants', details: expect.stringMatching(/SELLER_SKU_DUPLICATE/) }] });
    const before = await sim.items(w.shopId);
    const again = await release([d.id]);
    expect(again.result).toMatchObject({ failed: 1, results: [{ error: expect.stringMatching(sentence) }] });
    expect(await sim.items(w.shopId)).toEqual(before);
    expect(await db.drafts.get(d.id)).toMatchObject({ status: 'failed', release: null });
  });

  it('a release that stopped after the item was created is completed, not duplicated', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 53 });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    await fillDestination(d.id, 'men t-shirts', {
      title: 'Two-step item', description: 'Two steps', weightGrams: 200, price: 10, imageUrls: [`${sim.url}/__sim/images/two.jpg`],
      variants: [{ sellerSku: 'TWO-A', price: 10, stock: 2, options: { Colour: 'Red' } }, { sellerSku: 'TWO-B', price: 10, stock: 4, options: { Colour: 'Blue' } }],
    });
    // The first attempt got as far as add_item (the item exists, without its models) and stopped.
    await sim.control('POST', `/__sim/shops/${w.shopId}/items`, { title: 'Two-step item', variants: [{ sellerSku: 'TWO-A', stock: 0, price: 10 }] });
    await db.drafts.update(d.id, { status: 'publishing', release: { platformItemId: null, startedAt: Date.now() - 60_000 } });
    const before = (await sim.items(w.shopId)).length;
    const job = await release([d.id]);
    expect(job.result, JSON.stringify(job.result)).toMatchObject({ released: 1 });
    const items = await sim.items(w.shopId);
    expect(items).toHaveLength(before);
    const item = items.find((i) => i.title === 'Two-step item')!;
    expect(item.variants.map((v) => v.sellerSku).sort()).toEqual(['TWO-A', 'TWO-B']);
  });
});
