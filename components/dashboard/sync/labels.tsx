// How the sync log names triggers and statuses.
import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { SyncLogStatus, SyncTrigger } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';

export const TRIGGER_LABEL: Record<SyncTrigger, MessageKey> = {
  manual: 'log_trigger_manual',
  stock_change: 'log_trigger_stock_change',
  reservation: 'log_trigger_reservation',
  purchase_order: 'log_trigger_purchase_order',
  inventory_pull: 'log_trigger_inventory_pull',
  rule_change: 'log_trigger_rule_change',
  connection: 'log_trigger_connection',
  auto_sync_enabled: 'log_trigger_auto_sync_enabled',
  retry: 'log_trigger_retry',
  reconcile: 'log_trigger_reconcile',
  order: 'log_trigger_order',
};

export const LOG_STATUSES: SyncLogStatus[] = ['pending', 'success', 'failed', 'skipped'];

export const STATUS_LABEL: Record<SyncLogStatus, MessageKey> = {
  pending: 'log_status_pending',
  success: 'log_status_success',
  failed: 'log_status_failed',
  skipped: 'log_status_skipped',
};

export function LogStatusTag({ status }: { status: SyncLogStatus }) {
  switch (status) {
    case 'success':
      return <Tag color="success" icon={<CheckCircleOutlined />}>{t(STATUS_LABEL.success)}</Tag>;
    case 'failed':
      return <Tag color="error" icon={<CloseCircleOutlined />}>{t(STATUS_LABEL.failed)}</Tag>;
    case 'pending':
      return <Tag color="processing" icon={<SyncOutlined spin />}>{t(STATUS_LABEL.pending)}</Tag>;
    default:
      return <Tag icon={<MinusCircleOutlined />}>{t(STATUS_LABEL.skipped)}</Tag>;
  }
}
