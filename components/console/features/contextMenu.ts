// The context menu's half in the page. The background (lib/consoles/background/contextMenu.ts)
// makes the items — the features' `menu` entries in lib/consoles/features.ts — and on a click
// asks this content script (tabs.sendMessage) to act on the rows the seller ticked, or on every
// row on the page when none is ticked (on a product page: that product). The action is the
// feature's own (its module's `menu`), sending the `console.act` itself, so the background
// decides the store from this page's URL exactly as for the in-page controls. The answer becomes
// a notification. Listening starts with the content script, whatever the switches: a menu
// switched off or a page of no connected store is answered with why.
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { isMenuRequest, type MenuAction, type MenuAnswer } from '@/lib/consoles/menuProtocol';
import type { Session } from '@/lib/consoles/runtime/session';
import { definePageFeature } from './define';
import { tickedIds } from './toolbar';

/** The listings a menu command acts on: the ticked ones, else all on the page. */
export function menuTargets(s: Pick<Session, 'rows'>): string[] {
  const ticked = tickedIds(s);
  return ticked.length ? ticked : [...s.rows.keys()];
}

export async function runMenuAction(s: Session, action: MenuAction): Promise<MenuAnswer> {
  const identity = s.state.get().identity;
  if (!identity?.store) return { ok: false, message: t('console_hintNotConnected'), count: 0 };
  if (identity.features && !identity.features.contextMenu) return { ok: false, message: t('console_menuOff'), count: 0 };
  const product = identity.console?.kind === 'product' ? identity.console.platformItemId : null;
  const ids = product ? [product] : menuTargets(s);
  if (!ids.length) return { ok: false, message: t('console_resultNoRows'), count: 0 };
  const handler = s.modules.find((m) => m.menu?.[action])?.menu?.[action];
  if (!handler) return { ok: false, message: t('menu_noConsole'), count: 0 };
  return handler(s, ids);
}

export const contextMenu = definePageFeature({
  id: 'contextMenu',
  start(s) {
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only our own background (no tab) may drive this; anything else is not for us.
      if (!isMenuRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
      return runMenuAction(s, message.action).catch((err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err), count: 0 }));
    };
    browser.runtime.onMessage.addListener(listener);
    s.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
