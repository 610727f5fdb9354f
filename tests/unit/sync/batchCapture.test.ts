// Change capture in batches (inventory/hook.ts batchStockChanges): a stock import chunk and a
// group of adjustments are captured once per batch. What must not change: every auto-synced
// variant whose number moved is pushed the latest number, each change is a sync-log row, a
// warehouse outside the rule marks nothing, and a refused adjustment in a group writes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { ok, run } from '../../helpers/background';
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

async function syncedStore(platform: 'lazada' | 'shopee', items: number, variantsPerItem: number): Promise<World> {
  const w = await setUpStore(db, sim, { platform, items, variantsPerItem, warehouses: 2 });
  await ok('syncRules.create', { name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
  await ok('storeProducts.setAutoSync', { storeId: w.storeId, all: true, enabled: true });
  await settle(db);
  return w;
}

const logsOf = async (w: World, sku: string) => {
  const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([w.storeId, sku.toLowerCase()]).first())!;
  return db.syncLogs.where('[storeVariantId+createdAt]').between([v.id, 0], [v.id, Infinity]).filter((l) => l.trigger === 'stock_change').toArray();
};

describe('batched change capture', () => {
  it('a stock import reaches the platform for every changed SKU in the fewest calls; a SKU counted twice ends at its last row, the first skipped', async () => {
    const w = await syncedStore('lazada', 60, 2);
    const skus = w.items.flatMap((i) => i.variants.map((v) => v.sellerSku));
    const [w1, w2] = [(await db.warehouses.get(w.warehouses[0]!))!.code, (await db.warehouses.get(w.warehouses[1]!))!.code];
    const lines = ['sku,warehouse,on_hand', ...skus.map((s, i) => `${s},${w1},${10 + i}`), `${skus[0]},${w1},77`, `${skus[1]},${w2},500`];
    const before = (await sim.stats(w.shopId)).stockUpdateCalls;
    const { jobId } = await ok('inventory.importCsv', { csv: lines.join('\n') });
    await drainJobs(db);
    expect(await ok('jobs.get', { id: jobId })).toMatchObject({ status: 'succeeded', result: { rows: 122, changed: 122, errors: [] } });
    await settle(db);

    const stock = await platformStock(sim, w.shopId);
    skus.forEach((s, i) => expect(stock.get(s), s).toBe(i === 0 ? 77 : 10 + i));
    // 120 variants → 50 + 50 + 20 (SYNC.md case 8's split), whatever the import's chunking.
    expect((await sim.stats(w.shopId)).stockUpdateCalls - before).toBe(3);
    const twice = await logsOf(w, skus[0]!);
    expect(twice.map((l) => l.status).sort()).toEqual(['skipped', 'success']);
    expect(twice.find((l) => l.status === 'success')!.quantity).toBe(77);
    // The W2 row moved stock outside the rule's warehouses: no further log row for that SKU.
    expect((await logsOf(w, skus[1]!)).map((l) => l.status)).toEqual(['success']);
  });

  it('a group of concurrent adjustments: each answered on its own, a refused one writes nothing, the rest reach the platform', async () => {
    const w = await syncedStore('shopee', 8, 3);
    const skus = w.items.flatMap((i) => i.variants.map((v) => v.sellerSku));
    const movementsBefore = await db.movements.count();
    const answers = await Promise.all([
      ...skus.map((sku, i) => run('inventory.adjust', { warehouseId: w.warehouses[0]!, sku, onHand: 40 + i })),
      run('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: skus[3]!, delta: -1_000_000 }),
    ]);
    expect(answers.slice(0, skus.length).every((a) => a.ok)).toBe(true);
    expect(answers[skus.length]).toMatchObject({ ok: false, error: { code: 'negative_stock' } });
    expect(await db.movements.count()).toBe(movementsBefore + skus.length);
    await settle(db);
    const stock = await platformStock(sim, w.shopId);
    skus.forEach((s, i) => expect(stock.get(s), s).toBe(40 + i));
    for (const s of skus.slice(0, 4)) expect((await logsOf(w, s)).map((l) => l.status)).toEqual(['success']);
  });
});
