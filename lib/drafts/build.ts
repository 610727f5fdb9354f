// Making drafts: from a store product (Clone) or from system products. A same-platform clone
// copies everything the platform gave us (category, brand, weight, its own fields); another
// platform gets what carries over, and validation flags what the destination still needs.
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow, DraftVariant, ProductRow, StoreProductRow, StoreRow, StoreVariantRow } from '../db/types';
import { quantitiesFor } from '../sync/quantity';
import { peek } from '../catalog/cache';
import type { DraftAttribute, DraftUpload } from '../db/types';
import type { LogisticsChannel, PlatformWarehouse } from '../platforms/types';

type NewDraft = Omit<DraftRow, 'id'>;

function categoryOf(extra: Record<string, unknown> | null): string | null {
  const c = extra?.categoryId ?? extra?.primaryCategory;
  return c === undefined || c === null || c === '' ? null : String(c);
}

/**
 * A new listing's starting stock: the number the destination's rule would push for its system
 * product — never the source platform's stock, which nobody manages there (a ready oversell).
 * Nothing governs an unconnected variant, nor a store without a rule: those start at 0, and the
 * draft says why.
 */
async function stockFor(db: ShelfsyncDB, destination: StoreRow, productId: number | null): Promise<Pick<DraftVariant, 'stock' | 'stockSource'>> {
  if (productId === null) return { stock: 0, stockSource: 'not_connected' };
  const q = (await quantitiesFor(db, [{ id: -1, storeId: destination.id, productId }])).get(-1);
  return q && q.quantity !== null ? { stock: q.quantity, stockSource: 'rule' } : { stock: 0, stockSource: 'no_rule' };
}

/** A destination's shop settings a new listing names, from its cached catalogue when read: every
 *  Shopee channel the shop has enabled, TikTok's default sales warehouse. Empty otherwise (the
 *  draft then says what to choose). */
async function shopDefaults(db: ShelfsyncDB, destination: StoreRow): Promise<Pick<DraftRow, 'logisticsChannelIds' | 'warehouseId'>> {
  if (destination.platform === 'shopee') {
    const channels = await peek<LogisticsChannel[]>(db, destination.id, 'logistics');
    return { logisticsChannelIds: (channels ?? []).filter((c) => c.enabled).map((c) => c.id) };
  }
  if (destination.platform === 'tiktok') {
    const sales = ((await peek<PlatformWarehouse[]>(db, destination.id, 'warehouses')) ?? []).filter((w) => w.kind === 'sales');
    return { warehouseId: (sales.find((w) => w.isDefault) ?? sales[0])?.id ?? null };
  }
  return {};
}

/** What a copy within one marketplace carries over: brand, attributes, channels, and its images
 *  as already hosted there (Shopee image ids, TikTok URIs, Lazada's own URLs) — nothing to upload. */
function samePlatformParts(platform: StoreRow['platform'], extra: Record<string, unknown>, imageUrls: string[]): Partial<DraftRow> {
  const refs = platform === 'shopee' ? extra.imageIds : platform === 'tiktok' ? extra.imageUris : platform === 'lazada' ? imageUrls : undefined;
  const uploads: Record<string, DraftUpload> = {};
  if (Array.isArray(refs) && refs.length === imageUrls.length) imageUrls.forEach((url, i) => (uploads[url] = { ref: String(refs[i]), url, at: 0 }));
  const attributes = Array.isArray(extra.attributes) ? (extra.attributes as DraftAttribute[]) : undefined;
  return {
    ...(typeof extra.brandId === 'string' && extra.brandId ? { brandId: extra.brandId } : {}),
    ...(attributes?.length ? { attributes } : {}),
    ...(Array.isArray(extra.logisticsChannelIds) && extra.logisticsChannelIds.length ? { logisticsChannelIds: extra.logisticsChannelIds as string[] } : {}),
    ...(Object.keys(uploads).length ? { uploads } : {}),
  };
}

export async function draftFromStoreProduct(db: ShelfsyncDB, source: StoreProductRow, sourceStore: StoreRow, variants: StoreVariantRow[], destination: StoreRow, now: number): Promise<NewDraft> {
  const samePlatform = sourceStore.platform === destination.platform;
  const draftVariants: DraftVariant[] = [];
  for (const v of variants) {
    const productId = v.connected === 1 ? v.productId : null;
    draftVariants.push({ sellerSku: v.sellerSku, price: v.price ?? 0, ...(await stockFor(db, destination, productId)), options: v.options, productId });
  }
  const prices = draftVariants.map((v) => v.price).filter((p) => p > 0);
  const extra = source.extra ?? {};
  const weight = typeof extra.weight === 'number' ? Math.round(extra.weight * 1000) : null;
  const imageUrls = source.imageUrls?.length ? source.imageUrls : source.imageUrl ? [source.imageUrl] : [];
  return {
    ...(await shopDefaults(db, destination)),
    ...(samePlatform ? samePlatformParts(destination.platform, extra, imageUrls) : {}),
    storeId: destination.id,
    version: 1,
    status: 'draft',
    source: { kind: 'clone', storeId: sourceStore.id, storeProductId: source.id, platformItemId: source.platformItemId },
    title: source.title,
    description: source.description ?? '',
    imageUrls,
    price: prices.length ? Math.min(...prices) : 0,
    categoryId: samePlatform ? categoryOf(extra) : null,
    brand: typeof extra.brand === 'string' ? extra.brand : null,
    weightGrams: weight,
    variants: draftVariants,
    extra: samePlatform ? { ...extra } : {},
    failure: null,
    release: null,
    createdAt: now,
    updatedAt: now,
  };
}

export async function draftFromProducts(db: ShelfsyncDB, products: ProductRow[], destination: StoreRow, now: number): Promise<NewDraft[]> {
  const drafts: NewDraft[] = [];
  const defaults = await shopDefaults(db, destination);
  for (const p of products) {
    drafts.push({
      ...defaults,
      storeId: destination.id,
      version: 1,
      status: 'draft',
      source: { kind: 'products', productIds: [p.id] },
      title: p.name,
      description: p.description ?? '',
      imageUrls: p.imageUrl ? [p.imageUrl] : [],
      price: p.price ?? 0,
      categoryId: null,
      brand: null,
      weightGrams: p.weightGrams,
      variants: [{ sellerSku: p.sku, price: p.price ?? 0, ...(await stockFor(db, destination, p.id)), options: null, productId: p.id }],
      extra: {},
      failure: null,
      release: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return drafts;
}
