// CSV import and export of system products. Import policy (said in the UI too): every valid row
// is imported — new SKUs created, known SKUs updated with the cells given — and every bad row is
// skipped and reported with its line number and the reason. Rows go in chunks of 1,000, one
// transaction each, with the job's progress and checkpoint saved after every chunk.
import type { ShelfsyncDB } from '../db/database';
import type { ProductRow } from '../db/types';
import { looseKeyOf, skuKeyOf } from '../db/versions';
import { columnIndex, CsvError, parseCsv, toCsv } from '../csv/csv';
import { CommandError } from '../commands/errors';
import type { JobKind, StepResult } from '../jobs/runner';
import { productFields } from './fields';
import { t as msg } from '../i18n'; // `t` is the clock here

export const PRODUCT_COLUMNS = ['sku', 'name', 'price', 'image_url', 'weight_grams', 'description'] as const;
const ALIASES = { sku: ['seller sku', 'system sku'], name: ['title', 'product name'], price: [], imageUrl: ['image', 'image url'], weightGrams: ['weight', 'weight (g)'], description: [] };
const CHUNK = 1000;

export interface ImportState { next: number; created: number; updated: number; errors: { line: number; reason: string }[] }
export interface ImportResult { rows: number; created: number; updated: number; errors: { line: number; reason: string }[] }

function parseOrFail(csv: string) {
  try {
    return parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvError) throw new CommandError('invalid_csv', msg('err_csv_invalidFile', err.message), { line: err.line });
    throw err;
  }
}

function num(cell: string | undefined): number | null | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const n = Number(cell.trim().replace(/,/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

type Parsed = { ok: true; sku: string; fields: Partial<Record<keyof typeof productFields, unknown>> } | { ok: false; reason: string };

function readRow(cells: string[], col: Record<string, number | undefined>): Parsed {
  const cell = (f: string) => (col[f] === undefined ? undefined : cells[col[f]!]);
  const fields: Record<string, unknown> = {};
  const sku = (cell('sku') ?? '').trim();
  if (!sku) return { ok: false, reason: 'the SKU is empty' };
  fields.sku = sku;
  const name = cell('name')?.trim();
  if (name) fields.name = name;
  for (const f of ['price', 'weightGrams'] as const) {
    const v = num(cell(f));
    if (Number.isNaN(v)) return { ok: false, reason: `${f === 'price' ? 'price' : 'weight_grams'} "${cell(f)!.trim()}" is not a number` };
    if (v !== undefined) fields[f] = v;
  }
  for (const f of ['imageUrl', 'description'] as const) {
    const v = cell(f)?.trim();
    if (v) fields[f] = v;
  }
  for (const [key, value] of Object.entries(fields)) {
    const check = productFields[key as keyof typeof productFields].safeParse(value);
    if (!check.success) {
      const label = PRODUCT_COLUMNS[Object.keys(productFields).indexOf(key)] ?? key;
      return { ok: false, reason: `${label} ${check.error.issues[0]?.message ?? 'is not valid'} (got "${String(value)}")` };
    }
  }
  return { ok: true, sku, fields };
}

async function importStep(db: ShelfsyncDB, job: { input: unknown; state?: unknown }): Promise<StepResult> {
  const { csv } = job.input as { csv: string };
  const { header, rows } = parseOrFail(csv);
  const col = columnIndex(header, ALIASES);
  if (col.sku === undefined) throw new CommandError('invalid_csv', msg('err_csv_productColumns', header.join(', ') || msg('err_csv_foundNothing')));
  const state: ImportState = (job.state as ImportState | undefined) ?? { next: 0, created: 0, updated: 0, errors: [] };
  const chunk = rows.slice(state.next, state.next + CHUNK);
  const t = Date.now();

  await db.transaction('rw', db.products, async () => {
    // Earlier lines of the file win a repeated SKU; later ones are reported.
    const firstLineOf = new Map<string, number>();
    for (const r of rows) {
      const key = skuKeyOf(r.cells[col.sku!] ?? '');
      if (key && !firstLineOf.has(key)) firstLineOf.set(key, r.line);
    }
    const keys = chunk.map((r) => skuKeyOf(r.cells[col.sku!] ?? '')).filter(Boolean);
    const existing = new Map((await db.products.where('skuKey').anyOf(keys).toArray()).map((p) => [p.skuKey, p]));
    const puts: ProductRow[] = [];
    const adds: Omit<ProductRow, 'id'>[] = [];
    for (const r of chunk) {
      const parsed = readRow(r.cells, col);
      if (!parsed.ok) {
        state.errors.push({ line: r.line, reason: parsed.reason });
        continue;
      }
      const key = skuKeyOf(parsed.sku);
      const first = firstLineOf.get(key);
      if (first !== r.line) {
        state.errors.push({ line: r.line, reason: `the SKU "${parsed.sku}" already appears on line ${first}` });
        continue;
      }
      const known = existing.get(key);
      if (known) {
        puts.push({ ...known, ...(parsed.fields as Partial<ProductRow>), sku: known.sku, skuKey: known.skuKey, updatedAt: t });
        state.updated++;
      } else {
        if (!parsed.fields.name) {
          state.errors.push({ line: r.line, reason: `the name is empty (needed for the new SKU "${parsed.sku}")` });
          continue;
        }
        adds.push({
          sku: parsed.sku, skuKey: key, looseKey: looseKeyOf(parsed.sku), name: String(parsed.fields.name), price: (parsed.fields.price as number) ?? null,
          imageUrl: (parsed.fields.imageUrl as string) ?? null, weightGrams: (parsed.fields.weightGrams as number) ?? null,
          description: (parsed.fields.description as string) ?? null, createdAt: t, updatedAt: t,
        });
        state.created++;
      }
    }
    if (puts.length) await db.products.bulkPut(puts);
    if (adds.length) await db.products.bulkAdd(adds as ProductRow[]);
  });

  state.next += chunk.length;
  const progress = { done: state.next, total: rows.length };
  if (state.next >= rows.length) {
    const result: ImportResult = { rows: rows.length, created: state.created, updated: state.updated, errors: state.errors };
    return { progress, result };
  }
  return { progress, state };
}

/** The `products.importCsv` job (registered in lib/background/parts.ts). */
export const productImportJob: JobKind = { step: importStep };

export async function exportProductsCsv(db: ShelfsyncDB): Promise<{ csv: string; rows: number }> {
  const products = await db.products.orderBy('skuKey').toArray();
  const csv = toCsv([...PRODUCT_COLUMNS], products.map((p) => [p.sku, p.name, p.price, p.imageUrl, p.weightGrams, p.description]));
  return { csv, rows: products.length };
}
