// Every write to the database as Dexie issues it: a DBCore middleware on each ShelfsyncDB tells
// listeners which table and which primary keys a mutation touches — or that it touches rows it
// cannot name (a range delete) — synchronously, before the request reaches IndexedDB, whichever
// feature wrote. The sync engine uses it to know whether rows it read are still as it read them
// (lib/sync/rowWatch.ts) instead of reading them again.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** The primary keys written, or 'all' when the write cannot say which rows it touches. */
export type WrittenKeys = readonly unknown[] | 'all';
export type WriteListener = (table: string, keys: WrittenKeys) => void;

const listeners = new Set<WriteListener>();

/** Listens to every write of every open ShelfsyncDB; answers the way to stop. A listener runs
 *  inside the writer's call: it must be quick and must not throw. */
export function onWrite(listener: WriteListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function keysOf(req: DBCoreMutateRequest, extractKey: ((value: unknown) => unknown) | null): WrittenKeys {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return 'all';
  if (req.keys) return req.keys;
  // Inbound keys: on the rows. A row added without its key (auto-increment) is a new row: no
  // one can have read it before.
  if (extractKey) return req.values.map(extractKey).filter((k) => k !== undefined);
  return 'all';
}

export const writeObserver: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'shelfsync-write-observer',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const extractKey = table.schema.primaryKey.extractKey;
        return {
          ...table,
          mutate(req) {
            if (listeners.size) {
              const keys = keysOf(req, extractKey);
              for (const listener of listeners) listener(name, keys);
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
