// Follow-up order checks (lib/orders/poll.ts): a store whose check found new orders is checked
// again a short while later without any alarm or push asking for it, and keeps being checked so
// until it has been quiet for the busy window (quiet stores are left to the 30 s alarm).
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { cancelFollowUps, pendingFollowUps, pollStore, setFollowUpMs } from '@/lib/orders/poll';
import { ok } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld } from '../../helpers/syncWorld';

const FOLLOW_UP_MS = 300;
const BUSY_MS = 1_000;

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
afterEach(() => {
  cancelFollowUps();
  setFollowUpMs(0);
});

const orderCalls = async (shopId: string) => ((await sim.stats(shopId)) as unknown as { orderCalls: number }).orderCalls;

it('a check that found orders is followed by others until the store has been quiet for the busy window', async () => {
  const shop = await sim.createShop({ platform: 'shopee', items: 1, variantsPerItem: 1, seed: 3, skuPrefix: 'F' });
  const store = await ok('stores.connect', { platform: 'shopee', name: 'Shopee F', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  const sku = (await sim.items(shop.shopId))[0]!.variants[0]!.sellerSku;
  const buy = () => sim.control('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku: sku, quantity: 1 }] });
  setFollowUpMs(FOLLOW_UP_MS, BUSY_MS);

  await buy();
  expect(await pollStore(db, store.id)).toMatchObject({ ok: true, new: 1 });
  // The second sale is found by a follow-up alone: nothing here asks for a check.
  await buy();
  await vi.waitFor(async () => expect(await db.orders.where('storeId').equals(store.id).count()).toBe(2), { timeout: 15_000, interval: 50 });
  const foundAt = Date.now();

  // Quiet follow-ups go on for the busy window, then stop.
  const before = await orderCalls(shop.shopId);
  await vi.waitFor(async () => expect(await orderCalls(shop.shopId)).toBeGreaterThan(before), { timeout: 15_000, interval: 50 });
  await vi.waitFor(() => expect(pendingFollowUps()).toEqual([]), { timeout: 15_000, interval: 50 });
  expect(Date.now() - foundAt).toBeGreaterThanOrEqual(BUSY_MS);
  const calls = await orderCalls(shop.shopId);
  await new Promise((r) => setTimeout(r, FOLLOW_UP_MS * 5));
  expect(await orderCalls(shop.shopId)).toBe(calls);
  expect((await db.stores.get(store.id))!.orders!.lastResult).toMatchObject({ new: 0, changed: 0 });
});

it('a store that stops following orders is not checked by a pending follow-up', async () => {
  const shop = await sim.createShop({ platform: 'lazada', items: 1, variantsPerItem: 1, seed: 4, skuPrefix: 'G' });
  const store = await ok('stores.connect', { platform: 'lazada', name: 'Lazada G', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  const sku = (await sim.items(shop.shopId))[0]!.variants[0]!.sellerSku;
  setFollowUpMs(FOLLOW_UP_MS, BUSY_MS);
  await sim.control('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku: sku, quantity: 1 }] });
  expect(await pollStore(db, store.id)).toMatchObject({ ok: true, new: 1 });
  await ok('stores.update', { id: store.id, orders: { enabled: false } });
  const calls = await orderCalls(shop.shopId);
  await new Promise((r) => setTimeout(r, FOLLOW_UP_MS * 5));
  expect(await orderCalls(shop.shopId)).toBe(calls);
});
