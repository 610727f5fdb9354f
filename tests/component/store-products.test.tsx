import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow } from '@/lib/db/types';
import { skuKeyOf } from '@/lib/db/versions';
import type { Platform } from '@/lib/platforms/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';

// antd drawers, popovers and selects take a few hundred ms in jsdom; on a busy machine, more.

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
  // The background keeps list summaries per store id in memory; ids restart with each database.
  invalidateAll();
  setTransport((message) => raw(message));
  window.location.hash = '';
});

let nextShop = 9001;
/** A connected store; `shop` is its id on the platform (Shopee shop id, Lazada seller id…). */
async function addStore(platform: Platform, name: string, shop = String(nextShop++), region: string | null = null): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: shop, secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

async function addProduct(sku: string, name = `System ${sku}`): Promise<number> {
  return (await ok('products.create', { sku, name })).id;
}

interface VariantSeed {
  sku: string;
  productId?: number | null;
  stock?: number;
  reason?: StoreVariantRow['reason'];
  candidates?: number[];
  lastSync?: StoreVariantRow['lastSync'];
}

async function addListing(storeId: number, itemId: string, title: string, variants: VariantSeed[], opts: { autoSync?: boolean; updatedAt?: number } = {}): Promise<{ id: number; variantIds: number[] }> {
  const t = opts.updatedAt ?? 1_700_000_000_000;
  const row: Omit<StoreProductRow, 'id'> = {
    storeId, platformItemId: itemId, title, status: 'active', gone: 0, imageUrl: null, description: null, autoSync: opts.autoSync ? 1 : 0,
    platformUpdatedAt: t, extra: null, lastSeenJob: 0, updatedAt: t,
  };
  const id = await db.storeProducts.add(row as StoreProductRow);
  const variantIds: number[] = [];
  for (const [i, v] of variants.entries()) {
    const connected = v.productId != null;
    const vr: Omit<StoreVariantRow, 'id'> = {
      storeId, storeProductId: id, platformItemId: itemId, platformVariantId: `${itemId}-${i}`, sellerSku: v.sku, sellerSkuKey: skuKeyOf(v.sku),
      productId: v.productId ?? null, connected: connected ? 1 : 0, connectedBy: connected ? 'sku' : null,
      reason: connected ? null : v.reason ?? (v.sku ? 'no_matching_sku' : 'empty_sku'), candidateProductIds: v.candidates ?? [],
      price: 10 + i, platformStock: v.stock ?? 5, options: { Size: ['S', 'M', 'L'][i] ?? 'XL' }, ref: null, lastSync: v.lastSync ?? null,
      failing: v.lastSync?.status === 'failed' ? 1 : 0,
    };
    variantIds.push(await db.storeVariants.add(vr as StoreVariantRow));
  }
  return { id, variantIds };
}

