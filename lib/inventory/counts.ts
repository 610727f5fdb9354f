// Absolute stock counts from a file or a pulled source: each row sets on hand for one SKU in one
// warehouse. A row equal to what we hold writes nothing (no ledger row, no push); a changed row
// is one ledger movement through applyStockChange, like any other stock change.
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow, ProductRow, WarehouseRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import { batchStockChanges } from './hook';
import { applyStockChanges, levelKey, readLevels, stockTables, type StockChange } from './levels';
import { t } from '../i18n';

export interface CountRow { line: number; sku: string; warehouse?: string; quantity: string | number | undefined }
export interface CountOutcome { changed: number; unchanged: number; errors: { line: number; reason: string }[] }

function wholeNumber(value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim().replace(/,/g, ''));
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000_000 ? n : null;
}

/** Applies one chunk of rows in one transaction; `defaultWarehouseId` serves rows without a warehouse.
 *  The chunk's levels are read at once, its changes written with one request per table and
 *  captured for sync as one batch: a few round trips per chunk, not a dozen per row. */
export async function applyCounts(
  db: ShelfsyncDB,
  rows: CountRow[],
  opts: { kind: Extract<MovementRow['kind'], 'import' | 'inventory_pull'>; reason: string; reference?: string; defaultWarehouseId?: number; now: number },
): Promise<CountOutcome> {
  const out: CountOutcome = { changed: 0, unchanged: 0, errors: [] };
  await db.transaction('rw', stockTables(db), async () => batchStockChanges(db, async () => {
    const warehouses = await db.warehouses.toArray();
    const byKey = new Map<string, WarehouseRow>();
    for (const w of warehouses) {
      byKey.set(w.code.toLowerCase(), w);
      byKey.set(w.name.trim().toLowerCase(), w);
    }
    const keys = [...new Set(rows.map((r) => skuKeyOf(r.sku)).filter(Boolean))];
    const products = new Map<string, ProductRow>((await db.products.where('skuKey').anyOf(keys).toArray()).map((p) => [p.skuKey, p]));
    // First the rows' own checks, then every level they name in one read.
    const valid: { product: ProductRow; warehouse: WarehouseRow; quantity: number }[] = [];
    for (const r of rows) {
      const sku = r.sku.trim();
      if (!sku) {
        out.errors.push({ line: r.line, reason: t('err_count_emptySku') });
        continue;
      }
      const product = products.get(skuKeyOf(sku));
      if (!product) {
        out.errors.push({ line: r.line, reason: t('err_count_unknownSku', sku) });
        continue;
      }
      const warehouse = r.warehouse?.trim() ? byKey.get(r.warehouse.trim().toLowerCase()) : warehouses.find((w) => w.id === opts.defaultWarehouseId);
      if (!warehouse) {
        out.errors.push({ line: r.line, reason: r.warehouse?.trim() ? `no warehouse has the code or name "${r.warehouse.trim()}"` : 'no warehouse is given' });
        continue;
      }
      const quantity = wholeNumber(r.quantity);
      if (quantity === null) {
        out.errors.push({ line: r.line, reason: t('err_count_badQuantity', String(r.quantity ?? '')) });
        continue;
      }
      valid.push({ product, warehouse, quantity });
    }
    const levels = await readLevels(db, valid.map(({ product, warehouse }): [number, number] => [product.id, warehouse.id]));
    const changes: StockChange[] = [];
    for (const { product, warehouse, quantity } of valid) {
      const key = levelKey(product.id, warehouse.id);
      const current = levels.get(key)!;
      const delta = quantity - current.onHand;
      if (delta === 0) {
        out.unchanged++;
        continue;
      }
      changes.push({
        productId: product.id, warehouseId: warehouse.id, delta: { onHand: delta }, kind: opts.kind, reason: opts.reason,
        reference: opts.reference ?? null, now: opts.now, label: `SKU ${product.sku} in ${warehouse.name}`, current,
      });
      // A later row of the same chunk for the same SKU and warehouse starts from this one.
      levels.set(key, { ...current, onHand: quantity });
      out.changed++;
    }
    // One write per table for the chunk's changes (a count never goes below 0: nothing to refuse).
    await applyStockChanges(db, changes);
  }));
  return out;
}
