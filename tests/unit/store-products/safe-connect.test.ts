// Issue 14: Add system SKU and Connect never surprise a live listing. Against the simulator over
// HTTP: the platform's own numbers before and after, the ledger rows written, and the dry runs
// that write nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  await sim.faults({});
  db = await freshWorld();
});

/** A Shopee store on auto sync under a rule, none of its variants connected (no system products). */
async function liveUnconnectedStore(opts: { ratioPercent?: number; rule?: boolean; items?: number } = {}) {
  const shop = await sim.createShop({ platform: 'shopee', items: opts.items ?? 3, variantsPerItem: 1, seed: 77, skuPrefix: 'LIVE' });
  // Every listing has stock on the platform, so pushing 0 would be visible.
  for (const [i, item] of (await sim.items(shop.shopId)).entries()) {
    await sim.patchItem(shop.shopId, item.itemId, { variants: [{ variantId: item.variants[0]!.variantId, stock: 40 + i * 17 }] });
  }
  const w1 = (await ok('warehouses.create', { name: 'Main', code: 'MAIN' })).id;
  const store = await ok('stores.connect', { platform: 'shopee', name: 'Live shop', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  if (opts.rule !== false) await ok('syncRules.create', { name: 'Main rule', inventoryType: 'sellable', ratioPercent: opts.ratioPercent ?? 100, warehouseIds: [w1], storeIds: [store.id] });
  await ok('storeProducts.setAutoSync', { storeId: store.id, all: true, enabled: true });
  await settle(db);
  const variants = (await ok('storeVariants.list', { storeId: store.id, connected: false, pageSize: 500 })).items;
  return { shop, store, w1, variants, before: await platformStock(sim, shop.shopId) };
}

async function nothingWritten() {
  expect(await db.products.count()).toBe(0);
  expect(await db.movements.count()).toBe(0);
  expect(await db.pushQueue.count()).toBe(0);
  expect(await db.storeVariants.filter((v) => v.connected === 1).count()).toBe(0);
}

describe('Add system SKU', () => {
  it('with platform stock on an auto-synced store under a 100 % rule: every platform number stays, the intake is in the ledger', async () => {
    const { shop, store, w1, variants, before } = await liveUnconnectedStore();
    expect(variants).toHaveLength(3);
    const ids = variants.map((v) => v.id);

    // The dialog's preview: nothing changes on the platform, and nothing is written.
    const preview = await ok('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: 'platform', dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, warehouses: [{ storeId: store.id, warehouseId: w1, name: 'Main' }], effects: { total: 3, changes: 0, toZero: 0, unchanged: 3 } });
    expect(preview.effects.items.map((e) => [e.sellerSku, e.from, e.to])).toEqual(variants.map((v) => [v.sellerSku, before.get(v.sellerSku), before.get(v.sellerSku)]));
    await nothingWritten();

    // The default is platform stock into the rule's first warehouse.
    const made = await ok('storeVariants.createSystemProducts', { storeVariantIds: ids });
    expect(made.created).toHaveLength(3);
    await settle(db);
    expect(await platformStock(sim, shop.shopId)).toEqual(before);
    for (const v of variants) {
      const product = (await db.products.where('skuKey').equals(v.sellerSku.toLowerCase()).first())!;
      expect(await db.stockLevels.get([product.id, w1])).toMatchObject({ onHand: before.get(v.sellerSku) });
      const [movement] = await db.movements.where('[productId+createdAt]').between([product.id, -Infinity], [product.id, Infinity]).toArray();
      expect(movement).toMatchObject({ kind: 'intake', warehouseId: w1, before: { onHand: 0 }, after: { onHand: before.get(v.sellerSku) }, reason: expect.stringContaining('Live shop showed') });
    }
  });

  it('with zero: the preview counts the listings going to 0; confirming pushes 0', async () => {
    const { shop, variants, before } = await liveUnconnectedStore();
    const ids = variants.map((v) => v.id);
    const preview = await ok('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: 'zero', dryRun: true });
    expect(preview.effects).toMatchObject({ changes: 3, toZero: 3, listings: 3, stores: 1 });
    expect(preview.effects.items.every((e) => e.to === 0 && e.pushes && e.from > 0)).toBe(true);
    await nothingWritten();
    expect(await platformStock(sim, shop.shopId)).toEqual(before);

    await ok('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: 'zero' });
    await settle(db);
    expect([...(await platformStock(sim, shop.shopId)).values()]).toEqual([0, 0, 0]);
    expect(await db.movements.count()).toBe(0);
  });

  it('under an 80 % rule the preview shows each listing going from its platform stock to 80 % of it', async () => {
    const { shop, variants, before } = await liveUnconnectedStore({ ratioPercent: 80 });
    const preview = await ok('storeVariants.createSystemProducts', { storeVariantIds: variants.map((v) => v.id), dryRun: true });
    const expected = new Map([...before].map(([sku, n]) => [sku, Math.floor(n * 0.8)]));
    expect(new Map(preview.effects.items.map((e) => [e.sellerSku, e.to]))).toEqual(expected);
    expect(preview.effects).toMatchObject({ changes: 3, toZero: 0 });
    await ok('storeVariants.createSystemProducts', { storeVariantIds: variants.map((v) => v.id) });
    await settle(db);
    expect(await platformStock(sim, shop.shopId)).toEqual(expected);
  });

  it('two listings with one SKU share one new product and their stock is taken once', async () => {
    const { shop, store, w1, variants } = await liveUnconnectedStore({ items: 2 });
    const [a, b] = variants;
    const items = await sim.items(shop.shopId);
    const second = items.find((i) => i.variants[0]!.sellerSku === b!.sellerSku)!;
    await sim.patchItem(shop.shopId, second.itemId, { variants: [{ variantId: second.variants[0]!.variantId, sellerSku: a!.sellerSku }] });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    const made = await ok('storeVariants.createSystemProducts', { storeVariantIds: [a!.id, b!.id] });
    expect(made.created).toHaveLength(1);
    expect(made.joined).toEqual([{ storeVariantId: b!.id, productId: made.created[0]!.productId, sku: a!.sellerSku }]);
    expect(await db.movements.count()).toBe(1);
    expect((await db.stockLevels.get([made.created[0]!.productId, w1]))?.onHand).toBe(made.created[0]!.intake);
  });

  it('without a warehouse, platform stock is refused with a reason and nothing is half-done; zero works', async () => {
    const shop = await sim.createShop({ platform: 'lazada', items: 2, variantsPerItem: 1, seed: 5, skuPrefix: 'NOWH' });
    const store = await ok('stores.connect', { platform: 'lazada', name: 'No warehouse', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    const ids = (await ok('storeVariants.list', { storeId: store.id, connected: false })).items.map((v) => v.id);
    expect(await run('storeVariants.createSystemProducts', { storeVariantIds: ids })).toMatchObject({ ok: false, error: { code: 'no_warehouse', message: expect.stringContaining('start the new products at 0') } });
    expect(await db.products.count()).toBe(0);
    // Two warehouses and no rule: which one holds the stock is the seller's call.
    await ok('warehouses.create', { name: 'A', code: 'A' });
    const wb = (await ok('warehouses.create', { name: 'B', code: 'B' })).id;
    expect(await run('storeVariants.createSystemProducts', { storeVariantIds: ids })).toMatchObject({ ok: false, error: { code: 'warehouse_required' } });
    expect(await run('storeVariants.createSystemProducts', { storeVariantIds: ids, warehouseId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const made = await ok('storeVariants.createSystemProducts', { storeVariantIds: ids, warehouseId: wb });
    expect(made.created).toHaveLength(2);
    // No rule: nothing is pushed, and the answer says there is no number.
    expect(made.effects).toMatchObject({ changes: 0, noNumber: 2 });
    expect(await run('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: 'zero' })).toMatchObject({ ok: true, data: { created: [], errors: [{ code: 'already_connected' }, { code: 'already_connected' }] } });
  });
});

describe('Connect', () => {
  it('answers the number it will push before (dry run, nothing written) and after connecting', async () => {
    const { shop, w1, variants, before } = await liveUnconnectedStore();
    const target = variants[0]!;
    const product = await ok('products.create', { sku: 'OTHER-1', name: 'Other' });
    await ok('inventory.adjust', { warehouseId: w1, productId: product.id, onHand: 61 });
    await settle(db);
    const movements = await db.movements.count();

    const preview = await ok('storeVariants.connect', { id: target.id, productId: product.id, dryRun: true });
    expect(preview).toMatchObject({ pushQuantity: 61, from: before.get(target.sellerSku), pushes: true, dryRun: true });
    expect((await db.storeVariants.get(target.id))?.connected).toBe(0);
    expect(await db.pushQueue.count()).toBe(0);
    expect(await db.movements.count()).toBe(movements);

    const done = await ok('storeVariants.connect', { id: target.id, productId: product.id });
    expect(done).toMatchObject({ pushQuantity: 61, pushes: true, dryRun: false });
    await settle(db);
    expect((await platformStock(sim, shop.shopId)).get(target.sellerSku)).toBe(61);
  });

  it('says there is no number when the store has no rule', async () => {
    const { variants } = await liveUnconnectedStore({ rule: false });
    const product = await ok('products.create', { sku: 'OTHER-2', name: 'Other' });
    expect(await ok('storeVariants.connect', { id: variants[0]!.id, productId: product.id, dryRun: true })).toMatchObject({ pushQuantity: null, pushes: false, reason: 'no_sync_rule' });
  });
});
