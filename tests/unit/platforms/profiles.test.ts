// One place for each platform's facts (issue 17): every layer reads a platform's rate, batch and
// page limits, pacing, console pages, manifest hosts, listing rules, name and colour from its
// profile (lib/platforms/<platform>/profile.ts). This walks the profiles and checks that the
// manifest, the engine's pacing and the console matches come from them, and scans the source for
// per-platform numbers and host names kept anywhere else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '@/wxt.config';
import { parseConsoleUrl } from '@/lib/consoles';
import { allConsoleMatches, consoleMatches } from '@/lib/consoles/runtime/matches';
import { LIMITS, platformName } from '@/lib/drafts/limits';
import { createAdapter } from '@/lib/platforms/index';
import { API_HOST_PERMISSIONS, PROFILES } from '@/lib/platforms/profiles';
import { PLATFORMS, type Platform, type PlatformAdapter } from '@/lib/platforms/types';
import { resetPacing, takeCallSlot } from '@/lib/sync/pacing';
import type { ShelfsyncDB } from '@/lib/db/database';

const ROOT = path.resolve(__dirname, '../../..');

type ManifestFn = (env: { mode: string; browser: string; manifestVersion: 3; command: 'build' }) => { host_permissions?: string[] };
const manifestFor = (mode: string) => (config.manifest as ManifestFn)({ mode, browser: 'chrome', manifestVersion: 3, command: 'build' });

