// What the store product list tells a seller about effects they cannot see on the platform:
// listings whose platform stock is not the number Shelfsync would push ("differs", a filter the
// in-memory list index answers and keeps fresh through stock changes, rule edits and pushes),
// listings with a variant Shelfsync does not manage (never "Synced"), and SKUs and titles in
// natural order. Against the simulator over HTTP, with the engine running in-process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { ok } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle, setUpStore } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

type Listing = Awaited<ReturnType<typeof list>>['items'][number];

function list(storeId: number, filter: { differs?: boolean; syncStatus?: 'success' | 'partial'; sort?: 'title' | 'itemId'; order?: 'asc' | 'desc' } = {}) {
  return ok('storeProducts.list', { storeId, pageSize: 500, ...filter });
}

const itemIds = (items: Listing[]) => items.map((i) => i.platformItemId).sort();

describe('platform stock that differs from the push quantity', () => {
  it('is marked on the variant and filterable, and stays right through stock changes, rule edits, a disconnect and a push', async () => {
    const world = await setUpStore(db, sim, { platform: 'shopee', items: 5, variantsPerItem: 2, seed: 71 });
    const [w] = world.warehouses as [number];
    const skus = world.items.flatMap((i) => i.variants);
    // Stock equal to what each platform shows, so nothing differs under a 100 % rule…
    for (const v of skus) await ok('inventory.adjust', { warehouseId: w, sku: v.sellerSku, onHand: v.stock });
    const ruleInput = { name: 'All of W', inventoryType: 'sellable' as const, ratioPercent: 100, warehouseIds: [w], storeIds: [world.storeId] };
    const rule = await ok('syncRules.create', ruleInput);
    await settle(db);
    expect((await list(world.storeId, { differs: true })).total).toBe(0);
    expect((await list(world.storeId, { differs: false })).total).toBe(5);

    // …until the warehouse moves. Auto sync is off, so nothing is pushed and the platform keeps 45-like numbers.
    const [first, second] = world.items as [(typeof world.items)[number], (typeof world.items)[number]];
    const moved = first.variants[1]!;
    await ok('inventory.adjust', { warehouseId: w, sku: moved.sellerSku, delta: -3 });
    await settle(db);
    const differing = await list(world.storeId, { differs: true });
    expect(itemIds(differing.items)).toEqual([first.itemId]);
    const variant = differing.items[0]!.variants.find((v) => v.sellerSku === moved.sellerSku)!;
    expect(variant).toMatchObject({ platformStock: moved.stock, pushQuantity: Math.max(0, moved.stock - 3), differs: moved.stock > 0 });
    expect(differing.items[0]!.variants.find((v) => v.sellerSku !== moved.sellerSku)!.differs).toBe(false);
    expect((await list(world.storeId, { differs: false })).total).toBe(4);

    // Back to the platform's number: the listing leaves the filter (no rebuild of the index needed).
    await ok('inventory.adjust', { warehouseId: w, sku: moved.sellerSku, onHand: moved.stock });
    expect((await list(world.storeId, { differs: true })).total).toBe(0);

    // A rule edit changes every push quantity: at 50 % every listing with stock differs.
    await ok('syncRules.update', { id: rule.id, ...ruleInput, ratioPercent: 50 });
    await settle(db);
    const half = await list(world.storeId, { differs: true });
    const withStock = world.items.filter((i) => i.variants.some((v) => v.stock > 0 && Math.floor(v.stock / 2) !== v.stock));
    expect(itemIds(half.items)).toEqual(withStock.map((i) => i.itemId).sort());
    await ok('syncRules.update', { id: rule.id, ...ruleInput });

    // Only a connected variant has a push quantity: a disconnected one never "differs".
    await ok('inventory.adjust', { warehouseId: w, sku: second.variants[0]!.sellerSku, delta: 5 });
    expect(itemIds((await list(world.storeId, { differs: true })).items)).toEqual([second.itemId]);
    const sv = (await list(world.storeId, { differs: true })).items[0]!.variants.find((v) => v.sellerSku === second.variants[0]!.sellerSku)!;
    await ok('storeVariants.disconnect', { id: sv.id });
    const after = await list(world.storeId);
    expect(after.items.find((i) => i.platformItemId === second.itemId)!.variants.find((v) => v.id === sv.id)).toMatchObject({ pushQuantity: null, differs: false });
    expect((await list(world.storeId, { differs: true })).total).toBe(0);
    await ok('storeVariants.connect', { id: sv.id, productId: world.products.get(second.variants[0]!.sellerSku)! });
    await settle(db);

    // A push makes the platform hold the number: the listing no longer differs.
    expect(itemIds((await list(world.storeId, { differs: true })).items)).toEqual([second.itemId]);
    const listing = (await list(world.storeId, { differs: true })).items[0]!;
    await ok('storeProducts.sync', { storeId: world.storeId, storeProductIds: [listing.id] });
    await drainJobs(db);
    await settle(db);
    expect((await platformStock(sim, world.shopId)).get(second.variants[0]!.sellerSku)).toBe(second.variants[0]!.stock + 5);
    expect((await list(world.storeId, { differs: true })).total).toBe(0);

    // Without a rule nothing has a push quantity, so nothing differs.
    await ok('inventory.adjust', { warehouseId: w, sku: moved.sellerSku, delta: -1 });
    expect((await list(world.storeId, { differs: true })).total).toBe(1);
    await ok('syncRules.remove', { id: rule.id });
    expect((await list(world.storeId, { differs: true })).total).toBe(0);
    expect((await list(world.storeId, { differs: false })).total).toBe(5);
  });

  it('is answered the same from a fresh index (the worker restarted)', async () => {
    const world = await setUpStore(db, sim, { platform: 'lazada', items: 4, variantsPerItem: 1, seed: 72 });
    const [w] = world.warehouses as [number];
    for (const item of world.items) await ok('inventory.adjust', { warehouseId: w, sku: item.variants[0]!.sellerSku, onHand: item.variants[0]!.stock + 1 });
    await ok('syncRules.create', { name: 'W', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w], storeIds: [world.storeId] });
    await settle(db);
    expect((await list(world.storeId, { differs: true })).total).toBe(4);
    invalidateAll();
    expect((await list(world.storeId, { differs: true })).total).toBe(4);
  });
});

