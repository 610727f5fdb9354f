// A dry run: do the real work in a transaction, read what it caused, then abort so nothing is
// written. "What this will push" is then the same code path as the push itself, never a second
// model of it that could disagree (Add system SKU, Connect). Listeners that act after commit
// (engine wake, list index patches) never run: an aborted transaction does not complete.
import type { Table } from 'dexie';
import type { ShelfsyncDB } from './database';

class RolledBack<T> {
  constructor(readonly value: T) {}
}

/** Runs `work` in a rw transaction over `tables` and rolls it back, answering what it returned. */
export async function rolledBack<T>(db: ShelfsyncDB, tables: Table[], work: () => Promise<T>): Promise<T> {
  try {
    await db.transaction('rw', tables, async () => {
      // Thrown (not returned) so Dexie aborts the transaction instead of committing it.
      throw new RolledBack(await work());
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.value as T;
    throw err;
  }
  throw new Error('a rolled-back transaction committed');
}
