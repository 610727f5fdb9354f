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
  const list = await b.page.evaluate(async (storeId) => {
    const send = (payload: Record<string, unknown>) => (globalThis as any).chrome.runtime.sendMessage({ type: 'storeProducts.list', payload: { storeId, pageSize: 50, ...payload } });
    let t = performance.now();
    await send({ q: 'dl-1' });
    const cold = performance.now() - t;
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      t = performance.now();
      const a = await send({ page: 1 + (i % 4), ...(i % 2 ? { q: `dl-${(i * 37) % 999}` } : {}), ...(i % 3 === 0 ? { sort: 'title' } : {}), ...(i % 5 === 1 ? { status: 'active' } : {}) });
      if (!a.ok) throw new Error(JSON.stringify(a.error));
      times.push(performance.now() - t);
    }
    return { cold, times };
  }, store.id);
  await cmd(b.page, 'stores.remove', { id: store.id });
  return { ...result, listOnThisStore: { coldIndexMs: round(list.cold, 0), p50Ms: round(percentile(list.times, 50)), p95Ms: round(percentile(list.times, 95)), p99Ms: round(percentile(list.times, 99)) } };
}
