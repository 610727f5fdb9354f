// Claims on push-queue rows, held in this worker's memory. A claim says "this worker is pushing
// that variant now": a lane does not claim it twice, and a mark landing meanwhile leaves the
// pending log row to the push in flight (capture.ts). Only one service worker runs at a time, and
// a claim must die with the worker that made it (SYNC.md: a claim left by a stopped worker is
// taken again) — which memory does by itself: the next worker finds the rows simply due. Claims
// used to be written to the rows (`leaseOwner`/`leaseUntil`) and released by the next worker at
// start-up; that cost a write of every claimed row, a share of the browser's IndexedDB work at
// ~190 pushes a second. Rows a worker of an older version leased still carry those fields, and
// are released at start-up (queue.ts#releaseForeignLeases) or once their lease runs out.
import type { PushQueueRow } from '../db/types';

/** This worker's identity: leases written on queue rows by any other owner (workers of older
 *  versions wrote them; this one holds its claims in memory) belong to a stopped one. */
export const WORKER_ID = `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A claim outlives no turn: a turn claims about ten seconds of calls (the platform profile's
 *  sync.claimMax, lib/platforms/<platform>/profile.ts). A turn
 *  that failed half-way leaves its claims to run out, so those pushes wait this long before
 *  being tried again rather than failing in a loop. */
export const LEASE_MS = 90_000;

/** Store variant id → the time its claim runs out. */
const held = new Map<number, number>();

export function hold(storeVariantIds: number[], until: number): void {
  for (const id of storeVariantIds) held.set(id, until);
}

export function release(storeVariantIds: number[]): void {
  for (const id of storeVariantIds) held.delete(id);
}

/** When the claim on this row runs out (0: not claimed), whether this worker holds it or a
 *  stopped worker of an older version wrote it on the row. */
export function claimedUntil(row: Pick<PushQueueRow, 'storeVariantId' | 'leaseOwner' | 'leaseUntil'>): number {
  return Math.max(held.get(row.storeVariantId) ?? 0, row.leaseOwner ? row.leaseUntil : 0);
}

export function isClaimed(row: Pick<PushQueueRow, 'storeVariantId' | 'leaseOwner' | 'leaseUntil'>, now: number): boolean {
  return claimedUntil(row) > now;
}

/** Tests: a new worker holds nothing. */
export function forgetClaims(): void {
  held.clear();
}
