// Which of the given variants wait in the push queue right now, read live from IndexedDB: the
// sync status shows "pending" from the moment a push is queued (the background's list summary
// learns it only when the push ends).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { Listing } from './types';

export function useQueued(listings: Pick<Listing, 'variants'>[] | undefined): Set<number> {
  const ids = (listings ?? []).flatMap((l) => l.variants.map((v) => v.id));
  const queued = useLiveQuery(async () => {
    const rows = await getDb().pushQueue.bulkGet(ids);
    return new Set(rows.filter(Boolean).map((r) => r!.storeVariantId));
  }, [ids.join(',')]);
  return queued ?? new Set();
}

/** The listing with "pending" when one of its variants is queued (a failure still shows first). */
export function withQueued<T extends Pick<Listing, 'variants' | 'syncStatus'>>(listing: T, queued: Set<number>): T {
  if (listing.syncStatus === 'failed' || listing.syncStatus === 'pending') return listing;
  return listing.variants.some((v) => queued.has(v.id)) ? { ...listing, syncStatus: 'pending' } : listing;
}
