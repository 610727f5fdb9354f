// A manual sync (or a retry) followed to its end: a progress bar while the engine pushes, then the
// result per listing (success / failed / skipped, with the platform's errors).
import { Alert, Button, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { isFinished, useJob } from '@/components/common/useJob';
import { JobProgress } from '@/components/common/JobProgress';
import { formatNumber } from '../inventory/format';

interface ListingResult { storeProductId: number; title?: string; platformItemId?: string; success: number; failed: number; skipped: number; errors: string[] }
interface SyncResult { variants: number; success: number; failed: number; skipped: number; listings: ListingResult[] }

interface Props {
  jobId: number | null;
  title: string;
  onClose: () => void;
  /** Called once when the job has ended (the page re-reads its list). */
  onFinished?: () => void;
}

/** The listing by title (as the job recorded it, else as it is now) and its platform item id. */
function ListingTitle({ r, titles }: { r: ListingResult; titles: Map<number, string> | undefined }) {
  const title = r.title || titles?.get(r.storeProductId) || t('sp_untitled');
  return (
    <span>
      <Typography.Text>{title}</Typography.Text>
      {r.platformItemId && <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>{t('sp_itemId', r.platformItemId)}</Typography.Text>}
    </span>
  );
}

export function SyncJobModal({ jobId, title, onClose, onFinished }: Props) {
  const { job, pollError } = useJob(jobId);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished]);
  const result = job?.status === 'succeeded' ? (job.result as SyncResult) : undefined;
  const ids = result?.listings.map((l) => l.storeProductId) ?? [];
  const titles = useLiveQuery(
    async () => new Map((await getDb().storeProducts.bulkGet(ids)).filter(Boolean).map((p) => [p!.id, p!.title])),
    [ids.join(',')],
  );

  return (
    <Modal
      open={jobId !== null}
      title={title}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={<Button type={finished ? 'primary' : 'default'} onClick={onClose} data-testid="sync-job-close">{t(finished ? 'log_close' : 'log_runInBackground')}</Button>}
    >
      <div data-testid="sync-job">
        <JobProgress
          job={job}
          pollError={pollError}
          progressText={(done, total) => tn('log_jobProgress', total, formatNumber(done))}
          startingText={t('log_jobStarting')}
          failedTitle={t('log_jobFailed')}
          testId="sync-job"
        />
        {result && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sync-job-result">
            <Progress percent={100} status={result.failed ? 'exception' : 'success'} />
            {result.variants === 0 ? (
              <Alert type="info" showIcon title={t('log_jobNothing')} />
            ) : (
              <>
                <Space size={40}>
                  <Statistic title={t('log_resultSuccess')} value={result.success} styles={{ content: { color: '#52c41a' } }} data-testid="sync-job-success" />
                  <Statistic title={t('log_resultFailed')} value={result.failed} styles={{ content: { color: result.failed ? '#ff4d4f' : undefined } }} data-testid="sync-job-failed-count" />
                  <Statistic title={t('log_resultSkipped')} value={result.skipped} data-testid="sync-job-skipped" />
                </Space>
                <Typography.Text type="secondary">{tn('log_resultVariants', result.variants, tn('log_resultListings', result.listings.length))}</Typography.Text>
                <Table<ListingResult>
                  size="small"
                  rowKey="storeProductId"
                  dataSource={result.listings}
                  pagination={result.listings.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
                  data-testid="sync-job-listings"
                  columns={[
                    { title: t('log_colListing'), key: 'listing', render: (_, r) => <ListingTitle r={r} titles={titles} /> },
                    {
                      title: t('log_colResult'), key: 'result', width: 220,
                      render: (_, r) => (
                        <Space size={4} wrap>
                          {r.success > 0 && <Tag color="success">{t('log_nSuccess', r.success)}</Tag>}
                          {r.failed > 0 && <Tag color="error">{t('log_nFailed', r.failed)}</Tag>}
                          {r.skipped > 0 && <Tag>{t('log_nSkipped', r.skipped)}</Tag>}
                        </Space>
                      ),
                    },
                    { title: t('log_colError'), key: 'errors', render: (_, r) => <Typography.Text type="danger">{r.errors.join(' · ')}</Typography.Text> },
                  ]}
                />
              </>
            )}
          </Space>
        )}
      </div>
    </Modal>
  );
}
