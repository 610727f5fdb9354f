// The Sync log page (PRODUCT.md flow 7): every push across stores, filtered by store and status,
// with Retry failed for a store. Filters live in the URL (`#/sync-log?store=3&status=failed`).
import { App, Button, Select, Space, Tooltip, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { SyncLogStatus } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { readHashParam, writeHashParams } from '@/components/common/hashParams';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import { storeOptions, useStores } from '@/components/common/useStores';
import { LOG_STATUSES, STATUS_LABEL } from './labels';
import { ModuleTheme } from '@/components/common/ModuleTheme';
import { SyncJobModal } from './SyncJobModal';
import { SyncLogTable } from './SyncLogTable';

function useFailedCount(storeId: number | undefined): number | undefined {
  const changed = useLiveSignal(() => getDb().syncLogs.count(), []);
  return useCommandQuery(
    () => (storeId === undefined ? Promise.resolve(undefined) : call('syncLogs.list', { storeId, status: 'failed', pageSize: 1 }).then((a) => a.total)),
    [storeId],
    changed,
  ).data;
}

export function SyncLogPage() {
  const { message } = App.useApp();
  const { stores, byId } = useStores();
  const [storeId, setStoreId] = useState<number | undefined>(() => Number(readHashParam('store')) || undefined);
  const [status, setStatus] = useState<SyncLogStatus | undefined>(() => (LOG_STATUSES as string[]).includes(readHashParam('status')) ? (readHashParam('status') as SyncLogStatus) : undefined);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ id: number; variants: number } | null>(null);
  const failed = useFailedCount(storeId);

  const filter = (next: { storeId?: number; status?: SyncLogStatus }) => {
    const s = 'storeId' in next ? next.storeId : storeId;
    const st = 'status' in next ? next.status : status;
    setStoreId(s);
    setStatus(st);
    writeHashParams({ store: s, status: st });
  };

  async function retry() {
    if (storeId === undefined) return;
    setBusy(true);
    try {
      const answer = await call('syncLogs.retry', { storeId });
      if (answer.jobId === null) message.info(t('sp_retryNothing'));
      else setJob({ id: answer.jobId, variants: answer.variants });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModuleTheme>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('log_title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('log_subtitle')}</Typography.Paragraph>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space wrap>
          <Select<number>
            allowClear
            placeholder={t('log_allStores')}
            value={storeId}
            onChange={(v) => filter({ storeId: v })}
            options={storeOptions(stores)}
            style={{ width: 300 }}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="log-filter-store"
          />
          <Select<SyncLogStatus>
            allowClear
            placeholder={t('log_allStatuses')}
            value={status}
            onChange={(v) => filter({ status: v })}
            options={LOG_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
            style={{ width: 170 }}
            data-testid="log-filter-status"
          />
        </Space>
        <Tooltip title={storeId === undefined ? t('log_retryPickStore') : t('log_retryHelp')}>
          <Button icon={<RedoOutlined />} disabled={storeId === undefined || !failed} loading={busy} onClick={() => void retry()} data-testid="log-retry">
            {t('sp_retryFailed')}{failed ? ` (${failed})` : ''}
          </Button>
        </Tooltip>
      </Space>
      <SyncLogTable storeId={storeId} status={status} wide stores={byId} pageSize={50} />
      <SyncJobModal jobId={job?.id ?? null} title={tn('sp_retryTitle', job?.variants ?? 0)} onClose={() => setJob(null)} />
    </ModuleTheme>
  );
}
