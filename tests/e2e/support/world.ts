// Builds a seller's world inside the real extension from an extension page: a simulated shop
// connected and downloaded, system products for its SKUs, a warehouse with stock, a rule, and
// auto sync — all through commands, as the dashboard would send them.
import type { Page } from 'playwright-core';
import { sendFrom } from './extension';

export interface SimHandle { url: string; close(): Promise<void> }

export async function simControl<T = any>(sim: SimHandle, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function must(page: Page, type: string, payload: unknown = {}): Promise<any> {
  const answer = await sendFrom(page, type, payload);
  if (!answer?.ok) throw new Error(`${type} refused: ${JSON.stringify(answer?.error ?? answer)}`);
  return answer.data;
}

export async function waitForJob(page: Page, jobId: number, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await must(page, 'jobs.get', { id: jobId });
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await page.waitForTimeout(200);
  }
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function platformStock(sim: SimHandle, shopId: string): Promise<Map<string, number>> {
  const items = await simControl<{ variants: { sellerSku: string; stock: number }[] }[]>(sim, 'GET', `/__sim/shops/${shopId}/items`);
  return new Map(items.flatMap((i) => i.variants.map((v) => [v.sellerSku, v.stock] as [string, number])));
}

export interface SellerWorld { storeId: number; shopId: string; warehouseId: number; skus: string[] }

export async function buildWorld(page: Page, sim: SimHandle, opts: { platform: string; items: number; variantsPerItem?: number; seed?: number; autoSync?: boolean }): Promise<SellerWorld> {
  const shop = await simControl(sim, 'POST', '/__sim/shops', { platform: opts.platform, items: opts.items, variantsPerItem: opts.variantsPerItem ?? 1, seed: opts.seed ?? 1 });
  const items = await simControl<{ variants: { sellerSku: string }[] }[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
  const skus = items.flatMap((i) => i.variants.map((v) => v.sellerSku));
  const warehouse = await must(page, 'warehouses.create', { name: `Main ${opts.platform}` });
  for (const sku of skus) {
    await must(page, 'products.create', { sku, name: `Product ${sku}` });
    await must(page, 'inventory.adjust', { warehouseId: warehouse.id, sku, onHand: 10 });
  }
  const store = await must(page, 'stores.connect', { platform: opts.platform, name: `E2E ${opts.platform}`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  const { jobId } = await must(page, 'stores.download', { id: store.id, mode: 'full' });
  const job = await waitForJob(page, jobId);
  if (job.status !== 'succeeded') throw new Error(`download failed: ${JSON.stringify(job.error)}`);
  await must(page, 'syncRules.create', { name: `Rule ${opts.platform}`, inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse.id], storeIds: [store.id] });
  if (opts.autoSync !== false) await must(page, 'storeProducts.setAutoSync', { storeId: store.id, all: true, enabled: true });
  return { storeId: store.id, shopId: shop.shopId, warehouseId: warehouse.id, skus };
}
