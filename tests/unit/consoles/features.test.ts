// The console features' one list (lib/consoles/features.ts) and what derives from it: every entry
// has its page module (components/console/features/) with a control at exactly the mount points
// the entry names and a handler for each of its menu items; the settings schema, defaults and
// the runtime's switches come from the entries; a context-menu click reaches the module of the
// feature whose item it is, which sends its own console.act.
import { beforeEach, describe, expect, it } from 'vitest';
import { FEATURE_MODULES, ROW_MODULES, TOOLBAR_MODULES, VARIANT_MODULES } from '@/components/console/features';
import { runMenuAction } from '@/components/console/features/contextMenu';
import { setTransport } from '@/lib/commands/client';
import { CONSOLE_FEATURES, DEFAULT_SWITCHES, FEATURE_IDS, MENU_ITEMS, switchesAt, type Mount } from '@/lib/consoles/features';
import { ConsoleActions } from '@/lib/consoles/runtime/actions';
import { visitFeatures } from '@/lib/consoles/runtime/start';
import type { Session } from '@/lib/consoles/runtime/session';
import { StatusFeed } from '@/lib/consoles/runtime/status';
import { ConsoleState, type Identity } from '@/lib/consoles/runtime/state';
import type { ConsoleRow } from '@/lib/consoles/runtime/reader';
import { freshDb, ok, run } from '../../helpers/background';

const has = (f: (typeof CONSOLE_FEATURES)[number], m: Mount) => (f.mounts as readonly Mount[]).includes(m);

describe('the console features list', () => {
  it('has one page module per entry, in the entries\' order', () => {
    expect(FEATURE_MODULES.map((m) => m.id)).toEqual(FEATURE_IDS);
    expect(new Set(FEATURE_IDS).size).toBe(FEATURE_IDS.length);
  });

  it('each module has a control exactly where its entry mounts it, and a handler for each of its menu items', () => {
    for (const [i, f] of CONSOLE_FEATURES.entries()) {
      const m = FEATURE_MODULES[i]!;
      expect({ id: f.id, row: !!m.row, variant: !!m.variant, toolbar: !!m.toolbar }).toEqual({ id: f.id, row: has(f, 'row'), variant: has(f, 'variant'), toolbar: has(f, 'toolbar') });
      expect(Object.keys(m.menu ?? {}).sort()).toEqual(f.menu.map((x) => x.action).sort());
    }
    expect(ROW_MODULES.list.map((m) => m.id)).toEqual(switchesAt('row', 'list'));
    expect(ROW_MODULES.product.map((m) => m.id)).toEqual(switchesAt('row', 'product'));
    expect(VARIANT_MODULES.map((m) => m.id)).toEqual(switchesAt('variant'));
    expect(TOOLBAR_MODULES.map((m) => m.id)).toEqual(['syncNow', 'autoSync', 'clone', 'connect']);
    expect(MENU_ITEMS.map((i) => i.action)).toEqual(['sync', 'autoSyncOn', 'autoSyncOff', 'clone', 'connect']);
  });

  it('runs a module\'s init as a visit feature of its own switch and page kinds, after the row finder', () => {
    const ids = visitFeatures(FEATURE_MODULES).map((f) => f.id);
    expect(ids[0]).toBe('row-controls');
    const toolbar = visitFeatures(FEATURE_MODULES).find((f) => f.id === 'toolbar')!;
    expect(toolbar).toMatchObject({ switches: ['toolbar'], kinds: ['list'], needs: 'store' });
    expect(ids).toEqual(['row-controls', 'toolbar', 'product-controls', 'connect-hint', 'readability']);
  });
});

describe('settings derived from the list', () => {
  beforeEach(async () => {
    await freshDb();
  });

  it('starts each switch at its entry\'s value and accepts exactly the listed switches', async () => {
    expect((await ok('settings.get', {})).consoleFeatures).toEqual(DEFAULT_SWITCHES);
    expect(Object.keys(DEFAULT_SWITCHES)).toEqual(FEATURE_IDS);
    expect((await ok('settings.update', { consoleFeatures: { clone: false } })).consoleFeatures).toEqual({ ...DEFAULT_SWITCHES, clone: false });
    const refused = await run('settings.update', { consoleFeatures: { cloneTwice: true } } as never);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('invalid_input');
    expect((await ok('settings.get', {})).consoleFeatures.clone).toBe(false);
  });
});

describe('a context-menu item in the page', () => {
  it('is done by its feature\'s module, on the ticked listings, as one console.act', async () => {
    const sent: { type: string; payload: unknown }[] = [];
    setTransport(async (message) => {
      sent.push(message as { type: string; payload: unknown });
      return { ok: true, data: {} } as never;
    });
    const state = new ConsoleState('shopee');
    const feed = new StatusFeed(state);
    feed.stop();
    const ticked = { checked: true } as HTMLInputElement;
    const rows = new Map<string, ConsoleRow>([
      ['1', { id: '1', checkbox: null } as ConsoleRow],
      ['2', { id: '2', checkbox: ticked } as ConsoleRow],
    ]);
    const s = { state, feed, actions: new ConsoleActions(state, feed), modules: FEATURE_MODULES, rows, ensureUi: async () => undefined } as unknown as Session;
    const identity = { console: { platform: 'shopee', kind: 'list', platformItemId: null }, store: { id: 1, name: 'S', platform: 'shopee', status: 'active', autoSyncDefault: false, rule: null }, candidates: [], reason: null, features: DEFAULT_SWITCHES } as Identity;
    state.set({ identity });

    expect(await runMenuAction(s, 'autoSyncOff')).toMatchObject({ ok: true, count: 1 });
    expect(sent.at(-1)).toEqual({ type: 'console.act', payload: { action: 'autoSyncOff', platformItemIds: ['2'] } });
    expect(await runMenuAction(s, 'clone')).toEqual({ ok: true, message: '', opened: true, count: 1 });
    expect(state.get().picker).toMatchObject({ kind: 'clone', ids: ['2'], anchor: null });

    state.set({ identity: { ...identity, features: { ...DEFAULT_SWITCHES, contextMenu: false } } as Identity });
    sent.length = 0;
    expect(await runMenuAction(s, 'sync')).toMatchObject({ ok: false, count: 0 });
    expect(sent).toEqual([]);
  });
});
