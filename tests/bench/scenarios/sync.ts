// Sync propagation: auto sync on everywhere, then a sustained stream of stock changes at a given
// rate; latency from the command's answer to the simulator receiving the number (per store that
// lists the SKU), backlog at the end, stock-update calls versus the minimum for the same pushes,
// the time until every platform had every change against the bound the platforms' rate limits
// set, and the CPU each process used during the stream (BENCH_PROFILE: the worker's profile).
import path from 'node:path';
import { cmd, engineBusy, engineState, percentile, profileWorker, round, simGet, stockCalls, type Bench } from '../harness';
import { skuName, type BenchWorld } from '../generate';
import { coresBetween, cpuMark, cpuMsPer, loadAverage } from '../procs';

/** The platforms' stock-call limits the bounds are computed with: the largest batch, and calls per
 *  second per store (Shopify's cost bucket allows ~4 mutations of 250 a second). */
export const BATCH: Record<string, number> = { lazada: 50, tiktok: 100, shopee: 50, shopify: 250, woocommerce: 100 };
export const RATE: Record<string, number> = { lazada: 50, tiktok: 50, shopee: 10, shopify: 4, woocommerce: 5 };
/** One item per call (Shopee; TikTok one product): a push per changed item. */
export const perItem = (platform: string) => platform === 'shopee' || platform === 'tiktok';

export async function settleAll(b: Bench, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (!(await engineBusy(b.page))) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) return -1;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every store's SKU window: which stores list a given SKU number. */
function storesListing(w: BenchWorld, n: number) {
  return w.stores.filter((s) => n >= s.firstSkuNo && n < s.firstSkuNo + s.variants);
}

export async function enableAutoSync(b: Bench, w: BenchWorld, log: (s: string) => void) {
  const t0 = Date.now();
  for (const s of w.stores) await cmd(b.page, 'storeProducts.setAutoSync', { storeId: s.storeId, all: true, enabled: true });
  const took = await settleAll(b, 60 * 60_000);
  log(`auto sync on for every store: first push of everything settled in ${(took / 1000).toFixed(1)} s (${((Date.now() - t0) / 1000).toFixed(1)} s with switching)`);
}

