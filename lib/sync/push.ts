// One store's turn in the engine: claim its due queue rows (queue.ts#claim), compute each number at
// send time, send them in the fewest calls the platform allows at the pace the store allows,
// and record a result per variant. Throttling waits (never fails); passing faults back off with
// jitter; an auth failure stops the store's pushes until it is authorized again.
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow, StoreVariantRow, SyncLogRow } from '../db/types';
import { logger } from '../log/logger';
import { PlatformError, variantKey, type PlatformAdapter, type StockResult, type StockUpdate } from '../platforms/types';
import { adapterFor } from '../stores/session';
import { profileOf } from '../platforms/profiles';
import { release } from './leases';
import { blockStore, takeCallSlot } from './pacing';
import type { QueueRow } from './capture';
import { claim } from './queue';
import { endWatch, watchWrites, writtenSince, type RowWatch } from './rowWatch';
import { patchSyncStatus } from '../store-products/listIndex';
import { t } from '../i18n';

const log = logger('sync');
const MAX_BACKOFF_MS = 5 * 60_000;

type Outcome =
  | { kind: 'success'; quantity: number }
  | { kind: 'failed'; quantity: number | null; error: string }
  | { kind: 'skipped'; quantity: number | null; error: string }
  | { kind: 'later'; dueAt: number; error: string; countAttempt: boolean };

export function backoffMs(attempts: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.5 + Math.random() * 0.5));
}

/** The pending log row a claimed push carries, as markVariants wrote it (from the row's LogMeta;
 *  read from the database for a row without one, or whose variant is gone). */
function pendingLog(c: QueueRow, variant: StoreVariantRow | undefined, read: Map<number, SyncLogRow>): SyncLogRow | undefined {
  if (!c.log || !variant) return read.get(c.logId);
  return {
    id: c.logId, storeId: c.storeId, storeProductId: variant.storeProductId, storeVariantId: c.storeVariantId, quantity: null, trigger: c.trigger,
    status: 'pending', error: null, jobId: c.log.jobId, attempts: c.log.attempts, createdAt: c.log.createdAt, sentAt: null,
  };
}

/** Writes every outcome: the log row the push carried, the variant's last sync, the queue row.
 *  The queue rows and variants are those the claim read, unless someone wrote them since
 *  (rowWatch.ts): only those are read again. */
