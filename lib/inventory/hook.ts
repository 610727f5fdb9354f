// The hook point for the sync engine (ARCHITECTURE.md, "Stock changes"). Called by
// `applyStockChange` inside the same transaction as every change of on hand, reserved or in
// transit for one (product, warehouse), after the level and its ledger row are written.
// Today the ledger row is the whole effect; the sync engine marks the affected store variants
// for a push here, in the same transaction, so a committed change is a push that will happen.
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow } from '../db/types';

type Listener = (db: ShelfsyncDB, movement: MovementRow) => Promise<void>;
const listeners: Listener[] = [];

/** The engine registers here at start-up; listeners must only touch tables the caller holds. */
export function addStockChangeListener(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function onStockChanged(db: ShelfsyncDB, movement: MovementRow): Promise<void> {
  for (const listener of listeners) await listener(db, movement);
}
