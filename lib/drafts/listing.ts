// A draft as the adapters take a new listing (NewListing): what release sends, and what the
// contract tests send to the simulator to check that validation and the platforms agree.
import type { DraftRow } from '../db/types';
import type { NewListing } from '../platforms/types';

export function listingOf(d: Pick<DraftRow, 'title' | 'description' | 'imageUrls' | 'price' | 'categoryId' | 'brand' | 'weightGrams' | 'extra' | 'variants'>): NewListing {
  return {
    title: d.title, description: d.description, imageUrls: d.imageUrls, price: d.price, categoryId: d.categoryId ?? undefined, brand: d.brand ?? undefined,
    weightGrams: d.weightGrams ?? undefined, extra: d.extra,
    variants: d.variants.map((v) => ({ sellerSku: v.sellerSku.trim(), price: v.price, stock: v.stock, options: v.options ?? undefined })),
  };
}
