// @vitest-environment jsdom
// The runtime around the selectors: the one shared DOM watcher (debounced, a full rescan past
// ~1,000 mutations, blind to our own hosts, wrapped callbacks), the feature registry (switches,
// page kinds, "not here", a throwing feature), row scanning on a saved console page (processed
// rows marked, re-renders re-injected, a page that keeps removing our controls is left alone),
// the context-menu targets, the sync outcome, the console matches and the WooCommerce
// registration at run time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLogSink } from '@/lib/log/logger';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { PROCESSED_ATTR, startRowScanning } from '@/lib/consoles/runtime/features/rowControls';
import { allConsoleMatches, consoleMatches } from '@/lib/consoles/runtime/matches';
import { isMenuRequest } from '@/lib/consoles/menuProtocol';
import { menuTargets } from '@/components/console/features/contextMenu';
import { syncOutcome } from '@/components/console/features/syncNow';
import { DEFAULT_SWITCHES } from '@/lib/consoles/features';
import { applies, defineFeature, runFeatures } from '@/lib/consoles/runtime/registry';
import type { VisitContext } from '@/lib/consoles/runtime/session';
import { StatusFeed } from '@/lib/consoles/runtime/status';
import { ConsoleState, type Identity, type ItemStatus } from '@/lib/consoles/runtime/state';
import { visitUrl } from '@/lib/consoles/runtime/visit';
import { createDomWatcher, FULL_RESCAN_AFTER, type Batch } from '@/lib/consoles/runtime/watcher';
import { grantedWooPatterns, syncWooScripts, wooSitePattern } from '@/lib/consoles/background/wooScripts';
import { setTransport } from '@/lib/commands/client';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/consoles');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition (the watcher is debounced; a busy machine is slower). */
async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await wait(10);
  }
}

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_l, _s, message) => logged.push(message));
  document.body.replaceChildren();
});
afterEach(() => setLogSink(null));

describe('the shared DOM watcher', () => {
  it('batches page changes, ignores its own hosts, and switches to a full rescan past ~1,000 mutations', async () => {
    const watcher = createDomWatcher({ root: document.body, delayMs: 10 });
    const batches: Batch[] = [];
    const ctl = new AbortController();
    watcher.watch(ctl.signal, (b) => batches.push(b));
    document.body.append(document.createElement('table'), document.createElement('div'));
    await until(() => batches.length === 1);
    expect(batches[0]).toMatchObject({ full: false, removed: false });
    expect(batches[0]!.added.map((e) => e.localName)).toEqual(['table', 'div']);

    document.body.append(document.createElement('shelfsync-row'));
    await wait(40);
    expect(batches).toHaveLength(1); // our own host: no wake-up

    for (let i = 0; i <= FULL_RESCAN_AFTER; i++) document.body.append(document.createElement('span'));
    await until(() => batches.length === 2);
    expect(batches[1]).toMatchObject({ full: true, added: [] });

    document.body.querySelector('shelfsync-row')!.remove(); // our host thrown away: look again
    await until(() => batches.length === 3);
    expect(batches[2]).toMatchObject({ removed: true });

    ctl.abort();
    document.body.append(document.createElement('p'));
    await wait(40);
    expect(batches).toHaveLength(3);
    watcher.stop();
  });

  it('a change after a quiet spell is handled in the next frame, before layout; a page that keeps changing is debounced', async () => {
    // jsdom paints no frames: frames here are run by hand, and the tab says it is visible.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (n: number) => void (frames[n - 1] = () => {}));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    try {
      const watcher = createDomWatcher({ root: document.body, delayMs: 5, maxDelayMs: 60_000 });
      const batches: Batch[] = [];
      const ctl = new AbortController();
      watcher.watch(ctl.signal, (b) => batches.push(b));
      document.body.append(document.createElement('table'));
      await wait(0);
      document.body.append(document.createElement('div')); // same frame: one batch
      await wait(30);
      expect(frames).toHaveLength(1);
      expect(batches).toHaveLength(0); // waits for the frame, not for the debounce
      frames[0]!(0);
      expect(batches.map((b) => b.added.map((e) => e.localName))).toEqual([['table', 'div']]);

      // Right after a batch: the debounce timer, no frame (a busy page is not scanned every frame).
      document.body.append(document.createElement('p'));
      await until(() => batches.length === 2);
      expect(frames).toHaveLength(1);
      expect(batches[1]!.added.map((e) => e.localName)).toEqual(['p']);
      watcher.stop();
    } finally {
      visibility.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('a listener that throws is logged once; the others still run and the page never sees it', async () => {
    const watcher = createDomWatcher({ root: document.body, delayMs: 5 });
    const ctl = new AbortController();
    let calls = 0;
    watcher.watch(ctl.signal, () => {
      throw new Error('feature bug');
    });
    watcher.watch(ctl.signal, () => calls++);
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e));
    for (let i = 1; i <= 3; i++) {
      document.body.append(document.createElement('div'));
      await until(() => calls === i);
    }
    expect(logged.filter((l) => l.includes('a console feature failed'))).toHaveLength(1);
    expect(errors).toEqual([]);
    watcher.stop();
  });
});

