// Rate limiting primitives (real wall-clock time, independent of the sim clock offset).
//
//  - TokenBuckets: "N calls per second" = bucket of capacity N refilled at N/s (a full second's
//    burst is allowed, then a steady N/s). Used for Shopee (per shop, default 10/s), Lazada
//    (inventory APIs 50/s per seller), TikTok (50/s per API per app+shop), and the
//    `rateLimitPerSecond` fault override on any platform.
//  - Bans: Lazada's ApiCallLimit — once the limit is hit the key is banned for 1 s
//    ("This ban will last 1 seconds"); every call during the ban is refused.
//  - CostBucket: Shopify's leaky bucket — maximumAvailable points, restoreRate points/s.

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; last: number; rate: number }>();
  /** Take one token; false when the bucket is empty. */
  take(key: string, ratePerSec: number, now = Date.now()): boolean {
    if (!(ratePerSec > 0)) return true;
    let b = this.buckets.get(key);
    if (!b || b.rate !== ratePerSec) {
      b = { tokens: ratePerSec, last: now, rate: ratePerSec };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(ratePerSec, b.tokens + ((now - b.last) / 1000) * ratePerSec);
    b.last = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }
  /** Seconds until one token is available (for Retry-After). */
  waitSeconds(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    return Math.max(0, (1 - b.tokens) / b.rate);
  }
  clear(): void {
    this.buckets.clear();
  }
}

export class Bans {
  private readonly until = new Map<string, number>();
  banned(key: string, now = Date.now()): boolean {
    const u = this.until.get(key);
    return u !== undefined && u > now;
  }
  ban(key: string, ms: number, now = Date.now()): void {
    this.until.set(key, now + ms);
  }
  clear(): void {
    this.until.clear();
  }
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}
export class CostBucket {
  private available: number;
  private last: number;
  constructor(
    readonly maximumAvailable = 2000,
    readonly restoreRate = 100,
    now = Date.now(),
  ) {
    this.available = maximumAvailable;
    this.last = now;
  }
  private refill(now: number): void {
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.last) / 1000) * this.restoreRate);
    this.last = now;
  }
  /** Reserve `cost` points; false (nothing taken) when not enough are available. */
  take(cost: number, now = Date.now()): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }
  refund(points: number, now = Date.now()): void {
    this.refill(now);
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }
  status(now = Date.now()): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
