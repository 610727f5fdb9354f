// One variant's controls on its own line of a listing row (Shopee's expanded models): a thin host
// that renders the variant control of each feature switched on (features/<id>.tsx: the variant's
// status dot, Sync now for that variant alone), then the note of its sync. The tooltips say what
// Shelfsync would push for the variant and when it last did. Everything is React text.
import { Fragment, memo } from 'react';
import { t } from '@/lib/i18n';
import { variantKey } from '@/lib/consoles/runtime/actions';
import { useBusy, useConsole, useSession, useStatus } from './context';
import { VARIANT_MODULES } from './features';
import type { Variant } from './features/define';
import { ago } from './format';

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
  const session = useSession();
  const status = useStatus(id);
  const busy = useBusy(variantKey(id, variantId));
  const features = useConsole('features');
  // The listing's status answers for its variants: nothing until it is known, nothing for a
  // variant Shelfsync does not have (the listing's own controls say why).
  const variant = status?.variants.find((v) => v.platformVariantId === variantId);
  if (!variant) return null;
  const summary = summaryOf(variant);
  return (
    <>
      {VARIANT_MODULES.map((m) => features[m.id] && <Fragment key={m.id}>{m.variant!({ id, variantId, variant, busy, summary, session })}</Fragment>)}
      {busy && (
        <span className="ss-note" data-state={busy.state} role="status" data-shelfsync="variant-note" title={busy.text}>
          {busy.text}
        </span>
      )}
    </>
  );
});