async function finalize(db: ShelfsyncDB, claimed: QueueRow[], claimedVariants: (StoreVariantRow | undefined)[], outcomes: Map<number, Outcome>, now: number, watch: RowWatch): Promise<void> {
  await db.transaction('rw', db.pushQueue, db.syncLogs, db.storeVariants, async () => {
    const ids = claimed.map((c) => c.storeVariantId);
    const unknown = claimed.filter((c, i) => !c.log || !claimedVariants[i]).map((c) => c.logId);
    // A request of this transaction answers only once IndexedDB has started it, that is once
    // every earlier transaction over these tables has committed — and their writes have been
    // seen by the watch. (The first row's read is that request even when no log is unknown.)
    const [logs] = await Promise.all([db.syncLogs.bulkGet(unknown), db.pushQueue.get(ids[0]!)]);
    const read = new Map(logs.filter((l): l is SyncLogRow => !!l).map((l) => [l.id, l]));
    const staleRows = ids.filter((id) => writtenSince(watch, 'pushQueue', id));
    const staleVariants = ids.filter((id) => writtenSince(watch, 'storeVariants', id));
    const [rowsNow, variantsNow] = await Promise.all([db.pushQueue.bulkGet(staleRows) as Promise<(QueueRow | undefined)[]>, db.storeVariants.bulkGet(staleVariants)]);
    const freshRow = new Map(staleRows.map((id, i) => [id, rowsNow[i]]));
    const freshVariant = new Map(staleVariants.map((id, i) => [id, variantsNow[i]]));
    const logPuts: SyncLogRow[] = [];
    const variantPuts: StoreVariantRow[] = [];
    const queueDeletes: number[] = [];
    const queuePuts: QueueRow[] = [];
    claimed.forEach((c, i) => {
      const o = outcomes.get(c.storeVariantId);
      if (!o) return;
      const row = freshRow.has(c.storeVariantId) ? freshRow.get(c.storeVariantId) : c;
      const variant = freshVariant.has(c.storeVariantId) ? freshVariant.get(c.storeVariantId) : claimedVariants[i];
      const logRow = pendingLog(c, claimedVariants[i], read);
      if (o.kind === 'later') {
        const attempts = (logRow?.attempts ?? 0) + (o.countAttempt ? 1 : 0);
        if (logRow) logPuts.push({ ...logRow, attempts, error: o.error });
        // Still ours (or re-marked meanwhile): release it for the retry time. Its log row keeps the
        // attempts counted, unless a newer mark replaced that log row.
        const log = row?.seq === c.seq && c.log ? { ...c.log, attempts } : row?.log;
        if (row) queuePuts.push({ ...row, leaseOwner: null, leaseUntil: 0, dueAt: row.seq === c.seq ? o.dueAt : Math.min(o.dueAt, row.dueAt), attempts: c.attempts + (o.countAttempt ? 1 : 0), lastError: o.error, log });
        return;
      }
      const status = o.kind;
      if (logRow) logPuts.push({ ...logRow, status, quantity: o.quantity, error: o.kind === 'success' ? null : o.error, sentAt: o.kind === 'skipped' ? logRow.sentAt : now, attempts: logRow.attempts + (o.kind === 'skipped' ? 0 : 1) });
      if (variant && o.kind !== 'skipped') {
        variantPuts.push({
          ...variant,
          lastPushedQuantity: o.kind === 'success' ? o.quantity : variant.lastPushedQuantity ?? null,
          platformStock: o.kind === 'success' ? o.quantity : variant.platformStock,
          lastSync: { at: now, quantity: o.quantity, status, error: o.kind === 'success' ? null : o.error },
          failing: o.kind === 'failed' ? 1 : 0,
          drift: o.kind === 'success' ? null : variant.drift ?? null,
        });
      }
      // A mark that landed while this push was in flight (seq moved on) gets one more push.
      if (row && row.seq === c.seq) queueDeletes.push(c.storeVariantId);
      else if (row) queuePuts.push({ ...row, leaseOwner: null, leaseUntil: 0, dueAt: Math.min(row.dueAt, now) });
    });
    if (logPuts.length) await db.syncLogs.bulkPut(logPuts);
    if (variantPuts.length) await db.storeVariants.bulkPut(variantPuts);
    if (queueDeletes.length) await db.pushQueue.bulkDelete(queueDeletes);
    if (queuePuts.length) await db.pushQueue.bulkPut(queuePuts);
  });
  // Committed: the rows are free for the next turn (a failure above keeps them claimed until the
  // claim runs out, as a stopped turn would).
  release(claimed.map((c) => c.storeVariantId));
}

function entryOutcome(result: StockResult, quantity: number): Outcome {
  if (result.ok) return { kind: 'success', quantity };
  const error = result.error?.message ?? 'refused by the platform';
  // An entry throttled or hit by a passing fault inside a batch answer is retried, not failed.
  if (result.error?.kind === 'rate_limited' || result.error?.kind === 'temporary') return { kind: 'later', dueAt: Date.now() + backoffMs(1), error, countAttempt: result.error.kind === 'temporary' };
  return { kind: 'failed', quantity, error };
}

/** Each store's adapter while its row's credentials and endpoints stay the same: building one
 *  decrypts the credentials (WebCrypto), which every turn — several a second per store under a
 *  stream of changes — would repeat. A refreshed token or a re-authorization changes the row's
 *  secret, and the next turn builds the adapter again. */
const adapters = new Map<number, { key: string; adapter: PlatformAdapter }>();

async function storeAdapter(db: ShelfsyncDB, store: StoreRow): Promise<PlatformAdapter> {
  const key = JSON.stringify([store.platform, store.secret, store.endpoints]);
  const known = adapters.get(store.id);
  if (known?.key === key) return known.adapter;
  const adapter = await adapterFor(db, store);
  adapters.set(store.id, { key, adapter });
  return adapter;
}

export interface StoreTurn { claimed: number; pushed: number; calls: number; more: boolean }

export async function pushStore(db: ShelfsyncDB, store: StoreRow, now = Date.now): Promise<StoreTurn> {
  // Writes to the rows this turn claims are noted from before the claim reads them.
  const watch = watchWrites(['pushQueue', 'storeVariants']);
  try {
    return await pushTurn(db, store, now, watch);
  } finally {
    endWatch(watch);
  }
}

