// Client-side pacing for platforms with a per-shop call rate (Shopee's assumed 10 calls/s,
// Lazada's and TikTok's 50/s). Needed because one adapter method can be many platform calls
// (a Shopee listing page = item list + base info + one model list per item): without pacing
// the page itself trips the limit, and a caller retrying the whole page trips it again.
//
// Sliding-window log: at most `perSecond` calls in any window, which also stays under
// fixed-window counters and token buckets of that size. Pacers are shared per shop key so
// several adapter instances of one store (sync engine, download job) share one budget.

import { PlatformError } from './types.ts';
import { sleep } from './util.ts';

const WINDOW_MS = 1000;
const MARGIN_MS = 25;

export class Pacer {
  private stamps: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= t - WINDOW_MS - MARGIN_MS) this.stamps.shift();
      if (this.stamps.length < this.perSecond) {
        this.stamps.push(t);
        return;
      }
      await sleep((this.stamps[0] ?? t) + WINDOW_MS + MARGIN_MS - t + 1);
    }
  }
}

const shared = new Map<string, Pacer>();

export function pacerFor(key: string, perSecond: number): Pacer {
  const k = `${key}@${perSecond}`;
  let p = shared.get(k);
  if (!p) {
    p = new Pacer(perSecond);
    shared.set(k, p);
  }
  return p;
}

/** For the 2nd..nth platform call inside one adapter method: a throttled call waits and is
 *  repeated (bounded), because throwing would make the caller redo the calls already made —
 *  for createListing, redo the create itself. The first call of a method, and setStock,
 *  throw rate_limited to the caller, who owns backoff (SYNC.md guarantee 5). */
export async function retryThrottled<T>(fn: () => Promise<T>, tries = 3, maxWaitMs = 10_000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const wait = err instanceof PlatformError && err.kind === 'rate_limited' ? (err.retryAfterMs ?? 1000) : null;
      if (wait === null || attempt >= tries || wait > maxWaitMs) throw err;
      await sleep(wait);
    }
  }
}
