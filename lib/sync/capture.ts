// Change capture (ARCHITECTURE.md principle 3): whatever may move a pushed quantity marks the
// affected store variants in the *same* Dexie transaction as the change. The queue is keyed by
// store variant, so marking twice is one row (coalescing); each mark bumps `seq` so a push that
// was in flight when the mark landed is followed by one more. Every mark is a sync-log row; the
// one it supersedes becomes `skipped`. The engine is woken once the transaction has committed.
import Dexie from 'dexie';
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow, PushQueueRow, StoreVariantRow, SyncLogRow, SyncRuleRow, SyncTrigger } from '../db/types';
import { patchSyncStatus } from '../store-products/listIndex';
import { isClaimed } from './leases';
import { movedParts, ruleMoves, rulesForStores } from './quantity';
import { t } from '../i18n';

let wake: (storeIds?: number[]) => void = () => undefined;

/** The engine registers how to be woken; called after the marking transaction commits, with the
 *  stores whose variants were marked (none: a whole-store mark, the engine looks at everything). */
export function setWakeEngine(fn: (storeIds?: number[]) => void): void {
  wake = fn;
}

function afterCommit(fn: () => void): void {
  const tx = Dexie.currentTransaction;
  if (tx) tx.on('complete', fn);
  else queueMicrotask(fn);
}

function wakeAfterCommit(storeIds?: number[]): void {
  afterCommit(() => wake(storeIds));
}

export interface MarkOptions { manual?: boolean; jobId?: number | null; now: number; delayMs?: number }

/** What a queued push's pending log row holds besides what the queue row says, written on the
 *  row with the mark: the push's result then writes the log row without reading it first (one
 *  read per push fewer). Rows queued before this existed lack it; their log rows are read. */
export interface LogMeta { createdAt: number; jobId: number | null; attempts: number }
export type QueueRow = PushQueueRow & { log?: LogMeta };

/** Marks variants for a push. Call inside a rw transaction holding captureTables(db). */
export async function markVariants(db: ShelfsyncDB, variants: Pick<StoreVariantRow, 'id' | 'storeId' | 'storeProductId'>[], trigger: SyncTrigger, opts: MarkOptions): Promise<number> {
  if (!variants.length) return 0;
  const existing = await db.pushQueue.bulkGet(variants.map((v) => v.id));
  const superseded: number[] = [];
  const logs = variants.map((v) => ({
    storeId: v.storeId, storeProductId: v.storeProductId, storeVariantId: v.id, quantity: null, trigger, status: 'pending' as const,
    error: null, jobId: opts.jobId ?? null, attempts: 0, createdAt: opts.now, sentAt: null,
  }));
  const logIds = (await db.syncLogs.bulkAdd(logs as SyncLogRow[], { allKeys: true })) as number[];
  const rows: QueueRow[] = variants.map((v, i) => {
    const prev = existing[i];
    // A pending push not yet sent is superseded; one in flight will still be reported by the
    // push that carries it, and this new mark is pushed after it.
    if (prev && !isClaimed(prev, opts.now)) superseded.push(prev.logId);
    return {
      storeVariantId: v.id,
      storeId: v.storeId,
      seq: (prev?.seq ?? 0) + 1,
      trigger,
      // A manual push stays manual (it must go out even if the number did not change).
      manual: opts.manual || prev?.manual ? 1 : 0,
      logId: logIds[i]!,
      // An entry in flight stays claimed (a lease an older worker wrote stays on the row): the
      // push that finishes sees the new seq and re-queues it.
      dueAt: Math.min(prev?.dueAt ?? Infinity, opts.now + (opts.delayMs ?? 0)),
      leaseOwner: prev?.leaseOwner ?? null,
      leaseUntil: prev?.leaseUntil ?? 0,
      attempts: prev?.attempts ?? 0,
      lastError: prev?.lastError ?? null,
      firstQueuedAt: prev?.firstQueuedAt ?? opts.now,
      log: { createdAt: opts.now, jobId: opts.jobId ?? null, attempts: 0 },
    };
  });
  await db.pushQueue.bulkPut(rows);
  if (superseded.length) {
    await db.syncLogs.where('id').anyOf(superseded).modify((l) => {
      if (l.status === 'pending') {
        l.status = 'skipped';
        l.error = 'superseded by a newer change';
      }
    });
  }
  // The list's sync status shows "pending" once the mark is committed.
  const byStore = new Map<number, Set<number>>();
  for (const v of variants) (byStore.get(v.storeId) ?? byStore.set(v.storeId, new Set()).get(v.storeId)!).add(v.storeProductId);
  wakeAfterCommit([...byStore.keys()]);
  afterCommit(() => {
    for (const [storeId, ids] of byStore) void patchSyncStatus(db, storeId, [...ids]).catch(() => undefined);
  });
  return rows.length;
}

/** Marks a whole store (rule edits, auto sync for all items); the engine expands it in chunks. */
export async function markStore(db: ShelfsyncDB, storeId: number, trigger: SyncTrigger, opts: { onlyAutoSync: boolean; now: number }): Promise<void> {
  const prev = await db.storeMarks.get(storeId);
  await db.storeMarks.put({
    storeId, trigger, seq: (prev?.seq ?? 0) + 1,
    // Widening wins: a manual all-items mark must not be narrowed by a later auto one.
    onlyAutoSync: prev && !prev.onlyAutoSync ? 0 : opts.onlyAutoSync ? 1 : 0,
    createdAt: prev?.createdAt ?? opts.now,
  });
  wakeAfterCommit();
}

