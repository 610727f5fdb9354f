// The push engine: runs whenever there may be work — at once after a command that marked
// something (woken after its transaction commits), at worker start-up, on a chrome.alarms
// heartbeat that exists only while work is pending, and on a timer for backoffs due soon.
// Stores are pushed concurrently, each at its own pace. Single flight: a wake during a run
// makes the run go round once more.
import { browser } from 'wxt/browser';
import { keepAliveWhile } from '../jobs/keepalive';
import type { ShelfsyncDB } from '../db/database';
import { logger } from '../log/logger';
import { setWakeEngine } from './capture';
import { expandStoreMarks } from './expand';
import { ensureFreshOrders } from '../orders/poll';
import { profileOf } from '../platforms/profiles';
import { blockedUntil, blockStore } from './pacing';
import { forgetClaims } from './leases';
import { hasDueWork, peekStore, queueOutlook, storesWithDueWork } from './queue';
import { pushStore } from './push';
import type { PushQueueRow, StoreRow } from '../db/types';

// Start-up asks the engine to release an older worker's leases (the queue's own write).
export { releaseForeignLeases } from './queue';
export { WORKER_ID } from './leases';

const log = logger('engine');
/** How long pushes to a store wait after its order check failed before checking again. */
const ORDER_RETRY_MS = 3000;
export const HEARTBEAT_ALARM = 'sync-heartbeat';

let database: ShelfsyncDB | null = null;
let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | null = null;

export function startEngine(db: ShelfsyncDB): void {
  database = db;
  // A starting engine holds no claims (a test's fresh database reuses row ids).
  forgetClaims();
  setWakeEngine((storeIds) => (storeIds ? wakeStores(storeIds) : void kickEngine()));
}

/** Variants of these stores were just marked: their lanes start at once, without the full round
 *  (which looks at every store, the timers and the badge: ~60 reads, too many to repeat for each
 *  of 50 changes a second); that round follows within a second. */
function wakeStores(storeIds: number[]): void {
  const db = database;
  if (!db) return;
  for (const id of storeIds) if (!lanes.has(id)) void startLane(db, id);
  soonFullRound();
}

let roundTimer: ReturnType<typeof setTimeout> | null = null;
const FULL_ROUND_MS = 1000;

function soonFullRound(): void {
  if (roundTimer) return;
  roundTimer = setTimeout(() => {
    roundTimer = null;
    void kickEngine();
  }, FULL_ROUND_MS);
}

export function kickEngine(): Promise<void> {
  const db = database;
  if (!db) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = keepAliveWhile(() => loop(db))
    .catch((err: unknown) => log.error('engine run failed', err))
    .finally(() => {
      running = null;
      // A wake that arrived after the loop's last look (while it scheduled or set the badge).
      if (again) void kickEngine();
    });
  return running;
}

/** One lane per store: a slow store (Shopee at 10 calls/s) never holds up a fast one. */
const lanes = new Map<number, Promise<void>>();

function startLane(db: ShelfsyncDB, storeId: number): Promise<void> {
  const existing = lanes.get(storeId);
  if (existing) return existing;
  const lane = (async () => {
    let end: LaneEnd = 'stopped';
    try {
      end = await runLane(db, storeId);
    } catch (err) {
      // The database closing (worker stopping, tests) or a read failing ends this lane quietly;
      // the next wake starts a fresh one.
      log.warn(`store ${storeId}: push lane stopped`, err);
    }
    return end;
  })().then(async (end) => {
    lanes.delete(storeId);
    // A mark that committed between the lane's last look and now found the lane still there.
    if (end === 'idle' && database === db && (await hasDueWork(db, storeId).catch(() => false))) void startLane(db, storeId);
    // Blocked or inactive stores, timers and the badge: the full round (never per lane end).
    else soonFullRound();
  });
  lanes.set(storeId, lane);
  return lane;
}

type LaneEnd = 'idle' | 'blocked' | 'inactive' | 'stopped';

