// A job followed in a modal, while it runs: the polling error, a progress bar with "done of
// total" (or "starting…" before the first step), and the failure with its reason when it fails.
import { Alert, Progress, Space, Typography } from 'antd';
import { isFinished, type JobView } from './useJob';

interface Props {
  job: JobView | undefined;
  pollError: string | null;
  progressText: (done: number, total: number) => string;
  startingText: string;
  failedTitle: string;
  /** Prefix of the test ids: `<prefix>-progress`, `<prefix>-failed`. */
  testId: string;
}

export function JobProgress({ job, pollError, progressText, startingText, failedTitle, testId }: Props) {
  const percent = job && job.progress.total ? Math.floor((job.progress.done / job.progress.total) * 100) : 0;
  return (
    <>
      {pollError && <Alert type="error" showIcon title={pollError} />}
      {!isFinished(job) && !pollError && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} status="active" data-testid={`${testId}-progress`} />
          <Typography.Text type="secondary">
            {job && job.progress.total ? progressText(job.progress.done, job.progress.total) : startingText}
          </Typography.Text>
        </Space>
      )}
      {job?.status === 'failed' && <Alert type="error" showIcon title={failedTitle} description={job.error?.message} data-testid={`${testId}-failed`} />}
    </>
  );
}