function identity(kind: 'list' | 'product', store: boolean, features = DEFAULT_SWITCHES): Identity {
  return (store
    ? { console: { platform: 'shopee', kind, platformItemId: kind === 'product' ? '1' : null }, store: { id: 1, name: 'S', platform: 'shopee', status: 'active', autoSyncDefault: false, rule: null }, candidates: [], reason: null, features }
    : { console: { platform: 'shopee', kind, platformItemId: null }, store: null, candidates: [], reason: 'not_connected', features }) as Identity;
}

describe('the feature registry', () => {
  it('runs a feature where it applies: page kind, a connected store (or not), its settings switches', async () => {
    const f = defineFeature({ id: 'x', switches: ['toolbar'], kinds: ['list'], needs: 'store', init: () => undefined });
    expect(applies(f, { identity: identity('list', true) })).toBe(true);
    expect(applies(f, { identity: identity('product', true) })).toBe(false);
    expect(applies(f, { identity: identity('list', false) })).toBe(false);
    expect(applies(f, { identity: identity('list', true, { ...DEFAULT_SWITCHES, toolbar: false }) })).toBe(false);
    expect(applies({ ...f, needs: 'no-store', switches: null }, { identity: identity('list', false) })).toBe(true);
  });

  it('a feature that says "not here" or throws does not start; the rest do', async () => {
    const ctl = new AbortController();
    const v = { identity: identity('list', true), visit: { url: 'x', signal: ctl.signal, n: 1 } } as unknown as VisitContext;
    const started = await runFeatures(
      [
        defineFeature({ id: 'no', switches: null, kinds: null, needs: 'store', init: () => false }),
        defineFeature({ id: 'boom', switches: null, kinds: null, needs: 'store', init: () => { throw new Error('bad markup'); } }),
        defineFeature({ id: 'ok', switches: null, kinds: null, needs: 'store', init: () => undefined }),
      ],
      v,
    );
    expect(started).toEqual(['ok']);
    expect(logged.some((l) => l.includes('"boom" feature could not start'))).toBe(true);
  });
});

