// Simulator state: shops, apps, tokens, auth codes, faults, stats and the request log.
import type { IdGens } from './data.ts';
import { Bans, CostBucket, TokenBuckets } from './ratelimit.ts';
import type { OrderStore } from './orders.ts';
import type { Item, ItemStore, Variant } from './store.ts';
import { MediaStore } from './media.ts';
import { randomUUID } from 'node:crypto';
import { type Platform, randomAlnum, randomHex } from './util.ts';

export interface Location {
  id: string;
  name: string;
}
export interface StockEvent {
  itemId: string;
  variantId: string;
  sellerSku: string;
  stock: number;
  /** Epoch ms when the platform accepted the number. */
  at: number;
  /** 'order' when a buyer's order (or its cancellation) moved the number, not a stock call. */
  source?: 'order';
}
export interface Stats {
  calls: Record<string, number>;
  stockUpdateCalls: number;
  stockUpdateEntries: number;
  /** Calls of the platform's order API (list and detail). */
  orderCalls: number;
  ordersPlaced: number;
  ordersRefused: number;
  rejected: Record<string, number>;
}
export interface WooKey {
  consumerKey: string;
  consumerSecret: string;
  permissions: 'read' | 'write' | 'read_write';
  revoked: boolean;
}
export interface AppPassword {
  userLogin: string;
  password: string;
  appName: string;
  appId: string;
  revoked: boolean;
}
export interface Shop {
  shopId: string;
  platform: Platform;
  name: string;
  createdAt: number;
  seed: number;
  skuPrefix: string;
  skuCounter: number;
  locations: Location[];
  items: ItemStore;
  ids: IdGens;
  currency: string;
  /** The app created with the shop (its credentials are returned by POST /__sim/shops). */
  appId: string;
  /** Latest tokens issued to the shop's own app (kept current across refreshes). */
  accessToken: string;
  refreshToken: string;
  // platform extras
  cipher: string; // tiktok shop_cipher
  region: string;
  sellerId: string; // lazada seller_id / user_id
  domain: string; // shopify {shop}.myshopify.com
  wooKeys: WooKey[];
  appPasswords: AppPassword[];
  userLogin: string;
  usedNonces: Map<string, number>;
  stats: Stats;
  stockEvents: StockEvent[];
  orders: OrderStore;
}
export interface App {
  appId: string;
  platform: Platform;
  /** partner_id / app_key / client_id */
  key: string;
  /** partner key / app secret / client secret */
  secret: string;
  redirectUri: string;
  /** Shopify: the store whose organisation owns the app (client-credentials grant allowed). */
  ownerShopId: string;
}
export interface Token {
  token: string;
  kind: 'access' | 'refresh';
  platform: Platform;
  shopId: string;
  appId: string;
  expiresAt: number;
  used: boolean;
  revoked: boolean;
}
export interface AuthCode {
  code: string;
  platform: Platform;
  appId: string;
  shopId: string;
  expiresAt: number;
  used: boolean;
  redirectUri: string;
}
export interface AuthFlow {
  flowId: string;
  platform: Platform;
  appId: string;
  /** Where to send the browser after approval. */
  redirect: string;
  state: string;
  shopIds: string[];
  expiresAt: number;
  extra: Record<string, string>;
}
export interface FaultRule {
  shopId?: string;
  platform?: Platform;
  errorRate?: number;
  timeoutRate?: number;
  latencyMs?: number;
  rateLimitPerSecond?: number;
  rejectSkus?: string[];
}
export interface ResolvedFault {
  errorRate: number;
  timeoutRate: number;
  latencyMs: number;
  rateLimitPerSecond?: number;
  rejectSkus: Set<string>;
}
export interface LogEntry {
  at: number;
  method: string;
  path: string;
  status: number;
  platform: string;
  shopId: string;
  endpoint: string;
  error: string;
  ms: number;
}

/** Token lifetimes per the platform docs. */
export const TOKEN_TTL: Record<Platform, { access: number; refresh: number }> = {
  shopee: { access: 4 * 3600_000, refresh: 30 * 86_400_000 },
  lazada: { access: 7 * 86_400_000, refresh: 30 * 86_400_000 },
  tiktok: { access: 7 * 86_400_000, refresh: 60 * 86_400_000 },
  shopify: { access: Number.POSITIVE_INFINITY, refresh: Number.POSITIVE_INFINITY },
  woocommerce: { access: Number.POSITIVE_INFINITY, refresh: Number.POSITIVE_INFINITY },
};
const LOG_SIZE = 5000;
const MAX_STOCK_EVENTS = 1_000_000;