describe('the platform profiles', () => {
  it('name every platform once, each profile its own', () => {
    expect(Object.keys(PROFILES).sort()).toEqual([...PLATFORMS].sort());
    for (const p of PLATFORMS) expect(PROFILES[p].platform).toBe(p);
  });

  it('are where the manifest takes its API hosts from (production and test build)', () => {
    const wanted = PLATFORMS.flatMap((p) => PROFILES[p].api.hostPermissions);
    expect(wanted.length).toBeGreaterThan(5);
    expect(manifestFor('production').host_permissions).toEqual(wanted);
    expect(API_HOST_PERMISSIONS).toEqual(wanted);
    // The test build adds loopback (the simulator) and nothing else.
    expect(manifestFor('test').host_permissions?.filter((h) => !wanted.includes(h))).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('are where the content scripts and the context menu take their console pages from', () => {
    for (const p of PLATFORMS) {
      expect(consoleMatches(p, false)).toEqual(PROFILES[p].console.matches);
      // Every entrypoint asks for its own platform's matches.
      const entry = readFileSync(path.join(ROOT, `entrypoints/${p}.content/index.ts`), 'utf8');
      expect(entry).toContain(`matches: consoleMatches('${p}')`);
    }
    expect(allConsoleMatches([], false)).toEqual(PLATFORMS.flatMap((p) => PROFILES[p].console.matches));
  });

  it("recognise a console page by the profile's hosts, and every host the manifest matches", () => {
    for (const p of PLATFORMS) {
      for (const pattern of PROFILES[p].console.matches) {
        const host = new URL(pattern.replace('*.', 'shop.').replace(/\*$/, '')).hostname;
        expect(PROFILES[p].console.isHost(host), `${p}: ${host}`).toBe(true);
        for (const other of PLATFORMS.filter((o) => o !== p)) expect(PROFILES[other].console.isHost(host), `${other} claims ${host}`).toBe(false);
        expect(parseConsoleUrl(pattern.replace('*.', 'shop.').replace(/\/\*$/, '/x'))?.platform ?? p, pattern).toBe(p);
      }
    }
    expect(parseConsoleUrl('https://seller.shopee.co.id/portal/product/list/all')?.platform).toBe('shopee');
    expect(parseConsoleUrl('https://seller-id.tokopedia.com/product/manage')?.platform).toBe('tiktok');
    expect(parseConsoleUrl('https://example.com/portal/product/list/all')).toBeNull();
  });

  it('give drafts their listing rules and sentences their platform names', () => {
    for (const p of PLATFORMS) {
      expect(LIMITS[p]).toBe(PROFILES[p].listing);
      expect(platformName(p)).toBe(PROFILES[p].name);
    }
  });
});

describe("a platform's calls per second", () => {
  afterEach(() => {
    vi.useRealTimers();
    resetPacing();
  });

  /** The times the engine lets `n` stock calls of one store go, on a fake clock. */
  async function engineSlots(platform: Platform, n: number): Promise<number[]> {
    vi.useFakeTimers({ now: 1_000_000 });
    const db = { rateLimits: { get: async () => undefined } } as unknown as ShelfsyncDB;
    const at: number[] = [];
    for (let i = 0; i < n; i++) {
      const slot = takeCallSlot(db, 1, platform);
      await vi.runAllTimersAsync();
      await slot;
      at.push(Date.now());
    }
    return at;
  }

  it.each(PLATFORMS)('%s: the engine spaces stock calls by the profile, never more in a second', async (p) => {
    const perSecond = PROFILES[p].api.callsPerSecond;
    const at = await engineSlots(p, perSecond + 1);
    // Evenly spaced by the profile's rate: never more than that many calls in a second.
    expect(at[1]! - at[0]!).toBe(Math.ceil(1000 / perSecond));
    expect(at[perSecond]! - at[0]!).toBeGreaterThanOrEqual(1000);
  });

  /** Real time for work that is not a timer (signing runs on WebCrypto), the clock stopped. */
  const realWhile = async (ms: number, until: () => boolean = () => false) => {
    const end = performance.now() + ms;
    while (performance.now() < end && !until()) await new Promise((r) => setImmediate(r));
  };

  it.each(['shopee', 'lazada', 'tiktok'] as const)("%s: the adapter's own pacer lets the same number go in a second", async (p) => {
    const perSecond = PROFILES[p].api.callsPerSecond;
    vi.useFakeTimers({ now: 5_000_000, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    let sent = 0;
    const fetchFn = vi.fn(async () => {
      sent++;
      return new Response(JSON.stringify({}), { status: 503 }); // when a call was let go matters, not its answer
    });
    const creds = { shopee: { partnerId: '1', partnerKey: 'k', shopId: `${p}-1`, accessToken: 'a', refreshToken: 'r' }, lazada: { appKey: `${p}-1`, appSecret: 's', accessToken: 'a', refreshToken: 'r' }, tiktok: { appKey: 'k', appSecret: 's', accessToken: 'a', refreshToken: 'r', shopCipher: `${p}-1` } }[p];
    const stored = { platform: p, ...creds, accessTokenExpiresAt: Date.now() + 3_600_000 };
    const adapter: PlatformAdapter = createAdapter(p, { apiBaseUrl: `http://sim/${p}`, authBaseUrl: `http://sim/${p}/auth` }, { get: () => stored as never, save: async () => {} }, { fetch: fetchFn as never });
    const update = { platformItemId: '1', platformVariantId: '1', sellerSku: 'A', quantity: 1 };
    const calls = Array.from({ length: perSecond + 5 }, () => adapter.setStock([update]).catch(() => undefined));
    // The clock stands still: the pacer lets exactly its second's worth go, the rest wait for it.
    await realWhile(10_000, () => sent >= perSecond);
    await realWhile(300);
    expect(sent).toBe(perSecond);
    await vi.advanceTimersByTimeAsync(1100);
    await realWhile(10_000, () => sent >= perSecond + 5);
    await Promise.all(calls);
    expect(sent).toBe(perSecond + 5);
  });
});

// ---- Nothing outside lib/platforms/<platform>/ keeps its own copy of a platform's facts. ----

/** Files that may name platform hosts or numbers: each platform's own folder, the simulator's
 *  doubles and the tests (tests/ is not scanned), and these. Keep it short, with a reason each. */
const ALLOWED: Record<string, string> = {
  // The demo marketplace is the simulator on loopback (test build only).
  'lib/demo/marketplace.ts': 'the simulator',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** The code without its comments (a comment may name a host or a limit to explain). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

const PLATFORM_HOST = /[a-z0-9-]*\.?(shopee|shopeemobile|lazada|lazcdn|slatic|tiktok|tiktokglobalshop|tiktok-shops|tiktokshop|tokopedia|shopify|myshopify)(\\?\.)(com|co|sg|vn|ph|cn|tw|net|id|my|th)\b/i;
const KEYED_FACT = /\b(shopee|lazada|tiktok|shopify|woocommerce)\s*:\s*(-?\d[\d_.]*|'#[0-9a-f]{3,8}'|'[a-z]+_platform_[a-z]+')/gi;

function offences(rel: string): string[] {
  const text = code(readFileSync(path.join(ROOT, rel), 'utf8'));
  const found: string[] = [];
  const host = PLATFORM_HOST.exec(text);
  if (host) found.push(`${rel}: names the platform host "${host[0]}"`);
  const keyed = [...text.matchAll(KEYED_FACT)];
  if (keyed.length >= 2) found.push(`${rel}: a table of per-platform values (${keyed.map((m) => m[0]).join(', ')})`);
  return found;
}

describe('per-platform facts outside lib/platforms/<platform>/', () => {
  const files = ['wxt.config.ts', ...['lib', 'components', 'entrypoints'].flatMap(sourceFiles)];
  const ownFolder = (rel: string) => PLATFORMS.some((p) => rel.startsWith(`lib/platforms/${p}/`));

  it('finds none: no platform host and no platform-keyed table of numbers, colours or names', () => {
    expect(files.length).toBeGreaterThan(100);
    const found = files.filter((f) => !ownFolder(f) && !(f in ALLOWED)).flatMap(offences);
    expect(found).toEqual([]);
  });

  it('would find one (the scan is not blind)', () => {
    expect(offences('lib/platforms/shopee/profile.ts').join('\n')).toContain('shopee');
    expect(offences('lib/platforms/lazada/profile.ts').join('\n')).toContain('api.lazada');
    expect(code("const x = { shopee: 10, lazada: 45 }; // https://seller.shopee.sg\nconst u = 'https://a.b/c';")).not.toContain('seller.shopee');
    expect([...code('const CALLS = { shopee: 10, lazada: 45 };').matchAll(KEYED_FACT)]).toHaveLength(2);
  });

  it('allows only files that exist', () => {
    for (const f of Object.keys(ALLOWED)) expect(files).toContain(f);
  });
});
