// Lazada JSON ↔ normalised items (lazada.md § Listing products, § Stock, § Creating).

import { NO_BRAND_ID, type ItemStatus, type NewListing, type PlatformItem, type PlatformVariant, type StockUpdate } from '../types.ts';
import { arr, epochMs, int, num, obj, statusFrom, str, xmlEscape } from '../util.ts';

const STATUS: Record<string, ItemStatus> = {
  ACTIVE: 'active',
  LIVE: 'active',
  'SOLD-OUT': 'active',
  INACTIVE: 'inactive',
  DELETED: 'deleted',
  PENDING: 'pending',
  'PENDING QC': 'pending',
  REJECTED: 'rejected',
  SUSPENDED: 'rejected',
};

export function mapLazadaProduct(raw: unknown): PlatformItem {
  const p = obj(raw);
  const attrs = obj(p.attributes);
  const skus = arr(p.skus).map(mapLazadaSku);
  return {
    platformItemId: str(p.item_id),
    title: str(attrs.name),
    status: statusFrom(STATUS, p.status),
    description: typeof attrs.description === 'string' ? attrs.description : undefined,
    imageUrls: arr(p.images).map(str).filter(Boolean),
    updatedAt: epochMs(p.updated_time),
    variants: skus,
    extra: Object.fromEntries(
      Object.entries({ primaryCategory: p.primary_category, brand: attrs.brand, attributes: otherAttributes(attrs) }).filter(([, v]) => v !== undefined),
    ),
  };
}

/** A product's category attributes (what a Lazada-to-Lazada copy carries over). */
function otherAttributes(attrs: Record<string, unknown>): { id: string; value: string }[] | undefined {
  const out = Object.entries(attrs)
    .filter(([k, v]) => !['name', 'description', 'short_description', 'brand'].includes(k) && (typeof v === 'string' || typeof v === 'number'))
    .map(([id, v]) => ({ id, value: str(v) }));
  return out.length ? out : undefined;
}

/** The warehouse Shelfsync syncs on a SKU stocked in several: the first Lazada lists (the seller's
 *  default). Its number is read and written alone, so a drift check compares like with like and a
 *  push never moves the units the seller keeps in the other warehouses. */
export function syncedWarehouse(ref: Record<string, unknown> | undefined): string | null {
  const codes = Array.isArray(ref?.warehouseCodes) ? (ref.warehouseCodes as unknown[]).filter((c): c is string => typeof c === 'string' && c !== '') : [];
  return codes.length > 1 ? codes[0]! : null;
}

/** `ref`: SellerSku (the stock payload names it) and the SKU's warehouse codes. */
export function mapLazadaSku(raw: unknown): PlatformVariant {
  const s = obj(raw);
  const warehouses = arr(s.multiWarehouseInventories).map(obj);
  const codes = warehouses.map((w) => str(w.warehouseCode)).filter(Boolean);
  const synced = syncedWarehouse({ warehouseCodes: codes });
  const quantity = synced !== null
    ? int(warehouses.find((w) => str(w.warehouseCode) === synced)?.quantity)
    : (num(s.quantity) ?? warehouses.reduce((t, w) => t + int(w.quantity), 0));
  return {
    platformVariantId: str(s.SkuId),
    sellerSku: str(s.SellerSku),
    price: num(s.price),
    stock: Math.trunc(quantity),
    ref: {
      shopSku: str(s.ShopSku) || undefined,
      warehouseCodes: codes,
    },
  };
}

/** The price_quantity/update payload, exactly the documented XML shape (absolute quantities): a
 *  SKU stocked in several warehouses gets MultiWarehouseInventories for the synced one (a bare
 *  Quantity is for single-warehouse sellers), the others are left as they are. */
export function lazadaStockXml(group: readonly StockUpdate[]): string {
  const skus = group
    .map((u) => {
      const q = Math.max(0, Math.trunc(u.quantity));
      const warehouse = syncedWarehouse(u.ref);
      const quantity = warehouse === null
        ? `<Quantity>${q}</Quantity>`
        : `<MultiWarehouseInventories><MultiWarehouseInventory><WarehouseCode>${xmlEscape(warehouse)}</WarehouseCode><Quantity>${q}</Quantity></MultiWarehouseInventory></MultiWarehouseInventories>`;
      return `<Sku><ItemId>${xmlEscape(u.platformItemId)}</ItemId><SkuId>${xmlEscape(u.platformVariantId)}</SkuId>` +
        `<SellerSku>${xmlEscape(u.sellerSku)}</SellerSku>${quantity}</Sku>`;
    })
    .join('');
  return `<Request><Product><Skus>${skus}</Skus></Product></Request>`;
}

/** `detail` entries of a partially failed update, keyed by SellerSku (and SkuId when given). */
export function lazadaDetailFailures(detail: unknown): { bySku: Map<string, string>; general: string | null } {
  const bySku = new Map<string, string>();
  let general: string | null = null;
  for (const raw of arr(detail)) {
    const d = obj(raw);
    const message = [str(d.code), str(d.message)].filter(Boolean).join(' ') || 'rejected';
    const keys = [d.seller_sku, d.SellerSku, d.sku_id, d.SkuId].map(str).filter(Boolean);
    if (keys.length === 0) general = general ?? message;
    for (const k of keys) bySku.set(k, message);
  }
  return { bySku, general };
}

/** /product/create JSON payload. Package weight in kg; variant options become SKU attributes
 *  (Lazada names them per category, e.g. `color_family`, `size`). */
export function lazadaCreatePayload(l: NewListing): string {
  const extra = l.extra ?? {};
  // Lazada takes attribute values by name; several values of one attribute comma-separated.
  const valueOf = (a: NonNullable<NewListing['attributes']>[number]) => a.values.map((v) => v.name).join(',');
  const productAttrs = Object.fromEntries((l.attributes ?? []).filter((a) => a.level !== 'sku').map((a) => [a.id, valueOf(a)]));
  const skuAttrs = Object.fromEntries((l.attributes ?? []).filter((a) => a.level === 'sku').map((a) => [a.id, valueOf(a)]));
  const brand = l.brandId === NO_BRAND_ID ? 'No Brand' : l.brand;
  const product = {
    PrimaryCategory: l.categoryId ?? str(extra.primaryCategory),
    // Lazada creates only from images on its own hosts: `images` (migrated by hostImage).
    Images: { Image: (l.images?.length ? l.images.map((i) => i.url) : l.imageUrls).slice(0, 8) },
    Attributes: { name: l.title, description: l.description, ...productAttrs, ...(brand ? { brand } : {}) },
    Skus: {
      Sku: l.variants.map((v) => ({
        SellerSku: v.sellerSku,
        quantity: v.stock,
        price: v.price,
        ...(l.weightGrams !== undefined ? { package_weight: l.weightGrams / 1000 } : {}),
        ...skuAttrs,
        ...(v.options ?? {}),
      })),
    },
  };
  return JSON.stringify({ Request: { Product: product } });
}
