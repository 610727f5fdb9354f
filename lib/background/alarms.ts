// One alarm listener for the whole background; each feature owns a name prefix.
import type { Alarms } from 'webextension-polyfill';
import { getDb } from '../db/database';
import { runPull } from '../inventory/pull';
import { SOURCE_ALARM_PREFIX } from '../inventory/schedule';
import { HEARTBEAT_ALARM, kickEngine } from '../sync/engine';
import { keepAliveWhile } from '../jobs/keepalive';
import { DRIFT_ALARM, startDriftCheck } from '../sync/driftSchedule';
import { pruneSyncLogs, RETENTION_ALARM } from '../sync/logRetention';
import { logger } from '../log/logger';
import { ORDERS_ALARM, pollDueStores } from '../orders/schedule';

const log = logger('alarms');

export async function handleAlarm(alarm: Alarms.Alarm, ready: Promise<void>): Promise<void> {
  await ready;
  if (alarm.name === HEARTBEAT_ALARM) {
    await kickEngine();
    return;
  }
  if (alarm.name === ORDERS_ALARM) {
    // Also the engine's guaranteed wake-up: a push left pending by a stopped worker goes out now.
    void kickEngine();
    // What the checks apply wakes the engine itself (capture, after each commit).
    await keepAliveWhile(() => pollDueStores(getDb())).catch((err: unknown) => log.error('order check failed', err));
    return;
  }
  if (alarm.name === DRIFT_ALARM) {
    await startDriftCheck(getDb());
    return;
  }
  if (alarm.name === RETENTION_ALARM) {
    const removed = await keepAliveWhile(() => pruneSyncLogs(getDb(), Date.now())).catch((err: unknown) => {
      log.error('sync-log retention failed', err);
      return 0;
    });
    if (removed) log.info(`sync-log retention: ${removed} rows older than the retention removed`);
    return;
  }
  if (alarm.name.startsWith(SOURCE_ALARM_PREFIX)) {
    const sourceId = Number(alarm.name.slice(SOURCE_ALARM_PREFIX.length));
    const result = await keepAliveWhile(() => runPull(getDb(), sourceId)).catch((err: unknown) => {
      log.error(`scheduled pull of source ${sourceId} failed`, err);
      return null;
    });
    if (result) log.info(`pull of source ${sourceId}: ${result.message}`);
  }
}
