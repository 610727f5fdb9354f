// The shapes the To be published pages get from the background, and the part of a draft the
// seller edits.
import type { CommandOutput } from '@/lib/commands/client';

export type DraftView = CommandOutput<'drafts.get'>;
export type DraftVariant = DraftView['variants'][number];
export type DraftProblem = DraftView['validation'][number];

/** What the edit page changes; every save sends all of it (a draft is small). */
export interface DraftFields {
  title: string;
  description: string;
  imageUrls: string[];
  price: number | null;
  categoryId: string | null;
  brand: string | null;
  weightGrams: number | null;
  variants: EditedVariant[];
  /** What a marketplace needs (catalog.*): the category's attributes, a brand of its list ('0' =
   *  No brand), Shopee channels, the TikTok sales warehouse. Optional: a copy kept on this
   *  computer before these existed has none, and then they are not sent. */
  attributes?: DraftAttribute[];
  brandId?: string | null;
  logisticsChannelIds?: string[];
  warehouseId?: string | null;
}

export type DraftAttribute = NonNullable<DraftView['attributes']>[number];

export interface EditedVariant {
  sellerSku: string;
  price: number | null;
  stock: number | null;
  options: Record<string, string> | null;
  productId: number | null;
  /** Why the starting stock is what it is; dropped once the seller types a stock. */
  stockSource?: DraftStockSource | null;
}

export type DraftStockSource = NonNullable<DraftVariant['stockSource']>;

export function fieldsOf(d: DraftView): DraftFields {
  return {
    title: d.title,
    description: d.description,
    imageUrls: [...d.imageUrls],
    price: d.price,
    categoryId: d.categoryId,
    brand: d.brand,
    weightGrams: d.weightGrams,
    variants: d.variants.map((v) => ({ sellerSku: v.sellerSku, price: v.price, stock: v.stock, options: v.options ? { ...v.options } : null, productId: v.productId, stockSource: v.stockSource ?? null })),
    attributes: (d.attributes ?? []).map((a) => ({ id: a.id, value: Array.isArray(a.value) ? [...a.value] : a.value })),
    brandId: d.brandId ?? null,
    logisticsChannelIds: [...(d.logisticsChannelIds ?? [])],
    warehouseId: d.warehouseId ?? null,
  };
}
