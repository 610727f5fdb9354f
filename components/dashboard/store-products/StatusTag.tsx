// A listing's status on its platform; "gone" when the last full download no longer found it.
import { Tag, Tooltip } from 'antd';
import { t, type MessageKey } from '@/lib/i18n';
import type { Listing } from './types';

const STATUS: Record<Listing['status'], { color?: string; label: MessageKey }> = {
  active: { color: 'success', label: 'sp_status_active' },
  inactive: { label: 'sp_status_inactive' },
  deleted: { color: 'error', label: 'sp_status_deleted' },
  pending: { color: 'processing', label: 'sp_status_pending' },
  rejected: { color: 'error', label: 'sp_status_rejected' },
};

export function StatusTag({ listing }: { listing: Pick<Listing, 'status' | 'gone'> }) {
  if (listing.gone) {
    return (
      <Tooltip title={t('sp_goneHelp')}>
        <Tag color="volcano">{t('sp_status_gone')}</Tag>
      </Tooltip>
    );
  }
  const s = STATUS[listing.status];
  return <Tag color={s.color}>{t(s.label)}</Tag>;
}