describe('row scanning on a console page', () => {
  function visitOn(html: string, reader = shopeeReader) {
    document.documentElement.innerHTML = html;
    const state = new ConsoleState(reader.platform);
    const requests: string[][] = [];
    setTransport(async (m) => {
      const { payload } = m as { type: string; payload: { platformItemIds: string[] } };
      requests.push(payload.platformItemIds);
      return { ok: true, data: { storeId: 1, items: [] } };
    });
    const ctl = new AbortController();
    const watcher = createDomWatcher({ delayMs: 5 });
    const v = {
      reader, state, feed: new StatusFeed(state, undefined, 1), watcher, rows: new Map(), commit: (fn: () => void) => fn(),
      identity: identity('list', true), visit: { url: 'x', signal: ctl.signal, n: 1 },
    } as unknown as VisitContext;
    return { v, state, ctl, watcher, requests };
  }

  it('marks each row once, asks the status of all of them in one command, re-injects after a re-render', async () => {
    const html = readFileSync(path.join(DIR, 'shopee.html'), 'utf8');
    const { v, state, ctl, watcher, requests } = visitOn(html);
    const scan = startRowScanning(ctl.signal, v);
    const rows = document.querySelectorAll('.eds-table__main-body tbody tr.eds-table__row');
    expect(state.get().slots).toHaveLength(rows.length);
    expect([...rows].every((r) => r.hasAttribute(PROCESSED_ATTR))).toBe(true);
    const hosts = document.querySelectorAll('shelfsync-row');
    expect(hosts).toHaveLength(rows.length);
    expect([...hosts].every((h) => h.shadowRoot && h.shadowRoot.mode === 'open' && h.closest('.eds-table__main-body'))).toBe(true);
    expect(scan()).toBe(0); // processed: nothing twice
    await wait(20);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toHaveLength(rows.length);

    // The console re-renders its tables (new nodes): each listing's host moves into its new row
    // (the same element, no new slot, nothing re-rendered).
    const before = new Map([...hosts].map((h) => [h.getAttribute('data-shelfsync-id'), h]));
    const slotsBefore = state.get().slots;
    const main = document.querySelector('.eds-table__body-container')!;
    main.replaceWith(main.cloneNode(true));
    await wait(80);
    // The clone carried copies of our hosts (no shadow root): dropped, one live host per row.
    const now = [...document.querySelectorAll('shelfsync-row')];
    expect(now).toHaveLength(rows.length);
    expect(now.every((h) => h.shadowRoot && before.get(h.getAttribute('data-shelfsync-id')) === h)).toBe(true);
    expect(now.every((h) => h.closest('tr')!.getAttribute(PROCESSED_ATTR) === h.getAttribute('data-shelfsync-id'))).toBe(true);
    expect(state.get().slots).toBe(slotsBefore);
    expect(state.get().slots.every((s) => s.host.isConnected && s.host.shadowRoot)).toBe(true);

    // A page of other listings: new hosts; the old ones wait off the page, at most PARK_MAX of them.
    const body = document.querySelector('.eds-table__body-container')!;
    let other = body.outerHTML.replace(/<shelfsync-row[^>]*><\/shelfsync-row>/g, '');
    for (const id of before.keys()) other = other.replaceAll(id!, `9${id}`);
    const tpl = document.createElement('template');
    tpl.innerHTML = other;
    body.replaceWith(tpl.content);
    await wait(80);
    expect(document.querySelectorAll('shelfsync-row')).toHaveLength(rows.length);
    expect([...document.querySelectorAll('shelfsync-row')].some((h) => before.get(h.getAttribute('data-shelfsync-id')) === h)).toBe(false);
    ctl.abort();
    expect(state.get().slots).toEqual([]);
    watcher.stop();
  });

  it('gives each of a listing\'s expanded model lines a host of its own; collapsing them drops those hosts', async () => {
    const html = readFileSync(path.join(DIR, 'shopee.html'), 'utf8');
    const { v, state, ctl, watcher } = visitOn(html);
    startRowScanning(ctl.signal, v);
    const first = document.querySelector('.eds-table__main-body tbody tr.eds-table__row')!;
    const btn = first.querySelector('.product-more-models')!;
    btn.after((first.querySelector('template.model-list-tpl') as HTMLTemplateElement).content.cloneNode(true));
    const models = [...first.querySelectorAll('.model-list-item')];
    await until(() => document.querySelectorAll('shelfsync-row[data-shelfsync-host="variant"]').length === models.length);
    const hosts = [...document.querySelectorAll('shelfsync-row[data-shelfsync-host="variant"]')];
    expect(hosts.map((h) => h.closest('.model-list-item'))).toEqual(models);
    expect(hosts.map((h) => h.getAttribute('data-shelfsync-variant'))).toEqual(models.map((m) => /(\d+)\s*$/.exec(m.querySelector('.variation-name-info-sku')!.textContent!)![1]));
    expect(hosts.every((h) => h.getAttribute('data-shelfsync-id') === first.getAttribute(PROCESSED_ATTR))).toBe(true);
    expect(state.get().slots.filter((s) => s.kind === 'variant').map((s) => s.variantId)).toEqual(hosts.map((h) => h.getAttribute('data-shelfsync-variant')));
    first.querySelector('.model-list')!.remove();
    await wait(80);
    // Collapsed: the model hosts are off the page (kept for a while, rendered nowhere) ...
    expect(document.querySelectorAll('shelfsync-row[data-shelfsync-host="variant"]')).toHaveLength(0);
    expect(state.get().slots.filter((s) => s.kind === 'variant').every((s) => !s.host.isConnected)).toBe(true);
    // ... and expanding again puts the same hosts back on the new lines, with no new slot.
    const slotsBefore = state.get().slots;
    btn.after((first.querySelector('template.model-list-tpl') as HTMLTemplateElement).content.cloneNode(true));
    await until(() => document.querySelectorAll('shelfsync-row[data-shelfsync-host="variant"]').length === models.length);
    const again = [...document.querySelectorAll('shelfsync-row[data-shelfsync-host="variant"]')];
    expect(again).toEqual(hosts);
    expect(again.map((h) => h.closest('.model-list-item'))).toEqual([...first.querySelectorAll('.model-list-item')]);
    expect(state.get().slots).toBe(slotsBefore);
    ctl.abort();
    watcher.stop();
  });

  it('gives a row its controls back a few times, then stops fighting a page that removes them', async () => {
    const html = readFileSync(path.join(DIR, 'lazada.html'), 'utf8');
    const { v, ctl, watcher } = visitOn(html, lazadaReader);
    startRowScanning(ctl.signal, v);
    const row = document.querySelector('tbody.next-table-body tr.next-table-row')!;
    for (let i = 0; i < 8; i++) {
      row.querySelector('shelfsync-row')?.remove();
      await wait(30);
    }
    expect(row.querySelector('shelfsync-row')).toBeNull();
    expect(logged.filter((l) => l.includes('keeps removing'))).toHaveLength(1);
    expect(document.querySelectorAll('shelfsync-row').length).toBe(document.querySelectorAll('tbody.next-table-body tr.next-table-row').length - 1);
    ctl.abort();
    watcher.stop();
  });
});