export async function propagationScenario(b: Bench, w: BenchWorld, rate: number, seconds: number) {
  const profiling = process.env.BENCH_PROFILE ? await profileWorker(b) : null;
  const since = Date.now();
  const cpuStart = cpuMark();
  const before = await stockCalls(b.sim, w.stores.map((s) => s.shopId));
  // Distinct connected SKUs, spread over the catalogue, each changed once to a fresh number.
  const count = Math.round(rate * seconds);
  const picks: { sku: string; n: number; value: number }[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + ((i * 104_729 + 7) % w.systemSkus);
    picks.push({ sku: skuName(n), n, value: 100 + ((w.stock.get(skuName(n)) ?? 0) + i + 1) % 900 });
  }
  const warehouseId = w.warehouseIds[0]!;
  const answered: { sku: string; value: number; sent: number; at: number }[] = await b.page.evaluate(async ({ picks: list, rate: r, warehouseId: wh }) => {
    const out: { sku: string; value: number; sent: number; at: number }[] = [];
    const start = Date.now();
    await Promise.all(list.map((p, i) => new Promise<void>((resolve) => {
      setTimeout(async () => {
        const sent = Date.now();
        const a = await (globalThis as any).chrome.runtime.sendMessage({ type: 'inventory.adjust', payload: { warehouseId: wh, sku: p.sku, onHand: p.value } });
        if (a.ok) out.push({ sku: p.sku, value: p.value, sent, at: Date.now() });
        resolve();
      }, Math.max(0, start + (i * 1000) / r - Date.now()));
    })));
    return out;
  }, { picks, rate, warehouseId });
  for (const p of picks) w.stock.set(p.sku, p.value);
  const streamEnd = Date.now();
  const cpuStream = coresBetween(cpuStart, cpuMark());
  const load = loadAverage();
  const backlogAtEnd = (await engineState(b.page)).pending;
  const drainMs = await settleAll(b, 30 * 60_000);
  const settledAt = Date.now();
  const cpuPerChange = cpuMsPer(cpuStart, cpuMark(), answered.length);
  // Arrival times: the simulator's record of each accepted stock set. A push may land before the
  // command's answer reaches the page (the answer is read after the commit and crosses the
  // browser): such a push is matched from the moment the command was sent, with latency 0.
  const latencies: number[] = [];
  const latencyByPlatform: Record<string, number[]> = {};
  let missing = 0;
  let beforeAnswer = 0;
  let wrongAtEnd = 0;
  const answerOf = new Map(answered.map((a) => [`${a.sku}=${a.value}`, a]));
  const perShop = new Map<string, { sellerSku: string; stock: number; at: number }[]>();
  for (const s of w.stores) perShop.set(s.shopId, await simGet(b.sim, `/__sim/shops/${encodeURIComponent(s.shopId)}/stock-events?since=${since}`));
  let lastArrival = since;
  for (const p of picks) {
    const a = answerOf.get(`${p.sku}=${p.value}`);
    if (!a) continue;
    for (const s of storesListing(w, p.n)) {
      const events = perShop.get(s.shopId)!.filter((e) => e.sellerSku === p.sku);
      // Every SKU is changed once in the stream: the platform must end at its number.
      const last = events.reduce<(typeof events)[number] | null>((l, e) => (!l || e.at >= l.at ? e : l), null);
      if (last && last.stock !== p.value) wrongAtEnd++;
      const ev = events.find((e) => e.stock === p.value && e.at >= a.sent);
      if (!ev) {
        missing++;
        continue;
      }
      if (ev.at < a.at) beforeAnswer++;
      const ms = Math.max(0, ev.at - a.at);
      latencies.push(ms);
      lastArrival = Math.max(lastArrival, ev.at);
      (latencyByPlatform[s.platform] ??= []).push(ms);
    }
  }
  const after = await stockCalls(b.sim, w.stores.map((s) => s.shopId));
  const entries = after.entries - before.entries;
  // The fewest calls the same pushes could take if every one were held and batched at the limit,
  // and the soonest every platform could have them all at its rate limit (never before the
  // stream's last change): the bound the time until everything arrived is compared with.
  let batchedMinimum = 0;
  let boundMs = 0;
  for (const s of w.stores) {
    const pushes = picks.filter((p) => p.n >= s.firstSkuNo && p.n < s.firstSkuNo + s.variants).length;
    const calls = perItem(s.platform) ? pushes : Math.ceil(pushes / BATCH[s.platform]!);
    batchedMinimum += calls;
    boundMs = Math.max(boundMs, (calls / RATE[s.platform]!) * 1000);
  }
  boundMs = Math.max(boundMs, seconds * 1000);
  // The fewest calls that still deliver within a second: pushes batched per store per 1 s window.
  const windowedMinimum = w.stores.reduce((sum, s) => {
    const windows = new Map<number, number>();
    for (const a of answered) {
      const n = Number(a.sku.slice(2));
      if (n >= s.firstSkuNo && n < s.firstSkuNo + s.variants) windows.set(Math.floor(a.at / 1000), (windows.get(Math.floor(a.at / 1000)) ?? 0) + 1);
    }
    let calls = 0;
    for (const c of windows.values()) calls += perItem(s.platform) ? c : Math.ceil(c / BATCH[s.platform]!);
    return sum + calls;
  }, 0);
  const untilAllArrivedMs = lastArrival - since;
  const row = {
    scenario: `propagation@${rate}/s`,
    changes: answered.length,
    seconds,
    pushesExpected: latencies.length + missing,
    pushesArrived: latencies.length,
    arrivedBeforeAnswer: beforeAnswer,
    platformWrongAtEnd: wrongAtEnd,
    latencyP50Ms: round(percentile(latencies, 50), 0),
    latencyP99Ms: round(percentile(latencies, 99), 0),
    latencyP99ByPlatformMs: Object.fromEntries(Object.entries(latencyByPlatform).map(([k, v]) => [k, round(percentile(v, 99), 0)])),
    backlogAtEnd,
    drainAfterStreamMs: drainMs,
    streamSeconds: round((streamEnd - since) / 1000),
    untilAllArrivedMs,
    rateLimitBoundMs: Math.round(boundMs),
    ratioToBound: round(untilAllArrivedMs / boundMs, 2),
    stockUpdateCalls: after.calls - before.calls,
    stockUpdateEntries: entries,
    callsIfBatchedAtLimit: batchedMinimum,
    callsMinimumWithin1s: windowedMinimum,
    callsOverMinimumWithin1sPercent: round(((after.calls - before.calls) / Math.max(1, windowedMinimum) - 1) * 100),
    // Cores in use while the stream ran (1 = one core busy): the service worker's own thread; the
    // extension's renderer (the worker and the dashboard page sending the stream); the browser
    // process, and in it its UI thread, IO thread and thread pool (IndexedDB's backend); the
    // simulator and harness (node; BENCH_SIM_PID adds a simulator in its own process). Load: the
    // machine's 1, 5, 15 min averages (other work shares it).
    cpuCoresDuringStream: cpuStream,
    // CPU per change from the stream's start until everything was pushed (drain included): what a
    // change costs each process, however busy the machine was (ms of CPU time, not of waiting).
    cpuMsPerChange: cpuPerChange,
    loadAverage: load,
  };
  if (profiling) {
    const file = path.join(process.env.BENCH_PROFILE!, `propagation-${b.scale}-${rate}.cpuprofile`);
    await profiling(file, { scenario: row.scenario, changes: row.changes, pushes: row.pushesArrived, streamSeconds: row.streamSeconds, profiledMs: settledAt - since });
    console.error(`[bench] worker profile: ${file} (npx tsx tests/bench/profileParts.ts ${file})`);
  }
  return row;
}
