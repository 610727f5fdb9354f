// A seller's world for sync tests: a simulated platform shop, the store connected and
// downloaded, system products for its SKUs, warehouses, and the engine running in-process.
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import type { Platform } from '@/lib/platforms/types';
import { drainEngine, kickEngine, startEngine } from '@/lib/sync/engine';
import { resetPacing } from '@/lib/sync/pacing';
import { forgetCredentialKey } from '@/lib/stores/secrets';
import { freshDb, ok } from './background';
import type { Simulator, SimItem } from './simulator';

export async function freshWorld(): Promise<ShelfsyncDB> {
  forgetCredentialKey();
  resetPacing();
  const db = await freshDb();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => true };
  startEngine(db);
  return db;
}

export interface World {
  storeId: number;
  shopId: string;
  items: SimItem[];
  /** SKU → system product id */
  products: Map<string, number>;
  warehouses: number[];
}

export async function setUpStore(db: ShelfsyncDB, sim: Simulator, opts: { platform: Platform; items: number; variantsPerItem?: number; seed?: number; warehouses?: number; skuPrefix?: string }): Promise<World> {
  const shop = await sim.createShop({ platform: opts.platform, items: opts.items, variantsPerItem: opts.variantsPerItem ?? 1, seed: opts.seed ?? 1, skuPrefix: opts.skuPrefix });
  const items = await sim.items(shop.shopId);
  const warehouses: number[] = [];
  const taken = await db.warehouses.count();
  for (let i = 1; i <= (opts.warehouses ?? 1); i++) warehouses.push((await ok('warehouses.create', { name: `W${taken + i}`, code: `W${taken + i}` })).id);
  const products = new Map<string, number>();
  for (const v of items.flatMap((i) => i.variants)) products.set(v.sellerSku, (await ok('products.create', { sku: v.sellerSku, name: v.sellerSku })).id);
  const store = await ok('stores.connect', { platform: opts.platform, name: `${opts.platform} shop`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  const { jobId } = await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
  return { storeId: store.id, shopId: shop.shopId, items, products, warehouses };
}

/** Waits until nothing is queued (the engine kicked as often as needed), or fails after `ms`. */
export async function settle(db: ShelfsyncDB, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    await drainJobs(db);
    await drainEngine();
    const pending = (await db.pushQueue.count()) + (await db.storeMarks.count()) + (await db.jobs.where('status').anyOf('queued', 'running').count());
    if (!pending) return;
    if (Date.now() > until) throw new Error(`still ${pending} pending after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
    void kickEngine();
  }
}

export async function platformStock(sim: Simulator, shopId: string): Promise<Map<string, number>> {
  return new Map((await sim.items(shopId)).flatMap((i) => i.variants.map((v) => [v.sellerSku, v.stock] as [string, number])));
}

export async function storeProductIds(db: ShelfsyncDB, storeId: number): Promise<number[]> {
  return db.storeProducts.where('[storeId+platformItemId]').between([storeId, ''], [storeId, '\uffff']).primaryKeys();
}
