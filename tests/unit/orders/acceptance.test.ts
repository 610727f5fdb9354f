// ORDERS.md's acceptance cases, each a test: the extension's background in-process on
// fake-indexeddb, the platforms over HTTP from the simulator (orders placed through its control
// API, read back through each platform's real order API by the adapters).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { OrderRow } from '@/lib/db/types';
import { drainJobs } from '@/lib/jobs/runner';
import { appliedTotal, orderReference } from '@/lib/orders/record';
import { pollStore } from '@/lib/orders/poll';
import { catchUpOrders } from '@/lib/orders/schedule';
import type { Platform } from '@/lib/platforms/types';
import { ok } from '../../helpers/background';
import { useSimulator, type SimShop, type Simulator } from '../../helpers/simulator';
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

interface Shop { storeId: number; shop: SimShop }
interface World { warehouseId: number; productId: number; sku: string; s1: Shop; l1: Shop }

async function connect(platform: Platform, over: { skuPrefix?: string; items?: number } = {}): Promise<Shop> {
  const shop = await sim.createShop({ platform, items: over.items ?? 1, variantsPerItem: 1, seed: 3, skuPrefix: over.skuPrefix ?? 'A' });
  const store = await ok('stores.connect', { platform, name: `${platform} S`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  return { storeId: store.id, shop };
}

/** ORDERS.md's world: SKU A on hand 10 in W1; rule 100 % sellable W1 over Shopee S1 and Lazada L1;
 *  both listings connected, auto sync on, both platforms show 10. */
async function world(onHand = 10): Promise<World> {
  const warehouseId = (await ok('warehouses.create', { name: 'W1', code: 'W1' })).id;
  const s1 = await connect('shopee');
  const l1 = await connect('lazada');
  const sku = (await sim.items(s1.shop.shopId))[0]!.variants[0]!.sellerSku;
  const productId = (await ok('products.create', { sku, name: 'Product A' })).id;
  for (const s of [s1, l1]) {
    const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([s.storeId, sku.toLowerCase()]).first())!;
    if (!v.productId) await ok('storeVariants.connect', { id: v.id, productId });
  }
  await ok('inventory.adjust', { warehouseId, sku, onHand });
  await ok('syncRules.create', { name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouseId], storeIds: [s1.storeId, l1.storeId] });
  for (const s of [s1, l1]) await ok('storeProducts.setAutoSync', { storeId: s.storeId, all: true, enabled: true });
  await settle(db);
  expect(await shows(s1, sku)).toBe(onHand);
  expect(await shows(l1, sku)).toBe(onHand);
  return { warehouseId, productId, sku, s1, l1 };
}

const shows = async (s: Shop, sku: string) => (await platformStock(sim, s.shop.shopId)).get(sku);
const level = async (w: World) => (await db.stockLevels.get([w.productId, w.warehouseId]))!;
const buy = (s: Shop, sku: string, quantity: number, status?: 'unpaid' | 'paid') =>
  sim.control<{ orderId: string }>('POST', `/__sim/shops/${s.shop.shopId}/orders`, { lines: [{ sellerSku: sku, quantity }], status });
const move = (s: Shop, orderId: string, status: string) => sim.control('POST', `/__sim/shops/${s.shop.shopId}/orders/${orderId}/status`, { status });
/** One order check of the store, then everything it caused. */
async function check(s: Shop) {
  const r = await pollStore(db, s.storeId);
  expect(r.ok).toBe(true);
  await settle(db);
  return r;
}
const orderOf = async (s: Shop, orderId: string) => (await db.orders.where('[storeId+platformOrderId]').equals([s.storeId, orderId]).first()) as OrderRow;
/** Stock events the platform took from pushes (not its own order decrements) since `t`. */
async function pushesSince(s: Shop, t: number) {
  const ev = await sim.control<{ stock: number; source?: string }[]>('GET', `/__sim/shops/${s.shop.shopId}/stock-events?since=${t}`);
  return ev.filter((e) => e.source !== 'order').map((e) => e.stock);
}

