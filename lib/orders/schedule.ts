// When orders are checked: an alarm every 30 s while the browser runs (it survives the worker
// stopping: Chrome starts the worker to deliver it), and a catch-up at worker start. The same
// alarm wakes the push engine, so a push left pending by a worker stopped right after its
// change committed goes out within 30 s even when nothing else happens.
import { browser } from 'wxt/browser';
import type { ShelfsyncDB } from '../db/database';
import { logger } from '../log/logger';
import { followsOrders, holdPushesFor, pollStore, type PollResult } from './poll';
import { ordersOf } from './settings';

const log = logger('orders');
export const ORDERS_ALARM = 'orders-poll';
const ALARM_PERIOD_MS = 30_000;

export async function ensureOrdersAlarm(): Promise<void> {
  const existing = await browser.alarms.get(ORDERS_ALARM);
  if (!existing || existing.periodInMinutes !== 0.5) await browser.alarms.create(ORDERS_ALARM, { periodInMinutes: 0.5, delayInMinutes: 0.5 });
}

/** Checks every followed store whose interval has passed (all of them when `catchUp`). */
export async function pollDueStores(db: ShelfsyncDB, opts: { catchUp?: boolean } = {}): Promise<Map<number, PollResult>> {
  const now = Date.now();
  const due = (await db.stores.toArray()).filter((s) => {
    if (!followsOrders(s)) return false;
    const o = ordersOf(s);
    // Skip a store only when the next alarm still comes within its interval: a check made for a
    // push a moment ago must not push the next look a whole period later (a sale would then wait
    // up to two periods).
    return opts.catchUp || (o.lastAttemptAt ?? 0) + o.intervalSeconds * 1000 < now + ALARM_PERIOD_MS;
  });
  const results = await Promise.all(due.map(async (s) => [s.id, await pollStore(db, s.id)] as const));
  for (const [id, r] of results) if (!r.ok) log.warn(`store ${id}: ${r.code}`);
  return new Map(results);
}

/** At worker start: every followed store checked from its cursor, however long the browser was
 *  closed; pushes wait until it has finished (or a minute has passed). */
export function catchUpOrders(db: ShelfsyncDB): Promise<Map<number, PollResult>> {
  const run = pollDueStores(db, { catchUp: true });
  holdPushesFor(run);
  return run;
}