describe('what the context menu acts on', () => {
  it('the ticked rows, else every row on the page', () => {
    const box = (checked: boolean) => Object.assign(document.createElement('input'), { type: 'checkbox', checked });
    const rows = new Map([
      ['1', { id: '1', checkbox: box(false) }],
      ['2', { id: '2', checkbox: box(true) }],
      ['3', { id: '3', checkbox: null }],
    ]) as never;
    expect(menuTargets({ rows })).toEqual(['2']);
    (rows as Map<string, { checkbox: HTMLInputElement | null }>).get('2')!.checkbox!.checked = false;
    expect(menuTargets({ rows })).toEqual(['1', '2', '3']);
    expect(isMenuRequest({ type: 'shelfsync:menu', action: 'sync' })).toBe(true);
    expect(isMenuRequest({ type: 'shelfsync:menu', action: 'drop' })).toBe(false);
  });
});

describe('the result of Sync now', () => {
  const v = (over: Partial<ItemStatus['variants'][number]>) => ({ id: 1, platformVariantId: 'v1', sellerSku: 'A', systemSku: 'A', pushQuantity: 5, pushQuantityReason: null, lastSync: null, reason: null, ...over });
  const item = (variants: ItemStatus['variants']) => ({ platformItemId: '1', storeProductId: 1, title: 't', autoSync: false, syncStatus: 'pending', connected: 'all', variants }) as ItemStatus;
  it('waits for a result newer than the click, then says how it ended', () => {
    expect(syncOutcome(item([v({ lastSync: { at: 50, quantity: 5, status: 'success', error: null } })]), 100)).toBeNull();
    expect(syncOutcome(item([v({ lastSync: { at: 150, quantity: 5, status: 'success', error: null } })]), 100)).toEqual({ ok: true, message: 'Synced' });
    expect(syncOutcome(item([v({ lastSync: { at: 150, quantity: 5, status: 'failed', error: 'no stock field' } })]), 100)).toEqual({ ok: false, message: 'Sync failed: no stock field' });
    expect(syncOutcome(item([v({ pushQuantity: null, pushQuantityReason: 'not connected' })]), 100)).toEqual({ ok: false, message: 'Nothing to push: not connected' });
  });
});

