// Download: a big store (100,000 listings at full scale) → listings per second versus what the
// platform's page size and rate limit allow. Lazada: 50 per page, 50 calls per second.
import { simControl } from '../../e2e/support/world';
import { cmd, round, waitJob, type Bench } from '../harness';

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
  await cmd(b.page, 'stores.remove', { id: store.id });
  return result;
}
