// The write observer (lib/db/writes.ts) on every ShelfsyncDB: each way Dexie writes names the
// table and the primary keys it touches, or says it cannot ('all'), before the write is made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { onWrite, type WrittenKeys } from '@/lib/db/writes';
import { freshDb } from '../../helpers/background';

let db: ShelfsyncDB;
let seen: { table: string; keys: WrittenKeys }[];
let stop: () => void;

beforeEach(async () => {
  db = await freshDb();
  seen = [];
  stop = onWrite((table, keys) => seen.push({ table, keys: keys === 'all' ? 'all' : [...keys] }));
});
afterEach(() => stop());

const queueRow = (id: number) => ({ storeVariantId: id, storeId: 1, seq: 1, trigger: 'stock_change' as const, manual: 0 as const, logId: 1, dueAt: 0, leaseOwner: null, leaseUntil: 0, attempts: 0, lastError: null, firstQueuedAt: 0 });

describe('write observer', () => {
  it('names the rows of puts, adds, deletes, updates and modifies — inbound keys from the rows', async () => {
    await db.pushQueue.bulkPut([queueRow(7), queueRow(8)]);
    await db.pushQueue.update(7, { dueAt: 5 });
    await db.pushQueue.where('storeVariantId').equals(8).modify({ attempts: 2 });
    await db.pushQueue.bulkDelete([7, 8]);
    await db.meta.put({ key: 'k', value: 1 });
    expect(seen).toEqual([
      { table: 'pushQueue', keys: [7, 8] },
      { table: 'pushQueue', keys: [7] },
      { table: 'pushQueue', keys: [8] },
      { table: 'pushQueue', keys: [7, 8] },
      { table: 'meta', keys: ['k'] },
    ]);
    // What the observer names is what was written.
    expect(await db.pushQueue.count()).toBe(0);
    expect((await db.meta.get('k'))?.value).toBe(1);
  });

  it('a row added under a key the database picks names no earlier row; clearing a table names them all', async () => {
    const id = await db.warehouses.add({ name: 'Main', code: 'M1', createdAt: 0 } as never);
    await db.warehouses.clear();
    expect(seen).toEqual([{ table: 'warehouses', keys: [] }, { table: 'warehouses', keys: 'all' }]);
    expect(await db.warehouses.get(id)).toBeUndefined();
  });

  it('a listener that stopped hears nothing more', async () => {
    stop();
    await db.pushQueue.put(queueRow(1));
    expect(seen).toEqual([]);
  });
});
