// The stock a copy starts with (issue 14, "clones never carry untracked stock"): the number the
// destination's rule would push for the variant's system product, 0 when nothing governs it —
// never the source platform's stock. Released over HTTP; the simulator's own numbers are read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { skuKeyOf } from '@/lib/db/versions';
import { drainJobs } from '@/lib/jobs/runner';
import { ok } from '../../helpers/background';
import { fillDestination } from './fill';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, settle, setUpStore, storeProductIds } from '../../helpers/syncWorld';

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

async function download(storeId: number) {
  await ok('stores.download', { id: storeId, mode: 'full' });
  await drainJobs(db);
}

/** What the simulated platform holds for the released item, by seller SKU. */
async function platformStockOf(shopId: string, title: string): Promise<Record<string, number>> {
  const item = (await sim.items(shopId)).find((i) => i.title === title);
  expect(item, `the platform holds "${title}"`).toBeTruthy();
  return Object.fromEntries(item!.variants.map((v) => [v.sellerSku, v.stock]));
}

describe('the stock a copy starts with', () => {
  it('an unconnected variant is released with 0, not the source platform\'s stock; a connected one with the number the destination rule pushes', async () => {
    const source = await setUpStore(db, sim, { platform: 'lazada', items: 1, variantsPerItem: 2, seed: 60, skuPrefix: 'CS' });
    const dest = await setUpStore(db, sim, { platform: 'tiktok', items: 1, seed: 61, skuPrefix: 'CT' });
    const item = source.items[0]!;
    const [managed, loose] = item.variants as [typeof item.variants[0], typeof item.variants[0]];
    // The source platform holds 114 of a variant nobody connected to a system product.
    await sim.patchItem(source.shopId, item.itemId, { variants: [{ variantId: String(loose.variantId), stock: 114 }] });
    await download(source.storeId);
    const looseRow = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([source.storeId, skuKeyOf(loose.sellerSku)]).first())!;
    await ok('storeVariants.disconnect', { id: looseRow.id });
    expect(await db.storeVariants.get(looseRow.id)).toMatchObject({ platformStock: 114, connected: 0 });
    // TikTok's rule: half of the main warehouse. The loose SKU has stock there too: unconnected, it is not its number.
    const warehouse = source.warehouses[0]!;
    await ok('syncRules.create', { name: 'TikTok half', inventoryType: 'sellable', ratioPercent: 50, warehouseIds: [warehouse], storeIds: [dest.storeId] });
    await ok('inventory.adjust', { warehouseId: warehouse, sku: managed.sellerSku, onHand: 15 });
    await ok('inventory.adjust', { warehouseId: warehouse, sku: loose.sellerSku, onHand: 40 });

    const [sourceProduct] = await storeProductIds(db, source.storeId);
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: [sourceProduct!], destinationStoreIds: [dest.storeId] });
    const draft = await ok('drafts.get', { id: drafts[0]!.id });
    expect(draft.variants.map((v) => [v.sellerSku, v.stock, v.stockSource])).toEqual([
      [managed.sellerSku, 7, 'rule'],
      [loose.sellerSku, 0, 'not_connected'],
    ]);

    const saved = (await fillDestination(draft.id, 'desk lamps', { title: 'Cloned to TikTok', weightGrams: 250, description: draft.description || 'A copy' })).draft;
    expect(saved.validation).toEqual([]);
    expect((await release([draft.id])).result).toMatchObject({ released: 1, failed: 0 });
    await settle(db);
    expect(await platformStockOf(dest.shopId, 'Cloned to TikTok')).toEqual({ [managed.sellerSku]: 7, [loose.sellerSku]: 0 });
  });

  it('a connected variant in a store with no rule starts at 0 and says so; drafts from system products follow the same rule', async () => {
    const source = await setUpStore(db, sim, { platform: 'lazada', items: 1, variantsPerItem: 1, seed: 62, skuPrefix: 'NR' });
    const dest = await setUpStore(db, sim, { platform: 'shopify', items: 1, seed: 63, skuPrefix: 'NS' });
    const sku = source.items[0]!.variants[0]!.sellerSku;
    const warehouse = source.warehouses[0]!;
    await ok('inventory.adjust', { warehouseId: warehouse, sku, onHand: 30 });
    expect(source.items[0]!.variants[0]!.stock).toBeGreaterThan(0);

    const [sourceProduct] = await storeProductIds(db, source.storeId);
    const cloned = (await ok('storeProducts.clone', { storeProductIds: [sourceProduct!], destinationStoreIds: [dest.storeId] })).drafts[0]!;
    const draft = await ok('drafts.get', { id: cloned.id });
    expect(draft.variants.map((v) => [v.sellerSku, v.stock, v.stockSource])).toEqual([[sku, 0, 'no_rule']]);
    const fromProduct = (await ok('drafts.fromProducts', { storeId: dest.storeId, productIds: [source.products.get(sku)!] })).drafts[0]!;
    expect((await ok('drafts.get', { id: fromProduct.id })).variants.map((v) => [v.stock, v.stockSource])).toEqual([[0, 'no_rule']]);

    await ok('drafts.update', { id: draft.id, version: draft.version, title: 'No rule yet', price: 9, variants: draft.variants.map((v) => ({ ...v, price: 9 })) });
    expect((await release([draft.id])).result).toMatchObject({ released: 1 });
    expect(await platformStockOf(dest.shopId, 'No rule yet')).toEqual({ [sku]: 0 });

    // Once the store has a rule, a new draft starts at that rule's number.
    await ok('syncRules.create', { name: 'Shopify all', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse], storeIds: [dest.storeId] });
    const later = (await ok('drafts.fromProducts', { storeId: dest.storeId, productIds: [source.products.get(sku)!] })).drafts[0]!;
    expect((await ok('drafts.get', { id: later.id })).variants.map((v) => [v.stock, v.stockSource])).toEqual([[30, 'rule']]);
  });

  it('a saved edit keeps why the stock starts at 0, and a draft made before the field existed still reads', async () => {
    const source = await setUpStore(db, sim, { platform: 'lazada', items: 1, variantsPerItem: 1, seed: 64, skuPrefix: 'KS' });
    const [sourceProduct] = await storeProductIds(db, source.storeId);
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: [sourceProduct!], destinationStoreIds: [source.storeId] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    const saved = await ok('drafts.update', { id: d.id, version: d.version, title: 'Renamed', variants: d.variants });
    expect(saved.variants[0]!.stockSource).toBe('no_rule');
    // A draft written before stockSource existed.
    const old = (await db.drafts.get(d.id))!;
    await db.drafts.put({ ...old, variants: old.variants.map(({ stockSource: _, ...v }) => v) });
    const read = await ok('drafts.get', { id: d.id });
    expect(read.variants[0]).not.toHaveProperty('stockSource');
    expect(read.title).toBe('Renamed');
  });
});