describe('where the content scripts run', () => {
  it('the real consoles in production; the simulator too in the test build only', () => {
    expect(consoleMatches('shopee', false)).toContain('https://seller.shopee.co.id/*');
    expect(consoleMatches('shopee', false).some((m) => m.includes('127.0.0.1'))).toBe(false);
    expect(consoleMatches('woocommerce', false)).toEqual([]);
    expect(consoleMatches('woocommerce', true)).toEqual(['http://127.0.0.1/console/woocommerce/*', 'http://localhost/console/woocommerce/*']);
    expect(allConsoleMatches(['https://shop.example.com/wp-admin/*'], false)).toContain('https://shop.example.com/wp-admin/*');
    expect(visitUrl('https://a/b?c=1#tab')).toBe('https://a/b?c=1');
  });
});

describe('the WooCommerce script, registered at run time per connected site', () => {
  it('matches each site\'s /wp-admin/ (no port, no wildcard host)', () => {
    expect(wooSitePattern('https://shop.example.com')).toBe('https://shop.example.com/wp-admin/*');
    expect(wooSitePattern('https://example.com/store/')).toBe('https://example.com/store/wp-admin/*');
    expect(wooSitePattern('http://127.0.0.1:4100/woocommerce/7')).toBe('http://127.0.0.1/woocommerce/7/wp-admin/*');
    expect(wooSitePattern('javascript:alert(1)')).toBeNull();
    expect(wooSitePattern('not a url')).toBeNull();
  });

  it('registers only granted sites, updates the list, unregisters when none is left', async () => {
    const granted = new Set(['https://a.example/*']);
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) };
    const registered = new Map<string, { id: string; matches: string[] }>();
    const scripting = {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.map((i) => registered.get(i)).filter(Boolean)),
      registerContentScripts: vi.fn(async (defs: { id: string; matches: string[] }[]) => defs.forEach((d) => registered.set(d.id, d))),
      updateContentScripts: vi.fn(async (defs: { id: string; matches: string[] }[]) => defs.forEach((d) => registered.set(d.id, d))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((i) => registered.delete(i))),
    };
    (fakeBrowser as unknown as { scripting: unknown }).scripting = scripting;
    const patterns = await grantedWooPatterns(['https://a.example', 'https://b.example']);
    expect(patterns).toEqual(['https://a.example/wp-admin/*']);
    expect(await syncWooScripts(patterns)).toBe('registered');
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([expect.objectContaining({ id: 'shelfsync-woocommerce', js: ['content-scripts/woocommerce.js'], matches: ['https://a.example/wp-admin/*'], persistAcrossSessions: true })]);
    expect(await syncWooScripts(patterns)).toBe('unchanged');
    granted.add('https://b.example/*');
    expect(await syncWooScripts(await grantedWooPatterns(['https://a.example', 'https://b.example']))).toBe('updated');
    expect(registered.get('shelfsync-woocommerce')!.matches).toEqual(['https://a.example/wp-admin/*', 'https://b.example/wp-admin/*']);
    expect(await syncWooScripts([])).toBe('unregistered');
    expect(registered.size).toBe(0);
  });
});

