// A store's drafts as they change: a signal for lists, and how many wait in To be published (the
// tab's badge).
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useLiveSignal } from '@/components/common/useLiveSignal';

/** Moves when any draft is added, changed or removed (a primary-key count sees all three). */
export function useDraftsSignal(storeId: number): number {
  return useLiveSignal(() => getDb().drafts.count(), [storeId], 400);
}

export function useDraftCount(storeId: number): number | undefined {
  const changed = useDraftsSignal(storeId);
  return useCommandQuery(() => call('drafts.list', { storeId, pageSize: 1 }), [storeId], changed).data?.total;
}
