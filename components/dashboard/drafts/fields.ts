// From what the seller typed to what `drafts.update` accepts: trimmed where the background trims,
// empty numbers as 0, image rows that are not web addresses held back (and said so) instead of
// refusing the whole save. Also the local validation the edit page shows while typing: the same
// rules the background answers with every read (lib/drafts/validation.ts).
import { fieldValue } from '@/lib/drafts/refusals';
import { validateDraft } from '@/lib/drafts/validation';
import { t } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import type { KnownCatalog } from '@/lib/catalog/catalog';
import type { DraftAttribute, DraftFields, DraftProblem, DraftStockSource, DraftView } from './types';

export const TITLE_HARD_MAX = 1000;

export interface DraftPatch {
  title: string;
  description: string;
  imageUrls?: string[];
  price: number;
  categoryId: string | null;
  brand: string | null;
  weightGrams: number | null;
  variants: { sellerSku: string; price: number; stock: number; options: Record<string, string> | null; productId: number | null; stockSource: DraftStockSource | null }[];
  attributes?: DraftAttribute[];
  brandId?: string | null;
  logisticsChannelIds?: string[];
  warehouseId?: string | null;
}

/** Attributes as drafts.update takes them: trimmed, the empty ones left out. */
export function attributesOf(list: DraftAttribute[]): DraftAttribute[] {
  return list.flatMap((a) => {
    const value = Array.isArray(a.value) ? a.value.map((v) => v.trim()).filter(Boolean) : a.value.trim();
    return value.length ? [{ id: a.id, value }] : [];
  });
}

export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return !!new URL(text).host;
  } catch {
    return false;
  }
}

/** The save to send, and what could not be sent yet (shown as "Not saved: …"). */
export function patchOf(v: DraftFields): { patch: DraftPatch; held: DraftProblem[] } {
  const held: DraftProblem[] = [];
  const patch: DraftPatch = {
    title: v.title.length > TITLE_HARD_MAX ? v.title.slice(0, TITLE_HARD_MAX) : v.title,
    description: v.description,
    price: v.price ?? 0,
    categoryId: v.categoryId?.trim() || null,
    brand: v.brand?.trim() || null,
    weightGrams: v.weightGrams === null ? null : Math.max(0, Math.round(v.weightGrams)),
    variants: v.variants.map((x) => ({
      sellerSku: x.sellerSku.trim(),
      price: x.price ?? 0,
      stock: Math.max(0, Math.round(x.stock ?? 0)),
      options: x.options,
      productId: x.productId,
      stockSource: x.stockSource ?? null,
    })),
    ...(v.attributes ? { attributes: attributesOf(v.attributes) } : {}),
    ...(v.brandId !== undefined ? { brandId: v.brandId } : {}),
    ...(v.logisticsChannelIds ? { logisticsChannelIds: v.logisticsChannelIds } : {}),
    ...(v.warehouseId !== undefined ? { warehouseId: v.warehouseId } : {}),
  };
  if (v.title.length > TITLE_HARD_MAX) held.push({ field: 'title', message: t('draft_titleTooLong', TITLE_HARD_MAX) });
  const urls = v.imageUrls.map((u) => u.trim()).filter(Boolean);
  const bad = urls.findIndex((u) => !isWebAddress(u));
  if (bad >= 0) held.push({ field: 'imageUrls', message: t('draft_badImageUrl', bad + 1) });
  else patch.imageUrls = urls;
  return { patch, held };
}

/** Whether the draft as saved already holds everything this patch would send. */
export function savedHolds(saved: Pick<DraftView, keyof DraftPatch>, patch: DraftPatch): boolean {
  return (Object.keys(patch) as (keyof DraftPatch)[]).every((k) => JSON.stringify(norm(k, saved[k])) === JSON.stringify(norm(k, patch[k])));
}

