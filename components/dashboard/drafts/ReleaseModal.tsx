// A release followed to its end: a progress bar while drafts are published one by one, then the
// result per draft — released (a link to the new listing in Store products) or failed (the
// platform's reason as a sentence, its own text under Details; the draft stays in To be
// published to be fixed and released again).
import { Button, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { t, tn } from '@/lib/i18n';
import { isFinished, useJob } from '@/components/common/useJob';
import { JobProgress } from '@/components/common/JobProgress';
import { formatNumber } from '../inventory/format';
import { moduleHref } from '../store-products/location';
import type { StoreView } from '@/components/common/useStores';
import { MARKETPLACES } from '@/lib/drafts/catalogChecks';
import { LIMITS } from '@/lib/drafts/limits';
import type { Platform } from '@/lib/platforms/types';
import { RefusalDetails } from './RefusalDetails';
import { AllowImagesButton, ReleaseImageProgress } from './ReleaseImages';

export interface ReleaseRun {
  jobId: number;
  /** Titles of the drafts sent, by id: a released draft no longer exists to ask. */
  titles: Map<number, string>;
}

interface DraftResult { draftId: number; ok: boolean; storeProductId?: number; platformItemId?: string; error?: string; details?: string | null; code?: string }
interface ReleaseResult { released: number; failed: number; results: DraftResult[] }

interface Props {
  run: ReleaseRun | null;
  store: StoreView;
  onClose: () => void;
  onEdit: (draftId: number) => void;
  onFinished?: () => void;
  /** Release one draft again (after the image sites were allowed). */
  onRetry?: (draftId: number) => Promise<void>;
}

export function ReleaseModal({ run, store, onClose, onEdit, onFinished, onRetry }: Props) {
  const { job, pollError } = useJob(run?.jobId ?? null);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished]);
  const result = job?.status === 'succeeded' ? (job.result as ReleaseResult) : undefined;
  const total = run?.titles.size ?? 0;

  return (
    <Modal
      open={run !== null}
      title={tn('release_title', total, store.name)}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      footer={<Button type={finished ? 'primary' : 'default'} onClick={onClose} data-testid="release-close">{t(finished ? 'release_close' : 'release_background')}</Button>}
    >
      <div data-testid="release-job">
        <JobProgress
          job={job}
          pollError={pollError}
          progressText={(done, total) => tn('release_progress', total, formatNumber(done))}
          startingText={t('release_starting')}
          failedTitle={t('release_jobFailed')}
          testId="release"
        />
        {run && !finished && MARKETPLACES.has(store.platform as Platform) && (
          <ReleaseImageProgress draftIds={[...run.titles.keys()]} titles={run.titles} imagesMax={LIMITS[store.platform as Platform].imagesMax} />
        )}
        {result && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="release-result">
            <Progress percent={100} status={result.failed ? 'exception' : 'success'} />
            <Space size={40}>
              <Statistic title={t('release_released')} value={result.released} styles={{ content: { color: result.released ? '#52c41a' : undefined } }} data-testid="release-released" />
              <Statistic title={t('release_failed')} value={result.failed} styles={{ content: { color: result.failed ? '#ff4d4f' : undefined } }} data-testid="release-failed" />
            </Space>
            {result.failed > 0 && <Typography.Text type="secondary">{t('release_failedHelp')}</Typography.Text>}
            <Table<DraftResult>
              size="small"
              rowKey="draftId"
              dataSource={result.results}
              pagination={result.results.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              onRow={(r) => ({ 'data-testid': `release-row-${r.draftId}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('release_colDraft'), key: 'title', render: (_, r) => run?.titles.get(r.draftId) || `#${r.draftId}` },
                {
                  title: t('release_colResult'), key: 'result', width: 120,
                  render: (_, r) => (r.ok ? <Tag color="success">{t('release_ok')}</Tag> : <Tag color="error">{t('release_notOk')}</Tag>),
                },
                {
                  title: t('release_colDetails'), key: 'details',
                  render: (_, r) =>
                    r.ok ? (
                      <Space wrap size={4}>
                        <Typography.Link href={moduleHref({ platform: store.platform, storeId: store.id, view: 'products', item: r.storeProductId })} onClick={onClose} data-testid={`release-open-${r.draftId}`}>
                          {t('release_openListing')}
                        </Typography.Link>
                        {r.platformItemId && <Typography.Text type="secondary">{t('release_itemId', r.platformItemId)}</Typography.Text>}
                      </Space>
                    ) : (
                      <Space orientation="vertical" size={2}>
                        <Typography.Text type="danger" data-testid={`release-error-${r.draftId}`}>{r.error}</Typography.Text>
                        {r.code === 'image_permission' && onRetry ? (
                          <AllowImagesButton draftId={r.draftId} details={r.details} onRetry={onRetry} />
                        ) : (
                          <RefusalDetails details={r.details} testId={`release-details-${r.draftId}`} />
                        )}
                        <Typography.Link onClick={() => onEdit(r.draftId)}>{t('release_editDraft')}</Typography.Link>
                      </Space>
                    ),
                },
              ]}
            />
          </Space>
        )}
      </div>
    </Modal>
  );
}
