// Whole-store marks (a rule created or edited, auto sync switched on for all items) become
// variant marks a chunk at a time, each chunk its own transaction, so no single transaction
// has to touch a large store's 100,000 variants. A store mark is deleted only when the chunk
// that finishes it still sees the same seq; a newer mark restarts the expansion.
import type { ShelfsyncDB } from '../db/database';
import { captureTables, storeVariantsAfter } from '../db/tables';
import { markVariants } from './capture';

const CHUNK = 2000;
const progress = new Map<number, { seq: number; after: [string, string]; offset: number }>();

/** Expands at most one chunk per store mark; answers whether more remains. */
export async function expandStoreMarks(db: ShelfsyncDB, now = Date.now): Promise<boolean> {
  const marks = await db.storeMarks.toArray();
  let more = false;
  for (const mark of marks) {
    const at = progress.get(mark.storeId);
    const after = at && at.seq === mark.seq ? at.after : (['', ''] as [string, string]);
    const offset = at && at.seq === mark.seq ? at.offset : 0;
    const done = await db.transaction('rw', captureTables(db), async () => {
      const current = await db.storeMarks.get(mark.storeId);
      if (!current) return true;
      if (current.onlyAutoSync) {
        // Only listings on auto sync: walk those (often few) rather than every variant.
        const all = await db.storeProducts.where('[storeId+autoSync]').equals([mark.storeId, 1]).primaryKeys();
        const listings = all.slice(offset, offset + CHUNK / 2);
        const variants = (await db.storeVariants.where('storeProductId').anyOf(listings).toArray()).filter((v) => v.connected === 1);
        const live = new Set((await db.storeProducts.bulkGet(listings)).filter((p) => p && p.gone === 0).map((p) => p!.id));
        await markVariants(db, variants.filter((v) => live.has(v.storeProductId)), current.trigger, { now: now() });
        if (offset + listings.length >= all.length) {
          if (current.seq === mark.seq) await db.storeMarks.delete(mark.storeId);
          return true;
        }
        progress.set(mark.storeId, { seq: mark.seq, after, offset: offset + listings.length });
        return false;
      }
      // Walk the store's variants in index order, resuming after the last key of the last chunk.
      const page = await storeVariantsAfter(db, mark.storeId, after, CHUNK);
      const chosen = page.filter((v) => v.connected === 1);
      await markVariants(db, chosen, current.trigger, { now: now() });
      if (page.length < CHUNK) {
        if (current.seq === mark.seq) await db.storeMarks.delete(mark.storeId);
        return true;
      }
      const last = page[page.length - 1]!;
      progress.set(mark.storeId, { seq: mark.seq, after: [last.platformItemId, last.platformVariantId], offset });
      return false;
    });
    if (done) progress.delete(mark.storeId);
    else more = true;
  }
  return more;
}
