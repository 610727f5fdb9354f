// Follows a background job (imports, downloads…) by polling `jobs.get` until it ends.
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { errorText } from './commandErrors';

export type JobView = CommandOutput<'jobs.get'>;

export const JOB_POLL_MS = 300;

export function isFinished(job: JobView | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** The latest state of job `jobId` (null: nothing to follow), refreshed every ~300 ms while it runs. */
export function useJob(jobId: number | null): { job: JobView | undefined; pollError: string | null } {
  const [job, setJob] = useState<JobView>();
  const [pollError, setPollError] = useState<string | null>(null);
  useEffect(() => {
    setJob(undefined);
    setPollError(null);
    if (jobId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await call('jobs.get', { id: jobId });
        if (stopped) return;
        setJob(next);
        if (isFinished(next)) return;
      } catch (err) {
        if (stopped) return;
        setPollError(errorText(err));
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
  return { job, pollError };
}
