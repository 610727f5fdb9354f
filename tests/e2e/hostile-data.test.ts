// Hostile platform data (titles and SKUs carrying markup and script) shown in the dashboard:
// nothing executes, it renders as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension } from './support/extension';
import { must, simControl, waitForJob, type SimHandle } from './support/world';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim?.close());

const TITLE = '<img src=x onerror="window.__pwned=1">Batik <script>window.__pwned=2</script>';
const SKU = '"><svg onload=window.__pwned=3>';

describe.skipIf(!findChromium())('hostile platform data', () => {
  it('renders as text in the store product list, the drawer and Unconnected, and never runs', async () => {
    const ext = await launchExtension();
    try {
      const shop = await simControl(sim, 'POST', '/__sim/shops', { platform: 'lazada', items: 2, variantsPerItem: 1, seed: 66 });
      const items = await simControl(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
      await simControl(sim, 'PATCH', `/__sim/shops/${shop.shopId}/items/${items[0].itemId}`, { title: TITLE, variants: [{ variantId: items[0].variants[0].variantId, sellerSku: SKU }] });
      const page = await ext.open('dashboard.html');
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const store = await must(page, 'stores.connect', { platform: 'lazada', name: '<b>Shop</b> <img src=x onerror=window.__pwned=4>', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
      const job = await waitForJob(page, (await must(page, 'stores.download', { id: store.id, mode: 'full' })).jobId);
      expect(job.status).toBe('succeeded');

      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/store-products?platform=lazada&store=${store.id}`);
      await page.getByText('Batik', { exact: false }).first().waitFor({ timeout: 20_000 });
      expect(await page.getByText(TITLE.replace(/<script>.*<\/script>/, '').slice(0, 20), { exact: false }).count()).toBeGreaterThan(0);
      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/store-products?platform=lazada&store=${store.id}&view=unconnected`);
      await page.waitForTimeout(1500);
      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/stores`);
      await page.waitForTimeout(1000);
      const popup = await ext.open('popup.html');
      await popup.waitForTimeout(800);
      for (const p of [page, popup]) {
        expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
        expect(await p.locator('img[src="x"], svg[onload]').count()).toBe(0);
      }
      expect(dialogs).toBe(0);
      // Product images point at the platform's image host, which this sandbox cannot resolve.
      expect(ext.pageErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    } finally {
      await ext.close();
    }
  });
});