/** The options of the open Select dropdown (ids repeat in jsdom, so find it by its state). */
function openOptions(): HTMLElement[] {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop();
  return [...(open?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
}

/** Opens an antd Select and answers its visible options' labels. */
async function openSelect(testId: string): Promise<HTMLElement[]> {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  return waitFor(() => {
    const options = openOptions();
    if (!options.length) throw new Error('no options yet');
    return options;
  });
}

/** Opens an antd Select, optionally types a search, and clicks the option whose label contains `text`. */
async function choose(testId: string, text: string, search?: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search !== undefined) fireEvent.change(box, { target: { value: search } });
  const option = await waitFor(() => {
    const visible = openOptions();
    if (search !== undefined && visible.some((o) => !o.textContent?.toLowerCase().includes(search.toLowerCase()))) throw new Error('search pending');
    const found = visible.find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}: ${visible.map((o) => o.textContent).join(' | ')}`);
    return found;
  });
  fireEvent.click(option);
}

const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('entering the store product module', () => {
  it('picks a platform, then one of its stores; the URL holds both; the switcher offers only that platform; Change platform goes back out', async () => {
    const jakarta = await addStore('shopee', 'Shopee Jakarta', '100234', 'id');
    const bandung = await addStore('shopee', 'Shopee Bandung', '100777', 'id');
    await addStore('lazada', 'Lazada SG');
    await addListing(jakarta, '1001', 'Canvas Tote', [{ sku: 'TOTE-1' }]);
    await addListing(bandung, '2001', 'Bandung Mug', [{ sku: 'MUG-1' }]);
    window.location.hash = '#/store-products';
    render(<DashboardApp />);

    expect((await screen.findByTestId('sp-platform-count-shopee')).textContent).toBe('2 connected stores');
    expect(screen.getByTestId('sp-platform-count-lazada').textContent).toBe('1 connected store');
    const none = screen.getByTestId('sp-platform-none-tiktok');
    expect(none.textContent).toMatch(/No store connected yet/);
    expect(within(none).getByRole('link').getAttribute('href')).toBe('#/stores');

    fireEvent.click(screen.getByTestId('sp-platform-shopee'));
    await screen.findByTestId('sp-store-picker');
    expect(hashParams().get('platform')).toBe('shopee');
    expect(screen.getByTestId(`sp-store-${jakarta}`)).toBeTruthy();
    expect(screen.getByTestId(`sp-store-${bandung}`)).toBeTruthy();
    expect(screen.queryByText('Lazada SG')).toBeNull();

    fireEvent.click(screen.getByTestId(`sp-store-${jakarta}`));
    await screen.findByTestId('sp-row-1001');
    expect(hashParams().get('store')).toBe(String(jakarta));
    expect(screen.getByTestId('sp-platform').textContent).toBe('SShopee');

    // The switcher lists the platform's stores only.
    const options = await openSelect('sp-store-switch');
    expect(options.map((o) => o.textContent).sort()).toEqual(['Shopee Bandung · 100777 · ID', 'Shopee Jakarta · 100234 · ID']);
    fireEvent.click(options.find((o) => o.textContent === 'Shopee Bandung · 100777 · ID')!);
    await screen.findByTestId('sp-row-2001');
    expect(hashParams().get('platform')).toBe('shopee');
    expect(hashParams().get('store')).toBe(String(bandung));
    expect(screen.queryByTestId('sp-row-1001')).toBeNull();

    // The view is in the URL too.
    fireEvent.click(screen.getByTestId('sp-tab-drafts'));
    expect((await screen.findByTestId('sp-drafts-empty')).textContent).toMatch(/Nothing waits to be published in Shopee Bandung\.Drafts come here two ways: in Store products, select listings of any store and choose Clone/);
    expect(hashParams().get('view')).toBe('drafts');

    fireEvent.click(screen.getByTestId('sp-change-platform'));
    await screen.findByTestId('sp-platform-picker');
    expect(window.location.hash).toBe('#/store-products');
  });

  it('lands in the same place from a link, and a store of another platform in the URL is not opened (the platform\'s only store is)', async () => {
    const lazada = await addStore('lazada', 'Lazada SG');
    const shopee = await addStore('shopee', 'Shopee Jakarta');
    await addListing(lazada, '3001', 'Lazada Lamp', [{ sku: 'LAMP-1' }]);
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=unconnected`;
    const view = render(<DashboardApp />);
    await screen.findByTestId('unc');
    expect(screen.getByTestId('sp-tab-unconnected').closest('[aria-selected]')?.getAttribute('aria-selected')).toBe('true');
    view.unmount();

    window.location.hash = `#/store-products?platform=lazada&store=${shopee}`;
    render(<DashboardApp />);
    await screen.findByTestId('sp-row-3001');
    expect(hashParams().get('store')).toBe(String(lazada));
    expect(screen.queryByText('Shopee Jakarta')).toBeNull();
  });
});

