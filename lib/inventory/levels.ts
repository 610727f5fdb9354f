// Stock levels per system product × warehouse, and THE one function every change of on hand,
// reserved or in transit goes through: `applyStockChange`. It runs inside the caller's Dexie
// transaction, writes the level and its ledger row, and calls the sync hook — so a committed
// stock change and everything that must follow from it commit together or not at all.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { MovementRow, StockLevelRow } from '../db/types';
import { onStockChanged } from './hook';

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

export async function readLevel(db: ShelfsyncDB, productId: number, warehouseId: number): Promise<StockLevelRow> {
  return (await db.stockLevels.get([productId, warehouseId])) ?? { productId, warehouseId, onHand: 0, reserved: 0, inTransit: 0, updatedAt: 0 };
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
  const before = change.current ?? (await readLevel(db, change.productId, change.warehouseId));
  const b: Numbers = { onHand: before.onHand, reserved: before.reserved, inTransit: before.inTransit };
  const a: Numbers = {
    onHand: b.onHand + (change.delta.onHand ?? 0),
    reserved: b.reserved + (change.delta.reserved ?? 0),
    inTransit: b.inTransit + (change.delta.inTransit ?? 0),
  };
  const label = change.label ?? `product ${change.productId} in warehouse ${change.warehouseId}`;
  if (a.onHand < 0) {
    throw new CommandError('negative_stock', `On hand of ${label} cannot go below 0 (it is ${b.onHand}; this change would make it ${a.onHand}).`, { onHand: b.onHand, wouldBe: a.onHand });
  }
  if (a.reserved < 0 || a.inTransit < 0) {
    // Reserved and in transit only move through reservations and purchase orders, which check
    // their own quantities first; reaching here means the records disagree.
    throw new CommandError('conflict', `The stock records of ${label} disagree (reserved ${a.reserved}, in transit ${a.inTransit}); nothing was changed.`);
  }
  const unchanged = a.onHand === b.onHand && a.reserved === b.reserved && a.inTransit === b.inTransit;
  if (unchanged && change.skipIfUnchanged) return { level: before, movement: null };

  const level: StockLevelRow = { productId: change.productId, warehouseId: change.warehouseId, ...a, updatedAt: change.now };
  const movementRow = {
    productId: change.productId,
    warehouseId: change.warehouseId,
    kind: change.kind,
    reason: change.reason ?? null,
    reference: change.reference ?? null,
    before: b,
    after: a,
    createdAt: change.now,
  };
  // Both requests go to the transaction at once: one round trip instead of two.
  const [, id] = await Promise.all([db.stockLevels.put(level), db.movements.add(movementRow as MovementRow)]);
  const movement = { ...movementRow, id } as MovementRow;
  await onStockChanged(db, movement);
  return { level, movement };
}
