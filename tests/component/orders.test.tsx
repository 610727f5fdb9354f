// The seller's side of platform orders (ORDERS.md "What the seller sees"): the Orders page, the
// Stores page's last check and order settings, the popup's problem count, and stock history's
// link to an order. The orders are real: placed on the simulator's Shopee shop over its control
// API and read back by the extension's own order check (the adapter over HTTP), as the
// background does every 30 s; the pages talk to the real command dispatcher.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { PopupApp } from '@/components/popup/PopupApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { OrderRow } from '@/lib/db/types';
import { drainJobs } from '@/lib/jobs/runner';
import { pollStore } from '@/lib/orders/poll';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { resetPacing } from '@/lib/sync/pacing';
import { forgetCredentialKey } from '@/lib/stores/secrets';
import { freshDb, ok, raw } from '../helpers/background';
import { useSimulator, type SimShop, type Simulator } from '../helpers/simulator';


let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

let db: ShelfsyncDB;
beforeEach(async () => {
  await sim.faults({});
  forgetCredentialKey();
  resetPacing();
  db = await freshDb();
  invalidateAll();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => true };
  setTransport((message) => raw(message));
  window.close = () => undefined;
  window.location.hash = '';
});
// A job a page started (a check, a download) finishes against this test's database, not the next one's.
afterEach(() => drainJobs(db));

interface World {
  storeId: number;
  shop: SimShop;
  warehouseId: number;
  /** SKU of the listing connected to a system product (on hand 2), and of the one that is not. */
  matched: string;
  unmatched: string;
  productId: number;
  /** Platform order ids: 3 of `matched` (1 more than sellable: short by 1), 1 of `unmatched`. */
  shortOrder: string;
  unmatchedOrder: string;
}

/** A Shopee shop with two listings, connected and downloaded; one SKU is a system product with 2
 *  on hand in the only warehouse; buyers order 3 of it and 1 of the other; one order check. */
