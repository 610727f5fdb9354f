// Issue 20 in the dashboard, in Chromium against the strict simulator: a Lazada listing (two
// variants, three images) is cloned to a Shopee store; on the copy's edit page the seller picks
// Shopee's category from its tree (by words), fills the category's required attributes in their
// own fields and picks a brand from Shopee's list, leaves the logistics channels at the shop's
// default, and releases. Shopee then holds the item with images from its own media space, that
// category, those attributes and a logistics channel.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { findChromium } from './support/chromium';
import { launchExtension, type LaunchedExtension } from './support/extension';
import { must, simControl as control, waitForJob } from './support/world';

const extensionDir = process.env.SHELFSYNC_TEST_BUILD || undefined;
const SHOTS = process.env.SHELFSYNC_SHOTS ?? '';
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

interface SimShop { shopId: string; apiBaseUrl: string; authBaseUrl: string; authorizeBaseUrl?: string; mediaBaseUrl: string; credentials: Record<string, string> }
interface SimItem { itemId: string; title: string; variants: { sellerSku: string; stock: number }[] }
interface Held { itemId: string; images: string[]; categoryId: string; attributes: { id: string; value: string }[]; brand: string | null; logistics?: string[] }
interface Attr { id: string; name: string; required: boolean; inputType: string; options: { id?: string; name: string }[] }

async function connectAndDownload(page: Page, shop: SimShop, platform: string, name: string): Promise<number> {
  const store = await must(page, 'stores.connect', { platform, name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  expect((await waitForJob(page, (await must(page, 'stores.download', { id: store.id, mode: 'full' })).jobId)).status).toBe('succeeded');
  return store.id;
}

/** Opens an antd Select by its test id and clicks the visible option with this text. */
async function chooseOption(page: Page, testId: string, text: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: text, visible: true }).first().click();
  await page.keyboard.press('Escape');
}