const TRIGGER_OF: Record<MovementRow['kind'], SyncTrigger> = {
  adjust: 'stock_change', count: 'stock_change', import: 'stock_change', intake: 'stock_change',
  reserve: 'reservation', release: 'reservation', fulfil: 'reservation',
  po_order: 'purchase_order', po_receive: 'purchase_order', po_cancel: 'purchase_order',
  inventory_pull: 'inventory_pull',
  order_reserved: 'order', order_fulfilled: 'order', order_released: 'order', order_returned: 'order',
};

/** Where one stock movement goes: the variants of its product that a rule counting the change
 *  pushes (auto sync on) or leaves stale (auto sync off), and the stores selling the product with
 *  no rule. Change capture decides with this, and so does an adjustment's answer
 *  (effects.ts#stockChangeReach), so the two never disagree. */
export interface ReachParts { pushed: StoreVariantRow[]; off: StoreVariantRow[]; noRuleStores: number[] }

export function reachParts(
  movement: Pick<MovementRow, 'warehouseId' | 'before' | 'after'>, variants: StoreVariantRow[],
  ruleOf: (storeId: number) => SyncRuleRow | null | undefined, autoSync: (storeProductId: number) => boolean,
): ReachParts {
  const parts: ReachParts = { pushed: [], off: [], noRuleStores: [] };
  const moved = movedParts(movement);
  for (const v of variants) {
    const rule = ruleOf(v.storeId);
    if (!rule) {
      if (!parts.noRuleStores.includes(v.storeId)) parts.noRuleStores.push(v.storeId);
    } else if (ruleMoves(rule, movement.warehouseId, moved)) (autoSync(v.storeProductId) ? parts.pushed : parts.off).push(v);
  }
  return parts;
}

/** Each captured movement's reach, for the command that made it to answer after its commit
 *  without reading the same variants, rules and listings again (a movement object lives as long
 *  as that command's answer). */
const captured = new WeakMap<MovementRow, ReachParts>();

export function capturedReach(movement: MovementRow): ReachParts | undefined {
  return captured.get(movement);
}

/** The store variants of these products, one index read per product (a cursor over several
 *  products steps one request per row). */
export async function variantsOfProducts(db: ShelfsyncDB, productIds: number[]): Promise<Map<number, StoreVariantRow[]>> {
  const lists = await Promise.all(productIds.map((id) => db.storeVariants.where('productId').equals(id).toArray()));
  return new Map(productIds.map((id, i) => [id, lists[i]!]));
}

/** Variants with auto sync on whose rule counts the warehouse and kind of change, for a batch of
 *  movements (one, or a whole import chunk): listings, rules and listings' auto sync are read
 *  once per batch, and a variant moved by several movements is marked once (by the last). */
export async function captureStockChanges(db: ShelfsyncDB, movements: MovementRow[]): Promise<void> {
  const variantsOf = await variantsOfProducts(db, [...new Set(movements.map((m) => m.productId))]);
  const storeIds = [...new Set([...variantsOf.values()].flat().map((v) => v.storeId))];
  const rules = await rulesForStores(db, storeIds);
  const ruleOf = (storeId: number) => rules.get(storeId);
  // Variant id → the trigger of the last movement that moves its number; the marks it supersedes
  // inside the batch are still sync-log rows, `skipped` (SYNC.md: every change is observable).
  const marked = new Map<number, { variant: StoreVariantRow; trigger: SyncTrigger; at: number }>();
  const superseded: { variant: StoreVariantRow; trigger: SyncTrigger; at: number }[] = [];
  for (const movement of movements) {
    const moved = movedParts(movement);
    for (const v of variantsOf.get(movement.productId) ?? []) {
      const rule = ruleOf(v.storeId);
      if (!rule || !ruleMoves(rule, movement.warehouseId, moved)) continue;
      const earlier = marked.get(v.id);
      if (earlier) superseded.push(earlier);
      marked.delete(v.id);
      marked.set(v.id, { variant: v, trigger: TRIGGER_OF[movement.kind], at: movement.createdAt });
    }
  }
  const products = marked.size ? await db.storeProducts.bulkGet([...new Set([...marked.values()].map((m) => m.variant.storeProductId))]) : [];
  const autoSynced = new Set(products.filter((p) => p?.autoSync === 1).map((p) => p!.id));
  for (const movement of movements) {
    captured.set(movement, reachParts(movement, variantsOf.get(movement.productId) ?? [], ruleOf, (id) => autoSynced.has(id)));
  }
  if (!marked.size) return;
  const byTrigger = new Map<SyncTrigger, StoreVariantRow[]>();
  for (const { variant, trigger } of marked.values()) {
    if (autoSynced.has(variant.storeProductId)) (byTrigger.get(trigger) ?? byTrigger.set(trigger, []).get(trigger)!).push(variant);
  }
  const skipped = superseded.filter((m) => autoSynced.has(m.variant.storeProductId));
  if (skipped.length) {
    await db.syncLogs.bulkAdd(skipped.map(({ variant: v, trigger, at }) => ({
      storeId: v.storeId, storeProductId: v.storeProductId, storeVariantId: v.id, quantity: null, trigger, status: 'skipped' as const,
      error: t('err_push_superseded'), jobId: null, attempts: 0, createdAt: at, sentAt: null,
    })) as SyncLogRow[]);
  }
  const now = movements.reduce((t, m) => Math.max(t, m.createdAt), 0);
  for (const [trigger, list] of byTrigger) await markVariants(db, list, trigger, { now });
}
