// `npm run bench [-- scenario ...] [--scale small|full] [--no-build] [--merge]`: the figures behind
// "seconds, not minutes", in the built extension in Chromium against the simulator. Prints JSON
// per scenario and regenerates tests/bench/RESULTS.md with the machine, date and commit.
// `orders` (the buyer storm; not in the default set: it runs minutes on the 30 s order cadence)
// writes only the Orders section of RESULTS.md, for its scale, and leaves every other section.
//
// More options: `--rates 50` (propagation rates, default 10,50,200), `--seconds 60` (each rate's
// stream; default 60 at full scale, 10 at small), `--keep <dir>` with BENCH_SIM_URL (keep.ts:
// reuse a generated world), BENCH_PROFILE=<dir> (the worker's CPU profiles; profileParts.ts),
// BENCH_EXTENSION_FROM=<dir> (measure another test build, e.g. an older commit's).
// Chromium's log and the browser's events go to tests/bench/logs/<run>/ (printed at the start).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium';
import { ROOT } from '../e2e/support/extension';
import { simControl } from '../e2e/support/world';
import { buildForBench, privateCopy } from './build';
import { generate, type BenchWorld } from './generate';
import { chromiumLog, ensureLive, machine, memory, startBench, stopBench } from './harness';
import { keptProfile, loadKept, saveKept } from './keep';
import { writeOrderResults, writeResults } from './results';
import { burstScenario } from './scenarios/burst';
import { consoleScenario } from './scenarios/console';
import { downloadPlatforms, downloadScenario } from './scenarios/download';
import { listScenario } from './scenarios/list';
import { ordersScenario } from './scenarios/orders';
import { enableAutoSync, propagationScenario } from './scenarios/sync';

const ALL = ['list', 'sync', 'burst', 'download', 'console'] as const;
const argv = process.argv.slice(2);
const scale = (argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : 'small') as 'small' | 'full';
if (scale !== 'small' && scale !== 'full') throw new Error('--scale must be small or full');
const VALUED = ['--scale', '--rates', '--seconds', '--keep'];
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const wanted = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]!));
const scenarios = wanted.length ? wanted : [...ALL];
const rates = (option('--rates') ?? '10,50,200').split(',').map(Number);
const seconds = Number(option('--seconds') ?? (scale === 'full' ? 60 : 10));
if (rates.some((r) => !(r > 0)) || !(seconds > 0)) throw new Error('--rates takes changes per second (e.g. 10,50), --seconds a duration');
const keep = option('--keep') ? path.resolve(option('--keep')!) : null;
const simUrl = process.env.BENCH_SIM_URL;
if (keep && !simUrl) throw new Error('--keep needs BENCH_SIM_URL: the shops live in a simulator that outlives the run (tests/bench/simServer.ts)');
const log = (s: string) => console.error(`[bench] ${s}`);

