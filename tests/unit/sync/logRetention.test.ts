// Sync-log retention: finished rows older than 30 days go, in chunks; pending rows (in flight) and
// failed rows (what Retry failed works from) stay whatever their age, and so do recent rows.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { SyncLogRow, SyncLogStatus } from '@/lib/db/types';
import { handleAlarm } from '@/lib/background/alarms';
import { pruneSyncLogs, RETENTION_ALARM } from '@/lib/sync/logRetention';
import { freshDb } from '../../helpers/background';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 10, 27);
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
});

const row = (status: SyncLogStatus, ageDays: number, i: number): Omit<SyncLogRow, 'id'> => ({
  storeId: 1, storeProductId: 1 + (i % 7), storeVariantId: 1 + (i % 13), quantity: 5, trigger: 'stock_change', status,
  error: status === 'failed' ? 'refused' : null, jobId: null, attempts: 1, createdAt: NOW - ageDays * DAY - i, sentAt: null,
});

describe('sync-log retention', () => {
  it('removes old success and skipped rows only, across several chunks', async () => {
    const rows = [
      ...Array.from({ length: 4500 }, (_, i) => row(i % 3 ? 'success' : 'skipped', 31, i)),
      ...Array.from({ length: 20 }, (_, i) => row('failed', 90, i)),
      ...Array.from({ length: 5 }, (_, i) => row('pending', 45, i)),
      ...Array.from({ length: 30 }, (_, i) => row('success', 29, i)),
    ];
    await db.syncLogs.bulkAdd(rows as SyncLogRow[]);
    expect(await pruneSyncLogs(db, NOW)).toBe(4500);
    const left = await db.syncLogs.toArray();
    expect(left).toHaveLength(55);
    expect(left.filter((l) => l.status === 'failed')).toHaveLength(20);
    expect(left.filter((l) => l.status === 'pending')).toHaveLength(5);
    expect(left.filter((l) => l.status === 'success').every((l) => l.createdAt > NOW - 30 * DAY)).toBe(true);
    expect(await pruneSyncLogs(db, NOW)).toBe(0);
  });

  it('runs on its alarm', async () => {
    await db.syncLogs.bulkAdd([row('success', 400, 1), row('success', 0, 2)].map((r) => ({ ...r, createdAt: r.createdAt - NOW + Date.now() })) as SyncLogRow[]);
    await handleAlarm({ name: RETENTION_ALARM, scheduledTime: Date.now() }, Promise.resolve());
    expect((await db.syncLogs.toArray()).map((l) => l.storeVariantId)).toEqual([3]);
  });
});