async function runLane(db: ShelfsyncDB, storeId: number): Promise<LaneEnd> {
  for (;;) {
    const { store, first } = await peekStore(db, storeId);
    if (!store || store.status !== 'active') return 'inactive';
    if ((await blockedUntil(db, storeId)) > Date.now() + 50) return 'blocked';
    if (!first) return 'idle';
    await gatherWindow(store, first);
    // Fresh before push (ORDERS.md): a sale the platform made but Shelfsync has not seen would
    // be undone by a number computed without it. A failed check waits a moment and retries.
    if (!(await ensureFreshOrders(db, store))) {
      await blockStore(db, storeId, Date.now() + ORDER_RETRY_MS, 'waiting for a fresh order check before pushing');
      return 'blocked';
    }
    const turn = await pushStore(db, store).catch((err: unknown) => {
      log.error(`store ${storeId}: push turn failed`, err);
      return null;
    });
    // A failed turn ends the lane (the full round looks again); nothing claimed means another
    // look took the work; otherwise the next peek says whether more is due.
    if (!turn) return 'stopped';
    if (!turn.claimed) return 'idle';
  }
}

async function loop(db: ShelfsyncDB): Promise<void> {
  do {
    again = false;
    const moreMarks = await expandStoreMarks(db);
    for (const storeId of await storesWithDueWork(db, (id) => lanes.has(id))) void startLane(db, storeId);
    if (moreMarks) again = true;
  } while (again);
  const failing = await scheduleNext(db);
  await updateBadge(failing);
  // The popup's health line: when the engine last went round (the worker may sleep since). The
  // round runs up to once a second under a stream of changes and the line speaks in minutes, so
  // the row is written at most every HEARTBEAT_WRITE_MS (a write notifies every open page).
  const at = Date.now();
  if (at - heartbeatWritten >= HEARTBEAT_WRITE_MS) {
    heartbeatWritten = at;
    await quietly(() => db.meta.put({ key: 'engineHeartbeat', value: at }));
  }
}

const HEARTBEAT_WRITE_MS = 10_000;
let heartbeatWritten = 0;

/** Platforms whose stock call carries many listings wait a moment after the first change so the
 *  changes right behind it share its call (the profile's sync.gatherMs, bounded well inside the
 *  second); one item per call gains nothing from waiting. */
async function gatherWindow(store: StoreRow, first: PushQueueRow): Promise<void> {
  const window = profileOf(store.platform).sync.gatherMs;
  if (!window || first.manual) return;
  const age = Date.now() - Math.max(first.dueAt, first.firstQueuedAt);
  if (age < window) await new Promise((r) => setTimeout(r, window - age));
}

/** While anything is pending: a timer for the next due row (if soon) and the alarm heartbeat.
 *  Answers the failing count for the badge (read with the rest: queue.ts#queueOutlook). */
async function scheduleNext(db: ShelfsyncDB): Promise<number> {
  // The outlook sets the next timer: the previous one has nothing left to do.
  if (timer) clearTimeout(timer);
  timer = null;
  const { pending, nextAt, failing } = await queueOutlook(db);
  if (!pending) {
    await quietly(() => browser.alarms.clear(HEARTBEAT_ALARM));
    return failing;
  }
  const wait = nextAt - Date.now();
  if (Number.isFinite(wait) && wait < 25_000) timer = setTimeout(() => void kickEngine(), Math.max(wait, 20));
  // The worker may be stopped before that timer fires: the alarm wakes it (≥ 30 s apart).
  const existing = await quietly(() => browser.alarms.get(HEARTBEAT_ALARM));
  if (!existing) await quietly(() => browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: 0.5 }));
  return failing;
}

/** Browser chrome (alarms, badge) is best effort: its failure must never stop a push. */
async function quietly<T>(fn: () => Promise<T> | T | undefined): Promise<T | undefined> {
  try {
    return await fn();
  } catch {
    return undefined;
  }
}

/** The toolbar badge (failing pushes), set when its count changes rather than every round. */
let badgeShown: number | null = null;
async function updateBadge(failing: number): Promise<void> {
  if (failing === badgeShown) return;
  badgeShown = failing;
  await quietly(() => browser.action?.setBadgeText({ text: failing ? String(Math.min(failing, 999)) : '' }));
  if (failing) await quietly(() => browser.action?.setBadgeBackgroundColor({ color: '#cf1322' }));
}

/** Tests: run until nothing is due now. */
export async function drainEngine(): Promise<void> {
  for (;;) {
    while (running) await running;
    await kickEngine();
    while (running) await running;
    if (!lanes.size) return;
    await Promise.allSettled([...lanes.values()]);
  }
}
