// Telling the seller a console page cannot be read: `console.reportPage` (a content script's
// counts) marks the toolbar badge of the tab the browser stamped on the message — never one the
// payload names — on a connected store's console only, from the top frame only, and takes it
// back when the page reads again; `consoles.pageState` (the popup) asks that tab's content
// script and accepts only a bounded answer of the agreed shape.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '@/lib/commands/define';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { PAGE_MESSAGE } from '@/lib/consoles/pageReport';
import { EXTENSION_PAGE, freshDb, raw } from '../../helpers/background';

const CONSOLE = 'https://seller.shopee.sg/portal/product/list/all?shop_id=555';
const page = (url = CONSOLE, tabId = 12, frameId = 0): Sender => ({ kind: 'content', url, tabId, frameId });

let db: ShelfsyncDB;
let badge: { text?: string; tabId?: number }[];
let colors: { color: string; tabId?: number }[];
beforeEach(async () => {
  db = await freshDb();
  badge = [];
  colors = [];
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async (d: { text?: string; tabId?: number }) => void badge.push(d)),
    setBadgeBackgroundColor: vi.fn(async (d: { color: string; tabId?: number }) => void colors.push(d)),
  });
  const row: Omit<StoreRow, 'id'> = {
    platform: 'shopee', name: 'Batik Corner', region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: '555', secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  await db.stores.add(row as StoreRow);
});

const report = (payload: unknown, sender: Sender = page()) => raw({ type: 'console.reportPage', payload }, sender);

describe('console.reportPage', () => {
  it('marks the badge of the sender tab when the page shows listings Shelfsync cannot read, and clears it when it reads again', async () => {
    expect(await report({ shown: 50, read: 0 })).toEqual({ ok: true, data: { state: 'none', badge: true } });
    expect(badge).toEqual([{ tabId: 12, text: '!' }]);
    expect(colors).toEqual([{ tabId: 12, color: '#cf1322' }]);
    expect(await report({ shown: 50, read: 30 })).toMatchObject({ ok: true, data: { state: 'some' } });
    expect(badge.at(-1)).toEqual({ tabId: 12, text: '!' });
    expect(await report({ shown: 50, read: 50 })).toMatchObject({ ok: true, data: { state: 'all' } });
    // No text for the tab: the global badge (failing pushes) shows there again.
    expect(badge.at(-1)).toEqual({ tabId: 12 });
  });

  it('takes the tab from the browser, never from the payload; counts only, bounded', async () => {
    const smuggled = await report({ shown: 50, read: 0, tabId: 99 });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const bad of [{ shown: -1, read: 0 }, { shown: 1.5, read: 0 }, { shown: 1e9, read: 0 }, { shown: '50', read: 0 }, { shown: 5, read: 0, outline: 'x' }, {}]) {
      expect(await report(bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(badge).toEqual([]);
  });

  it('is a content script\'s command only, from the top frame, on a connected store\'s console', async () => {
    expect(await report({ shown: 50, read: 0 }, EXTENSION_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await report({ shown: 50, read: 0 }, page(CONSOLE, 12, 3))).toEqual({ ok: true, data: { state: 'none', badge: false } });
    expect(await report({ shown: 50, read: 0 }, page('https://seller.shopee.sg/portal/product/list/all?shop_id=777'))).toMatchObject({ ok: false, error: { code: 'store_not_identified' } });
    expect(badge).toEqual([]);
    // Taking a warning back needs no store (the store may have been removed meanwhile).
    expect(await report({ shown: 0, read: 0 }, page('https://seller.shopee.sg/portal/product/list/all?shop_id=777'))).toMatchObject({ ok: true, data: { state: 'empty' } });
    expect(badge).toEqual([{ tabId: 12 }]);
  });
});

describe('consoles.pageState', () => {
  const answers = (fn: (tabId: number, message: unknown, options: unknown) => unknown) => {
    const sendMessage = vi.fn(async (tabId: number, message: unknown, options: unknown) => fn(tabId, message, options));
    Object.assign(fakeBrowser.tabs, { sendMessage });
    return sendMessage;
  };
  const ask = (payload: unknown, sender: Sender = EXTENSION_PAGE) => raw({ type: 'consoles.pageState', payload }, sender);

  it('asks the tab\'s top frame and answers the counts with the outline when the page is not read', async () => {
    const sendMessage = answers(() => ({ platform: 'shopee', shown: 50, read: 0, outline: 'table.list' }));
    expect(await ask({ tabId: 12 })).toEqual({ ok: true, data: { state: 'none', platform: 'shopee', shown: 50, read: 0, outline: 'table.list' } });
    expect(sendMessage).toHaveBeenCalledWith(12, { type: PAGE_MESSAGE }, { frameId: 0 });
    expect(badge).toEqual([{ tabId: 12, text: '!' }]);

    answers(() => ({ platform: 'shopee', shown: 50, read: 50, outline: 'stray' }));
    expect(await ask({ tabId: 12 })).toEqual({ ok: true, data: { state: 'all', platform: 'shopee', shown: 50, read: 50, outline: null } });
    expect(badge.at(-1)).toEqual({ tabId: 12 });
  });

  it('a tab without Shelfsync, or an answer of another shape, is "nothing to say"', async () => {
    answers(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await ask({ tabId: 12 })).toEqual({ ok: true, data: { state: null } });
    for (const bad of [undefined, null, 'none', { platform: 'shopee', shown: 50, read: 0 }, { platform: 'shopee', shown: 50, read: 0, outline: 'x'.repeat(16_001) },
      { platform: 'shopee', shown: -5, read: 0, outline: null }, { platform: 'evil', shown: 5, read: 0, outline: null }, { platform: 'shopee', shown: 5, read: 0, outline: null, state: 'all' }]) {
      answers(() => bad);
      expect(await ask({ tabId: 12 }), JSON.stringify(bad)?.slice(0, 80)).toEqual({ ok: true, data: { state: null } });
    }
    expect(badge).toEqual([]);
  });

  it('is for extension pages only', async () => {
    answers(() => ({ platform: 'shopee', shown: 50, read: 0, outline: 'table.list' }));
    expect(await ask({ tabId: 12 }, page())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask({ tabId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask({})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
