// The context menu's half in the page. The background asks this content script (tabs.sendMessage)
// to act on the rows the seller ticked — or on every row on the page when none is ticked — and
// the content script sends the `console.act` itself, so the background decides the store from
// this page's URL, exactly as for the in-page controls. The answer becomes a notification.
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import type { Session } from './session';
import { tickedIds } from './features/toolbar';
import { isMenuRequest, type MenuAction, type MenuAnswer } from './menuProtocol';

/** The listings a menu command acts on: the ticked ones, else all on the page. */
export function menuTargets(s: Pick<Session, 'rows'>): string[] {
  const ticked = tickedIds(s);
  return ticked.length ? ticked : [...s.rows.keys()];
}

export async function runMenuAction(s: Session, action: MenuAction): Promise<MenuAnswer> {
  const identity = s.store.get().identity;
  if (!identity?.store) return { ok: false, message: t('console_hintNotConnected'), count: 0 };
  if (identity.features && !identity.features.contextMenu) return { ok: false, message: t('console_menuOff'), count: 0 };
  const product = identity.console?.kind === 'product' ? identity.console.platformItemId : null;
  const ids = product ? [product] : menuTargets(s);
  if (!ids.length) return { ok: false, message: t('console_resultNoRows'), count: 0 };
  const done = (r: { ok: boolean; message: string }) => ({ ...r, count: ids.length });
  switch (action) {
    case 'sync':
      return done(await s.actions.sync(ids));
    case 'autoSyncOn': {
      // Switching on pushes at once: the in-page popover says what, then the seller confirms. A
      // refusal (listings of no store of this page) is the menu's answer, with no popover.
      const asked = await s.actions.previewAutoSyncOn(ids);
      if (!asked.ok) return done(asked);
      await s.ensureUi();
      s.actions.openPicker('autoOn', ids, null);
      return { ok: true, message: '', opened: true, count: ids.length };
    }
    case 'autoSyncOff':
      return done(await s.actions.setAutoSync(ids, false));
    case 'clone':
      await s.ensureUi();
      s.actions.openPicker('clone', ids, null);
      return { ok: true, message: '', opened: true, count: ids.length };
    case 'connect':
      // One listing Shelfsync knows: the picker (connect, or Add system SKU from it).
      if (ids.length === 1 && s.store.status.get(ids[0]!)) {
        await s.ensureUi();
        s.actions.openPicker('connect', ids, null);
        return { ok: true, message: '', opened: true, count: 1 };
      }
      {
        // Several listings: Add system SKU, asked in the page with what it pushes — unless the
        // listings are refused outright (starting at 0 needs no warehouse, so only that is asked).
        const asked = await s.actions.previewAddSystemSku(ids, 'zero');
        if (!asked.ok) return done(asked);
      }
      await s.ensureUi();
      s.actions.openPicker('addSku', ids, null);
      return { ok: true, message: '', opened: true, count: ids.length };
  }
}

export function listenForMenu(s: Session): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only our own background (no tab) may drive this; anything else is not for us.
    if (!isMenuRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
    return runMenuAction(s, message.action).catch((err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err), count: 0 }));
  };
  browser.runtime.onMessage.addListener(listener);
  s.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
