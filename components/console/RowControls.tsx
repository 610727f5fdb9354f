// One listing's controls on a console row (or beside a product page's title): status icon,
// Sync now, the auto-sync switch, Clone…, and the connection (the system SKU, or Connect…).
// Every label and value is React text: nothing from the page or the platform is ever HTML.
import { memo } from 'react';
import { t, tn } from '@/lib/i18n';
import type { ItemStatus } from '@/lib/consoles/runtime/store';
import { useBusy, useConsole, useSession, useStatus } from './context';
import { Spinner } from './icons';
import { StatusIcon } from './StatusIcon';

export function connectionLabel(s: ItemStatus): string {
  const connected = s.variants.filter((v) => v.systemSku);
  if (s.connected === 'all') return connected.length === 1 ? connected[0]!.systemSku! : tn('console_nSkus', connected.length);
  if (s.connected === 'some') return t('console_someConnected', connected.length, s.variants.length);
  return t('console_connect');
}

export const RowControls = memo(function RowControls({ id }: { id: string }) {
  const { actions } = useSession();
  const status = useStatus(id);
  const busy = useBusy(id);
  const features = useConsole('features');
  const identity = useConsole('identity');

  // Nothing until the status is known: one render per row, with everything it needs.
  if (status === undefined) return null;
  if (status === null) {
    // Not a listing of this store in Shelfsync (not downloaded yet, or another store's id).
    return features.statusIcon ? <StatusIcon status={null} identity={identity} /> : null;
  }
  const syncing = busy?.state === 'working' && busy.action === 'sync';
  const saving = busy?.state === 'working' && busy.action !== 'sync';
  const auto = !!status.autoSync;
  return (
    <>
      {features.statusIcon && <StatusIcon status={status} identity={identity} />}
      {features.syncNow && (
        <button type="button" className="ss-btn" data-shelfsync="sync-now" disabled={syncing} onClick={() => void actions.sync([id])}>
          {syncing && <Spinner />}
          {t('console_syncNow')}
        </button>
      )}
      {features.autoSync && (
        <button
          type="button"
          role="switch"
          className="ss-switch"
          data-shelfsync="auto-sync"
          aria-checked={auto}
          title={t(auto ? 'console_autoOn' : 'console_autoOff')}
          disabled={saving}
          // On pushes at once, so it asks with what it pushes (a popover); off pushes nothing.
          onClick={(e) => (auto ? void actions.setAutoSync([id], false) : actions.openPicker('autoOn', [id], e.currentTarget))}
        >
          <span className="ss-track" aria-hidden="true" />
          {t('console_autoSync')}
        </button>
      )}
      {features.clone && (
        <button type="button" className="ss-btn" data-shelfsync="clone" aria-haspopup="dialog" onClick={(e) => actions.openPicker('clone', [id], e.currentTarget)}>
          {t('console_clone')}
        </button>
      )}
      {features.connect && (
        <button
          type="button"
          className={status.connected === 'all' ? 'ss-btn ss-btn--sku' : 'ss-btn'}
          data-shelfsync="connect"
          data-connected={status.connected}
         
          aria-haspopup="dialog"
          title={status.variants.map((v) => `${v.sellerSku || '—'} → ${v.systemSku ?? t('console_unconnected')}`).join('\n')}
          onClick={(e) => actions.openPicker('connect', [id], e.currentTarget)}
        >
          <span className="ss-label">{connectionLabel(status)}</span>
        </button>
      )}
      {busy && (
        <span className="ss-note" data-state={busy.state} role="status" data-shelfsync="row-note" title={busy.text}>
          {busy.text}
        </span>
      )}
    </>
  );
});
