// Shelfsync inside the fake WooCommerce products screen (tests/simulator/consoles/woocommerce.ts),
// not a single-page app: the shared console suite (tests/fixtures/consoles/harness.ts) with page
// loads for paging and the edit screen, plus Quick Edit swapping rows.
import { expect, it } from 'vitest';
import { consoleSuite, controlOf, controlsOnEveryRow, rowIds } from '../fixtures/consoles/harness';

const ROWS = '#the-list > tr[id^="post-"]';

consoleSuite({
  platform: 'woocommerce',
  rows: ROWS,
  list50: (u) => u,
  listed: (s) => s !== 'trash',
  previousRows: ROWS,
  changedMarkup: 'rows',
  nextPage: (page) => page.locator('.tablenav.top a.next-page').click(),
  away: {
    toProduct: (page) => page.locator('#the-list a.row-title').first().click(),
    back: async (page) => {
      await page.goBack();
    },
  },
}, (world) => {
  it('Quick Edit: the hidden row keeps its controls, the row WordPress swaps in gets new ones', async () => {
    const w = world();
    const page = await w.open();
    const rows = await controlsOnEveryRow(page, ROWS);
    const id = (await rowIds(page, ROWS))[1]!;
    const row = page.locator(`#post-${id}`);
    await row.hover();
    await row.locator('button.editinline').click();
    await page.locator(`#edit-${id}`).waitFor();
    expect(await page.locator('#the-list tr.inline-editor shelfsync-row').count()).toBe(0);
    await page.locator(`#edit-${id} .cancel`).click();
    await page.locator(`#edit-${id}`).waitFor({ state: 'detached' });
    expect(await controlOf(page, id, 'sync-now').count()).toBe(1);

    await row.hover();
    await row.locator('button.editinline').click();
    await page.locator(`#edit-${id} input[name="post_title"]`).fill('Renamed in Quick Edit');
    await page.locator(`#edit-${id} .save`).click();
    await page.locator(`#edit-${id}`).waitFor({ state: 'detached' });
    expect(await page.locator(`#post-${id} .row-title`).textContent()).toBe('Renamed in Quick Edit');
    await expect.poll(() => controlOf(page, id, 'sync-now').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('shelfsync-row').count()).toBe(rows);
  });

  it('registers the WooCommerce script for the connected site (run-time registration, as in production)', async () => {
    const w = world();
    const worker = w.ext.context.serviceWorkers()[0] ?? w.ext.worker;
    const scripts = await worker.evaluate(() => (globalThis as any).chrome.scripting.getRegisteredContentScripts());
    const site = new URL(w.shop.apiBaseUrl);
    expect(scripts).toEqual([expect.objectContaining({ id: 'shelfsync-woocommerce', js: ['content-scripts/woocommerce.js'], matches: expect.arrayContaining([`http://${site.hostname}${site.pathname.replace(/\/$/, '')}/wp-admin/*`]) })]);
  });
});