describe('the store product list', () => {
  it('shows image, title with item id, seller SKU → system SKU or not connected, stock, push quantity or its reason, status and the sync status icon', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const tee = await addProduct('TEE-S');
    await addListing(store, '1001', 'Cotton Tee', [{ sku: 'TEE-S', productId: tee, stock: 7 }, { sku: 'TEE-M', stock: 3 }], { autoSync: true, updatedAt: 3 });
    await addListing(store, '1002', 'Failing Mug', [{ sku: 'MUG', productId: await addProduct('MUG'), lastSync: { at: 2, quantity: 5, status: 'failed', error: 'the platform refused: item is locked' } }], { updatedAt: 2 });
    await addListing(store, '1003', 'Synced Lamp', [{ sku: 'LAMP', productId: await addProduct('LAMP'), lastSync: { at: 1, quantity: 9, status: 'success', error: null } }], { autoSync: true, updatedAt: 1 });
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    const tee1 = await screen.findByTestId('sp-row-1001');
    expect(within(tee1).getByText('Cotton Tee')).toBeTruthy();
    expect(within(tee1).getByText('Item ID 1001')).toBeTruthy();
    expect(within(tee1).getAllByText('TEE-S').length).toBe(2); // seller SKU → system SKU
    expect(within(tee1).getByText('Not connected')).toBeTruthy();
    expect(within(tee1).getByText('Active')).toBeTruthy();
    // No rule yet: blank push quantities with the reason.
    const push = within(tee1).getAllByTestId(/^sp-push-/);
    // Variants are listed by seller SKU: TEE-M (not connected), TEE-S (connected, no rule).
    expect(push.map((p) => p.getAttribute('data-reason'))).toEqual([expect.stringMatching(/Not connected/), expect.stringMatching(/No sync rule/)]);
    expect(push.every((p) => p.textContent?.trim() === '')).toBe(true);

    // Sync status: auto sync on/off plus the last result.
    const icon = (itemId: string) => within(screen.getByTestId(`sp-row-${itemId}`)).getByTestId(/^sp-sync-/);
    expect([icon('1001').dataset.auto, icon('1001').dataset.status]).toEqual(['on', 'never']);
    expect([icon('1002').dataset.auto, icon('1002').dataset.status]).toEqual(['off', 'failed']);
    expect([icon('1003').dataset.auto, icon('1003').dataset.status]).toEqual(['on', 'success']);
    expect(icon('1002').querySelector('[aria-label="Failed"]')).toBeTruthy();
    expect(icon('1003').querySelector('[aria-label="Auto sync on"]')).toBeTruthy();
    fireEvent.mouseEnter(icon('1002'));
    expect((await screen.findByText(/item is locked/)).textContent).toMatch(/MUG: the platform refused: item is locked/);

    // Search narrows the list (debounced); a filter by sync status too.
    fireEvent.change(screen.getByTestId('sp-search'), { target: { value: 'lamp' } });
    await waitFor(() => expect(screen.queryByTestId('sp-row-1001')).toBeNull());
    expect(screen.getByTestId('sp-row-1003')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sp-filter-clear'));
    await screen.findByTestId('sp-row-1001');
    await choose('sp-filter-syncstatus', 'Failed');
    await waitFor(() => expect(screen.queryByTestId('sp-row-1001')).toBeNull());
    expect(screen.getByTestId('sp-row-1002')).toBeTruthy();
    expect(screen.getByTestId('sp-all').textContent).toMatch(/All 1 matching/);
  });

  it('explains the push quantity: rule, warehouses with sellable and in transit, base, ratio, result', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const w = (await ok('warehouses.create', { name: 'Jakarta DC', code: 'JKT' })).id;
    const pid = await addProduct('BAG-1');
    await ok('inventory.adjust', { warehouseId: w, sku: 'BAG-1', onHand: 100 });
    await ok('purchaseOrders.create', { warehouseId: w, lines: [{ sku: 'BAG-1', quantity: 100 }] });
    await ok('syncRules.create', { name: 'Seed rule', inventoryType: 'sellable_in_transit', ratioPercent: 80, warehouseIds: [w], storeIds: [store] });
    const { variantIds } = await addListing(store, '5001', 'Canvas Bag', [{ sku: 'BAG-1', productId: pid }]);
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    const cellEl = await screen.findByTestId(`sp-push-${variantIds[0]}`);
    expect(cellEl.textContent).toMatch(/^160/);
    fireEvent.click(screen.getByTestId(`sp-explain-open-${variantIds[0]}`));
    const explain = await screen.findByTestId(`sp-explain-${variantIds[0]}`);
    expect(screen.getByText('Why 160?')).toBeTruthy();
    expect(explain.textContent).toMatch(/Rule "Seed rule": Sellable \+ in transit, at 80 %/);
    expect(within(explain).getByText('Jakarta DC (JKT)')).toBeTruthy();
    expect(within(explain).getAllByText('100').length).toBe(2);
    expect(explain.textContent).toMatch(/= 200\./);
    expect(within(explain).getByTestId('sp-explain-result').textContent).toBe('80 % × 200 = 160 (rounded down)');
  });

  it('refuses Sync inventory without a rule with the background sentence, and switches auto sync on for the selected', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const pid = await addProduct('CUP-1');
    const { id } = await addListing(store, '7001', 'Cup', [{ sku: 'CUP-1', productId: pid }]);
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    const row = await screen.findByTestId('sp-row-7001');
    // The list itself says the store has no rule, with the way to set one up.
    expect((await screen.findByTestId('sp-no-rule')).textContent).toMatch(/No sync rule covers Shopee Jakarta yet/);
    fireEvent.click(screen.getByTestId('sp-no-rule-setup'));
    expect((await screen.findByTestId('rules-store-status')).textContent).toMatch(/No rule covers Shopee Jakarta yet/);
    fireEvent.click(within(row).getByRole('checkbox'));
    expect((await screen.findByTestId('sp-selected-count')).textContent).toMatch(/1 selected/);
    fireEvent.click(screen.getByTestId('sp-sync-selected'));
    expect(await screen.findByText(/Shopee Jakarta has no sync rule, so Shelfsync has no number to push and sends nothing/)).toBeTruthy();
    expect(await db.syncLogs.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    fireEvent.click(screen.getByTestId('sp-more'));
    fireEvent.click(await screen.findByTestId('sp-more-auto-on'));
    // Asked first, with what it pushes: no rule, so nothing.
    const dialog = await screen.findByTestId('sp-auto-on-dialog');
    expect((await within(dialog).findByTestId('sp-auto-on-effects-headline')).textContent).toBe('Nothing is pushed now.');
    expect(dialog.textContent).toMatch(/1 variant has no number/);
    expect((await db.storeProducts.get(id))?.autoSync).toBe(0);
    fireEvent.click(screen.getByTestId('sp-auto-on-confirm'));
    expect(await screen.findByText(/^Auto sync switched on for 1 listing\./)).toBeTruthy();
    expect((await db.storeProducts.get(id))?.autoSync).toBe(1);
    await waitFor(() => expect(within(screen.getByTestId('sp-row-7001')).getByTestId(`sp-sync-${id}`).dataset.auto).toBe('on'));
  });

  it('All items → Auto sync on says how many live listings change now and which go to 0, before switching', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const main = (await ok('warehouses.create', { name: 'Main', code: 'MAIN' })).id;
    await ok('syncRules.create', { name: 'All stock', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [main], storeIds: [store] });
    const cup = await addProduct('CUP-1');
    const mug = await addProduct('MUG-1');
    const pen = await addProduct('PEN-1');
    await ok('inventory.adjust', { warehouseId: main, productId: cup, onHand: 40 });
    await ok('inventory.adjust', { warehouseId: main, productId: pen, onHand: 7 });
    await addListing(store, '7001', 'Cup', [{ sku: 'CUP-1', productId: cup, stock: 45 }]);
    await addListing(store, '7002', 'Mug', [{ sku: 'MUG-1', productId: mug, stock: 12 }]);
    await addListing(store, '7003', 'Pen', [{ sku: 'PEN-1', productId: pen, stock: 7 }]);
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);
    await screen.findByTestId('sp-row-7001');
    fireEvent.click(screen.getByTestId('sp-all'));
    fireEvent.click(await screen.findByTestId('sp-all-auto-on'));
    const dialog = await screen.findByTestId('sp-auto-on-dialog');
    expect((await within(dialog).findByTestId('sp-auto-on-effects-headline')).textContent).toBe('Changes the stock shown on 2 listings now — 1 variant goes to 0, and buyers can no longer order it.');
    expect(within(dialog).getByTestId('sp-auto-on-effects-row-CUP-1').textContent).toMatch(/45.*40/);
    expect(within(dialog).getByTestId('sp-auto-on-effects-row-MUG-1').textContent).toMatch(/12.*0/);
    expect(await db.storeProducts.filter((p) => p.autoSync === 1).count()).toBe(0);
    fireEvent.click(screen.getByTestId('sp-auto-on-confirm'));
    expect(await screen.findByText(/^Auto sync switched on for 3 listings\. Changes the stock shown on 2 listings now/)).toBeTruthy();
    expect(await db.storeProducts.filter((p) => p.autoSync === 1).count()).toBe(3);
  });
});

