// A buyer storm: buyers order on every store of the bench seller at 5, 20 and 50 orders/s, and
// each sale must reach every other store. Per order, against the simulator's own records:
//   sale → every other store: from the order's time on platform A (the platform's createdAt) to
//     the moment each other store B no longer offers units that sale took — B's number is at or
//     below the truth right after the sale (0 when B already was; else the first stock call to B
//     with such a number, from its stock-events). The longest over B is the figure.
//   cadence: from the sale to the order check that saw it (the order row's seenAt in Shelfsync);
//   engine: from that check to the last other store's number (0 when another sale's push already
//     covered it).
//   oversold: units a platform accepted beyond the truth's sellable at that moment (below).
//   order calls per minute per store: /__sim/stats orderCalls over the storm and its drain.
// The truth is computed here, from the stock given and the orders the platforms accepted (in the
// platforms' time order), never from Shelfsync's tables: sellable(s) = onHand(s) − units of
// accepted orders; an accepted order of q units when sellable is S oversells max(0, q − max(0, S)).
// Refused orders (409 out_of_stock) are no sale and no oversell.
//
// Orders go to SKUs ORD-1 … ORD-40 listed on every store (added to the bench shops, downloaded
// incrementally, connected by SKU, auto sync on for them): a sale on one store must reach all the
// others (4 at small scale, 19 at full). Most have 300 units; every eighth has 3, so stock runs
// out and oversells can happen. The extension's order check runs on its real 30 s alarm.
import { simControl } from '../../e2e/support/world';
import { cmd, engineState, percentile, profileWorker, round, waitJob, type Bench } from '../harness';
import type { BenchWorld, BenchStore } from '../generate';

export const ORDER_RATES = [5, 20, 50] as const;
const SKUS = 40;
const sku = (n: number) => `ORD-${n}`;
const startStock = (n: number) => (n % 8 === 0 ? 3 : 300);
/** How long one rate's storm lasts: over one whole 30 s check period, so every phase of it is sampled. */
const STORM_SECONDS = 40;
const DRAIN_LIMIT_MS = 150_000;
/** Documented order-API limits (docs/platforms/*.md, "Rate limits"; checked against the platforms' public docs). */
export const ORDER_LIMITS: Record<string, string> = {
  shopee: 'not published (we assume 10 calls/s per shop = 600/min)',
  lazada: 'not published for orders (Lazada asks to keep to the per-app limits; inventory APIs 50/s per seller)',
  tiktok: '50 QPS per API per app+shop = 3,000/min',
  shopify: 'cost bucket: 100 points/s restored (Standard plan); not a call count',
  woocommerce: 'none in core',
};

interface Placed { storeIdx: number; sku: string; quantity: number; status: number; orderId?: string; createdAt?: number }
type Event = { sellerSku: string; stock: number; at: number; source?: string };

