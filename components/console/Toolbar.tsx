// The toolbar for the rows the seller ticked in the console's own checkboxes (the `toolbar`
// feature; features/toolbar.ts keeps the ticked rows): a thin host that renders the toolbar
// button of each feature switched on (features/<id>.tsx: Sync, Auto sync on/off, Clone…, Add
// system SKU) — each one console.act for the ticked listings — and the note of the last one.
import { Fragment, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ActionResult } from '@/lib/consoles/runtime/actions';
import { useConsole, useSession } from './context';
import { TOOLBAR_MODULES } from './features';
import { Mark, Spinner } from './icons';

export function Toolbar() {
  const session = useSession();
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
      {TOOLBAR_MODULES.map((m) => features[m.id] && <Fragment key={m.id}>{m.toolbar!({ ids, working, run: (fn) => void run(fn), session })}</Fragment>)}
      {working && <Spinner />}
      {note && (
        <span className="ss-note" data-state={note.ok ? 'done' : 'error'} role="status" data-shelfsync="toolbar-note">
          {note.message}
        </span>
      )}
    </div>
  );
}