describe('effects a seller cannot see on the platform', () => {
  it('says "1 variant not managed" in the list and the drawer, and a listing with one is Partly synced, not Synced', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const ok1 = { at: 5, quantity: 7, status: 'success' as const, error: null };
    const { id: half } = await addListing(store, '2001', 'Half Tee', [{ sku: 'HALF-S', productId: await addProduct('HALF-S'), lastSync: ok1 }, { sku: 'HALF-M' }], { updatedAt: 2 });
    const { id: whole } = await addListing(store, '2002', 'Whole Tee', [{ sku: 'WHOLE-S', productId: await addProduct('WHOLE-S'), lastSync: ok1 }], { updatedAt: 1 });
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    const row = await screen.findByTestId('sp-row-2001');
    expect(within(row).getByTestId(`sp-not-managed-${half}`).textContent).toBe('1 variant not managed');
    expect(within(screen.getByTestId('sp-row-2002')).queryByTestId(`sp-not-managed-${whole}`)).toBeNull();
    const icon = within(row).getByTestId(`sp-sync-${half}`);
    expect([icon.dataset.status, icon.textContent]).toEqual(['partial', 'Partly synced']);
    expect(within(screen.getByTestId('sp-row-2002')).getByTestId(`sp-sync-${whole}`).dataset.status).toBe('success');
    expect(screen.getByText('2 listings')).toBeTruthy();

    // The filter tells them apart, and counts in the singular.
    await choose('sp-filter-syncstatus', 'Partly synced');
    await waitFor(() => expect(screen.queryByTestId('sp-row-2002')).toBeNull());
    expect(screen.getByTestId('sp-row-2001')).toBeTruthy();
    expect(screen.getByText('1 listing')).toBeTruthy();

    // The listing's link (jsdom follows an <a> without href to the page's base URL on click).
    window.location.hash = `#/store-products?platform=shopee&store=${store}&item=${half}`;
    const detail = await screen.findByTestId('sp-detail');
    expect(within(detail).getByTestId('spd-not-managed').textContent).toMatch(/^1 variant not managed.*Shelfsync never pushes its stock/);

    // The drawer's auto sync switch asks with what it pushes before switching on.
    fireEvent.click(screen.getByTestId('spd-auto'));
    const ask = await screen.findByTestId('sp-auto-on-dialog');
    await within(ask).findByTestId('sp-auto-on-effects-headline');
    expect((await db.storeProducts.get(half))?.autoSync).toBe(0);
    fireEvent.click(screen.getByTestId('sp-auto-on-confirm'));
    await waitFor(async () => expect((await db.storeProducts.get(half))?.autoSync).toBe(1));
  });

  it('marks platform stock that is not the push quantity (45 where 40 would be pushed), on the variant and the listing, and filters by it', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const w = (await ok('warehouses.create', { name: 'Jakarta DC', code: 'JKT' })).id;
    const cap = await addProduct('CAP-1');
    const mug = await addProduct('MUG-1');
    await ok('inventory.adjust', { warehouseId: w, sku: 'CAP-1', onHand: 40 });
    await ok('inventory.adjust', { warehouseId: w, sku: 'MUG-1', onHand: 12 });
    await ok('syncRules.create', { name: 'All of JKT', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w], storeIds: [store] });
    const { id: capId, variantIds: [capVariant] } = await addListing(store, '3001', 'Cap', [{ sku: 'CAP-1', productId: cap, stock: 45 }, { sku: 'CAP-X', stock: 9 }], { updatedAt: 2 });
    const { id: mugId } = await addListing(store, '3002', 'Mug', [{ sku: 'MUG-1', productId: mug, stock: 12 }], { updatedAt: 1 });
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);

    const row = await screen.findByTestId('sp-row-3001');
    const mark = within(row).getByTestId(`sp-stock-differs-${capVariant}`);
    expect(mark.textContent).toBe('≠ 45');
    expect(mark.getAttribute('aria-label')).toBe('The platform shows 45; Shelfsync would push 40.');
    expect(within(row).getByTestId(`sp-push-${capVariant}`).textContent).toMatch(/^40/);
    expect(within(row).getByTestId(`sp-differs-${capId}`).textContent).toBe('≠ 1 variant differs');
    // The unconnected variant has no push quantity, so it is never marked.
    expect(within(row).getAllByTestId(/^sp-stock-differs-/)).toHaveLength(1);
    expect(within(screen.getByTestId('sp-row-3002')).queryByTestId(`sp-differs-${mugId}`)).toBeNull();

    // The filter, found by its name as a screen reader would.
    expect(screen.getByLabelText('Stock vs push')).toBeTruthy();
    await choose('sp-filter-differs', 'Differs from push quantity');
    await waitFor(() => expect(screen.queryByTestId('sp-row-3002')).toBeNull());
    expect(screen.getByTestId('sp-row-3001')).toBeTruthy();

    // The warehouse catches up with the platform: the listing no longer differs.
    await ok('inventory.adjust', { warehouseId: w, sku: 'CAP-1', onHand: 45 });
    await waitFor(() => expect(screen.queryByTestId('sp-row-3001')).toBeNull());
  });

  it('names every filter for a screen reader, and offers Partly synced among the sync statuses', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    await addListing(store, '4001', 'Lamp', [{ sku: 'LAMP' }]);
    window.location.hash = `#/store-products?platform=shopee&store=${store}`;
    render(<DashboardApp />);
    await screen.findByTestId('sp-row-4001');
    for (const name of ['Search title, seller SKU, system SKU or item ID', 'Status', 'Connection', 'Auto sync', 'Sync status', 'Stock vs push', 'Sort by']) {
      expect(screen.getByLabelText(name)).toBeTruthy();
    }
    const options = await openSelect('sp-filter-syncstatus');
    expect(options.map((o) => o.textContent)).toEqual(['Synced', 'Partly synced', 'Failed', 'Pending', 'Auto sync on, never synced', 'Auto sync off, never synced']);
  });
});