describe('ORDERS.md acceptance', () => {
  it('1. a buyer buys 3 on S1 → one check holds 3 in W1, L1 shows 7, S1 shows 7', async () => {
    const w = await world();
    const { orderId } = await buy(w.s1, w.sku, 3);
    expect(await shows(w.s1, w.sku)).toBe(7); // the platform lowered its own number at once
    const r = await check(w.s1);
    expect(r).toMatchObject({ ok: true, new: 1 });
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 3 });
    expect(await shows(w.l1, w.sku)).toBe(7);
    expect(await shows(w.s1, w.sku)).toBe(7);
    const o = await orderOf(w.s1, orderId);
    expect(o.lines).toMatchObject([{ quantity: 3, state: 'reserved', systemSku: w.sku, productId: w.productId }]);
    const moves = (await db.movements.toArray()).filter((m) => m.reference === orderReference(w.s1.storeId, orderId));
    expect(moves.map((m) => [m.kind, m.after.reserved - m.before.reserved])).toEqual([['order_reserved', 3]]);
    const logs = await db.syncLogs.where('[storeId+status]').equals([w.l1.storeId, 'success']).toArray();
    expect(logs.some((l) => l.trigger === 'order' && l.quantity === 7)).toBe(true);
  });

  it('2. that order ships → on hand 7, reserved 0; no platform number changes', async () => {
    const w = await world();
    const { orderId } = await buy(w.s1, w.sku, 3);
    await check(w.s1);
    const t = Date.now();
    await move(w.s1, orderId, 'shipped');
    await check(w.s1);
    expect(await level(w)).toMatchObject({ onHand: 7, reserved: 0 });
    expect((await orderOf(w.s1, orderId)).lines[0]).toMatchObject({ state: 'fulfilled' });
    expect(await shows(w.s1, w.sku)).toBe(7);
    expect(await shows(w.l1, w.sku)).toBe(7);
    expect([...(await pushesSince(w.s1, t)), ...(await pushesSince(w.l1, t))].every((n) => n === 7)).toBe(true);
  });

  it('3. an order of 2 on L1 cancelled before shipping → reserved back, both show 10 again', async () => {
    const w = await world();
    const { orderId } = await buy(w.l1, w.sku, 2);
    await check(w.l1);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 2 });
    expect(await shows(w.s1, w.sku)).toBe(8);
    await move(w.l1, orderId, 'cancelled');
    expect(await shows(w.l1, w.sku)).toBe(10); // Lazada restores its own stock on cancellation
    await check(w.l1);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 0 });
    expect(await shows(w.s1, w.sku)).toBe(10);
    expect(await shows(w.l1, w.sku)).toBe(10);
    expect((await orderOf(w.l1, orderId)).lines[0]).toMatchObject({ state: 'released' });
  });

  it('4. polled twice, or seen first as shipped → one reservation / one deduction', async () => {
    const w = await world();
    const a = await buy(w.s1, w.sku, 2);
    await check(w.s1);
    await check(w.s1);
    await ok('orders.poll', { storeId: w.s1.storeId });
    await settle(db);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 2 });
    // Seen first as shipped: straight to one deduction, never a reservation too.
    const b = await buy(w.s1, w.sku, 3);
    await move(w.s1, b.orderId, 'shipped');
    await check(w.s1);
    await check(w.s1);
    expect(await level(w)).toMatchObject({ onHand: 7, reserved: 2 });
    expect(appliedTotal(await orderOf(w.s1, b.orderId))).toEqual({ reserved: 0, fulfilled: 3, released: 0, returned: 0 });
    expect(appliedTotal(await orderOf(w.s1, a.orderId))).toEqual({ reserved: 2, fulfilled: 0, released: 0, returned: 0 });
    // Forgetting the cursor makes the next check read everything again: still nothing moves twice.
    await db.stores.update(w.s1.storeId, { 'orders.cursor': null } as never);
    await check(w.s1);
    expect(await level(w)).toMatchObject({ onHand: 7, reserved: 2 });
    const all = (await db.movements.toArray()).filter((m) => m.kind.startsWith('order_'));
    expect(all.map((m) => m.kind).sort()).toEqual(['order_fulfilled', 'order_reserved']);
  });

  it('5. an unconnected listing’s order is unmatched and moves nothing; connecting applies and pushes it', async () => {
    const w = await world();
    const other = await connect('shopee', { skuPrefix: 'B' });
    const skuB = (await sim.items(other.shop.shopId))[0]!.variants[0]!.sellerSku;
    const { orderId } = await buy(other, skuB, 2);
    await check(other);
    const o = await orderOf(other, orderId);
    expect(o.problems).toEqual(['unmatched']);
    expect(o.lines[0]).toMatchObject({ productId: null, state: 'none' });
    expect((await ok('orders.list', { problem: 'unmatched', page: 1, pageSize: 50 })).items.map((i) => i.platformOrderId)).toEqual([orderId]);
    // The seller connects that listing to A (the same goods under another SKU).
    await ok('syncRules.update', { id: (await db.syncRules.toArray())[0]!.id, name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouseId], storeIds: [w.s1.storeId, w.l1.storeId, other.storeId] });
    const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([other.storeId, skuB.toLowerCase()]).first())!;
    await ok('storeVariants.connect', { id: v.id, productId: w.productId });
    await settle(db);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 2 });
    expect((await orderOf(other, orderId)).problems).toEqual([]);
    expect(await shows(w.s1, w.sku)).toBe(8);
    expect(await shows(w.l1, w.sku)).toBe(8);
  });

  it('5b. Add system SKU on the unmatched listing counts the sale once', async () => {
    await ok('warehouses.create', { name: 'W1', code: 'W1' });
    const s = await connect('shopee', { skuPrefix: 'C' });
    const sku = (await sim.items(s.shop.shopId))[0]!.variants[0]!.sellerSku;
    const before = (await sim.items(s.shop.shopId))[0]!.variants[0]!.stock;
    const { orderId } = await buy(s, sku, 2);
    await check(s);
    expect((await orderOf(s, orderId)).problems).toEqual(['unmatched']);
    const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([s.storeId, sku.toLowerCase()]).first())!;
    await ok('storeVariants.createSystemProducts', { storeVariantIds: [v.id], startingStock: 'platform' });
    const product = (await db.products.where('skuKey').equals(sku.toLowerCase()).first())!;
    const lvl = (await db.stockLevels.where('[productId+warehouseId]').between([product.id, 0], [product.id, Infinity]).first())!;
    // The listing showed `before` when downloaded; 2 of those are held by the order.
    expect(lvl).toMatchObject({ onHand: before, reserved: 2 });
    expect((await orderOf(s, orderId)).lines[0]).toMatchObject({ state: 'reserved', productId: product.id });
  });

  it('6. 12 bought across S1 and L1 before a check → on hand 10, reserved 12, sellable 0, short by 2, both show 0', async () => {
    const w = await world();
    const a = await buy(w.s1, w.sku, 7);
    // Lazada still shows 10: its buyer takes 5 that Shopee already sold.
    const b = await buy(w.l1, w.sku, 5);
    await check(w.s1);
    await check(w.l1);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 12 });
    expect((await orderOf(w.s1, a.orderId)).problems).toEqual([]);
    const over = await orderOf(w.l1, b.orderId);
    expect(over.problems).toEqual(['short']);
    expect(over.lines[0]!.shortBy).toBe(2);
    expect(await shows(w.s1, w.sku)).toBe(0);
    expect(await shows(w.l1, w.sku)).toBe(0);
    expect((await ok('orders.list', { problem: 'short', page: 1, pageSize: 10 })).items[0]!.lines[0]!.shortBy).toBe(2);
  });

  it('7. a push due to S1 while a sale on S1 is unseen is computed after that sale is seen', async () => {
    const w = await world();
    // The sale lowers Shopee to 7; Shelfsync has not looked yet, and its last look is old.
    await buy(w.s1, w.sku, 3);
    await db.stores.update(w.s1.storeId, { 'orders.lastCheckedAt': Date.now() - 60_000 } as never);
    const t = Date.now();
    // Any other stock change (a count of 12) makes a push due to S1 at once.
    await ok('inventory.adjust', { warehouseId: w.warehouseId, sku: w.sku, onHand: 12 });
    await settle(db);
    // Pushed from 12 on hand − 3 held = 9; never 12, which would undo the sale.
    expect(await pushesSince(w.s1, t)).not.toContain(12);
    expect(await shows(w.s1, w.sku)).toBe(9);
    expect(await shows(w.l1, w.sku)).toBe(9);
    expect(await level(w)).toMatchObject({ onHand: 12, reserved: 3 });
  });

  it('8. browser closed, 20 orders arrive, browser opens → all 20 applied before any push to those stores', async () => {
    const w = await world(100);
    // Closed: nothing has looked at either store for an hour.
    await db.stores.toCollection().modify((s) => {
      if (s.orders) s.orders.lastCheckedAt = Date.now() - 3_600_000;
    });
    for (let i = 0; i < 20; i++) await buy(i % 2 ? w.l1 : w.s1, w.sku, 1);
    const t = Date.now();
    // Opens: the start-up catch-up runs while a stock change (made at once) wants its pushes out.
    const caught = catchUpOrders(db);
    await ok('inventory.adjust', { warehouseId: w.warehouseId, sku: w.sku, delta: 1 });
    await caught;
    await settle(db);
    expect(await level(w)).toMatchObject({ onHand: 101, reserved: 20 });
    for (const s of [w.s1, w.l1]) {
      const pushed = await pushesSince(s, t);
      expect(pushed.length).toBeGreaterThan(0);
      expect(pushed).toEqual(pushed.map(() => 81));
    }
    expect(await db.orders.count()).toBe(20);
  });

  it('9. the drift check with an unseen sale on S1 sees the order first and flags nothing', async () => {
    const w = await world();
    await buy(w.s1, w.sku, 4);
    await db.stores.update(w.s1.storeId, { 'orders.lastCheckedAt': Date.now() - 60_000 } as never);
    const { jobId } = await ok('sync.checkDrift', { storeId: w.s1.storeId });
    await settle(db);
    expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
    expect(await db.storeVariants.filter((v) => !!v.drift).count()).toBe(0);
    expect(await level(w)).toMatchObject({ onHand: 10, reserved: 4 });
    expect((await db.stores.get(w.s1.storeId))!.foreignWrites ?? null).toBeNull();
    expect(await shows(w.l1, w.sku)).toBe(6);
  });

  it('9b. drift that stays after the orders are seen is said once on the store, with the listings', async () => {
    const w = await world();
    const item = (await sim.items(w.s1.shop.shopId))[0]!;
    await sim.patchItem(w.s1.shop.shopId, item.itemId, { variants: [{ variantId: item.variants[0]!.variantId, stock: 4 }] });
    await ok('sync.checkDrift', { storeId: w.s1.storeId });
    await settle(db);
    const fw = (await db.stores.get(w.s1.storeId))!.foreignWrites;
    expect(fw?.listings).toMatchObject([{ sellerSku: w.sku, platformStock: 4, expected: 10 }]);
    const first = fw!.at;
    await ok('sync.checkDrift', { storeId: w.s1.storeId });
    await settle(db);
    expect((await db.stores.get(w.s1.storeId))!.foreignWrites!.at).toBe(first);
  });

  it('10. a return after shipment: nothing by default; with "put returns back in stock" on hand +qty', async () => {
    const w = await world();
    const a = await buy(w.s1, w.sku, 2);
    await move(w.s1, a.orderId, 'shipped');
    await check(w.s1);
    await move(w.s1, a.orderId, 'returned');
    await check(w.s1);
    expect(await level(w)).toMatchObject({ onHand: 8, reserved: 0 });
    expect((await orderOf(w.s1, a.orderId)).lines[0]).toMatchObject({ state: 'returned' });
    await ok('stores.update', { id: w.l1.storeId, orders: { restockReturns: true } });
    const b = await buy(w.l1, w.sku, 3);
    await move(w.l1, b.orderId, 'shipped');
    await check(w.l1);
    expect(await level(w)).toMatchObject({ onHand: 5, reserved: 0 });
    await move(w.l1, b.orderId, 'returned');
    await check(w.l1);
    expect(await level(w)).toMatchObject({ onHand: 8, reserved: 0 });
    expect(await shows(w.s1, w.sku)).toBe(8);
  });

  it('11. 1,200 changed orders are each applied once, within the platforms’ page limits', async () => {
    const warehouseId = (await ok('warehouses.create', { name: 'W1', code: 'W1' })).id;
    const s = await connect('lazada', { items: 3 });
    const skus = (await sim.items(s.shop.shopId)).map((i) => i.variants[0]!.sellerSku);
    for (const sku of skus) await ok('products.create', { sku, name: sku });
    for (const sku of skus) {
      const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([s.storeId, sku.toLowerCase()]).first())!;
      const p = (await db.products.where('skuKey').equals(sku.toLowerCase()).first())!;
      if (!v.productId) await ok('storeVariants.connect', { id: v.id, productId: p.id });
    }
    for (const sku of skus) await ok('inventory.adjust', { warehouseId, sku, onHand: 5000 });
    for (const item of await sim.items(s.shop.shopId)) await sim.patchItem(s.shop.shopId, item.itemId, { variants: [{ variantId: item.variants[0]!.variantId, stock: 5000 }] });
    for (let i = 0; i < 1200; i++) await buy(s, skus[i % 3]!, 1);
    const r = await pollStore(db, s.storeId);
    expect(r).toMatchObject({ ok: true, new: 1200 });
    expect(await db.orders.count()).toBe(1200);
    const reserved = (await db.stockLevels.toArray()).reduce((a, l) => a + l.reserved, 0);
    expect(reserved).toBe(1200);
    const stats = await sim.stats(s.shop.shopId);
    expect(stats.rejected).toEqual({});
  }, 120_000);
});
