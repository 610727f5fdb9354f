// The console: main-thread cost of the injected UI per 50 rows, and the content-script bundle
// sizes of the production build.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../e2e/support/extension';
import { perfPasses, reinjectCost, scrollToEveryRow } from '../../e2e/support/consolePerf';
import type { BenchWorld } from '../generate';
import { cmd, type Bench } from '../harness';

/** Each fake console's list showing 50 rows (as in tests/e2e/console-*.test.ts). */
const LIST_50: Record<string, (url: string) => string> = {
  lazada: (u) => `${u}&tab=online_product&pageSize=50&current=1`,
  shopee: (u) => `${u}&size=50`,
  tiktok: (u) => `${u}&tab=active&page_size=50`,
  shopify: (u) => u,
  woocommerce: (u) => u,
};

/** The injected UI on one bench store's console list: first pass, then re-injection of every row
 *  (as after a console re-render), median of five. */
async function injectCost(b: Bench, url: string, storeId: number) {
  // Lazada and TikTok console URLs do not name the shop: with several stores of the platform
  // (four at full scale) the seller says which store this console is, as in the popup.
  await cmd(b.page, 'consoles.bind', { url, storeId });
  const page = await b.ext.context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => {
      const hosts = document.querySelectorAll('shelfsync-row').length;
      return hosts > 0 && document.querySelectorAll('[data-shelfsync-row]').length === hosts;
    }, null, { timeout: 30_000 });
    // Shopee renders its rows while the page scrolls: all 50 are measured.
    await scrollToEveryRow(page);
    // Let the statuses arrive and the page go quiet before timing re-injection.
    await page.waitForTimeout(1500);
    const rows = await page.locator('shelfsync-row').count();
    const first = (await perfPasses(page)).find((p) => p.kind === 'inject');
    // BENCH_PROFILE=<dir>: a CPU profile of the page (content script included) over re-injection.
    const profiling = process.env.BENCH_PROFILE ? await profilePage(page) : null;
    const cost = await reinjectCost(page, rows);
    if (profiling) await profiling(path.join(process.env.BENCH_PROFILE!, `console-${url.split('/console/')[1]?.split('/')[0] ?? 'page'}.cpuprofile`));
    return { rows, firstPassMs: first?.ms ?? null, reinjectPassMs: cost.pass, reinjectTaskMs: cost.task, pageBaselineTaskMs: cost.baseline, oursTaskMs: cost.ours };
  } finally {
    await page.close();
  }
}

async function profilePage(page: Page): Promise<(file: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async (file) => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Popup: time from the popup page's navigation start until it shows the state (ten opens). */
async function popupOpenMs(b: Bench): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const page = await b.ext.context.newPage();
    await page.goto(`chrome-extension://${b.ext.extensionId}/popup.html`);
    await page.locator('[data-testid="popup"][data-ready-ms]').waitFor({ timeout: 10_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  return times;
}

export async function consoleScenario(b: Bench, w: BenchWorld | null) {
  const popup = await popupOpenMs(b).catch(() => []);
  const inject: Record<string, unknown> = {};
  for (const platform of Object.keys(LIST_50)) {
    const store = w?.stores.find((s) => s.platform === platform);
    if (!store) continue;
    inject[platform] = await injectCost(b, LIST_50[platform]!(store.consoleUrl), store.storeId).catch((err: unknown) => ({ error: String(err).slice(0, 200) }));
  }
  const dir = path.join(ROOT, '.output/chrome-mv3/content-scripts');
  let bundles: Record<string, number> = {};
  try {
    bundles = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, Math.round(statSync(path.join(dir, f)).size / 1024)]));
  } catch {
    bundles = {};
  }
  const sorted = [...popup].sort((x, y) => x - y);
  return {
    scenario: 'console',
    contentScriptKiB: bundles,
    popupReadyMsMedian: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : null,
    popupReadyMsMax: sorted.length ? Math.round(sorted[sorted.length - 1]!) : null,
    // Per console: rows on the page, our first injection pass, and re-injecting every row (pass and
    // main-thread task time, ms, median of 5). Empty when run without the generated stores.
    injectedUi: inject,
  };
}