describe.skipIf(!findChromium())('Lazada → Shopee through the dashboard: category from the tree, attributes, brand, release with Shopee-hosted images', () => {
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

  it('clones, picks the category, fills the required attributes and brand, keeps the default channels, releases; Shopee holds it as chosen', async () => {
    const page = await ext.open('dashboard.html#/store-products');
    const lazadaShop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'lazada', items: 0, seed: 81 });
    const shopeeShop = await control<SimShop>(sim, 'POST', '/__sim/shops', { platform: 'shopee', items: 0, seed: 82 });
    const images = [1, 2, 3].map((n) => `${sim.url}/__sim/images/e2e-tote-${n}.jpg`);
    const skus = ['E2E-TOTE-S', 'E2E-TOTE-L'];
    await control(sim, 'POST', `/__sim/shops/${lazadaShop.shopId}/items`, {
      title: 'Canvas Tote Bag', description: 'A canvas tote bag.', images,
      variants: [{ sellerSku: skus[0], stock: 40, price: 19.5, option: 'S' }, { sellerSku: skus[1], stock: 40, price: 21, option: 'L' }],
    });
    const warehouse = await must(page, 'warehouses.create', { name: 'Main DC' });
    for (const sku of skus) {
      await must(page, 'products.create', { sku, name: `System ${sku}` });
      await must(page, 'inventory.adjust', { warehouseId: warehouse.id, sku, onHand: 12 });
    }
    const lazada = await connectAndDownload(page, lazadaShop, 'lazada', 'Lazada Bags');
    const shopee = await connectAndDownload(page, shopeeShop, 'shopee', 'Shopee Bags');
    await must(page, 'syncRules.create', { name: 'Shopee', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse.id], storeIds: [shopee] });
    const [listing] = (await must(page, 'storeProducts.list', { storeId: lazada, pageSize: 10 })).items as { platformItemId: string }[];

    // Clone from Lazada's Store products to the Shopee store.
    await page.goto(page.url().replace(/#.*/, `#/store-products?platform=lazada&store=${lazada}`));
    await page.getByTestId(`sp-row-${listing!.platformItemId}`).locator('.ant-checkbox-input').check();
    await page.getByTestId('sp-clone').click();
    await page.getByTestId('clone-stores').click();
    await page.keyboard.type('shopee');
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: 'Shopee Bags', visible: true }).click();
    await page.getByTestId('clone-modal').getByText('Destination stores').click();
    // The images are no obstacle any more: release hosts them on Shopee.
    expect(await page.getByTestId('clone-marketplace-note').textContent()).toContain("Release uploads the images into the marketplace's own image hosting");
    await page.getByTestId('clone-confirm').click();
    await page.getByTestId(`clone-open-${shopee}`).click();
    const draft = (await must(page, 'drafts.list', { storeId: shopee, page: 1, pageSize: 10 })).items[0] as { id: number; imageUrls: string[] };
    // Lazada keeps its listings' images in its own hosting: those are what Shopee must take.
    expect(draft.imageUrls).toHaveLength(3);
    expect(draft.imageUrls.every((u) => u.startsWith(lazadaShop.mediaBaseUrl))).toBe(true);
    await page.getByTestId(`draft-title-${draft.id}`).click();
    await page.getByTestId('draft-category-picker').waitFor();
    expect(await page.getByTestId('draft-problem-categoryId').textContent()).toBe('Shopee needs a category for every listing; choose one.');

    // Shelfsync suggests a leaf sharing the words of the source's category path (or of its title
    // where the source's category is not in Lazada's tree as read).
    await expect.poll(() => page.getByTestId('draft-category-suggested').textContent(), { timeout: 10_000 }).toContain('Tote Bags');
    await shot(page, 'shopee-draft-open');
    // The category: words typed into the picker, a leaf chosen by its path.
    await page.getByTestId('draft-category-picker').click();
    await page.keyboard.type('tote bags');
    await page.locator('.ant-select-dropdown .ant-select-tree-node-content-wrapper').filter({ hasText: 'Tote Bags', visible: true }).first().waitFor();
    await shot(page, 'shopee-category-search');
    await page.locator('.ant-select-dropdown .ant-select-tree-node-content-wrapper').filter({ hasText: 'Bags & Travel › Handbags › Tote Bags', visible: true }).click();
    await expect.poll(async () => (await must(page, 'drafts.get', { id: draft.id })).categoryId, { timeout: 10_000 }).toMatch(/^\d+$/);
    const categoryId = (await must(page, 'drafts.get', { id: draft.id })).categoryId as string;
    const attrs = ((await must(page, 'catalog.attributes', { storeId: shopee, categoryId })).items as Attr[]).filter((a) => a.required);
    expect(attrs.length).toBeGreaterThan(0);

    // The required attributes, each in its own kind of field.
    await page.getByTestId('draft-attributes').waitFor();
    const expected = new Map<string, string>();
    for (const a of attrs) {
      expect(await page.getByTestId(`draft-problem-attributes.${a.id}`).textContent()).toContain(`"${a.name}"`);
      if (a.options.length) {
        await chooseOption(page, `draft-attr-${a.id}`, a.options[0]!.name);
        expected.set(a.id, a.options[0]!.name);
      } else if (a.inputType === 'number') {
        await page.getByTestId(`draft-attr-${a.id}`).fill('3');
        expected.set(a.id, '3');
      } else {
        await page.getByTestId(`draft-attr-${a.id}`).fill('Daytripper');
        expected.set(a.id, 'Daytripper');
      }
    }
    // A brand from Shopee's list (not "No brand").
    const brands = (await must(page, 'catalog.brands', { storeId: shopee, categoryId })).items as { id: string; name: string }[];
    const brand = brands.find((b) => b.id !== '0')!;
    await page.getByTestId('draft-brand-picker').click();
    await page.keyboard.type(brand.name);
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: brand.name, visible: true }).first().click();
    // Logistics left as it is: the channels the shop has enabled.
    const channels = ((await must(page, 'catalog.logistics', { storeId: shopee })).items as { id: string; enabled: boolean }[]).filter((c) => c.enabled).map((c) => c.id);
    await expect.poll(async () => (await must(page, 'drafts.get', { id: draft.id })).logisticsChannelIds, { timeout: 10_000 }).toEqual(channels);
    // The package weight, if the Lazada listing did not carry one.
    if (await page.getByTestId('draft-problem-weightGrams').count()) await page.getByTestId('draft-weight').fill('400');
    await expect.poll(() => page.getByTestId('draft-problem-count').textContent(), { timeout: 15_000 }).toBe('Ready to release.');
    await expect.poll(() => page.getByTestId('draft-save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    expect((await must(page, 'drafts.get', { id: draft.id })).validation).toEqual([]);
    await shot(page, 'shopee-draft-filled');

    // Release: the images go into Shopee's media space first, then the item is created.
    await page.getByTestId('draft-release').click();
    await page.getByTestId('release-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId(`release-row-${draft.id}`).textContent()).toContain('Released');
    await shot(page, 'shopee-released');

    const item = (await control<SimItem[]>(sim, 'GET', `/__sim/shops/${shopeeShop.shopId}/items`)).find((i) => i.title === 'Canvas Tote Bag')!;
    expect(item).toBeTruthy();
    expect(item.variants.map((v) => [v.sellerSku, v.stock]).sort()).toEqual(skus.map((s) => [s, 12]).sort());
    const held = await control<Held>(sim, 'GET', `/__sim/shops/${shopeeShop.shopId}/items/${item.itemId}`);
    expect(held.images).toHaveLength(3);
    expect(held.images.every((u) => u.startsWith(shopeeShop.mediaBaseUrl)), held.images.join(' ')).toBe(true);
    expect(held.categoryId).toBe(categoryId);
    for (const a of attrs) expect(held.attributes.find((x) => x.id === a.id)?.value, a.name).toBe(expected.get(a.id));
    expect(held.brand).toBe(brand.name);
    expect(held.logistics?.length).toBeGreaterThan(0);
    expect(held.logistics).toEqual(channels);
  });
});
