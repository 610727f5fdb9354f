// Download: a big store through the extension's download job, in seconds and per second, against
// what the platform allows.
// - Lazada (100,000 listings at full scale): 50 per page, 50 calls per second.
// - Shopify (50,000 variants at full scale: 10,000 products × 5): one bulk operation, then its
//   JSONL file. The simulator reads bulk operations at DEFAULT_OBJECTS_PER_SECOND (Shopify
//   publishes no rate: an assumption); the figure splits the time into Shopify's part (until the
//   operation completed) and Shelfsync's (polling latency, reading and saving). Goal: < 120 s.
//   Paged, the cost bucket (100 points/s) allowed ~27 variants/s: half an hour for this store.
import { simControl } from '../../e2e/support/world';
import { DEFAULT_OBJECTS_PER_SECOND } from '../../simulator/platforms/shopify-bulk';
import { cmd, percentile, round, waitJob, type Bench } from '../harness';

export type DownloadPlatform = 'lazada' | 'tiktok' | 'shopify';

/** `download` runs Lazada then Shopify; `download:<platform>` one of them. */
export function downloadPlatforms(scenario: string): DownloadPlatform[] {
  if (scenario === 'download') return ['lazada', 'shopify'];
  const p = scenario.slice('download:'.length);
  if (p !== 'lazada' && p !== 'tiktok' && p !== 'shopify') throw new Error(`unknown download scenario ${scenario}: download, download:lazada, download:tiktok or download:shopify`);
  return [p];
}

const SHOPIFY_VARIANTS_PER_PRODUCT = 5;
const SHOPIFY_GOAL_SECONDS = 120;

export async function downloadScenario(b: Bench, platform: DownloadPlatform = 'lazada') {
  const shopify = platform === 'shopify';
  const listings = shopify ? (b.scale === 'full' ? 10_000 : 1_000) : b.scale === 'full' ? 100_000 : 10_000;
  const variantsPerItem = shopify ? SHOPIFY_VARIANTS_PER_PRODUCT : 1;
  const shop = await simControl(b.sim, 'POST', '/__sim/shops', { platform, items: listings, variantsPerItem, seed: 999, skuPrefix: 'DL' });
  const store = await cmd(b.page, 'stores.connect', { platform, name: `Download ${platform}`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  const t0 = Date.now();
  const { jobId } = await cmd(b.page, 'stores.download', { id: store.id, mode: 'full' });
  const job = await waitJob(b.page, jobId, 60 * 60_000);
  const seconds = (Date.now() - t0) / 1000;
  const stats = await simControl(b.sim, 'GET', `/__sim/stats?shopId=${encodeURIComponent(shop.shopId)}`);
  const calls = Object.values(stats.calls as Record<string, number>).reduce((a, c) => a + c, 0);
  const variants = listings * variantsPerItem;
  const common = {
    scenario: `download:${platform}`,
    listings: job.result?.items ?? 0,
    status: job.status,
    ...(job.status === 'failed' ? { error: job.error } : {}),
    seconds: round(seconds),
    platformCalls: calls,
  };
  let result: Record<string, unknown>;
  if (shopify) {
    const ops = (await simControl(b.sim, 'GET', `/__sim/shops/${encodeURIComponent(shop.shopId)}/bulk-operations`)) as { createdAt: string; completedAt: string | null; status: string; objectCount: string }[];
    const op = ops[ops.length - 1];
    // Shopify's part: from the start of the job to the operation's completion (the simulator's
    // clock, to the second); Shelfsync's: the rest (the last poll's wait, reading, saving).
    const shopifySeconds = op?.completedAt ? (Date.parse(op.completedAt) - t0) / 1000 : null;
    result = {
      ...common,
      variants,
      variantsPerSecond: round(variants / seconds, 0),
      goalSeconds: SHOPIFY_GOAL_SECONDS,
      goalMet: job.status === 'succeeded' && seconds < SHOPIFY_GOAL_SECONDS,
      bulk: op ? { status: op.status, objects: Number(op.objectCount), assumedObjectsPerSecond: DEFAULT_OBJECTS_PER_SECOND, shopifySeconds: round(shopifySeconds), shelfsyncSeconds: shopifySeconds === null ? null : round(seconds - shopifySeconds) } : null,
      pagedCalls: stats.calls['graphql:products'] ?? 0,
    };
  } else {
    const pageSize = platform === 'lazada' ? 50 : 100;
    const allowedPerSecond = pageSize * 50;
    result = { ...common, listingsPerSecond: round(listings / seconds, 0), allowedListingsPerSecond: allowedPerSecond, shareOfAllowed: round(listings / seconds / allowedPerSecond, 2) };
  }
  // The list at this store's size.
  // Plain code in the page: a named inner function would be wrapped by tsx in a helper the page lacks.
  const payloads: Record<string, unknown>[] = [{ q: 'dl-1' }];
  for (let i = 0; i < 100; i++) payloads.push({ page: 1 + (i % 4), ...(i % 2 ? { q: `dl-${(i * 37) % 999}` } : {}), ...(i % 3 === 0 ? { sort: 'title' } : {}), ...(i % 5 === 1 ? { status: 'active' } : {}) });
  const timed: number[] = await b.page.evaluate(async ({ storeId, list }) => {
    const out: number[] = [];
    for (const payload of list) {
      const t = performance.now();
      const a = await (globalThis as any).chrome.runtime.sendMessage({ type: 'storeProducts.list', payload: { storeId, pageSize: 50, ...payload } });
      if (!a.ok) throw new Error(JSON.stringify(a.error));
      out.push(performance.now() - t);
    }
    return out;
  }, { storeId: store.id, list: payloads });
  const list = { cold: timed[0]!, times: timed.slice(1) };
  await cmd(b.page, 'stores.remove', { id: store.id });
  return { ...result, listOnThisStore: { coldIndexMs: round(list.cold, 0), p50Ms: round(percentile(list.times, 50)), p95Ms: round(percentile(list.times, 95)), p99Ms: round(percentile(list.times, 99)) } };
}
