// The popup opened on a console tab whose listings Shelfsync cannot read says so in one sentence
// with the counts and copies the masked page outline for support; a page it reads, or a tab
// without a connected store, says nothing of the kind. Wired to the real dispatcher; the tab's
// content script is played by tabs.sendMessage.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { setTransport } from '@/lib/commands/client';
import { PAGE_MESSAGE } from '@/lib/consoles/pageReport';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, raw } from '../helpers/background';

const CONSOLE = 'https://seller.shopee.sg/portal/product/list/all?shop_id=555';
let db: ShelfsyncDB;
let sent: string[];
let writeText: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  db = await freshDb();
  invalidateAll();
  sent = [];
  setTransport((message) => {
    sent.push((message as { type: string }).type);
    return raw(message);
  });
  window.close = () => undefined;
  writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  Object.assign(fakeBrowser.action, { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined });
  const row: Omit<StoreRow, 'id'> = {
    platform: 'shopee', name: 'Batik Corner', region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: '555', secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  await db.stores.add(row as StoreRow);
});

function tabAt(url: string, page: unknown) {
  const sendMessage = vi.fn(async (_tabId: number, message: unknown) => {
    if ((message as { type?: string }).type !== PAGE_MESSAGE) throw new Error('unexpected message');
    return page;
  });
  Object.assign(fakeBrowser.tabs, { query: async () => [{ id: 5, url, active: true }], sendMessage });
  return sendMessage;
}

const OUTLINE = 'Shelfsync page outline (v1)\ntable.list\n  tbody\n    tr.row';

describe('the popup on a console page Shelfsync cannot read', () => {
  it('says none of the listings can be read, with the counts, and copies the page outline', async () => {
    const sendMessage = tabAt(CONSOLE, { platform: 'shopee', shown: 50, read: 0, outline: OUTLINE });
    render(<PopupApp />);
    const note = await screen.findByTestId('popup-unreadable');
    expect(sendMessage).toHaveBeenCalledWith(5, { type: PAGE_MESSAGE }, { frameId: 0 });
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain("Shelfsync can't read the listings on this page (0 of 50) — the console may have changed. Copy page outline for support.");
    await act(async () => fireEvent.click(screen.getByTestId('popup-copy-outline')));
    expect(writeText).toHaveBeenCalledWith(OUTLINE);
    expect(screen.getByTestId('popup-outline-result').textContent).toBe("Copied. It holds the page's structure only (no text, prices, names or ids): paste it into your message to support.");
    // The rest of the popup is still about the tab's store.
    expect(screen.getByTestId('popup-store-source').textContent).toBe('This tab');
  });

  it('says how many it reads when it reads some; a refused clipboard is said too', async () => {
    tabAt(CONSOLE, { platform: 'shopee', shown: 48, read: 20, outline: OUTLINE });
    writeText.mockRejectedValueOnce(new Error('Document is not focused.'));
    render(<PopupApp />);
    const note = await screen.findByTestId('popup-unreadable');
    expect(note.getAttribute('data-state')).toBe('some');
    expect(note.textContent).toContain('Shelfsync can read only 20 of the 48 listings on this page — the console may have changed. Copy page outline for support.');
    await act(async () => fireEvent.click(screen.getByTestId('popup-copy-outline')));
    expect(screen.getByTestId('popup-outline-result').textContent).toBe('The outline could not be copied (Document is not focused.).');
  });

  it('a page it reads whole says nothing of the kind', async () => {
    const sendMessage = tabAt(CONSOLE, { platform: 'shopee', shown: 50, read: 50, outline: null });
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('popup-store-source').textContent).toBe('This tab'));
    expect((await screen.findByTestId('popup-page-state')).getAttribute('data-state')).toBe('all');
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('popup-unreadable')).toBeNull();
  });

  it('a tab that is no connected store\'s console is not asked', async () => {
    const sendMessage = tabAt('https://example.com/shop', { platform: 'shopee', shown: 50, read: 0, outline: OUTLINE });
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('popup-store-source').textContent).toBe('Last used'));
    expect(sendMessage).not.toHaveBeenCalled();
    expect(sent).not.toContain('consoles.pageState');
    expect(screen.queryByTestId('popup-unreadable')).toBeNull();
  });
});
