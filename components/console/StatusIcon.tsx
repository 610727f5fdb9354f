// The sync status icon on a console row: the bolt says whether the listing is on auto sync, the
// dot how its last sync ended (amber when it succeeded but a variant is not managed — not
// connected, so never pushed); the tooltip explains — the rule, the variants not managed, the
// quantity Shelfsync would push for each variant and why, and the last sync.
import { useRef, useState } from 'react';
import { t, tn } from '@/lib/i18n';
import type { Identity, ItemStatus } from '@/lib/consoles/runtime/state';
import { ago, statusLabel } from './format';
import { Floating } from './Floating';
import { Bolt } from './icons';

const MAX_VARIANTS = 6;

/** Variants of the listing not connected to a system product ('some'/'none' from console.status). */
export function notManaged(s: ItemStatus): number {
  return s.connected === 'all' ? 0 : s.variants.filter((v) => !v.systemSku).length;
}

function lastSyncOf(s: ItemStatus) {
  let last: NonNullable<ItemStatus['variants'][number]['lastSync']> | null = null;
  for (const v of s.variants) if (v.lastSync && (!last || v.lastSync.at > last.at)) last = v.lastSync;
  return last;
}

export function StatusDetails({ status, identity }: { status: ItemStatus; identity: Identity | null }) {
  const rule = identity?.store && 'rule' in identity.store ? identity.store.rule : null;
  const last = lastSyncOf(status);
  const result = status.syncStatus === 'off' ? (last ? (last.status === 'failed' ? 'failed' : 'success') : 'never') : status.syncStatus;
  return (
    <>
      <div>
        <b>{t(status.autoSync ? 'console_autoOnShort' : 'console_autoOffShort')}</b> · {statusLabel(result)}
      </div>
      <div className="ss-tip-muted">{rule ? t('console_rule', rule.name) : t('console_noRule')}</div>
      {notManaged(status) > 0 && <div data-shelfsync="not-managed">{tn('console_notManaged', notManaged(status))}</div>}
      <ul>
        {status.variants.slice(0, MAX_VARIANTS).map((v) => (
          <li key={v.id}>
            {v.pushQuantity !== null
              ? t('console_wouldPush', v.sellerSku || '—', v.pushQuantity)
              : t('console_noPush', v.sellerSku || '—', v.pushQuantityReason ?? '')}
          </li>
        ))}
        {status.variants.length > MAX_VARIANTS && <li className="ss-tip-muted">{t('console_andMore', status.variants.length - MAX_VARIANTS)}</li>}
      </ul>
      <div className="ss-tip-muted">
        {last
          ? last.status === 'failed'
            ? t('console_lastSyncFailed', ago(last.at), last.error ?? '')
            : t('console_lastSyncPushed', ago(last.at), last.quantity ?? '—')
          : t('console_neverSynced')}
      </div>
    </>
  );
}

export function StatusIcon({ status, identity }: { status: ItemStatus | null | undefined; identity: Identity | null }) {
  const ref = useRef<HTMLButtonElement | null>(null);
  const [open, setOpen] = useState(false);
  const storeName = identity?.store?.name ?? '';
  const unknown = status === null;
  const auto = !!status?.autoSync;
  const dot = status ? (status.syncStatus === 'off' ? 'never' : status.syncStatus) : 'never';
  const unmanaged = status ? notManaged(status) : 0;
  const summary = status
    ? `${t(auto ? 'console_autoOnShort' : 'console_autoOffShort')} · ${statusLabel(status.syncStatus)}${unmanaged ? ` · ${tn('console_notManaged', unmanaged)}` : ''}`
    : unknown ? t('console_notInStore', storeName) : t('console_loading');
  return (
    <>
      <button
        ref={ref}
        type="button"
        className="ss-icon"
        data-shelfsync="status-icon"
        data-auto={auto ? 'on' : 'off'}
        data-status={unknown ? 'unknown' : status ? status.syncStatus : 'loading'}
        data-connected={status?.connected}
        aria-label={summary}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      >
        <Bolt on={auto} />
        {!unknown && <span className="ss-dot" data-status={dot} />}
      </button>
      {open && (
        <Floating anchor={ref.current} className="ss-tip" width={320} role="tooltip" data-shelfsync="status-tooltip">
          {status ? <StatusDetails status={status} identity={identity} /> : summary}
        </Floating>
      )}
    </>
  );
}
