// TikTok JSON ↔ normalised items (tiktok.md § Listing products, § Stock, § Creating).

import { NO_BRAND_ID, type ItemStatus, type NewListing, type PlatformItem, type PlatformVariant, type StockUpdate } from '../types.ts';
import { arr, epochMs, int, num, obj, optionTiers, statusFrom, str } from '../util.ts';

const STATUS: Record<string, ItemStatus> = {
  ACTIVATE: 'active',
  SELLER_DEACTIVATED: 'inactive',
  PLATFORM_DEACTIVATED: 'rejected',
  FREEZE: 'inactive',
  DRAFT: 'inactive',
  PENDING: 'pending',
  FAILED: 'rejected',
  DELETED: 'deleted',
};

/** A product from products/search (skus with inventory) or from the detail call. */
export function mapTiktokProduct(raw: unknown): PlatformItem {
  const p = obj(raw);
  const images = arr(p.main_images).flatMap((i) => arr(obj(i).urls).slice(0, 1)).map(str).filter(Boolean);
  return {
    platformItemId: str(p.id),
    title: str(p.title),
    status: statusFrom(STATUS, p.status),
    description: typeof p.description === 'string' ? p.description : undefined,
    imageUrls: images,
    updatedAt: epochMs(p.update_time),
    variants: arr(p.skus).map(mapTiktokSku),
    extra: tiktokExtra(p),
  };
}

/** What a TikTok-to-TikTok copy carries over: category (the leaf of the detail's chain), image
 *  URIs, brand and attributes (the detail call has them; search results only the category). */
function tiktokExtra(p: Record<string, unknown>): Record<string, unknown> | undefined {
  const chain = arr(p.category_chains).map(obj);
  const categoryId = p.category_id ?? (chain.length ? str(chain[chain.length - 1]!.id) : undefined);
  const uris = arr(p.main_images).map((i) => str(obj(i).uri)).filter(Boolean);
  const attributes = arr(p.product_attributes).map(obj).map((a) => ({ id: str(a.id), value: arr(a.values).map((v) => str(obj(v).name)).filter(Boolean).join(', ') })).filter((a) => a.value);
  const out: Record<string, unknown> = {
    categoryId,
    imageUris: uris.length ? uris : undefined,
    brandId: str(obj(p.brand).id) || undefined,
    brand: str(obj(p.brand).name) || undefined,
    attributes: attributes.length ? attributes : undefined,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : undefined;
}

/** `ref.warehouseIds`: every warehouse of the SKU; inventory/update must name them all. */
export function mapTiktokSku(raw: unknown): PlatformVariant {
  const s = obj(raw);
  const inventory = arr(s.inventory).map(obj);
  const price = obj(s.price);
  const v: PlatformVariant = {
    platformVariantId: str(s.id),
    sellerSku: str(s.seller_sku),
    price: num(price.sale_price) ?? num(price.tax_exclusive_price) ?? num(price.amount),
    stock: inventory.reduce((t, w) => t + int(w.quantity), 0),
    ref: {
      warehouseIds: inventory.map((w) => str(w.warehouse_id)).filter(Boolean),
      currency: str(price.currency) || undefined,
    },
  };
  const attrs = arr(s.sales_attributes).map(obj);
  if (attrs.length > 0) v.options = Object.fromEntries(attrs.map((a) => [str(a.name), str(a.value_name)]));
  return v;
}

export function warehouseIdsOf(ref: Record<string, unknown> | undefined): string[] {
  return arr(ref?.warehouseIds).map(str).filter(Boolean);
}

/** inventory/update body. The absolute total goes to the SKU's first warehouse and every other
 *  warehouse is listed with 0: TikTok wants every assigned warehouse named, and the sellable
 *  total must equal the pushed number. */
export function tiktokInventoryBody(group: readonly StockUpdate[], warehousesOf: (u: StockUpdate) => string[]): Record<string, unknown> {
  return {
    skus: group.map((u) => ({
      id: u.platformVariantId,
      inventory: warehousesOf(u).map((warehouse_id, i) => ({ warehouse_id, quantity: i === 0 ? Math.max(0, u.quantity) : 0 })),
    })),
  };
}

/** `data.errors[{code, message, detail{sku_id}}]` → per-SKU reasons; unnamed ones apply to all. */
export function tiktokSkuErrors(data: unknown): { bySku: Map<string, { code: string; message: string }>; general: { code: string; message: string } | null } {
  const bySku = new Map<string, { code: string; message: string }>();
  let general: { code: string; message: string } | null = null;
  for (const raw of arr(obj(data).errors)) {
    const e = obj(raw);
    const info = { code: str(e.code), message: str(e.message) || 'rejected' };
    const skuId = str(obj(e.detail).sku_id);
    if (skuId) bySku.set(skuId, info);
    else general = general ?? info;
  }
  return { bySku, general };
}

/** POST /product/202309/products body. TikTok takes only URIs of its image upload: `images`
 *  (hostImage), else `extra.imageUris` (a TikTok-to-TikTok copy); plain URLs as a last resort. */
export function tiktokCreateBody(l: NewListing, warehouseId: string, currency: string): Record<string, unknown> {
  const extra = l.extra ?? {};
  const uris = l.images?.length ? l.images.map((i) => i.ref) : arr(extra.imageUris).map(str);
  const { names, rows } = optionTiers(l.variants);
  const multi = l.variants.length > 1;
  return {
    title: l.title,
    description: l.description,
    category_id: l.categoryId ?? str(extra.categoryId),
    main_images: (uris.length > 0 ? uris : l.imageUrls).slice(0, 9).map((uri) => ({ uri })),
    ...(l.weightGrams !== undefined ? { package_weight: { value: String(l.weightGrams / 1000), unit: 'KILOGRAM' } } : {}),
    ...(l.brandId && l.brandId !== NO_BRAND_ID ? { brand_id: l.brandId } : {}),
    ...(l.attributes?.length ? { product_attributes: l.attributes.map((a) => ({ id: a.id, values: a.values.map((v) => (v.id ? { id: v.id } : { name: v.name })) })) } : {}),
    skus: l.variants.map((v, i) => ({
      seller_sku: v.sellerSku,
      sales_attributes: multi ? names.map((n) => ({ name: n, value_name: rows[i]?.[n] ?? '-' })) : [],
      price: { amount: String(v.price), currency },
      inventory: [{ warehouse_id: warehouseId, quantity: v.stock }],
    })),
  };
}
