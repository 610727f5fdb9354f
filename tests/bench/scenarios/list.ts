// Dashboard store product list: filter + search + page, p50/p95/p99 over many queries on the
// biggest store; the first (cold) query that builds the store's list index; and the time to
// first rows when the module opens in the dashboard.
import { cmd, percentile, round, type Bench } from '../harness';
import type { BenchWorld } from '../generate';

export async function listScenario(b: Bench, w: BenchWorld) {
  const store = [...w.stores].sort((x, y) => y.variants - x.variants)[0]!;
  const storeVariants = w.stores.reduce((a, s) => a + s.variants, 0);
  // Cold: the worker builds the store's index on its first query after a start.
  await b.page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'system.ping' }));
  const cold = await b.page.evaluate(async (storeId) => {
    const t = performance.now();
    await (globalThis as any).chrome.runtime.sendMessage({ type: 'storeProducts.list', payload: { storeId, page: 1, pageSize: 50 } });
    return performance.now() - t;
  }, store.storeId);
  const queries: Record<string, unknown>[] = [];
  for (let i = 0; i < (b.scale === 'full' ? 300 : 120); i++) {
    const q: Record<string, unknown> = { storeId: store.storeId, page: 1 + (i % 5), pageSize: 50 };
    if (i % 3 === 0) q.q = `b-${(i * 131) % 9000}`;
    if (i % 4 === 1) q.q = `${(i * 17) % 97}`;
    if (i % 5 === 2) q.connected = i % 2 === 0;
    if (i % 7 === 3) q.status = 'active';
    if (i % 6 === 4) q.sort = 'title';
    queries.push(q);
  }
  const times: number[] = await b.page.evaluate(async (qs) => {
    const out: number[] = [];
    for (const payload of qs) {
      const t = performance.now();
      const a = await (globalThis as any).chrome.runtime.sendMessage({ type: 'storeProducts.list', payload });
      if (!a.ok) throw new Error(JSON.stringify(a.error));
      out.push(performance.now() - t);
    }
    return out;
  }, queries);
  // Time to first rows: open the module at this store in a fresh page.
  const platformName = store.platform;
  const page = await b.ext.context.newPage();
  const t0 = Date.now();
  await page.goto(`chrome-extension://${b.ext.extensionId}/dashboard.html#/store-products?platform=${platformName}&store=${store.storeId}`);
  let firstRowsMs: number | null = null;
  try {
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    firstRowsMs = Date.now() - t0;
  } catch {
    firstRowsMs = null;
  }
  await page.close();
  const total = await cmd(b.page, 'storeProducts.list', { storeId: store.storeId, pageSize: 1 });
  return {
    scenario: 'list',
    store: { platform: store.platform, variants: store.variants, listings: total.total },
    allStoresVariants: storeVariants,
    queries: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    coldFirstQueryMs: round(cold),
    timeToFirstRowsMs: firstRowsMs,
  };
}
