import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, ok, run } from '../helpers/background';
import type { ShelfsyncDB } from '@/lib/db/database';

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
});

describe('warehouses', () => {
  it('creates warehouses with a code made from the name, unique', async () => {
    const a = await ok('warehouses.create', { name: '  Main warehouse ' });
    const b = await ok('warehouses.create', { name: 'Main warehouse' });
    expect(a).toMatchObject({ id: expect.any(Number), name: 'Main warehouse', code: 'MAIN-WAREHOUSE' });
    expect(b.code).toBe('MAIN-WAREHOUSE-2');
    const list = await ok('warehouses.list', {});
    expect(list.total).toBe(2);
    expect(await db.warehouses.count()).toBe(2);
  });

  it('refuses a taken code (case-insensitively) with code_taken', async () => {
    await ok('warehouses.create', { name: 'Jakarta', code: 'jkt' });
    const again = await run('warehouses.create', { name: 'Jakarta 2', code: 'JKT' });
    expect(again).toMatchObject({ ok: false, error: { code: 'code_taken' } });
    expect(await db.warehouses.count()).toBe(1);
  });

  it('refuses an empty name and a hostile code', async () => {
    expect(await run('warehouses.create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await run('warehouses.create', { name: 'X', code: '<img src=x onerror=alert(1)>' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await db.warehouses.count()).toBe(0);
  });

  it('answers not_found for an unknown id', async () => {
    expect(await run('warehouses.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
