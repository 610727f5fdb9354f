// A running download in the store's row: polls `jobs.get` every ~300 ms and shows done / total
// until the job ends, then hands the finished job to the page (which says how it went).
import { Progress, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { t, tn } from '@/lib/i18n';
import { isFinished, useJob, type JobView } from '@/components/common/useJob';
import { formatNumber } from '../inventory/format';

/** The job's latest state (useJob), with `onEnd` told once when it ends or can no longer be read. */
function useJobPoll(jobId: number, onEnd: (job: JobView | null, pollError?: string) => void): JobView | undefined {
  const { job, pollError } = useJob(jobId);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (pollError !== null) onEndRef.current(null, pollError);
    else if (isFinished(job)) onEndRef.current(job!);
  }, [job, pollError]);
  return job;
}

export function DownloadProgress({ jobId, onEnd }: { jobId: number; onEnd: (job: JobView | null, pollError?: string) => void }) {
  const job = useJobPoll(jobId, onEnd);
  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? 0;
  const known = total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid={`store-download-progress-${jobId}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {known ? tn('stores_downloadProgress', total, formatNumber(done)) : t('stores_downloadStarting')}
      </Typography.Text>
      <Progress
        percent={percent}
        status="active"
        size="small"
        showInfo={false}
        aria-label={t('stores_downloadRunning')}
      />
    </Space>
  );
}
