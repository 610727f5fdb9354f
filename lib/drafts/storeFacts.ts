// What validation needs from the destination store's own listings: the seller SKUs already in
// use there (Lazada and WooCommerce refuse a SKU another listing of the shop has). Known as of
// the store's last download; a listing made since on the platform is still refused at release.
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import type { Platform } from '../platforms/types';
import { LIMITS } from './limits';
import type { StoreFacts } from './validation';

export async function storeFactsFor(db: ShelfsyncDB, draft: Pick<DraftRow, 'storeId' | 'variants'>, platform: Platform): Promise<StoreFacts> {
  if (!LIMITS[platform].skuUniqueInShop) return {};
  const keys = [...new Set(draft.variants.map((v) => skuKeyOf(v.sellerSku)).filter(Boolean))];
  if (!keys.length) return {};
  const variants = await db.storeVariants.where('[storeId+sellerSkuKey]').anyOf(keys.map((k) => [draft.storeId, k])).toArray();
  if (!variants.length) return {};
  const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
  const live = new Map(products.filter((p) => p && !p.gone).map((p) => [p!.id, p!.title]));
  const takenSkus = new Map<string, string>();
  for (const v of variants) {
    const title = live.get(v.storeProductId);
    if (title !== undefined) takenSkus.set(v.sellerSkuKey, title);
  }
  return { takenSkus };
}
