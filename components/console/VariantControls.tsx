// One variant's controls on its own line of a listing row (Shopee's expanded models): how that
// variant's last sync ended (the dot; the tooltip says what Shelfsync would push and when it last
// did) and Sync now for that variant alone. Everything is React text.
import { memo } from 'react';
import { t } from '@/lib/i18n';
import { variantKey } from '@/lib/consoles/runtime/actions';
import type { ItemStatus } from '@/lib/consoles/runtime/store';
import { useBusy, useConsole, useSession, useStatus } from './context';
import { ago } from './format';
import { Spinner } from './icons';

type Variant = ItemStatus['variants'][number];

/** The dot: the last result, amber when the variant is not connected (never pushed). */
function dotOf(v: Variant): string {
  if (!v.systemSku) return 'partial';
  return v.lastSync ? (v.lastSync.status === 'failed' ? 'failed' : v.lastSync.status === 'pending' ? 'pending' : 'success') : 'never';
}

function summaryOf(v: Variant): string {
  const push = v.pushQuantity !== null ? t('console_wouldPush', v.sellerSku || '—', v.pushQuantity) : t('console_noPush', v.sellerSku || '—', v.pushQuantityReason ?? '');
  const last = v.lastSync
    ? v.lastSync.status === 'failed'
      ? t('console_lastSyncFailed', ago(v.lastSync.at), v.lastSync.error ?? '')
      : t('console_lastSyncPushed', ago(v.lastSync.at), v.lastSync.quantity ?? '—')
    : t('console_neverSynced');
  return `${push}\n${last}`;
}

export const VariantControls = memo(function VariantControls({ id, variantId }: { id: string; variantId: string }) {
  const { actions } = useSession();
  const status = useStatus(id);
  const key = variantKey(id, variantId);
  const busy = useBusy(key);
  const features = useConsole('features');
  // The listing's status answers for its variants: nothing until it is known, nothing for a
  // variant Shelfsync does not have (the listing's own controls say why).
  const variant = status?.variants.find((v) => v.platformVariantId === variantId);
  if (!variant) return null;
  const syncing = busy?.state === 'working' && busy.action === 'sync';
  const summary = summaryOf(variant);
  return (
    <>
      {features.statusIcon && (
        <span className="ss-icon" role="img" data-shelfsync="variant-status" data-status={dotOf(variant)} aria-label={summary} title={summary}>
          <span className="ss-dot" data-status={dotOf(variant)} />
        </span>
      )}
      {features.syncNow && (
        <button type="button" className="ss-btn" data-shelfsync="variant-sync-now" disabled={syncing} title={summary} onClick={() => void actions.syncVariant(id, variantId)}>
          {syncing && <Spinner />}
          {t('console_syncNow')}
        </button>
      )}
      {busy && (
        <span className="ss-note" data-state={busy.state} role="status" data-shelfsync="variant-note" title={busy.text}>
          {busy.text}
        </span>
      )}
    </>
  );
});
