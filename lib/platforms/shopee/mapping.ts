// Shopee JSON ↔ normalised items (shopee.md § Listing items, § Creating an item).

import { NO_BRAND_ID, type ItemStatus, type NewListing, type PlatformItem, type PlatformVariant } from '../types.ts';
import { arr, epochMs, int, num, obj, optionTiers, statusFrom, str } from '../util.ts';

export const SHOPEE_ALL_STATUSES = ['NORMAL', 'BANNED', 'UNLIST', 'REVIEWING', 'SELLER_DELETE', 'SHOPEE_DELETE'] as const;

const STATUS: Record<string, ItemStatus> = {
  NORMAL: 'active',
  UNLIST: 'inactive',
  BANNED: 'rejected',
  REVIEWING: 'pending',
  SELLER_DELETE: 'deleted',
  SHOPEE_DELETE: 'deleted',
};

/** Original (list) price: what add_item/update_price set; current_price includes promotions. */
function price(priceInfo: unknown): number | null {
  const p = obj(arr(priceInfo)[0]);
  return num(p.original_price) ?? num(p.current_price);
}

/** Seller stock summed over locations (what update_stock sets); Shopee's own warehouse stock is read-only. */
function stockAndLocations(stockInfo: unknown): { stock: number; locationIds: string[] } {
  const info = obj(stockInfo);
  const seller = arr(info.seller_stock).map(obj);
  if (seller.length > 0) {
    return {
      stock: seller.reduce((s, e) => s + int(e.stock), 0),
      locationIds: seller.map((e) => str(e.location_id)).filter((l) => l !== ''),
    };
  }
  return { stock: int(obj(info.summary_info).total_available_stock), locationIds: [] };
}

/** `ref.locationIds`: the seller warehouses update_stock must name (empty when the shop has none). */
function ref(locationIds: string[]): Record<string, unknown> {
  return { locationIds };
}

/** One item from get_item_base_info, plus its get_model_list answer when it has models. */
export function mapShopeeItem(base: unknown, models?: unknown): PlatformItem {
  const b = obj(base);
  const itemId = str(b.item_id);
  let variants: PlatformVariant[];
  if (b.has_model === true && models !== undefined) {
    variants = mapShopeeModels(models);
  } else {
    const s = stockAndLocations(b.stock_info_v2);
    variants = [{ platformVariantId: '0', sellerSku: str(b.item_sku), price: price(b.price_info), stock: s.stock, ref: ref(s.locationIds) }];
  }
  return {
    platformItemId: itemId,
    title: str(b.item_name),
    status: statusFrom(STATUS, b.item_status),
    description: typeof b.description === 'string' ? b.description : undefined,
    imageUrls: arr(obj(b.image).image_url_list).map(str).filter(Boolean),
    updatedAt: epochMs(b.update_time),
    variants,
    // Image ids: Shopee creates items only from images already in its media space, so a
    // Shopee-to-Shopee clone reuses them.
    extra: compact({
      categoryId: b.category_id, itemSku: b.item_sku || undefined, weight: b.weight, imageIds: arr(obj(b.image).image_id_list).map(str).filter(Boolean),
      // What a Shopee-to-Shopee copy carries over (a new listing needs them again).
      ...catalogExtra(b),
    }),
  };
}

/** Brand, attributes and logistics channels of an item, as a copy's draft takes them. */
function catalogExtra(b: Record<string, unknown>): Record<string, unknown> {
  const brand = obj(b.brand);
  const attributes = arr(b.attribute_list).map(obj).map((a) => ({
    id: str(a.attribute_id),
    value: arr(a.attribute_value_list).map((v) => str(obj(v).original_value_name) || str(obj(v).display_value_name)).filter(Boolean).join(', '),
  })).filter((a) => a.value);
  const channels = arr(b.logistic_info).map(obj).filter((l) => l.enabled === true).map((l) => str(l.logistic_id));
  return {
    brandId: b.brand === undefined ? undefined : str(brand.brand_id),
    brand: str(brand.original_brand_name) || undefined,
    attributes: attributes.length ? attributes : undefined,
    logisticsChannelIds: channels.length ? channels : undefined,
  };
}

