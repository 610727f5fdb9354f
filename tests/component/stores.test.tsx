import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { freshDb, raw } from '../helpers/background';

// The whole suite runs files in parallel: give slow renders room.

const SECRET = 'ENCRYPTED-SECRET-DATA-MUST-NOT-SHOW';
let db: ShelfsyncDB;
let sent: { type: string; payload: any }[];
let permissionRequests: string[][];
let grantHosts: boolean;

function storeRow(over: Partial<StoreRow>): Omit<StoreRow, 'id'> {
  return {
    platform: 'shopee', name: 'Shop', region: null, status: 'active', statusReason: null,
    endpoints: { apiBaseUrl: 'https://partner.shopeemobile.com' }, shopRef: '123',
    secret: { iv: 'iv', data: SECRET }, autoSyncDefault: false,
    download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
    ...over,
  };
}

beforeEach(async () => {
  db = await freshDb();
  sent = [];
  permissionRequests = [];
  grantHosts = true;
  setTransport((message) => {
    sent.push(message as never);
    return raw(message);
  });
  (fakeBrowser.runtime as any).getManifest = () => ({ manifest_version: 3, name: 'Shelfsync', version: '0.1.0', host_permissions: ['https://partner.shopeemobile.com/*', 'https://*.myshopify.com/*', 'http://127.0.0.1/*'] });
  (fakeBrowser.identity as any).getRedirectURL = (path: string) => `https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/${path}`;
  (fakeBrowser.permissions as any).request = vi.fn((req: { origins: string[] }) => {
    permissionRequests.push(req.origins);
    return Promise.resolve(grantHosts);
  });
  (fakeBrowser.permissions as any).contains = vi.fn(() => Promise.resolve(true));
  window.location.hash = '#/stores';
});

afterEach(() => vi.unstubAllGlobals());

async function openDrawer(platform: string, tab: 'Authorize with your app' | 'Paste credentials') {
  fireEvent.click(await screen.findByTestId('store-connect'));
  const drawer = await screen.findByTestId('connect-drawer');
  fireEvent.click(within(drawer).getByTestId(`connect-platform-${platform}`));
  fireEvent.click(within(drawer).getByRole('tab', { name: tab }));
  return drawer;
}

const commandsSent = (type: string) => sent.filter((m) => m.type === type);