async function world(): Promise<World> {
  const shop = await sim.createShop({ platform: 'shopee', items: 2, variantsPerItem: 1, seed: 5, skuPrefix: 'ORD' });
  const [first, second] = (await sim.items(shop.shopId)).map((i) => i.variants[0]!);
  const warehouseId = (await ok('warehouses.create', { name: 'Jakarta DC', code: 'JKT' })).id;
  const productId = (await ok('products.create', { sku: first!.sellerSku, name: 'Batik shirt' })).id;
  await ok('inventory.adjust', { warehouseId, productId, onHand: 2 });
  const store = await ok('stores.connect', { platform: 'shopee', name: 'Shopee Jakarta', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  const shortOrder = (await buy(shop, first!.sellerSku, 3)).orderId;
  const unmatchedOrder = (await buy(shop, second!.sellerSku, 1)).orderId;
  expect(await pollStore(db, store.id)).toMatchObject({ ok: true, new: 2 });
  return { storeId: store.id, shop, warehouseId, matched: first!.sellerSku, unmatched: second!.sellerSku, productId, shortOrder, unmatchedOrder };
}

const buy = (shop: SimShop, sellerSku: string, quantity: number) =>
  sim.control<{ orderId: string }>('POST', `/__sim/shops/${shop.shopId}/orders`, { lines: [{ sellerSku, quantity }] });
const orderRow = async (w: World, platformOrderId: string) => (await db.orders.where('[storeId+platformOrderId]').equals([w.storeId, platformOrderId]).first()) as OrderRow;
const row = (platformOrderId: string) => screen.findByTestId(`order-row-${platformOrderId}`);

function openOptions(): HTMLElement[] {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop();
  return [...(open?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
}

async function choose(testId: string, text: string, search?: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search !== undefined) fireEvent.change(box, { target: { value: search } });
  const option = await waitFor(() => {
    const found = openOptions().find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}: ${openOptions().map((o) => o.textContent).join(' | ')}`);
    return found;
  });
  fireEvent.click(option);
}

describe('the Orders page', () => {
  it('lists each order with its store, statuses, lines and problems; filters by problem; the drawer shows lines and movements', async () => {
    const w = await world();
    window.location.hash = '#/orders';
    render(<DashboardApp />);

    const short = await row(w.shortOrder);
    expect(short.dataset.problems).toBe('short');
    expect(await within(short).findByText('Shopee Jakarta')).toBeTruthy();
    expect(within(short).getByText('To ship')).toBeTruthy();
    expect(within(short).getByText('1 line · qty 3')).toBeTruthy();
    expect(within(short).getByText('Short by 1')).toBeTruthy();
    const unmatched = await row(w.unmatchedOrder);
    expect(unmatched.dataset.problems).toBe('unmatched');
    expect(within(unmatched).getByText('Unmatched')).toBeTruthy();
    expect(screen.getByText('2 orders')).toBeTruthy();

    // Problem chips count under the other filters; choosing one lists only those orders.
    await waitFor(() => expect(screen.getByTestId('orders-problem-unmatched').textContent).toBe('Unmatched1'));
    expect(screen.getByTestId('orders-problem-short').textContent).toBe('Short1');
    expect(screen.getByTestId('orders-problem-no_warehouse').textContent).toBe('No warehouse0');
    fireEvent.click(screen.getByTestId('orders-problem-unmatched'));
    await waitFor(() => expect(screen.queryByTestId(`order-row-${w.shortOrder}`)).toBeNull());
    expect(screen.getByTestId(`order-row-${w.unmatchedOrder}`)).toBeTruthy();
    expect(window.location.hash).toBe('#/orders?problem=unmatched');

    // Status: nothing has shipped.
    fireEvent.click(screen.getByTestId('orders-problem-any'));
    fireEvent.click(screen.getByTestId('orders-status-shipped'));
    expect(await screen.findByTestId('orders-no-match')).toBeTruthy();
    fireEvent.click(screen.getByText('Clear filters'));
    await row(w.shortOrder);

    // Search by SKU.
    fireEvent.change(screen.getByTestId('orders-search'), { target: { value: w.unmatched } });
    await waitFor(() => expect(screen.queryByTestId(`order-row-${w.shortOrder}`)).toBeNull());
    fireEvent.change(screen.getByTestId('orders-search'), { target: { value: '' } });
    await row(w.shortOrder);

    // The drawer: the line with both SKUs, reserved and short by 1, and the movement it wrote.
    const id = (await orderRow(w, w.shortOrder)).id;
    fireEvent.click(screen.getByTestId(`order-open-${id}`));
    const detail = await screen.findByTestId('order-detail');
    expect(detail.dataset.orderId).toBe(w.shortOrder);
    const line = await within(detail).findByTestId(`order-line-${w.matched}`);
    expect(line.dataset.state).toBe('reserved');
    expect(within(line).getByText(w.matched, { selector: 'strong' })).toBeTruthy();
    expect(within(line).getByText('Reserved')).toBeTruthy();
    expect(within(line).getByTestId('order-line-short').textContent).toBe('Short by 1');
    expect(within(detail).getByTestId('order-warehouse').textContent).toBe('Jakarta DC (JKT)');
    const movements = await within(detail).findByTestId('order-movements');
    expect(within(movements).getByText('Order placed (held)')).toBeTruthy();
    expect(movements.textContent).toContain('(+3)');
  });

  it('connects an unmatched line with the Connect picker: the line takes its state at once', async () => {
    const w = await world();
    const other = (await ok('products.create', { sku: 'SYS-SARONG', name: 'Sarong' })).id;
    await ok('inventory.adjust', { warehouseId: w.warehouseId, productId: other, onHand: 10 });
    window.location.hash = `#/orders?store=${w.storeId}&problem=unmatched`;
    render(<DashboardApp />);

    const unmatched = await row(w.unmatchedOrder);
    fireEvent.click(within(unmatched).getByRole('button', { name: /expand/i }));
    const line = await screen.findByTestId(`order-line-${w.unmatched}`);
    expect(line.dataset.state).toBe('none');
    expect(within(line).getByText('Not connected')).toBeTruthy();
    fireEvent.click(await within(line).findByTestId(/^order-line-connect-\d+$/));
    await choose('unc-connect-picker', 'SYS-SARONG', 'sarong');
    await screen.findByTestId('unc-connect-effect');
    fireEvent.click(screen.getByTestId('unc-connect-ok'));

    // The order row as the background wrote it: the line connected and its unit reserved.
    await waitFor(async () => expect((await orderRow(w, w.unmatchedOrder)).lines[0]).toMatchObject({ productId: other, systemSku: 'SYS-SARONG', state: 'reserved' }));
    expect((await orderRow(w, w.unmatchedOrder)).problems).toEqual([]);
    expect(await db.stockLevels.get([other, w.warehouseId])).toMatchObject({ onHand: 10, reserved: 1 });
    // Filtered by `unmatched`, the order leaves the list once it has no problem left.
    await waitFor(() => expect(screen.queryByTestId(`order-row-${w.unmatchedOrder}`)).toBeNull());
  });

  it('says how to get orders when there are none, and checks a store now: the new order appears', async () => {
    const shop = await sim.createShop({ platform: 'shopee', items: 1, variantsPerItem: 1, seed: 6, skuPrefix: 'NEW' });
    const store = await ok('stores.connect', { platform: 'shopee', name: 'Shopee Bandung', apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
    window.location.hash = '#/orders';
    render(<DashboardApp />);
    const empty = await screen.findByTestId('orders-empty');
    expect(empty.textContent).toContain('Orders appear here when buyers buy on your connected stores: Shelfsync checks each store every 30 seconds');

    const sku = (await sim.items(shop.shopId))[0]!.variants[0]!.sellerSku;
    const { orderId } = await buy(shop, sku, 1);
    fireEvent.click(within(empty).getByTestId('orders-check'));
    fireEvent.click(await screen.findByTestId(`orders-check-store-${store.id}`));
    expect(await screen.findByText('Shopee Bandung: 1 order read — 1 new, 0 changed.')).toBeTruthy();
    // Listing never downloaded: the line says so and offers the download.
    const r = await row(orderId);
    expect(r.dataset.problems).toBe('unmatched');
    fireEvent.click(within(r).getByRole('button', { name: /expand/i }));
    const line = await screen.findByTestId(`order-line-${sku}`);
    await waitFor(() => expect(line.textContent).toContain("download the store's listings first"));
    fireEvent.click(within(line).getByTestId('order-line-download'));
    // Once downloaded, the listing is known: Connect replaces the download.
    await waitFor(() => expect(within(screen.getByTestId(`order-line-${sku}`)).queryByTestId(/^order-line-connect-\d+$/)).toBeTruthy());
    expect((await db.stores.get(store.id))!.orders!.lastCheckedAt).toBeGreaterThan(0);
  });
});

describe('orders on the Stores page, the popup and stock history', () => {
  it('shows the last check and problem links; saves order settings; shows and dismisses the foreign-writes notice', async () => {
    const w = await world();
    window.location.hash = '#/stores';
    render(<DashboardApp />);
    const check = await screen.findByTestId(`store-orders-check-${w.storeId}`);
    expect(check.textContent).toMatch(/^Orders checked (now|\d+ seconds? ago)2 orders read · 2 new · 0 changed$/);
    const unmatched = await screen.findByTestId(`store-order-problem-${w.storeId}-unmatched`);
    expect(unmatched.textContent).toBe('1 unmatched');
    expect(unmatched.getAttribute('href')).toBe(`#/orders?store=${w.storeId}&problem=unmatched`);
    expect(screen.getByTestId(`store-order-problem-${w.storeId}-short`).getAttribute('href')).toBe(`#/orders?store=${w.storeId}&problem=short`);

    // A failing check shows its error in red with the last good check beneath.
    await sim.faults({ shopId: w.shop.shopId, errorRate: 1 });
    const failed = await pollStore(db, w.storeId);
    expect(failed.ok).toBe(false);
    await waitFor(() => expect(screen.getByTestId(`store-orders-check-${w.storeId}`).dataset.failing).toBe('true'));
    const message = (await db.stores.get(w.storeId))!.orders!.lastError!.message;
    expect(screen.getByTestId(`store-orders-check-${w.storeId}`).textContent).toContain(message);
    expect(screen.getByTestId(`store-orders-check-${w.storeId}`).textContent).toMatch(/Last successful check/);
    await sim.faults({});

    // Order settings: which warehouse the orders use without a choice, then a choice of another
    // warehouse, returns back in stock, a longer interval.
    fireEvent.click(screen.getByTestId(`store-order-settings-${w.storeId}`));
    const drawer = await screen.findByTestId('order-settings');
    await waitFor(() => expect(within(drawer).getByTestId('order-settings-default').textContent).toBe('Without a choice: Jakarta DC (JKT), your only warehouse.'));
    const second = (await ok('warehouses.create', { name: 'Surabaya', code: 'SUB' })).id;
    await waitFor(() => expect(within(drawer).getByTestId('order-settings-default').textContent).toMatch(/^Without a choice there is none/));
    await choose('order-settings-warehouse', 'Surabaya (SUB)');
    fireEvent.click(within(drawer).getByTestId('order-settings-restock-returns'));
    await choose('order-settings-interval', 'Every 5 minutes');
    fireEvent.click(screen.getByTestId('order-settings-save'));
    await waitFor(async () => expect((await db.stores.get(w.storeId))!.orders).toMatchObject({ enabled: true, warehouseId: second, reserveUnpaid: true, restockReturns: true, intervalSeconds: 300 }));

    // Something else writes the store's stock: the notice names the listings; Dismiss clears it.
    await act(async () => {
      await db.stores.update(w.storeId, { foreignWrites: { at: Date.now(), listings: [{ storeVariantId: 1, sellerSku: w.matched, platformStock: 9, expected: 0 }] } });
    });
    const notice = await screen.findByTestId(`store-foreign-writes-${w.storeId}`);
    expect(notice.textContent).toContain('Shopee Jakarta: something else changes this store\'s stock');
    expect(notice.textContent).toContain(`1 listing showed another number after its orders were counted — another tool, or Shelfsync on a second computer?`);
    expect(notice.textContent).toContain(`${w.matched}: the store shows 9, Shelfsync expected 0`);
    fireEvent.click(within(notice).getByTestId(`store-foreign-dismiss-${w.storeId}`));
    await waitFor(async () => expect((await db.stores.get(w.storeId))!.foreignWrites).toBeNull());
    await waitFor(() => expect(screen.queryByTestId(`store-foreign-writes-${w.storeId}`)).toBeNull());
  });

  it('the popup shows the last order check and the orders with a problem', async () => {
    const w = await world();
    Object.assign(fakeBrowser.tabs, { query: async () => [{ id: 5, url: 'https://example.com/', active: true }] });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<PopupApp />);
    const orders = await screen.findByTestId('popup-orders');
    await waitFor(() => expect(orders.textContent).toMatch(/^Orderschecked (now|\d+ seconds? ago) · 2 with problems$/));
    fireEvent.click(screen.getByTestId('popup-order-problems'));
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/dashboard.html#/orders?store=${w.storeId}`) });
  });

  it('a stock movement names its order and links to it; the link opens that order', async () => {
    const w = await world();
    window.location.hash = '#/inventory/stock';
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`stock-history-${w.matched}-JKT`));
    const link = await screen.findByTestId('movement-order-link');
    expect(link.textContent).toBe(`Order ${w.shortOrder} · Shopee Jakarta`);
    const href = link.getAttribute('href')!;
    expect(href).toBe(`#/orders?store=${w.storeId}&q=${w.shortOrder}&order=${w.shortOrder}`);

    await act(async () => {
      window.location.hash = href;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const detail = await screen.findByTestId('order-detail');
    expect(detail.dataset.orderId).toBe(w.shortOrder);
    expect(screen.getByTestId(`order-row-${w.shortOrder}`)).toBeTruthy();
    expect(screen.queryByTestId(`order-row-${w.unmatchedOrder}`)).toBeNull();
  });
});
