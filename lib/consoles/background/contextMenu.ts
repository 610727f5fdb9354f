// The Shelfsync context menu on console pages (PRODUCT.md: bulk actions on the ticked — or all
// visible — listings): the items are the features' `menu` entries (../features.ts) — Sync
// inventory, Auto sync on/off, Clone to…, Connect / Add system SKU.
// The background never acts from the menu itself: it asks the tab's content script
// (tabs.sendMessage), which sends the console.act as that console page — so the store is decided
// by the page's browser-stamped URL as for every in-page control — and shows the answer as a
// notification. The menu exists only on console pages (documentUrlPatterns), follows the
// settings switches — the menu's own, and each item its feature's (Sync now switched off takes
// "Sync inventory" out of the menu too) — and the same refresh keeps the WooCommerce content
// script registered for the connected sites.
import { liveQuery } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { MENU_ITEMS } from '../features';
import { allConsoleMatches } from '../runtime/matches';
import { MENU_MESSAGE, type MenuAction, type MenuAnswer } from '../menuProtocol';
import { grantedWooPatterns, syncWooScripts } from './wooScripts';
import { getDb } from '../../db/database';
import { t } from '../../i18n';
import { logger } from '../../log/logger';
import { readSettings } from '../../settings/commands';
import type { FeatureSwitches } from '../features';

const log = logger('menu');
const PARENT = 'shelfsync';
const PREFIX = 'shelfsync:';
const CONTEXTS: [`${Browser.contextMenus.ContextType}`, ...`${Browser.contextMenus.ContextType}`[]] = ['page', 'link', 'image', 'selection'];

type Clicked = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'frameId'>;
type ClickedTab = Pick<Browser.tabs.Tab, 'id'> | undefined;

function itemOf(id: string | number): (typeof MENU_ITEMS)[number] | null {
  const s = String(id);
  if (!s.startsWith(PREFIX)) return null;
  return MENU_ITEMS.find((i) => i.action === s.slice(PREFIX.length)) ?? null;
}

let notices = 0;
async function notify(message: string, ok: boolean): Promise<void> {
  await browser.notifications
    .create(`shelfsync-menu-${++notices}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: t(ok ? 'menu_notifyTitle' : 'menu_notifyFailed'), message })
    .catch((err: unknown) => log.warn('could not show the notification', err));
}

/** A menu click: the tab's content script acts as its console; the answer becomes a notification. */
export async function handleMenuClick(info: Clicked, tab: ClickedTab): Promise<MenuAnswer | null> {
  const item = itemOf(info.menuItemId);
  if (!item || tab?.id === undefined) return null;
  const action: MenuAction = item.action;
  const switches = (await readSettings(getDb())).consoleFeatures;
  // A menu drawn before the switch changed may still offer the item: it is refused here.
  const off = !switches.contextMenu ? t('console_menuOff') : !switches[item.feature] ? t('console_menuItemOff', t(item.title)) : null;
  if (off) {
    await notify(off, false);
    return { ok: false, message: off, count: 0 };
  }
  let answer: MenuAnswer;
  try {
    answer = (await browser.tabs.sendMessage(tab.id, { type: MENU_MESSAGE, action }, { frameId: info.frameId ?? 0 })) as MenuAnswer;
    if (!answer || typeof answer.ok !== 'boolean') answer = { ok: false, message: t('menu_noConsole'), count: 0 };
  } catch {
    answer = { ok: false, message: t('menu_noConsole'), count: 0 };
  }
  if (!answer.opened) await notify(answer.message, answer.ok);
  return answer;
}

async function createMenus(patterns: string[], switches: FeatureSwitches): Promise<void> {
  await browser.contextMenus.removeAll();
  const made = (props: Browser.contextMenus.CreateProperties) =>
    new Promise<void>((resolve) => {
      browser.contextMenus.create(props, () => {
        if (browser.runtime.lastError) log.warn(`context menu item ${String(props.id)}: ${browser.runtime.lastError.message}`);
        resolve();
      });
    });
  const items = MENU_ITEMS.filter((i) => switches[i.feature]);
  await made({ id: PARENT, title: t('menu_parent'), contexts: CONTEXTS, documentUrlPatterns: patterns, visible: switches.contextMenu && items.length > 0 });
  for (const item of items) await made({ id: `${PREFIX}${item.action}`, parentId: PARENT, title: t(item.title), contexts: CONTEXTS, documentUrlPatterns: patterns });
}

/** Menus and the WooCommerce script registration, from the settings, the stores and the grants. */
export async function refreshConsoleSurfaces(): Promise<{ patterns: string[]; woo: string[] }> {
  const db = getDb();
  const [settings, woo] = await Promise.all([readSettings(db), db.stores.where('platform').equals('woocommerce').toArray()]);
  const wooPatterns = await grantedWooPatterns(woo.map((s) => s.endpoints.apiBaseUrl));
  await syncWooScripts(wooPatterns);
  const patterns = allConsoleMatches(wooPatterns);
  await createMenus(patterns, settings.consoleFeatures);
  return { patterns, woo: wooPatterns };
}

let queued: Promise<unknown> = Promise.resolve();
function refreshSoon(): void {
  queued = queued.then(refreshConsoleSurfaces).catch((err: unknown) => log.warn('could not refresh the console menus', err));
}

/** Registered synchronously by the background entrypoint; work waits for `ready`. */
export function registerContextMenus(ready: Promise<void>): void {
  // Never let a missing API stop the worker's other listeners from being registered.
  const listen = (what: string, add: () => void) => {
    try {
      add();
    } catch (err) {
      log.warn(`${what} is not available here; the console menu stays off`, err);
    }
  };
  listen('contextMenus.onClicked', () =>
    browser.contextMenus.onClicked.addListener((info, tab) => {
      void ready.then(() => handleMenuClick(info, tab)).catch((err: unknown) => log.warn('a context menu action failed', err));
    }),
  );
  listen('permissions.onAdded', () => browser.permissions.onAdded.addListener(() => void ready.then(refreshSoon)));
  listen('permissions.onRemoved', () => browser.permissions.onRemoved.addListener(() => void ready.then(refreshSoon)));
  void ready
    .then(() => {
      // Settings (the switches) and WooCommerce stores (their sites) change the menus: follow them.
      const db = getDb();
      let last = '';
      liveQuery(async () => JSON.stringify([(await readSettings(db)).consoleFeatures, (await db.stores.where('platform').equals('woocommerce').toArray()).map((s) => s.endpoints.apiBaseUrl)])).subscribe({
        next: (key) => {
          if (key === last) return;
          last = key;
          refreshSoon();
        },
        error: (err: unknown) => log.warn('stopped following stores for the console menus', err),
      });
    })
    .catch(() => undefined);
  if (import.meta.env.MODE === 'test') {
    // Browser tests cannot open the native menu: they call the same handler the click runs.
    (globalThis as { __shelfsyncTest?: unknown }).__shelfsyncTest = { menuClick: handleMenuClick, refreshConsoleSurfaces };
  }
}
