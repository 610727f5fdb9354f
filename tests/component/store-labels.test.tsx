// Two stores the seller named alike are told apart everywhere a store is offered or reported:
// platform cards, the store picker and switcher, a rule's Stores field and preview, clone
// destinations (dashboard and console), the sync log, the popup and the Stores page — each by
// name + shop id/site + region. Also: platform cards count stores, listings and unconnected
// variants, and a platform with one store goes straight into it.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClonePicker } from '@/components/console/ClonePicker';
import { LayerContext, SessionContext } from '@/components/console/context';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { PopupApp } from '@/components/popup/PopupApp';
import { setTransport } from '@/lib/commands/client';
import type { Sender } from '@/lib/commands/define';
import type { Session } from '@/lib/consoles/runtime/session';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow, SyncLogRow } from '@/lib/db/types';
import type { ShopIdentity } from '@/lib/platforms/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';


let db: ShelfsyncDB;
let twinA: number;
let twinB: number;
let lazada: number;
let tiktok: number;
let warehouse: number;

async function addStore(platform: StoreRow['platform'], name: string, identity: ShopIdentity, region: string | null = null): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: identity.shopId ?? identity.sellerId ?? '', identity, secret: { iv: '', data: '' }, autoSyncDefault: false,
    download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

/** A listing with one variant, connected to a new system product holding `onHand` when given. */
async function addListing(storeId: number, sku: string, onHand: number | null): Promise<{ storeProductId: number; variantId: number }> {
  const productId = onHand === null ? null : (await ok('products.create', { sku, name: `System ${sku}` })).id;
  if (productId && onHand) await ok('inventory.adjust', { warehouseId: warehouse, productId, onHand });
  const storeProductId = await db.storeProducts.add({
    storeId, platformItemId: `item-${sku}`, title: `Listing ${sku}`, status: 'active', gone: 0, imageUrl: null, description: null, autoSync: 0,
    platformUpdatedAt: 1, extra: null, lastSeenJob: 0, updatedAt: 1,
  } as Omit<StoreProductRow, 'id'> as StoreProductRow);
  const variantId = await db.storeVariants.add({
    storeId, storeProductId, platformItemId: `item-${sku}`, platformVariantId: `v-${sku}`, sellerSku: sku, sellerSkuKey: sku.toLowerCase(), productId,
    connected: productId ? 1 : 0, connectedBy: productId ? 'sku' : null, reason: productId ? null : 'no_matching_sku', candidateProductIds: [], price: 1,
    platformStock: 0, options: null, ref: null, lastSync: null, failing: 0,
  } as Omit<StoreVariantRow, 'id'> as StoreVariantRow);
  return { storeProductId, variantId };
}

const A = 'Twin Shop · 100234 · ID';
const B = 'Twin Shop · 100777 · ID';

beforeEach(async () => {
  db = await freshDb();
  invalidateAll();
  setTransport((message) => raw(message));
  window.location.hash = '';
  warehouse = (await ok('warehouses.create', { name: 'Main', code: 'MAIN' })).id;
  twinA = await addStore('shopee', 'Twin Shop', { shopId: '100234' }, 'id');
  twinB = await addStore('shopee', 'Twin Shop', { shopId: '100777', region: 'ID' });
  lazada = await addStore('lazada', 'Solo', { sellerId: '5001', shortCode: 'SG5001', name: 'Solo Official' }, 'sg');
  tiktok = await addStore('tiktok', 'Tok', { shopId: '7494', cipher: 'ROW_x', shortCode: 'USLC7494', region: 'US' });
});
afterEach(() => cleanup());

