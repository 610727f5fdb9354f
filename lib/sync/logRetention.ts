// Sync-log retention. Every push and every superseded change is a log row (SYNC.md), so a busy
// seller writes hundreds of thousands a month; the full benchmark grew IndexedDB from 82 to 232 MB
// in half an hour, mostly with them. Once a day, rows older than 30 days that only record what
// happened (success, skipped) are deleted. Pending rows are work in flight and failed rows are
// what Retry failed works from, so both stay; a variant's last result lives on the variant itself.
import { browser } from 'wxt/browser';
import type { ShelfsyncDB } from '../db/database';

export const RETENTION_ALARM = 'sync-log-retention';
export const KEEP_DAYS = 30;
const CHUNK = 2000;

export async function ensureRetentionAlarm(): Promise<void> {
  const existing = await browser.alarms.get(RETENTION_ALARM).catch(() => undefined);
  if (!existing) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 30 });
}

/** Deletes finished log rows older than the retention, a chunk per transaction so pushes and
 *  commands are never held up for long. Answers how many rows went. */
export async function pruneSyncLogs(db: ShelfsyncDB, now: number, keepDays = KEEP_DAYS): Promise<number> {
  const cutoff = now - keepDays * 24 * 60 * 60_000;
  const old = await db.syncLogs
    .where('createdAt')
    .below(cutoff)
    .filter((l) => l.status === 'success' || l.status === 'skipped')
    .primaryKeys();
  for (let i = 0; i < old.length; i += CHUNK) {
    await db.transaction('rw', db.syncLogs, async () => db.syncLogs.bulkDelete(old.slice(i, i + CHUNK)));
  }
  return old.length;
}
