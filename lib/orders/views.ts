// What the Orders page, the Stores page and the popup read of orders.
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow, OrderProblem, OrderRow } from '../db/types';
import { orderReference } from './record';

export const PROBLEMS: OrderProblem[] = ['unmatched', 'short', 'no_warehouse'];

/** Orders with at least one problem, per store. */
export async function orderProblemCounts(db: ShelfsyncDB): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  await db.orders.where('problems').anyOf(PROBLEMS).each((o) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    counts.set(o.storeId, (counts.get(o.storeId) ?? 0) + 1);
  });
  return counts;
}

/** The ledger movements an order caused, oldest first. */
export async function movementsOf(db: ShelfsyncDB, order: OrderRow): Promise<MovementRow[]> {
  const ref = orderReference(order.storeId, order.platformOrderId);
  const pairs = [...new Set(order.lines.filter((l) => l.productId !== null && order.warehouseId !== null).map((l) => `${l.productId}`))].map(Number);
  const out: MovementRow[] = [];
  for (const productId of pairs) {
    const rows = await db.movements.where('[productId+createdAt]').between([productId, order.seenAt - 1], [productId, Infinity]).filter((m) => m.reference === ref).toArray();
    out.push(...rows);
  }
  return out.sort((a, b) => a.id - b.id);
}

/** The order a movement names (stock history links to it). */
export function parseOrderReference(reference: string | null): { storeId: number; platformOrderId: string } | null {
  const m = reference ? /^order:(\d+):(.+)$/.exec(reference) : null;
  return m ? { storeId: Number(m[1]), platformOrderId: m[2]! } : null;
}
