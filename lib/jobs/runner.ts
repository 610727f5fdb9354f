// Long work (imports, downloads, bulk syncs, releases) runs as jobs: a row in `jobs` holding the
// input and a checkpoint, advanced one bounded step (one transaction) at a time. A worker that
// stops mid-job loses at most the step in flight; the next start resumes from the checkpoint.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { JobRow } from '../db/types';
import { logger } from '../log/logger';
import { keepAliveWhile } from './keepalive';
import { t } from '../i18n';

const log = logger('jobs');

export interface StepResult {
  progress: { done: number; total: number };
  /** The checkpoint stored on the job for the next step. */
  state?: unknown;
  /** Present on the last step: the job's result. */
  result?: unknown;
}

/** One bounded step of a job kind; it must do its writes in its own transaction(s). */
export type JobStep = (db: ShelfsyncDB, job: JobRow & { state?: unknown }) => Promise<StepResult>;

/** A kind of job: exported by its feature, registered at start-up (lib/background/parts.ts). */
export interface JobKind {
  step: JobStep;
  /** Told when a job of this kind fails, to record it where the seller looks (a store's row…). */
  onFailed?: (db: ShelfsyncDB, job: JobRow, error: { code: string; message: string }) => Promise<void>;
}
const kinds = new Map<string, JobKind>();

export function registerJobKind(kind: string, job: JobKind): void {
  kinds.set(kind, job);
}

/** Call inside a rw transaction holding `db.jobs` (with the change that makes the job). */
export async function createJob(db: ShelfsyncDB, kind: string, input: unknown, total = 0, now = Date.now()): Promise<number> {
  const row = { kind, status: 'queued' as const, progress: { done: 0, total }, input, createdAt: now, updatedAt: now };
  return db.jobs.add(row as JobRow);
}

/** Jobs run side by side (downloads of different stores, a release while a sync runs), a few at
 *  a time; each job's own steps stay in order. */
const MAX_CONCURRENT = 6;
const active = new Map<number, Promise<void>>();
let scanning: Promise<void> | null = null;
let again = false;

/** Starts every unfinished job not already running; safe to call often. */
export function kickJobs(db: ShelfsyncDB): Promise<void> {
  if (scanning) {
    again = true;
    return scanning;
  }
  scanning = (async () => {
    do {
      again = false;
      const pending = await db.jobs.where('status').anyOf('queued', 'running').sortBy('id');
      for (const job of pending) {
        if (active.size >= MAX_CONCURRENT) break;
        if (active.has(job.id)) continue;
        const run = keepAliveWhile(() => runJob(db, job))
          .catch((err: unknown) => log.warn(`job ${job.id} stopped (it resumes at the next start)`, err))
          .finally(() => {
          active.delete(job.id);
          // A slot is free: start whatever waits.
          void kickJobs(db);
        });
        active.set(job.id, run);
      }
    } while (again);
  })().finally(() => {
    scanning = null;
  });
  return scanning;
}

async function runJob(db: ShelfsyncDB, job: JobRow & { state?: unknown }): Promise<void> {
  const kind = kinds.get(job.kind);
  if (!kind) {
    await db.jobs.update(job.id, { status: 'failed', error: { code: 'unknown_job', message: t('err_job_unknownKind', job.kind) }, updatedAt: Date.now() });
    return;
  }
  // Running from the moment a step starts (a step may report progress before it ends).
  if (job.status === 'queued') await db.jobs.update(job.id, { status: 'running', updatedAt: Date.now() });
  let current = job;
  for (;;) {
    try {
      const out = await kind.step(db, { ...current, status: 'running' });
      const finished = out.result !== undefined;
      const patch: Partial<JobRow> & { state?: unknown } = {
        status: finished ? 'succeeded' : 'running',
        progress: out.progress,
        state: out.state,
        updatedAt: Date.now(),
        ...(finished ? { result: out.result, input: null } : {}),
      };
      await db.jobs.update(current.id, patch);
      if (finished) return;
      current = { ...current, ...patch } as JobRow & { state?: unknown };
    } catch (err) {
      const error = err instanceof CommandError ? { code: err.code, message: err.message } : { code: 'internal', message: t('err_job_unexpected', err instanceof Error ? err.message : String(err)) };
      if (!(err instanceof CommandError)) log.error(`job ${current.id} (${current.kind}) failed`, err);
      await db.jobs.update(current.id, { status: 'failed', error, updatedAt: Date.now() });
      await kind.onFailed?.(db, current, error).catch((e: unknown) => log.warn('could not record a failed job', e));
      return;
    }
  }
}

/** Tests: wait until no job is running or queued. */
export async function drainJobs(db: ShelfsyncDB): Promise<void> {
  await kickJobs(db);
  for (;;) {
    if (scanning) await scanning;
    if (!active.size) return;
    await Promise.allSettled([...active.values()]);
  }
}
