// What the list and the detail drawer show for a listing: its variants with the connected
// system SKU, the quantity Shelfsync would push now (or why there is none) and the last sync.
import type { ShelfsyncDB } from '../db/database';
import type { StoreProductRow, StoreVariantRow } from '../db/types';
import { naturalCompare } from '../naturalSort';
import { quantitiesFor } from '../sync/quantity';
import { stockDiffers, type SyncStatusSummary } from './listIndex';

export interface VariantView {
  id: number;
  platformVariantId: string;
  sellerSku: string;
  options: Record<string, string> | null;
  productId: number | null;
  systemSku: string | null;
  reason: StoreVariantRow['reason'];
  price: number | null;
  platformStock: number;
  pushQuantity: number | null;
  pushQuantityReason: string | null;
  /** The platform shows another number than Shelfsync would push (connected, under a rule). */
  differs: boolean;
  lastSync: StoreVariantRow['lastSync'] | null;
  drift: StoreVariantRow['drift'] | null;
}

export interface StoreProductView {
  id: number;
  storeId: number;
  platformItemId: string;
  title: string;
  status: StoreProductRow['status'];
  gone: boolean;
  imageUrl: string | null;
  autoSync: boolean;
  syncStatus: SyncStatusSummary;
  updatedAt: number;
  platformUpdatedAt: number;
  variants: VariantView[];
}

export async function viewsOf(db: ShelfsyncDB, products: StoreProductRow[], syncStatus: Map<number, SyncStatusSummary>): Promise<StoreProductView[]> {
  const variants = await db.storeVariants.where('storeProductId').anyOf(products.map((p) => p.id)).toArray();
  const skus = new Map((await db.products.bulkGet([...new Set(variants.map((v) => v.productId).filter((x): x is number => x !== null))])).filter(Boolean).map((p) => [p!.id, p!.sku]));
  const quantities = await quantitiesFor(db, variants);
  const byProduct = new Map<number, VariantView[]>();
  for (const v of variants) {
    const q = quantities.get(v.id)!;
    const view: VariantView = {
      id: v.id, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, options: v.options, productId: v.productId,
      systemSku: v.productId !== null ? skus.get(v.productId) ?? null : null, reason: v.reason, price: v.price, platformStock: v.platformStock,
      pushQuantity: q.quantity, pushQuantityReason: q.quantity === null ? q.message : null, differs: stockDiffers(v.platformStock, q.quantity), lastSync: v.lastSync ?? null, drift: v.drift ?? null,
    };
    byProduct.set(v.storeProductId, [...(byProduct.get(v.storeProductId) ?? []), view]);
  }
  return products.map((p) => ({
    id: p.id, storeId: p.storeId, platformItemId: p.platformItemId, title: p.title, status: p.status, gone: p.gone === 1, imageUrl: p.imageUrl,
    autoSync: p.autoSync === 1, syncStatus: syncStatus.get(p.id) ?? (p.autoSync ? 'never' : 'off'), updatedAt: p.updatedAt, platformUpdatedAt: p.platformUpdatedAt,
    variants: (byProduct.get(p.id) ?? []).sort((a, b) => naturalCompare(a.sellerSku, b.sellerSku) || a.id - b.id),
  }));
}