describe('unconnected variants', () => {
  it('counts each reason as a filter tag, says why in a sentence, and connects a variant to a chosen system product', async () => {
    const store = await addStore('lazada', 'Lazada SG');
    const twinA = await addProduct('SOCK_1', 'Sock twin A');
    const twinB = await addProduct('SOCK.1', 'Sock twin B');
    await addProduct('HAT-9', 'Wool hat');
    await addListing(store, '9001', 'Wool Hat', [{ sku: 'HAT-X' }, { sku: '' }]);
    await addListing(store, '9002', 'Socks', [{ sku: 'SOCK-1', reason: 'ambiguous_sku', candidates: [twinA, twinB] }, { sku: 'SOCK-2', reason: 'disconnected' }]);
    window.location.hash = `#/store-products?platform=lazada&store=${store}&view=unconnected`;
    render(<DashboardApp />);

    await screen.findByTestId('unc-row-HAT-X');
    expect(screen.getByTestId('unc-reason-all').textContent).toBe('All (4)');
    const total = () => document.querySelector('.ant-pagination-total-text')?.textContent;
    expect(total()).toBe('4 variants');
    expect(screen.getByTestId('unc-reason-no_matching_sku').textContent).toBe('No matching SKU 1');
    expect(screen.getByTestId('unc-reason-empty_sku').textContent).toBe('Empty SKU 1');
    expect(screen.getByTestId('unc-reason-ambiguous_sku').textContent).toBe('Several candidates 1');
    expect(screen.getByTestId('unc-reason-disconnected').textContent).toBe('Disconnected by you 1');
    expect(within(screen.getByTestId('unc-row-HAT-X')).getByText('No system product has the SKU "HAT-X".')).toBeTruthy();
    expect(within(screen.getByTestId('unc-row-SOCK-1')).getByText(/Several system products look like "SOCK-1"/)).toBeTruthy();

    // A reason tag filters.
    fireEvent.click(screen.getByTestId('unc-reason-empty_sku'));
    await waitFor(() => expect(screen.queryByTestId('unc-row-HAT-X')).toBeNull());
    expect(document.querySelectorAll('[data-testid^="unc-row-"]').length).toBe(1);
    expect(total()).toBe('1 variant');
    fireEvent.click(screen.getByTestId('unc-reason-all'));
    await screen.findByTestId('unc-row-HAT-X');

    // A candidate opens Connect with it chosen, and says what connecting pushes before it does.
    const sock = screen.getByTestId('unc-row-SOCK-1');
    fireEvent.click(within(sock).getByText('Connect to SOCK_1'));
    expect((await screen.findByTestId('unc-connect-effect')).textContent).toMatch(/no sync rule yet, so connecting pushes nothing/);
    expect(screen.getByLabelText('System product')).toBeTruthy();
    expect((await db.storeVariants.filter((v) => v.sellerSku === 'SOCK-1').first())?.productId).toBeNull();
    fireEvent.click(screen.getByTestId('unc-connect-ok'));
    await waitFor(() => expect(screen.queryByTestId('unc-row-SOCK-1')).toBeNull());
    expect((await db.storeVariants.filter((v) => v.sellerSku === 'SOCK-1').first())?.productId).toBe(twinA);

    // Connect… with the searchable picker.
    const hat = screen.getByTestId('unc-row-HAT-X');
    const hatId = Number(within(hat).getByTestId(/^unc-connect-\d+$/).getAttribute('data-testid')!.replace('unc-connect-', ''));
    fireEvent.click(within(hat).getByTestId(`unc-connect-${hatId}`));
    await choose('unc-connect-picker', 'HAT-9 — Wool hat', 'hat');
    await screen.findByTestId('unc-connect-effect');
    fireEvent.click(screen.getByTestId('unc-connect-ok'));
    await waitFor(() => expect(screen.queryByTestId('unc-row-HAT-X')).toBeNull());
    expect(await db.storeVariants.get(hatId)).toMatchObject({ connected: 1, connectedBy: 'manual' });
    await waitFor(() => expect(screen.getByTestId('unc-reason-all').textContent).toBe('All (2)'));
  });

  it('Add system SKU creates and connects the selected, reports each refusal, and says when everything is connected', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    await addProduct('TAKEN-1', 'Already there');
    await addListing(store, '4001', 'Pouch', [{ sku: 'POUCH-1' }, { sku: '' }]);
    await addListing(store, '4002', 'Taken', [{ sku: 'taken-1 ', reason: 'disconnected' }]);
    window.location.hash = `#/store-products?platform=shopee&store=${store}&view=unconnected`;
    render(<DashboardApp />);

    await screen.findByTestId('unc-row-POUCH-1');
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid^="unc-row-"]')) fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('unc-add-sku'));
    // No warehouse yet: the dialog starts the new product at 0 and says why, before anything is made.
    const dialog = await screen.findByTestId('unc-add-dialog');
    await within(dialog).findByTestId('unc-add-effects');
    expect(dialog.textContent).toMatch(/There is no warehouse yet/);
    expect(within(dialog).getByTestId('unc-add-skipped').textContent).toMatch(/2 variants will not be added/);
    expect(await db.products.count()).toBe(1);
    fireEvent.click(screen.getByTestId('unc-add-confirm'));
    const result = await screen.findByTestId('unc-add-result');
    expect(within(result).getByTestId('unc-add-created').textContent).toMatch(/^1 system product created and connected\.POUCH-1/);
    expect(result.textContent).toMatch(/2 variants were not added/);
    expect(result.textContent).toMatch(/This variant has no seller SKU on the platform/);
    expect(result.textContent).toMatch(/already belongs to the system product "Already there"/);
    expect((await db.products.where('skuKey').equals('pouch-1').first())?.name).toBe('Pouch — S');
    fireEvent.click(screen.getByTestId('unc-add-close'));
    await waitFor(() => expect(screen.queryByTestId('unc-row-POUCH-1')).toBeNull());

    // Connect the rest; the view then says everything is connected.
    for (const v of await db.storeVariants.where('[storeId+connected]').equals([store, 0]).toArray()) {
      await ok('storeVariants.connect', { id: v.id, productId: (await db.products.where('skuKey').equals('taken-1').first())!.id });
    }
    invalidateAll();
    await screen.findByTestId('unc-empty');
    expect(screen.getByTestId('unc-empty').textContent).toMatch(/Every variant is connected/);
  });

  it('Add system SKU shows, before anything changes, what each listing on auto sync will be pushed: platform stock kept, or 0', async () => {
    const store = await addStore('shopee', 'Shopee Jakarta');
    const main = (await ok('warehouses.create', { name: 'Main', code: 'MAIN' })).id;
    await ok('syncRules.create', { name: 'All stock', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [main], storeIds: [store] });
    await addListing(store, '5001', 'Mug', [{ sku: 'MUG-1', stock: 136 }], { autoSync: true });
    await addListing(store, '5002', 'Cap', [{ sku: 'CAP-1', stock: 73 }], { autoSync: true });
    window.location.hash = `#/store-products?platform=shopee&store=${store}&view=unconnected`;
    render(<DashboardApp />);
    await screen.findByTestId('unc-row-MUG-1');
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid^="unc-row-"]')) fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('unc-add-sku'));

    // Default: platform stock into the rule's warehouse — nothing changes on the platform.
    const dialog = await screen.findByTestId('unc-add-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('unc-add-effects-headline').textContent).toMatch(/Nothing changes on the platform/));
    expect(within(dialog).getByLabelText('Into warehouse')).toBeTruthy();
    expect(within(dialog).getByTestId('unc-add-effects-row-MUG-1').textContent).toMatch(/136.*136/);
    expect(screen.getByTestId('unc-add-confirm').textContent).toMatch(/Create 2 system products/);

    // Start at 0: the two listings would go to 0, and the dialog says so first.
    fireEvent.click(within(dialog).getByTestId('unc-add-zero'));
    await waitFor(() => expect(within(dialog).getByTestId('unc-add-effects-headline').textContent).toMatch(/Changes the stock shown on 2 listings now — 2 variants go to 0/));
    expect(within(dialog).getByTestId('unc-add-effects-row-CAP-1').textContent).toMatch(/73.*0/);
    expect(await db.products.count()).toBe(0);

    // Back to platform stock, and confirm: the stock is in the warehouse, the ledger says why.
    fireEvent.click(within(dialog).getByTestId('unc-add-platform'));
    await waitFor(() => expect(within(dialog).getByTestId('unc-add-effects-headline').textContent).toMatch(/Nothing changes/));
    fireEvent.click(screen.getByTestId('unc-add-confirm'));
    const result = await screen.findByTestId('unc-add-result');
    expect(within(result).getByTestId('unc-add-pushed').textContent).toMatch(/Nothing changes on the platform/);
    const mug = (await db.products.where('skuKey').equals('mug-1').first())!;
    expect(await db.stockLevels.get([mug.id, main])).toMatchObject({ onHand: 136 });
    expect((await db.movements.where('productId').equals(mug.id).first())?.kind).toBe('intake');
  });
});
