// Finds the product and warehouse a command names, or refuses with not_found.
import { CommandError, notFound } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { ProductRow, WarehouseRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import { t } from '../i18n';

export async function resolveProduct(db: ShelfsyncDB, ref: { sku?: string; productId?: number }): Promise<ProductRow> {
  if (ref.productId !== undefined) {
    const p = await db.products.get(ref.productId);
    if (!p) throw notFound('system product', ref.productId);
    return p;
  }
  if (ref.sku !== undefined) {
    const p = await db.products.where('skuKey').equals(skuKeyOf(ref.sku)).first();
    if (!p) throw new CommandError('not_found', t('err_product_noSku', ref.sku.trim()), { sku: ref.sku });
    return p;
  }
  throw new CommandError('invalid_input', t('err_product_nameIt'), [{ field: 'sku', message: 'sku or productId is required' }]);
}

export async function resolveWarehouse(db: ShelfsyncDB, warehouseId: number): Promise<WarehouseRow> {
  const w = await db.warehouses.get(warehouseId);
  if (!w) throw notFound('warehouse', warehouseId);
  return w;
}

export function labelOf(product: ProductRow, warehouse: WarehouseRow): string {
  return `SKU ${product.sku} in ${warehouse.name}`;
}