describe('a listing with a variant not managed', () => {
  it('is "partial", not "success", after a sync; the filter tells them apart', async () => {
    const world = await setUpStore(db, sim, { platform: 'shopee', items: 2, variantsPerItem: 2, seed: 73 });
    const [w] = world.warehouses as [number];
    await ok('syncRules.create', { name: 'W', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w], storeIds: [world.storeId] });
    const before = await list(world.storeId);
    const [a, b] = before.items as [Listing, Listing];
    await ok('storeVariants.disconnect', { id: a.variants[0]!.id });
    await ok('storeProducts.sync', { storeId: world.storeId, storeProductIds: [a.id, b.id] });
    await drainJobs(db);
    await settle(db);
    // The connected variants were pushed (the platform holds 0: no stock in W); the other was not.
    const stock = await platformStock(sim, world.shopId);
    expect(stock.get(a.variants[1]!.sellerSku)).toBe(0);
    expect(stock.get(a.variants[0]!.sellerSku)).toBe(world.items.flatMap((i) => i.variants).find((v) => v.sellerSku === a.variants[0]!.sellerSku)!.stock);

    const now = await list(world.storeId);
    expect(now.items.find((i) => i.id === a.id)!.syncStatus).toBe('partial');
    expect(now.items.find((i) => i.id === b.id)!.syncStatus).toBe('success');
    expect((await list(world.storeId, { syncStatus: 'partial' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await list(world.storeId, { syncStatus: 'success' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await ok('storeProducts.get', { id: a.id })).syncStatus).toBe('partial');
  });
});

describe('natural order', () => {
  it('lists variants by SKU and sorts titles as numbers read: 2 before 10', async () => {
    const shop = await sim.createShop({ platform: 'shopify', items: 0 });
    const add = (title: string, skus: string[]) => sim.control('POST', `/__sim/shops/${shop.shopId}/items`, { title, variants: skus.map((sellerSku) => ({ sellerSku, stock: 1, price: 1 })) });
    await add('Tee 10', ['DEMO-10', 'DEMO-2', 'DEMO-1', 'DEMO-11']);
    await add('Tee 9', ['DEMO-90']);
    await add('Tee 100', ['DEMO-100']);
    const store = await ok('stores.connect', { platform: 'shopify', name: 'Natural', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    const byTitle = await list(store.id, { sort: 'title', order: 'asc' });
    expect(byTitle.items.map((i) => i.title)).toEqual(['Tee 9', 'Tee 10', 'Tee 100']);
    expect(byTitle.items[1]!.variants.map((v) => v.sellerSku)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-10', 'DEMO-11']);
    expect((await list(store.id, { sort: 'title', order: 'desc' })).items.map((i) => i.title)).toEqual(['Tee 100', 'Tee 10', 'Tee 9']);
  });
});