if (!findChromium()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
// BENCH_EXTENSION_FROM=<a test build>: measure that build instead (e.g. one made from an older
// commit in a worktree, to compare with, on the same kept world); nothing is built then.
const buildFrom = process.env.BENCH_EXTENSION_FROM;
if (!buildFrom && !argv.includes('--no-build')) await buildForBench({ sourcemaps: !!process.env.BENCH_PROFILE });

const results: Record<string, unknown>[] = [];
const orderResults: Record<string, unknown>[] = [];
const started = Date.now();
const onlyOrders = scenarios.every((s) => s === 'orders');
// `--merge`: re-run some scenarios and replace only their rows in the last run of this scale; each
// replaced row says the commit and date it was measured at.
const lastFile = path.join(ROOT, `tests/bench/last-${scale}.json`);
const previous = argv.includes('--merge') && existsSync(lastFile) ? (JSON.parse(readFileSync(lastFile, 'utf8')) as { results: Record<string, unknown>[] } & Record<string, unknown>) : null;
// A download row is its platform's (`download:shopify` re-run leaves the Lazada row).
const rerunOf = (r: Record<string, unknown>) => (String(r.scenario).startsWith('download:') ? String(r.scenario) : String(r.scenario).split(/[@:]/)[0]);

/** Written after every scenario, so a stopped run still leaves what it measured. */
function save() {
  const minutes = Math.round(((Date.now() - started) / 60_000) * 10) / 10;
  if (orderResults.length) writeOrderResults({ machine: machine(), scale, minutes, results: orderResults });
  // A run of the orders scenario alone leaves the scale's section (and its last run) as they are.
  if (onlyOrders) return { minutes };
  if (previous) {
    const { commit, date } = machine();
    const fresh = results.filter((r) => r.scenario !== 'generate').map((r) => ({ ...r, rerun: { commit, date, minutes } }));
    const names = new Set(fresh.map(rerunOf));
    const merged = { ...previous, results: [...previous.results.filter((r) => !names.has(rerunOf(r))), ...fresh] } as typeof previous & { scale: string; minutes: number; machine: Record<string, unknown> };
    writeFileSync(lastFile, JSON.stringify(merged, null, 2));
    writeResults(merged);
    return merged;
  }
  const run = { machine: machine(), scale, scenarios, minutes, results };
  writeFileSync(path.join(ROOT, `tests/bench/last-${scale}.json`), JSON.stringify(run, null, 2));
  writeResults(run);
  return run;
}
let autoSyncOn = false;
async function autoSyncEverywhere(world: BenchWorld) {
  if (autoSyncOn) return;
  await enableAutoSync(b, world, log);
  autoSyncOn = true;
  if (keep) saveKept(keep, { world, autoSyncOn, scale, simUrl: simUrl! });
}

async function runScenario(name: string, world: BenchWorld | null) {
  if (name === 'list' && world) results.push({ ...(await listScenario(b, world)), memory: await memory(b) });
  if (name === 'sync' && world) {
    await autoSyncEverywhere(world);
    for (const rate of rates) {
      // Each rate from a live browser too: a death during one rate costs only that rate.
      const relaunched = await ensureLive(b);
      if (relaunched) results.push({ scenario: `browser before propagation@${rate}/s`, note: relaunched });
      try {
        results.push({ ...(await propagationScenario(b, world, rate, seconds)), memory: await memory(b) });
      } catch (err) {
        results.push({ scenario: `propagation@${rate}/s`, error: String(err).slice(0, 300), chromiumLog: chromiumLog(b) });
      }
    }
  }
  if (name === 'burst' && world) {
    await autoSyncEverywhere(world);
    results.push({ ...(await burstScenario(b, world)), memory: await memory(b) });
  }
  // `download`: Lazada, then Shopify (bulk operation); `download:shopify` and the like: one.
  if (name === 'download' || name.startsWith('download:')) {
    for (const platform of downloadPlatforms(name)) results.push({ ...(await downloadScenario(b, platform)), memory: await memory(b) });
  }
  if (name === 'console') results.push(await consoleScenario(b, world));
  if (name === 'orders' && world) {
    const rows = await ordersScenario(b, world, log);
    orderResults.push(...rows.slice(0, -1), { ...rows[rows.length - 1], memory: await memory(b) });
  }
}

// The browser runs a private copy of the build (build.ts), at a fixed path: its extension id and
// IndexedDB stay the same for --keep, and a relaunch loads the code this run started with.
const extensionDir = privateCopy(buildFrom ? path.resolve(buildFrom) : undefined);
const kept = keep && simUrl ? loadKept(keep, scale, simUrl) : null;
if (kept) {
  const shops = new Set((await simControl<{ shops: string[] }>({ url: simUrl!, close: async () => undefined }, 'GET', '/')).shops);
  if (kept.world.stores.some((s) => !shops.has(s.shopId))) throw new Error(`the simulator at ${simUrl} no longer has the shops of ${keep}: delete it and generate again`);
}
const b = await startBench(scale, { extensionDir, simUrl, profileDir: keep ? keptProfile(keep) : undefined });
log(`Chromium's log and the browser's events: ${path.relative(ROOT, b.logDir)}/`);
try {
  const needsWorld = scenarios.some((s) => s === 'list' || s === 'sync' || s === 'burst' || s === 'console' || s === 'orders');
  let world: BenchWorld | null = kept?.world ?? null;
  autoSyncOn = kept?.autoSyncOn ?? false;
  if (kept) log(`reusing the world in ${keep} (auto sync ${autoSyncOn ? 'on' : 'off'})`);
  if (needsWorld && !world) {
    world = await generate(b, log);
    if (keep) saveKept(keep, { world, autoSyncOn, scale, simUrl: simUrl! });
    results.push({
      scenario: 'generate',
      stores: world.stores.length,
      variants: world.stores.reduce((a, s) => a + s.variants, 0),
      systemSkus: world.systemSkus,
      downloads: world.stores.map((s) => ({ platform: s.platform, listings: s.download.listings, seconds: Math.round(s.download.seconds * 10) / 10, calls: s.download.calls })),
      memory: await memory(b),
    });
  }
  for (const name of scenarios) {
    log(`scenario ${name}`);
    const count = results.length;
    try {
      // Every scenario starts from a live browser: one that died in the last one (a crash, memory,
      // a killed renderer — see the log) is relaunched on the same profile first.
      const relaunched = await ensureLive(b);
      if (relaunched) {
        log(relaunched);
        results.push({ scenario: `browser before ${name}`, note: relaunched });
      }
      await runScenario(name, world);
    } catch (err) {
      // One broken scenario must not cost the figures of the others (a full run is ~40 min).
      (name === 'orders' ? orderResults : results).push({ scenario: name, error: String(err).slice(0, 300), chromiumLog: chromiumLog(b) });
    }
    for (const r of [...results.slice(count), ...(name === 'orders' ? orderResults : [])]) console.log(JSON.stringify(r));
    if (keep && world) saveKept(keep, { world, autoSyncOn, scale, simUrl: simUrl! });
    save();
  }
} finally {
  await stopBench(b);
}
const run = save();
log(`done in ${run.minutes} min; tests/bench/RESULTS.md ${onlyOrders ? 'Orders section merged' : 'regenerated'}; Chromium's log and events in ${path.relative(ROOT, b.logDir)}/`);
