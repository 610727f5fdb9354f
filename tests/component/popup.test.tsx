import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';

let db: ShelfsyncDB;
let sent: { type: string; payload: any }[];
beforeEach(async () => {
  db = await freshDb();
  invalidateAll();
  sent = [];
  setTransport((message) => {
    sent.push(message as { type: string; payload: any });
    return raw(message);
  });
  window.close = () => undefined;
});

function tabAt(url: string) {
  Object.assign(fakeBrowser.tabs, { query: async () => [{ id: 5, url, active: true }] });
}

async function addStore(platform: StoreRow['platform'], name: string, shopRef: string, status: StoreRow['status'] = 'active'): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region: null, status, statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef, secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

describe('the popup', () => {
  it('says no store is connected and opens the dashboard', async () => {
    tabAt('chrome://newtab/');
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<PopupApp />);
    expect(await screen.findByTestId('popup-no-stores')).toBeTruthy();
    expect(screen.getByText('No stores connected yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('popup-open-dashboard'));
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/dashboard.html') });
  });

  it('says so when the background does not answer', async () => {
    tabAt('chrome://newtab/');
    setTransport(() => Promise.reject(new Error('Receiving end does not exist.')));
    render(<PopupApp />);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('names the store of the console tab with its rule, auto sync, pushes, last sync and health; switches store', async () => {
    const shopee = await addStore('shopee', 'Batik Corner', '555');
    const lazada = await addStore('lazada', '<img src=x onerror=alert(1)>', '', 'needs_reauthorization');
    const w = await ok('warehouses.create', { name: 'Main', code: 'MAIN' });
    await ok('syncRules.create', { name: 'Everything', inventoryType: 'sellable_in_transit', ratioPercent: 80, warehouseIds: [w.id], storeIds: [shopee] });
    await db.meta.put({ key: 'engineHeartbeat', value: Date.now() - 120_000 });
    tabAt('https://seller.shopee.sg/portal/product/list/all?shop_id=555');
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('popup-store').getAttribute('data-store-id')).toBe(String(shopee)));
    expect(screen.getByTestId('popup-store-source').textContent).toBe('This tab');
    expect(screen.getByTestId('popup-rule').textContent).toBe('Sync ruleEverything · Sellable + in transit × 80% · 1 warehouse');
    expect(screen.getByTestId('popup-auto-sync').textContent).toBe('Auto sync0 of 0 listings');
    expect(screen.getByTestId('popup-pushes').textContent).toBe('Pushes0 pending · 0 failed');
    expect(screen.getByTestId('popup-last-sync').textContent).toBe('Last syncNever');
    expect(screen.getByTestId('popup-health').textContent).toMatch(/^HealthAuthorized · engine ran 2 minutes ago$/);
    // Side by side: the tab's identification and the status of the store used last (here the same).
    expect(sent.map((m) => m.type).slice(0, 2).sort()).toEqual(['console.identify', 'system.status']);
    expect(sent.filter((m) => m.type === 'system.status')).toHaveLength(1);
    await waitFor(async () => expect((await db.settings.get('popupStore'))?.value).toBe(shopee));

    // Switching: the other store, its (missing) rule and health; names are text.
    await act(async () => fireEvent.change(screen.getByTestId('popup-store-switch'), { target: { value: String(lazada) } }));
    await waitFor(() => expect(screen.getByTestId('popup-store').getAttribute('data-store-id')).toBe(String(lazada)));
    expect(screen.getByTestId('popup-rule').textContent).toContain('None: syncing this store is refused');
    expect(screen.getByTestId('popup-health').textContent).toContain('Needs re-authorization');
    expect(screen.getByRole('option', { name: `<img src=x onerror=alert(1)> · #${lazada} · Lazada` })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Batik Corner · 555 · Shopee' })).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await waitFor(async () => expect((await db.settings.get('popupStore'))?.value).toBe(lazada));
  });

  it('on a tab that is no console, shows the store used last; the quick actions', async () => {
    const shopee = await addStore('shopee', 'Batik Corner', '555');
    const tiktok = await addStore('tiktok', 'Tok Shop', '');
    await ok('system.useStore', { storeId: tiktok });
    tabAt('https://example.com/');
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('popup-store').getAttribute('data-store-id')).toBe(String(tiktok)));
    expect(screen.getByTestId('popup-store-source').textContent).toBe('Last used');
    // Any web page may be a WooCommerce site Shelfsync knows: asked once, beside the status
    expect(sent.map((m) => m.type).sort()).toEqual(['console.identify', 'system.status']);
    expect(screen.getByTestId('popup').getAttribute('data-ready-ms')).toMatch(/^\d+$/);

    await act(async () => fireEvent.click(screen.getByTestId('popup-sync-store')));
    await waitFor(() => expect(screen.getByTestId('popup-sync-result').textContent).toMatch(/no sync rule/));
    expect(sent.find((m) => m.type === 'storeProducts.sync')!.payload).toEqual({ storeId: tiktok, all: true });

    fireEvent.click(screen.getByTestId('popup-open-store'));
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/dashboard.html#/store-products?platform=tiktok&store=${tiktok}`) });
    void shopee;
  });

  it('on a console two stores could be, picking one tells Shelfsync which (consoles.bind)', async () => {
    const a = await addStore('lazada', 'Lazada A', '');
    await addStore('lazada', 'Lazada B', '');
    const url = 'https://sellercenter.lazada.sg/apps/product/list?tab=online_product';
    tabAt(url);
    render(<PopupApp />);
    await screen.findByTestId('popup-ambiguous');
    await act(async () => fireEvent.change(screen.getByTestId('popup-store-switch'), { target: { value: String(a) } }));
    await waitFor(() => expect(screen.getByTestId('popup-bound').textContent).toBe(`This console is now Lazada A · #${a}.`));
    expect(sent.find((m) => m.type === 'consoles.bind')!.payload).toEqual({ url, storeId: a });
    const again = (await raw({ type: 'console.identify', payload: { url } })) as { ok: true; data: { store: { id: number } } };
    expect(again.data.store.id).toBe(a);
  });

  it('on a WooCommerce site spelling Shelfsync may not run on (an older store, www. never granted): says so and asks in the click', async () => {
    const id = await addStore('woocommerce', 'Kedai Kita', '');
    await db.stores.update(id, { endpoints: { apiBaseUrl: 'https://shop.example' } as StoreRow['endpoints'] });
    const grants = new Set(['https://shop.example/*']);
    const requested: string[][] = [];
    const asked: string[] = [];
    Object.assign(fakeBrowser, {
      permissions: {
        contains: async ({ origins }: { origins: string[] }) => (asked.push(...origins), origins.every((o) => grants.has(o))),
        request: async ({ origins }: { origins: string[] }) => (requested.push(origins), origins.forEach((o) => grants.add(o)), true),
      },
    });
    tabAt('https://www.shop.example/wp-admin/edit.php?post_type=product');
    const { unmount } = render(<PopupApp />);
    const prompt = await screen.findByTestId('popup-site-access');
    expect(prompt.getAttribute('data-origin')).toBe('https://www.shop.example/*');
    expect(prompt.textContent).toContain('Shelfsync may not run on www.shop.example yet');
    fireEvent.click(screen.getByTestId('popup-site-allow'));
    expect(requested).toEqual([['https://www.shop.example/*']]);
    expect((await screen.findByTestId('popup-site-allowed')).textContent).toBe("Allowed on www.shop.example. Reload the page to see Shelfsync's controls.");
    unmount();

    // The site as saved, granted: nothing to ask.
    tabAt('https://shop.example/wp-admin/edit.php?post_type=product');
    render(<PopupApp />);
    await screen.findByTestId('popup-store');
    await waitFor(() => expect(asked).toContain('https://shop.example/*'));
    await act(async () => undefined);
    expect(screen.queryByTestId('popup-site-access')).toBeNull();
  });
});
