// The store listing behind each order line, read live from IndexedDB by (store, item, variant):
// its title for the seller, and the variant Connect needs. Looked up by the platform ids rather
// than the line's storeVariantId, so a line whose listing was downloaded after the order was
// recorded finds it at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';

export interface LineListing {
  storeVariantId: number;
  title: string;
  options: Record<string, string> | null;
  connected: boolean;
}

export const lineKey = (l: { platformItemId: string; platformVariantId: string }) => `${l.platformItemId}\u0000${l.platformVariantId}`;

export function useLineListings(storeId: number, lines: { platformItemId: string; platformVariantId: string }[]): Map<string, LineListing> | undefined {
  const keys = lines.map((l) => [storeId, l.platformItemId, l.platformVariantId] as [number, string, string]);
  return useLiveQuery(async () => {
    const db = getDb();
    const variants = (await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').anyOf(keys).toArray());
    const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
    const titles = new Map(products.filter((p) => !!p).map((p) => [p.id, p.title]));
    return new Map(variants.map((v) => [lineKey(v), { storeVariantId: v.id, title: titles.get(v.storeProductId) ?? '', options: v.options, connected: v.productId !== null }]));
  }, [storeId, keys.map((k) => `${k[1]}/${k[2]}`).join('|')]);
}
