// Before a clone: listings whose platform's list call leaves images out (TikTok's product search)
// are read in full once, so the copy carries its images (and, within TikTok, brand and
// attributes). Outside any transaction: platform calls first, then one write per listing. A
// listing that cannot be read is copied as it is; its draft then says what it still needs.
import type { ShelfsyncDB } from '../db/database';
import type { StoreProductRow } from '../db/types';
import { logger } from '../log/logger';
import { groupBy } from '../platforms/util';
import { adapterFor } from '../stores/session';

const log = logger('drafts');

export async function completeSources(db: ShelfsyncDB, storeProductIds: number[]): Promise<void> {
  const sources = (await db.storeProducts.bulkGet(storeProductIds)).filter((s): s is StoreProductRow => !!s && !s.imageUrls?.length && !s.imageUrl);
  for (const rows of groupBy(sources, (s) => String(s.storeId)).values()) {
    const storeId = rows[0]!.storeId;
    const store = await db.stores.get(storeId);
    if (!store || store.status !== 'active') continue;
    // A store that cannot be reached now (credentials unreadable, re-authorization due) must not
    // stop the copy: its listings are copied as they are.
    const adapter = await adapterFor(db, store).catch((err: unknown) => {
      log.warn(`store ${storeId} could not be read before a copy; its listings are copied as they are`, { error: err instanceof Error ? err.message : String(err) });
      return null;
    });
    if (!adapter?.getItem) continue;
    for (const row of rows) {
      try {
        const item = await adapter.getItem(row.platformItemId);
        if (!item) continue;
        await db.storeProducts.update(row.id, { imageUrls: item.imageUrls, imageUrl: item.imageUrls[0] ?? null, extra: { ...(row.extra ?? {}), ...(item.extra ?? {}) } });
      } catch (err) {
        log.warn(`listing ${row.platformItemId} of store ${storeId} could not be read in full before a copy`, { error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
