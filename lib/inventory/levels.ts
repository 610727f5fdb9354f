// Stock levels per system product × warehouse, and THE one function every change of on hand,
// reserved or in transit goes through: `applyStockChange`. It runs inside the caller's Dexie
// transaction, writes the level and its ledger row, and calls the sync hook — so a committed
// stock change and everything that must follow from it commit together or not at all.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { MovementRow, StockLevelRow } from '../db/types';
import { onStockChanged } from './hook';
import { t } from '../i18n';

/** The tables a transaction must hold to call `applyStockChange` (the hook's tables included). */
export function stockTables(db: ShelfsyncDB) {
  return [db.stockLevels, db.movements, db.products, db.warehouses, ...captureTables(db)];
}

export type MovementKind = MovementRow['kind'];
export interface StockDelta { onHand?: number; reserved?: number; inTransit?: number }
type Numbers = MovementRow['before'];

export function sellableOf(level: Pick<StockLevelRow, 'onHand' | 'reserved'>): number {
  return Math.max(0, level.onHand - level.reserved);
}

/** A (product, warehouse) without a stock row holds nothing. */
function emptyLevel(productId: number, warehouseId: number): StockLevelRow {
  return { productId, warehouseId, onHand: 0, reserved: 0, inTransit: 0, updatedAt: 0 };
}

export async function readLevel(db: ShelfsyncDB, productId: number, warehouseId: number): Promise<StockLevelRow> {
  return (await db.stockLevels.get([productId, warehouseId])) ?? emptyLevel(productId, warehouseId);
}

export const levelKey = (productId: number, warehouseId: number) => `${productId}:${warehouseId}`;

/** Many levels in one read, keyed by `levelKey` (a missing row is an empty level). */
export async function readLevels(db: ShelfsyncDB, pairs: [number, number][]): Promise<Map<string, StockLevelRow>> {
  const unique = [...new Map(pairs.map((p) => [levelKey(...p), p])).values()];
  const read = await db.stockLevels.bulkGet(unique);
  return new Map(unique.map(([productId, warehouseId], i) => [levelKey(productId, warehouseId), read[i] ?? emptyLevel(productId, warehouseId)]));
}

export interface StockChange {
  productId: number;
  warehouseId: number;
  delta: StockDelta;
  kind: MovementKind;
  reason?: string | null;
  reference?: string | null;
  now: number;
  /** Skip the ledger row and the hook when nothing moves (inventory pulls: unchanged rows). */
  skipIfUnchanged?: boolean;
  /** Wording for refusals ("SKU AB-1 in Jakarta"). */
  label?: string;
  /** The level as the caller just read it in this transaction (batch callers read many at once). */
  current?: StockLevelRow;
}

export async function applyStockChange(db: ShelfsyncDB, change: StockChange): Promise<{ level: StockLevelRow; movement: MovementRow | null }> {
  return (await applyStockChanges(db, [change]))[0]!;
}

/** The same for many changes in order, written with one request per table (a stock import
 *  chunk): each change starts from the level the previous ones left. A refusal throws before
 *  anything is written, so the caller's transaction holds all of them or none. */
export async function applyStockChanges(db: ShelfsyncDB, changes: StockChange[]): Promise<{ level: StockLevelRow; movement: MovementRow | null }[]> {
  const keyOf = (c: StockChange) => levelKey(c.productId, c.warehouseId);
  const levels = new Map<string, StockLevelRow>();
  for (const c of changes) if (c.current && !levels.has(keyOf(c))) levels.set(keyOf(c), c.current);
  const unread = changes.filter((c) => !levels.has(keyOf(c))).map((c): [number, number] => [c.productId, c.warehouseId]);
  if (unread.length) for (const [k, level] of await readLevels(db, unread)) levels.set(k, level);
  const results: { level: StockLevelRow; movement: MovementRow | null }[] = [];
  const written = new Map<string, StockLevelRow>();
  const movements: MovementRow[] = [];
  for (const change of changes) {
    const before = levels.get(keyOf(change))!;
    const b: Numbers = { onHand: before.onHand, reserved: before.reserved, inTransit: before.inTransit };
    const a: Numbers = {
      onHand: b.onHand + (change.delta.onHand ?? 0),
      reserved: b.reserved + (change.delta.reserved ?? 0),
      inTransit: b.inTransit + (change.delta.inTransit ?? 0),
    };
    const label = change.label ?? `product ${change.productId} in warehouse ${change.warehouseId}`;
    if (a.onHand < 0) {
      throw new CommandError('negative_stock', t('err_stock_negative', label, b.onHand, a.onHand), { onHand: b.onHand, wouldBe: a.onHand });
    }
    if (a.reserved < 0 || a.inTransit < 0) {
      // Reserved and in transit only move through reservations and purchase orders, which check
      // their own quantities first; reaching here means the records disagree.
      throw new CommandError('conflict', t('err_stock_disagree', label, a.reserved, a.inTransit));
    }
    const unchanged = a.onHand === b.onHand && a.reserved === b.reserved && a.inTransit === b.inTransit;
    if (unchanged && change.skipIfUnchanged) {
      results.push({ level: before, movement: null });
      continue;
    }
    const level: StockLevelRow = { productId: change.productId, warehouseId: change.warehouseId, ...a, updatedAt: change.now };
    const movement = {
      productId: change.productId,
      warehouseId: change.warehouseId,
      kind: change.kind,
      reason: change.reason ?? null,
      reference: change.reference ?? null,
      before: b,
      after: a,
      createdAt: change.now,
    } as MovementRow;
    levels.set(keyOf(change), level);
    written.set(keyOf(change), level);
    movements.push(movement);
    results.push({ level, movement });
  }
  if (!movements.length) return results;
  // Both tables at once: one round trip for the whole batch.
  const [, ids] = await Promise.all([db.stockLevels.bulkPut([...written.values()]), db.movements.bulkAdd(movements, { allKeys: true })]);
  movements.forEach((m, i) => (m.id = (ids as number[])[i]!));
  await onStockChanged(db, movements);
  return results;
}
