// The connected stores (no secrets: `stores.list` answers views), re-read when a store is added,
// removed or changed. A short list: every page of the module needs names and platforms.
import { useMemo } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useLiveSignal } from './useLiveSignal';

export type StoreView = CommandOutput<'stores.list'>['items'][number];

export function useStores(): { stores: StoreView[] | undefined; byId: Map<number, StoreView>; error: string | null } {
  // A primary-key count: Dexie signals adds, updates and deletes of any store through it.
  const changed = useLiveSignal(() => getDb().stores.count(), [], 300);
  const list = useCommandQuery(() => call('stores.list', {}), [], changed);
  const stores = list.data?.items;
  const byId = useMemo(() => new Map((stores ?? []).map((s) => [s.id, s])), [stores]);
  return { stores, byId, error: list.error };
}
