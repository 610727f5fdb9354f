import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
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

describe('drift check', () => {
  it.each(['shopee', 'tiktok', 'shopify'] as const)('flags a %s listing edited on the platform and corrects it with one action', async (platform) => {
    const w = await setUpStore(db, sim, { platform, items: 4, variantsPerItem: 1, seed: 60 });
    for (const item of w.items) await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: item.variants[0]!.sellerSku, onHand: 8 });
    await ok('syncRules.create', { name: 'R', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
    await ok('storeProducts.setAutoSync', { storeId: w.storeId, all: true, enabled: true });
    await settle(db);
    const edited = w.items[2]!;
    await sim.patchItem(w.shopId, edited.itemId, { variants: [{ variantId: edited.variants[0]!.variantId, stock: 99 }] });

    const { jobId } = await ok('sync.checkDrift', { storeId: w.storeId });
    await settle(db);
    expect((await ok('jobs.get', { id: jobId })).result).toMatchObject({ checked: 4, drifted: 1 });
    const flagged = await ok('storeProducts.list', { storeId: w.storeId, drift: true });
    expect(flagged.items.map((i) => i.platformItemId)).toEqual([String(edited.itemId)]);
    expect(flagged.items[0]!.variants[0]!.drift).toMatchObject({ platformStock: 99, expected: 8 });

    const fix = await ok('sync.fixDrift', { storeId: w.storeId });
    expect(fix.variants).toBe(1);
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(edited.variants[0]!.sellerSku)).toBe(8);
    expect((await ok('storeProducts.list', { storeId: w.storeId, drift: true })).total).toBe(0);
  });
});
