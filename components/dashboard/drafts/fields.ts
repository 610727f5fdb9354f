// From what the seller typed to what `drafts.update` accepts: trimmed where the background trims,
// empty numbers as 0, image rows that are not web addresses held back (and said so) instead of
// refusing the whole save. Also the local validation the edit page shows while typing: the same
// rules the background answers with every read (lib/drafts/validation.ts).
import { validateDraft } from '@/lib/drafts/validation';
import { t } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import type { DraftFields, DraftProblem, DraftView } from './types';

export const TITLE_HARD_MAX = 1000;

export interface DraftPatch {
  title: string;
  description: string;
  imageUrls?: string[];
  price: number;
  categoryId: string | null;
  brand: string | null;
  weightGrams: number | null;
  variants: { sellerSku: string; price: number; stock: number; options: Record<string, string> | null; productId: number | null }[];
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
    })),
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
  if (key !== 'variants' || !Array.isArray(value)) return value;
  return (value as DraftPatch['variants']).map((v) => ({ sellerSku: v.sellerSku, price: v.price, stock: v.stock, options: v.options ?? null, productId: v.productId ?? null }));
}

/** Every problem to fix before release, for the values on screen. */
export function problemsOf(values: DraftFields, draft: Pick<DraftView, 'extra' | 'platform'>): DraftProblem[] {
  const { patch, held } = patchOf(values);
  const found = validateDraft({ ...patch, imageUrls: patch.imageUrls ?? values.imageUrls, extra: draft.extra }, draft.platform as Platform);
  return [...held, ...found.filter((p) => !held.some((h) => h.field === p.field))];
}

/** The problems of one field (`title`, `variants.2.sellerSku`, …). */
export function problemsFor(problems: DraftProblem[], field: string): DraftProblem[] {
  return problems.filter((p) => p.field === field);
}
