// Checking a store's orders (ORDERS.md "How orders are found"): by update time from the store's
// cursor minus an overlap, page by page, each page recorded and applied in its own transaction;
// the cursor moves only when the whole scan has been read, so a check that fails half-way is
// repeated from the same place (re-reading is harmless: applying is exactly once).
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import { stockTables } from '../inventory/levels';
import { logger } from '../log/logger';
import { PlatformError } from '../platforms/types';
import { adapterFor } from '../stores/session';
import { blockStore, takeCallSlot } from '../sync/pacing';
import { recordOrders, type RecordResult } from './record';
import { ordersOf } from './settings';
import { applyWaitingLinesOfStore } from './unmatched';

const log = logger('orders');

/** Platforms' order lists are read by update time; an order updated the same second as the last
 *  one read, or indexed a moment late, is caught by asking again from a little earlier. */
export const OVERLAP_MS = 10_000;
/** ORDERS.md "Fresh before push": no push from an order view older than this. */
export const FRESH_MS = 10_000;
/** A store whose checks found new or changed orders within BUSY_MS is checked again this soon
 *  while the worker is awake (the 30 s alarm stays the floor when it sleeps): sales come in runs,
 *  and a sale between two alarms would otherwise wait a whole period with no push to fetch it
 *  early. Below FRESH_MS, so a busy store's pushes find its view fresh instead of waiting. */
let followUpMs = 8_000;
let busyMs = 60_000;
const MAX_PAGES = 5_000;

export type PollResult = ({ ok: true } & RecordResult & { pages: number }) | { ok: false; code: string; message: string; transient: boolean } | { ok: true; skipped: string; seen: 0; new: 0; changed: 0; pages: 0 };

const inflight = new Map<number, Promise<PollResult>>();

/** Worker start's catch-up over every store (ORDERS.md case 8: orders that arrived while the
 *  browser was closed are all applied before any push). Pushes wait for it, a bounded time. */
let catchUp: Promise<unknown> = Promise.resolve();
const CATCH_UP_WAIT_MS = 60_000;
export function holdPushesFor(p: Promise<unknown>): void {
  catchUp = p.catch(() => undefined);
}
export function caughtUp(): Promise<unknown> {
  return Promise.race([catchUp, new Promise((r) => setTimeout(r, CATCH_UP_WAIT_MS))]);
}

/** Checks one store's orders now; one check per store at a time (a second caller shares it). */
export function pollStore(db: ShelfsyncDB, storeId: number): Promise<PollResult> {
  const running = inflight.get(storeId);
  if (running) return running;
  const p = runPoll(db, storeId).finally(() => inflight.delete(storeId));
  inflight.set(storeId, p);
  void p.then((r) => {
    if (r.ok && 'pages' in r && r.new + r.changed > 0) lastNews.set(storeId, Date.now());
    if (Date.now() - (lastNews.get(storeId) ?? -Infinity) < busyMs) followUp(db, storeId);
    // A check that threw (the database closing under it) is the caller's to report: this
    // bookkeeping branch must not leave an unhandled rejection behind.
  }, () => undefined);
  return p;
}

const followUps = new Map<number, ReturnType<typeof setTimeout>>();
/** When a check of the store last found new or changed orders (this worker's life only). */
const lastNews = new Map<number, number>();

/** One timer per store: a check `followUpMs` after the last one (a check made meanwhile for a
 *  push moves it); the run ends BUSY_MS after the last news. Timers die with the worker. */
function followUp(db: ShelfsyncDB, storeId: number, delay = followUpMs): void {
  if (followUps.has(storeId) || !followUpMs) return;
  const timer = setTimeout(() => {
    void (async () => {
      let store: StoreRow | undefined;
      try {
        store = await db.stores.get(storeId);
      } finally {
        // Left pending until the check below is under way (no await in between).
        followUps.delete(storeId);
      }
      if (!followsOrders(store)) return;
      const last = ordersOf(store!).lastCheckedAt ?? 0;
      const wait = last + followUpMs - Date.now();
      // Checked a moment ago (for a push): look again a period after that check instead.
      if (wait > 1000) return followUp(db, storeId, wait);
      await pollStore(db, storeId);
    })().catch((err: unknown) => log.warn(`store ${storeId}: order follow-up check failed`, err));
  }, delay);
  followUps.set(storeId, timer);
}

/** Tests: a shorter follow-up (0 = none) and busy window, and every pending follow-up dropped. */
export function setFollowUpMs(ms: number, busy = 60_000): void {
  followUpMs = ms;
  busyMs = busy;
}
/** Tests: stores with a follow-up timer or a check under way. */
export function pendingFollowUps(): number[] {
  return [...new Set([...followUps.keys(), ...inflight.keys()])];
}
export function cancelFollowUps(): void {
  for (const t of followUps.values()) clearTimeout(t);
  followUps.clear();
  lastNews.clear();
}

