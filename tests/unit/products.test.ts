import { beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { parseCsv } from '@/lib/csv/csv';
import { freshDb, ok, run } from '../helpers/background';

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
});

async function finishedJob(jobId: number) {
  await drainJobs(db);
  return ok('jobs.get', { id: jobId });
}

describe('system products', () => {
  it('refuses a SKU differing only in case or spaces with sku_taken', async () => {
    await ok('products.create', { sku: 'ab-1', name: 'First' });
    const dup = await run('products.create', { sku: 'AB-1 ', name: 'Second' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'sku_taken', details: { field: 'sku' } } });
    expect(await db.products.count()).toBe(1);
    const other = await ok('products.create', { sku: 'AB-2', name: 'Other' });
    expect(await run('products.update', { id: other.id, sku: ' Ab-1' })).toMatchObject({ ok: false, error: { code: 'sku_taken' } });
    expect((await ok('products.get', { id: other.id })).sku).toBe('AB-2');
  });

  it('creates, updates and searches by SKU and name', async () => {
    const p = await ok('products.create', { sku: 'MUG-BLUE', name: 'Blue mug', price: 12.5, weightGrams: 300, imageUrl: 'https://img.example/mug.jpg' });
    await ok('products.create', { sku: 'CUP-1', name: 'Espresso cup' });
    await ok('products.create', { sku: 'PLATE-9', name: 'Mug coaster' });
    expect((await ok('products.list', { q: 'mug' })).items.map((x) => x.sku)).toEqual(['MUG-BLUE', 'PLATE-9']);
    expect((await ok('products.list', { q: 'cup' })).items.map((x) => x.sku)).toEqual(['CUP-1']);
    expect((await ok('products.list', { pageSize: 2 })).total).toBe(3);
    const updated = await ok('products.update', { id: p.id, name: 'Big blue mug', price: null });
    expect(updated).toMatchObject({ name: 'Big blue mug', price: null, sku: 'MUG-BLUE', weightGrams: 300 });
  });

  it('refuses bad fields with the field named', async () => {
    for (const payload of [{ sku: '', name: 'x' }, { sku: 'A', name: '' }, { sku: 'A', name: 'x', price: -1 }, { sku: 'A', name: 'x', imageUrl: 'javascript:alert(1)' }, { sku: 'A', name: 'x', weightGrams: 1.5 }]) {
      const answer = await run('products.create', payload as never);
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await db.products.count()).toBe(0);
  });
});

describe('CSV import and export', () => {
  it('imports 10,000 rows in chunks, reports bad rows by line, imports the valid ones', async () => {
    const lines = ['sku,name,price,weight_grams'];
    for (let i = 1; i <= 10_000; i++) lines.push(`SKU-${i},"Product ${i}, large",${(i % 100) + 0.5},${i % 50}`);
    lines[5001] = 'SKU-5001,,1,1';            // line 5002: no name for a new SKU
    lines[7000] = 'SKU-7000,Seven,abc,1';     // line 7001: price not a number
    lines.push('sku-10,Duplicate of SKU-10,1,1'); // line 10002: repeats SKU-10
    const { jobId } = await ok('products.importCsv', { csv: lines.join('\n') });
    const job = await finishedJob(jobId);
    expect(job.status).toBe('succeeded');
    expect(job.progress).toEqual({ done: 10_001, total: 10_001 });
    const result = job.result as { created: number; updated: number; errors: { line: number; reason: string }[] };
    expect(result.errors).toEqual([
      { line: 5002, reason: 'the name is empty (needed for the new SKU "SKU-5001")' },
      { line: 7001, reason: 'price "abc" is not a number' },
      { line: 10002, reason: 'the SKU "sku-10" already appears on line 11' },
    ]);
    expect(result.created).toBe(9998);
    expect(await db.products.count()).toBe(9998);
    expect((await ok('products.list', { q: 'SKU-9999' })).items[0]).toMatchObject({ name: 'Product 9999, large', price: 99.5, weightGrams: 49 });
  });

  it('updates known SKUs and fails the whole file when the header has no sku column', async () => {
    await ok('products.create', { sku: 'A-1', name: 'Old name', price: 1 });
    const { jobId } = await ok('products.importCsv', { csv: 'SKU,Name\n a-1 ,New name\n' });
    expect((await finishedJob(jobId)).result).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await db.products.toArray())[0]).toMatchObject({ sku: 'A-1', name: 'New name', price: 1 });
    const bad = await ok('products.importCsv', { csv: 'code,title\nX,Y\n' });
    const failed = await finishedJob(bad.jobId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'invalid_csv' } });
    expect(await db.products.count()).toBe(1);
  });

  it('exports every product as CSV that imports back, formula cells defused', async () => {
    await ok('products.create', { sku: 'A-1', name: 'Mug, "blue"', price: 2.5, description: 'line one\nline two' });
    await ok('products.create', { sku: 'B-2', name: '=HYPERLINK("http://evil")' });
    const { csv, rows, filename } = await ok('products.exportCsv', {});
    expect(rows).toBe(2);
    expect(filename).toMatch(/^shelfsync-products-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(['sku', 'name', 'price', 'image_url', 'weight_grams', 'description']);
    expect(parsed.rows[0]!.cells).toEqual(['A-1', 'Mug, "blue"', '2.5', '', '', 'line one\nline two']);
    expect(parsed.rows[1]!.cells[1]).toBe(`'=HYPERLINK("http://evil")`);
  });
});
