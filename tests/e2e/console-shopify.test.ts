// Shelfsync inside the fake Shopify admin (tests/simulator/consoles/shopify.ts): Polaris rows that
// follow their link on any click (our controls must not), numeric admin ids turned into product
// GIDs — the shared console suite (tests/fixtures/consoles/harness.ts) — and the condensed
// (narrow window) layout whose rows are `li`.
import { expect, it } from 'vitest';
import { consoleSuite, controlOf, controls, controlsOnEveryRow, invisibleControls, rowIds, syncNowPushes } from '../fixtures/consoles/harness';

const CONDENSED_ROWS = 'li[class*="Polaris-IndexTable__TableRow"]';

consoleSuite({
  platform: 'shopify',
  rows: 'tr[class*="Polaris-IndexTable__TableRow"]',
  list50: (u) => u,
  listed: () => true,
  previousRows: 'tr[class*="Polaris-IndexTable__TableRow"]',
  changedMarkup: 'no-rows',
  nextPage: (page) => page.locator('button[class*="Pagination__NextButton"]').click(),
  away: {
    toProduct: (page) => page.locator('a[data-primary-link]').first().click(),
    back: (page) => page.locator('a.back-link').first().click(),
  },
}, (world) => {
  it('the condensed layout: every li row gets visible controls; a click in them stays there; Sync now pushes', async () => {
    const w = world();
    const url = new URL(w.shop.consoleUrl);
    url.searchParams.set('markup', 'condensed');
    const page = await w.open(url.href);
    const rows = await controlsOnEveryRow(page, CONDENSED_ROWS);
    expect(rows).toBe(50);
    expect(await page.locator('tr[class*="Polaris-IndexTable__TableRow"]').count()).toBe(0);
    expect(await invisibleControls(page, CONDENSED_ROWS)).toEqual([]);
    const loose = new Set(w.unconnected.map((u) => u.itemId));
    const ids = (await rowIds(page, CONDENSED_ROWS)).filter((id) => !loose.has(id));
    const here = page.url();
    await controlOf(page, ids[5]!, 'clone').click();
    await controls(page, 'clone-picker').waitFor();
    expect(page.url()).toBe(here); // the li's primary link was not followed
    await page.keyboard.press('Escape');
    await syncNowPushes(w, page, ids[6]!, 38);
    expect(w.pageErrors).toEqual([]);
  });
});
