// The connected stores (no secrets: `stores.list` answers views), re-read when a store is added,
// removed or changed. A short list: every page of the module needs names and platforms.
import { useMemo } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { PLATFORM_NAME, PLATFORMS } from './platforms';
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

/** A store select's options, grouped under each platform that has a store. */
export function storeOptions(stores: StoreView[] | undefined) {
  return PLATFORMS.map((p) => ({
    label: t(PLATFORM_NAME[p]),
    title: t(PLATFORM_NAME[p]),
    options: (stores ?? []).filter((s) => s.platform === p).map((s) => ({ value: s.id, label: storeLabel(s) })),
  })).filter((g) => g.options.length > 0);
}
