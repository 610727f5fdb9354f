// Auto sync: whether a listing follows stock changes. The switch on each row (and beside a product
// page's title), "Auto sync on/off" in the toolbar and the menu. Switching on pushes each
// connected variant's number at once, so on asks first with what it pushes (AutoSyncPicker, a dry
// run); off pushes nothing and acts at once.
// Background half: console.act {action: 'autoSyncOn' | 'autoSyncOff'} (lib/consoles/background/act.ts).
import { send } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import type { ActionResult, Preview } from '@/lib/consoles/runtime/actions';
import type { Session } from '@/lib/consoles/runtime/session';
import type { EffectSummary } from '@/lib/sync/effects';
import { definePageFeature, menuOpened, menuResult } from './define';

type Scope = Pick<Session, 'state' | 'feed' | 'actions'>;

export async function setAutoSync(s: Scope, ids: string[], enabled: boolean): Promise<ActionResult> {
  const marked = s.actions.saving(ids);
  const answer = await send('console.act', { action: enabled ? 'autoSyncOn' : 'autoSyncOff', platformItemIds: ids });
  await s.feed.refresh(ids);
  if (!answer.ok) {
    s.actions.note(marked, false, answer.error.message);
    return { ok: false, message: answer.error.message };
  }
  s.state.setBusy(marked, null);
  return { ok: true, message: tn(enabled ? 'console_resultAutoOn' : 'console_resultAutoOff', ids.length) };
}

/** What switching auto sync on for these listings pushes now (nothing is changed). */
export async function previewAutoSyncOn(ids: string[]): Promise<Preview<{ effects?: EffectSummary }>> {
  const answer = await send('console.act', { action: 'autoSyncOn', platformItemIds: ids, dryRun: true });
  return answer.ok ? { ok: true, data: answer.data as unknown as { effects?: EffectSummary } } : { ok: false, message: answer.error.message };
}

export const autoSync = definePageFeature({
  id: 'autoSync',
  row: ({ id, status, busy, session }) => {
    const auto = !!status.autoSync;
    return (
      <button
        type="button"
        role="switch"
        className="ss-switch"
        data-shelfsync="auto-sync"
        aria-checked={auto}
        title={t(auto ? 'console_autoOn' : 'console_autoOff')}
        disabled={busy?.state === 'working' && busy.action !== 'sync'}
        // On pushes at once, so it asks with what it pushes (a popover); off pushes nothing.
        onClick={(e) => (auto ? void setAutoSync(session, [id], false) : session.actions.openPicker('autoOn', [id], e.currentTarget))}
      >
        <span className="ss-track" aria-hidden="true" />
        {t('console_autoSync')}
      </button>
    );
  },
  toolbar: ({ ids, working, run, session }) => (
    <>
      <button type="button" className="ss-btn" data-shelfsync="toolbar-auto-on" disabled={working} aria-haspopup="dialog" onClick={(e) => session.actions.openPicker('autoOn', ids, e.currentTarget)}>
        {t('console_toolbarAutoOn')}
      </button>
      <button type="button" className="ss-btn" data-shelfsync="toolbar-auto-off" disabled={working} onClick={() => run(() => setAutoSync(session, ids, false))}>
        {t('console_toolbarAutoOff')}
      </button>
    </>
  ),
  menu: {
    // The in-page popover says what switching on pushes, then the seller confirms. A refusal
    // (listings of no store of this page) is the menu's answer, with no popover.
    autoSyncOn: async (s, ids) => {
      const asked = await previewAutoSyncOn(ids);
      return asked.ok ? menuOpened(s, 'autoOn', ids) : menuResult(asked, ids);
    },
    autoSyncOff: async (s, ids) => menuResult(await setAutoSync(s, ids, false), ids),
  },
});
