// What validation needs from the destination store: the seller SKUs already in use there (Lazada
// and WooCommerce refuse a SKU another listing of the shop has; known as of the store's last
// download, so a listing made since is still refused at release), and its platform catalogue as
// cached (lib/catalog).
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import type { Platform } from '../platforms/types';
import { LIMITS } from './limits';
import { knownCatalog } from '../catalog/catalog';
import { MARKETPLACES } from './catalogChecks';
import type { StoreFacts } from './validation';

export async function storeFactsFor(db: ShelfsyncDB, draft: Pick<DraftRow, 'storeId' | 'variants' | 'categoryId'>, platform: Platform): Promise<StoreFacts> {
  // The destination's catalogue as cached: reads only, never the platform (every draft read checks).
  const catalog = MARKETPLACES.has(platform) ? await knownCatalog(db, draft.storeId, draft.categoryId?.trim() || null) : undefined;
  return { ...(await takenSkusFor(db, draft, platform)), ...(catalog ? { catalog } : {}) };
}

async function takenSkusFor(db: ShelfsyncDB, draft: Pick<DraftRow, 'storeId' | 'variants'>, platform: Platform): Promise<StoreFacts> {
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
