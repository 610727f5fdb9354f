// Orders whose listing was not connected wait with the problem `unmatched`; connecting that
// listing (manual connect, Add system SKU, auto-connect by SKU at download or product creation)
// applies the lines' current state at once (ORDERS.md). Runs inside the connecting transaction,
// which holds `stockTables(db)` (orders included).
import type { ShelfsyncDB } from '../db/database';
import type { OrderRow, StoreVariantRow } from '../db/types';
import { applyOrders, unmatchedKey } from './record';

/** Applies the waiting order lines of variants that are connected now. Answers the orders touched. */
export async function applyWaitingLines(db: ShelfsyncDB, variants: Pick<StoreVariantRow, 'id' | 'storeId' | 'platformItemId' | 'platformVariantId' | 'productId'>[], now: number): Promise<number> {
  const connected = variants.filter((v) => v.productId !== null);
  if (!connected.length) return 0;
  const byKey = new Map(connected.map((v) => [unmatchedKey(v.storeId, v.platformItemId, v.platformVariantId), v]));
  const orders = await db.orders.where('unmatchedKeys').anyOf([...byKey.keys()]).distinct().toArray();
  return reapply(db, orders, byKey, now);
}

/** A store's waiting lines whose listing got connected by any path since (the order check runs it). */
export async function applyWaitingLinesOfStore(db: ShelfsyncDB, storeId: number, now: number): Promise<number> {
  const orders = await db.orders.where('unmatchedKeys').startsWith(`${storeId}|`).distinct().toArray();
  if (!orders.length) return 0;
  const keys = [...new Set(orders.flatMap((o) => o.lines.filter((l) => l.productId === null).map((l) => [storeId, l.platformItemId, l.platformVariantId] as [number, string, string])))];
  const variants = await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').anyOf(keys).toArray();
  // A listing downloaded after its order was recorded: the line learns which variant it is (the
  // Orders page's Connect needs it) even while that variant stays unconnected.
  const known = new Map(variants.map((v) => [unmatchedKey(v.storeId, v.platformItemId, v.platformVariantId), v]));
  const learnt = orders.filter((o) => {
    let changed = false;
    for (const l of o.lines) {
      const v = l.storeVariantId === null ? known.get(unmatchedKey(storeId, l.platformItemId, l.platformVariantId)) : undefined;
      if (v && v.productId === null) {
        l.storeVariantId = v.id;
        changed = true;
      }
    }
    return changed;
  });
  if (learnt.length) await db.orders.bulkPut(learnt);
  const byKey = new Map(variants.filter((v) => v.productId !== null).map((v) => [unmatchedKey(v.storeId, v.platformItemId, v.platformVariantId), v]));
  if (!byKey.size) return 0;
  return reapply(db, orders, byKey, now);
}

async function reapply(db: ShelfsyncDB, orders: OrderRow[], byKey: Map<string, Pick<StoreVariantRow, 'id' | 'productId'>>, now: number): Promise<number> {
  const byStore = new Map<number, OrderRow[]>();
  for (const order of orders) {
    let changed = false;
    for (const line of order.lines) {
      const v = line.productId === null ? byKey.get(unmatchedKey(order.storeId, line.platformItemId, line.platformVariantId)) : undefined;
      if (!v) continue;
      const product = await db.products.get(v.productId!);
      Object.assign(line, { storeVariantId: v.id, productId: v.productId, systemSku: product?.sku ?? null });
      changed = true;
    }
    if (changed) (byStore.get(order.storeId) ?? byStore.set(order.storeId, []).get(order.storeId)!).push(order);
  }
  let n = 0;
  for (const [storeId, list] of byStore) {
    const store = await db.stores.get(storeId);
    if (!store) continue;
    await applyOrders(db, store, list, now);
    n += list.length;
  }
  return n;
}

/** Units of a listing's waiting (unmatched) order lines that its platform stock, read at
 *  `observedAt`, already leaves out: the platform lowered its number at the sale. Add system SKU
 *  adds them back to the starting stock, so applying those lines right after counts each sale
 *  once (held units are still on the shelf; shipped ones leave with the line). */
export async function unitsOutsidePlatformStock(db: ShelfsyncDB, v: Pick<StoreVariantRow, 'storeId' | 'platformItemId' | 'platformVariantId'>, observedAt: number): Promise<number> {
  const key = unmatchedKey(v.storeId, v.platformItemId, v.platformVariantId);
  let units = 0;
  for (const order of await db.orders.where('unmatchedKeys').equals(key).toArray()) {
    // Whole seconds: only an order surely placed before the number was read is in it (counting
    // a sale twice holds back units; counting it never would sell them twice).
    if (order.createdAt + 1000 > observedAt) continue;
    for (const l of order.lines) {
      if (l.productId !== null || unmatchedKey(order.storeId, l.platformItemId, l.platformVariantId) !== key) continue;
      const s = l.statusUnits;
      units += (s.unpaid ?? 0) + (s.open ?? 0) + (s.shipped ?? 0) + (s.returned ?? 0);
    }
  }
  return units;
}
