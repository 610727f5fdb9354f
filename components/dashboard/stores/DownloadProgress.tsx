// A running download in the store's row: polls `jobs.get` every ~300 ms and shows done / total
// until the job ends, then hands the finished job to the page (which says how it went).
import { Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';

export type JobView = CommandOutput<'jobs.get'>;

export const JOB_POLL_MS = 300;

export function isFinished(job: JobView | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** The job's latest state, refreshed while it runs; `onEnd` is told once when it ends. */
export function useJobPoll(jobId: number, onEnd: (job: JobView | null, pollError?: string) => void): JobView | undefined {
  const [job, setJob] = useState<JobView>();
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await call('jobs.get', { id: jobId });
        if (stopped) return;
        setJob(next);
        if (isFinished(next)) {
          onEndRef.current(next);
          return;
        }
      } catch (err) {
        if (stopped) return;
        onEndRef.current(null, err instanceof Error ? err.message : String(err));
        return;
      }
      timer = setTimeout(poll, JOB_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
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