export function mapShopeeModels(modelListResponse: unknown): PlatformVariant[] {
  const r = obj(modelListResponse);
  const tiers = arr(r.tier_variation).map(obj);
  return arr(r.model).map((raw) => {
    const m = obj(raw);
    const s = stockAndLocations(m.stock_info_v2);
    const options: Record<string, string> = {};
    arr(m.tier_index).forEach((idx, tier) => {
      const t = tiers[tier];
      const option = t ? obj(arr(t.option_list)[int(idx)]).option : undefined;
      if (t && option !== undefined) options[str(t.name)] = str(option);
    });
    const v: PlatformVariant = {
      platformVariantId: str(m.model_id),
      sellerSku: str(m.model_sku),
      price: price(m.price_info),
      stock: s.stock,
      ref: ref(s.locationIds),
    };
    if (Object.keys(options).length > 0) v.options = options;
    return v;
  });
}

/** `seller_stock` for one model: all of the quantity at the first known location. Splitting an
 *  absolute total across several warehouses has no right answer; the others are set to 0 so
 *  the sellable total equals the pushed number. No location → the shop has no warehouses. */
export function shopeeSellerStock(quantity: number, locationIds: readonly string[]): Record<string, unknown>[] {
  if (locationIds.length === 0) return [{ stock: quantity }];
  return locationIds.map((location_id, i) => ({ location_id, stock: i === 0 ? quantity : 0 }));
}

export function locationIdsOf(refv: Record<string, unknown> | undefined): string[] {
  return arr(refv?.locationIds).map(str).filter(Boolean);
}

/** add_item body. Shopee takes only image ids of its media space: `images` (uploaded by
 *  `hostImage`), else `extra.imageIds` (a Shopee-to-Shopee copy). Weight is in kg. */
export function shopeeAddItemBody(l: NewListing): Record<string, unknown> {
  const single = l.variants.length === 1 ? l.variants[0] : undefined;
  const extra = l.extra ?? {};
  const imageIds = l.images?.length ? l.images.map((i) => i.ref) : arr(extra.imageIds).map(str);
  return compact({
    item_name: l.title,
    description: l.description,
    // A tiered item's price is its models'; add_item still wants one above 0.
    original_price: single?.price ?? (l.price > 0 ? l.price : Math.min(...l.variants.map((v) => v.price))),
    weight: (l.weightGrams ?? 0) / 1000,
    category_id: l.categoryId !== undefined ? Number(l.categoryId) : undefined,
    image: { image_id_list: imageIds },
    // The first variant's SKU also on a multi-model item so search_item finds a half-done create.
    item_sku: l.variants[0]?.sellerSku,
    seller_stock: [{ stock: single?.stock ?? 0 }],
    item_status: 'NORMAL',
    logistic_info: l.logisticsChannelIds ? l.logisticsChannelIds.map((id) => ({ logistic_id: Number(id), enabled: true })) : arr(extra.logisticInfo),
    brand: l.brandId !== undefined ? { brand_id: Number(l.brandId), original_brand_name: l.brandId === NO_BRAND_ID ? 'NoBrand' : (l.brand ?? '') } : l.brand ? { brand_id: 0, original_brand_name: l.brand } : undefined,
    attribute_list: l.attributes?.length ? l.attributes.map((a) => ({
      attribute_id: Number(a.id),
      // A listed value by its id; a typed one (text, number, a combo box's own value) by name with id 0.
      attribute_value_list: a.values.map((v) => (v.id ? { value_id: Number(v.id) } : { value_id: 0, original_value_name: v.name })),
    })) : undefined,
  });
}

/** init_tier_variation body for a multi-variant listing. */
export function shopeeTierVariationBody(itemId: string, l: NewListing): Record<string, unknown> {
  const { names, values, rows } = optionTiers(l.variants);
  return {
    item_id: Number(itemId),
    tier_variation: names.map((name, i) => ({ name, option_list: (values[i] ?? []).map((option) => ({ option })) })),
    model: l.variants.map((v, vi) => ({
      tier_index: names.map((n, i) => (values[i] ?? []).indexOf(rows[vi]?.[n] ?? '')),
      original_price: v.price,
      model_sku: v.sellerSku,
      seller_stock: [{ stock: v.stock }],
    })),
  };
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