export function emptyStats(): Stats {
  return { calls: {}, stockUpdateCalls: 0, stockUpdateEntries: 0, orderCalls: 0, ordersPlaced: 0, ordersRefused: 0, rejected: {} };
}

export class SimState {
  baseUrl = '';
  readonly shops = new Map<string, Shop>();
  shopCounter = 0;
  readonly apps = new Map<string, App>();
  private readonly appsByKey = new Map<string, App>();
  readonly tokens = new Map<string, Token>();
  readonly codes = new Map<string, AuthCode>();
  readonly flows = new Map<string, AuthFlow>();
  faults: FaultRule[] = [];
  globalStats = emptyStats();
  private log: LogEntry[] = [];
  private logPos = 0;
  clockOffset = 0;
  readonly buckets = new TokenBuckets();
  readonly bans = new Bans();
  readonly costBuckets = new Map<string, CostBucket>();
  /** Pending timeout-fault holds; released on close. */
  readonly holds = new Set<() => void>();
  /** Images the marketplaces host (media.ts). */
  readonly media = new MediaStore();
  private appCounter = 0;

  /** Simulated "now" (epoch ms): real time plus the offset set by POST /__sim/clock. */
  now(): number {
    return Date.now() + this.clockOffset;
  }
  reset(): void {
    this.shops.clear();
    this.shopCounter = 0;
    this.apps.clear();
    this.appsByKey.clear();
    this.tokens.clear();
    this.codes.clear();
    this.flows.clear();
    this.faults = [];
    this.globalStats = emptyStats();
    this.log = [];
    this.logPos = 0;
    this.clockOffset = 0;
    this.buckets.clear();
    this.bans.clear();
    this.costBuckets.clear();
    this.media.clear();
  }

  // ---- apps ----
  createApp(platform: Platform, opts: { redirectUri?: string; ownerShopId?: string } = {}): App {
    const n = ++this.appCounter;
    let key: string;
    let secret: string;
    switch (platform) {
      case 'shopee':
        key = String(2_000_000 + n * 17);
        secret = `shpk${randomHex(30)}`;
        break;
      case 'lazada':
        key = String(100_000 + n * 13);
        secret = randomAlnum(32);
        break;
      case 'tiktok':
        key = `6${randomHex(6)}${n}`;
        secret = randomHex(20);
        break;
      case 'shopify':
        key = randomHex(16);
        secret = `shpss_${randomHex(16)}`;
        break;
      case 'woocommerce':
        key = randomUUID();
        secret = '';
        break;
    }
    const app: App = {
      appId: `app-${n}`,
      platform,
      key,
      secret,
      redirectUri: opts.redirectUri ?? '',
      ownerShopId: opts.ownerShopId ?? '',
    };
    this.apps.set(app.appId, app);
    this.appsByKey.set(`${platform}:${key}`, app);
    return app;
  }
  appByKey(platform: Platform, key: string | null | undefined): App | undefined {
    return key ? this.appsByKey.get(`${platform}:${key}`) : undefined;
  }

  // ---- tokens ----
  issueTokens(shop: Shop, appId: string, ttl = TOKEN_TTL[shop.platform]): { access: Token; refresh: Token } {
    const now = this.now();
    const mk = (kind: 'access' | 'refresh', value: string, life: number): Token => {
      const t: Token = { token: value, kind, platform: shop.platform, shopId: shop.shopId, appId, expiresAt: now + life, used: false, revoked: false };
      this.tokens.set(value, t);
      return t;
    };
    const fmt = (): string => {
      switch (shop.platform) {
        case 'shopee':
          return randomHex(16);
        case 'lazada':
          return `50000${randomAlnum(40)}`;
        case 'tiktok':
          return `ROW_${randomAlnum(56)}`;
        case 'shopify':
          return `shpat_${randomHex(16)}`;
        case 'woocommerce':
          return randomAlnum(40);
      }
    };
    return { access: mk('access', fmt(), ttl.access), refresh: mk('refresh', fmt(), ttl.refresh) };
  }
  /** Access token lookup: 'unknown' | 'expired' | the token. */
  checkAccess(platform: Platform, value: string | null | undefined): Token | 'unknown' | 'expired' {
    const t = value ? this.tokens.get(value) : undefined;
    if (!t || t.kind !== 'access' || t.platform !== platform || t.revoked) return 'unknown';
    if (t.expiresAt <= this.now()) return 'expired';
    return t;
  }
  newCode(platform: Platform, appId: string, shopId: string, ttlMs: number, redirectUri = ''): AuthCode {
    const c: AuthCode = { code: randomHex(16), platform, appId, shopId, expiresAt: this.now() + ttlMs, used: false, redirectUri };
    this.codes.set(c.code, c);
    return c;
  }
  /** Consume a code (single use). */
  takeCode(platform: Platform, code: string | undefined, appId: string): AuthCode | undefined {
    const c = code ? this.codes.get(code) : undefined;
    if (!c || c.platform !== platform || c.used || c.appId !== appId || c.expiresAt <= this.now()) return undefined;
    c.used = true;
    return c;
  }

