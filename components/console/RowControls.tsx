// One listing's controls on a console row (or beside a product page's title): a thin host that
// renders, in the features' order, the row control of each feature switched on
// (features/<id>.tsx: status icon, Sync now, the auto-sync switch, Clone…, the connection), then
// the note of an action under way or just done. Every label and value is React text: nothing
// from the page or the platform is ever HTML.
import { Fragment, memo } from 'react';
import { useBusy, useConsole, useSession, useStatus } from './context';
import { ROW_MODULES } from './features';

export const RowControls = memo(function RowControls({ id, page = 'list' }: { id: string; page?: 'list' | 'product' }) {
  const session = useSession();
  const status = useStatus(id);
  const busy = useBusy(id);
  const features = useConsole('features');
  const identity = useConsole('identity');

  // Nothing until the status is known: one render per row, with everything it needs.
  if (status === undefined) return null;
  const on = ROW_MODULES[page].filter((m) => features[m.id]);
  if (status === null) {
    // Not a listing of this store in Shelfsync (not downloaded yet, or another store's id).
    return <>{on.map((m) => m.unknownRow && <Fragment key={m.id}>{m.unknownRow({ id, busy, identity, session })}</Fragment>)}</>;
  }
  return (
    <>
      {on.map((m) => <Fragment key={m.id}>{m.row!({ id, status, busy, identity, session })}</Fragment>)}
      {busy && (
        <span className="ss-note" data-state={busy.state} role="status" data-shelfsync="row-note" title={busy.text}>
          {busy.text}
        </span>
      )}
    </>
  );
});
