// `npm run soak`: the engine under faults, bounded in time and requests, loopback only. Auto
// sync on for thousands of variants on all five platforms; the simulator injects errors,
// timeouts, throttling bursts and a token expiry; the service worker is stopped at random
// moments; the browser is closed and reopened once; stock keeps changing throughout. At the
// end every platform must show exactly the computed quantity for every auto-synced listing.
import { spawnSync } from 'node:child_process';
import { findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium';
import { launchExtension, newProfileDir, removeProfile, ROOT, type LaunchedExtension } from '../e2e/support/extension';
import { stopServiceWorker } from '../e2e/support/worker';
import { simControl } from '../e2e/support/world';
import { cmd, waitJob } from '../bench/harness';
import { startSimulator } from '../simulator/server';
import type { Page } from 'playwright-core';

const argv = process.argv.slice(2);
const seconds = Number(argv[argv.indexOf('--seconds') + 1] ?? 0) || 150;
const perPlatform = Number(argv[argv.indexOf('--variants') + 1] ?? 0) || 700;
const log = (s: string) => console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${s}`);
const PLATFORMS = ['lazada', 'tiktok', 'shopee', 'shopify', 'woocommerce'] as const;

if (!findChromium()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
if (!argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sim = await startSimulator({ port: 0 });
const profileDir = newProfileDir();
let ext: LaunchedExtension = await launchExtension({ profileDir });
let page: Page = await ext.open('dashboard.html');
const shops: { shopId: string; platform: string; storeId: number }[] = [];
let changes = 0;
let refused = 0;
let workerStops = 0;
let exitCode = 1;

async function send(type: string, payload: unknown): Promise<boolean> {
  try {
    const a = await page.evaluate(([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
    return !!a?.ok;
  } catch {
    return false; // the worker stopped mid-answer: the change may or may not have committed
  }
}

try {
  // The world: one store per platform, its SKUs as system products with stock, one rule, auto sync.
  const warehouse = await cmd(page, 'warehouses.create', { name: 'Soak', code: 'SOAK' });
  const skus: string[] = [];
  for (const [i, platform] of PLATFORMS.entries()) {
    const items = platform === 'shopee' ? Math.round(perPlatform / 2) : Math.round(perPlatform / 2);
    const shop = await simControl(sim, 'POST', '/__sim/shops', { platform, items, variantsPerItem: 2, seed: 500 + i, skuPrefix: `S${i}` });
    const store = await cmd(page, 'stores.connect', { platform, name: `Soak ${platform}`, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
    shops.push({ shopId: shop.shopId, platform, storeId: store.id });
    const its = await simControl<{ variants: { sellerSku: string }[] }[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
    skus.push(...its.flatMap((it) => it.variants.map((v) => v.sellerSku)));
  }
  await waitJob(page, (await cmd(page, 'products.importCsv', { csv: ['sku,name', ...skus.map((s) => `${s},Soak ${s}`)].join('\n') })).jobId);
  await waitJob(page, (await cmd(page, 'inventory.importCsv', { csv: ['sku,warehouse,on_hand', ...skus.map((s, i) => `${s},SOAK,${i % 50}`)].join('\n') })).jobId);
  for (const s of shops) {
    const job = await waitJob(page, (await cmd(page, 'stores.download', { id: s.storeId, mode: 'full' })).jobId);
    if (job.status !== 'succeeded') throw new Error(`download ${s.platform}: ${JSON.stringify(job.error)}`);
  }
  await cmd(page, 'syncRules.create', { name: 'Soak rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse.id], storeIds: shops.map((s) => s.storeId) });
  for (const s of shops) await cmd(page, 'storeProducts.setAutoSync', { storeId: s.storeId, all: true, enabled: true });
  log(`${skus.length} variants on ${shops.length} platforms, auto sync on; faults start`);

  // Faults: 20 % errors, a few timeouts, then throttling bursts and a token expiry along the way.
  await simControl(sim, 'POST', '/__sim/faults', { errorRate: 0.2, timeoutRate: 0.01 });
  const started = Date.now();
  let reopened = false;
  let nextStop = started + 10_000 + Math.random() * 15_000;
  let tick = 0;
  while (Date.now() - started < seconds * 1000) {
    tick++;
    const sku = skus[Math.floor(Math.random() * skus.length)]!;
    const op = Math.random();
    const ok = op < 0.8
      ? await send('inventory.adjust', { warehouseId: warehouse.id, sku, onHand: Math.floor(Math.random() * 200) })
      : await send('inventory.adjust', { warehouseId: warehouse.id, sku, delta: 1 + Math.floor(Math.random() * 5) });
    if (ok) changes++;
    else refused++;
    if (tick % 150 === 0) {
      const s = shops[Math.floor(Math.random() * shops.length)]!;
      await simControl(sim, 'POST', '/__sim/faults', { shopId: s.shopId, rateLimitPerSecond: 1 });
      setTimeout(() => void simControl(sim, 'POST', '/__sim/faults', { shopId: s.shopId, errorRate: 0.2, timeoutRate: 0.01 }).catch(() => undefined), 4000);
      log(`throttling burst on ${s.platform}`);
    }
    if (tick === 400) {
      // Tokens that expire and refresh (Shopee's refresh token works once); Shopify and
      // WooCommerce credentials do not expire, so revoking them would be a different story.
      for (const platform of ['shopee', 'lazada', 'tiktok']) await simControl(sim, 'POST', '/__sim/faults', { platform, expireTokens: true, errorRate: 0.2, timeoutRate: 0.01 });
      log('access tokens expired');
    }
    if (Date.now() > nextStop) {
      await stopServiceWorker(ext).catch((e: unknown) => log(`stop failed: ${String(e)}`));
      workerStops++;
      nextStop = Date.now() + 10_000 + Math.random() * 20_000;
      log(`service worker stopped (${workerStops})`);
    }
    if (!reopened && Date.now() - started > (seconds * 1000) / 2) {
      reopened = true;
      await ext.close();
      log('browser closed');
      await new Promise((r) => setTimeout(r, 2000));
      ext = await launchExtension({ profileDir });
      page = await ext.open('dashboard.html');
      log('browser reopened');
    }
    await new Promise((r) => setTimeout(r, 60));
  }
  log(`changes stop: ${changes} made, ${refused} not answered`);
  await simControl(sim, 'POST', '/__sim/faults', {});
  // Settle: nothing pending, within a bound.
  const settleStart = Date.now();
  for (;;) {
    const pending = await page.evaluate(async () => {
      const open = indexedDB.open('shelfsync');
      const db: IDBDatabase = await new Promise((res) => { open.onsuccess = () => res(open.result); });
      const r = db.transaction(['pushQueue'], 'readonly').objectStore('pushQueue').count();
      const n: number = await new Promise((res) => { r.onsuccess = () => res(r.result); });
      db.close();
      return n;
    });
    if (!pending) break;
    if (Date.now() - settleStart > 10 * 60_000) throw new Error(`${pending} pushes still pending after 10 minutes`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`settled in ${((Date.now() - settleStart) / 1000).toFixed(1)} s`);

  // The truth: the extension's own stock (what it committed) → the number each listing must show.
  const onHand = new Map<string, number>();
  for (let p = 1; ; p++) {
    const list = await cmd(page, 'inventory.list', { warehouseId: warehouse.id, page: p, pageSize: 500 });
    for (const l of list.items) onHand.set(l.sku, l.sellable);
    if (list.items.length < 500) break;
  }
  let mismatches = 0;
  let checked = 0;
  const examples: string[] = [];
  let pushes = 0;
  let rejected = 0;
  for (const s of shops) {
    const items = await simControl<{ variants: { sellerSku: string; stock: number }[] }[]>(sim, 'GET', `/__sim/shops/${s.shopId}/items`);
    for (const v of items.flatMap((i) => i.variants)) {
      checked++;
      // A SKU never given stock has no level row: its number is 0.
      const expected = onHand.get(v.sellerSku) ?? 0;
      if (v.stock !== expected) {
        mismatches++;
        if (examples.length < 10) examples.push(`${s.platform} ${v.sellerSku}: platform ${v.stock}, expected ${expected}`);
      }
    }
    const stats = await simControl(sim, 'GET', `/__sim/stats?shopId=${s.shopId}`);
    pushes += stats.stockUpdateEntries;
    rejected += Object.values(stats.rejected as Record<string, number>).reduce((a, b) => a + b, 0);
  }
  const failedLogs = await cmd(page, 'syncLogs.list', { status: 'failed', pageSize: 1 });
  const summary = { seconds, variants: checked, changes, unanswered: refused, workerStops, browserRestarts: 1, pushesSent: pushes, callsRefusedByFaults: rejected, failedPushes: failedLogs.total, mismatches, examples };
  console.log(JSON.stringify(summary, null, 2));
  exitCode = mismatches === 0 && failedLogs.total === 0 ? 0 : 1;
} catch (err) {
  console.error(err);
} finally {
  await ext.close().catch(() => undefined);
  await sim.close().catch(() => undefined);
  removeProfile(profileDir);
}
process.exit(exitCode);
