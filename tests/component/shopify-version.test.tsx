// The Stores page warns about a Shopify store whose API version leaves support within 60 days
// (Shopify supports each version 12 months), and after it left; the warning opens the store's
// Shopify settings (API version, location Shelfsync syncs).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { ShopifyVersionNotice } from '@/components/dashboard/stores/ShopifyVersionNotice';
import { toView } from '@/components/dashboard/stores/view';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { freshDb, raw } from '../helpers/background';


function shopifyRow(over: Partial<StoreRow> = {}): StoreRow {
  return {
    id: 7, platform: 'shopify', name: 'Gamma Shopify', region: null, status: 'active', statusReason: null,
    endpoints: { apiBaseUrl: 'https://gamma.myshopify.com', apiVersion: '2026-10' }, shopRef: 'gamma.myshopify.com',
    secret: { iv: 'iv', data: 'x' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
    ...over,
  } as StoreRow;
}
const DEC_3 = Date.parse('2026-12-03T12:00:00Z');
const noticeOf = (row: StoreRow, now = DEC_3) => render(<ShopifyVersionNotice store={toView(row)} now={now} onSettings={() => undefined} />);

describe('the Shopify API version warning', () => {
  it('says nothing while the version has more than 60 days of support', () => {
    const { container } = noticeOf(shopifyRow({ endpoints: { apiBaseUrl: 'x', apiVersion: '2026-10' } }));
    expect(container.textContent).toBe('');
    // 2026-04 ends 2027-04-01: 119 days away on 2026-12-03.
    expect(noticeOf(shopifyRow({ endpoints: { apiBaseUrl: 'x', apiVersion: '2026-04' } })).container.textContent).toBe('');
  });

  it('warns within 60 days of the end, with the day and the days left', () => {
    // 2026-01 is supported until 2027-01-01 17:00 UTC.
    noticeOf(shopifyRow({ endpoints: { apiBaseUrl: 'x', apiVersion: '2026-01' } }));
    const alert = screen.getByTestId('store-shopify-version-7');
    expect(alert.textContent).toContain('Gamma Shopify: Shopify stops supporting API version 2026-01 in 30 days');
    expect(alert.textContent).toContain('support for 2026-01 ends on January 1, 2027');
    expect(within(alert).getByTestId('store-shopify-version-settings-7')).toBeTruthy();
  });

  it('60 days before, and not 61', () => {
    const end = Date.parse('2027-01-01T17:00:00Z');
    expect(noticeOf(shopifyRow({ endpoints: { apiBaseUrl: 'x', apiVersion: '2026-01' } }), end - 60 * 86_400_000).container.textContent).toContain('in 60 days');
    expect(noticeOf(shopifyRow({ id: 8, endpoints: { apiBaseUrl: 'x', apiVersion: '2026-01' } }), end - 61 * 86_400_000).container.textContent).toBe('');
  });

  it('after the end: says Shopify answers with its oldest supported version', () => {
    noticeOf(shopifyRow({ endpoints: { apiBaseUrl: 'x', apiVersion: '2025-10' } }));
    const alert = screen.getByTestId('store-shopify-version-7');
    expect(alert.textContent).toContain('Gamma Shopify: Shopify no longer supports API version 2025-10');
    expect(alert.textContent).toContain('Shopify now answers this store with version 2026-01');
  });

  it('is for Shopify stores only', () => {
    expect(noticeOf(shopifyRow({ platform: 'shopee', endpoints: { apiBaseUrl: 'x', apiVersion: '2025-10' } })).container.textContent).toBe('');
  });
});

describe('on the Stores page', () => {
  let db: ShelfsyncDB;
  let sent: { type: string; payload: any }[];
  beforeEach(async () => {
    db = await freshDb();
    sent = [];
    setTransport((message) => {
      sent.push(message as never);
      return raw(message);
    });
    window.location.hash = '#/stores';
  });

  it("a store left on a retired version is flagged; its Shopify settings open from the warning and ask for the shop's locations", async () => {
    const { id: _id, ...row } = shopifyRow({ endpoints: { apiBaseUrl: 'https://gamma.myshopify.com', apiVersion: '2025-10' } });
    const storeId = await db.stores.add(row as StoreRow);
    render(<DashboardApp />);
    const alert = await screen.findByTestId(`store-shopify-version-${storeId}`);
    expect(alert.textContent).toContain('Shopify no longer supports API version 2025-10');
    expect(screen.getByTestId(`store-shopify-settings-${storeId}`).textContent).toBe('API 2025-10');
    fireEvent.click(within(alert).getByTestId(`store-shopify-version-settings-${storeId}`));
    const drawer = await screen.findByTestId('shopify-settings');
    expect(drawer.textContent).toContain('Shopify settings · Gamma Shopify');
    await waitFor(() => expect(sent.filter((m) => m.type === 'stores.locations')).toEqual([{ type: 'stores.locations', payload: { id: storeId } }]));
  });
});
