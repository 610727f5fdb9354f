// How much main-thread time the injected UI costs: each inject pass (find rows, create hosts,
// render) and each status render is timed. The test build also leaves the figures on the page
// (`<html data-shelfsync-perf>`) for the browser tests to read; production logs them at debug.
import { logger } from '../../log/logger';

const log = logger('console');

export interface PassTiming {
  kind: 'inject' | 'status';
  rows: number;
  ms: number;
}

const passes: PassTiming[] = [];

export function recordPass(kind: PassTiming['kind'], rows: number, ms: number): void {
  const entry = { kind, rows, ms: Math.round(ms * 100) / 100 };
  passes.push(entry);
  if (passes.length > 200) passes.shift();
  log.debug(`${kind} pass: ${rows} rows in ${entry.ms} ms`);
  if (import.meta.env.MODE === 'test') document.documentElement.setAttribute('data-shelfsync-perf', JSON.stringify(passes));
}
