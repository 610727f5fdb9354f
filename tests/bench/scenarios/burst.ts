// A burst: one stock count changes every system SKU at once (a CSV import) → time until every
// platform shows the right number for every auto-synced listing; calls versus the minimum the
// batch limits allow, and time versus the bound the platforms' rate limits force.
import path from 'node:path';
import { cmd, profileWorker, round, simGet, stockCalls, waitJob, type Bench } from '../harness';
import { skuName, type BenchWorld } from '../generate';
import { coresBetween, cpuMark, loadAverage } from '../procs';
import { BATCH, perItem, RATE, settleAll } from './sync';

export async function burstScenario(b: Bench, w: BenchWorld) {
  const before = await stockCalls(b.sim, w.stores.map((s) => s.shopId));
  const rows = ['sku,warehouse,on_hand'];
  const next = new Map<string, number>();
  for (let n = 1; n <= w.systemSkus; n++) {
    const v = ((w.stock.get(skuName(n)) ?? 0) + 13 + (n % 5)) % 500;
    next.set(skuName(n), v);
    rows.push(`${skuName(n)},W1,${v}`);
  }
  const profiling = process.env.BENCH_PROFILE ? await profileWorker(b) : null;
  const cpuStart = cpuMark();
  const t0 = Date.now();
  const { jobId } = await cmd(b.page, 'inventory.importCsv', { csv: rows.join('\n') });
  const job = await waitJob(b.page, jobId);
  const importMs = Date.now() - t0;
  const settleMs = await settleAll(b, 3 * 60 * 60_000);
  const totalMs = Date.now() - t0;
  const cpu = coresBetween(cpuStart, cpuMark());
  if (profiling) await profiling(path.join(process.env.BENCH_PROFILE!, `burst-${b.scale}.cpuprofile`), { scenario: 'burst', changes: next.size, profiledMs: totalMs });
  for (const [k, v] of next) w.stock.set(k, v);
  // Every listing on every platform must now show its SKU's number (connected ones).
  let mismatches = 0;
  let checked = 0;
  let minCalls = 0;
  let boundMs = 0;
  for (const s of w.stores) {
    const items = await simGet<{ variants: { sellerSku: string; stock: number }[] }[]>(b.sim, `/__sim/shops/${encodeURIComponent(s.shopId)}/items`);
    let storeMin = 0;
    for (const item of items) {
      const connected = item.variants.filter((v) => Number(v.sellerSku.slice(2)) <= w.systemSkus);
      for (const v of connected) {
        checked++;
        if (v.stock !== next.get(v.sellerSku)) mismatches++;
      }
      if (perItem(s.platform)) storeMin += connected.length ? 1 : 0;
    }
    const connectedVariants = items.reduce((a, i) => a + i.variants.filter((v) => Number(v.sellerSku.slice(2)) <= w.systemSkus).length, 0);
    if (!perItem(s.platform)) storeMin = Math.ceil(connectedVariants / BATCH[s.platform]!);
    minCalls += storeMin;
    boundMs = Math.max(boundMs, (storeMin / RATE[s.platform]!) * 1000);
  }
  const after = await stockCalls(b.sim, w.stores.map((s) => s.shopId));
  return {
    scenario: 'burst',
    skusChanged: next.size,
    importJob: job.status,
    importMs,
    untilEveryPlatformRightMs: settleMs < 0 ? null : totalMs,
    rateLimitBoundMs: Math.round(boundMs),
    ratioToBound: settleMs < 0 ? null : round(totalMs / boundMs, 2),
    listingsChecked: checked,
    mismatches,
    stockUpdateCalls: after.calls - before.calls,
    minimumCalls: minCalls,
    callsOverMinimumPercent: round(((after.calls - before.calls) / Math.max(1, minCalls) - 1) * 100),
    cpuCores: cpu,
    loadAverage: loadAverage(),
  };
}
