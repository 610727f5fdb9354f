// The toolbar popup in Chromium (issue 8): opened for a console tab (the test build takes the
// tab's id as ?tabId=, standing in for the active tab the toolbar click grants), it names that
// tab's store and tells its rule, auto sync, pushes, last sync and health in well under 150 ms;
// switches store; syncs the store; opens the dashboard at it; a tab that is no console shows the
// store used last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium';
import { must, simControl, until } from './support/world';
import { addStore, consoleWorld, controlsOnEveryRow, popupReadyMs, tabIdOf, type ConsoleWorld } from '../fixtures/consoles/harness';

let w: ConsoleWorld;
describe.skipIf(!findChromium())('the popup (Chromium)', () => {
  beforeAll(async () => {
    w = await consoleWorld({ platform: 'shopee', items: 12, variantsPerItem: 1 });
  }, 240_000);
  afterAll(() => w?.close());

  it('names the console tab\'s store with its state; switches; syncs; opens the dashboard there', async () => {
    const other = await addStore(w, 'tiktok', { items: 2, name: 'Tok Shop' });
    const page = await w.open();
    await controlsOnEveryRow(page, '.eds-table__main-body tbody tr.eds-table__row');
    const tabId = await tabIdOf(w, page);

    const popup = await w.ext.open(`popup.html?tabId=${tabId}`);
    await popup.getByTestId('popup-store').waitFor();
    const ready = await popupReadyMs(w, popup, tabId);
    console.log(`[popup] store of the tab identified and status read in ${ready.ms} ms (median of 3 opens; ${ready.steps})`);
    // Logged, never asserted: speed is measured by `npm run bench -- console` (popupReadyMs).
    expect(await popup.getByTestId('popup-store').getAttribute('data-store-id')).toBe(String(w.storeId));
    expect(await popup.getByTestId('popup-store-source').textContent()).toBe('This tab');
    expect(await popup.getByTestId('popup-store-switch').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent)).toBe(`E2E shopee · ${w.shop.shopId} · Shopee`);
    expect(await popup.getByTestId('popup-rule').textContent()).toBe('Sync ruleRule shopee · Sellable × 100% · 1 warehouse');
    expect(await popup.getByTestId('popup-auto-sync').textContent()).toBe('Auto sync12 of 12 listings');
    expect(await popup.getByTestId('popup-pushes').textContent()).toBe('Pushes0 pending · 0 failed');
    expect(await popup.getByTestId('popup-last-sync').textContent()).toMatch(/^Last sync.+ · 10 to .+/);
    expect(await popup.getByTestId('popup-health').textContent()).toMatch(/^HealthAuthorized · engine ran .+/);
    if (process.env.CONSOLE_SCREENSHOTS) await popup.screenshot({ path: `${process.env.CONSOLE_SCREENSHOTS}/popup.png` });

    // Sync this store now: every listing pushed again (manual sync job).
    const before = (await must(w.dash, 'syncLogs.list', { storeId: w.storeId, status: 'success' })).items.length;
    await popup.getByTestId('popup-sync-store').click();
    await popup.getByTestId('popup-sync-result').waitFor();
    expect(await popup.getByTestId('popup-sync-result').textContent()).toBe('Sync started for every listing of this store.');
    await until('the manual sync to reach every listing', async () => (await must(w.dash, 'syncLogs.list', { storeId: w.storeId, status: 'success' })).items.length >= before + 12, 60_000);

    // The open popup follows the engine: a stock change is pushed, and the last sync names it.
    const item = w.items.find((i) => !w.unconnected.some((u) => u.itemId === String(i.itemId)))!;
    await must(w.dash, 'inventory.adjust', { warehouseId: w.warehouseId, sku: item.variants[0]!.sellerSku, onHand: 37 });
    await until('the open popup to show the new push', async () => /· 37 to /.test((await popup.getByTestId('popup-last-sync').textContent()) ?? ''), 30_000);
    expect(await popup.getByTestId('popup-last-sync').textContent()).toContain(`37 to ${item.title}`);

    // Another store: its own facts.
    await popup.getByTestId('popup-store-switch').selectOption(String(other.storeId));
    await until('the other store', async () => (await popup.getByTestId('popup-store').getAttribute('data-store-id')) === String(other.storeId));
    expect(await popup.getByTestId('popup-rule').textContent()).toContain('None');
    expect(await popup.getByTestId('popup-store-source').textContent()).toBe('Last used');

    // Open the dashboard at the store shown.
    const opened = w.ext.context.waitForEvent('page');
    await popup.getByTestId('popup-open-store').click();
    const dash = await opened;
    await dash.waitForLoadState();
    expect(new URL(dash.url()).hash).toBe(`#/store-products?platform=tiktok&store=${other.storeId}`);
    await dash.close();

    // A tab that is no console: the store used last (the one switched to).
    const plain = await w.ext.open(`popup.html?tabId=${await tabIdOf(w, w.dash)}`);
    await until('the last used store', async () => (await plain.getByTestId('popup-store').getAttribute('data-store-id')) === String(other.storeId));
    expect(await plain.getByTestId('popup-store-source').textContent()).toBe('Last used');
    expect(w.ext.pageErrors).toEqual([]);
    void simControl;
  });
});
