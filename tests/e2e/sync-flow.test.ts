// Flows 4–7 (issue 6) in the built extension against the platform simulator, through the
// dashboard UI: set up a sync rule with the gear icon (with its preview), sync selected listings
// once and read the result, switch auto sync on (More → Auto synchronization), change stock on
// the Stock page, and see the new quantity arrive at the simulated platform, in the sync status
// column and in the listing's sync log.
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

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function choose(page: Page, testId: string, text: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: text, visible: true }).click();
}

const realErrors = (ext: LaunchedExtension) => ext.pageErrors.filter((e) => !/Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/.test(e));

describe.skipIf(!findChromium())('sync rule, manual sync, auto sync and the sync log in Chromium', () => {
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

  it('rule with preview → Sync inventory → auto sync on → a stock change reaches the platform, the sync status and the log', async () => {
    const page = await ext.open('dashboard.html#/store-products');
    const shop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 4, variantsPerItem: 2, seed: 61, skuPrefix: 'SYN' });
    const platformStock = async () => new Map((await control<SimItem[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`)).flatMap((i) => i.variants.map((v) => [v.sellerSku, v.stock] as const)));
    const items = await control<SimItem[]>(sim, 'GET', `/__sim/shops/${shop.shopId}/items`);
    const stockCalls = async () => (await control<{ stockUpdateCalls: number }>(sim, 'GET', `/__sim/stats?shopId=${shop.shopId}`)).stockUpdateCalls;

    // Inventory set up first (the seed: "make sure your inventory is set up properly"):
    // 100 on hand per SKU in W1, and for the first SKU 100 more in transit on a purchase order.
    const w1 = await must(page, 'warehouses.create', { name: 'Main DC', code: 'W1' });
    for (const v of items.flatMap((i) => i.variants)) {
      await must(page, 'products.create', { sku: v.sellerSku, name: `System ${v.sellerSku}` });
      await must(page, 'inventory.adjust', { warehouseId: w1.id, sku: v.sellerSku, onHand: 100 });
    }
    const [first, second] = items as [SimItem, SimItem];
    const sku1 = first.variants[0]!.sellerSku;
    const sku3 = second.variants[0]!.sellerSku;
    await must(page, 'purchaseOrders.create', { warehouseId: w1.id, lines: [{ sku: sku1, quantity: 100 }] });
    const store = await must(page, 'stores.connect', { platform: 'shopee', name: 'Shopee Sync', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, credentials: shop.credentials });
    const { jobId } = await must(page, 'stores.download', { id: store.id, mode: 'full' });
    await expect.poll(async () => (await must(page, 'jobs.get', { id: jobId })).status, { timeout: 60_000 }).toBe('succeeded');
    const listings = (await must(page, 'storeProducts.list', { storeId: store.id, pageSize: 50 })).items as { id: number; platformItemId: string; variants: { id: number; sellerSku: string }[] }[];
    const listingOf = (itemId: string) => listings.find((l) => l.platformItemId === String(itemId))!;
    const variantOf = (sku: string) => listings.flatMap((l) => l.variants).find((v) => v.sellerSku === sku)!;
    const row = (itemId: string) => page.getByTestId(`sp-row-${itemId}`);
    const syncIcon = (itemId: string) => page.getByTestId(`sp-sync-${listingOf(itemId).id}`);
    const before = await platformStock();

    // Into the store through the module.
    await expect.poll(() => page.getByTestId('sp-platform-count-shopee').textContent()).toBe('1 connected store');
    // The platform's only store: straight into it, no store to pick.
    await page.getByTestId('sp-platform-shopee').click();
    await row(first.itemId).waitFor();
    expect(await syncIcon(first.itemId).getAttribute('data-status')).toBe('never');

    // No rule yet: Sync inventory is refused with the background's sentence; nothing is sent.
    await row(first.itemId).locator('.ant-checkbox-input').check();
    await page.getByTestId('sp-sync-selected').click();
    await page.getByText('Shopee Sync has no sync rule, so Shelfsync has no number to push and sends nothing.', { exact: false }).waitFor();
    await shot(page, 'sync-no-rule');
    expect(await stockCalls()).toBe(0);

    // 4. The rule, from the no-rule dialog's button (the gear icon's drawer), with a preview.
    await page.getByRole('button', { name: 'Set up a sync rule' }).click();
    await page.getByTestId('rules-store-status').waitFor();
    expect(await page.getByTestId('rules-store-status').textContent()).toContain('No rule covers Shopee Sync yet');
    await page.getByTestId('rules-add').click();
    await page.getByTestId('rule-name').fill('Seed rule');
    await page.getByTestId('rule-type-transit').click();
    await page.getByTestId('rule-ratio').fill('80');
    await expect.poll(() => page.getByTestId('rule-example').textContent()).toBe('With 100 sellable and 100 in transit, 80 % pushes 160.');
    await choose(page, 'rule-warehouses', 'Main DC (W1)');
    await shot(page, 'sync-rule-form');
    await page.getByTestId('rule-preview-button').click();
    const preview = page.getByTestId('rule-preview');
    await preview.waitFor();
    expect(await page.getByTestId('rule-preview-summary').textContent()).toBe('8 variants change their pushed quantity; 0 stay the same.');
    expect(await preview.locator('tr', { hasText: sku1 }).textContent()).toContain('160');
    await shot(page, 'sync-rule-preview');
    await page.getByTestId('rule-confirm').click();
    await page.getByTestId('rule-row-Seed rule').waitFor();
    await expect.poll(() => page.getByTestId('rules-store-status').textContent()).toBe('Shopee Sync follows the rule "Seed rule".');
    await page.getByTestId('rules-drawer').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('rules-drawer').waitFor({ state: 'hidden' });

    // The push quantity column now has the numbers, and explains them.
    const v1 = variantOf(sku1);
    await expect.poll(() => page.getByTestId(`sp-push-${v1.id}`).textContent()).toMatch(/^160/);
    await page.getByTestId(`sp-explain-open-${v1.id}`).click();
    await expect.poll(() => page.getByTestId('sp-explain-result').textContent()).toBe('80 % × 200 = 160 (rounded down)');
    await shot(page, 'sync-explain');
    await page.keyboard.press('Escape');

    // 5. Manual sync of two selected listings: progress, then the result per listing.
    await row(second.itemId).locator('.ant-checkbox-input').check();
    await expect.poll(() => page.getByTestId('sp-selected-count').textContent()).toContain('2 selected');
    await page.getByTestId('sp-sync-selected').click();
    const result = page.getByTestId('sync-job-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sync-job-success').textContent()).toContain('4');
    expect(await page.getByTestId('sync-job-listings').locator('tbody tr').count()).toBe(2);
    await shot(page, 'sync-manual-result');
    await page.getByTestId('sync-job-close').click();
    const afterManual = await platformStock();
    expect(afterManual.get(sku1)).toBe(160);
    expect(afterManual.get(sku3)).toBe(80);
    // Listings not selected were not touched.
    const untouched = items[2]!.variants[0]!.sellerSku;
    expect(afterManual.get(untouched)).toBe(before.get(untouched));
    await expect.poll(() => syncIcon(first.itemId).getAttribute('data-status')).toBe('success');
    expect(await syncIcon(first.itemId).getAttribute('data-auto')).toBe('off');

    // 6. Auto sync on for the first listing: More → Auto synchronization.
    await page.getByTestId('sp-selected-count').getByText('Clear selection').click();
    await row(first.itemId).locator('.ant-checkbox-input').check();
    await page.getByTestId('sp-more').click();
    await page.getByTestId('sp-more-auto-on').click();
    // Switching on asks first, with what it pushes.
    await page.getByTestId('sp-auto-on-dialog').waitFor();
    await page.getByTestId('sp-auto-on-confirm').click();
    await page.getByText('Auto sync switched on for 1 listing.').waitFor();
    await expect.poll(() => syncIcon(first.itemId).getAttribute('data-auto')).toBe('on');
    expect(await syncIcon(second.itemId).getAttribute('data-auto')).toBe('off');
    await shot(page, 'sync-auto-on');

    // 7. Change stock on the Stock page: +50 for the first SKU (auto sync on), +50 for the third
    //    (its listing is not on auto sync).
    await page.getByRole('menuitem', { name: 'Stock', exact: true }).click();
    for (const sku of [sku1, sku3]) {
      await page.getByTestId(`stock-adjust-${sku}-W1`).click();
      await page.getByTestId('adjust-mode-add').click();
      await page.getByTestId('adjust-quantity').fill('50');
      await page.getByTestId('adjust-reason').fill('e2e delivery');
      await page.getByTestId('adjust-submit').click();
      await expect.poll(() => page.getByTestId(`stock-row-${sku}-W1`).getByTestId('stock-onHand').textContent()).toBe('150');
    }

    // The new number reaches the platform: 80 % × (150 + 100) = 200. The other stays at 80.
    await expect.poll(async () => (await platformStock()).get(sku1), { timeout: 20_000 }).toBe(200);
    expect((await platformStock()).get(sku3)).toBe(80);

    // …and the store product list: push quantity, sync status; the listing's sync log.
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/store-products?platform=shopee&store=${store.id}`);
    await row(first.itemId).waitFor();
    await expect.poll(() => page.getByTestId(`sp-push-${v1.id}`).textContent()).toMatch(/^200/);
    await expect.poll(() => syncIcon(first.itemId).getAttribute('data-status')).toBe('success');
    expect(await syncIcon(first.itemId).getAttribute('data-auto')).toBe('on');
    await shot(page, 'sync-after-stock-change');
    await page.getByTestId(`sp-title-${listingOf(first.itemId).id}`).click();
    const log = page.getByTestId('spd-log');
    await log.waitFor();
    const stockRow = log.locator('[data-testid^="log-row-"]', { hasText: 'Stock change' }).filter({ hasText: sku1 });
    await expect.poll(() => stockRow.count()).toBeGreaterThan(0);
    expect(await stockRow.first().getAttribute('data-quantity')).toBe('200');
    expect(await stockRow.first().getAttribute('data-status')).toBe('success');
    expect(await log.locator('[data-testid^="log-row-"]', { hasText: 'Manual sync' }).count()).toBe(2);
    await shot(page, 'sync-listing-log');

    // The Sync log page shows every push, filtered by store and status.
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/sync-log`);
    await choose(page, 'log-filter-store', 'Shopee Sync');
    await expect.poll(() => page.locator('[data-testid^="log-row-"]').count()).toBeGreaterThanOrEqual(5);
    await choose(page, 'log-filter-status', 'Failed');
    await expect.poll(() => page.locator('[data-testid^="log-row-"]').count()).toBe(0);
    await shot(page, 'sync-log-page');
    expect(realErrors(ext)).toEqual([]);
  });
});
