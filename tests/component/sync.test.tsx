import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow, SyncLogRow } from '@/lib/db/types';
import type { Platform } from '@/lib/platforms/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';


let db: ShelfsyncDB;
let w1: number;
let w2: number;
beforeEach(async () => {
  db = await freshDb();
  invalidateAll();
  setTransport((message) => raw(message));
  window.location.hash = '';
  w1 = (await ok('warehouses.create', { name: 'Jakarta DC', code: 'JKT' })).id;
  w2 = (await ok('warehouses.create', { name: 'Surabaya', code: 'SUB' })).id;
});

async function addStore(platform: Platform, name: string): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: '', secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

/** One listing with one variant connected to a new system product with `onHand` in W1. */
async function addConnected(storeId: number, sku: string, onHand: number): Promise<{ storeProductId: number; variantId: number }> {
  const productId = (await ok('products.create', { sku, name: `System ${sku}` })).id;
  if (onHand) await ok('inventory.adjust', { warehouseId: w1, productId, onHand });
  const storeProductId = await db.storeProducts.add({
    storeId, platformItemId: `item-${sku}`, title: `Listing ${sku}`, status: 'active', gone: 0, imageUrl: null, description: null, autoSync: 0,
    platformUpdatedAt: 1, extra: null, lastSeenJob: 0, updatedAt: 1,
  } as Omit<StoreProductRow, 'id'> as StoreProductRow);
  const variantId = await db.storeVariants.add({
    storeId, storeProductId, platformItemId: `item-${sku}`, platformVariantId: `v-${sku}`, sellerSku: sku, sellerSkuKey: sku.toLowerCase(), productId, connected: 1,
    connectedBy: 'sku', reason: null, candidateProductIds: [], price: 1, platformStock: 0, options: null, ref: null,
  } as Omit<StoreVariantRow, 'id'> as StoreVariantRow);
  return { storeProductId, variantId };
}

/** The options of the open Select dropdown (ids repeat in jsdom, so find it by its state). */
function openOptions(): HTMLElement[] {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop();
  return [...(open?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
}

async function choose(testId: string, text: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  const option = await waitFor(() => {
    const visible = openOptions();
    const found = visible.find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}: ${visible.map((o) => o.textContent).join(' | ')}`);
    return found;
  });
  fireEvent.click(option);
}

describe('sync rules', () => {
  it('creates a rule from the gear icon with a preview of what changes, then the store shows its numbers', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    await addStore('lazada', 'Lazada SG');
    const { variantId, storeProductId } = await addConnected(store, 'BAG-1', 100);
    await db.storeProducts.update(storeProductId, { autoSync: 1 });
    await ok('purchaseOrders.create', { warehouseId: w1, lines: [{ sku: 'BAG-1', quantity: 100 }] });
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    await screen.findByTestId('sp-row-item-BAG-1');
    fireEvent.click(screen.getByTestId('sp-rules-gear'));
    expect((await screen.findByTestId('rules-store-status')).textContent).toBe('No rule covers Shopee Jakarta yet: syncing it is refused until one does.');
    fireEvent.click(screen.getByTestId('rules-add'));
    fireEvent.change(await screen.findByTestId('rule-name'), { target: { value: 'Seed rule' } });
    fireEvent.click(screen.getByTestId('rule-type-transit'));
    // Labels are tied to their fields (screen readers, getByLabelText).
    expect(screen.getByLabelText('Ratio')).toBe(screen.getByTestId('rule-ratio'));
    fireEvent.change(screen.getByTestId('rule-ratio'), { target: { value: '80' } });
    await waitFor(() => expect(screen.getByTestId('rule-example').textContent).toBe('With 100 sellable and 100 in transit, 80 % pushes 160.'));
    await choose('rule-warehouses', 'Jakarta DC (JKT)');
    // The store the gear was clicked in is already chosen; the options are grouped by platform.
    // Named with the shop (here unknown: Shelfsync's store number), so stores called alike differ.
    expect(within(screen.getByTestId('rule-form')).getByText(`Shopee Jakarta · #${store}`)).toBeTruthy();
    fireEvent.click(screen.getByTestId('rule-preview-button'));

    const preview = await screen.findByTestId('rule-preview');
    expect(within(preview).getByTestId('rule-preview-summary').textContent).toBe('1 variant changes its pushed quantity; 0 stay the same.');
    expect(within(preview).getByText('Listing BAG-1')).toBeTruthy();
    expect(within(preview).getByText('none')).toBeTruthy();
    expect(within(preview).getByText('160')).toBeTruthy();
    // What confirming pushes at once: the listing on auto sync goes from the 0 it shows to 160.
    expect(within(preview).getByTestId('rule-preview-effects-headline').textContent).toBe('Changes the stock shown on 1 listing now');
    expect(screen.getByTestId('rule-confirm').textContent).toBe('Confirm and push to 1 listing');
    expect(await db.syncRules.count()).toBe(0);
    fireEvent.click(screen.getByTestId('rule-confirm'));

    expect(await screen.findByTestId('rule-row-Seed rule')).toBeTruthy();
    expect(await db.syncRules.toArray()).toMatchObject([{ name: 'Seed rule', inventoryType: 'sellable_in_transit', ratioPercent: 80, warehouseIds: [w1], storeIds: [store] }]);
    await waitFor(() => expect(screen.getByTestId('rules-store-status').textContent).toBe('Shopee Jakarta follows the rule "Seed rule".'));
    await waitFor(() => expect(screen.getByTestId(`sp-push-${variantId}`).textContent).toMatch(/^160/));
  });

  it('shows store_already_covered on the stores field naming the rule, edits, and deletes with a warning about last pushed quantities', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const other = await addStore('shopee', 'Shopee Bandung');
    await db.storeProducts.update((await addConnected(other, 'CAP-1', 5)).storeProductId, { autoSync: 1 });
    await ok('syncRules.create', { name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w1], storeIds: [store] });
    window.location.hash = '#/sync-rules';
    render(<DashboardApp />);

    const row = await screen.findByTestId('rule-row-Main');
    // The store by its label: no shop id learnt here, so Shelfsync's own store number.
    await waitFor(() => expect(row.textContent).toBe(`MainSellable100 %Jakarta DC (JKT)Shopee Jakarta · #${store}`));

    fireEvent.click(screen.getByTestId('rules-add'));
    fireEvent.change(await screen.findByTestId('rule-name'), { target: { value: 'Second' } });
    await choose('rule-warehouses', 'Surabaya (SUB)');
    await choose('rule-stores', `Shopee Jakarta · #${store} (rule "Main")`);
    fireEvent.click(screen.getByTestId('rule-preview-button'));
    const refusal = await screen.findByText(/Shopee Jakarta is already governed by the rule "Main"; a store follows one rule/);
    expect(refusal.closest('.ant-form-item')?.querySelector('[data-testid="rule-stores"]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    // Edit: add the other store, preview, confirm.
    fireEvent.click(screen.getByTestId('rule-edit-Main'));
    await waitFor(() => expect((screen.getByTestId('rule-name') as HTMLInputElement).value).toBe('Main'));
    await choose('rule-stores', 'Shopee Bandung');
    fireEvent.click(screen.getByTestId('rule-preview-button'));
    await screen.findByTestId('rule-preview');
    fireEvent.click(screen.getByTestId('rule-confirm'));
    await waitFor(async () => expect((await db.syncRules.toArray())[0]?.storeIds.sort()).toEqual([store, other].sort()));

    fireEvent.click(await screen.findByTestId('rule-delete-Main'));
    await waitFor(() => expect(screen.getByTestId('rule-delete-effect-Main').textContent).toBe('Nothing is pushed. 1 listing on auto sync in its 2 stores stops following your stock and keeps what it shows now, until another rule covers its store.'));
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: 'Delete' }));
    await screen.findByTestId('rules-empty');
    expect(await db.syncRules.count()).toBe(0);
    expect(w2).toBeGreaterThan(0);
  });
});

