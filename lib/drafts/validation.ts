// Validation of a draft against its destination platform, per field, so the edit page can show
// each problem where it is, before release. Every refusal the platforms' create calls give for a
// listing's own content is here (limits.ts says which platform refuses what); what a refusal
// still says at release is mapped back to a field by refusals.ts.
import type { DraftRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import type { Platform } from '../platforms/types';
import { optionTiers } from '../platforms/util';
import { LIMITS, platformName } from './limits';
import type { KnownCatalog } from '../catalog/catalog';
import { catalogProblems, type CatalogDraft } from './catalogChecks';

export interface FieldProblem {
  field: string;
  message: string;
  /** `store`: found from the destination store's listings, which only the background knows. */
  scope?: 'store';
}

/** What the destination store already holds that a draft must not clash with. */
export interface StoreFacts {
  /** Seller SKU key (trimmed, lower-case) → title of the store's listing that uses it. */
  takenSkus?: Map<string, string>;
  /** The destination's catalogue as cached (category tree, the category's rules, channels, warehouses). */
  catalog?: KnownCatalog;
}

export type ValidatedDraft = Pick<DraftRow, 'title' | 'description' | 'imageUrls' | 'price' | 'variants' | 'categoryId' | 'weightGrams' | 'extra'> & Omit<CatalogDraft, 'categoryId' | 'imageUrls'>;

const count = (n: number) => n.toLocaleString('en-US');

export function validateDraft(draft: ValidatedDraft, platform: Platform, facts: StoreFacts = {}): FieldProblem[] {
  const l = LIMITS[platform];
  const out: FieldProblem[] = [];
  const name = platformName(platform);
  if (!draft.title.trim()) out.push({ field: 'title', message: 'The title is empty.' });
  else if (draft.title.length > l.titleMax) out.push({ field: 'title', message: `${name} allows at most ${l.titleMax} characters in a title; this one has ${draft.title.length}.` });
  if (l.needsDescription && !draft.description.trim()) out.push({ field: 'description', message: `${name} needs a description for every listing.` });
  else if (draft.description.length > l.descriptionMax) out.push({ field: 'description', message: `${name} allows at most ${count(l.descriptionMax)} characters in a description; this one has ${count(draft.description.length)}.` });
  if (draft.imageUrls.length > l.imagesMax) out.push({ field: 'imageUrls', message: `${name} allows at most ${l.imagesMax} images; this listing has ${draft.imageUrls.length}.` });
  // Shopee, Lazada and TikTok Shop refuse a listing without a main image (the first one); release
  // puts the images into the platform's own hosting first.
  if (l.needsImages && !draft.imageUrls.length) out.push({ field: 'imageUrls', message: `${name} needs at least one image; the first is the main image.` });
  const category = draft.categoryId?.trim() ?? '';
  if (l.needsCategory && !category) out.push({ field: 'categoryId', message: `${name} needs a category for every listing; choose one.` });
  else if (category && l.categoryDigits && !/^\d+$/.test(category)) out.push({ field: 'categoryId', message: `${name} category ids are numbers (as in its category list); "${category}" is not one.` });
  const catalog = catalogProblems(draft, platform, facts.catalog ?? {});
  // A category the catalogue refuses is told once, in the category's place.
  if (!out.some((p) => p.field === 'categoryId')) out.push(...catalog.filter((p) => p.field === 'categoryId'));
  out.push(...catalog.filter((p) => p.field !== 'categoryId'));
  if (l.needsWeight && !(draft.weightGrams && draft.weightGrams > 0)) out.push({ field: 'weightGrams', message: `${name} needs the package weight (more than 0 g).` });
  if (!draft.variants.length) out.push({ field: 'variants', message: 'A listing needs at least one variant.' });
  if (draft.variants.length > l.variantsMax) out.push({ field: 'variants', message: `${name} allows at most ${l.variantsMax} variants per listing; this one has ${draft.variants.length}.` });
  out.push(...variantProblems(draft, platform, facts));
  out.push(...optionProblems(draft.variants, platform));
  if (draft.variants.length <= 1 && !(draft.price > 0)) out.push({ field: 'price', message: 'The price must be more than 0.' });
  return out;
}

function variantProblems(draft: ValidatedDraft, platform: Platform, facts: StoreFacts): FieldProblem[] {
  const l = LIMITS[platform];
  const name = platformName(platform);
  const out: FieldProblem[] = [];
  const seen = new Map<string, number>();
  draft.variants.forEach((v, i) => {
    const sku = v.sellerSku.trim();
    const key = skuKeyOf(sku);
    const field = `variants.${i}.sellerSku`;
    if (!sku) out.push({ field, message: 'Every variant needs a seller SKU (Shelfsync connects it by SKU).' });
    else if (seen.has(key)) out.push({ field, message: `The SKU "${sku}" is already used by variant ${seen.get(key)! + 1} of this listing.` });
    else if (sku.length > l.skuMax) out.push({ field, message: `${name} allows at most ${l.skuMax} characters in a seller SKU; "${sku}" has ${sku.length}.` });
    else if (l.skuUniqueInShop && facts.takenSkus?.has(key)) {
      out.push({ field, scope: 'store', message: `The SKU "${sku}" is already used by "${facts.takenSkus.get(key)}" in this store, and ${name} needs every seller SKU to be unique in a shop.` });
    }
    if (sku) seen.set(key, seen.get(key) ?? i);
    if (!(v.price > 0)) out.push({ field: `variants.${i}.price`, message: 'The price must be more than 0.' });
    if (!Number.isInteger(v.stock) || v.stock < 0) out.push({ field: `variants.${i}.stock`, message: 'The stock must be a whole number of 0 or more.' });
    else if (v.stock > l.stockMax) out.push({ field: `variants.${i}.stock`, message: `${name} accepts a stock of at most ${count(l.stockMax)}.` });
  });
  return out;
}

/** Options as the adapters send them (optionTiers): names per listing, a value per variant. */
function optionProblems(variants: ValidatedDraft['variants'], platform: Platform): FieldProblem[] {
  const l = LIMITS[platform];
  const name = platformName(platform);
  const named = variants.some((v) => v.options && Object.keys(v.options).length > 0);
  if (!named) return [];
  const out: FieldProblem[] = [];
  const { names, rows } = optionTiers(variants.map((v) => ({ sellerSku: v.sellerSku, options: v.options ?? undefined })));
  if (names.length > l.optionsMax) out.push({ field: 'variants', message: `${name} allows at most ${l.optionsMax} options (such as Color and Size) per listing; this one has ${names.length}.` });
  for (const n of names) {
    if (!n.trim()) out.push({ field: 'variants', message: 'Every option needs a name.' });
    else if (n.length > l.optionNameMax) out.push({ field: 'variants', message: `${name} allows at most ${l.optionNameMax} characters in an option name; "${n}" has ${n.length}.` });
  }
  const combos = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const n of names) {
      const value = variants[i]!.options?.[n];
      // A missing value is sent as "-"; an emptied one is sent empty, which platforms refuse.
      if (value !== undefined && !value.trim()) out.push({ field: `variants.${i}.options.${n}`, message: `Variant ${i + 1} needs a value for ${n}.` });
      else if (value !== undefined && value.length > l.optionValueMax) out.push({ field: `variants.${i}.options.${n}`, message: `${name} allows at most ${l.optionValueMax} characters in an option value.` });
    }
    if (variants.length < 2) return;
    const combo = names.map((n) => (row[n] ?? '').trim().toLowerCase()).join('\u0000');
    const first = combos.get(combo);
    if (first !== undefined) out.push({ field: `variants.${i}.options`, message: `Variant ${i + 1} has the same options as variant ${first + 1}; each variant needs its own combination.` });
    else combos.set(combo, i);
  });
  return out;
}
