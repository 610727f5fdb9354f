// Shelfsync inside the fake Shopee Seller Centre (tests/simulator/consoles/shopee.ts): the shared
// console suite (tests/fixtures/consoles/harness.ts) on the live shapes — product information in
// the main body, the Action column pinned right, rows arriving while the page scrolls — plus
// Shopee's own turns: models expanded in a row, each with its own status and Sync now, and a page
// forging another store's listing.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { scrollToEveryRow } from './support/consolePerf';
import { must, simControl, until } from './support/world';
import { addStore, autoSyncOff, consoleSuite, controlOf, controls, controlsOnEveryRow, menuClick, rowIds, simStock } from '../fixtures/consoles/harness';

const ROWS = '.eds-table__main-body tbody tr.eds-table__row';
const ACTIONS = '.eds-table__fix-right .eds-table__fix-body tbody tr.eds-table__row';

/** Scrolls until the console has appended every lazy row of the page (none left waiting). */
async function loadAll(page: Page): Promise<void> {
  await scrollToEveryRow(page);
  expect(await page.locator('template.eds-table__lazy').count()).toBe(0);
}

/** Main-body rows and their pinned action rows, side by side: equal heights, row for row. */
async function pairedHeights(page: Page): Promise<number[]> {
  return page.evaluate(([main, actions]) => {
    const m = [...document.querySelectorAll(main!)].map((r) => (r as HTMLElement).offsetHeight);
    const a = [...document.querySelectorAll(actions!)].map((r) => (r as HTMLElement).offsetHeight);
    return m.length === a.length ? m.map((h, i) => h - a[i]!) : [Number.NaN];
  }, [ROWS, ACTIONS] as const);
}

consoleSuite({
  platform: 'shopee',
  rows: ROWS,
  list50: (u) => `${u}&size=50`,
  listed: (s) => !/DELETE/.test(s),
  loadAll,
  previousRows: '.eds-table__fix-left tbody tr.eds-table__row',
  changedMarkup: 'no-rows',
  async nextPage(page) {
    await page.locator('.eds-pager__button-next').click();
  },
  away: {
    toProduct: (page) => page.locator('a.product-name-wrap').first().click(),
    back: (page) => page.locator('.breadcrumb a').first().click(),
  },
}, (world) => {
  it('expanded models: one set of listing controls per row, a status and Sync now on each model line, which pushes that model only', async () => {
    const w = world();
    const page = await w.open();
    await controlsOnEveryRow(page, ROWS);
    const loose = new Set(w.unconnected.map((u) => u.itemId));
    const id = (await rowIds(page, ROWS)).filter((x) => !loose.has(x))[3]!;
    const item = w.items.find((i) => i.itemId === id)!;
    const row = page.locator(`${ROWS}[data-shelfsync-row="${id}"]`);
    await row.locator('.product-more-models').click();
    await page.locator(`${ROWS} .product-more-models`).first().click();
    const lines = row.locator('.model-list-item');
    await expect.poll(() => row.locator('[data-shelfsync="variant-sync-now"]').count(), { timeout: 10_000 }).toBe(item.variants.length);
    expect(await lines.count()).toBe(item.variants.length);
    // (Clicking scrolled the page: more rows may have arrived meanwhile.)
    const rows = await controlsOnEveryRow(page, ROWS);
    expect(await page.locator('shelfsync-row[data-shelfsync-host="row"]').count()).toBe(rows);
    expect(await controls(page, 'sync-now').count()).toBe(rows);
    // Each model line's controls sit on that line, visible, and the pinned action column keeps pace.
    const boxes = await page.evaluate((sel) => {
      return [...document.querySelectorAll(`${sel} .model-list-item`)].map((line) => {
        const host = line.querySelector('shelfsync-row[data-shelfsync-host="variant"]')!;
        const button = host.shadowRoot!.querySelector('[data-shelfsync="variant-sync-now"]')!;
        button.scrollIntoView({ block: 'center' });
        const b = button.getBoundingClientRect();
        const l = line.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return { variant: host.getAttribute('data-shelfsync-variant'), inLine: b.top >= l.top && b.bottom <= l.bottom && b.left >= l.left && b.right <= l.right, hit: hit === host };
      });
    }, `${ROWS}[data-shelfsync-row="${id}"]`);
    expect(boxes).toEqual(item.variants.map((v) => ({ variant: v.variantId, inLine: true, hit: true })));
    await expect.poll(() => pairedHeights(page)).toEqual(Array.from({ length: rows }, () => 0));

    // Sync now on the second model: that model's stock reaches the platform, the first's does not.
    await autoSyncOff(page, id);
    const [first, second] = item.variants;
    for (const v of item.variants) await must(w.dash, 'inventory.adjust', { warehouseId: w.warehouseId, sku: v.sellerSku, onHand: 29 });
    await page.waitForTimeout(1500);
    const before = await simStock(w);
    expect(before.get(second!.sellerSku)).not.toBe(29);
    const line = (v: typeof first) => page.locator(`shelfsync-row[data-shelfsync-variant="${v!.variantId}"]`);
    await expect.poll(() => line(second).locator('[data-shelfsync="variant-sync-now"]').isDisabled()).toBe(false);
    await line(second).locator('[data-shelfsync="variant-sync-now"]').click();
    await until('the model\'s quantity on the platform', async () => (await simStock(w)).get(second!.sellerSku) === 29);
    expect((await simStock(w)).get(first!.sellerSku)).toBe(before.get(first!.sellerSku));
    await expect.poll(() => line(second).locator('[data-shelfsync="variant-note"]').textContent(), { timeout: 15_000 }).toBe('Synced');
    await expect.poll(() => line(second).locator('[data-shelfsync="variant-status"]').getAttribute('data-status')).toBe('success');
    // Collapsing the models takes their controls away; the listing's stay.
    await row.locator('.product-more-models').click();
    await expect.poll(() => row.locator('[data-shelfsync="variant-sync-now"]').count()).toBe(0);
    expect(await controlOf(page, id, 'sync-now').count()).toBe(1);
    expect(w.pageErrors).toEqual([]);
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
    await page.evaluate(([itemId, shopId, main, actions]) => {
      const row = document.querySelector(main!)!.cloneNode(true) as HTMLElement;
      const action = document.querySelector(actions!)!.cloneNode(true) as HTMLElement;
      row.removeAttribute('data-shelfsync-row');
      row.querySelectorAll('shelfsync-row').forEach((h) => h.remove());
      row.querySelector('input.eds-checkbox__input')!.setAttribute('name', itemId!);
      row.querySelector('a.product-name-wrap')!.setAttribute('href', `/console/shopee/portal/product/${itemId}/?shop_id=${shopId}`);
      row.querySelector('.item-id')!.textContent = `Item ID: ${itemId}`;
      row.querySelector('.product-name')!.textContent = 'Forged listing';
      document.querySelector(main!)!.parentElement!.prepend(row);
      document.querySelector(actions!)!.parentElement!.prepend(action);
    }, [target.itemId, other.shop.shopId, ROWS, ACTIONS] as const);
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
