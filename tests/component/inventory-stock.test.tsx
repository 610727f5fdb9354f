import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow } from '@/lib/db/types';
import { freshDb, ok, raw } from '../helpers/background';

// antd drawers and selects take a few hundred ms in jsdom; on a busy machine, more.

let wh: number;
beforeEach(async () => {
  await freshDb();
  setTransport((message) => raw(message));
  wh = (await ok('warehouses.create', { name: 'Jakarta', code: 'JKT' })).id;
  await ok('products.create', { sku: 'TEE-1', name: 'Tee' });
  window.location.hash = '#/inventory/stock';
});

const cell = (row: HTMLElement, field: string) => within(row).getByTestId(`stock-${field}`).textContent;

/** Opens an antd Select, optionally types a search, and clicks the option whose label contains `text`. */
async function choose(testId: string, text: string, search?: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search !== undefined) fireEvent.change(box, { target: { value: search } });
  const option = await waitFor(() => {
    const list = document.getElementById(box.getAttribute('aria-controls') ?? '');
    const visible = [...(list?.closest('.ant-select-dropdown')?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
    // After a search, wait until the list shows its answer (every option matches).
    if (search !== undefined && visible.some((o) => !o.textContent?.toLowerCase().includes(search.toLowerCase()))) throw new Error(`search pending: ${visible.map((o) => o.textContent).join(' | ')}`);
    const found = visible.find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

describe('stock page', () => {
  it('says what to do before any stock exists, and adjusts stock from the page button with a product search', async () => {
    render(<DashboardApp />);
    const empty = await screen.findByTestId('stock-empty');
    expect(empty.textContent).toMatch(/adjust it, import a stock count CSV, or order and receive a purchase order/);
    await waitFor(() => expect((within(empty).getByTestId('stock-adjust') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(empty).getByTestId('stock-adjust'));
    await choose('adjust-product', 'TEE-1 — Tee', 'tee');
    await choose('adjust-warehouse', 'Jakarta (JKT)');
    fireEvent.change(screen.getByTestId('adjust-quantity'), { target: { value: '30' } });
    await waitFor(() => expect(screen.getByTestId('adjust-preview').textContent).toBe('On hand 0 → 30; sellable becomes 30.'));
    fireEvent.click(screen.getByTestId('adjust-submit'));
    const row = await screen.findByTestId('stock-row-TEE-1-JKT');
    expect([cell(row, 'onHand'), cell(row, 'reserved'), cell(row, 'sellable'), cell(row, 'inTransit')]).toEqual(['30', '0', '30', '0']);
  });

  it('adjusts a row (remove, stock count), refuses going below 0 on the quantity field, and shows the movement history', async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'TEE-1', delta: 10, reason: 'opening' });
    await ok('inventory.reserve', { warehouseId: wh, sku: 'TEE-1', quantity: 4, reference: 'order 77' });
    render(<DashboardApp />);
    let row = await screen.findByTestId('stock-row-TEE-1-JKT');
    expect([cell(row, 'onHand'), cell(row, 'reserved'), cell(row, 'sellable')]).toEqual(['10', '4', '6']);

    fireEvent.click(within(row).getByTestId('stock-adjust-TEE-1-JKT'));
    fireEvent.click(await screen.findByTestId('adjust-mode-remove'));
    fireEvent.change(screen.getByTestId('adjust-quantity'), { target: { value: '50' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));
    const refusal = await screen.findByText(/On hand of SKU TEE-1 in Jakarta cannot go below 0/);
    expect(refusal.closest('.ant-form-item')?.querySelector('[data-testid="adjust-quantity"]')).toBeTruthy();

    fireEvent.click(screen.getByTestId('adjust-mode-count'));
    fireEvent.change(screen.getByTestId('adjust-quantity'), { target: { value: '7' } });
    fireEvent.change(screen.getByTestId('adjust-reason'), { target: { value: 'cycle count' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));
    await waitFor(() => expect(cell(screen.getByTestId('stock-row-TEE-1-JKT'), 'onHand')).toBe('7'));
    row = screen.getByTestId('stock-row-TEE-1-JKT');
    expect(cell(row, 'sellable')).toBe('3');

    fireEvent.click(within(row).getByTestId('stock-history-TEE-1-JKT'));
    const table = await screen.findByTestId('movements-table');
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBe(4));
    const [count, reserve, adjust] = within(table).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
    expect(count).toMatch(/Stock count10 → 7 \(-3\)4.*cycle count/);
    expect(reserve).toMatch(/Reserved10.*0 → 4 \(\+4\).*order 77/);
    expect(adjust).toMatch(/Adjustment0 → 10 \(\+10\).*opening/);
  });

  it('after an adjustment says where the number went, which stores stayed stale with auto sync off (Turn on…, with what it pushes) and which have no rule', async () => {
    const db = getDb();
    const store = async (platform: StoreRow['platform'], name: string) => db.stores.add({
      platform, name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'], shopRef: name,
      secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
    } as Omit<StoreRow, 'id'> as StoreRow);
    const tee = (await db.products.where('skuKey').equals('tee-1').first())!.id;
    const listing = async (storeId: number, itemId: string, autoSync: 0 | 1) => {
      const spId = await db.storeProducts.add({ storeId, platformItemId: itemId, title: `Tee ${itemId}`, status: 'active', gone: 0, imageUrl: null, description: null, autoSync, platformUpdatedAt: 1, extra: null, lastSeenJob: 0, updatedAt: 1 } as Omit<StoreProductRow, 'id'> as StoreProductRow);
      await db.storeVariants.add({ storeId, storeProductId: spId, platformItemId: itemId, platformVariantId: 'v', sellerSku: 'TEE-1', sellerSkuKey: 'tee-1', productId: tee, connected: 1, connectedBy: 'sku', reason: null, candidateProductIds: [], price: 1, platformStock: 0, options: null, ref: null } as Omit<StoreVariantRow, 'id'> as StoreVariantRow);
      return spId;
    };
    const shopee = await store('shopee', 'Shopee Jakarta');
    const lazada = await store('lazada', 'Lazada SG');
    const tiktok = await store('tiktok', 'TikTok ID');
    await ok('syncRules.create', { name: 'Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [wh], storeIds: [shopee, lazada] });
    await listing(shopee, 's1', 1);
    await listing(shopee, 's2', 1);
    const stale = await listing(lazada, 'l1', 0);
    await listing(tiktok, 't1', 1);
    await ok('inventory.adjust', { warehouseId: wh, sku: 'TEE-1', delta: 10 });
    render(<DashboardApp />);
    const row = await screen.findByTestId('stock-row-TEE-1-JKT');
    fireEvent.click(within(row).getByTestId('stock-adjust-TEE-1-JKT'));
    fireEvent.change(await screen.findByTestId('adjust-quantity'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));

    const reach = await screen.findByTestId('stock-reach');
    expect(within(reach).getByTestId('stock-reach-title').textContent).toBe('TEE-1 in JKT: pushed to 2 listings in 1 store.');
    expect(reach.textContent).toMatch(/1 store has auto sync off for this SKU/);
    expect(within(reach).getByTestId(`stock-reach-off-${lazada}`).textContent).toMatch(/Lazada SG1 listing/);
    expect(within(reach).getByTestId('stock-reach-no-rule').textContent).toBe('No sync rule covers TikTok ID · TikTok ID, so nothing is pushed there.'); // name · shop id (this fixture's shopRef is the name)

    // Turn on… asks with what it pushes (the stale listing shows 0; Shelfsync has 15).
    fireEvent.click(within(reach).getByTestId(`stock-reach-turn-on-${lazada}`));
    expect((await screen.findByTestId('sp-auto-on-effects-headline')).textContent).toBe('Changes the stock shown on 1 listing now');
    fireEvent.click(screen.getByTestId('sp-auto-on-confirm'));
    await waitFor(async () => expect((await db.storeProducts.get(stale))?.autoSync).toBe(1));
    await waitFor(() => expect(screen.queryByTestId('stock-reach')).toBeNull());
  });

  it('imports stock counts and lists a bad row by line', async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'TEE-1', delta: 1 });
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId('stock-import-button'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(/rows with problems are skipped and listed with their line number/);
    const file = new File(['sku,warehouse,on_hand\nTEE-1,JKT,12\nTEE-1,NOWHERE,3\n'], 'stock.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('stock-import-file'), { target: { files: [file] } });
    const errors = await screen.findByTestId('stock-import-errors');
    expect(within(errors).getAllByRole('row')[1]!.textContent).toBe('3no warehouse has the code or name "NOWHERE"');
    expect(screen.getByTestId('stock-import-stat-changed').textContent).toContain('1');
    await waitFor(() => expect(cell(screen.getByTestId('stock-row-TEE-1-JKT'), 'onHand')).toBe('12'));
  });
});
