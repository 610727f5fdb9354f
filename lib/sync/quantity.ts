// The number (SYNC.md, "The number"): for a connected variant in a store governed by rule R,
//   quantity = floor(R.ratioPercent / 100 × Σ_{w ∈ R.warehouses} base(w)), never below 0,
//   base(w) = sellable(w) [+ inTransit(w) when R counts in transit], sellable = max(0, onHand − reserved).
// Computed when a push is sent, never stored as truth; every number can be explained.
import Dexie, { type Table } from 'dexie';
import type { ShelfsyncDB } from '../db/database';
import type { InventoryType, MovementRow, StockLevelRow, StoreVariantRow, SyncRuleRow } from '../db/types';
import { sellableOf } from '../inventory/levels';
import { t } from '../i18n';

export interface WarehouseContribution { warehouseId: number; sellable: number; inTransit: number }

export interface Explanation {
  quantity: number;
  rule: { id: number; name: string; inventoryType: InventoryType; ratioPercent: number };
  warehouses: WarehouseContribution[];
  base: number;
}

export type NoQuantityReason = 'not_connected' | 'no_sync_rule';
export interface NoQuantity { quantity: null; reason: NoQuantityReason; message: string }
export type QuantityAnswer = Explanation | NoQuantity;

/** ratio × base, floored, in integers: 80 % of 7 is 5, not 5.6000000000000005 floored wrongly. */
export function applyRatio(base: number, ratioPercent: number): number {
  const hundredths = Math.round(ratioPercent * 100);
  return Math.max(0, Math.floor((base * hundredths) / 10_000));
}

export function quantityFrom(rule: SyncRuleRow, levels: (StockLevelRow | undefined)[]): Explanation {
  const warehouses = rule.warehouseIds.map((warehouseId, i) => {
    const level = levels[i];
    return { warehouseId, sellable: level ? sellableOf(level) : 0, inTransit: level?.inTransit ?? 0 };
  });
  const base = warehouses.reduce((s, w) => s + w.sellable + (rule.inventoryType === 'sellable_in_transit' ? w.inTransit : 0), 0);
  return {
    quantity: applyRatio(base, rule.ratioPercent),
    rule: { id: rule.id, name: rule.name, inventoryType: rule.inventoryType, ratioPercent: rule.ratioPercent },
    warehouses,
    base,
  };
}

/** What a stock movement moved of the number's inputs (sellable, in transit). */
export function movedParts(m: Pick<MovementRow, 'before' | 'after'>): { sellable: boolean; inTransit: boolean } {
  return { sellable: sellableOf(m.after) !== sellableOf(m.before), inTransit: m.after.inTransit !== m.before.inTransit };
}

/** A rule's number moves with a movement when it counts the movement's warehouse and a part
 *  that moved (in transit only for a rule that counts it). Change capture and an adjustment's
 *  reach decide with this, so they never disagree. */
export function ruleMoves(rule: Pick<SyncRuleRow, 'warehouseIds' | 'inventoryType'>, warehouseId: number, moved: { sellable: boolean; inTransit: boolean }): boolean {
  return rule.warehouseIds.includes(warehouseId) && (moved.sellable || (moved.inTransit && rule.inventoryType === 'sellable_in_transit'));
}

// Made when asked, so the sentence is in the language the seller reads now.
export const NOT_CONNECTED = (): NoQuantity => ({ quantity: null, reason: 'not_connected', message: t('err_qty_notConnected') });
export const NO_RULE = (): NoQuantity => ({ quantity: null, reason: 'no_sync_rule', message: t('err_qty_noRule') });

/** The rule governing each store, for a batch of variants. Beyond a couple of stores both small
 *  tables are read whole: two requests instead of one per store (capture asks for every store
 *  that sells a changed product, on every stock change). */
export async function rulesForStores(db: ShelfsyncDB, storeIds: number[]): Promise<Map<number, SyncRuleRow | null>> {
  const unique = [...new Set(storeIds)];
  if (unique.length > 2) {
    const [links, rules] = await Promise.all([db.ruleStores.toArray(), db.syncRules.toArray()]);
    const ruleOf = new Map(links.map((l) => [l.storeId, l.ruleId]));
    const byId = new Map(rules.map((r) => [r.id, r]));
    return new Map(unique.map((sid) => [sid, byId.get(ruleOf.get(sid) ?? -1) ?? null]));
  }
  const links = await db.ruleStores.bulkGet(unique);
  const ruleIds = [...new Set(links.filter(Boolean).map((l) => l!.ruleId))];
  const rules = new Map((await db.syncRules.bulkGet(ruleIds)).filter(Boolean).map((r) => [r!.id, r!]));
  return new Map(unique.map((sid, i) => [sid, links[i] ? rules.get(links[i]!.ruleId) ?? null : null]));
}

/** Runs `fn`'s reads in one read transaction over `tables`, or in the caller's transaction when
 *  there is one: outside a transaction every Dexie call is a transaction of its own, and each
 *  costs the worker (the engine reads several tables per turn, several turns a second). */
export function oneRead<T>(db: ShelfsyncDB, tables: Table[], fn: () => Promise<T>): Promise<T> {
  return Dexie.currentTransaction ? fn() : db.transaction('r', tables, fn);
}

/** Quantities for many variants with one bulk read of the stock levels they need. */
export async function quantitiesFor(db: ShelfsyncDB, variants: Pick<StoreVariantRow, 'id' | 'storeId' | 'productId'>[]): Promise<Map<number, QuantityAnswer>> {
  return oneRead(db, [db.ruleStores, db.syncRules, db.stockLevels], () => readQuantities(db, variants));
}

async function readQuantities(db: ShelfsyncDB, variants: Pick<StoreVariantRow, 'id' | 'storeId' | 'productId'>[]): Promise<Map<number, QuantityAnswer>> {
  const rules = await rulesForStores(db, variants.map((v) => v.storeId));
  const keys: [number, number][] = [];
  for (const v of variants) {
    const rule = rules.get(v.storeId);
    if (v.productId !== null && rule) for (const w of rule.warehouseIds) keys.push([v.productId, w]);
  }
  const levelRows = await db.stockLevels.bulkGet(keys);
  const levels = new Map(keys.map((k, i) => [`${k[0]}:${k[1]}`, levelRows[i]]));
  const out = new Map<number, QuantityAnswer>();
  for (const v of variants) {
    const rule = rules.get(v.storeId);
    if (v.productId === null) out.set(v.id, NOT_CONNECTED());
    else if (!rule) out.set(v.id, NO_RULE());
    else out.set(v.id, quantityFrom(rule, rule.warehouseIds.map((w) => levels.get(`${v.productId}:${w}`))));
  }
  return out;
}
