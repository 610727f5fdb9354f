// Table groups that transactions must hold together. Kept here (not in a feature folder) so
// inventory, rules and stores can list the sync engine's tables without importing the engine.
import type { ShelfsyncDB } from './database';

/** What change capture writes or reads when it marks store variants for a push. `orders` rides
 *  along: every transaction that can connect a listing holds these tables, and connecting a
 *  listing applies its waiting order lines in the same transaction (lib/orders/unmatched.ts). */
export function captureTables(db: ShelfsyncDB) {
  return [db.storeVariants, db.storeProducts, db.stores, db.ruleStores, db.syncRules, db.pushQueue, db.storeMarks, db.syncLogs, db.orders];
}

/** One page of a store's variants in index order, after the (item, variant) key of the last page:
 *  how long walks over a large store (rule expansion, manual sync, drift) resume in chunks. */
export function storeVariantsAfter(db: ShelfsyncDB, storeId: number, after: [string, string], limit: number) {
  return db.storeVariants
    .where('[storeId+platformItemId+platformVariantId]')
    .between([storeId, ...after], [storeId, '\uffff', '\uffff'], false, true)
    .limit(limit)
    .toArray();
}
