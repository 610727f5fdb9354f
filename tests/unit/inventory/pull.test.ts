import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { parseCsv } from '@/lib/csv/csv';
import { freshDb, ok, run } from '../../helpers/background';

// A local stand-in for the seller's published sheet.
let server: Server;
let base: string;
const served: Record<string, { type: string; body: string; status?: number }> = {};
beforeAll(async () => {
  server = createServer((req, res) => {
    const doc = served[req.url ?? ''];
    res.writeHead(doc?.status ?? (doc ? 200 : 404), { 'content-type': doc?.type ?? 'text/plain' });
    res.end(doc?.body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: ShelfsyncDB;
let jkt: number;
let granted = true;
beforeEach(async () => {
  db = await freshDb();
  granted = true;
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => granted };
  jkt = (await ok('warehouses.create', { name: 'Jakarta', code: 'JKT' })).id;
  await ok('warehouses.create', { name: 'Bandung', code: 'BDG' });
  await ok('products.create', { sku: 'A-1', name: 'A' });
  await ok('products.create', { sku: 'B-2', name: 'B' });
  await ok('inventory.adjust', { warehouseId: jkt, sku: 'A-1', onHand: 10 });
  await ok('inventory.adjust', { warehouseId: jkt, sku: 'B-2', onHand: 4 });
});

const source = (path: string, format: 'csv' | 'json' = 'csv') => ({
  name: 'ERP export', url: `${base}${path}`, format, mapping: { sku: 'Item', quantity: 'Qty' }, warehouseId: jkt, intervalMinutes: 15,
});

describe('inventory pull', () => {
  it('turns a changed row into one ledger movement and an unchanged row into none', async () => {
    served['/stock.csv'] = { type: 'text/csv', body: 'Item,Qty\nA-1,7\nB-2,4\nGHOST,3\nA-1x,-2\n' };
    const src = await ok('inventory.sources.create', source('/stock.csv'));
    const before = await db.movements.count();
    const result = await ok('inventory.sources.run', { id: src.id });
    expect(result).toMatchObject({ ok: true, rows: 4, changed: 1, unchanged: 1 });
    expect(result.errors).toEqual([
      { line: 4, reason: 'no system product has the SKU "GHOST"' },
      { line: 5, reason: 'no system product has the SKU "A-1x"' },
    ]);
    const moves = await db.movements.where('id').above(0).toArray();
    expect(moves.length - before).toBe(1);
    expect(moves.at(-1)).toMatchObject({ kind: 'inventory_pull', reason: 'inventory_pull', before: { onHand: 10 }, after: { onHand: 7 } });
    expect((await db.inventorySources.get(src.id))?.lastRun).toMatchObject({ ok: true, changed: 1 });
    // The same feed again changes nothing.
    expect(await ok('inventory.sources.run', { id: src.id })).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await db.movements.count()).toBe(before + 1);
  });

  it('reads JSON, and a warehouse column by code or name', async () => {
    served['/stock.json'] = { type: 'application/json', body: JSON.stringify({ items: [{ Item: 'A-1', Qty: 2, Where: 'bandung' }, { Item: 'B-2', Qty: '9', Where: 'JKT' }] }) };
    const src = await ok('inventory.sources.create', { ...source('/stock.json', 'json'), mapping: { sku: 'Item', quantity: 'Qty', warehouse: 'Where' } });
    expect(await ok('inventory.sources.run', { id: src.id })).toMatchObject({ changed: 2, errors: [] });
    const levels = (await ok('inventory.list', {})).items.map((l) => `${l.sku}@${l.warehouseCode}=${l.onHand}`);
    expect(levels).toEqual(['A-1@BDG=2', 'A-1@JKT=10', 'B-2@JKT=9']);
  });

  it('records a clear failure without changing stock: unreachable, wrong columns, no permission', async () => {
    const missing = await ok('inventory.sources.create', source('/nope.csv'));
    expect(await ok('inventory.sources.run', { id: missing.id })).toMatchObject({ ok: false, message: expect.stringMatching(/answered HTTP 404/) });
    served['/other.csv'] = { type: 'text/csv', body: 'Code,Count\nA-1,1\n' };
    const wrong = await ok('inventory.sources.create', source('/other.csv'));
    expect(await ok('inventory.sources.run', { id: wrong.id })).toMatchObject({ ok: false, message: expect.stringMatching(/no column named "Item", "Qty"/) });
    granted = false;
    expect(await run('inventory.sources.test', { url: `${base}/other.csv`, format: 'csv', mapping: { sku: 'Code', quantity: 'Count' } })).toMatchObject({ ok: false, error: { code: 'permission_needed' } });
    expect((await ok('inventory.list', { sku: 'A-1' })).items[0]).toMatchObject({ onHand: 10 });
  });

  it('schedules an alarm per enabled source and removes it with the source', async () => {
    const src = await ok('inventory.sources.create', source('/stock.csv'));
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.periodInMinutes])).toEqual([[`inventory-source:${src.id}`, 15]]);
    await ok('inventory.sources.update', { id: src.id, enabled: false });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await ok('inventory.sources.update', { id: src.id, enabled: true, intervalMinutes: 60 });
    expect((await fakeBrowser.alarms.getAll())[0]?.periodInMinutes).toBe(60);
    await ok('inventory.sources.remove', { id: src.id });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await run('inventory.sources.create', { ...source('/x.csv'), url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await run('inventory.sources.create', { ...source('/x.csv'), intervalMinutes: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('stock CSV', () => {
  it('imports counts by SKU and warehouse code, reporting bad rows by line, and exports all four numbers', async () => {
    const csv = 'sku,warehouse,on_hand\nA-1,JKT,12\nB-2,BDG,5\nB-2,XXX,1\nA-1,JKT,1.5\nB-2,JKT,4\n';
    const { jobId } = await ok('inventory.importCsv', { csv });
    await drainJobs(db);
    const job = await ok('jobs.get', { id: jobId });
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 5, changed: 2, unchanged: 1 } });
    expect((job.result as { errors: unknown[] }).errors).toEqual([
      { line: 4, reason: 'no warehouse has the code or name "XXX"' },
      { line: 5, reason: 'the quantity "1.5" is not a whole number of 0 or more' },
    ]);
    await ok('inventory.reserve', { warehouseId: jkt, sku: 'A-1', quantity: 2 });
    const { csv: out } = await ok('inventory.exportCsv', {});
    expect(parseCsv(out).rows.map((r) => r.cells.join('|'))).toEqual(['A-1|A|JKT|12|2|10|0', 'B-2|B|BDG|5|0|5|0', 'B-2|B|JKT|4|0|4|0']);
  });
});
