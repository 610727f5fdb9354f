// The console features: one plain data entry each — its settings switch (and the value it starts
// at), the switch's label on the Settings page, the console pages it shows on, where its controls
// go, and the context-menu items it adds. Everything that lists console features derives from
// here: the settings schema and defaults (lib/settings/commands.ts), the Settings page's switches,
// the content-script runtime (which hosts to inject, which visit features run), and the context
// menu (lib/consoles/background/contextMenu.ts). The page half of each feature is one module,
// components/console/features/<id>.tsx. Adding a feature = one entry here + one module there.
// Pure data (no zod, no Dexie, no React): the content scripts, the dashboard and the background
// all import it.
import type { MessageKey } from '../i18n';
import type { ConsolePage } from './page';

/** A console page kind a feature shows on ('other' pages get no controls). */
export type PageKind = ConsolePage['kind'];

/**
 * Where a feature's controls go:
 * - `row`: on each listing row of a product list, and beside the title on a product's own page;
 * - `variant`: on a variant's own line inside a row (Shopee's expanded models);
 * - `toolbar`: a button of the toolbar for the ticked listings;
 * - `layer`: a piece of its own in the page layer (the toolbar itself);
 * - `menu`: the context menu (its items are the other features' `menu` entries).
 */
export type Mount = 'row' | 'variant' | 'toolbar' | 'layer' | 'menu';

interface Entry {
  id: string;
  /** The switch's value until the seller changes it in Settings. */
  on: boolean;
  /** The switch's label on the Settings page. */
  label: MessageKey;
  kinds: readonly PageKind[];
  mounts: readonly Mount[];
  /** Context-menu items: the action its page module answers, and the item's title. */
  menu: readonly { action: string; title: MessageKey }[];
}

/** In the order the controls appear on a row, in the toolbar and in the menu, and on the Settings page. */
export const CONSOLE_FEATURES = [
  { id: 'statusIcon', on: true, label: 'settings_feature_statusIcon', kinds: ['list', 'product'], mounts: ['row', 'variant'], menu: [] },
  { id: 'syncNow', on: true, label: 'settings_feature_syncNow', kinds: ['list', 'product'], mounts: ['row', 'variant', 'toolbar'], menu: [{ action: 'sync', title: 'menu_sync' }] },
  {
    id: 'autoSync', on: true, label: 'settings_feature_autoSync', kinds: ['list', 'product'], mounts: ['row', 'toolbar'],
    menu: [{ action: 'autoSyncOn', title: 'menu_autoOn' }, { action: 'autoSyncOff', title: 'menu_autoOff' }],
  },
  { id: 'clone', on: true, label: 'settings_feature_clone', kinds: ['list', 'product'], mounts: ['row', 'toolbar'], menu: [{ action: 'clone', title: 'menu_clone' }] },
  // Connect… on a row; Add system SKU in the toolbar and the menu (several listings at once).
  { id: 'connect', on: true, label: 'settings_feature_connect', kinds: ['list', 'product'], mounts: ['row', 'toolbar'], menu: [{ action: 'connect', title: 'menu_connect' }] },
  { id: 'toolbar', on: true, label: 'settings_feature_toolbar', kinds: ['list'], mounts: ['layer'], menu: [] },
  { id: 'contextMenu', on: true, label: 'settings_feature_contextMenu', kinds: ['list', 'product'], mounts: ['menu'], menu: [] },
] as const satisfies readonly Entry[];

export type ConsoleFeatureId = (typeof CONSOLE_FEATURES)[number]['id'];
export type ConsoleFeatureEntry = (typeof CONSOLE_FEATURES)[number];
/** The seller's switches, one per feature (settings `consoleFeatures`). */
export type FeatureSwitches = Record<ConsoleFeatureId, boolean>;
export type MenuAction = ConsoleFeatureEntry['menu'][number]['action'];

export const FEATURE_IDS: readonly ConsoleFeatureId[] = CONSOLE_FEATURES.map((f) => f.id);

export const DEFAULT_SWITCHES: FeatureSwitches = Object.fromEntries(CONSOLE_FEATURES.map((f) => [f.id, f.on])) as FeatureSwitches;

/** Every context-menu item, in order, with the feature it belongs to. */
export const MENU_ITEMS: readonly { action: MenuAction; title: MessageKey; feature: ConsoleFeatureId }[] = CONSOLE_FEATURES.flatMap((f) =>
  (f.menu as readonly { action: MenuAction; title: MessageKey }[]).map((m) => ({ ...m, feature: f.id })),
);
export const MENU_ACTIONS: readonly MenuAction[] = MENU_ITEMS.map((m) => m.action);

export function featureEntry(id: ConsoleFeatureId): ConsoleFeatureEntry {
  return CONSOLE_FEATURES.find((f) => f.id === id)!;
}

/** The features with controls at `mount` (on pages of `kind`, when given). */
export function switchesAt(mount: Mount, kind?: PageKind): ConsoleFeatureId[] {
  return CONSOLE_FEATURES.filter((f) => (f.mounts as readonly Mount[]).includes(mount) && (!kind || (f.kinds as readonly PageKind[]).includes(kind))).map((f) => f.id);
}

/** Whether any of these features is switched on. */
export function anyOn(switches: FeatureSwitches, ids: readonly ConsoleFeatureId[]): boolean {
  return ids.some((id) => switches[id]);
}
