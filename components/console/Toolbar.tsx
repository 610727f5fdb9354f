// The toolbar for the rows the seller ticked in the console's own checkboxes: Sync, Auto sync
// on/off, Clone…, Add system SKU — each one console.act for the ticked listings.
import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { ActionResult } from '@/lib/consoles/runtime/actions';
import { useConsole, useSession } from './context';
import { Mark, Spinner } from './icons';

export function Toolbar() {
  const { actions } = useSession();
  const selected = useConsole('selected');
  const features = useConsole('features');
  const [working, setWorking] = useState(false);
  const [note, setNote] = useState<ActionResult | null>(null);
  if (!selected.length) return null;
  const run = async (fn: () => Promise<ActionResult>) => {
    setWorking(true);
    setNote(null);
    try {
      setNote(await fn());
    } finally {
      setWorking(false);
    }
  };
  const ids = selected;
  return (
    <div className="ss-toolbar" role="toolbar" data-shelfsync="toolbar" aria-label={t('console_toolbarLabel')}>
      <span className="ss-brand">
        <Mark />
        Shelfsync
      </span>
      <span data-shelfsync="toolbar-count">{t('console_toolbarSelected', ids.length)}</span>
      <span className="ss-sep" aria-hidden="true" />
      {features.syncNow && (
        <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="toolbar-sync" disabled={working} onClick={() => void run(() => actions.sync(ids))}>
          {t('console_toolbarSync')}
        </button>
      )}
      {features.autoSync && (
        <>
          <button type="button" className="ss-btn" data-shelfsync="toolbar-auto-on" disabled={working} aria-haspopup="dialog" onClick={(e) => actions.openPicker('autoOn', ids, e.currentTarget)}>
            {t('console_toolbarAutoOn')}
          </button>
          <button type="button" className="ss-btn" data-shelfsync="toolbar-auto-off" disabled={working} onClick={() => void run(() => actions.setAutoSync(ids, false))}>
            {t('console_toolbarAutoOff')}
          </button>
        </>
      )}
      {features.clone && (
        <button type="button" className="ss-btn" data-shelfsync="toolbar-clone" disabled={working} aria-haspopup="dialog" onClick={(e) => actions.openPicker('clone', ids, e.currentTarget)}>
          {t('console_clone')}
        </button>
      )}
      {features.connect && (
        <button type="button" className="ss-btn" data-shelfsync="toolbar-add-sku" disabled={working} aria-haspopup="dialog" onClick={(e) => actions.openPicker('addSku', ids, e.currentTarget)}>
          {t('console_toolbarAddSku')}
        </button>
      )}
      {working && <Spinner />}
      {note && (
        <span className="ss-note" data-state={note.ok ? 'done' : 'error'} role="status" data-shelfsync="toolbar-note">
          {note.message}
        </span>
      )}
    </div>
  );
}
