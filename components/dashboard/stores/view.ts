// The Stores page reads store rows live from IndexedDB; the encrypted `secret` is dropped at the
// source so it never reaches React state, props or the screen.
import type { StoreRow } from '@/lib/db/types';
import type { StoreView } from '@/lib/stores/session';
import { ordersOf } from '@/lib/orders/settings';

export type { StoreView };

export function toView(row: StoreRow, problemCount = 0): StoreView {
  const { secret: _secret, ...view } = row;
  return { ...view, orders: { ...ordersOf(row), problemCount } };
}

export function byName(a: StoreView, b: StoreView): number {
  return a.name.localeCompare(b.name) || a.id - b.id;
}
