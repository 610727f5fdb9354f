// Per-store call pacing. Each platform's calls per second (its profile: the documented or assumed
// rate limit, lib/platforms/<platform>/profile.ts) becomes a minimum gap between stock calls; throttling answers block the store until their retry-after. The
// state is written to the database so a restarted worker keeps honouring a block.
import type { ShelfsyncDB } from '../db/database';
import type { RateLimitRow } from '../db/types';
import { profileOf } from '../platforms/profiles';
import type { Platform } from '../platforms/types';

const memory = new Map<number, RateLimitRow>();

async function stateOf(db: ShelfsyncDB, storeId: number): Promise<RateLimitRow> {
  let row = memory.get(storeId);
  if (!row) {
    row = (await db.rateLimits.get(storeId)) ?? { storeId, nextCallAt: 0, blockedUntil: 0, reason: null };
    memory.set(storeId, row);
  }
  return row;
}

/** When the store may be called next (0 = now). */
export async function blockedUntil(db: ShelfsyncDB, storeId: number): Promise<number> {
  const s = await stateOf(db, storeId);
  return Math.max(s.blockedUntil, s.nextCallAt);
}

/** Waits for this store's next call slot and takes it. */
export async function takeCallSlot(db: ShelfsyncDB, storeId: number, platform: Platform, now = Date.now): Promise<void> {
  const s = await stateOf(db, storeId);
  const at = Math.max(s.nextCallAt, s.blockedUntil);
  const wait = at - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  s.nextCallAt = Math.max(now(), at) + Math.ceil(1000 / profileOf(platform).api.callsPerSecond);
  // Only blocks are worth a write: the gap between calls is rebuilt in a moment after a restart.
}

export async function blockStore(db: ShelfsyncDB, storeId: number, untilMs: number, reason: string): Promise<void> {
  const s = await stateOf(db, storeId);
  s.blockedUntil = Math.max(s.blockedUntil, untilMs);
  s.reason = reason;
  await db.rateLimits.put({ ...s });
}

/** Tests: forget cached pacing state (after deleting the database). */
export function resetPacing(): void {
  memory.clear();
}
