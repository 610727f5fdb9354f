// The injected console controls (components/console) rendered into open shadow roots as the
// content script renders them, talking to the real command dispatcher as a content script of a
// Shopee console page (the background decides the store from that page's URL): each control
// calls the right console.* command and shows its result; hostile names render as text.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '@/components/console/ConsoleApp';
import { FEATURE_MODULES } from '@/components/console/features';
import { setTransport } from '@/lib/commands/client';
import type { Sender } from '@/lib/commands/define';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow } from '@/lib/db/types';
import { skuKeyOf } from '@/lib/db/versions';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { createHost } from '@/lib/consoles/runtime/mount';
import { createSession } from '@/lib/consoles/runtime/start';
import type { Session } from '@/lib/consoles/runtime/session';
import type { Identity } from '@/lib/consoles/runtime/state';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
const PAGE: Sender = { kind: 'content', url: 'https://seller.shopee.sg/portal/product/list/all?shop_id=555', tabId: 3, frameId: 0 };

let db: ShelfsyncDB;
let sent: { type: string; payload: any }[];
let storeId: number;
let otherStoreId: number;
let ids: { connected: string; loose: string };
let looseProductId: number;

async function addStore(platform: StoreRow['platform'], name: string, shopRef: string): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef, secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

async function addListing(itemId: string, title: string, variants: { sku: string; productId: number | null }[], autoSync = true): Promise<number> {
  const row: Omit<StoreProductRow, 'id'> = { storeId, platformItemId: itemId, title, status: 'active', gone: 0, imageUrl: null, description: null, autoSync: autoSync ? 1 : 0, platformUpdatedAt: 1, extra: null, lastSeenJob: 0, updatedAt: 1 };
  const id = await db.storeProducts.add(row as StoreProductRow);
  for (const [i, v] of variants.entries()) {
    const vr: Omit<StoreVariantRow, 'id'> = {
      storeId, storeProductId: id, platformItemId: itemId, platformVariantId: `${itemId}-${i}`, sellerSku: v.sku, sellerSkuKey: skuKeyOf(v.sku), productId: v.productId,
      connected: v.productId ? 1 : 0, connectedBy: v.productId ? 'sku' : null, reason: v.productId ? null : 'no_matching_sku', candidateProductIds: [], price: 10, platformStock: 5,
      options: null, ref: null, lastSync: null, failing: 0,
    };
    await db.storeVariants.add(vr as StoreVariantRow);
  }
  return id;
}

const ctx = { setInterval, setTimeout, onInvalidated: () => () => undefined, addEventListener: () => undefined, isValid: true, signal: new AbortController().signal } as unknown as Session['ctx'];

/** A session rendering into real open shadow roots in a fake console table. */
async function mountConsole(itemIds: string[]): Promise<{ session: Session; root: (id: string) => ShadowRoot; layer: HTMLElement }> {
  const session = createSession(ctx, shopeeReader, { mount: async () => (fn) => act(fn), modules: FEATURE_MODULES });
  sessions.push(session);
  const identity = (await raw({ type: 'console.identify', payload: {} }, PAGE)) as { ok: true; data: Identity };
  expect(identity.data.store?.id).toBe(storeId);
  const table = document.createElement('table');
  document.body.append(table);
  const slots = itemIds.map((id, i) => {
    const cell = table.insertRow().insertCell();
    return { key: `k${i}`, id, kind: 'row' as const, ...createHost('shopee', 'row', { anchor: cell, where: 'append' }, id) };
  });
  const layer = document.createElement('div');
  document.body.append(layer);
  render(<ConsoleApp session={session} layer={layer} />, { container: layer.appendChild(document.createElement('div')) });
  await act(async () => {
    session.state.set({ identity: identity.data, features: identity.data.features!, slots });
    await session.feed.refresh(itemIds);
  });
  const root = (id: string) => slots.find((s) => s.id === id)!.host.shadowRoot!;
  return { session, root, layer };
}

const control = (root: ShadowRoot, kind: string) => root.querySelector<HTMLElement>(`[data-shelfsync="${kind}"]`);

