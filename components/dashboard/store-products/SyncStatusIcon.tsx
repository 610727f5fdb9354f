// The sync status column (PRODUCT.md flow 2/6): one icon for auto sync on/off, one for how the
// last sync ended (green success, amber partly — a variant not managed was never pushed —, red
// failed, blue pending, grey never), details in the tooltip.
import { Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, SyncOutlined, ThunderboltFilled, ThunderboltOutlined } from '@ant-design/icons';
import { t, tn } from '@/lib/i18n';
import { formatTime } from '../inventory/format';
import { notManagedOf } from './ListingMarks';
import type { Listing } from './types';

export const SYNC_COLORS = { success: '#52c41a', partial: '#faad14', failed: '#ff4d4f', pending: '#1677ff', never: '#bfbfbf', auto: '#138078' };

function lastSyncOf(listing: Pick<Listing, 'variants'>) {
  let last: NonNullable<Listing['variants'][number]['lastSync']> | null = null;
  for (const v of listing.variants) if (v.lastSync && (!last || v.lastSync.at > last.at)) last = v.lastSync;
  return last;
}

export function resultOf(status: Listing['syncStatus']): 'success' | 'partial' | 'failed' | 'pending' | 'never' {
  return status === 'off' ? 'never' : status;
}

export function ResultIcon({ result }: { result: ReturnType<typeof resultOf> }) {
  switch (result) {
    case 'success':
      return <CheckCircleFilled style={{ color: SYNC_COLORS.success }} aria-label={t('sp_syncSuccess')} />;
    case 'partial':
      return <ExclamationCircleFilled style={{ color: SYNC_COLORS.partial }} aria-label={t('sp_syncPartial')} />;
    case 'failed':
      return <CloseCircleFilled style={{ color: SYNC_COLORS.failed }} aria-label={t('sp_syncFailed')} />;
    case 'pending':
      return <SyncOutlined spin style={{ color: SYNC_COLORS.pending }} aria-label={t('sp_syncPending')} />;
    default:
      return <MinusCircleOutlined style={{ color: SYNC_COLORS.never }} aria-label={t('sp_syncNever')} />;
  }
}

const RESULT_LABEL = { success: 'sp_syncSuccess', partial: 'sp_syncPartial', failed: 'sp_syncFailed', pending: 'sp_syncPending', never: 'sp_syncNever' } as const;

export function SyncStatusIcon({ listing }: { listing: Pick<Listing, 'id' | 'autoSync' | 'syncStatus' | 'variants'> }) {
  const result = resultOf(listing.syncStatus);
  const last = lastSyncOf(listing);
  const unmanaged = notManagedOf(listing);
  const failures = listing.variants.filter((v) => v.lastSync?.status === 'failed' && v.lastSync.error);
  const details = (
    <div style={{ maxWidth: 320 }}>
      <div>{t(listing.autoSync ? 'sp_autoOnHelp' : 'sp_autoOffHelp')}</div>
      <div style={{ marginTop: 4 }}>
        <b>{t(RESULT_LABEL[result])}</b>
        {last && ` · ${t('sp_lastSyncAt', formatTime(last.at))}${last.quantity !== null ? ` · ${t('sp_lastSyncQty', last.quantity)}` : ''}`}
      </div>
      {result === 'partial' && <div style={{ marginTop: 4 }}>{t('sp_syncPartialHelp')}</div>}
      {unmanaged > 0 && <div style={{ marginTop: 4 }}>{tn('sp_notManaged', unmanaged)}</div>}
      {failures.slice(0, 3).map((v) => (
        <div key={v.id} style={{ marginTop: 4 }}>
          {v.sellerSku || '—'}: {v.lastSync!.error}
        </div>
      ))}
      {failures.length > 3 && <div>{t('sp_andMore', failures.length - 3)}</div>}
    </div>
  );
  // Icons with the label beside them, wrapping under them in a narrow column.
  return (
    <Tooltip title={details}>
      <span
        data-testid={`sp-sync-${listing.id}`}
        data-auto={listing.autoSync ? 'on' : 'off'}
        data-status={result}
        data-unmanaged={unmanaged}
        style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 6, fontSize: 16, cursor: 'default' }}
      >
        {listing.autoSync ? (
          <ThunderboltFilled style={{ color: SYNC_COLORS.auto }} aria-label={t('sp_autoOn')} />
        ) : (
          <ThunderboltOutlined style={{ color: SYNC_COLORS.never }} aria-label={t('sp_autoOff')} />
        )}
        <ResultIcon result={result} />
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t(RESULT_LABEL[result])}</Typography.Text>
      </span>
    </Tooltip>
  );
}