  // ---- faults ----
  setFault(rule: FaultRule): void {
    this.faults = this.faults.filter((f) => !(f.shopId === rule.shopId && f.platform === rule.platform));
    const hasEffect = ['errorRate', 'timeoutRate', 'latencyMs', 'rateLimitPerSecond', 'rejectSkus'].some(
      (k) => (rule as Record<string, unknown>)[k] !== undefined,
    );
    if (hasEffect) this.faults.push(rule);
  }
  faultFor(platform: Platform, shopId?: string): ResolvedFault {
    const out: ResolvedFault = { errorRate: 0, timeoutRate: 0, latencyMs: 0, rejectSkus: new Set() };
    const rank = (f: FaultRule): number => (f.shopId ? 2 : f.platform ? 1 : 0);
    const matching = this.faults
      .filter((f) => (!f.platform || f.platform === platform) && (!f.shopId || f.shopId === shopId))
      .sort((a, b) => rank(a) - rank(b));
    for (const f of matching) {
      if (f.errorRate !== undefined) out.errorRate = f.errorRate;
      if (f.timeoutRate !== undefined) out.timeoutRate = f.timeoutRate;
      if (f.latencyMs !== undefined) out.latencyMs = f.latencyMs;
      if (f.rateLimitPerSecond !== undefined) out.rateLimitPerSecond = f.rateLimitPerSecond;
      if (f.rejectSkus !== undefined) out.rejectSkus = new Set(f.rejectSkus);
    }
    return out;
  }
  /** Hold a request (timeout fault) for `ms` or until the server closes. */
  hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.holds.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.holds.add(done);
    });
  }
  releaseHolds(): void {
    for (const h of [...this.holds]) h();
  }

  // ---- stats, stock events, log ----
  statsOf(shop: Shop | undefined): Stats {
    return shop ? shop.stats : this.globalStats;
  }
  countCall(shop: Shop | undefined, endpoint: string): void {
    const s = this.statsOf(shop);
    s.calls[endpoint] = (s.calls[endpoint] ?? 0) + 1;
  }
  countRejected(shop: Shop | undefined, reason: string, n = 1): void {
    const s = this.statsOf(shop);
    s.rejected[reason] = (s.rejected[reason] ?? 0) + n;
  }
  countStockCall(shop: Shop, entries: number): void {
    shop.stats.stockUpdateCalls++;
    shop.stats.stockUpdateEntries += entries;
  }
  /** Record an accepted absolute stock set (the platform "received this number" now). */
  stockEvent(shop: Shop, item: Item, v: Variant, source?: 'order'): void {
    const ev = shop.stockEvents;
    const e: StockEvent = { itemId: item.itemId, variantId: v.variantId, sellerSku: v.sellerSku, stock: v.stock.reduce((a, b) => a + b, 0), at: this.now() };
    if (source) e.source = source;
    ev.push(e);
    if (ev.length > MAX_STOCK_EVENTS) ev.splice(0, ev.length - MAX_STOCK_EVENTS / 2);
  }
  addLog(e: LogEntry): void {
    if (this.log.length < LOG_SIZE) this.log.push(e);
    else this.log[this.logPos] = e;
    this.logPos = (this.logPos + 1) % LOG_SIZE;
  }
  recentLog(shopId: string | undefined, limit: number): LogEntry[] {
    const ordered = this.log.length < LOG_SIZE ? this.log : [...this.log.slice(this.logPos), ...this.log.slice(0, this.logPos)];
    const out: LogEntry[] = [];
    for (let i = ordered.length - 1; i >= 0 && out.length < limit; i--) {
      const e = ordered[i]!;
      if (!shopId || e.shopId === shopId) out.push(e);
    }
    return out.reverse();
  }
}
