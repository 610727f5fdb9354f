// Issue 4 end to end: a Shopee store authorized through the platform's own approval page (the
// simulator's) inside identity.launchWebAuthFlow, then downloaded; and a download that survives
// its service worker being stopped half-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension, sendFrom } from './support/extension';
import { must, simControl, until, waitForJob, type SimHandle } from './support/world';
import { stopServiceWorker } from './support/worker';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim?.close());

describe.skipIf(!findChromium())('connecting and downloading stores', () => {
  it('authorizes a Shopee store through the approval page and downloads it', async () => {
    const ext = await launchExtension();
    try {
      const shop = await simControl(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 120, variantsPerItem: 2, seed: 5, name: 'Batik Corner' });
      const app = await simControl(sim, 'POST', '/__sim/apps', { platform: 'shopee' });
      const page = await ext.open('dashboard.html');
      const approvalPage = ext.context.waitForEvent('page', { timeout: 20_000 });
      const answer = sendFrom(page, 'stores.authorize', { platform: 'shopee', appCredentials: { partnerId: app.partnerId, partnerKey: app.partnerKey }, apiBaseUrl: shop.apiBaseUrl });
      const popup = await approvalPage;
      await popup.waitForLoadState();
      expect(popup.url()).toContain('/shopee/api/v2/shop/auth_partner');
      await popup.locator(`button[data-sim="approve"][data-shop-id="${shop.shopId}"]`).click();
      const store = await answer;
      expect(store).toMatchObject({ ok: true, data: { platform: 'shopee', status: 'active', shopRef: String(shop.shopId) } });
      expect(JSON.stringify(store)).not.toMatch(/accessToken|refreshToken|partnerKey/);

      const { jobId } = await must(page, 'stores.download', { id: store.data.id, mode: 'full' });
      const job = await waitForJob(page, jobId);
      expect(job).toMatchObject({ status: 'succeeded', result: { items: 120 } });
      const list = await must(page, 'storeProducts.list', { storeId: store.data.id, pageSize: 5 });
      expect(list.total).toBe(120);
      expect(ext.pageErrors).toEqual([]);
    } finally {
      await ext.close();
    }
  });

  it('finishes a download whose service worker was stopped half-way', async () => {
    const ext = await launchExtension();
    try {
      const shop = await simControl(sim, 'POST', '/__sim/shops', { platform: 'lazada', items: 1500, variantsPerItem: 1, seed: 6 });
      // Slow pages, so the download is surely mid-way when the worker dies.
      await simControl(sim, 'POST', '/__sim/faults', { shopId: shop.shopId, latencyMs: 120 });
      const page = await ext.open('dashboard.html');
      const store = await must(page, 'stores.connect', { platform: 'lazada', name: 'Big Lazada', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
      const { jobId } = await must(page, 'stores.download', { id: store.id, mode: 'full' });
      const mid = await until('the download to be under way', async () => {
        const j = await must(page, 'jobs.get', { id: jobId });
        return j.progress.done >= 200 ? j : undefined;
      });
      expect(mid.status).toBe('running');
      await stopServiceWorker(ext);
      await simControl(sim, 'POST', '/__sim/faults', {});
      // The next event starts the worker, which resumes the job from its checkpoint.
      await until('the worker to answer again', async () => (await sendFrom(page, 'system.ping'))?.ok);
      const done = await waitForJob(page, jobId, 90_000);
      expect(done).toMatchObject({ status: 'succeeded', result: { items: 1500 } });
      expect((await must(page, 'storeProducts.list', { storeId: store.id, pageSize: 1 })).total).toBe(1500);
    } finally {
      await ext.close();
    }
  });
});
