// Download: a big store (100,000 listings at full scale) → listings per second versus what the
// platform's page size and rate limit allow. Lazada: 50 per page, 50 calls per second.
import { simControl } from '../../e2e/support/world';
import { cmd, percentile, round, waitJob, type Bench } from '../harness';

export async function downloadScenario(b: Bench, platform: 'lazada' | 'tiktok' = 'lazada') {
  const listings = b.scale === 'full' ? 100_000 : 10_000;
  const shop = await simControl(b.sim, 'POST', '/__sim/shops', { platform, items: listings, variantsPerItem: 1, seed: 999, skuPrefix: 'DL' });
  const store = await cmd(b.page, 'stores.connect', { platform, name: `Download ${platform}`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  const t0 = Date.now();
  const { jobId } = await cmd(b.page, 'stores.download', { id: store.id, mode: 'full' });
  const job = await waitJob(b.page, jobId, 60 * 60_000);
  const seconds = (Date.now() - t0) / 1000;
  const stats = await simControl(b.sim, 'GET', `/__sim/stats?shopId=${encodeURIComponent(shop.shopId)}`);
  const calls = Object.values(stats.calls as Record<string, number>).reduce((a, c) => a + c, 0);
  const pageSize = platform === 'lazada' ? 50 : 100;
  const allowedPerSecond = pageSize * 50;
  const result = {
    scenario: `download:${platform}`,
    listings: job.result?.items ?? 0,
    status: job.status,
    seconds: round(seconds),
    platformCalls: calls,
    listingsPerSecond: round(listings / seconds, 0),
    allowedListingsPerSecond: allowedPerSecond,
    shareOfAllowed: round(listings / seconds / allowedPerSecond, 2),
  };
  // The list at this store's size: one store of 100,000 listings (full scale).
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