function norm(key: keyof DraftPatch, value: unknown): unknown {
  // A draft made before these fields existed holds none: the same as empty.
  if (key === 'attributes' || key === 'logisticsChannelIds') return value ?? [];
  if (key === 'brandId' || key === 'warehouseId') return value ?? null;
  if (key !== 'variants' || !Array.isArray(value)) return value;
  return (value as DraftPatch['variants']).map((v) => ({ sellerSku: v.sellerSku, price: v.price, stock: v.stock, options: v.options ?? null, productId: v.productId ?? null, stockSource: v.stockSource ?? null }));
}

/** Whether two values of one field are the same as the seller sees them (SKUs trimmed, any case). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v ?? null);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Every problem to fix before release, for the values on screen: the platform's rules checked
 * here as the seller types, and what only the background knows (a SKU another listing of the
 * store uses) from its last answer, while the field still holds what it answered about.
 */
export function problemsOf(values: DraftFields, draft: Pick<DraftView, 'extra' | 'platform' | 'validation' | 'variants'> & Partial<Pick<DraftView, 'imageUrls' | 'imageProblem' | 'categoryId' | 'attributes' | 'brandId' | 'brand' | 'logisticsChannelIds' | 'warehouseId'>>, catalog?: KnownCatalog): DraftProblem[] {
  const { patch, held } = patchOf(values);
  const found = validateDraft({ ...patch, imageUrls: patch.imageUrls ?? values.imageUrls, extra: draft.extra, imageProblem: draft.imageProblem }, draft.platform as Platform, { catalog });
  const fromStore = draft.validation.filter((p) => p.scope === 'store' && sameValue(fieldValue(values, p.field), fieldValue(draft, p.field)));
  const fromCatalog = catalogFromBackground(values, draft, catalog).filter((p) => !found.some((f) => f.field === p.field));
  return [...held, ...[...found, ...fromStore, ...fromCatalog].filter((p) => !held.some((h) => h.field === p.field))];
}

/**
 * What the background found against the parts of the catalogue this page has not read (yet): a
 * category it does not know or that has subcategories, attributes and brand before the
 * category's rules are read here — while the values on screen are the ones it checked.
 */
function catalogFromBackground(values: DraftFields, draft: Partial<Pick<DraftView, 'categoryId' | 'attributes' | 'brandId' | 'brand' | 'logisticsChannelIds' | 'warehouseId'>> & Pick<DraftView, 'validation'>, catalog: KnownCatalog | undefined): DraftProblem[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(values.categoryId?.trim() || null, draft.categoryId ?? null)) return [];
  return draft.validation.filter((p) => {
    if (p.field === 'categoryId') return !catalog?.tree;
    if (p.field === 'brand') return !catalog?.rules && same(values.brandId, draft.brandId) && same(values.brand, draft.brand);
    if (p.field.startsWith('attributes.')) return !catalog?.rules && same(values.attributes ?? [], draft.attributes ?? []);
    if (p.field === 'logistics') return !catalog?.channels && same(values.logisticsChannelIds ?? [], draft.logisticsChannelIds ?? []);
    if (p.field === 'warehouse') return !catalog?.warehouses && same(values.warehouseId, draft.warehouseId);
    return false;
  });
}

/**
 * The last release's refusal, on the field it concerns, while that field still holds the value
 * the platform refused (a whole-list field, `variants`, until the next release).
 */
export function refusalOn(draft: Pick<DraftView, 'status' | 'failure'>, values: DraftFields): DraftProblem[] {
  const f = draft.status === 'failed' ? draft.failure : null;
  if (!f?.field) return [];
  const still = f.field === 'variants' || f.fieldValue === undefined || sameValue(fieldValue(values, f.field), f.fieldValue);
  return still ? [{ field: f.field, message: f.message }] : [];
}

/** The problems of one field (`title`, `variants.2.sellerSku`, …). */
export function problemsFor(problems: DraftProblem[], field: string): DraftProblem[] {
  return problems.filter((p) => p.field === field);
}
