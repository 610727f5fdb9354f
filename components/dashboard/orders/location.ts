// Where the seller is on the Orders page, kept in the URL hash so a reload, a link from the Stores
// page or from stock history lands on the same view: `#/orders?store=3&status=open&problem=short&q=A-1`;
// `order=<platform order id>` (with `store`) opens that order's drawer.
import type { OrderProblem } from '@/lib/db/types';
import { hrefOf } from '../routes';

export const LIST_STATUSES = ['open', 'shipped', 'cancelled', 'returned'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const PROBLEMS: OrderProblem[] = ['unmatched', 'short', 'no_warehouse'];

export interface OrdersLocation {
  storeId?: number;
  /** Undefined: every status. */
  status?: ListStatus;
  problem?: OrderProblem;
  q?: string;
  /** A platform order id whose drawer opens (needs `storeId`). */
  order?: string;
}

export function readOrdersLocation(params: URLSearchParams): OrdersLocation {
  const store = Number(params.get('store'));
  const status = params.get('status');
  const problem = params.get('problem');
  return {
    storeId: Number.isInteger(store) && store > 0 ? store : undefined,
    status: (LIST_STATUSES as readonly string[]).includes(status ?? '') ? (status as ListStatus) : undefined,
    problem: (PROBLEMS as string[]).includes(problem ?? '') ? (problem as OrderProblem) : undefined,
    q: params.get('q')?.trim() || undefined,
    order: params.get('order') || undefined,
  };
}

export function ordersHref(loc: OrdersLocation = {}): string {
  const params: Record<string, string> = {};
  if (loc.storeId) params.store = String(loc.storeId);
  if (loc.status) params.status = loc.status;
  if (loc.problem) params.problem = loc.problem;
  if (loc.q) params.q = loc.q;
  if (loc.storeId && loc.order) params.order = loc.order;
  return hrefOf('orders', params);
}
