// The store product module as the seed walkthrough shows it (issue 5), in the built extension
// against the platform simulator: choose the platform and the store, switch store inside (the
// platform stays), search and filter, select all items; a downloaded store with an unknown SKU
// shows it in Unconnected with its reason → connect it by hand → it leaves the list; two more
// → Add system SKU → the system products exist and the variants are connected.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension, sendFrom, type LaunchedExtension } from './support/extension';

const SHOTS = process.env.SHELFSYNC_SHOTS ?? '';
/** A copy of the test build to load instead of .output/chrome-mv3-test (which a parallel build may be rewriting). */
const extensionDir = process.env.SHELFSYNC_TEST_BUILD || undefined;

interface SimShop { shopId: string; apiBaseUrl: string; authBaseUrl: string; credentials: Record<string, string> }
interface SimItem { itemId: string; title: string; variants: { variantId: string; sellerSku: string; stock: number }[] }

async function control<T>(sim: Simulator, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${p}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${method} ${p}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function must(page: Page, type: string, payload: unknown = {}) {
  const answer = await sendFrom(page, type, payload);
  if (!answer.ok) throw new Error(`${type}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

async function connectAndDownload(page: Page, sim: Simulator, shop: SimShop, platform: string, name: string): Promise<number> {
  const store = await must(page, 'stores.connect', { platform, name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
  const { jobId } = await must(page, 'stores.download', { id: store.id, mode: 'full' });
  await expect.poll(async () => (await must(page, 'jobs.get', { id: jobId })).status, { timeout: 60_000 }).toBe('succeeded');
  return store.id;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens an antd Select, optionally types to search, and picks the visible option containing `text`. */
async function choose(page: Page, testId: string, text: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: text, visible: true }).click();
}

const rows = (page: Page) => page.locator('[data-testid^="sp-row-"]');
const params = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
/** Listing images come from the platform's CDN, which a test machine cannot reach. */
const realErrors = (ext: LaunchedExtension) => ext.pageErrors.filter((e) => !/Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/.test(e));

describe.skipIf(!findChromium())('the store product module in Chromium (seed walkthrough)', () => {
  let sim: Simulator;
  let ext: LaunchedExtension;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    ext = await launchExtension({ extensionDir });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('enters by platform then store, switches store inside, searches, filters, selects all, and fixes unconnected variants', async () => {
    const page = await ext.open('dashboard.html#/store-products');
    await page.getByTestId('sp-platform-picker').waitFor();

    // Three shops: two on Shopee, one on Lazada. Jakarta has one SKU the seller never created
    // (changed on the platform to ODD-SKU-77) and two more without system products.
    const jakartaShop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 8, variantsPerItem: 2, seed: 51, skuPrefix: 'JKT' });
    const bandungShop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 3, variantsPerItem: 1, seed: 52, skuPrefix: 'BDG' });
    const lazadaShop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'lazada', items: 2, variantsPerItem: 1, seed: 53, skuPrefix: 'LZD' });
    let items = await control<SimItem[]>(sim, 'GET', `/__sim/shops/${jakartaShop.shopId}/items`);
    const odd = items[2]!;
    await control(sim, 'PATCH', `/__sim/shops/${jakartaShop.shopId}/items/${odd.itemId}`, { variants: [{ variantId: odd.variants[0]!.variantId, sellerSku: 'ODD-SKU-77' }] });
    items = await control<SimItem[]>(sim, 'GET', `/__sim/shops/${jakartaShop.shopId}/items`);
    const skus = items.flatMap((i) => i.variants.map((v) => v.sellerSku));
    const [newA, newB] = skus.filter((s) => s !== 'ODD-SKU-77').slice(-2) as [string, string];
    for (const sku of skus.filter((s) => s !== 'ODD-SKU-77' && s !== newA && s !== newB)) await must(page, 'products.create', { sku, name: `System ${sku}` });
    await must(page, 'products.create', { sku: 'CANVAS-TOTE', name: 'Canvas tote (the real one)' });
    const jakarta = await connectAndDownload(page, sim, jakartaShop, 'shopee', 'Shopee Jakarta');
    const bandung = await connectAndDownload(page, sim, bandungShop, 'shopee', 'Shopee Bandung');
    await connectAndDownload(page, sim, lazadaShop, 'lazada', 'Lazada SG');

    // 1. Choose the platform: five cards with their number of stores.
    await expect.poll(() => page.getByTestId('sp-platform-count-shopee').textContent()).toBe('2 connected stores');
    expect(await page.getByTestId('sp-platform-count-lazada').textContent()).toBe('1 connected store');
    expect(await page.getByTestId('sp-platform-none-tiktok').textContent()).toContain('Connect one in Stores');
    await shot(page, 'sp-platforms');
    await page.getByTestId('sp-platform-shopee').click();

    // 2. Then the store: only Shopee's.
    await page.getByTestId('sp-store-picker').waitFor();
    expect(await page.locator('[data-testid^="sp-store-"][data-testid$="' + jakarta + '"]').count()).toBe(1);
    expect(await page.getByText('Lazada SG').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`sp-store-${jakarta}`).textContent()).toContain('8 listings');
    await page.getByTestId(`sp-store-${jakarta}`).click();
    await expect.poll(() => rows(page).count()).toBe(8);
    expect(params(page).get('platform')).toBe('shopee');
    expect(params(page).get('store')).toBe(String(jakarta));
    await shot(page, 'sp-list');

    // 3. Switch store inside: the switcher offers Shopee's stores only; the platform stays.
    await page.getByTestId('sp-store-switch').click();
    const options = page.locator('.ant-select-dropdown .ant-select-item-option').filter({ visible: true });
    // Each named with its shop id, so stores called alike would still differ.
    await expect.poll(() => options.allTextContents()).toEqual([`Shopee Bandung · ${bandungShop.shopId}`, `Shopee Jakarta · ${jakartaShop.shopId}`]);
    await options.filter({ hasText: 'Shopee Bandung' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.getByTestId('sp-platform').textContent()).toContain('Shopee');
    expect(params(page).get('store')).toBe(String(bandung));
    await choose(page, 'sp-store-switch', 'Shopee Jakarta');
    await expect.poll(() => rows(page).count()).toBe(8);

    // A reload lands in the same store.
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(8);
    expect(params(page).get('store')).toBe(String(jakarta));

    // 4. Search: by title, by seller SKU, by item id (debounced while typing).
    const target = items[5]!;
    const only = async () => ((await rows(page).count()) === 1 ? rows(page).first().getAttribute('data-testid') : `${await rows(page).count()} rows`);
    await page.getByTestId('sp-search').fill(target.title);
    await expect.poll(only).toBe(`sp-row-${target.itemId}`);
    await page.getByTestId('sp-search').fill('ODD-SKU-77');
    await expect.poll(only).toBe(`sp-row-${odd.itemId}`);
    await page.getByTestId('sp-search').fill(String(items[7]!.itemId));
    await expect.poll(only).toBe(`sp-row-${items[7]!.itemId}`);
    await page.getByTestId('sp-search').fill('');
    await expect.poll(() => rows(page).count()).toBe(8);

    // 5. Filter: listings with a variant not connected (the odd SKU and the two new ones).
    const notConnected = new Set(items.filter((i) => i.variants.some((v) => ['ODD-SKU-77', newA, newB].includes(v.sellerSku))).map((i) => i.itemId));
    await choose(page, 'sp-filter-connected', 'Some variant not connected');
    await expect.poll(() => rows(page).count()).toBe(notConnected.size);
    expect(await page.getByTestId('sp-all').textContent()).toContain(`All ${notConnected.size} matching`);
    await page.getByTestId('sp-filter-clear').click();
    await expect.poll(() => rows(page).count()).toBe(8);

    // 6. Select all items: the page's header checkbox, and All items says how many.
    expect(await page.getByTestId('sp-all').textContent()).toContain('All items (8)');
    await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
    await expect.poll(() => page.getByTestId('sp-selected-count').textContent()).toContain('8 selected');
    await page.getByTestId('sp-all').click();
    await page.getByTestId('sp-all-sync').waitFor();
    await shot(page, 'sp-all-items');
    await page.keyboard.press('Escape');

    // 7. Unconnected: the unknown SKU with its reason → Connect… to a chosen system product.
    await page.getByTestId('sp-tab-unconnected').click();
    await page.getByTestId('unc').waitFor();
    expect(params(page).get('view')).toBe('unconnected');
    await expect.poll(() => page.getByTestId('unc-reason-no_matching_sku').textContent()).toBe('No matching SKU 3');
    const oddRow = page.getByTestId('unc-row-ODD-SKU-77');
    expect(await oddRow.textContent()).toContain('No system product has the SKU "ODD-SKU-77".');
    await shot(page, 'sp-unconnected');
    await oddRow.getByRole('button', { name: 'Connect…' }).click();
    await choose(page, 'unc-connect-picker', 'CANVAS-TOTE — Canvas tote (the real one)', 'canvas');
    await page.getByTestId('unc-connect-effect').waitFor();
    await page.getByTestId('unc-connect-ok').click();
    await oddRow.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('unc-reason-all').textContent()).toBe('All (2)');
    const oddVariant = (await must(page, 'storeProducts.list', { storeId: jakarta, q: 'odd-sku-77' })).items[0].variants.find((v: { sellerSku: string }) => v.sellerSku === 'ODD-SKU-77');
    expect(oddVariant.systemSku).toBe('CANVAS-TOTE');

    // 8. The two others → Add system SKU: created, connected, and the view is empty.
    for (const sku of [newA, newB]) await page.getByTestId(`unc-row-${sku}`).locator('.ant-checkbox-input').check();
    await page.getByTestId('unc-add-sku').click();
    await page.getByTestId('unc-add-effects').waitFor();
    await page.getByTestId('unc-add-confirm').click();
    const result = page.getByTestId('unc-add-result');
    await result.waitFor();
    await shot(page, 'sp-add-system-sku');
    expect(await page.getByTestId('unc-add-created').textContent()).toContain('2 system products created and connected.');
    await shot(page, 'sp-add-system-sku');
    await page.getByTestId('unc-add-close').click();
    await page.getByTestId('unc-empty').waitFor();
    for (const sku of [newA, newB]) {
      const found = await must(page, 'products.list', { q: sku });
      expect(found.items.map((p: { sku: string }) => p.sku)).toContain(sku);
    }
    expect((await must(page, 'storeVariants.list', { storeId: jakarta, connected: false })).total).toBe(0);

    // Back in Store products, every listing is now fully connected.
    await page.getByTestId('sp-tab-products').click();
    await choose(page, 'sp-filter-connected', 'Every variant connected');
    await expect.poll(() => rows(page).count()).toBe(8);
    expect(realErrors(ext)).toEqual([]);
  });

  it('fits a laptop: at 1024 px every column header is in view with the sidebar collapsed, at 1280 px too with it open; "not managed" and "differs" are shown and filtered', async () => {
    // Four listings of two variants; one SKU without a system product (not managed), one whose
    // warehouse stock is 3 above what the platform shows (differs under a 100 % rule).
    const shop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 4, variantsPerItem: 2, seed: 61, skuPrefix: 'FIT' });
    const items = await control<SimItem[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
    const page = await ext.open('dashboard.html#/store-products');
    const w = await must(page, 'warehouses.create', { name: 'Fit DC', code: 'FIT' });
    const loose = items[0]!.variants[1]!;
    const moved = items[1]!.variants[0]!;
    for (const v of items.flatMap((i) => i.variants).filter((x) => x !== loose)) {
      await must(page, 'products.create', { sku: v.sellerSku, name: `System ${v.sellerSku}` });
      await must(page, 'inventory.adjust', { warehouseId: w.id, sku: v.sellerSku, onHand: v.stock + (v === moved ? 3 : 0) });
    }
    const storeId = await connectAndDownload(page, sim, shop, 'shopee', 'Shopee Fit');
    await must(page, 'syncRules.create', { name: 'Fit rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.id], storeIds: [storeId] });

    const headersInView = async () => {
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      const boxes = await page.locator('.ant-table-thead th').evaluateAll((ths) => ths.map((th) => {
        const r = th.getBoundingClientRect();
        return { name: (th.textContent ?? '').trim(), left: r.left, right: r.right, width: r.width };
      }));
      expect(boxes.map((b) => b.name)).toEqual(['', 'Image', 'Product', 'Seller SKU → system SKU', 'Price', 'Platform stock', 'Push quantity', 'Sync status']);
      for (const b of boxes) {
        expect(b.width, b.name).toBeGreaterThan(0);
        expect(b.left, b.name).toBeGreaterThanOrEqual(0);
        expect(b.right, b.name).toBeLessThanOrEqual(viewport);
      }
      // Nothing to scroll sideways to, in the table or the page.
      expect(await page.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    };

    const siderWidth = async () => Math.round((await page.getByTestId('nav-sider').boundingBox())?.width ?? 0);
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/store-products?platform=shopee&store=${storeId}`);
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await page.getByTestId('nav-sider').getAttribute('data-collapsed')).toBe('true');
    await expect.poll(siderWidth).toBe(80);
    await headersInView();
    await shot(page, 'sp-list-1024');

    const listing = (itemId: string) => page.getByTestId(`sp-row-${itemId}`);
    expect(await listing(items[0]!.itemId).locator('[data-testid^="sp-not-managed-"]').textContent()).toBe('1 variant not managed');
    expect(await listing(items[1]!.itemId).locator('[data-testid^="sp-differs-"]').textContent()).toBe('≠ 1 variant differs');
    expect(await listing(items[1]!.itemId).locator('[data-testid^="sp-stock-differs-"]').textContent()).toBe(`≠ ${moved.stock}`);
    expect(await page.locator('[data-testid^="sp-stock-differs-"]').count()).toBe(1);

    // The sync-status filter's options are shown whole, then the differs filter narrows the list.
    await page.getByTestId('sp-filter-syncstatus').click();
    const options = page.locator('.ant-select-dropdown .ant-select-item-option-content').filter({ visible: true });
    await expect.poll(() => options.count()).toBe(6);
    for (const cut of await options.evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth))) expect(cut).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await choose(page, 'sp-filter-differs', 'Differs from push quantity');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().getAttribute('data-testid')).toBe(`sp-row-${items[1]!.itemId}`);
    await page.getByTestId('sp-filter-clear').click();
    await expect.poll(() => rows(page).count()).toBe(4);

    // The listing's drawer stays within the viewport.
    await page.getByTestId(/^sp-title-/).first().click();
    await page.getByTestId('sp-detail').waitFor();
    // Once it has slid in: its left edge at or right of 0, its right edge at the window's.
    const drawer = page.locator('.ant-drawer-content-wrapper').filter({ visible: true }).first();
    await expect.poll(async () => { const b = await drawer.boundingBox(); return b && Math.round(b.x + b.width); }).toBe(1024);
    expect((await drawer.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'sp-drawer-1024');
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.getByTestId('nav-sider').getAttribute('data-collapsed')).toBe('false');
    await expect.poll(siderWidth).toBe(220); // measured once it has finished opening
    await headersInView();
    await shot(page, 'sp-list-1280');
    expect(realErrors(ext)).toEqual([]);
    await page.close();
  });
});
