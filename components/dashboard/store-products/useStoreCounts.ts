// Listings and unconnected variants per store, for the platform and store cards: index counts
// read straight from IndexedDB (a page may read), never a scan of the rows — a seller with
// 200,000 variants opens the module as fast as one with 20. Re-read when a store row changes
// (a download ends, a store is added or removed).
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/database';
import type { StoreView } from '@/components/common/useStores';

export interface StoreCounts { listings: number; unconnected: number }

export function useStoreCounts(stores: StoreView[] | undefined): Map<number, StoreCounts> | undefined {
  const [counts, setCounts] = useState<Map<number, StoreCounts>>();
  const key = stores?.map((s) => `${s.id}:${s.updatedAt}`).join(',');
  useEffect(() => {
    if (!stores) return;
    let live = true;
    const db = getDb();
    void Promise.all(
      stores.map(async (s): Promise<[number, StoreCounts]> => {
        const [listings, unconnected] = await Promise.all([
          db.storeProducts.where('[storeId+platformItemId]').between([s.id, ''], [s.id, '\uffff']).count(),
          db.storeVariants.where('[storeId+connected]').equals([s.id, 0]).count(),
        ]);
        return [s.id, { listings, unconnected }];
      }),
    ).then((entries) => live && setCounts(new Map(entries)), () => undefined);
    return () => {
      live = false;
    };
    // `key` stands for the stores that matter (ids and their last change).
  }, [key]);
  return counts;
}

/** The sum over some stores; undefined while any is still being counted. */
export function totalOf(counts: Map<number, StoreCounts> | undefined, stores: StoreView[]): StoreCounts | undefined {
  if (!counts) return undefined;
  const total = { listings: 0, unconnected: 0 };
  for (const s of stores) {
    const c = counts.get(s.id);
    if (!c) return undefined;
    total.listings += c.listings;
    total.unconnected += c.unconnected;
  }
  return total;
}
