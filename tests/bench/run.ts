// `npm run bench [-- scenario ...] [--scale small|full] [--no-build] [--merge]`: the figures behind
// "seconds, not minutes", in the built extension in Chromium against the simulator. Prints JSON
// per scenario and regenerates tests/bench/RESULTS.md with the machine, date and commit.
// `orders` (the buyer storm; not in the default set: it runs minutes on the 30 s order cadence)
// writes only the Orders section of RESULTS.md, for its scale, and leaves every other section.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium';
import { ROOT } from '../e2e/support/extension';
import { generate } from './generate';
import { machine, memory, startBench, stopBench } from './harness';
import { writeOrderResults, writeResults } from './results';
import { burstScenario } from './scenarios/burst';
import { consoleScenario } from './scenarios/console';
import { downloadScenario } from './scenarios/download';
import { listScenario } from './scenarios/list';
import { ordersScenario } from './scenarios/orders';
import { enableAutoSync, propagationScenario } from './scenarios/sync';

const ALL = ['list', 'sync', 'burst', 'download', 'console'] as const;
const argv = process.argv.slice(2);
const scale = (argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : 'small') as 'small' | 'full';
if (scale !== 'small' && scale !== 'full') throw new Error('--scale must be small or full');
const wanted = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--scale');
const scenarios = wanted.length ? wanted : [...ALL];
const log = (s: string) => console.error(`[bench] ${s}`);

if (!findChromium()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
if (!argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const results: Record<string, unknown>[] = [];
const orderResults: Record<string, unknown>[] = [];
const started = Date.now();
const onlyOrders = scenarios.every((s) => s === 'orders');
// `--merge`: re-run some scenarios and replace only their rows in the last run of this scale; each
// replaced row says the commit and date it was measured at.
const lastFile = path.join(ROOT, `tests/bench/last-${scale}.json`);
const previous = argv.includes('--merge') && existsSync(lastFile) ? (JSON.parse(readFileSync(lastFile, 'utf8')) as { results: Record<string, unknown>[] } & Record<string, unknown>) : null;
const rerunOf = (r: Record<string, unknown>) => String(r.scenario).split(/[@:]/)[0];

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
async function runScenario(name: string, world: Awaited<ReturnType<typeof generate>> | null) {
  if (name === 'list' && world) results.push({ ...(await listScenario(b, world)), memory: await memory(b) });
  if (name === 'sync' && world) {
    await enableAutoSync(b, world, log);
    for (const rate of [10, 50, 200]) results.push({ ...(await propagationScenario(b, world, rate, scale === 'full' ? 60 : 10)), memory: await memory(b) });
  }
  if (name === 'burst' && world) {
    if (!scenarios.includes('sync')) await enableAutoSync(b, world, log);
    results.push({ ...(await burstScenario(b, world)), memory: await memory(b) });
  }
  if (name === 'download') results.push({ ...(await downloadScenario(b)), memory: await memory(b) });
  if (name === 'console') results.push(await consoleScenario(b, world));
  if (name === 'orders' && world) {
    const rows = await ordersScenario(b, world, log);
    orderResults.push(...rows.slice(0, -1), { ...rows[rows.length - 1], memory: await memory(b) });
  }
}

const b = await startBench(scale);
try {
  const needsWorld = scenarios.some((s) => s === 'list' || s === 'sync' || s === 'burst' || s === 'console' || s === 'orders');
  const world = needsWorld ? await generate(b, log) : null;
  if (world) {
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
      await runScenario(name, world);
    } catch (err) {
      // One broken scenario must not cost the figures of the others (a full run is ~40 min).
      (name === 'orders' ? orderResults : results).push({ scenario: name, error: String(err).slice(0, 300) });
    }
    for (const r of [...results.slice(count), ...(name === 'orders' ? orderResults : [])]) console.log(JSON.stringify(r));
    save();
  }
} finally {
  await stopBench(b);
}
const run = save();
log(`done in ${run.minutes} min; tests/bench/RESULTS.md ${onlyOrders ? 'Orders section merged' : 'regenerated'}`);
