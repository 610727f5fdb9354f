// The fake seller consoles in a real Chromium (playwright-core, headless): SPA navigation with
// history.pushState and asynchronous re-renders (no page load), back/forward, Shopee's variant
// expansion and pinned tables, Polaris row clicks, WooCommerce Quick Edit (row replaced inside
// #the-list), hostile titles never executed, no page errors. Skipped when Chromium is missing —
// except with CI=true, where a missing Chromium fails the file (as the e2e global setup does).
// Set CONSOLE_SCREENSHOTS=/some/dir to save a screenshot of every list page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, isCI, MISSING_CHROMIUM } from '../e2e/support/chromium';
import { ctl, newShop, sim } from './helpers.ts';
import type { Simulator } from './server.ts';

const CHROMIUM = findChromium();
if (!CHROMIUM && isCI) throw new Error(`CI=true: the browser tests of the consoles must run. ${MISSING_CHROMIUM}`);
const SHOTS = process.env.CONSOLE_SCREENSHOTS;
const HOSTILE = `<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>"'&`;

let s: Simulator;
let browser: Browser;

describe.skipIf(!CHROMIUM)('consoles in Chromium', () => {
  beforeAll(async () => {
    s = await sim();
    browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, headless: true, args: ['--no-sandbox'] });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  interface Tab {
    page: Page;
    errors: string[];
    dialogs: string[];
  }
  async function open(url: string): Promise<Tab> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return { page, errors, dialogs };
  }
  const renders = (page: Page, n: number): Promise<unknown> =>
    page.waitForFunction((k) => {
      const c = (window as any).__simConsole;
      return c && c.renders >= k && !c.busy;
    }, n);
  async function clean(t: Tab): Promise<void> {
    expect(t.errors).toEqual([]);
    expect(t.dialogs).toEqual([]);
    expect(await t.page.evaluate(() => ((window as any).__simConsole?.errors ?? []) as string[])).toEqual([]);
    expect(await t.page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    await t.page.close();
  }
  async function items(shopId: string): Promise<any[]> {
    return (await ctl(s, 'GET', `/shops/${encodeURIComponent(shopId)}/items`)).body;
  }
  const shot = async (page: Page, name: string): Promise<void> => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  it('Shopee (live shapes): rows appear while scrolling, in the main body and the pinned action column alike; models expand in the row', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 60, variantsPerItem: 2 });
    const list = (await items(shop.shopId)).reverse();
    const t = await open(shop.consoleUrl);
    const { page } = t;
    await renders(page, 1);
    const counts = () => page.evaluate(() => [document.querySelectorAll('.eds-table__main-body tbody tr.eds-table__row').length, document.querySelectorAll('.eds-table__fix-right .eds-table__fix-body tbody tr.eds-table__row').length]);
    expect(await counts()).toEqual([10, 10]);
    for (let i = 0; i < 10 && (await counts())[0]! < 48; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(150);
    }
    expect(await counts()).toEqual([48, 48]);
    const names = await page.locator('.eds-table__main-body tbody tr.eds-table__row input.eds-checkbox__input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
    expect(names).toEqual(list.slice(0, 48).map((i) => i.itemId));
    const diffs = await page.evaluate(() => {
      const m = [...document.querySelectorAll('.eds-table__main-body tbody tr')].map((r) => (r as HTMLElement).offsetHeight);
      const r = [...document.querySelectorAll('.eds-table__fix-right .eds-table__fix-body tbody tr')].map((x) => (x as HTMLElement).offsetHeight);
      return m.map((h, i) => h - r[i]!);
    });
    expect(diffs.every((d) => d === 0)).toBe(true);
    const first = page.locator('.eds-table__main-body tbody tr.eds-table__row').first();
    await first.locator('.product-more-models').click();
    expect(await first.locator('.model-list-item .variation-name-info-sku').allTextContents()).toEqual(list[0].variants.map((v: any) => `Model ID: ${v.variantId}`));
    await first.locator('a.product-name-wrap').click();
    await renders(page, 2);
    expect(new URL(page.url()).pathname).toBe(`/console/shopee/portal/product/${list[0].itemId}/`);
    await clean(t);
  });

  it('Shopee (previous build): first data render replaces the rows; pager and product links navigate with pushState; back; variants; selection', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 60, variantsPerItem: 2 });
    const list = (await items(shop.shopId)).reverse();
    const t = await open(`${shop.consoleUrl}&markup=previous`);
    const { page } = t;
    const before = await page.evaluateHandle(() => document.querySelector('.product-variation-item'));
    const early = await page.evaluate(() => (window as any).__simConsole.renders);
    await page.evaluate(() => ((window as any).__marker = 'same document'));
    await renders(page, 1);
    if (early === 0) expect(await before.evaluate((el) => el!.isConnected)).toBe(false); // decorations on server-rendered rows are lost
    await shot(page, 'shopee-list');

    await page.click('.eds-pager__page:text-is("2")');
    await renders(page, 2);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.evaluate(() => (window as any).__marker)).toBe('same document');
    expect(await page.locator('.eds-table__fix-left tbody tr.eds-table__row').count()).toBe(12);
    expect(await page.locator('.eds-table__main-body tbody tr.eds-table__row').count()).toBe(12);

    await page.goBack();
    await renders(page, 3);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(await page.locator('.eds-table__fix-left tbody tr.eds-table__row').count()).toBe(48);

    const first = page.locator('.eds-table__fix-left tbody tr.eds-table__row').first();
    await first.locator('.product-more-models').click();
    expect(await first.locator('.model-list-item .model-id').allTextContents()).toEqual(list[0].variants.map((v: any) => `Model ID: ${v.variantId}`));
    const [lh, mh] = await page.evaluate(() => [
      (document.querySelector('.eds-table__fix-left tbody tr') as HTMLElement).offsetHeight,
      (document.querySelector('.eds-table__main-body tbody tr') as HTMLElement).offsetHeight,
    ]);
    expect(lh).toBe(mh);
    await first.locator('input[type=checkbox]').check();
    expect(await page.locator('.selected-count').textContent()).toBe('1 selected');
    expect(await page.locator('.eds-table__main-body tbody tr').first().getAttribute('class')).toContain('eds-table__row--selected');

    await first.locator('a.product-name-wrap').click();
    await renders(page, 4);
    expect(new URL(page.url()).pathname).toBe(`/console/shopee/portal/product/${list[0].itemId}`);
    expect(await page.inputValue('input[name=name]')).toBe(list[0].title);
    expect(await page.evaluate(() => (window as any).__marker)).toBe('same document');
    await clean(t);
  });

  it('Lazada and TikTok: the URL is rewritten with replaceState; pager and Edit buttons are in-app navigations', async () => {
    for (const platform of ['lazada', 'tiktok'] as const) {
      const shop = await newShop(s, { platform, items: 45, variantsPerItem: 2 });
      const t = await open(shop.consoleUrl);
      const { page } = t;
      await page.evaluate(() => ((window as any).__marker = 1));
      await renders(page, 1);
      const u = new URL(page.url());
      if (platform === 'lazada') expect(u.searchParams.get('tab')).toBe('online_product');
      else expect([u.searchParams.get('tab'), u.searchParams.get('shop_region')]).toEqual(['active', 'US']);
      await shot(page, `${platform}-list`);
      await page.click(platform === 'lazada' ? '.next-pagination-item.next-next' : '.core-pagination-item-next');
      await renders(page, 2);
      expect(new URL(page.url()).searchParams.get(platform === 'lazada' ? 'current' : 'page')).toBe('2');
      const rows = platform === 'lazada' ? 'tbody tr.next-table-row' : 'tbody tr.core-table-tr';
      expect(await page.locator(rows).count()).toBeGreaterThan(0);
      await page.locator(`${rows} input[type=checkbox]`).first().check();
      expect(await page.locator(rows).first().getAttribute('class')).toContain('selected');
      if (platform === 'tiktok') {
        await page.locator('tbody button.core-btn[data-nav*="/product/edit/"]').first().click();
        await renders(page, 3);
        expect(new URL(page.url()).pathname).toMatch(/^\/console\/tiktok\/product\/edit\/\d{19}$/);
      } else {
        await page.locator('tbody button.product-edit-btn').first().click();
        await renders(page, 3);
        expect(new URL(page.url()).pathname).toBe('/console/lazada/apps/product/publish');
      }
      expect(await page.evaluate(() => (window as any).__marker)).toBe(1);
      await clean(t);
    }
  });

  it('Shopify: a click on a row follows its data-primary-link; cursor pages', async () => {
    const shop = await newShop(s, { platform: 'shopify', items: 60, name: 'Row Click Store' });
    const list = (await items(shop.shopId)).reverse();
    const t = await open(shop.consoleUrl);
    const { page } = t;
    await renders(page, 1);
    await shot(page, 'shopify-list');
    await page.locator('tr[class*="Polaris-IndexTable__TableRow"]').nth(2).locator('td').nth(4).click();
    await renders(page, 2);
    expect(new URL(page.url()).pathname).toBe(`/console/shopify/store/row-click-store/products/${list[2].itemId.split('/').pop()}`);
    expect(await page.inputValue('input[name=title]')).toBe(list[2].title);
    await page.goBack();
    await renders(page, 3);
    await page.click('[aria-label="Next"]');
    await renders(page, 4);
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    expect(await page.locator('tr[class*="Polaris-IndexTable__TableRow"]').count()).toBe(10);
    await page.locator('tbody input[type=checkbox]').first().check();
    expect(await page.locator('tbody tr').first().getAttribute('class')).toMatch(/Polaris-IndexTable__TableRow--selected_/);
    await clean(t);
  });

  it('WooCommerce: full page loads; Quick Edit swaps the row for an edit row and back, Update replaces the row', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 30, variantsPerItem: 1 });
    const it = (await items(shop.shopId)).pop();
    const t = await open(shop.consoleUrl);
    const { page } = t;
    await shot(page, 'woocommerce-list');
    await page.evaluate((id) => ((document.getElementById(`post-${id}`) as any).__decorated = true), it.itemId);
    const row = `#the-list > tr#post-${it.itemId}`;
    await page.hover(row);
    await page.click(`${row} button.editinline`);
    expect(await page.isVisible(`#the-list > tr#edit-${it.itemId}`)).toBe(true);
    expect(await page.isHidden(row)).toBe(true);
    expect(await page.evaluate((id) => document.getElementById(`post-${id}`)!.nextElementSibling!.matches('tr.hidden'), it.itemId)).toBe(true);
    expect(await page.inputValue(`#edit-${it.itemId} input[name=_stock]`)).toBe(String(it.variants[0].stock));
    await page.click(`#edit-${it.itemId} .cancel`);
    expect(await page.locator(`#edit-${it.itemId}`).count()).toBe(0);
    expect(await page.isVisible(row)).toBe(true);
    expect(await page.evaluate((id) => (document.getElementById(`post-${id}`) as any).__decorated, it.itemId)).toBe(true); // same element after Cancel

    await page.hover(row);
    await page.click(`${row} button.editinline`);
    await page.fill(`#edit-${it.itemId} input[name=_stock]`, '77');
    await page.click(`#edit-${it.itemId} .save`);
    await page.waitForFunction((id) => !document.getElementById(`edit-${id}`), it.itemId);
    expect(await page.textContent(`${row} td.column-is_in_stock`)).toContain('(77)');
    expect(await page.evaluate((id) => (document.getElementById(`post-${id}`) as any).__decorated, it.itemId)).toBeUndefined(); // a new element
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/items/${it.itemId}`)).body.variants[0].stock).toBe(77);
    expect(await page.locator('#the-list > tr').count()).toBe(20);

    await page.evaluate(() => ((window as any).__marker = 1));
    await Promise.all([page.waitForLoadState('load'), page.click('.tablenav.top a.next-page')]);
    expect(new URL(page.url()).searchParams.get('paged')).toBe('2');
    expect(await page.evaluate(() => (window as any).__marker)).toBeUndefined(); // a real page load
    expect(await page.locator('#the-list > tr[id^="post-"]').count()).toBe(10);
    await clean(t);
  });

  it('hostile titles are shown as text and never run, on lists, product pages, variant lists and Quick Edit', async () => {
    for (const platform of ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'] as const) {
      const shop = await newShop(s, { platform, items: 3, variantsPerItem: platform === 'woocommerce' ? 1 : 2, name: platform === 'shopify' ? 'Hostile Store' : `<img src=x onerror="globalThis.__pwned=9">` });
      const it = (await items(shop.shopId)).pop();
      await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${encodeURIComponent(it.itemId)}`, { title: HOSTILE, status: 'active' });
      const t = await open(shop.consoleUrl);
      const { page } = t;
      if (platform !== 'woocommerce') await renders(page, 1);
      if (platform === 'tiktok') expect(await page.locator('[class^="productTitle__"]').first().evaluate((el) => el.firstChild!.textContent)).toBe(HOSTILE); // the id span follows the title text
      else expect(await page.getByText(HOSTILE, { exact: true }).count()).toBeGreaterThan(0);
      if (platform === 'shopee') await page.locator('.product-more-models').first().click();
      if (platform === 'woocommerce') {
        await page.hover(`#post-${it.itemId}`);
        await page.click(`#post-${it.itemId} button.editinline`);
        expect(await page.inputValue(`#edit-${it.itemId} input[name=post_title]`)).toBe(HOSTILE);
        await page.click(`#edit-${it.itemId} .save`);
        await page.waitForFunction((id) => !document.getElementById(`edit-${id}`), it.itemId);
        expect((await ctl(s, 'GET', `/shops/${shop.shopId}/items/${it.itemId}`)).body.title).toBe(HOSTILE);
      } else {
        const link = { shopee: 'a.product-name-wrap', lazada: 'button.product-edit-btn', tiktok: 'tbody button.core-btn[data-nav*="/product/edit/"]', shopify: 'a[data-primary-link]' }[platform];
        await page.locator(link).first().click();
        await renders(page, 2);
        expect(await page.locator('input').evaluateAll((els, h) => els.some((e) => (e as HTMLInputElement).value === h), HOSTILE)).toBe(true);
      }
      await page.waitForTimeout(100);
      await clean(t);
    }
  });
});
