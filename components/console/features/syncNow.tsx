// Sync now: a one-time push of a listing's stock (the number Shelfsync computes) to the platform.
// On each row and beside a product page's title, on each variant's own line (Shopee's models:
// that variant alone), in the toolbar for the ticked listings, and the menu's "Sync inventory".
// The control shows the push under way and then how it ended: the listing's status is asked again
// until every variant with a number to push has a result newer than the click.
// Background half: console.act {action: 'sync'} (lib/consoles/background/act.ts).
import { send } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { variantKey, type ActionResult } from '@/lib/consoles/runtime/actions';
import type { Session } from '@/lib/consoles/runtime/session';
import type { Busy, ItemStatus } from '@/lib/consoles/runtime/state';
import { Spinner } from '../icons';
import { definePageFeature, menuResult } from './define';

type Scope = Pick<Session, 'state' | 'feed' | 'actions'>;

/** A listing's sync is over when every variant that has a number to push got a result since `since`. */
export function syncOutcome(s: ItemStatus | null | undefined, since: number): ActionResult | null {
  if (!s) return null;
  const pushable = s.variants.filter((v) => v.pushQuantity !== null);
  if (!pushable.length) {
    const reason = s.variants.find((v) => v.pushQuantityReason)?.pushQuantityReason ?? '';
    return { ok: false, message: t('console_nothingToPush', reason) };
  }
  if (!pushable.every((v) => v.lastSync && v.lastSync.at >= since && v.lastSync.status !== 'pending')) return null;
  const failed = pushable.find((v) => v.lastSync?.status === 'failed');
  if (failed) return { ok: false, message: t('console_syncFailed', failed.lastSync?.error ?? '') };
  return { ok: true, message: t('console_synced') };
}

/** A variant's own sync is over when that variant got a result since `since`. */
export function variantSyncOutcome(s: ItemStatus | null | undefined, variantId: string, since: number): ActionResult | null {
  const v = s?.variants.find((x) => x.platformVariantId === variantId);
  if (!s || !v) return null;
  return syncOutcome({ ...s, variants: [v] }, since);
}

/** What a sync under way waits for: the note's key, the listing whose status tells, how it ends. */
interface Followed {
  key: string;
  itemId: string;
  outcome(s: ItemStatus | null | undefined): ActionResult | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function follow(s: Scope, followed: Followed[]): Promise<void> {
  const open = new Map(followed.map((f) => [f.key, f]));
  const end = Date.now() + s.actions.pollForMs;
  while (open.size && Date.now() < end && !s.feed.stopped) {
    await sleep(s.actions.pollMs);
    await s.feed.refresh([...new Set([...open.values()].map((f) => f.itemId))]);
    for (const f of [...open.values()]) {
      const outcome = f.outcome(s.state.status.get(f.itemId));
      if (!outcome) continue;
      open.delete(f.key);
      s.actions.note([f.key], outcome.ok, outcome.message);
    }
  }
  if (open.size && !s.feed.stopped) s.actions.note([...open.keys()], true, t('console_syncQueued'));
}

/** Sync now of these listings; each row shows the result when it is known. */
export async function syncListings(s: Scope, ids: string[]): Promise<ActionResult> {
  const since = Date.now();
  s.state.setBusy(ids, { state: 'working', action: 'sync', text: t('console_syncing') });
  const answer = await send('console.act', { action: 'sync', platformItemIds: ids });
  if (!answer.ok) {
    s.actions.note(ids, false, answer.error.message);
    return { ok: false, message: answer.error.message };
  }
  void follow(s, ids.map((id) => ({ key: id, itemId: id, outcome: (st) => syncOutcome(st, since) })));
  return { ok: true, message: tn('console_resultSync', ids.length) };
}

/** Sync now of one variant's line (Shopee's models): only that variant is pushed. */
export async function syncVariant(s: Scope, itemId: string, variantId: string): Promise<ActionResult> {
  const since = Date.now();
  const key = variantKey(itemId, variantId);
  s.state.setBusy([key], { state: 'working', action: 'sync', text: t('console_syncing') });
  const answer = await send('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: [variantId] });
  if (!answer.ok) {
    s.actions.note([key], false, answer.error.message);
    return { ok: false, message: answer.error.message };
  }
  void follow(s, [{ key, itemId, outcome: (st) => variantSyncOutcome(st, variantId, since) }]);
  return { ok: true, message: tn('console_resultSync', 1) };
}

const syncing = (busy: Busy | undefined) => busy?.state === 'working' && busy.action === 'sync';

export const syncNow = definePageFeature({
  id: 'syncNow',
  row: ({ id, busy, session }) => (
    <button type="button" className="ss-btn" data-shelfsync="sync-now" disabled={syncing(busy)} onClick={() => void syncListings(session, [id])}>
      {syncing(busy) && <Spinner />}
      {t('console_syncNow')}
    </button>
  ),
  variant: ({ id, variantId, busy, summary, session }) => (
    <button type="button" className="ss-btn" data-shelfsync="variant-sync-now" disabled={syncing(busy)} title={summary} onClick={() => void syncVariant(session, id, variantId)}>
      {syncing(busy) && <Spinner />}
      {t('console_syncNow')}
    </button>
  ),
  toolbar: ({ ids, working, run, session }) => (
    <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="toolbar-sync" disabled={working} onClick={() => run(() => syncListings(session, ids))}>
      {t('console_toolbarSync')}
    </button>
  ),
  menu: {
    sync: async (s, ids) => menuResult(await syncListings(s, ids), ids),
  },
});
