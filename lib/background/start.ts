// What the service worker does once per start, before it answers anything: open the database
// (running any schema upgrade) and record the start. Later issues add: resume jobs, the engine.
import { getDb } from '../db/database';
import { logger } from '../log/logger';

const log = logger('background');

export async function startBackground(): Promise<void> {
  const db = getDb();
  await db.open();
  await db.meta.put({ key: 'lastWorkerStart', value: Date.now() });
  log.info(`ready (schema ${db.verno})`);
}
