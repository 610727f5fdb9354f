// Making drafts: from a store product (Clone) or from system products. A same-platform clone
// copies everything the platform gave us (category, brand, weight, its own fields); another
// platform gets what carries over, and validation flags what the destination still needs.
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow, DraftVariant, ProductRow, StoreProductRow, StoreRow, StoreVariantRow } from '../db/types';
import { quantitiesFor } from '../sync/quantity';

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
  return {
    storeId: destination.id,
    version: 1,
    status: 'draft',
    source: { kind: 'clone', storeId: sourceStore.id, storeProductId: source.id, platformItemId: source.platformItemId },
    title: source.title,
    description: source.description ?? '',
    imageUrls: source.imageUrls?.length ? source.imageUrls : source.imageUrl ? [source.imageUrl] : [],
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
  for (const p of products) {
    drafts.push({
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
