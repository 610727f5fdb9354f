// What a marketplace asks of a new listing besides its own content, checked against the store's
// catalogue as cached (lib/catalog): a leaf category, its required attributes with values it
// takes, a brand where the category needs one, a Shopee logistics channel the shop has enabled,
// a TikTok sales warehouse, and images the platform could use. Each problem names its part
// (`categoryId`, `attributes.<id>`, `brand`, `logistics`, `warehouse`, `images`), so a release is
// refused before any platform call and the edit page shows it where it is.
import type { KnownCatalog } from '../catalog/catalog';
import type { DraftAttribute, DraftRow } from '../db/types';
import { t } from '../i18n';
import { NO_BRAND_ID, type CatalogAttribute, type Platform } from '../platforms/types';
import { platformName } from './limits';
import type { FieldProblem } from './validation';

export type CatalogDraft = Pick<DraftRow, 'categoryId' | 'imageUrls'> & Partial<Pick<DraftRow, 'attributes' | 'brandId' | 'brand' | 'logisticsChannelIds' | 'warehouseId' | 'imageProblem'>>;

export const MARKETPLACES: ReadonlySet<Platform> = new Set(['shopee', 'lazada', 'tiktok']);

/** A value as a list of non-empty strings. */
export function valuesOf(a: DraftAttribute | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a.value) ? a.value : [a.value]).map((v) => v.trim()).filter(Boolean);
}

/** The option a value names (by id, or by name without case), if any. */
export function optionFor(def: CatalogAttribute, value: string): { id?: string; name: string } | undefined {
  const v = value.trim().toLowerCase();
  return def.options.find((o) => (o.id !== undefined && o.id === value.trim()) || o.name.toLowerCase() === v);
}

function attributeProblem(def: CatalogAttribute, values: string[], name: string, category: string): string | null {
  if (!values.length) return def.required ? t('err_cat_attrRequired', name, def.name, category) : null;
  if (values.length > 1 && def.inputType !== 'multiselect') return t('err_cat_attrOneValue', def.name);
  for (const v of values) {
    if (def.inputType === 'number' && !(/^\d+(\.\d+)?$/.test(v) && Number(v) > 0)) return t('err_cat_attrNumber', def.name, v);
    if (def.options.length && !def.custom && !optionFor(def, v)) return t('err_cat_attrNotListed', v, name, def.name);
  }
  return null;
}

export function catalogProblems(draft: CatalogDraft, platform: Platform, known: KnownCatalog): FieldProblem[] {
  if (!MARKETPLACES.has(platform)) return [];
  const name = platformName(platform);
  const out: FieldProblem[] = [];
  const categoryId = draft.categoryId?.trim() ?? '';
  const node = categoryId ? known.tree?.byId.get(categoryId) : undefined;
  if (categoryId && known.tree && !node) out.push({ field: 'categoryId', message: t('err_cat_noCategory', name, categoryId) });
  else if (node && !node.leaf) out.push({ field: 'categoryId', message: t('err_cat_notLeaf', node.path.join(' > '), name) });
  const rules = node?.leaf ? known.rules : undefined;
  if (rules) {
    const given = new Map((draft.attributes ?? []).map((a) => [a.id, a]));
    for (const def of rules.attributes) {
      const problem = attributeProblem(def, valuesOf(given.get(def.id)), name, `"${node!.name}"`);
      if (problem) out.push({ field: `attributes.${def.id}`, message: problem });
    }
    const hasBrand = !!draft.brandId || (platform === 'lazada' && !!draft.brand?.trim());
    if (rules.brand.required && !hasBrand) out.push({ field: 'brand', message: t(rules.brand.noBrandAllowed ? 'err_cat_brandRequiredOrNone' : 'err_cat_brandRequired', name, node!.name) });
    else if (draft.brandId === NO_BRAND_ID && !rules.brand.noBrandAllowed) out.push({ field: 'brand', message: t('err_cat_noBrandRefused', name, node!.name) });
  }
  if (platform === 'shopee') {
    const chosen = draft.logisticsChannelIds ?? [];
    const off = known.channels ? chosen.filter((id) => !known.channels!.some((c) => c.id === id && c.enabled)) : [];
    if (!chosen.length) out.push({ field: 'logistics', message: t('err_cat_logisticsNone') });
    else if (off.length) {
      const names = off.map((id) => known.channels!.find((c) => c.id === id)?.name ?? id);
      out.push({ field: 'logistics', message: t(names.length > 1 ? 'err_cat_logisticsOff_other' : 'err_cat_logisticsOff_one', names.join(', ')) });
    }
  }
  if (platform === 'tiktok') {
    const w = draft.warehouseId ? known.warehouses?.find((x) => x.id === draft.warehouseId) : undefined;
    if (!draft.warehouseId) out.push({ field: 'warehouse', message: t('err_cat_warehouseNone') });
    else if (known.warehouses && !w) out.push({ field: 'warehouse', message: t('err_cat_warehouseGone') });
    else if (w && w.kind !== 'sales') out.push({ field: 'warehouse', message: t('err_cat_warehouseReturn', w.name) });
  }
  const p = draft.imageProblem;
  if (p && draft.imageUrls.includes(p.sourceUrl)) out.push({ field: 'images', message: t('err_cat_image', draft.imageUrls.indexOf(p.sourceUrl) + 1, p.message) });
  return out;
}
