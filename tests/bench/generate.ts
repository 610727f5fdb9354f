// The benchmark seller: 20 stores over all five platforms (full) laid over windows of one
// catalogue of 62,500 SKU numbers, 50,000 system SKUs (B-1 … B-50000: variants above 50,000 stay
// unconnected, about 20 %), 5 warehouses, stock in W1, one rule for every store. Listings reach
// the extension through real downloads from the simulator, so every number is pushable.
import type { Page } from 'playwright-core';
import { simControl } from '../e2e/support/world';
import { cmd, waitJob, type Bench } from './harness';
import type { Platform } from '../../lib/platforms/types';

export interface StoreSpec { platform: Platform; items: number; variantsPerItem: number }
export interface BenchStore { storeId: number; shopId: string; platform: Platform; variants: number; firstSkuNo: number; consoleUrl: string; download: { seconds: number; listings: number; calls: number } }
export interface BenchWorld { stores: BenchStore[]; warehouseIds: number[]; systemSkus: number; catalogue: number; stock: Map<string, number>; ruleId: number }

const FULL: StoreSpec[] = [
  ...Array.from({ length: 4 }, () => ({ platform: 'lazada' as const, items: 8000, variantsPerItem: 2 })),
  ...Array.from({ length: 4 }, () => ({ platform: 'tiktok' as const, items: 8000, variantsPerItem: 2 })),
  ...Array.from({ length: 4 }, () => ({ platform: 'woocommerce' as const, items: 12000, variantsPerItem: 1 })),
  ...Array.from({ length: 4 }, () => ({ platform: 'shopee' as const, items: 5000, variantsPerItem: 1 })),
  ...Array.from({ length: 4 }, () => ({ platform: 'shopify' as const, items: 500, variantsPerItem: 2 })),
];
// 10,000 variants: the figure issue 6's sync benchmark asks for, in under five minutes.
const SMALL: StoreSpec[] = [
  { platform: 'lazada', items: 1600, variantsPerItem: 2 },
  { platform: 'tiktok', items: 1500, variantsPerItem: 2 },
  { platform: 'woocommerce', items: 2700, variantsPerItem: 1 },
  { platform: 'shopee', items: 600, variantsPerItem: 1 },
  { platform: 'shopify', items: 250, variantsPerItem: 2 },
];

export function specsFor(scale: 'small' | 'full') {
  return scale === 'full' ? { stores: FULL, systemSkus: 50_000, catalogue: 62_500 } : { stores: SMALL, systemSkus: 9_000, catalogue: 11_250 };
}

export const skuName = (n: number) => `B-${n}`;

async function importCsv(page: Page, type: 'products.importCsv' | 'inventory.importCsv', csv: string) {
  const { jobId } = await cmd(page, type, { csv });
  const job = await waitJob(page, jobId);
  if (job.status !== 'succeeded') throw new Error(`${type} failed: ${JSON.stringify(job.error)}`);
  return job.result;
}

export async function generate(b: Bench, log: (s: string) => void): Promise<BenchWorld> {
  const spec = specsFor(b.scale);
  const t0 = Date.now();
  const warehouseIds: number[] = [];
  for (let i = 1; i <= 5; i++) warehouseIds.push((await cmd(b.page, 'warehouses.create', { name: `Warehouse ${i}`, code: `W${i}` })).id);
  const products = ['sku,name,price'];
  for (let n = 1; n <= spec.systemSkus; n++) products.push(`${skuName(n)},Bench product ${n},${(n % 90) + 9.9}`);
  await importCsv(b.page, 'products.importCsv', products.join('\n'));
  // Stock: each system SKU in W1 (W2-W5 exist but hold nothing the rule counts).
  const stock = new Map<string, number>();
  const rows = ['sku,warehouse,on_hand'];
  for (let n = 1; n <= spec.systemSkus; n++) {
    const q = (n * 7919) % 97;
    stock.set(skuName(n), q);
    rows.push(`${skuName(n)},W1,${q}`);
  }
  await importCsv(b.page, 'inventory.importCsv', rows.join('\n'));
  log(`catalogue: ${spec.systemSkus} system SKUs with stock in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const stores: BenchStore[] = [];
  for (const [i, s] of spec.stores.entries()) {
    const variants = s.items * s.variantsPerItem;
    const firstSkuNo = 1 + ((i * 7_919) % Math.max(1, spec.catalogue - variants));
    const shop = await simControl(b.sim, 'POST', '/__sim/shops', { platform: s.platform, items: s.items, variantsPerItem: s.variantsPerItem, seed: 100 + i, skuPrefix: 'B', firstSkuNo, name: `Bench ${s.platform} ${i + 1}` });
    const store = await cmd(b.page, 'stores.connect', { platform: s.platform, name: shop.name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
    stores.push({ storeId: store.id, shopId: shop.shopId, platform: s.platform, variants, firstSkuNo, consoleUrl: shop.consoleUrl, download: { seconds: 0, listings: 0, calls: 0 } });
  }
  // Downloads run side by side (the job runner runs several); each store's own rate limit applies.
  const started = Date.now();
  const jobs = await Promise.all(stores.map(async (s) => ({ s, jobId: (await cmd(b.page, 'stores.download', { id: s.storeId, mode: 'full' })).jobId as number, at: Date.now() })));
  await Promise.all(jobs.map(async ({ s, jobId, at }) => {
    const job = await waitJob(b.page, jobId);
    if (job.status !== 'succeeded') throw new Error(`download of ${s.platform} store failed: ${JSON.stringify(job.error)}`);
    const stats = await simControl(b.sim, 'GET', `/__sim/stats?shopId=${encodeURIComponent(s.shopId)}`);
    s.download = { seconds: (Date.now() - at) / 1000, listings: job.result.items, calls: Object.values(stats.calls as Record<string, number>).reduce((a, c) => a + c, 0) };
  }));
  log(`downloaded ${stores.reduce((a, s) => a + s.variants, 0)} variants in ${stores.length} stores in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const rule = await cmd(b.page, 'syncRules.create', { name: 'Bench rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouseIds[0]!], storeIds: stores.map((s) => s.storeId) });
  return { stores, warehouseIds, systemSkus: spec.systemSkus, catalogue: spec.catalogue, stock, ruleId: rule.id };
}
