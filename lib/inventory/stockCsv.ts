// CSV import and export of stock levels. Import rows are stock counts (sku, warehouse code, on
// hand); the same policy as products: valid rows applied, bad rows skipped and reported by line.
import { columnIndex, CsvError, parseCsv, toCsv } from '../csv/csv';
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { JobKind, StepResult } from '../jobs/runner';
import { applyCounts } from './counts';
import { sellableOf } from './levels';
import { t } from '../i18n';

const CHUNK = 1000;
const ALIASES = { sku: ['system sku', 'seller sku'], warehouse: ['warehouse code', 'warehouse_code'], onHand: ['on hand', 'on_hand', 'quantity', 'qty', 'stock'] };

interface State { next: number; changed: number; unchanged: number; errors: { line: number; reason: string }[] }

// The last file parsed: each step of a job takes the next chunk of the same file, and parsing a
// 50,000-row file for every one of its 50 chunks cost more than writing some of them.
let lastParsed: { csv: string; parsed: ReturnType<typeof parseCsv> } | null = null;

function parseOnce(csv: string): ReturnType<typeof parseCsv> {
  if (lastParsed?.csv !== csv) lastParsed = { csv, parsed: parseCsv(csv) };
  return lastParsed.parsed;
}

async function importStep(db: ShelfsyncDB, job: { input: unknown; state?: unknown }): Promise<StepResult> {
  const { csv } = job.input as { csv: string };
  let parsed;
  try {
    parsed = parseOnce(csv);
  } catch (err) {
    if (err instanceof CsvError) throw new CommandError('invalid_csv', t('err_csv_invalidFile', err.message), { line: err.line });
    throw err;
  }
  const col = columnIndex(parsed.header, ALIASES);
  const missing = (['sku', 'warehouse', 'onHand'] as const).filter((c) => col[c] === undefined);
  if (missing.length) {
    throw new CommandError('invalid_csv', t('err_csv_stockColumns', missing.join(', ').replace('onHand', 'on_hand')));
  }
  const state: State = (job.state as State | undefined) ?? { next: 0, changed: 0, unchanged: 0, errors: [] };
  const chunk = parsed.rows.slice(state.next, state.next + CHUNK);
  const outcome = await applyCounts(
    db,
    chunk.map((r) => ({ line: r.line, sku: r.cells[col.sku!] ?? '', warehouse: r.cells[col.warehouse!] ?? '', quantity: r.cells[col.onHand!] })),
    { kind: 'import', reason: 'stock CSV import', now: Date.now() },
  );
  state.next += chunk.length;
  state.changed += outcome.changed;
  state.unchanged += outcome.unchanged;
  state.errors.push(...outcome.errors);
  const progress = { done: state.next, total: parsed.rows.length };
  if (state.next >= parsed.rows.length) {
    lastParsed = null;
    return { progress, result: { rows: parsed.rows.length, changed: state.changed, unchanged: state.unchanged, errors: state.errors } };
  }
  return { progress, state };
}

/** The `inventory.importCsv` job (registered in lib/background/parts.ts). */
export const stockImportJob: JobKind = { step: importStep };

export async function exportStockCsv(db: ShelfsyncDB, warehouseId?: number): Promise<{ csv: string; rows: number }> {
  const levels = warehouseId === undefined ? await db.stockLevels.toArray() : await db.stockLevels.where('warehouseId').equals(warehouseId).toArray();
  const products = new Map((await db.products.toArray()).map((p) => [p.id, p]));
  const warehouses = new Map((await db.warehouses.toArray()).map((w) => [w.id, w]));
  const rows = levels
    .map((l) => ({ l, p: products.get(l.productId), w: warehouses.get(l.warehouseId) }))
    .filter((x) => x.p && x.w)
    .sort((a, b) => a.p!.skuKey.localeCompare(b.p!.skuKey) || a.w!.code.localeCompare(b.w!.code))
    .map(({ l, p, w }) => [p!.sku, p!.name, w!.code, l.onHand, l.reserved, sellableOf(l), l.inTransit]);
  return { csv: toCsv(['sku', 'name', 'warehouse', 'on_hand', 'reserved', 'sellable', 'in_transit'], rows), rows: rows.length };
}
