// What the service worker does once per start, before it answers anything: open the database
// (running any schema upgrade), record the start, resume unfinished jobs.
import { getDb } from '../db/database';
import { reconcileSourceAlarms } from '../inventory/schedule';
import { kickJobs } from '../jobs/runner';
import { ensureDriftAlarm } from '../sync/driftSchedule';
import { ensureRetentionAlarm } from '../sync/logRetention';
import { kickEngine, releaseForeignLeases, startEngine } from '../sync/engine';
import { logger } from '../log/logger';
import { catchUpOrders, ensureOrdersAlarm } from '../orders/schedule';
import { keepAliveWhile } from '../jobs/keepalive';
import { registerParts } from './parts';
import { applySettings, readSettings } from '../settings/commands';

const log = logger('background');

export async function startBackground(): Promise<void> {
  // Before the first await: a command or alarm that runs a job or changes stock finds its parts.
  registerParts();
  const db = getDb();
  await db.open();
  await db.meta.put({ key: 'lastWorkerStart', value: Date.now() });
  applySettings(await readSettings(db));
  log.info(`ready (schema ${db.verno})`);
  // Resume whatever a stopped worker left unfinished; not awaited so commands answer at once.
  startEngine(db);
  await releaseForeignLeases(db);
  // Catch-up: orders placed while the browser was closed; pushes wait for it (ORDERS.md case 8).
  void keepAliveWhile(() => catchUpOrders(db))
    .then(() => kickEngine())
    .catch((err: unknown) => log.warn('order catch-up failed', err));
  void kickEngine();
  void kickJobs(db);
  await reconcileSourceAlarms(db).catch((err: unknown) => log.warn('could not rebuild the pull schedule', err));
  await ensureDriftAlarm().catch((err: unknown) => log.warn('could not schedule the drift check', err));
  await ensureRetentionAlarm().catch((err: unknown) => log.warn('could not schedule sync-log retention', err));
  await ensureOrdersAlarm().catch((err: unknown) => log.warn('could not schedule order checks', err));
}
