// What a marketplace asks of a new listing besides its own content, checked against the store's
// catalogue as cached (lib/catalog): a leaf category, its required attributes with values it
// takes, a brand where the category needs one, a Shopee logistics channel the shop has enabled,
// a TikTok sales warehouse, and images the platform could use. Each problem names its part
// (`categoryId`, `attributes.<id>`, `brand`, `logistics`, `warehouse`, `images`), so a release is
// refused before any platform call and the edit page shows it where it is.
import type { KnownCatalog } from '../catalog/catalog';
import type { DraftAttribute, DraftRow } from '../db/types';
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
  if (!values.length) return def.required ? `${name} needs "${def.name}" for listings in ${category}.` : null;
  if (values.length > 1 && def.inputType !== 'multiselect') return `"${def.name}" takes one value.`;
  for (const v of values) {
    if (def.inputType === 'number' && !(/^\d+(\.\d+)?$/.test(v) && Number(v) > 0)) return `"${def.name}" takes a number more than 0; "${v}" is not one.`;
    if (def.options.length && !def.custom && !optionFor(def, v)) return `"${v}" is not one of the values ${name} lists for "${def.name}".`;
  }
  return null;
}

export function catalogProblems(draft: CatalogDraft, platform: Platform, known: KnownCatalog): FieldProblem[] {
  if (!MARKETPLACES.has(platform)) return [];
  const name = platformName(platform);
  const out: FieldProblem[] = [];
  const categoryId = draft.categoryId?.trim() ?? '';
  const node = categoryId ? known.tree?.byId.get(categoryId) : undefined;
  if (categoryId && known.tree && !node) out.push({ field: 'categoryId', message: `${name} has no category ${categoryId}; choose one from its category list.` });
  else if (node && !node.leaf) out.push({ field: 'categoryId', message: `"${node.path.join(' > ')}" has subcategories; ${name} lists products only in a category without any. Choose one of its subcategories.` });
  const rules = node?.leaf ? known.rules : undefined;
  if (rules) {
    const given = new Map((draft.attributes ?? []).map((a) => [a.id, a]));
    for (const def of rules.attributes) {
      const problem = attributeProblem(def, valuesOf(given.get(def.id)), name, `"${node!.name}"`);
      if (problem) out.push({ field: `attributes.${def.id}`, message: problem });
    }
    const hasBrand = !!draft.brandId || (platform === 'lazada' && !!draft.brand?.trim());
    if (rules.brand.required && !hasBrand) out.push({ field: 'brand', message: `${name} needs a brand for listings in "${node!.name}"; choose one${rules.brand.noBrandAllowed ? ', or No brand' : ''}.` });
    else if (draft.brandId === NO_BRAND_ID && !rules.brand.noBrandAllowed) out.push({ field: 'brand', message: `${name} does not take "No brand" in "${node!.name}"; choose the product's brand.` });
  }
  if (platform === 'shopee') {
    const chosen = draft.logisticsChannelIds ?? [];
    const off = known.channels ? chosen.filter((id) => !known.channels!.some((c) => c.id === id && c.enabled)) : [];
    if (!chosen.length) out.push({ field: 'logistics', message: 'Shopee needs at least one logistics channel the shop has enabled; choose how this listing ships.' });
    else if (off.length) {
      const names = off.map((id) => known.channels!.find((c) => c.id === id)?.name ?? id);
      out.push({ field: 'logistics', message: `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not enabled in this Shopee shop; enable it in Shopee Seller Centre or choose another channel.` });
    }
  }
  if (platform === 'tiktok') {
    const w = draft.warehouseId ? known.warehouses?.find((x) => x.id === draft.warehouseId) : undefined;
    if (!draft.warehouseId) out.push({ field: 'warehouse', message: 'TikTok Shop needs the sales warehouse that holds this listing\'s stock; choose one.' });
    else if (known.warehouses && !w) out.push({ field: 'warehouse', message: 'The chosen warehouse is no longer in this TikTok shop; choose another.' });
    else if (w && w.kind !== 'sales') out.push({ field: 'warehouse', message: `"${w.name}" is a return warehouse; TikTok Shop keeps a listing's stock in a sales warehouse.` });
  }
  const p = draft.imageProblem;
  if (p && draft.imageUrls.includes(p.sourceUrl)) out.push({ field: 'images', message: `Image ${draft.imageUrls.indexOf(p.sourceUrl) + 1}: ${p.message} Replace or remove it, then release again.` });
  return out;
}
