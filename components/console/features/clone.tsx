// Clone…: copy listings to other connected stores as drafts (their To be published). On each row
// and beside a product page's title, in the toolbar and the menu; each opens ClonePicker, where
// the seller chooses the destination stores and sees the result per destination.
// Background half: console.act {action: 'clone'}, console.stores (lib/consoles/background/).
import { send } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import type { ConsoleActions } from '@/lib/consoles/runtime/actions';
import { definePageFeature, menuOpened } from './define';

export type StoreBrief = { id: number; name: string; label: string; platform: string };
export interface CloneResult {
  ok: boolean;
  message: string;
  perStore: { storeId: number; ok: boolean; text: string }[];
}

// Asked once per content script: the seller's stores do not change while a picker is open.
const destinationsOf = new WeakMap<ConsoleActions, Promise<StoreBrief[]>>();

/** The stores a listing of this console can be cloned to (every store but this one). */
export function cloneDestinations(actions: ConsoleActions): Promise<StoreBrief[]> {
  let found = destinationsOf.get(actions);
  if (!found) {
    found = send('console.stores', {}).then((a) => (a.ok ? a.data.items : []));
    destinationsOf.set(actions, found);
  }
  return found;
}

export async function cloneListings(ids: string[], destinationStoreIds: number[]): Promise<CloneResult> {
  const answer = await send('console.act', { action: 'clone', platformItemIds: ids, destinationStoreIds });
  if (!answer.ok) return { ok: false, message: answer.error.message, perStore: [] };
  const data = answer.data as { drafts?: { storeId: number }[]; errors?: { storeId?: number; message?: string }[] };
  const perStore = destinationStoreIds.map((storeId) => {
    const made = (data.drafts ?? []).filter((d) => d.storeId === storeId).length;
    const err = (data.errors ?? []).find((e) => e.storeId === storeId);
    return made ? { storeId, ok: true, text: tn('console_cloneMade', made) } : { storeId, ok: false, text: err?.message ?? t('console_cloneNone') };
  });
  const drafts = data.drafts?.length ?? 0;
  return { ok: drafts > 0, message: tn('console_resultCloned', drafts), perStore };
}

export const clone = definePageFeature({
  id: 'clone',
  row: ({ id, session }) => (
    <button type="button" className="ss-btn" data-shelfsync="clone" aria-haspopup="dialog" onClick={(e) => session.actions.openPicker('clone', [id], e.currentTarget)}>
      {t('console_clone')}
    </button>
  ),
  toolbar: ({ ids, working, session }) => (
    <button type="button" className="ss-btn" data-shelfsync="toolbar-clone" disabled={working} aria-haspopup="dialog" onClick={(e) => session.actions.openPicker('clone', ids, e.currentTarget)}>
      {t('console_clone')}
    </button>
  ),
  menu: {
    clone: (s, ids) => menuOpened(s, 'clone', ids),
  },
});
