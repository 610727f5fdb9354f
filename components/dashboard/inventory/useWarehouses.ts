// The warehouses, live from IndexedDB (a short list every inventory page needs for names and pickers).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '@/lib/db/database';
import type { WarehouseRow } from '@/lib/db/types';

export function useWarehouses(): { warehouses: WarehouseRow[] | undefined; byId: Map<number, WarehouseRow> } {
  const warehouses = useLiveQuery(() => getDb().warehouses.orderBy('name').toArray(), []);
  const byId = useMemo(() => new Map((warehouses ?? []).map((w) => [w.id, w])), [warehouses]);
  return { warehouses, byId };
}

export function warehouseLabel(w: WarehouseRow | undefined, fallbackId?: number): string {
  return w ? `${w.name} (${w.code})` : fallbackId !== undefined ? `#${fallbackId}` : '';
}
