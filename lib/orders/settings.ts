// A store's order settings (ORDERS.md "Per store settings") and the warehouse its orders use.
import type { ShelfsyncDB } from '../db/database';
import type { StoreOrders, StoreRow } from '../db/types';

export const DEFAULT_INTERVAL_SECONDS = 30;
/** chrome.alarms fires at most every 30 s; a check interval below it could not be kept. */
export const MIN_INTERVAL_SECONDS = 30;
export const MAX_INTERVAL_SECONDS = 3600;

/** Settings of a store connected now: orders followed from this moment on. */
export function newStoreOrders(now: number): StoreOrders {
  return {
    enabled: true, warehouseId: null, reserveUnpaid: true, restockReturns: false, intervalSeconds: DEFAULT_INTERVAL_SECONDS,
    since: now, cursor: null, lastCheckedAt: null, lastAttemptAt: null, lastError: null, lastResult: null,
  };
}

/** The store's settings, defaults filled (a row from before orders existed follows them from its creation). */
export function ordersOf(store: StoreRow): StoreOrders {
  return store.orders ?? { ...newStoreOrders(store.createdAt), enabled: false };
}

/** Where the store's orders hold stock: the seller's choice, else the first warehouse of the
 *  store's sync rule, else the only warehouse; null = ask (problem `no_warehouse`). */
export async function orderWarehouse(db: ShelfsyncDB, store: StoreRow): Promise<number | null> {
  const chosen = ordersOf(store).warehouseId;
  if (chosen !== null && (await db.warehouses.get(chosen))) return chosen;
  const link = await db.ruleStores.get(store.id);
  const rule = link ? await db.syncRules.get(link.ruleId) : undefined;
  if (rule?.warehouseIds.length) return rule.warehouseIds[0]!;
  const ids = await db.warehouses.toCollection().primaryKeys();
  return ids.length === 1 ? ids[0]! : null;
}
