// The console: main-thread cost of the injected UI per 50 rows, and the content-script bundle
// sizes of the production build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../e2e/support/extension';
import type { Bench } from '../harness';

export async function consoleScenario(_b: Bench) {
  const dir = path.join(ROOT, '.output/chrome-mv3/content-scripts');
  let bundles: Record<string, number> = {};
  try {
    bundles = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, Math.round(statSync(path.join(dir, f)).size / 1024)]));
  } catch {
    bundles = {};
  }
  return { scenario: 'console', contentScriptKiB: bundles, injectMsPer50Rows: null, note: 'main-thread cost measured by tests/e2e/console-*.test.ts' };
}
