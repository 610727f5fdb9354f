// Whole-store marks (a rule created or edited, auto sync switched on for all items) become
// variant marks a chunk at a time, each chunk its own transaction, so no single transaction
// has to touch a large store's 100,000 variants. A store mark is deleted only when the chunk
// that finishes it still sees the same seq; a newer mark restarts the expansion.
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import { markVariants } from './capture';

const CHUNK = 2000;
const progress = new Map<number, { seq: number; after: [string, string] }>();

/** Expands at most one chunk per store mark; answers whether more remains. */
export async function expandStoreMarks(db: ShelfsyncDB, now = Date.now): Promise<boolean> {
  const marks = await db.storeMarks.toArray();
  let more = false;
  for (const mark of marks) {
    const at = progress.get(mark.storeId);
    const after = at && at.seq === mark.seq ? at.after : (['', ''] as [string, string]);
    const done = await db.transaction('rw', captureTables(db), async () => {
      const current = await db.storeMarks.get(mark.storeId);
      if (!current) return true;
      // Walk the store's variants in index order, resuming after the last key of the last chunk.
      const page = await db.storeVariants
        .where('[storeId+platformItemId+platformVariantId]')
        .between([mark.storeId, ...after], [mark.storeId, '\uffff', '\uffff'], false, true)
        .limit(CHUNK)
        .toArray();
      const variants = page.filter((v) => v.connected === 1);
      let chosen = variants;
      if (current.onlyAutoSync) {
        const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
        const on = new Set(products.filter((p) => p?.autoSync === 1 && p.gone === 0).map((p) => p!.id));
        chosen = variants.filter((v) => on.has(v.storeProductId));
      }
      await markVariants(db, chosen, current.trigger, { now: now() });
      if (page.length < CHUNK) {
        if (current.seq === mark.seq) await db.storeMarks.delete(mark.storeId);
        return true;
      }
      const last = page[page.length - 1]!;
      progress.set(mark.storeId, { seq: mark.seq, after: [last.platformItemId, last.platformVariantId] });
      return false;
    });
    if (done) progress.delete(mark.storeId);
    else more = true;
  }
  return more;
}