/** Whether a store's orders are followed right now. */
export function followsOrders(store: StoreRow | undefined): boolean {
  return !!store && store.status === 'active' && ordersOf(store).enabled;
}

/** Before a push to `store`: its orders as seen within FRESH_MS, else checked now. False when the
 *  check failed: the push must wait (a push from an old view could undo a sale). */
export async function ensureFreshOrders(db: ShelfsyncDB, store: StoreRow): Promise<boolean> {
  await caughtUp();
  if (!followsOrders(store)) return true;
  const last = ordersOf(store).lastCheckedAt ?? 0;
  if (Date.now() - last < FRESH_MS) return true;
  const r = await pollStore(db, store.id);
  // A refusal that asking again will not change (a site too old to list orders by update time)
  // must not stop stock from flowing: the store shows the error and pushes go on.
  return r.ok || !r.transient;
}

async function runPoll(db: ShelfsyncDB, storeId: number): Promise<PollResult> {
  const store = await db.stores.get(storeId);
  if (!store || !followsOrders(store)) return { ok: true, skipped: 'orders are not followed for this store', seen: 0, new: 0, changed: 0, pages: 0 };
  const settings = ordersOf(store);
  // A scan that stopped half-way (throttled, the worker stopped) resumes from the page it reached:
  // restarting from the cursor could repeat its first pages forever under a tight rate limit.
  const scan = settings.scan ?? null;
  const startedAt = scan?.startedAt ?? Date.now();
  await db.stores.update(storeId, { 'orders.lastAttemptAt': Date.now() } as never);
  const total = { seen: 0, new: 0, changed: 0, pages: 0 };
  let maxSeen = scan?.maxSeen ?? settings.cursor ?? settings.since;
  const updatedSince = scan?.updatedSince ?? Math.max(0, maxSeen - OVERLAP_MS);
  let cursor: string | null = scan?.cursor ?? null;
  try {
    // Listings connected since the last check (by any path) take their waiting lines now.
    await db.transaction('rw', stockTables(db), async () => {
      await applyWaitingLinesOfStore(db, storeId, Date.now());
    });
    const adapter = await adapterFor(db, store);
    do {
      await takeCallSlot(db, storeId, store.platform);
      const page = await adapter.listOrders({ updatedSince, cursor });
      for (const o of page.orders) maxSeen = Math.max(maxSeen, o.updatedAt);
      cursor = page.nextCursor;
      const next = cursor;
      const r = await db.transaction('rw', stockTables(db), async () => {
        const fresh = await db.stores.get(storeId);
        if (!fresh) return { seen: 0, new: 0, changed: 0 };
        const recorded = await recordOrders(db, fresh, page.orders, Date.now());
        // The page and the place to resume from commit together.
        await db.stores.update(storeId, { 'orders.scan': next ? { startedAt, updatedSince, cursor: next, maxSeen } : null } as never);
        return recorded;
      });
      total.seen += r.seen;
      total.new += r.new;
      total.changed += r.changed;
      total.pages++;
    } while (cursor && total.pages < MAX_PAGES);
  } catch (err) {
    return failed(db, store, Date.now(), err);
  }
  await db.stores.update(storeId, {
    // Never past the scan's start: an order changed while the scan ran may sit behind a later
    // change a detail call returned, and must be asked for again.
    'orders.cursor': Math.min(maxSeen, Math.max(startedAt, settings.cursor ?? 0)),
    'orders.scan': null,
    'orders.lastCheckedAt': startedAt,
    'orders.lastError': null,
    'orders.lastResult': { seen: total.seen, new: total.new, changed: total.changed },
  } as never);
  return { ok: true, ...total };
}

async function failed(db: ShelfsyncDB, store: StoreRow, at: number, err: unknown): Promise<PollResult> {
  if (!(err instanceof PlatformError)) {
    log.error(`store ${store.id}: order check failed`, err);
    const message = err instanceof Error ? err.message : String(err);
    await db.stores.update(store.id, { 'orders.lastError': { at, code: 'internal', message } } as never).catch(() => undefined);
    return { ok: false, code: 'internal', message, transient: true };
  }
  const code = err.kind === 'auth' ? 'auth_failed' : err.kind === 'rate_limited' ? 'rate_limited' : err.kind === 'temporary' ? 'platform_unreachable' : 'platform_refused';
  const patch: Record<string, unknown> = { 'orders.lastError': { at, code, message: err.message } };
  if (err.kind === 'auth') Object.assign(patch, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: at });
  await db.stores.update(store.id, patch as never);
  if (err.kind === 'rate_limited') await blockStore(db, store.id, Date.now() + Math.max(err.retryAfterMs ?? 1000, 250), err.message);
  log.warn(`store ${store.id}: order check failed (${err.kind})`);
  return { ok: false, code, message: err.message, transient: err.kind === 'rate_limited' || err.kind === 'temporary' };
}