/** mulberry32: the same storm every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = encodeURIComponent;

async function platformNumbers(b: Bench, s: BenchStore): Promise<Map<string, number>> {
  const items = await simControl<{ variants: { sellerSku: string; stock: number }[] }[]>(b.sim, 'GET', `/__sim/shops/${enc(s.shopId)}/items`);
  return new Map(items.flatMap((i) => i.variants).filter((v) => v.sellerSku.startsWith('ORD-')).map((v) => [v.sellerSku, v.stock]));
}

/** The order listings on every store, connected and auto-synced, every platform showing the truth. */
async function setUp(b: Bench, w: BenchWorld, log: (s: string) => void): Promise<Map<string, number>> {
  const t0 = Date.now();
  const truth = new Map<string, number>();
  const products = ['sku,name,price'];
  const stock = ['sku,warehouse,on_hand'];
  for (let n = 1; n <= SKUS; n++) {
    truth.set(sku(n), startStock(n));
    products.push(`${sku(n)},Order bench ${n},12.5`);
    stock.push(`${sku(n)},W1,${startStock(n)}`);
  }
  for (const [type, csv] of [['products.importCsv', products], ['inventory.importCsv', stock]] as const) {
    const job = await waitJob(b.page, (await cmd(b.page, type, { csv: csv.join('\n') })).jobId);
    if (job.status !== 'succeeded') throw new Error(`${type}: ${JSON.stringify(job.error)}`);
  }
  // Listed on the platforms with a different number, so the first push proves each is connected.
  for (const s of w.stores) {
    for (let n = 1; n <= SKUS; n++) await simControl(b.sim, 'POST', `/__sim/shops/${enc(s.shopId)}/items`, { title: `Order bench ${sku(n)}`, variants: [{ sellerSku: sku(n), stock: startStock(n) + 7, price: 12.5 }] });
  }
  await Promise.all(w.stores.map(async (s) => {
    const job = await waitJob(b.page, (await cmd(b.page, 'stores.download', { id: s.storeId, mode: 'incremental' })).jobId);
    if (job.status !== 'succeeded') throw new Error(`incremental download of ${s.platform} store: ${JSON.stringify(job.error)}`);
    const { ids } = await cmd<{ ids: number[] }>(b.page, 'storeProducts.list', { storeId: s.storeId, q: 'Order bench ORD-', idsOnly: true });
    if (ids.length !== SKUS) throw new Error(`${s.platform} store lists ${ids.length} order listings, not ${SKUS}`);
    await cmd(b.page, 'storeProducts.setAutoSync', { storeId: s.storeId, storeProductIds: ids, enabled: true });
  }));
  for (const until = Date.now() + 5 * 60_000; ;) {
    const wrong: string[] = [];
    for (const s of w.stores) for (const [k, v] of await platformNumbers(b, s)) if (v !== truth.get(k)) wrong.push(`${s.platform} ${k} ${v}≠${truth.get(k)}`);
    if (!wrong.length) break;
    if (Date.now() > until) throw new Error(`order listings not in sync after 5 min: ${wrong.slice(0, 5).join('; ')}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`orders: ${SKUS} order SKUs on ${w.stores.length} stores, connected and in sync in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return truth;
}

/** Orders Shelfsync has recorded, per store: platform order id → seenAt. */
async function seenOrders(b: Bench, w: BenchWorld): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  for (const s of w.stores) {
    const m = new Map<string, number>();
    for (let page = 1; ; page++) {
      const r = await cmd<{ items: { platformOrderId: string; seenAt: number }[]; total: number }>(b.page, 'orders.list', { storeId: s.storeId, page, pageSize: 500 });
      // Shopify's ids are GIDs (gid://shopify/Order/<id>); the simulator answers the bare id.
      for (const o of r.items) m.set(o.platformOrderId.replace(/^gid:\/\/shopify\/Order\//, ''), o.seenAt);
      if (r.items.length < 500) break;
    }
    out.set(s.storeId, m);
  }
  return out;
}

/** Per store: order-API calls and calls the platform refused for its rate limit (throttled/429). */
async function callStats(b: Bench, w: BenchWorld): Promise<{ orderCalls: number; limited: number }[]> {
  return Promise.all(w.stores.map(async (s) => {
    const st = await simControl(b.sim, 'GET', `/__sim/stats?shopId=${enc(s.shopId)}`);
    const limited = Object.entries(st.rejected as Record<string, number>).filter(([k]) => /throttl|rate|limit|429/i.test(k)).reduce((a, [, n]) => a + n, 0);
    return { orderCalls: st.orderCalls as number, limited };
  }));
}

/** Per platform counts (orders not seen, stores a sale did not reach): what to look at when sales do not arrive. */
function countBy(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

async function storm(b: Bench, w: BenchWorld, truth: Map<string, number>, rate: number, seed: number) {
  const rnd = prng(seed);
  const count = rate * STORM_SECONDS;
  const plan = Array.from({ length: count }, () => {
    const r = rnd();
    return { storeIdx: Math.floor(rnd() * w.stores.length), sku: sku(1 + Math.floor(rnd() * SKUS)), quantity: r < 0.7 ? 1 : r < 0.9 ? 2 : 3 };
  });
  // What each store showed when the storm began (every event after is in its stock-events).
  const shownAtStart = new Map(await Promise.all(w.stores.map(async (s) => [s.storeId, await platformNumbers(b, s)] as const)));
  const callsBefore = await callStats(b, w);
  const profiling = process.env.BENCH_PROFILE ? await profileWorker(b) : null;
  const since = Date.now();
  const placed: Placed[] = await Promise.all(plan.map((p, i) => new Promise<Placed>((resolve) => {
    setTimeout(async () => {
      const shop = w.stores[p.storeIdx]!.shopId;
      try {
        const res = await fetch(`${b.sim.url}/__sim/shops/${enc(shop)}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lines: [{ sellerSku: p.sku, quantity: p.quantity }] }) });
        const body = (await res.json()) as { orderId?: string; createdAt?: number };
        resolve({ ...p, status: res.status, orderId: body.orderId, createdAt: body.createdAt });
      } catch {
        resolve({ ...p, status: 0 });
      }
    }, Math.max(0, since + (i * 1000) / rate - Date.now()));
  })));
  const stormEnd = Date.now();
  const accepted = placed.filter((p) => p.status === 201).sort((a, c) => a.createdAt! - c.createdAt!);

  // Drain: every accepted order recorded by Shelfsync and nothing left to push (bounded).
  const perStore = new Map<number, number>();
  for (const p of accepted) perStore.set(w.stores[p.storeIdx]!.storeId, (perStore.get(w.stores[p.storeIdx]!.storeId) ?? 0) + 1);
  let seen = await seenOrders(b, w);
  const drainStart = Date.now();
  for (;;) {
    const unseen = accepted.filter((p) => !seen.get(w.stores[p.storeIdx]!.storeId)!.has(p.orderId!)).length;
    const engine = await engineState(b.page);
    if (!unseen && !engine.pending && !engine.marks) break;
    if (Date.now() - drainStart > DRAIN_LIMIT_MS) break;
    await new Promise((r) => setTimeout(r, 1000));
    seen = await seenOrders(b, w);
  }
  const drainEnd = Date.now();
  if (profiling) await profiling(`${process.env.BENCH_PROFILE}/orders-${w.stores.length}-stores-${rate}.cpuprofile`);
  const callsAfter = await callStats(b, w);
  const checkErrors: Record<string, string> = {};
  for (const st of (await cmd<{ items: { id: number; orders?: { lastError?: { code: string } | null } }[] }>(b.page, 'stores.list', {})).items) {
    const s = w.stores.find((x) => x.storeId === st.id);
    if (s && st.orders?.lastError) checkErrors[s.platform] = st.orders.lastError.code;
  }
  const events = new Map(await Promise.all(w.stores.map(async (s) => [s.storeId, (await simControl<Event[]>(b.sim, 'GET', `/__sim/shops/${enc(s.shopId)}/stock-events?since=${since - 1}`)).filter((e) => e.sellerSku.startsWith('ORD-'))] as const)));

  let oversold = 0;
  let notArrived = 0;
  let unseen = 0;
  const unseenBy: Record<string, number> = {};
  /** Per platform of the other store: sale → that store showing it (Infinity: never). */
  const reachBy: Record<string, number[]> = {};
  const notReachedBy: Record<string, number> = {};
  const saleToAll: number[] = [];
  const cadence: number[] = [];
  const engineCost: number[] = [];
  for (const o of accepted) {
    const sellable = truth.get(o.sku)!;
    oversold += Math.max(0, o.quantity - Math.max(0, sellable));
    truth.set(o.sku, sellable - o.quantity);
    const after = Math.max(0, sellable - o.quantity);
    const t0 = o.createdAt!;
    let last = t0;
    let arrivedEverywhere = true;
    w.stores.forEach((s, idx) => {
      if (idx === o.storeIdx) return;
      const ev = events.get(s.storeId)!.filter((e) => e.sellerSku === o.sku);
      const prior = ev.filter((e) => e.at < t0).pop();
      const showing = prior ? prior.stock : shownAtStart.get(s.storeId)!.get(o.sku)!;
      const reach = (reachBy[s.platform] ??= []);
      if (showing <= after) return void reach.push(0);
      const hit = ev.find((e) => e.at >= t0 && e.source !== 'order' && e.stock <= after);
      reach.push(hit ? hit.at - t0 : Infinity);
      if (!hit) {
        arrivedEverywhere = false;
        countBy(notReachedBy, s.platform);
      } else last = Math.max(last, hit.at);
    });
    const seenAt = seen.get(w.stores[o.storeIdx]!.storeId)!.get(o.orderId!);
    if (seenAt === undefined) {
      unseen++;
      countBy(unseenBy, w.stores[o.storeIdx]!.platform);
    }
    // A sale never seen, or never on every other store by the end of the drain, counts in the
    // percentiles as not reached (so a p99 is never taken over the sales that did arrive only).
    cadence.push(seenAt === undefined ? Infinity : seenAt - t0);
    if (!arrivedEverywhere) {
      notArrived++;
      saleToAll.push(Infinity);
      if (seenAt !== undefined) engineCost.push(Infinity);
      continue;
    }
    saleToAll.push(last - t0);
    if (seenAt !== undefined) engineCost.push(Math.max(0, last - seenAt));
  }

  const minutes = (drainEnd - since) / 60_000;
  const callsPerMinute: Record<string, number> = {};
  const rateLimited: Record<string, number> = {};
  w.stores.forEach((s, i) => {
    const perMin = round((callsAfter[i]!.orderCalls - callsBefore[i]!.orderCalls) / minutes, 1)!;
    const limited = callsAfter[i]!.limited - callsBefore[i]!.limited;
    if (limited) rateLimited[s.platform] = (rateLimited[s.platform] ?? 0) + limited;
    callsPerMinute[s.platform] = Math.max(callsPerMinute[s.platform] ?? 0, perMin);
  });
  const p = (v: number[], q: number) => {
    const x = percentile(v, q);
    return x === Infinity ? `not reached in ${round((drainEnd - stormEnd) / 1000, 0)} s of drain` : round(x, 0);
  };
  return {
    scenario: `orders@${rate}/s`,
    stores: w.stores.length,
    ordersPlaced: accepted.length,
    ordersRefused: placed.filter((x) => x.status === 409).length,
    ordersFailed: placed.filter((x) => x.status !== 201 && x.status !== 409).length,
    stormSeconds: round((stormEnd - since) / 1000),
    drainSeconds: round((drainEnd - stormEnd) / 1000),
    saleToEveryOtherP50Ms: p(saleToAll, 50),
    saleToEveryOtherP99Ms: p(saleToAll, 99),
    goalP99Ms: 35_000,
    cadenceP50Ms: p(cadence, 50),
    cadenceP99Ms: p(cadence, 99),
    engineP50Ms: p(engineCost, 50),
    engineP99Ms: p(engineCost, 99),
    reachP99ByPlatformMs: Object.fromEntries(Object.entries(reachBy).map(([k, v]) => [k, p(v, 99)])),
    notArrivedEverywhere: notArrived,
    notSeenByShelfsync: unseen,
    ...(unseen ? { notSeenByPlatform: unseenBy } : {}),
    ...(notArrived ? { notReachedByPlatform: notReachedBy } : {}),
    ...(Object.keys(checkErrors).length ? { lastOrderCheckError: checkErrors } : {}),
    ...(Object.keys(rateLimited).length ? { callsRefusedForRateLimit: rateLimited } : {}),
    oversoldUnits: oversold,
    oversoldPer1000Orders: round((oversold / Math.max(1, accepted.length)) * 1000, 1),
    orderCallsPerMinuteMaxStore: callsPerMinute,
  };
}

export async function ordersScenario(b: Bench, w: BenchWorld, log: (s: string) => void): Promise<Record<string, unknown>[]> {
  const truth = await setUp(b, w, log);
  const rows: Record<string, unknown>[] = [];
  // `BENCH_ORDER_RATES=50`: some rates only (a quick look; RESULTS.md wants all three).
  const only = process.env.BENCH_ORDER_RATES?.split(',').map(Number);
  for (const [i, rate] of ORDER_RATES.entries()) {
    if (only && !only.includes(rate)) continue;
    const row = await storm(b, w, truth, rate, 4242 + i);
    log(`orders@${rate}/s: p99 ${String(row.saleToEveryOtherP99Ms)} (cadence ${String(row.cadenceP99Ms)}, engine ${String(row.engineP99Ms)}), oversold ${row.oversoldUnits}`);
    rows.push(row);
  }
  return rows;
}
