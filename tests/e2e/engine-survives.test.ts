// SYNC.md case 11 in the built extension: the service worker stopped through the DevTools
// protocol right after a stock change, and the browser closed and reopened — the push arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension, newProfileDir, removeProfile, sendFrom } from './support/extension';
import { stopServiceWorker } from './support/worker';
import { buildWorld, must, platformStock, simControl, until, type SimHandle } from './support/world';

let sim: SimHandle;
const profileDir = newProfileDir();
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
  removeProfile(profileDir);
});

describe.skipIf(!findChromium())('the engine loses nothing', () => {
  it('pushes after the worker is stopped right after a stock change, and after a browser restart', async () => {
    const first = await launchExtension({ profileDir });
    let shopId = '';
    let sku = '';
    let warehouseId = 0;
    try {
      const page = await first.open('dashboard.html');
      const world = await buildWorld(page, sim, { platform: 'lazada', items: 3 });
      ({ shopId, warehouseId } = world);
      sku = world.skus[0]!;
      await until('the first auto sync', async () => (await platformStock(sim, shopId)).get(sku) === 10);

      // The platform fails every call for now, so the push cannot land before the worker dies.
      const rejected = async () => (await simControl(sim, 'GET', `/__sim/stats?shopId=${shopId}`)).rejected?.temporary_error ?? 0;
      await simControl(sim, 'POST', '/__sim/faults', { shopId, errorRate: 1 });
      const before = await rejected();
      const startedBefore = (await must(page, 'system.ping')).startedAt;
      await must(page, 'inventory.adjust', { warehouseId, sku, onHand: 33 });
      await until('a first failed attempt', async () => (await rejected()) > before);
      await stopServiceWorker(first);
      await simControl(sim, 'POST', '/__sim/faults', {});
      expect((await platformStock(sim, shopId)).get(sku)).toBe(10);
      // Any event starts the worker again; its start-up resumes the queue.
      const restarted = await until('the worker to answer again', async () => (await sendFrom(page, 'system.ping'))?.data);
      expect(restarted.startedAt).not.toBe(startedBefore);
      await until('the push after the stop', async () => (await platformStock(sim, shopId)).get(sku) === 33, 30_000);

      // Now a change whose push cannot land, and the browser closed.
      await simControl(sim, 'POST', '/__sim/faults', { shopId, errorRate: 1 });
      const before2 = await rejected();
      await must(page, 'inventory.adjust', { warehouseId, sku, onHand: 44 });
      await until('a failed attempt', async () => (await rejected()) > before2);
    } finally {
      await first.close();
    }
    await simControl(sim, 'POST', '/__sim/faults', {});
    expect((await platformStock(sim, shopId)).get(sku)).toBe(33);

    // Reopen the same profile and open nothing: the worker starts with the browser and resumes.
    const second = await launchExtension({ profileDir });
    try {
      await until('the push after the restart', async () => (await platformStock(sim, shopId)).get(sku) === 44, 45_000);
      const page = await second.open('dashboard.html');
      const logs = await must(page, 'syncLogs.list', { status: 'success', pageSize: 50 });
      expect(logs.items.some((l: { quantity: number }) => l.quantity === 44)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
