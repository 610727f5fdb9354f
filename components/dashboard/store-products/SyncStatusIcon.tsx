// The sync status column (PRODUCT.md flow 2/6): one icon for auto sync on/off, one for how the
// last sync ended (green success, red failed, blue pending, grey never), details in the tooltip.
import { Space, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, SyncOutlined, ThunderboltFilled, ThunderboltOutlined } from '@ant-design/icons';
import { t } from '@/lib/i18n';
import { formatTime } from '../inventory/format';
import type { Listing } from './types';

export const SYNC_COLORS = { success: '#52c41a', failed: '#ff4d4f', pending: '#1677ff', never: '#bfbfbf', auto: '#138078' };

function lastSyncOf(listing: Pick<Listing, 'variants'>) {
  let last: NonNullable<Listing['variants'][number]['lastSync']> | null = null;
  for (const v of listing.variants) if (v.lastSync && (!last || v.lastSync.at > last.at)) last = v.lastSync;
  return last;
}

export function resultOf(status: Listing['syncStatus']): 'success' | 'failed' | 'pending' | 'never' {
  return status === 'success' || status === 'failed' || status === 'pending' ? status : 'never';
}

export function ResultIcon({ result }: { result: ReturnType<typeof resultOf> }) {
  switch (result) {
    case 'success':
      return <CheckCircleFilled style={{ color: SYNC_COLORS.success }} aria-label={t('sp_syncSuccess')} />;
    case 'failed':
      return <CloseCircleFilled style={{ color: SYNC_COLORS.failed }} aria-label={t('sp_syncFailed')} />;
    case 'pending':
      return <SyncOutlined spin style={{ color: SYNC_COLORS.pending }} aria-label={t('sp_syncPending')} />;
    default:
      return <MinusCircleOutlined style={{ color: SYNC_COLORS.never }} aria-label={t('sp_syncNever')} />;
  }
}

const RESULT_LABEL = { success: 'sp_syncSuccess', failed: 'sp_syncFailed', pending: 'sp_syncPending', never: 'sp_syncNever' } as const;

export function SyncStatusIcon({ listing }: { listing: Pick<Listing, 'id' | 'autoSync' | 'syncStatus' | 'variants'> }) {
  const result = resultOf(listing.syncStatus);
  const last = lastSyncOf(listing);
  const failures = listing.variants.filter((v) => v.lastSync?.status === 'failed' && v.lastSync.error);
  const details = (
    <div style={{ maxWidth: 320 }}>
      <div>{t(listing.autoSync ? 'sp_autoOnHelp' : 'sp_autoOffHelp')}</div>
      <div style={{ marginTop: 4 }}>
        <b>{t(RESULT_LABEL[result])}</b>
        {last && ` · ${t('sp_lastSyncAt', formatTime(last.at))}${last.quantity !== null ? ` · ${t('sp_lastSyncQty', last.quantity)}` : ''}`}
      </div>
      {failures.slice(0, 3).map((v) => (
        <div key={v.id} style={{ marginTop: 4 }}>
          {v.sellerSku || '—'}: {v.lastSync!.error}
        </div>
      ))}
      {failures.length > 3 && <div>{t('sp_andMore', failures.length - 3)}</div>}
    </div>
  );
  return (
    <Tooltip title={details}>
      <Space size={6} data-testid={`sp-sync-${listing.id}`} data-auto={listing.autoSync ? 'on' : 'off'} data-status={result} style={{ fontSize: 16, cursor: 'default' }}>
        {listing.autoSync ? (
          <ThunderboltFilled style={{ color: SYNC_COLORS.auto }} aria-label={t('sp_autoOn')} />
        ) : (
          <ThunderboltOutlined style={{ color: SYNC_COLORS.never }} aria-label={t('sp_autoOff')} />
        )}
        <ResultIcon result={result} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(RESULT_LABEL[result])}</Typography.Text>
      </Space>
    </Tooltip>
  );
}
