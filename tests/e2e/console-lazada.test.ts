// Shelfsync inside the fake Lazada Seller Center (tests/simulator/consoles/lazada.ts), whose rows
// link to the public page as /products/i{id}.html: the shared console suite
// (tests/fixtures/consoles/harness.ts) plus two Lazada stores: each console bound by
// the seller id learnt at connect, and a console two stores could be — the quiet hint, then the
// popup's choice (consoles.bind) brings the controls.
import { expect, it } from 'vitest';
import { addStore, consoleSuite, controls, controlsOnEveryRow, tabIdOf } from '../fixtures/consoles/harness';
import { must } from './support/world';

const ROWS = 'tbody.next-table-body > tr.next-table-row';

consoleSuite({
  platform: 'lazada',
  rows: ROWS,
  list50: (u) => `${u}&tab=online_product&pageSize=50&current=1`,
  listed: (s) => s === 'Active',
  previousRows: ROWS,
  changedMarkup: 'no-rows',
  nextPage: (page) => page.locator('button.next-pagination-item.next-next').click(),
  away: {
    toProduct: (page) => page.locator('button.product-edit-btn').first().click(),
    back: (page) => page.locator('.breadcrumb a').first().click(),
  },
}, (world) => {
  it('two Lazada stores: each console is told by the seller id learnt at connect; a console two stores could be asks once, in the popup', async () => {
    const w = world();
    // A second Lazada shop connected with pasted credentials: connecting learnt its seller id
    // (/seller/get), so its console (seller_id in the URL) is its store at once — nothing to choose.
    const second = await addStore(w, 'lazada', { items: 2, name: 'Second Lazada', download: true });
    const own = await w.open(second.shop.consoleUrl);
    expect(await controlsOnEveryRow(own, ROWS)).toBeGreaterThan(0);
    expect(await controls(own, 'connect-hint').count()).toBe(0);

    // The first shop connected a second time, as a new store: its console could be either.
    await must(w.dash, 'stores.connect', { platform: 'lazada', name: 'Lazada again', apiBaseUrl: w.shop.apiBaseUrl, authBaseUrl: w.shop.authBaseUrl, credentials: w.shop.credentials });
    const page = await w.open();
    const hint = controls(page, 'connect-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Which Shelfsync store is this?');
    expect(await page.locator('shelfsync-row').count()).toBe(0);
    expect(await controls(page, 'sync-now').count()).toBe(0);

    const popup = await w.ext.open(`popup.html?tabId=${await tabIdOf(w, page)}`);
    await popup.getByTestId('popup-ambiguous').waitFor();
    await popup.getByTestId('popup-store-switch').selectOption(String(w.storeId));
    await popup.getByTestId('popup-bound').waitFor();
    expect(await popup.getByTestId('popup-bound').textContent()).toContain(`E2E lazada · ${w.shop.shopId}`);
    await popup.close();

    await page.reload();
    expect(await controlsOnEveryRow(page, ROWS)).toBeGreaterThan(0);
    expect(await controls(page, 'connect-hint').count()).toBe(0);

    // The hint is dismissible (a console that is no store at all: another seller's).
    const stranger = await w.open(w.shop.consoleUrl.replace(/seller_id=\d+/, 'seller_id=1'));
    const pill = controls(stranger, 'connect-hint');
    await pill.waitFor();
    await controls(stranger, 'connect-hint-dismiss').click();
    await pill.waitFor({ state: 'detached' });
  });
});
