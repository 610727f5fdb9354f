// Orders with a problem per store and per problem, live from IndexedDB (the problems index holds
// only orders that have one, so this reads few rows). An order with two problems counts once in
// the store's total and once under each of its problems.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { OrderProblem } from '@/lib/db/types';
import { PROBLEMS } from '../orders/location';

export interface StoreProblems { total: number; by: Partial<Record<OrderProblem, number>> }

export function useOrderProblems(): Map<number, StoreProblems> | undefined {
  return useLiveQuery(async () => {
    const out = new Map<number, StoreProblems>();
    await getDb().orders.where('problems').anyOf(PROBLEMS).distinct().each((o) => {
      const c = out.get(o.storeId) ?? { total: 0, by: {} };
      c.total++;
      for (const p of o.problems) c.by[p] = (c.by[p] ?? 0) + 1;
      out.set(o.storeId, c);
    });
    return out;
  }, []);
}