describe('sync log page', () => {
  it('lists every push with time, trigger, quantity, status and error; filters by store and status', async () => {
    const a = await addStore('shopee', 'Shopee Jakarta');
    const b = await addStore('lazada', 'Lazada SG');
    const va = await addConnected(a, 'CUP-1', 5);
    const vb = await addConnected(b, 'LAMP-1', 5);
    const log = (storeId: number, v: { storeProductId: number; variantId: number }, fields: Partial<SyncLogRow>) =>
      db.syncLogs.add({ storeId, storeProductId: v.storeProductId, storeVariantId: v.variantId, quantity: 4, trigger: 'manual', status: 'success', error: null, jobId: null, attempts: 1, createdAt: 1_000, sentAt: 1_400, ...fields } as SyncLogRow);
    await log(a, va, { quantity: 12, trigger: 'stock_change', createdAt: 3_000, sentAt: 3_500 });
    await log(a, va, { quantity: 9, status: 'failed', error: 'item is locked by the platform', createdAt: 2_000, attempts: 3 });
    await log(b, vb, { quantity: 4, trigger: 'rule_change' });
    window.location.hash = '#/sync-log';
    render(<DashboardApp />);

    await waitFor(() => expect(document.querySelectorAll('[data-testid^="log-row-"]').length).toBe(3));
    const total = () => document.querySelector('.ant-pagination-total-text')?.textContent;
    expect(total()).toBe('3 pushes');
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid^="log-row-"]')];
    await waitFor(() => expect(rows[0]!.textContent).toMatch(/Shopee Jakarta.*Listing CUP-1.*CUP-1.*Stock change.*12.*Success/));
    expect(rows[0]!.textContent).toMatch(/sent after 500 ms/);
    expect(rows[1]!.textContent).toMatch(/Manual sync.*9.*Failed.*item is locked by the platform/);
    expect(rows[2]!.textContent).toMatch(/Lazada SG.*Rule change/);
    expect(within(rows[0]!).getByRole('link', { name: 'Listing CUP-1' }).getAttribute('href')).toBe(`#/store-products?platform=shopee&store=${a}&item=${va.storeProductId}`);
    expect((screen.getByTestId('log-retry') as HTMLButtonElement).disabled).toBe(true);

    await choose('log-filter-store', 'Shopee Jakarta');
    await waitFor(() => expect(document.querySelectorAll('[data-testid^="log-row-"]').length).toBe(2));
    expect(window.location.hash).toBe(`#/sync-log?store=${a}`);
    await waitFor(() => expect(screen.getByTestId('log-retry').textContent).toMatch(/Retry failed \(1\)/));
    await choose('log-filter-status', 'Failed');
    await waitFor(() => expect(document.querySelectorAll('[data-testid^="log-row-"]').length).toBe(1));
    expect(document.querySelector('[data-testid^="log-row-"]')?.getAttribute('data-status')).toBe('failed');
    await waitFor(() => expect(total()).toBe('1 push'));
  });
});
