// Looks at the store product list as a seller on a laptop would: the demo seed (a warehouse,
// system products for 60 % of the SKUs, one store per platform) in the built test extension,
// a 100 % rule on the Shopee store, a few listings synced and a few stock changes, then PNGs of
// the list at 1024, 1280 and 1440 px wide, each with where every column header landed; at each
// width also the list's foot (paging), the sync-status filter open and a listing's drawer.
// npx tsx tests/tools/store-list-shots.ts /tmp/shots
// (SHELFSYNC_TEST_BUILD=<copy of .output/chrome-mv3-test> to use a private copy of the build.)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startSimulator } from '../simulator/server';
import { seedDemo, type Send } from '../demo/seed';
import { launchExtension, sendFrom } from '../e2e/support/extension';
import { must, waitForJob } from '../e2e/support/world';

const [outDir = 'shots'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const sim = await startSimulator({ port: 0 });
const ext = await launchExtension();
try {
  const page = await ext.open('dashboard.html#/stores');
  const send: Send = (type, payload) => sendFrom(page, type, payload ?? {}) as never;
  const seeded = await seedDemo({ send, simUrl: sim.url, waitForDownloads: true });
  const shopee = seeded.stores.find((s) => s.platform === 'shopee')!;
  await must(page, 'syncRules.create', { name: 'Demo rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [seeded.warehouseId], storeIds: [shopee.id] });
  const listings = (await must(page, 'storeProducts.list', { storeId: shopee.id, pageSize: 50 })).items as { id: number; variants: { sellerSku: string; productId: number | null }[] }[];
  // Synced listings (some of them partly managed), then stock that moved since: "differs".
  const { jobId } = await must(page, 'storeProducts.sync', { storeId: shopee.id, storeProductIds: listings.slice(0, 8).map((l) => l.id) });
  await waitForJob(page, jobId);
  for (const l of listings.slice(0, 3)) {
    const v = l.variants.find((x) => x.productId !== null);
    if (v) await must(page, 'inventory.adjust', { warehouseId: seeded.warehouseId, sku: v.sellerSku, delta: 5 });
  }
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/store-products?platform=shopee&store=${shopee.id}`);
    await page.locator('[data-testid^="sp-row-"]').first().waitFor();
    await page.waitForTimeout(800);
    const headers = await page.locator('.ant-table-thead th').evaluateAll((ths) => ths.map((th) => {
      const r = th.getBoundingClientRect();
      return `${(th.textContent ?? '').trim() || '·'} ${Math.round(r.left)}–${Math.round(r.right)}`;
    }));
    const file = path.join(outDir, `store-products-${width}.png`);
    await page.screenshot({ path: file });
    console.log(`${file}: viewport ${width}; headers ${headers.join(' | ')}`);
    await page.locator('.ant-pagination').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, `store-products-${width}-foot.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('sp-filter-syncstatus').click();
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor();
    await page.waitForTimeout(400); // its fade-in, for the picture
    await page.screenshot({ path: path.join(outDir, `store-products-${width}-filter.png`) });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid^="sp-title-"]').first().click();
    await page.getByTestId('sp-detail').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `store-products-${width}-drawer.png`) });
  }
  // Listing images come from the platforms' CDNs, which this machine cannot reach.
  const errors = ext.pageErrors.filter((e) => !/Failed to load resource: net::ERR_/.test(e));
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
} finally {
  await ext.close();
  await sim.close();
}
