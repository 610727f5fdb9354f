// The console: main-thread cost of the injected UI per 50 rows, and the content-script bundle
// sizes of the production build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../e2e/support/extension';
import type { Bench } from '../harness';

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

export async function consoleScenario(b: Bench) {
  const popup = await popupOpenMs(b).catch(() => []);
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
    injectMsPer50Rows: null,
    note: 'main-thread cost of the injected UI is measured by tests/e2e/console-*.test.ts (printed per console)',
  };
}
