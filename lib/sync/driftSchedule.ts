// The drift check runs on demand and every few hours on an alarm (recreated at each start,
// since alarms may be cleared on a browser restart).
import { browser } from 'wxt/browser';
import type { ShelfsyncDB } from '../db/database';
import { createJob, kickJobs } from '../jobs/runner';

export const DRIFT_ALARM = 'drift-check';
const EVERY_MINUTES = 6 * 60;

export async function ensureDriftAlarm(): Promise<void> {
  const existing = await browser.alarms.get(DRIFT_ALARM).catch(() => undefined);
  if (!existing) await browser.alarms.create(DRIFT_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
}

export async function startDriftCheck(db: ShelfsyncDB): Promise<void> {
  const storeIds = (await db.stores.toArray()).filter((s) => s.status === 'active').map((s) => s.id);
  if (!storeIds.length) return;
  const running = await db.jobs.where('[kind+status]').anyOf([['sync.drift', 'queued'], ['sync.drift', 'running']]).count();
  if (running) return;
  await db.transaction('rw', db.jobs, async () => createJob(db, 'sync.drift', { storeIds }, storeIds.length));
  void kickJobs(db);
}