async function pushTurn(db: ShelfsyncDB, store: StoreRow, now: () => number, watch: RowWatch): Promise<StoreTurn> {
  // How much one turn claims (the profile's sync.claimMax): about ten seconds of the store's
  // calls, so a claim never outlives its turn and later changes coalesce in the queue.
  const claimMax = profileOf(store.platform).sync.claimMax;
  const { claimed, variants, quantities } = await claim(db, store.id, now(), claimMax);
  if (!claimed.length) return { claimed: 0, pushed: 0, calls: 0, more: false };
  const outcomes = new Map<number, Outcome>();
  const present = variants.filter((v): v is StoreVariantRow => !!v);
  const byId = new Map(present.map((v) => [v.id, v]));
  const updates: StockUpdate[] = [];
  for (const c of claimed) {
    const v = byId.get(c.storeVariantId);
    if (!v) {
      outcomes.set(c.storeVariantId, { kind: 'skipped', quantity: null, error: t('err_push_listingRemoved') });
      continue;
    }
    const q = quantities.get(v.id)!;
    if (q.quantity === null) {
      outcomes.set(v.id, { kind: 'skipped', quantity: null, error: q.reason });
      continue;
    }
    if (!c.manual && v.lastPushedQuantity === q.quantity && v.lastSync?.status === 'success') {
      outcomes.set(v.id, { kind: 'skipped', quantity: q.quantity, error: t('err_push_unchanged') });
      continue;
    }
    updates.push({ platformItemId: v.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, quantity: q.quantity, ref: v.ref ?? undefined });
  }

  let calls = 0;
  if (updates.length) {
    let adapter: PlatformAdapter | null = null;
    try {
      adapter = await storeAdapter(db, store);
    } catch (err) {
      log.error(`store ${store.id}: cannot build its adapter`, err);
      const idOf = new Map(present.map((v) => [variantKey(v), v.id]));
      for (const u of updates) outcomes.set(idOf.get(variantKey(u))!, { kind: 'later', dueAt: now() + backoffMs(3), error: t('err_push_noCredentials'), countAttempt: true });
    }
    if (adapter) calls = await sendAll(db, store, adapter, updates, byId, outcomes, now);
  }
  await finalize(db, claimed, variants, outcomes, now(), watch);
  await patchSyncStatus(db, store.id, [...new Set(present.map((v) => v.storeProductId))]);
  const pushed = [...outcomes.values()].filter((o) => o.kind === 'success').length;
  return { claimed: claimed.length, pushed, calls, more: claimed.length === claimMax };
}

async function sendAll(
  db: ShelfsyncDB, store: StoreRow, adapter: PlatformAdapter, updates: StockUpdate[],
  byId: Map<number, StoreVariantRow>, outcomes: Map<number, Outcome>, now: () => number,
): Promise<number> {
  const idOf = new Map([...byId.values()].map((v) => [variantKey(v), v.id]));
  const groups = adapter.planStockCalls(updates);
  let calls = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    await takeCallSlot(db, store.id, store.platform, now);
    try {
      calls++;
      const results = await adapter.setStock(group);
      const byVariant = new Map(results.map((r) => [variantKey(r), r]));
      for (const u of group) {
        const r = byVariant.get(variantKey(u)) ?? { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId, ok: false, error: { kind: 'invalid' as const, message: t('err_push_noAnswer') } };
        outcomes.set(idOf.get(variantKey(u))!, entryOutcome(r, u.quantity));
      }
    } catch (err) {
      const rest = groups.slice(g).flat();
      if (!(err instanceof PlatformError)) {
        log.error(`store ${store.id}: stock call failed unexpectedly`, err);
        for (const u of group) outcomes.set(idOf.get(variantKey(u))!, { kind: 'later', dueAt: now() + backoffMs(2), error: String(err), countAttempt: true });
        continue;
      }
      if (err.kind === 'rate_limited') {
        // Throttling alone never fails a push: the store waits, then everything left goes out.
        const until = now() + Math.max(err.retryAfterMs ?? 1000, 250);
        await blockStore(db, store.id, until, err.message);
        for (const u of rest) outcomes.set(idOf.get(variantKey(u))!, { kind: 'later', dueAt: until, error: t('err_push_throttled', err.message), countAttempt: false });
        return calls;
      }
      if (err.kind === 'auth') {
        await db.stores.update(store.id, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: now() });
        log.warn(`store ${store.id} needs re-authorization; its pushes wait`);
        for (const u of rest) outcomes.set(idOf.get(variantKey(u))!, { kind: 'later', dueAt: now(), error: t('err_push_needsReauth'), countAttempt: false });
        return calls;
      }
      if (err.kind === 'temporary') {
        for (const u of group) {
          const id = idOf.get(variantKey(u))!;
          const attempts = (await db.pushQueue.get(id))?.attempts ?? 0;
          outcomes.set(id, { kind: 'later', dueAt: now() + backoffMs(attempts + 1), error: err.message, countAttempt: true });
        }
        continue;
      }
      for (const u of group) outcomes.set(idOf.get(variantKey(u))!, { kind: 'failed', quantity: u.quantity, error: err.message });
    }
  }
  return calls;
}
