// Secrets never in clear: not in the raw IndexedDB, not in chrome.storage, not in the service
// worker's output with debug logging on through a download and a sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension } from './support/extension';
import { buildWorld, must, platformStock, simControl, until, type SimHandle } from './support/world';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim?.close());

describe.skipIf(!findChromium())('secrets', () => {
  it.each(['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'])('%s credentials appear nowhere in clear', async (platform) => {
    const ext = await launchExtension();
    const output: string[] = [];
    ext.worker.on('console', (m) => output.push(m.text()));
    try {
      const page = await ext.open('dashboard.html');
      await must(page, 'settings.update', { debugLogging: true });
      const world = await buildWorld(page, sim, { platform, items: 4, variantsPerItem: 2, seed: 90 });
      await until('the auto sync', async () => (await platformStock(sim, world.shopId)).get(world.skus[0]!) === 10);
      await must(page, 'inventory.adjust', { warehouseId: world.warehouseId, sku: world.skus[1]!, onHand: 3 });
      await until('the second push', async () => (await platformStock(sim, world.shopId)).get(world.skus[1]!) === 3);
      const shop = (await simControl<any[]>(sim, 'GET', '/__sim/shops')).find((s) => s.shopId === world.shopId);
      const secrets = Object.entries(shop.credentials as Record<string, string>).filter(([k]) => /token|secret|key|password/i.test(k)).map(([, v]) => v);
      expect(secrets.length).toBeGreaterThan(0);

      const rawDb: string = await page.evaluate(async () => {
        const open = indexedDB.open('shelfsync');
        const db: IDBDatabase = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
        const names = [...db.objectStoreNames];
        const tx = db.transaction(names, 'readonly');
        const dumps = await Promise.all(names.map((n) => new Promise<string>((res) => {
          const r = tx.objectStore(n).getAll();
          r.onsuccess = () => res(`${n}:${JSON.stringify(r.result, (_k, v) => (v instanceof CryptoKey ? '[CryptoKey]' : v))}`);
        })));
        db.close();
        return dumps.join('\n');
      });
      const storage: string = await page.evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)));
      expect(rawDb).toContain('storeVariants:');
      expect(output.some((l) => l.includes('[shelfsync:http]'))).toBe(true); // debug logging really ran
      for (const secret of secrets) {
        expect(rawDb, 'raw IndexedDB').not.toContain(secret);
        expect(storage, 'chrome.storage').not.toContain(secret);
        expect(output.join('\n'), 'service worker output').not.toContain(secret);
      }
    } finally {
      await ext.close();
    }
  });
});
