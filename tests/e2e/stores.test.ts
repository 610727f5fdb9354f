// The Stores page in the built test extension against the platform simulator: connect a store by
// pasting its credentials, download it with a visible progress bar, add demo stores with the demo
// button, and the `npm start` seeding (tests/demo/seed.ts) run headless.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SIM_PORT } from '@/lib/demo/marketplace';
import { startSimulator, type Simulator } from '../simulator/server';
import { seedDemo, type Send } from '../demo/seed';
import { findChromium } from './support/chromium';
import { launchExtension, PROD_BUILD, sendFrom, type LaunchedExtension } from './support/extension';

const SHOTS = process.env.SHELFSYNC_SHOTS ?? '';
/** A copy of the test build to load instead of .output/chrome-mv3-test (which a parallel build may be rewriting). */
const extensionDir = process.env.SHELFSYNC_TEST_BUILD || undefined;

async function control<T>(sim: Simulator, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${p}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${method} ${p}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!findChromium())('the Stores page in Chromium against the simulator', () => {
  let sim: Simulator;
  /** The demo button talks to the fixed demo port; when it is taken, that path is skipped. */
  let onDemoPort = false;
  let ext: LaunchedExtension;

  beforeAll(async () => {
    try {
      sim = await startSimulator({ port: DEMO_SIM_PORT });
      onDemoPort = true;
    } catch {
      sim = await startSimulator({ port: 0 });
    }
    ext = await launchExtension({ extensionDir });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('connects a store through the paste-credentials tab, then downloads it with a progress bar and the result on its row', async () => {
    const shop = await control<{ shopId: string; apiBaseUrl: string; authBaseUrl: string; credentials: Record<string, string> }>(sim, 'POST', '/__sim/shops', {
      platform: 'lazada', items: 240, variantsPerItem: 2, seed: 11, skuPrefix: 'E2E',
    });
    const page = await ext.open('dashboard.html#/stores');
    await page.getByTestId('stores-empty').waitFor();
    await page.getByTestId('store-connect').click();

    await page.getByTestId('connect-platform-lazada').click();
    // The authorize tab shows the redirect URL to register (chromiumapp.org of this extension).
    await expect.poll(() => page.getByTestId('connect-redirect-url').textContent()).toContain(`https://${ext.extensionId}.chromiumapp.org/lazada`);
    await shot(page, 'stores-connect-authorize');

    await page.getByRole('tab', { name: 'Paste credentials' }).click();
    const form = page.getByTestId('connect-form-paste');
    await form.getByTestId('connect-name').fill('E2E Lazada');
    for (const field of ['appKey', 'appSecret', 'accessToken', 'refreshToken']) await form.getByTestId(`connect-credentials-${field}`).fill(shop.credentials[field]!);
    await form.getByText('Advanced: addresses').click();
    await form.getByTestId('connect-apiBaseUrl').fill(shop.apiBaseUrl);
    await form.getByTestId('connect-authBaseUrl').fill(shop.authBaseUrl);
    await shot(page, 'stores-connect-paste');
    // Secrets are typed into password fields and never shown as text.
    expect(await form.getByTestId('connect-credentials-appSecret').getAttribute('type')).toBe('password');
    await form.getByTestId('connect-submit-paste').click();

    const row = page.getByRole('row', { name: /E2E Lazada/ });
    await row.getByText('Active').waitFor();
    await page.getByTestId('connect-drawer').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(shop.credentials.appSecret!);

    // Slow the platform down so each page of the download is visible.
    await control(sim, 'POST', '/__sim/faults', { shopId: shop.shopId, latencyMs: 250 });
    await row.getByRole('button', { name: /Download/ }).click();
    await page.getByText('Full download (every listing)').click();
    const bar = row.getByRole('progressbar');
    await bar.waitFor({ state: 'visible' });
    await row.getByText(/Downloading: \d+ of 240 listings/).waitFor();
    await shot(page, 'stores-download-progress');

    await row.getByText(/240 listings downloaded \(240 new\)/).waitFor({ timeout: 60_000 });
    expect(await bar.count()).toBe(0);
    await control(sim, 'POST', '/__sim/faults', {});
    await shot(page, 'stores-download-done');

    // Test connection answers from the platform.
    await row.getByRole('button', { name: /Test connection/ }).click();
    await page.getByText(/E2E Lazada answered: connected as/).waitFor();
    expect(ext.pageErrors).toEqual([]);
    await page.close();
  });

  it('authorizes a Shopee store with the seller app through the authorize tab and the platform approval page', async () => {
    const shop = await control<{ shopId: string; apiBaseUrl: string }>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 5, seed: 3, name: 'Batik Authorized' });
    const app = await control<{ partnerId: string; partnerKey: string }>(sim, 'POST', '/__sim/apps', { platform: 'shopee' });
    const page = await ext.open('dashboard.html#/stores');
    await page.getByTestId('store-connect').click();
    await page.getByTestId('connect-platform-shopee').click();
    const form = page.getByTestId('connect-form-authorize');
    await form.getByTestId('connect-name').fill('Batik Authorized');
    await form.getByTestId('connect-appCredentials-partnerId').fill(String(app.partnerId));
    await form.getByTestId('connect-appCredentials-partnerKey').fill(app.partnerKey);
    await form.getByText('Advanced: addresses').click();
    await form.getByTestId('connect-apiBaseUrl').fill(shop.apiBaseUrl);
    const approval = ext.context.waitForEvent('page', { timeout: 20_000 });
    await form.getByTestId('connect-submit-authorize').click();
    const popup = await approval;
    await popup.waitForLoadState();
    await popup.locator(`button[data-sim="approve"][data-shop-id="${shop.shopId}"]`).click();
    await page.getByRole('row', { name: /Batik Authorized/ }).getByText('Active').waitFor({ timeout: 30_000 });
    expect(await page.content()).not.toContain(app.partnerKey);
    expect(ext.pageErrors).toEqual([]);
    await page.close();
  });

  it('adds demo stores with the demo button (test build)', async ({ skip }) => {
    if (!onDemoPort) skip(`port ${DEMO_SIM_PORT} is taken: the demo button cannot reach this test's simulator`);
    const page = await ext.open('dashboard.html#/stores');
    await page.getByTestId('demo-add').click();
    await shot(page, 'stores-demo-modal');
    await page.getByTestId('demo-ok').click();
    for (const name of ['Demo Shopee', 'Demo Lazada', 'Demo TikTok Shop', 'Demo Shopify', 'Demo WooCommerce']) {
      await page.getByRole('row', { name: new RegExp(name) }).getByText('Active').waitFor({ timeout: 30_000 });
    }
    const list = await sendFrom(page, 'stores.list');
    expect(list.data.items.filter((s: { name: string }) => s.name.startsWith('Demo ')).length).toBe(5);
    await shot(page, 'stores-table');
    expect(ext.pageErrors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!findChromium())('npm start seeding (tests/demo/seed.ts), headless', () => {
  it('adds a demo warehouse, products for 60 % of the SKUs and one downloaded store per platform, once; a restarted marketplace gets fresh shops', async () => {
    const sim = await startSimulator({ port: 0 });
    const ext = await launchExtension({ extensionDir });
    try {
      const page = await ext.open('dashboard.html#/stores');
      const send: Send = (type, payload) => sendFrom(page, type, payload ?? {}) as never;
      const first = await seedDemo({ send, simUrl: sim.url, waitForDownloads: true });
      expect(first.skipped).toBe(false);
      expect(first.products).toBe(36);
      expect(first.stores.map((s) => s.name)).toEqual(['Demo Shopee', 'Demo Lazada', 'Demo TikTok Shop', 'Demo Shopify', 'Demo WooCommerce']);

      const stores = (await sendFrom(page, 'stores.list')).data.items as { name: string; status: string; download: { last: { ok: boolean; message: string } } }[];
      for (const s of stores) {
        expect(s.status).toBe('active');
        // 30 listings × 2 variants; 36 of the 60 SKUs have a system product: 24 stay unconnected.
        expect(s.download.last).toMatchObject({ ok: true, message: '30 listings downloaded (30 new); 24 variants unconnected.' });
      }
      const warehouses = (await sendFrom(page, 'warehouses.list')).data.items as { name: string }[];
      expect(warehouses.map((w) => w.name)).toEqual(['Demo warehouse']);

      const again = await seedDemo({ send, simUrl: sim.url });
      expect(again).toMatchObject({ skipped: true, replaced: 0 });

      // The marketplace keeps shops in memory: after a restart the old demo stores are replaced.
      await control(sim, 'POST', '/__sim/reset');
      const restarted = await seedDemo({ send, simUrl: sim.url, download: false });
      expect(restarted).toMatchObject({ skipped: false, replaced: 5, products: 0 });
      expect((await sendFrom(page, 'stores.list')).data.total).toBe(5);
      expect(ext.pageErrors).toEqual([]);
    } finally {
      await ext.close();
      await sim.close();
    }
  });
});

describe('the production build', () => {
  it.skipIf(!existsSync(path.join(PROD_BUILD, 'manifest.json')))('has no demo code and no loopback address', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(PROD_BUILD);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('127.0.0.1'), file).toBe(false);
      if (file.endsWith('.js')) {
        expect(text.includes('__sim/shops'), file).toBe(false);
        expect(text.includes('demo_add'), file).toBe(false);
      }
    }
  });
});
