import { startSimulator } from '../simulator/server';
import { launchExtension } from '../e2e/support/extension';
import { buildWorld, must, platformStock } from '../e2e/support/world';
const sim = await startSimulator({ port: 0 });
const ext = await launchExtension();
ext.worker.on('console', (m) => console.log('SW:', m.type(), m.text()));
try {
  const page = await ext.open('dashboard.html');
  const world = await buildWorld(page, sim, { platform: 'lazada', items: 3 });
  await page.waitForTimeout(3000);
  console.log('stock', [...(await platformStock(sim, world.shopId)).entries()]);
  console.log('logs', JSON.stringify((await must(page, 'syncLogs.list', { pageSize: 10 })).items.map((l: any) => [l.status, l.trigger, l.error])));
  console.log('queue', await page.evaluate(async () => { const r = indexedDB.open('shelfsync'); return await new Promise((res) => { r.onsuccess = () => { const tx = r.result.transaction(['pushQueue', 'storeMarks'], 'readonly'); const a = tx.objectStore('pushQueue').getAll(); const b = tx.objectStore('storeMarks').getAll(); tx.oncomplete = () => res(JSON.stringify([a.result, b.result])); }; }); }));
} finally {
  await ext.close();
  await sim.close();
}
