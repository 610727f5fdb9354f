// SYNC.md's acceptance cases, each a test, against the platform simulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { WORKER_ID, releaseForeignLeases } from '@/lib/sync/engine';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle, setUpStore, storeProductIds, type World } from '../../helpers/syncWorld';

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

const rule = (w: World, over: Partial<{ inventoryType: 'sellable' | 'sellable_in_transit'; ratioPercent: number; warehouseIds: number[] }> = {}) =>
  ok('syncRules.create', { name: 'Main rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId], ...over });

const skuOf = (w: World, i = 0, v = 0) => w.items[i]!.variants[v]!.sellerSku;

async function autoSyncAll(w: World) {
  await ok('storeProducts.setAutoSync', { storeId: w.storeId, all: true, enabled: true });
  await settle(db);
}

async function manualSync(w: World, storeProductIds?: number[]) {
  const { jobId } = await ok('storeProducts.sync', storeProductIds ? { storeId: w.storeId, storeProductIds } : { storeId: w.storeId, all: true });
  await settle(db);
  return ok('jobs.get', { id: jobId });
}

async function variantIdOf(w: World, sku: string) {
  return (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([w.storeId, sku.toLowerCase()]).first())!.id;
}

describe('SYNC.md acceptance', () => {
  it('1. 100 sellable + 100 in transit at 80 % → 160; sellable only → 80', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1 });
    const sku = skuOf(w);
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 100 });
    await ok('purchaseOrders.create', { warehouseId: w.warehouses[0]!, lines: [{ sku, quantity: 100 }] });
    const r = await rule(w, { inventoryType: 'sellable_in_transit', ratioPercent: 80 });
    await manualSync(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(160);
    const why = await ok('storeVariants.explainQuantity', { id: await variantIdOf(w, sku) });
    expect(why).toMatchObject({ quantity: 160, base: 200, rule: { ratioPercent: 80, inventoryType: 'sellable_in_transit' }, warehouses: [{ sellable: 100, inTransit: 100 }] });
    await ok('syncRules.update', { id: r.id, name: 'Main rule', inventoryType: 'sellable', ratioPercent: 80, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
    await manualSync(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(80);
  });

  it('2. 7 sellable at 50 % → 3 (rounded down)', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 1 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: skuOf(w), onHand: 7 });
    await rule(w, { ratioPercent: 50 });
    await manualSync(w);
    expect((await platformStock(sim, w.shopId)).get(skuOf(w))).toBe(3);
  });

  it('3. on hand 5, reserved 7 → sellable 0 → pushes 0', async () => {
    const w = await setUpStore(db, sim, { platform: 'tiktok', items: 1 });
    const sku = skuOf(w);
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 7 });
    await ok('inventory.reserve', { warehouseId: w.warehouses[0]!, sku, quantity: 7 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 5 });
    await rule(w);
    await manualSync(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(0);
  });

  it('4. a rule over W1 + W2 sums both; stock in W3 changes nothing', async () => {
    const w = await setUpStore(db, sim, { platform: 'woocommerce', items: 1, warehouses: 3 });
    const sku = skuOf(w);
    const [w1, w2, w3] = w.warehouses as [number, number, number];
    await ok('inventory.adjust', { warehouseId: w1, sku, onHand: 4 });
    await ok('inventory.adjust', { warehouseId: w2, sku, onHand: 6 });
    await rule(w, { warehouseIds: [w1, w2] });
    await autoSyncAll(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(10);
    const before = await sim.stats(w.shopId);
    await ok('inventory.adjust', { warehouseId: w3, sku, onHand: 50 });
    expect(await db.pushQueue.count()).toBe(0);
    await settle(db);
    expect((await sim.stats(w.shopId)).stockUpdateCalls).toBe(before.stockUpdateCalls);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(10);
  });

  it('5. a store without a rule: Sync inventory answers no_sync_rule and the platform receives nothing', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopify', items: 2 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: skuOf(w), onHand: 9 });
    const answer = await run('storeProducts.sync', { storeId: w.storeId, all: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'no_sync_rule' } });
    await settle(db);
    expect((await sim.stats(w.shopId)).stockUpdateCalls).toBe(0);
    expect(await db.jobs.where('kind').equals('sync.manual').count()).toBe(0);
  });

  it('6. a second rule naming a covered store → store_already_covered naming the first', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1 });
    await rule(w);
    const second = await run('syncRules.create', { name: 'Second', inventoryType: 'sellable', ratioPercent: 50, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
    expect(second).toMatchObject({ ok: false, error: { code: 'store_already_covered', details: { ruleName: 'Main rule', storeId: w.storeId } } });
    if (!second.ok) expect(second.error.message).toContain('"Main rule"');
    expect(await db.syncRules.count()).toBe(1);
  });

  it('7. 100 changes to one SKU within a second → the platform ends at the last number after a few calls; the rest skipped', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1 });
    const sku = skuOf(w);
    await rule(w);
    await autoSyncAll(w);
    const before = (await sim.stats(w.shopId)).stockUpdateCalls;
    for (let i = 1; i <= 100; i++) void run('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: i });
    await new Promise((r) => setTimeout(r, 300));
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(100);
    const calls = (await sim.stats(w.shopId)).stockUpdateCalls - before;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(5);
    const vid = await variantIdOf(w, sku);
    const logs = await db.syncLogs.where('[storeVariantId+createdAt]').between([vid, 0], [vid, Infinity]).filter((l) => l.trigger === 'stock_change').toArray();
    expect(logs).toHaveLength(100);
    expect(logs.filter((l) => l.status === 'success').length).toBe(calls);
    expect(logs.filter((l) => l.status === 'skipped').length).toBe(100 - calls);
    expect(logs.filter((l) => l.status === 'skipped').every((l) => l.error === 'superseded by a newer change')).toBe(true);
  });

  it('8. batching: 120 Lazada variants → 3 calls; 10 models of one Shopee item → 1; 10 Shopee items → 10', async () => {
    const lz = await setUpStore(db, sim, { platform: 'lazada', items: 40, variantsPerItem: 3, seed: 8 });
    await rule(lz);
    await autoSyncAll(lz);
    const lzBefore = (await sim.stats(lz.shopId)).stockUpdateCalls;
    await ok('storeProducts.sync', { storeId: lz.storeId, all: true });
    await settle(db);
    expect((await sim.stats(lz.shopId)).stockUpdateCalls - lzBefore).toBe(3);

    const one = await setUpStore(db, sim, { platform: 'shopee', items: 1, variantsPerItem: 10, seed: 9, skuPrefix: 'ONE' });
    await ok('syncRules.create', { name: 'Shopee one', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [one.warehouses[0]!], storeIds: [one.storeId] });
    await manualSync(one);
    expect((await sim.stats(one.shopId)).stockUpdateCalls).toBe(1);

    const ten = await setUpStore(db, sim, { platform: 'shopee', items: 10, variantsPerItem: 1, seed: 10, skuPrefix: 'TEN' });
    await ok('syncRules.create', { name: 'Shopee ten', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [ten.warehouses[0]!], storeIds: [ten.storeId] });
    await manualSync(ten);
    expect((await sim.stats(ten.shopId)).stockUpdateCalls).toBe(10);
  });

  it('9. a batch with 2 rejected entries → those 2 failed with the reason, the rest success; retry sends only them', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 6 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: skuOf(w, 0), onHand: 3 });
    await rule(w);
    const rejected = [skuOf(w, 1), skuOf(w, 4)];
    await sim.faults({ shopId: w.shopId, rejectSkus: rejected });
    const job = await manualSync(w);
    expect(job.result).toMatchObject({ success: 4, failed: 2 });
    const failed = await db.syncLogs.where('[storeId+status]').equals([w.storeId, 'failed']).toArray();
    const failedSkus = (await db.storeVariants.bulkGet(failed.map((l) => l.storeVariantId))).map((v) => v!.sellerSku).sort();
    expect(failedSkus).toEqual([...rejected].sort());
    expect(failed.every((l) => (l.error ?? '').length > 0)).toBe(true);
    await sim.faults({});
    const before = await sim.stats(w.shopId);
    const retry = await ok('syncLogs.retry', { storeId: w.storeId });
    expect(retry.variants).toBe(2);
    await settle(db);
    const after = await sim.stats(w.shopId);
    expect(after.stockUpdateEntries - before.stockUpdateEntries).toBe(2);
    expect(await db.storeVariants.where('failing').equals(1).count()).toBe(0);
  });

  it('10. a change while a push is in flight → a second push with the new number follows', async () => {
    const w = await setUpStore(db, sim, { platform: 'tiktok', items: 1 });
    const sku = skuOf(w);
    await rule(w);
    await autoSyncAll(w);
    await sim.faults({ shopId: w.shopId, latencyMs: 600 });
    const before = (await sim.stats(w.shopId)).stockUpdateCalls;
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 5 });
    await new Promise((r) => setTimeout(r, 250)); // the first push is now waiting on the platform
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 9 });
    await settle(db);
    expect((await sim.stats(w.shopId)).stockUpdateCalls - before).toBe(2);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(9);
  });

  it('11. a claim left by a stopped worker is taken again and the push happens', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopify', items: 1 });
    const sku = skuOf(w);
    await rule(w);
    await autoSyncAll(w);
    // A worker claimed the push and was stopped before sending: its lease is still on the row.
    await db.transaction('rw', db.pushQueue, db.syncLogs, db.storeVariants, async () => {
      const vid = await variantIdOf(w, sku);
      const log = await db.syncLogs.add({ storeId: w.storeId, storeProductId: 1, storeVariantId: vid, quantity: null, trigger: 'stock_change', status: 'pending', error: null, jobId: null, attempts: 0, createdAt: Date.now(), sentAt: null } as never);
      await db.pushQueue.put({ storeVariantId: vid, storeId: w.storeId, seq: 1, trigger: 'stock_change', manual: 0, logId: log as number, dueAt: 0, leaseOwner: 'w-stopped', leaseUntil: Date.now() + 60_000, attempts: 0, lastError: null, firstQueuedAt: Date.now() });
    });
    await db.stockLevels.put({ productId: w.products.get(sku)!, warehouseId: w.warehouses[0]!, onHand: 42, reserved: 0, inTransit: 0, updatedAt: Date.now() });
    expect(await releaseForeignLeases(db)).toBe(1);
    expect(WORKER_ID).not.toBe('w-stopped');
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(42);
  });

  it('12. auto sync off: stock changes push nothing; manual sync pushes the current number', async () => {
    const w = await setUpStore(db, sim, { platform: 'woocommerce', items: 2 });
    const sku = skuOf(w);
    await rule(w);
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 12 });
    await settle(db);
    expect((await sim.stats(w.shopId)).stockUpdateCalls).toBe(0);
    const ids = await storeProductIds(db, w.storeId);
    const job = await manualSync(w, ids);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(12);
    // The result names each listing by its title and platform id, not by our row id.
    const listings = (job.result as { listings: { title: string; platformItemId: string }[] }).listings;
    expect(listings.map((l) => [l.title, l.platformItemId]).sort()).toEqual(w.items.map((i) => [i.title, String(i.itemId)]).sort());
  });

  it('13. a reservation of 3 lowers the pushed number; its release raises it back', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 1 });
    const sku = skuOf(w);
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 10 });
    await rule(w);
    await autoSyncAll(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(10);
    const r = await ok('inventory.reserve', { warehouseId: w.warehouses[0]!, sku, quantity: 3 });
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(7);
    await ok('inventory.release', { id: r.id });
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(10);
  });

  it('14. PO of 50 (rule with in transit) → +50 × ratio; receiving 20 → unchanged; cancelling the rest → −30 × ratio', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1 });
    const sku = skuOf(w);
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 10 });
    await rule(w, { inventoryType: 'sellable_in_transit', ratioPercent: 50 });
    await autoSyncAll(w);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(5);
    const po = await ok('purchaseOrders.create', { warehouseId: w.warehouses[0]!, lines: [{ sku, quantity: 50 }] });
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(30);
    const calls = (await sim.stats(w.shopId)).stockUpdateCalls;
    await ok('purchaseOrders.receive', { id: po.id, lines: [{ sku, quantity: 20 }] });
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(30);
    expect((await sim.stats(w.shopId)).stockUpdateCalls).toBe(calls); // same number: nothing sent
    await ok('purchaseOrders.cancel', { id: po.id });
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(sku)).toBe(15);
  });

  it('15. throttled for a while → pushes wait and then all land; none failed', async () => {
    const w = await setUpStore(db, sim, { platform: 'tiktok', items: 8 });
    await rule(w);
    await sim.faults({ shopId: w.shopId, rateLimitPerSecond: 2 });
    for (const [i, item] of w.items.entries()) await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: item.variants[0]!.sellerSku, onHand: 20 + i });
    await autoSyncAll(w);
    await settle(db, 30_000);
    const stock = await platformStock(sim, w.shopId);
    w.items.forEach((item, i) => expect(stock.get(item.variants[0]!.sellerSku)).toBe(20 + i));
    expect(await db.syncLogs.where('[storeId+status]').equals([w.storeId, 'failed']).count()).toBe(0);
    expect((await sim.stats(w.shopId)).rejected).toEqual(expect.objectContaining({}));
    await drainJobs(db);
  });
});
