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
import { t, uiLocale } from '../i18n';

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

// Grouped as the seller reads numbers (1,000 / 1.000).
const count = (n: number) => n.toLocaleString(uiLocale());

export function validateDraft(draft: ValidatedDraft, platform: Platform, facts: StoreFacts = {}): FieldProblem[] {
  const l = LIMITS[platform];
  const out: FieldProblem[] = [];
  const name = platformName(platform);
  if (!draft.title.trim()) out.push({ field: 'title', message: t('err_draftv_titleEmpty') });
  else if (draft.title.length > l.titleMax) out.push({ field: 'title', message: t('err_draftv_titleMax', name, l.titleMax, draft.title.length) });
  if (l.needsDescription && !draft.description.trim()) out.push({ field: 'description', message: t('err_draftv_needsDescription', name) });
  else if (draft.description.length > l.descriptionMax) out.push({ field: 'description', message: t('err_draftv_descriptionMax', name, count(l.descriptionMax), count(draft.description.length)) });
  if (draft.imageUrls.length > l.imagesMax) out.push({ field: 'imageUrls', message: t('err_draftv_imagesMax', name, l.imagesMax, draft.imageUrls.length) });
  // Shopee, Lazada and TikTok Shop refuse a listing without a main image (the first one); release
  // puts the images into the platform's own hosting first.
  if (l.needsImages && !draft.imageUrls.length) out.push({ field: 'imageUrls', message: t('err_draftv_needsImage', name) });
  const category = draft.categoryId?.trim() ?? '';
  if (l.needsCategory && !category) out.push({ field: 'categoryId', message: t('err_draftv_needsCategory', name) });
  else if (category && l.categoryDigits && !/^\d+$/.test(category)) out.push({ field: 'categoryId', message: t('err_draftv_categoryDigits', name, category) });
  const catalog = catalogProblems(draft, platform, facts.catalog ?? {});
  // A category the catalogue refuses is told once, in the category's place.
  if (!out.some((p) => p.field === 'categoryId')) out.push(...catalog.filter((p) => p.field === 'categoryId'));
  out.push(...catalog.filter((p) => p.field !== 'categoryId'));
  if (l.needsWeight && !(draft.weightGrams && draft.weightGrams > 0)) out.push({ field: 'weightGrams', message: t('err_draftv_needsWeight', name) });
  if (!draft.variants.length) out.push({ field: 'variants', message: t('err_draftv_needsVariant') });
  if (draft.variants.length > l.variantsMax) out.push({ field: 'variants', message: t('err_draftv_variantsMax', name, l.variantsMax, draft.variants.length) });
  out.push(...variantProblems(draft, platform, facts));
  out.push(...optionProblems(draft.variants, platform));
  if (draft.variants.length <= 1 && !(draft.price > 0)) out.push({ field: 'price', message: t('err_draftv_priceMin') });
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
    if (!sku) out.push({ field, message: t('err_draftv_needsSku') });
    else if (seen.has(key)) out.push({ field, message: t('err_draftv_skuRepeated', sku, seen.get(key)! + 1) });
    else if (sku.length > l.skuMax) out.push({ field, message: t('err_draftv_skuMax', name, l.skuMax, sku, sku.length) });
    else if (l.skuUniqueInShop && facts.takenSkus?.has(key)) {
      out.push({ field, scope: 'store', message: t('err_draftv_skuTakenInStore', sku, facts.takenSkus.get(key) ?? '', name) });
    }
    if (sku) seen.set(key, seen.get(key) ?? i);
    if (!(v.price > 0)) out.push({ field: `variants.${i}.price`, message: t('err_draftv_priceMin') });
    if (!Number.isInteger(v.stock) || v.stock < 0) out.push({ field: `variants.${i}.stock`, message: t('err_draftv_stockWhole') });
    else if (v.stock > l.stockMax) out.push({ field: `variants.${i}.stock`, message: t('err_draftv_stockMax', name, count(l.stockMax)) });
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
  if (names.length > l.optionsMax) out.push({ field: 'variants', message: t('err_draftv_optionsMax', name, l.optionsMax, names.length) });
  for (const n of names) {
    if (!n.trim()) out.push({ field: 'variants', message: t('err_draftv_optionName') });
    else if (n.length > l.optionNameMax) out.push({ field: 'variants', message: t('err_draftv_optionNameMax', name, l.optionNameMax, n, n.length) });
  }
  const combos = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const n of names) {
      const value = variants[i]!.options?.[n];
      // A missing value is sent as "-"; an emptied one is sent empty, which platforms refuse.
      if (value !== undefined && !value.trim()) out.push({ field: `variants.${i}.options.${n}`, message: t('err_draftv_optionValueEmpty', i + 1, n) });
      else if (value !== undefined && value.length > l.optionValueMax) out.push({ field: `variants.${i}.options.${n}`, message: t('err_draftv_optionValueMax', name, l.optionValueMax) });
    }
    if (variants.length < 2) return;
    const combo = names.map((n) => (row[n] ?? '').trim().toLowerCase()).join('\u0000');
    const first = combos.get(combo);
    if (first !== undefined) out.push({ field: `variants.${i}.options`, message: t('err_draftv_sameOptions', i + 1, first + 1) });
    else combos.set(combo, i);
  });
  return out;
}
