// The push queue's reads: every question the engine and a push turn ask of `pushQueue` — what is
// due for a store, which stores have due work, when the next row comes due, what one turn claims
// — in one place, so a store id followed from the engine's lane reads engine → queue → push and
// never back. Rows are written by change capture (capture.ts: marks), the store-mark expansion
// (expand.ts) and a turn's results (push.ts#finalize); claims live in memory (leases.ts).
import type { ShelfsyncDB } from '../db/database';
import type { PushQueueRow, StoreRow, StoreVariantRow } from '../db/types';
import { claimedUntil, hold, isClaimed, LEASE_MS, WORKER_ID } from './leases';
import { blockedUntil } from './pacing';
import { quantitiesFor, type QuantityAnswer } from './quantity';

/** Up to `max` of a store's queue rows due by `now` that no live lease holds, earliest first. Read
 *  as one page (a filtered query walks a cursor, one request per row); only a page that is all
 *  leased — a stopped worker's claims not yet released — falls back to walking past them. */
export async function dueRows(db: ShelfsyncDB, storeId: number, now: number, max = 1): Promise<PushQueueRow[]> {
  const due = () => db.pushQueue.where('[storeId+dueAt]').between([storeId, -Infinity], [storeId, now], true, true);
  const free = (r: PushQueueRow) => !isClaimed(r, now);
  const page = await due().limit(max).toArray();
  const rows = page.filter(free);
  if (rows.length || page.length < max) return rows;
  return due().filter(free).limit(max).toArray();
}

export async function hasDueWork(db: ShelfsyncDB, storeId: number): Promise<boolean> {
  return (await dueRows(db, storeId, Date.now())).length > 0;
}

/** A lane's look before each turn: the store and its first due row in one read (under a stream
 *  of changes a lane turns several times a second, and every transaction costs the worker). */
export function peekStore(db: ShelfsyncDB, storeId: number): Promise<{ store: StoreRow | undefined; first: PushQueueRow | undefined }> {
  return db.transaction('r', db.stores, db.pushQueue, async () => {
    const [store, due] = await Promise.all([db.stores.get(storeId), dueRows(db, storeId, Date.now())]);
    return { store, first: due[0] };
  });
}

/** Active stores (but those `skip` names: a lane already runs) that have a queue row due now that
 *  no live lease holds: one transaction for all of them (the round runs up to once a second). */
export async function storesWithDueWork(db: ShelfsyncDB, skip: (storeId: number) => boolean): Promise<number[]> {
  return db.transaction('r', db.stores, db.pushQueue, async () => {
    const ids = (await db.stores.toArray()).filter((s) => s.status === 'active' && !skip(s.id)).map((s) => s.id);
    const now = Date.now();
    const due = await Promise.all(ids.map((id) => dueRows(db, id, now)));
    return ids.filter((_, i) => due[i]!.length > 0);
  });
}

export interface QueueOutlook {
  /** Anything queued or a store mark waiting: the heartbeat alarm stays. */
  pending: boolean;
  /** When the earliest row of an active store may go (its due time, the store's block, a live
   *  claim); now when a store mark waits; Infinity when nothing does. */
  nextAt: number;
  /** Variants whose last push failed (the toolbar badge). */
  failing: number;
}

/** What the full round schedules from, read in one transaction. */
export async function queueOutlook(db: ShelfsyncDB): Promise<QueueOutlook> {
  const { pending, marks, heads, failing } = await db.transaction('r', [db.pushQueue, db.storeMarks, db.stores, db.storeVariants], async () => {
    // Whether anything is queued, not how much: IndexedDB counts by walking every row, and under
    // a backlog of thousands that walk, once a round, was a large share of the browser's work.
    const [queued, markKeys, stores, failingCount] = await Promise.all([
      db.pushQueue.limit(1).primaryKeys(), db.storeMarks.limit(1).primaryKeys(), db.stores.toArray(), db.storeVariants.where('failing').equals(1).count(),
    ]);
    const active = stores.filter((s) => s.status === 'active');
    const firsts = await Promise.all(active.map((s) => db.pushQueue.where('[storeId+dueAt]').between([s.id, -Infinity], [s.id, Infinity]).first()));
    return { pending: queued.length + markKeys.length > 0, marks: markKeys.length > 0, heads: active.map((s, i) => ({ storeId: s.id, first: firsts[i] })), failing: failingCount };
  });
  if (!pending) return { pending, nextAt: Infinity, failing };
  let nextAt = marks ? Date.now() : Infinity;
  for (const { storeId, first } of heads) {
    if (first) nextAt = Math.min(nextAt, Math.max(first.dueAt, await blockedUntil(db, storeId), claimedUntil(first)));
  }
  return { pending, nextAt, failing };
}

export interface Claim { claimed: PushQueueRow[]; variants: (StoreVariantRow | undefined)[]; quantities: Map<number, QuantityAnswer> }

/** Claims up to `max` due rows of a store that nothing holds (in this worker's memory:
 *  leases.ts) and reads what their pushes need — the variants, the store's rule, the stock
 *  levels — in one read transaction. */
export async function claim(db: ShelfsyncDB, storeId: number, now: number, max: number): Promise<Claim> {
  return db.transaction('r', [db.pushQueue, db.storeVariants, db.stockLevels, db.ruleStores, db.syncRules], async () => {
    const rows = await dueRows(db, storeId, now, max);
    if (!rows.length) return { claimed: [], variants: [], quantities: new Map() };
    hold(rows.map((r) => r.storeVariantId), now + LEASE_MS);
    const variants = await db.storeVariants.bulkGet(rows.map((c) => c.storeVariantId));
    // The number is computed now, at send time: the latest stock wins.
    const quantities = await quantitiesFor(db, variants.filter((v): v is StoreVariantRow => !!v));
    return { claimed: rows, variants, quantities };
  });
}

/** Leases of a previous worker instance are dead the moment this one starts. */
export async function releaseForeignLeases(db: ShelfsyncDB): Promise<number> {
  return db.transaction('rw', db.pushQueue, async () =>
    // Through the leaseOwner index: only rows that carry a lease are in it (null is not a key).
    db.pushQueue.where('leaseOwner').notEqual(WORKER_ID).modify({ leaseOwner: null, leaseUntil: 0 }),
  );
}
