// Recording what a platform says of its orders, and applying their lines to stock exactly once.
// Runs inside the caller's rw transaction over `stockTables(db)` (which holds `orders` too): the
// order rows, the levels, the ledger rows and the pushes they cause commit together or not at all.
import type { ShelfsyncDB } from '../db/database';
import type { LineUnits, OrderLineRow, OrderProblem, OrderRow, ProductRow, StockLevelRow, StoreRow, StoreVariantRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import { batchStockChanges } from '../inventory/hook';
import { applyStockChanges, levelKey, readLevels, sellableOf, type StockChange } from '../inventory/levels';
import { variantKey, type OrderStatus, type PlatformOrder } from '../platforms/types';
import { lineState, NO_UNITS, planLine, type LinePolicy } from './lines';
import { orderWarehouse, ordersOf } from './settings';

export interface RecordResult { seen: number; new: number; changed: number }

export const orderReference = (storeId: number, platformOrderId: string) => `order:${storeId}:${platformOrderId}`;
export const unmatchedKey = (storeId: number, platformItemId: string, platformVariantId: string) => `${storeId}|${platformItemId}|${platformVariantId}`;

/** Platform lines folded into one line per listing variant, units counted per status. */
function foldLines(order: PlatformOrder): Map<string, { platformItemId: string; platformVariantId: string; sellerSku: string; statusUnits: Partial<Record<OrderStatus, number>> }> {
  const out = new Map<string, { platformItemId: string; platformVariantId: string; sellerSku: string; statusUnits: Partial<Record<OrderStatus, number>> }>();
  for (const l of order.lines) {
    if (!(l.quantity > 0)) continue;
    const key = variantKey(l);
    const line = out.get(key) ?? { platformItemId: l.platformItemId, platformVariantId: l.platformVariantId, sellerSku: l.sellerSku, statusUnits: {} };
    line.statusUnits[l.status] = (line.statusUnits[l.status] ?? 0) + l.quantity;
    out.set(key, line);
  }
  return out;
}

const unitsOf = (s: Partial<Record<OrderStatus, number>>) => Object.values(s).reduce((a, b) => a + (b ?? 0), 0);
const sameUnits = (a: Partial<Record<OrderStatus, number>>, b: Partial<Record<OrderStatus, number>>) =>
  (['unpaid', 'open', 'shipped', 'cancelled', 'returned'] as const).every((k) => (a[k] ?? 0) === (b[k] ?? 0));

/** The store's variants the lines name: by the platform's ids, else by a seller SKU only one variant has. */
async function variantsFor(db: ShelfsyncDB, storeId: number, lines: { platformItemId: string; platformVariantId: string; sellerSku: string }[]) {
  const byIds = new Map<string, StoreVariantRow>();
  const keys = [...new Map(lines.map((l) => [variantKey(l), [storeId, l.platformItemId, l.platformVariantId]])).values()];
  if (keys.length) for (const v of await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').anyOf(keys).toArray()) byIds.set(variantKey(v), v);
  const bySku = new Map<string, StoreVariantRow | null>();
  const missing = [...new Set(lines.filter((l) => !byIds.has(variantKey(l)) && l.sellerSku.trim()).map((l) => skuKeyOf(l.sellerSku)))];
  if (missing.length) {
    const found = await db.storeVariants.where('[storeId+sellerSkuKey]').anyOf(missing.map((k) => [storeId, k])).toArray();
    for (const k of missing) {
      const same = found.filter((v) => v.sellerSkuKey === k);
      bySku.set(k, same.length === 1 ? same[0]! : null);
    }
  }
  return (l: { platformItemId: string; platformVariantId: string; sellerSku: string }) =>
    byIds.get(variantKey(l)) ?? bySku.get(skuKeyOf(l.sellerSku)) ?? undefined;
}

/** Applies the lines of `orders` whose stock may move now; collects the ledger changes. */
class Application {
  readonly changes: StockChange[] = [];
  private levels = new Map<string, StockLevelRow>();
  constructor(private readonly db: ShelfsyncDB, private readonly store: StoreRow, private readonly policy: LinePolicy, private readonly now: number) {}

  async load(pairs: [number, number][]): Promise<void> {
    const unread = pairs.filter((p) => !this.levels.has(levelKey(...p)));
    if (unread.length) for (const [k, l] of await readLevels(this.db, unread)) this.levels.set(k, { ...l });
  }

  /** Moves one line from its applied units to what its statuses ask; the level is tracked here
   *  so a shortfall is measured against the stock left by the lines before it. */
  line(order: OrderRow, line: OrderLineRow, warehouseId: number): void {
    const { applied, moves } = planLine(line.applied, line.statusUnits, this.policy);
    const level = this.levels.get(levelKey(line.productId!, warehouseId))!;
    for (const m of moves) {
      const delta = { ...m.delta };
      let note = '';
      if (m.kind === 'order_reserved') {
        const short = Math.max(0, m.units - sellableOf(level));
        line.shortBy += short;
        if (short) note = `; ${short} more than could be sold`;
      }
      // A sale cannot be refused: what is not on hand (the counts were off) is noted, never negative.
      if (delta.reserved !== undefined && delta.reserved < 0) delta.reserved = -Math.min(-delta.reserved, level.reserved);
      if (delta.onHand !== undefined && delta.onHand < 0 && -delta.onHand > level.onHand) {
        note = `; ${-delta.onHand - level.onHand} shipped that were not on hand`;
        delta.onHand = -level.onHand;
      }
      level.onHand += delta.onHand ?? 0;
      level.reserved += delta.reserved ?? 0;
      if (!delta.onHand && !delta.reserved) continue; // a return left out of stock: state only
      this.changes.push({
        productId: line.productId!, warehouseId, delta, kind: m.kind, now: this.now,
        reference: orderReference(this.store.id, order.platformOrderId),
        reason: `${order.displayName ?? order.platformOrderId}: ${m.units} × ${line.sellerSku || line.systemSku || 'item'}${note}`,
        label: `SKU ${line.systemSku ?? line.sellerSku}`,
      });
    }
    line.applied = applied;
    if (!applied.reserved) line.shortBy = 0;
    else line.shortBy = Math.min(line.shortBy, applied.reserved);
  }
}

function problemsOf(order: OrderRow, warehouseMissing: boolean): OrderProblem[] {
  const p: OrderProblem[] = [];
  if (order.before) return p;
  if (order.lines.some((l) => l.productId === null)) p.push('unmatched');
  if (order.lines.some((l) => l.shortBy > 0)) p.push('short');
  if (warehouseMissing) p.push('no_warehouse');
  return p;
}

/** Re-applies every line of `rows` (already updated with the platform's view) and writes them. */
export async function applyOrders(db: ShelfsyncDB, store: StoreRow, rows: OrderRow[], now: number): Promise<void> {
  const settings = ordersOf(store);
  const policy: LinePolicy = { reserveUnpaid: settings.reserveUnpaid, restockReturns: settings.restockReturns };
  const fallbackWarehouse = await orderWarehouse(db, store);
  const app = new Application(db, store, policy, now);
  const work: { order: OrderRow; line: OrderLineRow; warehouseId: number }[] = [];
  const missingWarehouse = new Set<OrderRow>();
  for (const order of rows) {
    if (order.before) continue;
    for (const line of order.lines) {
      if (line.productId === null) continue;
      const warehouseId = order.warehouseId ?? fallbackWarehouse;
      if (warehouseId === null) {
        missingWarehouse.add(order);
        continue;
      }
      order.warehouseId = warehouseId; // units are held where they were first held
      work.push({ order, line, warehouseId });
    }
  }
  await app.load(work.map((w) => [w.line.productId!, w.warehouseId]));
  for (const w of work) app.line(w.order, w.line, w.warehouseId);
  for (const order of rows) {
    for (const line of order.lines) line.state = lineState(line.applied, unitsOf(line.statusUnits));
    order.problems = problemsOf(order, missingWarehouse.has(order));
    order.unmatchedKeys = order.before ? [] : order.lines.filter((l) => l.productId === null).map((l) => unmatchedKey(store.id, l.platformItemId, l.platformVariantId));
  }
  if (app.changes.length) await batchStockChanges(db, () => applyStockChanges(db, app.changes));
  if (rows.length) await db.orders.bulkPut(rows);
}

/** Records one page of the platform's orders for `store` and applies what changed. */
export async function recordOrders(db: ShelfsyncDB, store: StoreRow, orders: PlatformOrder[], now: number): Promise<RecordResult> {
  const result: RecordResult = { seen: 0, new: 0, changed: 0 };
  const latest = new Map<string, PlatformOrder>();
  for (const o of orders) {
    const prev = latest.get(o.platformOrderId);
    if (!prev || o.updatedAt >= prev.updatedAt) latest.set(o.platformOrderId, o);
  }
  result.seen = latest.size;
  if (!latest.size) return result;
  const settings = ordersOf(store);
  const existing = new Map(
    (await db.orders.where('[storeId+platformOrderId]').anyOf([...latest.keys()].map((id) => [store.id, id])).toArray()).map((o) => [o.platformOrderId, o]),
  );
  const folded = new Map([...latest.values()].map((o) => [o.platformOrderId, foldLines(o)]));
  const variantOf = await variantsFor(db, store.id, [...folded.values()].flatMap((m) => [...m.values()]));
  const productIds = new Set<number>();
  for (const m of folded.values()) for (const l of m.values()) {
    const pid = variantOf(l)?.productId;
    if (pid) productIds.add(pid);
  }
  const products = new Map((await db.products.bulkGet([...productIds])).filter((p): p is ProductRow => !!p).map((p) => [p.id, p]));

  const touched: OrderRow[] = [];
  for (const o of latest.values()) {
    const prev = existing.get(o.platformOrderId);
    const lines = folded.get(o.platformOrderId)!;
    if (prev && prev.updatedAt > o.updatedAt) continue; // an older view arriving late
    const prevLines = new Map((prev?.lines ?? []).map((l) => [variantKey(l), l]));
    const unchanged = prev && prev.status === o.status && prev.platformStatus === o.platformStatus && prevLines.size === lines.size
      && [...lines].every(([k, l]) => prevLines.has(k) && sameUnits(prevLines.get(k)!.statusUnits, l.statusUnits));
    if (unchanged && prev.lines.every((l) => l.productId !== null || !variantOf(l)?.productId)) continue;
    if (prev) result.changed++;
    else result.new++;
    const row: OrderRow = {
      ...(prev ?? { seenAt: now, warehouseId: null, problems: [], unmatchedKeys: [] }),
      storeId: store.id,
      platformOrderId: o.platformOrderId,
      displayName: o.displayName ?? null,
      status: o.status,
      platformStatus: o.platformStatus,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      // Platforms give whole seconds: an order within the second the store started being
      // followed counts as after (applying a sale beats silently missing one).
      before: prev?.before ?? (o.createdAt + 1000 <= settings.since ? 1 : 0),
      lines: [...lines.entries()].map(([k, l]): OrderLineRow => {
        const old = prevLines.get(k);
        const v = variantOf(l);
        const productId = v?.productId ?? null;
        return {
          platformItemId: l.platformItemId,
          platformVariantId: l.platformVariantId,
          sellerSku: l.sellerSku,
          quantity: unitsOf(l.statusUnits),
          statusUnits: l.statusUnits,
          storeVariantId: v?.id ?? null,
          productId,
          systemSku: productId ? (products.get(productId)?.sku ?? null) : null,
          applied: old?.applied ?? { ...NO_UNITS },
          state: old?.state ?? 'none',
          shortBy: old?.shortBy ?? 0,
        };
      }),
    } as OrderRow;
    // A line the platform no longer lists (an edited order) keeps what it applied, all released.
    for (const [k, old] of prevLines) if (!lines.has(k)) row.lines.push({ ...old, statusUnits: {}, quantity: 0 });
    touched.push(row);
  }
  await applyOrders(db, store, touched, now);
  return result;
}

/** Lines' applied units summed (tests and the soak's exactly-once check). */
export function appliedTotal(order: OrderRow): LineUnits {
  const sum = { ...NO_UNITS };
  for (const l of order.lines) for (const k of Object.keys(sum) as (keyof LineUnits)[]) sum[k] += l.applied[k];
  return sum;
}
