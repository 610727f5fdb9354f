// WooCommerce JSON ↔ normalised items (woocommerce.md). A simple product is its own single
// variant (variant id = product id); a variable product's variants are its variations.

import type { ItemStatus, NewListing, PlatformItem, PlatformVariant, StockUpdate } from '../types.ts';
import { arr, epochMs, int, num, obj, optionTiers, statusFrom, str } from '../util.ts';

const STATUS: Record<string, ItemStatus> = {
  PUBLISH: 'active',
  DRAFT: 'inactive',
  PRIVATE: 'inactive',
  FUTURE: 'inactive',
  PENDING: 'pending',
  TRASH: 'deleted',
};

/** `ref.kind` says which batch endpoint sets the variant's stock. */
export type WooKind = 'product' | 'variation';

function price(o: Record<string, unknown>): number | null {
  return num(o.regular_price) ?? num(o.price);
}

export function mapWooProduct(raw: unknown, variations: unknown[] = []): PlatformItem {
  const p = obj(raw);
  const id = str(p.id);
  const variable = str(p.type) === 'variable';
  const variants: PlatformVariant[] = variable
    ? variations.map((v) => mapWooVariation(v))
    : [{ platformVariantId: id, sellerSku: str(p.sku), price: price(p), stock: int(p.stock_quantity), ref: { kind: 'product' } }];
  return {
    platformItemId: id,
    title: str(p.name),
    status: statusFrom(STATUS, p.status),
    description: typeof p.description === 'string' ? p.description : undefined,
    imageUrls: arr(p.images).map((i) => str(obj(i).src)).filter(Boolean),
    // date_modified_gmt has no zone designator; it is UTC.
    updatedAt: epochMs(p.date_modified_gmt ?? p.date_modified),
    variants,
    extra: { type: str(p.type) || 'simple' },
  };
}

export function mapWooVariation(raw: unknown): PlatformVariant {
  const v = obj(raw);
  const out: PlatformVariant = {
    platformVariantId: str(v.id),
    sellerSku: str(v.sku),
    price: price(v),
    stock: int(v.stock_quantity),
    ref: { kind: 'variation' },
  };
  const attrs = arr(v.attributes).map(obj);
  if (attrs.length > 0) out.options = Object.fromEntries(attrs.map((a) => [str(a.name), str(a.option)]));
  return out;
}

export function wooKind(u: Pick<StockUpdate, 'platformItemId' | 'platformVariantId' | 'ref'>): WooKind {
  const k = u.ref?.kind;
  if (k === 'product' || k === 'variation') return k;
  return u.platformVariantId === u.platformItemId ? 'product' : 'variation';
}

/** The batch endpoint of a group: one per simple products, one per variable product. */
export function wooBatchPath(u: Pick<StockUpdate, 'platformItemId' | 'platformVariantId' | 'ref'>): string {
  return wooKind(u) === 'product' ? '/products/batch' : `/products/${encodeURIComponent(u.platformItemId)}/variations/batch`;
}

export function wooBatchBody(group: readonly StockUpdate[]): Record<string, unknown> {
  return { update: group.map((u) => ({ id: Number(u.platformVariantId), stock_quantity: Math.max(0, Math.trunc(u.quantity)), manage_stock: true })) };
}

/** POST /products body; a listing with several variants (or options) becomes `variable`. */
export function wooProductBody(l: NewListing): Record<string, unknown> {
  const variable = isVariable(l);
  const single = l.variants[0];
  const base = {
    name: l.title,
    description: l.description,
    images: l.imageUrls.map((src) => ({ src })),
    ...(l.categoryId ? { categories: [{ id: Number(l.categoryId) }] } : {}),
    ...(l.weightGrams !== undefined ? { weight: String(l.weightGrams / 1000) } : {}),
  };
  if (!variable) {
    return { ...base, type: 'simple', regular_price: String(single?.price ?? l.price), sku: single?.sellerSku ?? '', manage_stock: true, stock_quantity: single?.stock ?? 0 };
  }
  const { names, values } = optionTiers(l.variants);
  return { ...base, type: 'variable', attributes: names.map((name, i) => ({ name, options: values[i] ?? [], variation: true, visible: true })) };
}

export function wooVariationsCreate(l: NewListing): Record<string, unknown>[] {
  const { names, rows } = optionTiers(l.variants);
  return l.variants.map((v, i) => ({
    sku: v.sellerSku,
    regular_price: String(v.price),
    manage_stock: true,
    stock_quantity: v.stock,
    attributes: names.map((name) => ({ name, option: rows[i]?.[name] ?? '-' })),
  }));
}

export function isVariable(l: NewListing): boolean {
  return l.variants.length > 1 || l.variants.some((v) => v.options && Object.keys(v.options).length > 0);
}
