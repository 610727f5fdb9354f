// The hook point for the sync engine (ARCHITECTURE.md, "Stock changes"). Called by
// `applyStockChange` inside the same transaction as every change of on hand, reserved or in
// transit for one (product, warehouse), after the level and its ledger row are written; the
// sync engine marks the affected store variants for a push here, in the same transaction, so a
// committed change is a push that will happen.
//
// Many changes in one transaction (a stock import chunk, a group of adjustments) can be
// gathered with `batchStockChanges`: the listeners then see them all at once, still inside the
// transaction, and look up rules, listings and the push queue once per batch instead of once
// per change (a 50,000-row count went from ~12 sequential reads per row to a few per chunk).
import Dexie, { type Transaction } from 'dexie';
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow } from '../db/types';

type Listener = (db: ShelfsyncDB, movements: MovementRow[]) => Promise<void>;
const listeners: Listener[] = [];
const batches = new WeakMap<Transaction, MovementRow[]>();

/** Listeners are registered at start-up (lib/background/parts.ts); they must only touch tables
 *  the caller holds. Registering one twice keeps one. */
export function addStockChangeListener(listener: Listener): () => void {
  if (!listeners.includes(listener)) listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

async function notify(db: ShelfsyncDB, movements: MovementRow[]): Promise<void> {
  for (const listener of listeners) await listener(db, movements);
}

export async function onStockChanged(db: ShelfsyncDB, movements: MovementRow[]): Promise<void> {
  const batch = Dexie.currentTransaction ? batches.get(Dexie.currentTransaction) : undefined;
  if (batch) batch.push(...movements);
  else await notify(db, movements);
}

/** Runs `fn` inside the caller's rw transaction; the stock changes it makes reach the listeners
 *  together when it has finished, before the transaction commits. A throw skips them (the
 *  transaction is failing anyway). Nested calls join the outer batch. */
export async function batchStockChanges<T>(db: ShelfsyncDB, fn: () => Promise<T>): Promise<T> {
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('batchStockChanges must run inside a transaction');
  if (batches.has(tx)) return fn();
  const batch: MovementRow[] = [];
  batches.set(tx, batch);
  let result: T;
  try {
    result = await fn();
  } finally {
    batches.delete(tx);
  }
  if (batch.length) await notify(db, batch);
  return result;
}
