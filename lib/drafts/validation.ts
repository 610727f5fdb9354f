// Validation of a draft against its destination platform's documented limits, per field, so
// the edit page can show each problem where it is, before release.
import type { DraftRow } from '../db/types';
import type { Platform } from '../platforms/types';
import { LIMITS } from './limits';

export interface FieldProblem { field: string; message: string }

export function validateDraft(draft: Pick<DraftRow, 'title' | 'imageUrls' | 'price' | 'variants' | 'categoryId' | 'weightGrams' | 'extra'>, platform: Platform): FieldProblem[] {
  const l = LIMITS[platform];
  const out: FieldProblem[] = [];
  const name = platform === 'tiktok' ? 'TikTok Shop' : platform === 'woocommerce' ? 'WooCommerce' : platform[0]!.toUpperCase() + platform.slice(1);
  if (!draft.title.trim()) out.push({ field: 'title', message: 'The title is empty.' });
  else if (draft.title.length > l.titleMax) out.push({ field: 'title', message: `${name} allows at most ${l.titleMax} characters in a title; this one has ${draft.title.length}.` });
  if (draft.imageUrls.length > l.imagesMax) out.push({ field: 'imageUrls', message: `${name} allows at most ${l.imagesMax} images; this listing has ${draft.imageUrls.length}.` });
  // Lazada and TikTok Shop refuse a listing without a main image (the first one).
  if (l.needsImages && !draft.imageUrls.length) out.push({ field: 'imageUrls', message: `${name} needs at least one image; the first is the main image.` });
  // Shopee creates items only from images uploaded to its media space (image ids, not URLs).
  // Uploading is not built yet, so only a Shopee-to-Shopee clone (which carries ids) has them.
  if (platform === 'shopee' && !(Array.isArray(draft.extra?.imageIds) && draft.extra.imageIds.length)) {
    out.push({ field: 'imageUrls', message: 'Shopee needs images uploaded to Shopee; Shelfsync cannot upload images yet, so clone a Shopee listing (its images carry over) or publish this one from Shopee Seller Centre.' });
  }
  if (l.needsCategory && !draft.categoryId) out.push({ field: 'categoryId', message: `${name} needs a category for every listing; choose one.` });
  if (l.needsWeight && !(draft.weightGrams && draft.weightGrams > 0)) out.push({ field: 'weightGrams', message: `${name} needs the package weight.` });
  if (!draft.variants.length) out.push({ field: 'variants', message: 'A listing needs at least one variant.' });
  if (draft.variants.length > l.variantsMax) out.push({ field: 'variants', message: `${name} allows at most ${l.variantsMax} variants per listing; this one has ${draft.variants.length}.` });
  const seen = new Map<string, number>();
  draft.variants.forEach((v, i) => {
    const sku = v.sellerSku.trim();
    if (!sku) out.push({ field: `variants.${i}.sellerSku`, message: 'Every variant needs a seller SKU (Shelfsync connects it by SKU).' });
    else if (seen.has(sku.toLowerCase())) out.push({ field: `variants.${i}.sellerSku`, message: `The SKU "${sku}" is already used by variant ${seen.get(sku.toLowerCase())! + 1} of this listing.` });
    else seen.set(sku.toLowerCase(), i);
    if (!(v.price > 0)) out.push({ field: `variants.${i}.price`, message: 'The price must be more than 0.' });
    if (!Number.isInteger(v.stock) || v.stock < 0) out.push({ field: `variants.${i}.stock`, message: 'The stock must be a whole number of 0 or more.' });
  });
  if (draft.variants.length <= 1 && !(draft.price > 0)) out.push({ field: 'price', message: 'The price must be more than 0.' });
  return out;
}
