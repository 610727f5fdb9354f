// orders.list / orders.get / orders.poll and the store's order settings, through the commands.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { pollStore } from '@/lib/orders/poll';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, settle } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

describe('orders commands', () => {
  it('lists a store’s orders newest first in pages, filters by status, reads one with its movements, checks on demand', async () => {
    const warehouseId = (await ok('warehouses.create', { name: 'W1', code: 'W1' })).id;
    const shop = await sim.createShop({ platform: 'woocommerce', items: 1, seed: 7, skuPrefix: 'L' });
    const sku = (await sim.items(shop.shopId))[0]!.variants[0]!.sellerSku;
    await ok('products.create', { sku, name: 'L' });
    await ok('inventory.adjust', { warehouseId, sku, onHand: 50 });
    const store = await ok('stores.connect', { platform: 'woocommerce', name: 'Woo', apiBaseUrl: shop.apiBaseUrl, credentials: shop.credentials });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    expect(store.orders).toMatchObject({ enabled: true, reserveUnpaid: true, restockReturns: false, intervalSeconds: 30, problemCount: 0 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await sim.control<{ orderId: string }>('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku: sku, quantity: 1 }] })).orderId);
    await sim.control('POST', `/__sim/shops/${shop.shopId}/orders/${ids[0]}/status`, { status: 'shipped' });
    const { jobId } = await ok('orders.poll', { storeId: store.id });
    await settle(db);
    expect(await ok('jobs.get', { id: jobId })).toMatchObject({ status: 'succeeded', result: { ok: true, new: 5 } });
    const page1 = await ok('orders.list', { storeId: store.id, page: 1, pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((o) => o.platformOrderId)).toEqual([ids[0], ids[4]]); // the shipped one changed last
    const open = await ok('orders.list', { storeId: store.id, status: 'open', page: 1, pageSize: 50 });
    expect(open.items.map((o) => o.platformOrderId).sort()).toEqual(ids.slice(1).sort());
    const one = await ok('orders.get', { id: page1.items[0]!.id });
    expect(one.movements.map((m) => m.kind)).toEqual(['order_fulfilled']);
    expect((await ok('inventory.list', { page: 1, pageSize: 10 })).items[0]).toMatchObject({ onHand: 49, reserved: 4 });
    const view = await ok('stores.get', { id: store.id });
    expect(view.orders.lastCheckedAt).toBeGreaterThan(0);
    expect(view.orders.lastResult).toMatchObject({ new: 5 });
  });

  it('order settings: validated, saved, and off means no check', async () => {
    const shop = await sim.createShop({ platform: 'shopee', items: 1, seed: 8 });
    const store = await ok('stores.connect', { platform: 'shopee', name: 'S', apiBaseUrl: shop.apiBaseUrl, credentials: shop.credentials });
    expect((await run('stores.update', { id: store.id, orders: { intervalSeconds: 5 } })).ok).toBe(false);
    expect(await run('stores.update', { id: store.id, orders: { warehouseId: 999 } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const saved = await ok('stores.update', { id: store.id, orders: { enabled: false, restockReturns: true, intervalSeconds: 120 } });
    expect(saved.orders).toMatchObject({ enabled: false, restockReturns: true, intervalSeconds: 120 });
    expect(await run('orders.poll', { storeId: store.id })).toMatchObject({ ok: false, error: { code: 'orders_off' } });
    const again = await ok('stores.update', { id: store.id, orders: { enabled: true } });
    expect(again.orders.since).toBeGreaterThan(store.orders.since - 1);
    expect(again.orders.cursor).toBeNull();
  });

  it('a line whose listing was downloaded after its order learns its variant at the next check', async () => {
    const shop = await sim.createShop({ platform: 'shopee', items: 1, seed: 11, skuPrefix: 'N' });
    const store = await ok('stores.connect', { platform: 'shopee', name: 'S', apiBaseUrl: shop.apiBaseUrl, credentials: shop.credentials });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    await sim.control('POST', `/__sim/shops/${shop.shopId}/items`, { title: 'New', variants: [{ sellerSku: 'NEW-1', stock: 9, price: 5 }] });
    const { orderId } = await sim.control<{ orderId: string }>('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku: 'NEW-1', quantity: 1 }] });
    await ok('orders.poll', { storeId: store.id });
    await settle(db);
    const line = async () => (await db.orders.where('[storeId+platformOrderId]').equals([store.id, orderId]).first())!.lines[0]!;
    expect(await line()).toMatchObject({ storeVariantId: null, productId: null });
    await ok('stores.download', { id: store.id, mode: 'full' });
    await drainJobs(db);
    await ok('orders.poll', { storeId: store.id });
    await settle(db);
    const v = (await db.storeVariants.where('[storeId+sellerSkuKey]').equals([store.id, 'new-1']).first())!;
    expect(await line()).toMatchObject({ storeVariantId: v.id, productId: null, state: 'none' });
  });

  it('a check stopped by the rate limit resumes from the page it reached instead of starting over', async () => {
    const shop = await sim.createShop({ platform: 'woocommerce', items: 1, seed: 12, skuPrefix: 'R' });
    const item = (await sim.items(shop.shopId))[0]!;
    await sim.patchItem(shop.shopId, item.itemId, { variants: [{ variantId: item.variants[0]!.variantId, stock: 1000 }] });
    const store = await ok('stores.connect', { platform: 'woocommerce', name: 'W', apiBaseUrl: shop.apiBaseUrl, credentials: shop.credentials });
    for (let i = 0; i < 250; i++) await sim.control('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku: item.variants[0]!.sellerSku, quantity: 1 }] });
    await sim.faults({ shopId: shop.shopId, rateLimitPerSecond: 1 });
    const first = await pollStore(db, store.id);
    expect(first).toMatchObject({ ok: false, code: 'rate_limited' });
    const scan = (await db.stores.get(store.id))!.orders!.scan;
    expect(scan?.cursor).toBeTruthy();
    const afterFirst = await db.orders.count();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(250);
    await sim.faults({});
    const second = await pollStore(db, store.id);
    expect(second.ok).toBe(true);
    expect(await db.orders.count()).toBe(250);
    // Only what was not read yet was asked for (a restart would read all 250 again).
    expect(second).toMatchObject({ ok: true, new: 250 - afterFirst });
    expect((second as { seen: number }).seen).toBeLessThan(250);
    expect((await db.stores.get(store.id))!.orders!.scan).toBeNull();
  });
});
