// "Which listings change, from what to what" before a rule is saved: the number each connected
// variant of the rule's stores would get under the draft rule, against what it gets now.
import type { ShelfsyncDB } from '../db/database';
import type { StoreVariantRow, SyncRuleRow } from '../db/types';
import { countEffect, effectsAnswer, emptyEffects, trimEffects } from '../sync/effects';
import { quantitiesFor, quantityFrom } from '../sync/quantity';

export interface PreviewRow { storeId: number; storeProductId: number; storeVariantId: number; title: string; sellerSku: string; from: number | null; to: number }

export async function previewRule(db: ShelfsyncDB, draft: Omit<SyncRuleRow, 'createdAt' | 'updatedAt'>, limit: number) {
  const rows: PreviewRow[] = [];
  let changed = 0;
  let unchanged = 0;
  const effects = emptyEffects();
  const rule = { ...draft, createdAt: 0, updatedAt: 0 } as SyncRuleRow;
  for (const storeId of draft.storeIds) {
    const variants = (await db.storeVariants.where('[storeId+connected]').equals([storeId, 1]).toArray()) as StoreVariantRow[];
    for (let i = 0; i < variants.length; i += 2000) {
      const chunk = variants.slice(i, i + 2000);
      const now = await quantitiesFor(db, chunk);
      const keys = chunk.flatMap((v) => draft.warehouseIds.map((w) => [v.productId!, w] as [number, number]));
      const levels = await db.stockLevels.bulkGet(keys);
      const listings = new Map((await db.storeProducts.bulkGet([...new Set(chunk.map((v) => v.storeProductId))])).filter(Boolean).map((p) => [p!.id, p!]));
      const titles = new Map([...listings].map(([id, p]) => [id, p.title]));
      chunk.forEach((v, j) => {
        const to = quantityFrom(rule, levels.slice(j * draft.warehouseIds.length, (j + 1) * draft.warehouseIds.length)).quantity;
        const from = now.get(v.id)?.quantity ?? null;
        // Saving re-pushes the listings on auto sync at once: what their platforms show → to.
        countEffect(effects, v, titles.get(v.storeProductId) ?? '', to, listings.get(v.storeProductId)?.autoSync === 1);
        if (from === to) {
          unchanged++;
          return;
        }
        changed++;
        if (rows.length < limit) rows.push({ storeId, storeProductId: v.storeProductId, storeVariantId: v.id, title: titles.get(v.storeProductId) ?? '', sellerSku: v.sellerSku, from, to });
      });
      trimEffects(effects);
    }
  }
  return { items: rows, changed, unchanged, total: changed + unchanged, effects: effectsAnswer(effects) };
}
