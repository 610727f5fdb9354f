// For the simulator's own tests: the catalogue parts of a create call every platform accepts for a
// leaf category (mandatory attributes with their first option, a brand, an enabled channel).
import { type CatalogPlatform, SHOPEE_CHANNELS, attrNumber, brandNumber, brandsOf, findLeaf, leafAttributes, optionNumber } from './catalog.ts';
import { LAZADA_NAME } from './platforms/lazada-catalog.ts';

export const MUGS = (p: CatalogPlatform) => findLeaf(p, 'Kitchen', 'Mugs');

/** category_id, attribute_list, brand and logistic_info for Shopee add_item. */
export function shopeeParts(leafWords = ['Kitchen', 'Mugs']): Record<string, unknown> {
  const c = findLeaf('shopee', ...leafWords);
  return {
    category_id: Number(c.id),
    attribute_list: leafAttributes(c).filter((a) => a.required).map((a) => ({
      attribute_id: Number(attrNumber('shopee', a.key)),
      attribute_value_list: a.options.length ? [{ value_id: Number(optionNumber('shopee', a.key, 0)) }] : [{ value_id: 0, original_value_name: a.input === 'number' ? '2' : 'Text' }],
    })),
    brand: { brand_id: 0, original_brand_name: 'NoBrand' },
    logistic_info: [{ logistic_id: SHOPEE_CHANNELS[0]!.id, enabled: true }],
  };
}

/** PrimaryCategory, the Attributes' mandatory entries and a SKU's package size for Lazada. */
export function lazadaParts(leafWords = ['Kitchen', 'Mugs']): { PrimaryCategory: string; attributes: Record<string, string>; sku: Record<string, number> } {
  const c = findLeaf('lazada', ...leafWords);
  const attributes: Record<string, string> = { brand: 'No Brand' };
  for (const a of leafAttributes(c).filter((x) => x.required)) attributes[LAZADA_NAME[a.key]!] = a.options[0] ?? (a.input === 'number' ? '2' : 'Text');
  return { PrimaryCategory: c.id, attributes, sku: { package_weight: 0.5, package_length: 10, package_width: 10, package_height: 10 } };
}

/** category_id and product_attributes for TikTok Create Product. */
export function tiktokParts(leafWords = ['Kitchen', 'Mugs']): Record<string, unknown> {
  const c = findLeaf('tiktok', ...leafWords);
  return {
    category_id: c.id,
    product_attributes: leafAttributes(c).filter((a) => a.required).map((a) => ({
      id: attrNumber('tiktok', a.key),
      values: a.options.length ? [{ id: optionNumber('tiktok', a.key, 0) }] : [{ name: a.input === 'number' ? '2' : 'Text' }],
    })),
    brand_id: brandNumber('tiktok', brandsOf(c)[0]!.index),
  };
}
