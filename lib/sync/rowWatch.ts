// Whether rows a push turn read have been written since, by anyone (lib/db/writes.ts sees every
// write as Dexie issues it). A turn reads its queue rows and variants when it claims them and
// writes both back when it ends; reading them again there, to be sure nothing changed meanwhile,
// was two reads per push. Now the turn watches writes from before its claim to its end and
// reads again only the rows someone wrote.
//
// Why a row not seen written is still as the claim read it: the turn's final transaction holds
// the queue and the variants for writing, so IndexedDB starts it only after every earlier
// transaction over them has committed — and a transaction's writes are all issued (and seen
// here) before it commits. The final transaction asks once its first request has answered,
// which happens only after it started. A write that was issued but aborted counts as written:
// the row is read again, which is merely what was always done.
import { onWrite } from '../db/writes';

export interface RowWatch {
  /** Per watched table, the keys written since the watch began ('all': rows it cannot name). */
  readonly written: Map<string, Set<unknown> | 'all'>;
}

const active = new Set<RowWatch>();

onWrite((table, keys) => {
  for (const w of active) {
    const seen = w.written.get(table);
    if (seen === undefined || seen === 'all') continue;
    if (keys === 'all') w.written.set(table, 'all');
    else for (const k of keys) seen.add(k);
  }
});

/** Starts noting writes to these tables. Stop it with `endWatch` (in a finally). */
export function watchWrites(tables: string[]): RowWatch {
  const w: RowWatch = { written: new Map(tables.map((t) => [t, new Set<unknown>()])) };
  active.add(w);
  return w;
}

export function endWatch(w: RowWatch): void {
  active.delete(w);
}

/** Whether the row of `table` with this primary key may have been written since the watch began. */
export function writtenSince(w: RowWatch, table: string, key: unknown): boolean {
  const seen = w.written.get(table);
  if (seen === undefined) throw new Error(`${table} is not watched`);
  return seen === 'all' || seen.has(key);
}