// antd tables with tooltips and ellipsis are slow to render in jsdom.
describe('the Stores page', () => {
  it('says what to do next when no store is connected, with the demo button in the test build', async () => {
    render(<DashboardApp />);
    const empty = await screen.findByTestId('stores-empty');
    expect(empty.textContent).toMatch(/No stores connected yet/);
    expect(empty.textContent).toMatch(/Connect your first store/);
    expect(within(empty).getByTestId('store-connect')).toBeTruthy();
    expect(within(empty).getByTestId('demo-add')).toBeTruthy();
  });

  it('lists stores with platform, status (reason as tooltip), last download and never the secret', async () => {
    await db.stores.bulkAdd([
      storeRow({ name: 'Alpha Shopee', region: 'sg', download: { lastCompletedStartedAt: 5, last: { at: Date.UTC(2025, 0, 2), mode: 'full', ok: true, items: 30, message: '30 listings downloaded (30 new); 24 variants unconnected.' } } }),
      storeRow({ platform: 'lazada', name: 'Beta Lazada', status: 'needs_reauthorization', statusReason: 'refresh token expired' }),
      storeRow({ platform: 'shopify', name: 'Gamma Shopify', status: 'disabled', download: { lastCompletedStartedAt: null, last: { at: 1, mode: 'incremental', ok: false, items: 0, message: 'the platform refused the download' } } }),
    ] as StoreRow[]);
    render(<DashboardApp />);
    const alpha = (await screen.findByText('Alpha Shopee')).closest('tr')!;
    expect(within(alpha).getByText('Shopee')).toBeTruthy();
    expect(within(alpha).getByText('Active')).toBeTruthy();
    expect(within(alpha).getByText('SG')).toBeTruthy();
    expect(within(alpha).getByText('30 listings downloaded (30 new); 24 variants unconnected.')).toBeTruthy();

    const beta = screen.getByText('Beta Lazada').closest('tr')!;
    const status = within(beta).getByText('Needs re-authorization');
    expect(within(beta).getByText('Re-authorize').closest('button')).toBeTruthy();
    fireEvent.mouseEnter(status);
    expect(await screen.findByText('refresh token expired')).toBeTruthy();

    const gamma = screen.getByText('Gamma Shopify').closest('tr')!;
    expect(within(gamma).getByText('Disabled')).toBeTruthy();
    expect(within(gamma).getByText('Enable').closest('button')).toBeTruthy();
    expect(within(gamma).getByText('the platform refused the download')).toBeTruthy();
    expect((within(gamma).getByTestId(/store-download-\d+/) as HTMLButtonElement).disabled).toBe(true);

    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('shows a download already running when the page opens, with done / total, then its result on the row', async () => {
    const storeId = await db.stores.add(storeRow({ name: 'Busy Shop' }) as StoreRow);
    const jobId = await db.jobs.add({ kind: 'stores.download', status: 'running', progress: { done: 40, total: 120 }, input: { storeId, mode: 'full' }, createdAt: 1, updatedAt: 1 } as never);
    render(<DashboardApp />);
    expect(await screen.findByText('Downloading: 40 of 120 listings')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('33');
    await waitFor(() => expect(commandsSent('jobs.get').length).toBeGreaterThan(0));

    await act(async () => {
      await db.jobs.update(jobId, { progress: { done: 90, total: 120 } });
    });
    expect(await screen.findByText('Downloading: 90 of 120 listings')).toBeTruthy();

    const message = '120 listings downloaded (120 new); 7 variants unconnected.';
    await act(async () => {
      await db.jobs.update(jobId, { status: 'succeeded', progress: { done: 120, total: 120 }, result: { message }, input: null });
      await db.stores.update(storeId, { download: { lastCompletedStartedAt: 2, last: { at: Date.now(), mode: 'full', ok: true, items: 120, message } } });
    });
    // The toast and the row both say how it ended; the bar is gone.
    await waitFor(() => expect(screen.getAllByText(new RegExp('120 listings downloaded')).length).toBeGreaterThanOrEqual(2));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('starts a download from the row menu and follows its job', async () => {
    const storeId = await db.stores.add(storeRow({ name: 'Click Shop' }) as StoreRow);
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`store-download-${storeId}`));
    fireEvent.click(await screen.findByTestId(`store-download-incremental-${storeId}`));
    await waitFor(() => expect(commandsSent('stores.download')).toEqual([{ type: 'stores.download', payload: { id: storeId, mode: 'incremental' } }]));
    // The job fails here (no platform to reach): the failure shows on the row.
    await waitFor(() => expect(commandsSent('jobs.get').length).toBeGreaterThan(0));
    await waitFor(async () => expect((await db.stores.get(storeId))!.download.last?.ok).toBe(false));
  });

  it('switches auto sync for new listings, disables and removes a store through commands', async () => {
    const storeId = await db.stores.add(storeRow({ name: 'Toggle Shop' }) as StoreRow);
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`store-autosync-${storeId}`));
    await waitFor(async () => expect((await db.stores.get(storeId))!.autoSyncDefault).toBe(true));
    expect(commandsSent('stores.update')[0]!.payload).toEqual({ id: storeId, autoSyncDefault: true });

    fireEvent.click(screen.getByTestId(`store-enable-${storeId}`));
    await waitFor(async () => expect((await db.stores.get(storeId))!.status).toBe('disabled'));
    expect(await screen.findByText('Disabled')).toBeTruthy();

    fireEvent.click(screen.getByTestId(`store-remove-${storeId}`));
    expect(await screen.findByText(/Nothing changes on Shopee/)).toBeTruthy();
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await db.stores.count()).toBe(0));
    expect(await screen.findByTestId('stores-empty')).toBeTruthy();
  });
});

