// What the engine writes per push, now that it writes and reads less: claims are held in the
// worker's memory (lib/sync/leases.ts); a push's result completes its pending log row from what
// the mark put on the queue row (capture.ts#LogMeta) instead of reading the log row first; and
// the queue row and variant are read again at the end only when someone wrote them since the
// claim (rowWatch.ts). What must hold: one push per change even while it is in flight, a write
// made meanwhile is kept, the log row keeps its job, trigger and time and gets its outcome and
// attempts, and rows queued by an older version still complete.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainEngine, kickEngine } from '@/lib/sync/engine';
import { ok } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle, setUpStore, type World } from '../../helpers/syncWorld';

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

async function synced(platform: 'tiktok' | 'lazada'): Promise<World & { sku: string; variantId: number }> {
  const w = await setUpStore(db, sim, { platform, items: 2 });
  await ok('syncRules.create', { name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
  await ok('storeProducts.setAutoSync', { storeId: w.storeId, all: true, enabled: true });
  await settle(db);
  const sku = w.items[0]!.variants[0]!.sellerSku;
  const variantId = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([w.storeId, sku.toLowerCase()]).first())!.id;
  return { ...w, sku, variantId };
}

const lastLog = async (variantId: number) => (await db.syncLogs.where('[storeVariantId+createdAt]').between([variantId, 0], [variantId, Infinity]).toArray()).pop()!;

async function until(what: string, fn: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    void kickEngine();
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('engine writes', () => {
  it('a push in flight is claimed once: a slow platform gets one call, the queue row is left as marked, the log row completes', async () => {
    const w = await synced('tiktok');
    await sim.faults({ shopId: w.shopId, latencyMs: 700 });
    const before = (await sim.stats(w.shopId)).stockUpdateCalls;
    const markedAt = Date.now();
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: w.sku, onHand: 31 });
    // The push is waiting on the platform now; a full round meanwhile must not claim it again.
    await new Promise((r) => setTimeout(r, 250));
    void kickEngine();
    const queued = (await db.pushQueue.get(w.variantId))!;
    expect(queued).toMatchObject({ seq: 1, leaseOwner: null, leaseUntil: 0 });
    await settle(db);
    expect((await sim.stats(w.shopId)).stockUpdateCalls - before).toBe(1);
    expect((await platformStock(sim, w.shopId)).get(w.sku)).toBe(31);
    const log = await lastLog(w.variantId);
    expect(log).toMatchObject({ id: queued.logId, status: 'success', quantity: 31, trigger: 'stock_change', jobId: null, attempts: 1, error: null, storeId: w.storeId });
    expect(log.createdAt).toBeGreaterThanOrEqual(markedAt);
    expect(log.sentAt).toBeGreaterThanOrEqual(log.createdAt);
    expect(await db.pushQueue.count()).toBe(0);
  });

  it('a variant written by someone else while its push is in flight keeps that write, and gets the push result', async () => {
    const w = await synced('tiktok');
    await sim.faults({ shopId: w.shopId, latencyMs: 700 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: w.sku, onHand: 44 });
    await new Promise((r) => setTimeout(r, 250));
    // Another writer (a download, a connection edit) changes the row the push read at its claim.
    await db.storeVariants.update(w.variantId, { price: 123.45 });
    await settle(db);
    expect(await db.storeVariants.get(w.variantId)).toMatchObject({ price: 123.45, lastPushedQuantity: 44, platformStock: 44, lastSync: { status: 'success', quantity: 44 } });
  });

  it('a manual push keeps its job on the log row', async () => {
    const w = await synced('lazada');
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: w.sku, onHand: 8 });
    await settle(db);
    const { jobId } = await ok('storeProducts.sync', { storeId: w.storeId, all: true });
    await settle(db);
    const log = await lastLog(w.variantId);
    expect(log).toMatchObject({ jobId, trigger: 'manual', status: 'success', quantity: 8, attempts: 1 });
    expect((await ok('jobs.get', { id: jobId })).result).toMatchObject({ success: 2, failed: 0 });
  });

  it('a passing fault counts an attempt on the log row, and the retry completes that same row', async () => {
    const w = await synced('tiktok');
    await sim.faults({ shopId: w.shopId, errorRate: 1 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: w.sku, onHand: 12 });
    const logId = (await db.pushQueue.get(w.variantId))!.logId;
    await until('a failed attempt', async () => ((await db.syncLogs.get(logId))?.attempts ?? 0) >= 1);
    expect(await db.syncLogs.get(logId)).toMatchObject({ status: 'pending', attempts: 1 });
    await sim.faults({});
    await settle(db, 30_000);
    const log = (await db.syncLogs.get(logId))!;
    expect(log).toMatchObject({ status: 'success', quantity: 12, error: null });
    expect(log.attempts).toBeGreaterThanOrEqual(2);
    expect((await platformStock(sim, w.shopId)).get(w.sku)).toBe(12);
  });

  it('a row queued by an older version (no log details on the row) still completes its log row', async () => {
    const w = await synced('lazada');
    await db.stockLevels.put({ productId: w.products.get(w.sku)!, warehouseId: w.warehouses[0]!, onHand: 17, reserved: 0, inTransit: 0, updatedAt: Date.now() });
    const variant = (await db.storeVariants.get(w.variantId))!;
    const logId = (await db.syncLogs.add({ storeId: w.storeId, storeProductId: variant.storeProductId, storeVariantId: w.variantId, quantity: null, trigger: 'stock_change', status: 'pending', error: null, jobId: null, attempts: 0, createdAt: 1_000, sentAt: null } as never)) as number;
    await db.pushQueue.put({ storeVariantId: w.variantId, storeId: w.storeId, seq: 1, trigger: 'stock_change', manual: 0, logId, dueAt: 0, leaseOwner: null, leaseUntil: 0, attempts: 0, lastError: null, firstQueuedAt: 1_000 });
    await drainEngine();
    await settle(db);
    expect(await db.syncLogs.get(logId)).toMatchObject({ status: 'success', quantity: 17, createdAt: 1_000, attempts: 1, trigger: 'stock_change' });
    expect((await platformStock(sim, w.shopId)).get(w.sku)).toBe(17);
  });
});