/** The options of the open Select dropdown (ids repeat in jsdom, so find it by its state). */
function openOptions(): HTMLElement[] {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop();
  return [...(open?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
}
async function optionsOf(testId: string, within_: HTMLElement = document.body): Promise<string[]> {
  const select = within(within_).getByTestId(testId);
  fireEvent.mouseDown(within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox'));
  return waitFor(() => {
    const options = openOptions().map((o) => o.textContent ?? '');
    if (!options.length) throw new Error('no options yet');
    return options;
  });
}
async function choose(testId: string, text: string) {
  await optionsOf(testId);
  fireEvent.click(openOptions().find((o) => o.textContent?.includes(text))!);
}
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('the store product module', () => {
  it('platform cards count stores, listings and unconnected variants, and name each store by its shop', async () => {
    await addListing(twinA, 'A-1', 3);
    await addListing(twinA, 'A-2', null);
    await addListing(twinB, 'B-1', 2);
    window.location.hash = '#/store-products';
    render(<DashboardApp />);
    expect((await screen.findByTestId('sp-platform-count-shopee')).textContent).toBe('2 connected stores');
    await waitFor(() => expect(screen.getByTestId('sp-platform-listings-shopee').textContent).toBe('3 listings · 1 variant unconnected'));
    expect(screen.getByTestId('sp-platform-listings-lazada').textContent).toBe('0 listings');
    const named = [...screen.getByTestId('sp-platform-stores-shopee').querySelectorAll('[data-store-label]')].map((e) => e.getAttribute('data-store-label'));
    expect(named.sort()).toEqual([A, B]);
    expect(screen.getByTestId('sp-platform-stores-shopee').textContent).toContain('Twin Shop · 100234 · ID');
  });

  it('the store picker and the switcher tell the twins apart', async () => {
    await addListing(twinA, 'A-1', 3);
    window.location.hash = '#/store-products';
    render(<DashboardApp />);
    // A card is clickable once the stores are read (its count shows).
    await screen.findByTestId('sp-platform-count-shopee');
    fireEvent.click(screen.getByTestId('sp-platform-shopee'));
    await screen.findByTestId('sp-store-picker');
    expect(screen.getByTestId(`sp-shop-${twinA}`).textContent).toBe('100234 · ID');
    expect(screen.getByTestId(`sp-shop-${twinB}`).textContent).toBe('100777 · ID');
    await waitFor(() => expect(screen.getByTestId(`sp-store-${twinA}`).textContent).toMatch(/1 listing(?!s)/));
    fireEvent.click(screen.getByTestId(`sp-store-${twinB}`));
    await screen.findByTestId('sp-workspace');
    expect((await optionsOf('sp-store-switch')).sort()).toEqual([A, B]);
  });

  it('a platform with one store goes straight into it; its switcher still shows it; Back leaves the module', async () => {
    await addListing(lazada, 'L-1', 1);
    window.location.hash = '#/store-products';
    render(<DashboardApp />);
    await screen.findByTestId('sp-platform-count-lazada');
    fireEvent.click(screen.getByTestId('sp-platform-lazada'));
    await screen.findByTestId('sp-row-item-L-1');
    expect(hashParams().get('platform')).toBe('lazada');
    expect(hashParams().get('store')).toBe(String(lazada));
    expect(screen.queryByTestId('sp-store-picker')).toBeNull();
    expect(await optionsOf('sp-store-switch')).toEqual(['Solo · 5001 · SG']);
    act(() => window.history.back());
    await screen.findByTestId('sp-platform-picker');
    expect(window.location.hash).toBe('#/store-products');
  });

  it('a link to the platform alone steps into its only store, in place of the link (Back does not bounce)', async () => {
    window.location.hash = '#/stores';
    window.location.hash = '#/store-products?platform=tiktok';
    render(<DashboardApp />);
    await screen.findByTestId('sp-workspace');
    expect(hashParams().get('store')).toBe(String(tiktok));
    act(() => window.history.back());
    await waitFor(() => expect(window.location.hash).toBe('#/stores'));
  });

  it('clone destinations name the twins apart', async () => {
    await addListing(lazada, 'L-1', 1);
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}`;
    render(<DashboardApp />);
    const row = await screen.findByTestId('sp-row-item-L-1');
    fireEvent.click(row.querySelector('.ant-checkbox-input')!);
    fireEvent.click(screen.getByTestId('sp-clone'));
    const modal = await screen.findByTestId('clone-modal');
    const options = await optionsOf('clone-stores', modal);
    expect(options).toEqual(expect.arrayContaining([A, B]));
    await choose('clone-stores', B);
    fireEvent.click(screen.getByTestId('clone-confirm'));
    const result = await screen.findByTestId(`clone-result-${twinB}`);
    expect(result.textContent).toContain(B);
    expect(await db.drafts.where('[storeId+status]').between([twinB, ''], [twinB, '\uffff']).count()).toBe(1);
    expect(await db.drafts.where('[storeId+status]').between([twinA, ''], [twinA, '\uffff']).count()).toBe(0);
  });
});

describe('sync rules and the sync log', () => {
  it('a rule\'s Stores field and its preview name the twins apart', async () => {
    await addListing(twinA, 'A-1', 4);
    await addListing(twinB, 'B-1', 7);
    window.location.hash = '#/sync-rules';
    render(<DashboardApp />);
    fireEvent.click(within(await screen.findByTestId('rules-empty')).getByTestId('rules-add'));
    fireEvent.change(await screen.findByTestId('rule-name'), { target: { value: 'Both' } });
    await choose('rule-warehouses', 'Main');
    const options = await optionsOf('rule-stores');
    expect(options).toEqual(expect.arrayContaining([A, B, 'Solo · 5001 · SG', 'Tok · 7494 · US']));
    fireEvent.click(openOptions().find((o) => o.textContent === A)!);
    fireEvent.click(openOptions().find((o) => o.textContent === B)!);
    fireEvent.click(screen.getByTestId('rule-preview-button'));
    const preview = await screen.findByTestId('rule-preview');
    const rows = [...preview.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('Listing A-1'))).toContain(A);
    expect(rows.find((r) => r.includes('Listing B-1'))).toContain(B);
  });

  it('the sync log names the store of each push, and its store filter tells the twins apart', async () => {
    const a = await addListing(twinA, 'A-1', 1);
    const b = await addListing(twinB, 'B-1', 1);
    const log = (storeId: number, v: { storeProductId: number; variantId: number }, quantity: number) =>
      db.syncLogs.add({ storeId, storeProductId: v.storeProductId, storeVariantId: v.variantId, quantity, trigger: 'manual', status: 'success', error: null, jobId: null, attempts: 1, createdAt: 1_000 + quantity, sentAt: 1_400 } as Omit<SyncLogRow, 'id'> as SyncLogRow);
    await log(twinA, a, 11);
    await log(twinB, b, 22);
    window.location.hash = '#/sync-log';
    render(<DashboardApp />);
    await waitFor(() => expect(document.querySelectorAll('[data-testid^="log-row-"]').length).toBe(2));
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid^="log-row-"]')];
    await waitFor(() => expect(rows.find((r) => r.dataset.quantity === '11')!.textContent).toContain(A));
    expect(rows.find((r) => r.dataset.quantity === '22')!.textContent).toContain(B);
    await choose('log-filter-store', B);
    await waitFor(() => expect(document.querySelectorAll('[data-testid^="log-row-"]').length).toBe(1));
    expect(window.location.hash).toBe(`#/sync-log?store=${twinB}`);
  });
});

describe('the Stores page', () => {
  it('shows each platform\'s shop identity', async () => {
    window.location.hash = '#/stores';
    render(<DashboardApp />);
    await waitFor(() => expect(screen.getByTestId(`store-shop-${twinA}`).textContent).toBe('Shop ID 100234'));
    expect(screen.getByTestId(`store-shop-${twinB}`).textContent).toBe('Shop ID 100777');
    expect(screen.getByTestId(`store-shop-${lazada}`).textContent).toBe('Seller ID 5001 · Code SG5001 · “Solo Official” on the platform');
    expect(screen.getByTestId(`store-shop-${tiktok}`).textContent).toBe('Shop ID 7494 · Code USLC7494');
    expect(within(screen.getByTestId(`store-row-${tiktok}`)).getByText('US')).toBeTruthy();
  });
});

describe('the popup and the console', () => {
  it('the popup\'s store switcher tells the twins apart', async () => {
    Object.assign(fakeBrowser.tabs, { query: async () => [{ id: 5, url: 'chrome://newtab/', active: true }] });
    render(<PopupApp />);
    const select = await screen.findByTestId('popup-store-switch');
    const names = [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect(names).toEqual(expect.arrayContaining([`${A} · Shopee`, `${B} · Shopee`, 'Solo · 5001 · SG · Lazada']));
  });

  it('the console\'s Clone… destinations (console.stores) tell the twins apart and leave out the console\'s own store', async () => {
    const page: Sender = { kind: 'content', url: 'https://sellercenter.lazada.sg/apps/product/list?seller_id=5001', tabId: 3, frameId: 0 };
    // The picker asks console.stores itself, as that console page (the store comes from its URL).
    setTransport((message) => raw(message, page));
    const session = { actions: {} } as unknown as Session;
    const layer = document.body.appendChild(document.createElement('div'));
    const anchor = document.body.appendChild(document.createElement('button'));
    render(
      <SessionContext.Provider value={session}>
        <LayerContext.Provider value={layer}>
          <ClonePicker ids={['1']} anchor={anchor} onClose={() => undefined} />
        </LayerContext.Provider>
      </SessionContext.Provider>,
    );
    const picker = await waitFor(() => {
      const p = document.querySelector('[data-shelfsync="clone-picker"]');
      if (!p?.querySelector('input[data-store-id]')) throw new Error('no stores yet');
      return p;
    });
    const label = (id: number) => picker.querySelector(`input[data-store-id="${id}"]`)?.closest('label')?.querySelector('.ss-name')?.textContent;
    expect(label(twinA)).toBe(A);
    expect(label(twinB)).toBe(B);
    expect(picker.querySelector(`input[data-store-id="${lazada}"]`)).toBeNull();
    await act(async () => undefined);
  });
});