describe('the Connect a store drawer', () => {
  it('shows the redirect URL to register and per-platform help on the authorize tab', async () => {
    render(<DashboardApp />);
    const drawer = await openDrawer('lazada', 'Authorize with your app');
    expect(within(drawer).getByTestId('connect-redirect-url').textContent).toContain('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/lazada');
    expect(within(drawer).getByTestId('connect-help').textContent).toMatch(/Callback URL/);
    expect(within(drawer).getByLabelText('App Key')).toBeTruthy();
    expect((within(drawer).getByLabelText('App Secret') as HTMLInputElement).type).toBe('password');
  });

  it('checks required fields before sending anything', async () => {
    render(<DashboardApp />);
    const drawer = await openDrawer('shopify', 'Paste credentials');
    fireEvent.click(within(drawer).getByTestId('connect-submit-paste'));
    await waitFor(() => expect(within(drawer).getAllByText('Required').length).toBe(3));
    expect(commandsSent('stores.connect')).toEqual([]);
  });

  it('puts the refusal of stores.connect on the fields it names, and never echoes the secret', async () => {
    render(<DashboardApp />);
    const drawer = await openDrawer('shopify', 'Paste credentials');
    const form = within(drawer).getByTestId('connect-form-paste');
    fireEvent.change(within(form).getByTestId('connect-name'), { target: { value: 'My Shopify' } });
    fireEvent.change(within(form).getByTestId('connect-credentials-shopDomain'), { target: { value: 'not a domain' } });
    fireEvent.change(within(form).getByTestId('connect-credentials-accessToken'), { target: { value: 'shpat_SECRET_TOKEN' } });
    fireEvent.click(within(form).getByTestId('connect-submit-paste'));
    expect(await within(form).findByText('Must look like your-shop.myshopify.com')).toBeTruthy();
    expect(commandsSent('stores.connect')[0]!.payload).toEqual({ platform: 'shopify', name: 'My Shopify', credentials: { shopDomain: 'not a domain', accessToken: 'shpat_SECRET_TOKEN' } });
    expect(screen.queryByTestId('connect-error')).toBeNull();
    expect(document.body.textContent).not.toContain('shpat_SECRET_TOKEN');
    expect(await db.stores.count()).toBe(0);
  });

  it('shows a refusal that names no field as a message in the drawer', async () => {
    render(<DashboardApp />);
    const drawer = await openDrawer('shopee', 'Paste credentials');
    const form = within(drawer).getByTestId('connect-form-paste');
    fireEvent.change(within(form).getByTestId('connect-name'), { target: { value: 'SG shop' } });
    for (const [field, value] of [['partnerId', '1001'], ['partnerKey', 'k'], ['shopId', '77'], ['accessToken', 'a'], ['refreshToken', 'r']]) {
      fireEvent.change(within(form).getByTestId(`connect-credentials-${field}`), { target: { value } });
    }
    // Nothing listens at the production host here: the background cannot connect.
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    fireEvent.click(within(form).getByTestId('connect-submit-paste'));
    const error = await within(form).findByTestId('connect-error');
    expect(error.textContent).toMatch(/Could not connect/);
    expect(permissionRequests).toEqual([]);
  });

  it('asks for a host the manifest does not list in the click, and sends nothing when the seller declines', async () => {
    grantHosts = false;
    render(<DashboardApp />);
    const drawer = await openDrawer('shopee', 'Paste credentials');
    const form = within(drawer).getByTestId('connect-form-paste');
    fireEvent.change(within(form).getByTestId('connect-name'), { target: { value: 'Sandbox' } });
    for (const field of ['partnerId', 'partnerKey', 'shopId', 'accessToken', 'refreshToken']) {
      fireEvent.change(within(form).getByTestId(`connect-credentials-${field}`), { target: { value: '1' } });
    }
    fireEvent.click(within(form).getByText('Advanced: addresses'));
    fireEvent.change(await within(form).findByTestId('connect-apiBaseUrl'), { target: { value: 'https://openplatform.sandbox.test-stable.shopee.sg/' } });
    fireEvent.click(within(form).getByTestId('connect-submit-paste'));
    // Asked synchronously, before validation or any command.
    expect(permissionRequests).toEqual([['https://openplatform.sandbox.test-stable.shopee.sg/*']]);
    expect((await within(form).findByTestId('connect-error')).textContent).toMatch(/needs your permission/);
    expect(commandsSent('stores.connect')).toEqual([]);
  });

  it('always asks for a WooCommerce site, even on the authorize tab', async () => {
    render(<DashboardApp />);
    const drawer = await openDrawer('woocommerce', 'Authorize with your app');
    const form = within(drawer).getByTestId('connect-form-authorize');
    fireEvent.change(within(form).getByTestId('connect-name'), { target: { value: 'My Woo' } });
    fireEvent.change(within(form).getByTestId('connect-apiBaseUrl'), { target: { value: 'https://shop.example.com' } });
    fireEvent.click(within(form).getByTestId('connect-submit-authorize'));
    // The site and its www. twin: the console script runs on the seller's wp-admin at either.
    expect(permissionRequests).toEqual([['https://shop.example.com/*', 'https://www.shop.example.com/*']]);
    // launchWebAuthFlow is not in the fake browser: the refusal is shown as a message.
    expect(await within(form).findByTestId('connect-error')).toBeTruthy();
    expect(commandsSent('stores.authorize')[0]!.payload).toEqual({ platform: 'woocommerce', appCredentials: {}, name: 'My Woo', apiBaseUrl: 'https://shop.example.com' });
  });
});

describe('Add demo store (test build)', () => {
  it('says how to start the demo marketplace when it is not running', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId('demo-add'));
    fireEvent.click(await screen.findByTestId('demo-ok'));
    expect((await screen.findByTestId('demo-down')).textContent).toBe('The demo marketplace is not running: start it with npm start (or npm run simulator -- --port 4100).');
    expect(commandsSent('stores.connect')).toEqual([]);
  });
});
