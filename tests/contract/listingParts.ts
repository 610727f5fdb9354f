// What a marketplace needs of a new listing, filled from its own catalogue through the adapter: a
// leaf category by name, its mandatory attributes (first option, else a number or a text), the
// first brand, Shopee's enabled channels, TikTok's sales warehouse. For contract tests.
import type { NewListing, PlatformAdapter } from '../../lib/platforms/types.ts';

export async function catalogParts(adapter: PlatformAdapter, leafName: string): Promise<Partial<NewListing>> {
  if (!adapter.listCategories) return {};
  const leaf = (await adapter.listCategories()).find((c) => c.leaf && c.name === leafName);
  if (!leaf) throw new Error(`no leaf category ${leafName} on ${adapter.platform}`);
  const rules = await adapter.categoryRules!(leaf.id);
  const [brand] = await adapter.listBrands!(leaf.id);
  return {
    categoryId: leaf.id,
    attributes: rules.attributes.filter((a) => a.required).map((a) => ({ id: a.id, level: a.level, values: [a.options[0] ?? { name: a.inputType === 'number' ? '12' : 'Text' }] })),
    brandId: brand!.id,
    brand: brand!.name,
    ...(adapter.listLogisticsChannels ? { logisticsChannelIds: (await adapter.listLogisticsChannels()).filter((c) => c.enabled).map((c) => c.id) } : {}),
    ...(adapter.listWarehouses ? { warehouseId: (await adapter.listWarehouses()).find((w) => w.kind === 'sales')!.id } : {}),
  };
}
