// The builds a benchmark runs, and the private copy it runs from. The browser loads the copy
// (.output/bench-extension: ignored by git and lint like every build): a rebuild of .output by someone else during a long run cannot pull
// files from under it, a relaunch after a browser death loads the same code, and the path — hence
// the extension id, hence the IndexedDB origin — stays the same from run to run (--keep).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/support/extension';

export const BENCH_EXTENSION = path.join(ROOT, '.output/bench-extension');

/** Builds both modes into .output (the caller holds the e2e lock). `sourcemaps`: the test build
 *  also writes background.js.map beside the minified code it ships unchanged ("hidden": no
 *  reference comment), so a CPU profile can be read by source file and function (profileParts.ts). */
export async function buildForBench(opts: { sourcemaps: boolean }): Promise<void> {
  if (opts.sourcemaps) {
    const { build } = await import('wxt');
    await build({ root: ROOT, mode: 'test', logger: quietLogger, vite: () => ({ build: { sourcemap: 'hidden' } }) });
  } else {
    const test = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (test.status !== 0) throw new Error(`the test build failed (${test.status})`);
  }
  spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Copies the test build to the bench's private, fixed path and answers that path. */
export function privateCopy(from = path.join(ROOT, '.output/chrome-mv3-test')): string {
  if (!existsSync(path.join(from, 'manifest.json'))) throw new Error(`no test build at ${from}: run without --no-build`);
  rmSync(BENCH_EXTENSION, { recursive: true, force: true });
  cpSync(from, BENCH_EXTENSION, { recursive: true });
  return BENCH_EXTENSION;
}

const quietLogger = {
  debug: () => undefined, log: () => undefined, info: () => undefined, success: () => undefined,
  warn: (...a: unknown[]) => console.error(...a), error: (...a: unknown[]) => console.error(...a), fatal: (...a: unknown[]) => console.error(...a),
  level: 0,
};
