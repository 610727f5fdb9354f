// Group commit for stock adjustments. Under a stream of changes (a warehouse scanner, an order
// feed: hundreds per second) one transaction per command would queue the sync engine's own
// transactions behind them. Adjustments that arrive while a transaction is running are applied
// together in the next one, in arrival order, each with its own answer: a refusal (negative
// stock, unknown SKU) answers that command alone and writes nothing for it; anything unexpected
// aborts the whole group, whose commands all answer that nothing was changed. The group's stock
// changes reach change capture as one batch (inventory/hook.ts).
import type { Table } from 'dexie';
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { batchStockChanges } from './hook';

interface Pending<T> { work: () => Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void }

const MAX_GROUP = 250;

export function groupCommitter(tables: (db: ShelfsyncDB) => Table[]) {
  let queue: Pending<unknown>[] = [];
  let flushing: Promise<void> | null = null;

  async function flush(db: ShelfsyncDB): Promise<void> {
    while (queue.length) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        // The group's stock changes are captured for sync together, at the end of the group.
        await db.transaction('rw', tables(db), async () => batchStockChanges(db, async () => {
          for (const p of group) {
            try {
              outcomes.push({ ok: true, value: await p.work() });
            } catch (err) {
              // A refusal is this command's answer; it checked before writing anything.
              if (err instanceof CommandError) outcomes.push({ ok: false, error: err });
              else throw err;
            }
          }
        }));
        group.forEach((p, i) => {
          const o = outcomes[i]!;
          if (o.ok) p.resolve(o.value);
          else p.reject(o.error);
        });
      } catch (err) {
        for (const p of group) p.reject(err);
      }
    }
  }

  return function submit<T>(db: ShelfsyncDB, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      flushing ??= flush(db).finally(() => {
        flushing = null;
      });
    });
  };
}
