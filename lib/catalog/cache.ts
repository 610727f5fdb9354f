// A store's platform catalogue, kept in `catalogCache` for a day: a marketplace's category tree
// changes rarely and is large (Shopee's has thousands of categories), and every draft of that
// store is checked against it. A read after a day asks the platform again; when the platform
// cannot answer, the last copy still serves (marked stale) rather than blocking the seller.
// Platform calls never run inside a Dexie transaction: read, call, then write.
import type { ShelfsyncDB } from '../db/database';
import type { CatalogCacheRow, StoreRow } from '../db/types';
import { logger } from '../log/logger';

const log = logger('catalog');

export const CATALOG_TTL_MS = 24 * 60 * 60 * 1000;

export type CatalogKind = CatalogCacheRow['kind'];

export interface Cached<T> {
  data: T;
  fetchedAt: number;
  /** The platform could not be asked again; this is the last copy. */
  stale: boolean;
}

/** The cached piece if fresh, else the platform's answer (stored); the last copy if that fails. */
export async function cachedRead<T>(db: ShelfsyncDB, store: StoreRow, kind: CatalogKind, key: string, load: () => Promise<T>, now: number, force = false): Promise<Cached<T>> {
  const row = await db.catalogCache.get([store.id, kind, key]);
  if (row && !force && now - row.fetchedAt < CATALOG_TTL_MS) return { data: row.data as T, fetchedAt: row.fetchedAt, stale: false };
  try {
    const data = await load();
    await db.catalogCache.put({ storeId: store.id, kind, key, fetchedAt: now, data });
    return { data, fetchedAt: now, stale: false };
  } catch (err) {
    if (!row) throw err;
    log.warn(`${kind} of store ${store.id} could not be refreshed; the copy of ${new Date(row.fetchedAt).toISOString()} serves`, { error: err instanceof Error ? err.message : String(err) });
    return { data: row.data as T, fetchedAt: row.fetchedAt, stale: true };
  }
}

/** The cached piece whatever its age, without asking the platform (validation on every read). */
export async function peek<T>(db: ShelfsyncDB, storeId: number, kind: CatalogKind, key = ''): Promise<T | undefined> {
  return (await db.catalogCache.get([storeId, kind, key]))?.data as T | undefined;
}

/** Forget a store's catalogue (a refresh asked for, or the store removed). */
export async function forgetCatalog(db: ShelfsyncDB, storeId: number): Promise<number> {
  return db.catalogCache.where('storeId').equals(storeId).delete();
}
