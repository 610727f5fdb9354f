// Issue 14 in the built extension against the simulator: the seed's Unconnected flow on a live
// store (auto sync on, a 100 % rule) never surprises the platform. Add system SKU asks where the
// stock comes from and shows what each listing will be pushed; with the default (platform stock
// into the rule's warehouse) the platform keeps every number, and the ledger records the intake;
// Connect shows 179 → 61 before it pushes 61.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension, type LaunchedExtension } from './support/extension';
import { must, platformStock, simControl, until, waitForJob } from './support/world';

const SHOTS = process.env.SHELFSYNC_SHOTS ?? '';
const extensionDir = process.env.SHELFSYNC_TEST_BUILD || undefined;

interface SimItem { itemId: string; title: string; variants: { variantId: string; sellerSku: string; stock: number }[] }

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const headline = (page: Page) => page.getByTestId('unc-add-effects-headline').textContent();

describe.skipIf(!findChromium())('Unconnected on a live store: nothing changes without being shown first (Chromium)', () => {
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

  it('Add system SKU keeps every platform number (intake in the ledger); Connect says 179 → 61 before pushing 61', async () => {
    const page = await ext.open('dashboard.html#/store-products');
    const shop = await simControl(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 5, variantsPerItem: 1, seed: 61, skuPrefix: 'DEMO' });
    const items = await simControl<SimItem[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
    // The numbers: three listings with stock, one more to connect by hand.
    const stocks = [136, 73, 47, 179, 12];
    for (const [i, item] of items.entries()) await simControl(sim, 'PATCH', `/__sim/shops/${shop.shopId}/items/${item.itemId}`, { variants: [{ variantId: item.variants[0]!.variantId, stock: stocks[i] }] });
    const [a, b, c, d] = items.map((i) => i.variants[0]!.sellerSku) as [string, string, string, string];

    const warehouse = await must(page, 'warehouses.create', { name: 'Main', code: 'MAIN' });
    const other = await must(page, 'products.create', { sku: 'SYS-CONNECT', name: 'Connect target' });
    await must(page, 'inventory.adjust', { warehouseId: warehouse.id, productId: other.id, onHand: 61 });
    const store = await must(page, 'stores.connect', { platform: 'shopee', name: 'Live Shopee', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
    expect((await waitForJob(page, (await must(page, 'stores.download', { id: store.id, mode: 'full' })).jobId)).status).toBe('succeeded');
    await must(page, 'syncRules.create', { name: 'Everything', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse.id], storeIds: [store.id] });
    await must(page, 'storeProducts.setAutoSync', { storeId: store.id, all: true, enabled: true });
    const before = await platformStock(sim, shop.shopId);
    const since = Date.now();

    await page.goto(page.url().replace(/#.*$/, `#/store-products?platform=shopee&store=${store.id}&view=unconnected`));
    await page.getByTestId('unc').waitFor();
    for (const sku of [a, b, c]) await page.getByTestId(`unc-row-${sku}`).locator('.ant-checkbox-input').check();
    await page.getByTestId('unc-add-sku').click();

    // The dialog: default = platform stock into the rule's warehouse → nothing changes.
    await until('the preview', async () => /Nothing changes on the platform/.test((await headline(page)) ?? ''));
    expect(await page.getByTestId(`unc-add-effects-row-${a}`).textContent()).toMatch(/136.*136/);
    await shot(page, 'unc-add-dialog-platform');
    // Start at 0 would zero the three: said before anything happens.
    await page.getByTestId('unc-add-zero').click();
    await until('the zero preview', async () => /3 variants go to 0/.test((await headline(page)) ?? ''));
    await shot(page, 'unc-add-dialog-zero');
    expect(await must(page, 'products.list', { q: a })).toMatchObject({ total: 0 });
    await page.getByTestId('unc-add-platform').click();
    await until('the platform preview again', async () => /Nothing changes on the platform/.test((await headline(page)) ?? ''));
    await page.getByTestId('unc-add-confirm').click();
    await page.getByTestId('unc-add-result').waitFor();
    expect(await page.getByTestId('unc-add-pushed').textContent()).toMatch(/Nothing changes on the platform/);
    await page.getByTestId('unc-add-close').click();

    // The engine pushes the connection (same numbers); the platform never shows anything else.
    await until('the connection pushes to end', async () => (await must(page, 'system.status', { storeId: store.id })).store.pending === 0, 30_000);
    const after = await platformStock(sim, shop.shopId);
    for (const sku of [a, b, c]) expect(after.get(sku)).toBe(before.get(sku));
    const events = await simControl<{ sellerSku: string; stock: number }[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/stock-events?since=${since}`);
    expect(events.filter((e) => [a, b, c].includes(e.sellerSku) && e.stock !== before.get(e.sellerSku))).toEqual([]);
    const made = (await must(page, 'products.list', { q: a })).items[0];
    const ledger = await must(page, 'inventory.movements', { productId: made.id });
    expect(ledger.items).toEqual([expect.objectContaining({ kind: 'intake', warehouseId: warehouse.id, after: expect.objectContaining({ onHand: 136 }) })]);

    // Connect… the fourth to SYS-CONNECT: 179 → 61 is shown first, then pushed.
    const row = page.getByTestId(`unc-row-${d}`);
    await row.getByRole('button', { name: 'Connect…' }).click();
    await page.getByTestId('unc-connect-picker').click();
    await page.keyboard.type('SYS-CONN');
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: 'SYS-CONNECT', visible: true }).click();
    await until('the connect preview', async () => /from 179 to 61/.test((await page.getByTestId('unc-connect-effect').textContent()) ?? ''));
    await shot(page, 'unc-connect-preview');
    expect((await platformStock(sim, shop.shopId)).get(d)).toBe(179);
    await page.getByTestId('unc-connect-ok').click();
    await row.waitFor({ state: 'detached' });
    await until('the platform to show 61', async () => (await platformStock(sim, shop.shopId)).get(d) === 61, 30_000);
    expect(ext.pageErrors.filter((e) => !/Failed to load resource: net::ERR_/.test(e))).toEqual([]);
  });
});