describe('the context menu in the background', () => {
  it('asks the tab\'s content script to act, and shows its answer as a notification', async () => {
    const { freshDb, ok } = await import('../../helpers/background');
    const { handleMenuClick, refreshConsoleSurfaces } = await import('@/lib/consoles/background/contextMenu');
    await freshDb();
    const sent: unknown[] = [];
    const notes: { message: string }[] = [];
    const created: { id?: string | number; documentUrlPatterns?: string[]; visible?: boolean }[] = [];
    Object.assign(fakeBrowser.tabs, { sendMessage: async (tabId: number, message: unknown, opts: unknown) => (sent.push([tabId, message, opts]), { ok: true, message: 'Sync started for 2 listings.', count: 2 }) });
    Object.assign(fakeBrowser, { notifications: { create: async (_id: string, n: { message: string }) => (notes.push(n), 'n') } });
    Object.assign(fakeBrowser, { contextMenus: { removeAll: async () => undefined, create: (p: (typeof created)[number], cb?: () => void) => (created.push(p), cb?.(), p.id) } });
    Object.assign(fakeBrowser, { scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => undefined, updateContentScripts: async () => undefined, unregisterContentScripts: async () => undefined } });
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => true };

    const answer = await handleMenuClick({ menuItemId: 'shelfsync:sync', frameId: 0 }, { id: 7 });
    expect(answer).toMatchObject({ ok: true, count: 2 });
    expect(sent).toEqual([[7, { type: 'shelfsync:menu', action: 'sync' }, { frameId: 0 }]]);
    expect(notes.map((n) => n.message)).toEqual(['Sync started for 2 listings.']);
    expect(await handleMenuClick({ menuItemId: 'other-extension-item', frameId: 0 }, { id: 7 })).toBeNull();

    // No content script in that tab (not reloaded since install): said plainly.
    Object.assign(fakeBrowser.tabs, { sendMessage: async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); } });
    expect(await handleMenuClick({ menuItemId: 'shelfsync:autoSyncOn', frameId: 0 }, { id: 7 })).toMatchObject({ ok: false, message: 'Shelfsync is not running on this page yet: reload the page and try again.' });

    // A feature switched off: its items leave the menu, a click from a menu drawn before is refused.
    await ok('settings.update', { consoleFeatures: { syncNow: false } });
    sent.length = 0;
    expect(await handleMenuClick({ menuItemId: 'shelfsync:sync', frameId: 0 }, { id: 7 })).toMatchObject({ ok: false, message: '"Sync inventory" is switched off in Shelfsync\'s settings.' });
    expect(sent).toEqual([]);
    await refreshConsoleSurfaces();
    expect(created[0]).toMatchObject({ id: 'shelfsync', visible: true });
    expect(created.slice(1).map((c) => c.id)).toEqual(['shelfsync:autoSyncOn', 'shelfsync:autoSyncOff', 'shelfsync:clone', 'shelfsync:connect']);
    await ok('settings.update', { consoleFeatures: { syncNow: true } });
    created.length = 0;

    // Switched off in Settings: nothing is sent to the page; the menu is hidden.
    await ok('settings.update', { consoleFeatures: { contextMenu: false } });
    sent.length = 0;
    expect(await handleMenuClick({ menuItemId: 'shelfsync:sync', frameId: 0 }, { id: 7 })).toMatchObject({ ok: false, message: "Context menu actions are switched off in Shelfsync's settings." });
    expect(sent).toEqual([]);
    const { patterns } = await refreshConsoleSurfaces();
    expect(created[0]).toMatchObject({ id: 'shelfsync', visible: false });
    expect(created.slice(1).map((c) => c.id)).toEqual(['shelfsync:sync', 'shelfsync:autoSyncOn', 'shelfsync:autoSyncOff', 'shelfsync:clone', 'shelfsync:connect']);
    expect(created[0]!.documentUrlPatterns).toEqual(patterns);
    expect(patterns).toContain('https://seller.shopee.sg/*');
  });
});
