// Shelfsync inside the fake Shopee Seller Centre (tests/simulator/consoles/shopee.ts): the shared
// console suite (tests/fixtures/consoles/harness.ts) plus Shopee's own turns — the variants
// expanded in the pinned table, and a page forging another store's listing.
import { expect, it } from 'vitest';
import { must, simControl } from './support/world';
import { addStore, consoleSuite, controlOf, controls, controlsOnEveryRow, menuClick, rowIds } from '../fixtures/consoles/harness';

const ROWS = '.eds-table__fix-left tbody tr.eds-table__row';

consoleSuite({
  platform: 'shopee',
  rows: ROWS,
  list50: (u) => `${u}&size=50`,
  listed: (s) => !/DELETE/.test(s),
  changedMarkup: 'no-rows',
  async nextPage(page) {
    await page.locator('.eds-pager__button-next').click();
  },
  away: {
    toProduct: (page) => page.locator('a.product-name-wrap').first().click(),
    back: (page) => page.locator('.breadcrumb a').first().click(),
  },
}, (world) => {
  it('keeps one set of controls per listing when the variants are expanded in the pinned table', async () => {
    const w = world();
    const page = await w.open();
    const rows = await controlsOnEveryRow(page, ROWS);
    const more = page.locator('.product-more-models');
    await more.nth(0).click();
    await more.nth(1).click();
    await page.locator('.model-list-item').first().waitFor();
    await page.waitForTimeout(400);
    expect(await page.locator('shelfsync-row').count()).toBe(rows);
    expect(await controls(page, 'sync-now').count()).toBe(rows);
    // The pinned and the main table still pair row by row.
    const heights = await page.evaluate(() => {
      const l = [...document.querySelectorAll('.eds-table__fix-left tbody tr')].map((r) => (r as HTMLElement).offsetHeight);
      const m = [...document.querySelectorAll('.eds-table__main-body tbody tr')].map((r) => (r as HTMLElement).offsetHeight);
      return l.map((h, i) => h - m[i]!);
    });
    expect(heights.every((d) => d === 0)).toBe(true);
    await page.screenshot({ path: process.env.CONSOLE_SCREENSHOTS ? `${process.env.CONSOLE_SCREENSHOTS}/shopee-models.png` : '/dev/null' }).catch(() => undefined);
  });

  it('a page forging another store\'s listing cannot make Shelfsync act on that store', async () => {
    const w = world();
    // Another Shopee store in Shelfsync, downloaded, auto sync off, with a rule: a push to it
    // would show in its log and on its platform.
    const other = await addStore(w, 'shopee', { items: 3, download: true, name: 'Other Shopee' });
    await must(w.dash, 'syncRules.create', { name: 'Other rule', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouseId], storeIds: [other.storeId] });
    const target = other.items[0]!;
    const stockBefore = target.variants.map((v) => v.stock);
    const page = await w.open();
    await controlsOnEveryRow(page, ROWS);
    // The page (its own scripts, main world) adds a row that looks like the other store's listing.
    await page.evaluate(([itemId, shopId]) => {
      const left = document.querySelector('.eds-table__fix-left tbody tr.eds-table__row')!.cloneNode(true) as HTMLElement;
      const main = document.querySelector('.eds-table__main-body tbody tr.eds-table__row')!.cloneNode(true) as HTMLElement;
      left.removeAttribute('data-shelfsync-row');
      left.querySelectorAll('shelfsync-row').forEach((h) => h.remove());
      main.querySelectorAll('shelfsync-row').forEach((h) => h.remove());
      left.querySelector('a.product-name-wrap')!.setAttribute('href', `/console/shopee/portal/product/${itemId}?shop_id=${shopId}`);
      left.querySelector('.item-id')!.textContent = `Item ID: ${itemId}`;
      left.querySelector('.product-name')!.textContent = 'Forged listing';
      document.querySelector('.eds-table__fix-left tbody')!.prepend(left);
      document.querySelector('.eds-table__main-body tbody')!.prepend(main);
    }, [target.itemId, other.shop.shopId] as const);
    const icon = controlOf(page, target.itemId, 'status-icon');
    await expect.poll(() => icon.getAttribute('data-status'), { timeout: 10_000 }).toBe('unknown');
    expect(await controlOf(page, target.itemId, 'sync-now').count()).toBe(0);
    // Ticked and sent through the context menu: the background answers for this page's store only.
    await page.locator(`${ROWS}[data-shelfsync-row="${target.itemId}"] input[type="checkbox"]`).check();
    expect(await rowIds(page, ROWS)).toContain(target.itemId);
    for (const action of ['autoSyncOn', 'sync', 'connect']) {
      const answer = await menuClick(w, page, action);
      expect(answer, action).toMatchObject({ ok: false });
      expect(answer.message).toMatch(/None of these listings is in E2E shopee/);
    }
    const listing = (await must(w.dash, 'storeProducts.list', { storeId: other.storeId, q: target.itemId })).items[0];
    expect(listing.autoSync).toBe(false);
    expect((await must(w.dash, 'syncLogs.list', { storeId: other.storeId })).items).toEqual([]);
    const after = (await simControl<any[]>(w.sim, 'GET', `/__sim/shops/${other.shop.shopId}/items`)).find((i) => i.itemId === target.itemId);
    expect(after.variants.map((v: any) => v.stock)).toEqual(stockBefore);
  });
});