beforeEach(async () => {
  db = await freshDb();
  invalidateAll();
  sent = [];
  setTransport((message) => {
    sent.push(message as { type: string; payload: any });
    return raw(message, PAGE);
  });
  storeId = await addStore('shopee', 'Batik Corner', '555');
  otherStoreId = await addStore('lazada', HOSTILE, '');
  const warehouse = await ok('warehouses.create', { name: 'Main', code: 'MAIN' });
  const a = await ok('products.create', { sku: 'MUG-1', name: 'Mug' });
  looseProductId = (await ok('products.create', { sku: 'LOOSE-SYS', name: HOSTILE })).id;
  await ok('inventory.adjust', { warehouseId: warehouse.id, sku: 'MUG-1', onHand: 12 });
  await ok('syncRules.create', { name: 'Everything', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse.id], storeIds: [storeId] });
  ids = { connected: '1001', loose: '1002' };
  await addListing(ids.connected, 'Mug', [{ sku: 'MUG-1', productId: a.id }]);
  await addListing(ids.loose, HOSTILE, [{ sku: 'LOOSE-1', productId: null }], false);
});
let sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions) s.feed.stop();
  sessions = [];
  cleanup();
  document.body.replaceChildren();
});

describe('the controls on a console row', () => {
  it('render in open shadow roots, marked data-shelfsync, with the listing\'s state', async () => {
    const { root } = await mountConsole([ids.connected, ids.loose]);
    const a = root(ids.connected);
    expect(a.mode).toBe('open');
    for (const kind of ['status-icon', 'sync-now', 'auto-sync', 'clone', 'connect']) expect(control(a, kind), kind).not.toBeNull();
    expect(control(a, 'status-icon')!.dataset.auto).toBe('on');
    expect(control(a, 'auto-sync')!.getAttribute('aria-checked')).toBe('true');
    expect(control(a, 'connect')!.textContent).toBe('MUG-1'); // the system SKU when connected
    const b = root(ids.loose);
    expect(control(b, 'connect')!.textContent).toBe('Connect…');
    expect(control(b, 'auto-sync')!.getAttribute('aria-checked')).toBe('false');
    expect(sent.filter((m) => m.type === 'console.status')).toHaveLength(1); // one batch for the page
  });

  it('the status tooltip explains: the rule, what Shelfsync would push and why, the last sync', async () => {
    const { root, layer } = await mountConsole([ids.connected, ids.loose]);
    fireEvent.mouseEnter(control(root(ids.connected), 'status-icon')!);
    const tip = layer.querySelector('[data-shelfsync="status-tooltip"]')!;
    expect(tip.textContent).toContain('Auto sync on');
    expect(tip.textContent).toContain('Sync rule: Everything');
    expect(tip.textContent).toContain('MUG-1: Shelfsync would push 12');
    expect(tip.textContent).toContain('Never synced from Shelfsync.');
    fireEvent.mouseLeave(control(root(ids.connected), 'status-icon')!);
    fireEvent.mouseEnter(control(root(ids.loose), 'status-icon')!);
    expect(layer.querySelector('[data-shelfsync="status-tooltip"]')!.textContent).toMatch(/LOOSE-1: nothing to push/);
  });

  it('a listing with a variant not connected is never shown as synced: partial, and the tooltip says how many are not managed', async () => {
    const pid = (await ok('products.create', { sku: 'CUP-S', name: 'Cup S' })).id;
    const listing = await addListing('1003', 'Cup', [{ sku: 'CUP-S', productId: pid }, { sku: 'CUP-M', productId: null }]);
    await db.storeVariants.where('storeProductId').equals(listing).modify((v) => {
      if (v.productId !== null) v.lastSync = { at: Date.now() - 60_000, quantity: 4, status: 'success', error: null };
    });
    const { root, layer } = await mountConsole(['1003', ids.connected]);
    const icon = control(root('1003'), 'status-icon')!;
    expect([icon.dataset.status, icon.dataset.connected]).toEqual(['partial', 'some']);
    expect(icon.getAttribute('aria-label')).toBe('Auto sync on · synced, but not every variant is managed · 1 variant not managed: not connected to a system product, Shelfsync never pushes its stock.');
    expect(root('1003').querySelector('.ss-dot')!.getAttribute('data-status')).toBe('partial');
    fireEvent.mouseEnter(icon);
    expect(layer.querySelector('[data-shelfsync="not-managed"]')!.textContent).toBe('1 variant not managed: not connected to a system product, Shelfsync never pushes its stock.');
    fireEvent.mouseLeave(icon);
    // A fully connected listing says nothing of the kind.
    expect(control(root(ids.connected), 'status-icon')!.dataset.connected).toBe('all');
    fireEvent.mouseEnter(control(root(ids.connected), 'status-icon')!);
    expect(layer.querySelector('[data-shelfsync="not-managed"]')).toBeNull();
  });

  it('Sync now sends console.act sync for its listing and shows the answer on the row', async () => {
    // Without a rule the background refuses (the push itself is the browser tests' part).
    await ok('syncRules.remove', { id: (await ok('syncRules.list', {})).items[0]!.id });
    const { root } = await mountConsole([ids.connected]);
    const a = root(ids.connected);
    await act(async () => fireEvent.click(control(a, 'sync-now')!));
    await waitFor(() => expect(control(a, 'row-note')?.dataset.state).toBe('error'));
    expect(control(a, 'row-note')!.textContent).toMatch(/rule/i);
    expect(sent.filter((m) => m.type === 'console.act').map((m) => m.payload)).toEqual([{ action: 'sync', platformItemIds: [ids.connected] }]);
    expect(await db.jobs.count()).toBe(0);
  });

  it('the auto-sync switch turns auto sync off and on for its listing', async () => {
    const { root } = await mountConsole([ids.connected]);
    const a = root(ids.connected);
    await act(async () => fireEvent.click(control(a, 'auto-sync')!));
    await waitFor(() => expect(control(a, 'auto-sync')!.getAttribute('aria-checked')).toBe('false'));
    expect((await db.storeProducts.where('[storeId+platformItemId]').equals([storeId, ids.connected]).first())!.autoSync).toBe(0);
    expect(control(a, 'status-icon')!.dataset.auto).toBe('off');
    // On asks first, in a popover, with what it pushes (a dry run that changes nothing).
    await act(async () => fireEvent.click(control(a, 'auto-sync')!));
    const ask = await waitFor(() => {
      const p = document.querySelector('[data-shelfsync="auto-on-picker"]');
      if (!p?.querySelector('[data-shelfsync="effects-headline"]')) throw new Error('no preview yet');
      return p;
    });
    expect((await db.storeProducts.where('[storeId+platformItemId]').equals([storeId, ids.connected]).first())!.autoSync).toBe(0);
    await act(async () => fireEvent.click(ask.querySelector('[data-shelfsync="auto-on-confirm"]')!));
    await waitFor(() => expect(control(a, 'auto-sync')!.getAttribute('aria-checked')).toBe('true'));
    expect(sent.filter((m) => m.type === 'console.act').map((m) => [m.payload.action, m.payload.dryRun ?? false])).toEqual([['autoSyncOff', false], ['autoSyncOn', true], ['autoSyncOn', false]]);
  });

  it('Clone… opens the destination picker (store names as text) and makes a draft in each chosen store', async () => {
    const { root, layer } = await mountConsole([ids.connected]);
    await act(async () => fireEvent.click(control(root(ids.connected), 'clone')!));
    const picker = await waitFor(() => {
      const p = layer.querySelector('[data-shelfsync="clone-picker"]');
      if (!p?.querySelector('input[data-store-id]')) throw new Error('no stores yet');
      return p;
    });
    expect(picker.textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(picker.querySelectorAll('input[data-store-id]')).toHaveLength(1); // never the store itself
    await act(async () => fireEvent.click(picker.querySelector(`input[data-store-id="${otherStoreId}"]`)!));
    await act(async () => fireEvent.click(picker.querySelector('[data-shelfsync="clone-confirm"]')!));
    await waitFor(() => expect(picker.querySelector('[data-shelfsync="clone-result"]')?.getAttribute('data-ok')).toBe('true'));
    expect(sent.find((m) => m.type === 'console.act')!.payload).toEqual({ action: 'clone', platformItemIds: [ids.connected], destinationStoreIds: [otherStoreId] });
    expect(await db.drafts.where('[storeId+status]').between([otherStoreId, ''], [otherStoreId, '\uffff']).count()).toBe(1);
  });

  it('Connect… searches system products (names as text) and connects the variant', async () => {
    const { root, layer } = await mountConsole([ids.loose]);
    await act(async () => fireEvent.click(control(root(ids.loose), 'connect')!));
    const picker = layer.querySelector('[data-shelfsync="connect-picker"]')!;
    const search = picker.querySelector<HTMLInputElement>('[data-shelfsync="connect-search"]')!;
    expect(search.value).toBe('LOOSE-1'); // starts from the seller SKU
    await act(async () => fireEvent.change(search, { target: { value: 'loose' } }));
    const option = await waitFor(() => {
      const o = picker.querySelector<HTMLElement>('[data-shelfsync="connect-option"][data-sku="LOOSE-SYS"]');
      if (!o) throw new Error('no hit yet');
      return o;
    });
    expect(option.textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await act(async () => fireEvent.click(option));
    // Picking shows what connecting pushes; nothing is connected until Connect.
    const effect = await waitFor(() => {
      const e = picker.querySelector('[data-shelfsync="connect-effect"]');
      if (!e) throw new Error('no preview yet');
      return e;
    });
    expect(effect.textContent).toMatch(/^Connect to LOOSE-SYS: /);
    expect((await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').equals([storeId, ids.loose, `${ids.loose}-0`]).first())!.productId).toBeNull();
    await act(async () => fireEvent.click(picker.querySelector('[data-shelfsync="connect-confirm"]')!));
    await waitFor(() => expect(picker.querySelector('[data-shelfsync="connect-result"]')?.getAttribute('data-ok')).toBe('true'));
    expect(sent.filter((m) => m.type === 'console.act').map((m) => m.payload)).toEqual([
      expect.objectContaining({ action: 'connect', platformItemIds: [ids.loose], productId: looseProductId, dryRun: true }),
      expect.objectContaining({ action: 'connect', platformItemIds: [ids.loose], productId: looseProductId, storeVariantId: expect.any(Number) }),
    ]);
    expect(sent.filter((m) => m.type === 'console.act').at(-1)!.payload.dryRun).toBeUndefined();
    expect((await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').equals([storeId, ids.loose, `${ids.loose}-0`]).first())!.productId).toBe(looseProductId);
    await waitFor(() => expect(control(root(ids.loose), 'connect')!.textContent).toBe('LOOSE-SYS'));
  });

  it('a listing that is not this store\'s shows only a quiet icon; switched-off controls are not rendered', async () => {
    const { root, session } = await mountConsole([ids.connected, '999999']);
    const stranger = root('999999');
    expect(control(stranger, 'status-icon')!.dataset.status).toBe('unknown');
    expect(control(stranger, 'sync-now')).toBeNull();
    act(() => session.state.set({ features: { ...session.state.get().features, syncNow: false, clone: false } }));
    expect(control(root(ids.connected), 'sync-now')).toBeNull();
    expect(control(root(ids.connected), 'clone')).toBeNull();
    expect(control(root(ids.connected), 'auto-sync')).not.toBeNull();
  });
});

describe('the toolbar and the hint', () => {
  it('acts on the ticked listings', async () => {
    const { session, layer } = await mountConsole([ids.connected, ids.loose]);
    expect(layer.querySelector('[data-shelfsync="toolbar"]')).toBeNull();
    act(() => session.state.set({ selected: [ids.connected, ids.loose] }));
    const bar = layer.querySelector('[data-shelfsync="toolbar"]')!;
    expect(bar.querySelector('[data-shelfsync="toolbar-count"]')!.textContent).toBe('2 ticked');
    await act(async () => fireEvent.click(bar.querySelector('[data-shelfsync="toolbar-auto-off"]')!));
    await waitFor(() => expect(bar.querySelector('[data-shelfsync="toolbar-note"]')?.textContent).toBe('Auto sync off for 2 listings.'));
    expect(sent.filter((m) => m.type === 'console.act').map((m) => m.payload)).toEqual([{ action: 'autoSyncOff', platformItemIds: [ids.connected, ids.loose] }]);
    // Add system SKU asks where the stock comes from and what it pushes, then creates.
    await act(async () => fireEvent.click(bar.querySelector('[data-shelfsync="toolbar-add-sku"]')!));
    const add = await waitFor(() => {
      const p = layer.querySelector('[data-shelfsync="add-sku-picker"]');
      if (!p?.querySelector('[data-shelfsync="effects-headline"]')) throw new Error('no preview yet');
      return p;
    });
    expect(await db.products.where('skuKey').equals('loose-1').count()).toBe(0);
    await act(async () => fireEvent.click(add.querySelector('[data-shelfsync="add-sku-zero"]')!));
    await waitFor(() => expect(sent.filter((m) => m.type === 'console.act').at(-1)!.payload).toMatchObject({ action: 'addSystemSku', startingStock: 'zero', dryRun: true }));
    await act(async () => fireEvent.click(add.querySelector('[data-shelfsync="add-sku-confirm"]')!));
    await waitFor(() => expect(add.querySelector('[data-shelfsync="add-sku-result"]')?.textContent).toBe('1 system product created and connected.'));
    expect(await db.products.where('skuKey').equals('loose-1').count()).toBe(1);
  });

  it('a console that is no connected store gets one dismissible pill', async () => {
    const session = createSession(ctx, shopeeReader, { mount: async () => (fn) => act(fn), modules: FEATURE_MODULES });
    const layer = document.createElement('div');
    document.body.append(layer);
    render(<ConsoleApp session={session} layer={layer} />, { container: layer });
    act(() => session.state.set({ hint: 'not_connected' }));
    const pill = layer.querySelector('[data-shelfsync="connect-hint"]')!;
    expect(pill.textContent).toBe('Connect this store to Shelfsync');
    act(() => fireEvent.click(pill.querySelector('[data-shelfsync="connect-hint-dismiss"]')!));
    expect(layer.querySelector('[data-shelfsync="connect-hint"]')).toBeNull();
  });
});
