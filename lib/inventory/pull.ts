// Pulling stock from the seller's own source (a published sheet, their ERP's export): fetch the
// URL, read rows with the source's column mapping, and apply them as stock counts with the
// reason `inventory_pull`. Unchanged rows write nothing; each run's result is kept on the source.
import { CommandError } from '../commands/errors';
import { CsvError, parseCsv } from '../csv/csv';
import type { ShelfsyncDB } from '../db/database';
import type { InventoryPullResult, InventorySourceRow } from '../db/types';
import { hasHostAccess } from '../permissions/hosts';
import { applyCounts, type CountRow } from './counts';
import { t } from '../i18n';

const MAX_BYTES = 20_000_000;
const CHUNK = 1000;

type SourceShape = Pick<InventorySourceRow, 'url' | 'format' | 'mapping'>;

/** Fetches and reads the rows; throws CommandError with a sentence on every failure. */
export async function fetchSourceRows(source: SourceShape): Promise<CountRow[]> {
  if (!(await hasHostAccess(source.url))) {
    throw new CommandError('permission_needed', t('err_source_permission', new URL(source.url).host), { url: source.url });
  }
  let res: Response;
  try {
    res = await fetch(source.url, { signal: AbortSignal.timeout(25_000), credentials: 'omit', cache: 'no-store' });
  } catch (err) {
    throw new CommandError('source_unreachable', t('err_source_unreachable', source.url, err instanceof Error ? err.message : String(err)));
  }
  if (!res.ok) throw new CommandError('source_unreachable', t('err_source_http', source.url, res.status), { status: res.status });
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new CommandError('source_too_large', t('err_source_tooLarge', source.url));
  return source.format === 'json' ? jsonRows(text, source.mapping) : csvRows(text, source.mapping);
}

function csvRows(text: string, mapping: SourceShape['mapping']): CountRow[] {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new CommandError('invalid_csv', t('err_source_invalidCsv', err.message));
    throw err;
  }
  const at = (name: string | undefined) => (name === undefined ? -1 : parsed.header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase()));
  const sku = at(mapping.sku);
  const qty = at(mapping.quantity);
  const wh = at(mapping.warehouse);
  const missing = [sku < 0 && mapping.sku, qty < 0 && mapping.quantity, mapping.warehouse && wh < 0 && mapping.warehouse].filter(Boolean);
  if (missing.length) throw new CommandError('mapping_mismatch', t('err_source_missingColumns', missing.map((m) => `"${m}"`).join(', '), parsed.header.join(', ')));
  return parsed.rows.map((r) => ({ line: r.line, sku: r.cells[sku] ?? '', quantity: r.cells[qty], warehouse: wh >= 0 ? r.cells[wh] : undefined }));
}

function jsonRows(text: string, mapping: SourceShape['mapping']): CountRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CommandError('invalid_json', t('err_source_invalidJson'));
  }
  const list = Array.isArray(data) ? data : Array.isArray((data as { items?: unknown })?.items) ? (data as { items: unknown[] }).items : null;
  if (!list) throw new CommandError('invalid_json', t('err_source_jsonShape'));
  return list.map((item, i) => {
    const row = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const pick = (k?: string) => (k === undefined ? undefined : row[k]);
    const q = pick(mapping.quantity);
    return {
      line: i + 1,
      sku: String(pick(mapping.sku) ?? ''),
      quantity: typeof q === 'number' || typeof q === 'string' ? q : undefined,
      warehouse: mapping.warehouse ? String(pick(mapping.warehouse) ?? '') : undefined,
    };
  });
}

/** Runs one pull of a saved source and records its result on it. */
export async function runPull(db: ShelfsyncDB, sourceId: number, now = Date.now): Promise<InventoryPullResult> {
  const source = await db.inventorySources.get(sourceId);
  if (!source) throw new CommandError('not_found', t('err_notFound_inventorySource', sourceId));
  let result: InventoryPullResult;
  try {
    const rows = await fetchSourceRows(source);
    const total = { changed: 0, unchanged: 0, errors: [] as InventoryPullResult['errors'] };
    for (let i = 0; i < rows.length; i += CHUNK) {
      const out = await applyCounts(db, rows.slice(i, i + CHUNK), { kind: 'inventory_pull', reason: 'inventory_pull', reference: `source ${source.name}`, defaultWarehouseId: source.warehouseId, now: now() });
      total.changed += out.changed;
      total.unchanged += out.unchanged;
      total.errors.push(...out.errors);
    }
    result = {
      at: now(), ok: true, rows: rows.length, ...total, errors: total.errors.slice(0, 200),
      message: `${rows.length} rows read: ${total.changed} changed, ${total.unchanged} unchanged${total.errors.length ? `, ${total.errors.length} skipped` : ''}.`,
    };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    result = { at: now(), ok: false, rows: 0, changed: 0, unchanged: 0, errors: [], message: err.message };
  }
  await db.inventorySources.update(sourceId, { lastRun: result });
  return result;
}
