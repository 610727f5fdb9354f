// Shopify GraphQL documents and JSON ↔ normalised items (shopify.md).

import type { ItemStatus, NewListing, PlatformItem, PlatformVariant, StockUpdate } from '../types.ts';
import { arr, epochMs, int, isoSeconds, num, obj, optionTiers, statusFrom, str } from '../util.ts';

const VARIANT_FIELDS = 'id sku price inventoryQuantity selectedOptions { name value } inventoryItem { id }';

/** `$variants` is sized so the whole query stays under Shopify's 1000-point single-query cap
 *  (see productsPageShape); products with more variants are completed by VARIANTS_QUERY. */
export const PRODUCTS_QUERY = `query Products($first: Int!, $variants: Int!, $cursor: String, $q: String) {
  products(first: $first, after: $cursor, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes { id title status updatedAt featuredImage { url }
      variants(first: $variants) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } } } } }`;

export const VARIANTS_QUERY = `query MoreVariants($id: ID!, $cursor: String) {
  product(id: $id) { variants(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } } } }`;

/** Shopify's requested cost: a connection costs 2 + first × (its node's cost); each object 1.
 *  A product node here = itself + featuredImage + variants' pageInfo + variants connection
 *  (2 + V × 3: variant, selectedOptions, inventoryItem) = 6 + 3V. Whole query: 2 + P(6 + 3V). */
export function productsPageShape(requested: number): { first: number; variants: number } {
  const first = Math.min(Math.max(requested, 1), 100);
  const variants = Math.min(100, Math.floor((998 / first - 6) / 3));
  return { first, variants: Math.max(1, variants) };
}

/** Aliased `productVariant(id:)` reads, one point each: the cheapest stock read. */
export function variantStockQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$v${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `v${i}: productVariant(id: $v${i}) { id inventoryQuantity }`).join(' ');
  return `query VariantStock(${vars}) { ${fields} }`;
}

export const LOCATIONS_QUERY = `query Locations { locations(first: 50) { nodes { id name } } }`;

export const SHOP_QUERY = `query Shop { shop { name } }`;

export const SET_QUANTITIES_MUTATION = `mutation SetQuantities($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message } } }`;

export const PRODUCT_SET_MUTATION = `mutation ProductSet($input: ProductSetInput!, $synchronous: Boolean!) {
  productSet(input: $input, synchronous: $synchronous) {
    product { id variants(first: 100) { nodes { id sku } } }
    userErrors { code field message } } }`;

const STATUS: Record<string, ItemStatus> = { ACTIVE: 'active', DRAFT: 'inactive', ARCHIVED: 'inactive', UNLISTED: 'inactive' };

/** `ref`: the InventoryItem GID and the Location GID inventorySetQuantities needs. */
export function mapShopifyProduct(raw: unknown, locationId: string | undefined): PlatformItem {
  const p = obj(raw);
  const image = str(obj(p.featuredImage).url);
  return {
    platformItemId: str(p.id),
    title: str(p.title),
    status: statusFrom(STATUS, p.status),
    imageUrls: image ? [image] : [],
    updatedAt: epochMs(p.updatedAt),
    variants: arr(obj(p.variants).nodes).map((v) => mapShopifyVariant(v, locationId)),
  };
}

export function mapShopifyVariant(raw: unknown, locationId: string | undefined): PlatformVariant {
  const v = obj(raw);
  const out: PlatformVariant = {
    platformVariantId: str(v.id),
    sellerSku: str(v.sku),
    price: num(v.price),
    // Untracked inventory answers null: nothing to sell-limit, report 0.
    stock: int(v.inventoryQuantity),
    ref: { inventoryItemId: str(obj(v.inventoryItem).id), ...(locationId ? { locationId } : {}) },
  };
  const opts = arr(v.selectedOptions).map(obj);
  // "Title: Default Title" is Shopify's placeholder for products without options.
  if (opts.length > 0 && !(opts.length === 1 && str(opts[0]?.value) === 'Default Title')) {
    out.options = Object.fromEntries(opts.map((o) => [str(o.name), str(o.value)]));
  }
  return out;
}

/** `updated_at:>='ISO'` search syntax for incremental downloads. */
export function updatedSinceQuery(ms: number): string {
  // Shopify stores updatedAt to the second; a millisecond bound would skip an item changed
  // later within the same second. Flooring only widens the window.
  return `updated_at:>='${isoSeconds(ms)}'`;
}

export function setQuantitiesInput(group: readonly StockUpdate[], locationOf: (u: StockUpdate) => string): Record<string, unknown> {
  return {
    name: 'available',
    reason: 'correction',
    // changeFromQuantity null = no compare-and-set: we push absolute numbers (required from 2026-04).
    quantities: group.map((u) => ({
      inventoryItemId: str(u.ref?.inventoryItemId),
      locationId: locationOf(u),
      quantity: Math.max(0, Math.trunc(u.quantity)),
      changeFromQuantity: null,
    })),
  };
}

/** userErrors → per-entry reasons by the index in `field` (["input","quantities","3",...]);
 *  errors without an index concern the whole input. */
export function quantityErrors(userErrors: unknown): { byIndex: Map<number, { code: string; message: string }>; general: { code: string; message: string } | null } {
  const byIndex = new Map<number, { code: string; message: string }>();
  let general: { code: string; message: string } | null = null;
  for (const raw of arr(userErrors)) {
    const e = obj(raw);
    const info = { code: str(e.code), message: str(e.message) || 'rejected' };
    const field = arr(e.field).map(str);
    const at = field.indexOf('quantities');
    const index = at >= 0 ? Number(field[at + 1]) : NaN;
    if (Number.isInteger(index)) byIndex.set(index, info);
    else general = general ?? info;
  }
  return { byIndex, general };
}

/** productSet input: options from the variants, SKU/price/stock per variant at `locationId`. */
export function productSetInput(l: NewListing, locationId: string | undefined): Record<string, unknown> {
  const hasOptions = l.variants.length > 1 || l.variants.some((v) => v.options && Object.keys(v.options).length > 0);
  const tiers: { names: string[]; values: string[][]; rows: Record<string, string>[] } = hasOptions
    ? optionTiers(l.variants)
    : { names: ['Title'], values: [['Default Title']], rows: l.variants.map(() => ({ Title: 'Default Title' })) };
  return {
    title: l.title,
    descriptionHtml: l.description,
    status: 'ACTIVE',
    ...(l.brand ? { vendor: l.brand } : {}),
    productOptions: tiers.names.map((name, i) => ({ name, values: (tiers.values[i] ?? []).map((v) => ({ name: v })) })),
    ...(l.imageUrls.length > 0 ? { files: l.imageUrls.map((originalSource) => ({ originalSource, contentType: 'IMAGE' })) } : {}),
    variants: l.variants.map((v, i) => ({
      sku: v.sellerSku,
      price: String(v.price),
      optionValues: tiers.names.map((optionName) => ({ optionName, name: tiers.rows[i]?.[optionName] ?? '-' })),
      ...(locationId ? { inventoryQuantities: [{ locationId, name: 'available', quantity: v.stock }] } : {}),
    })),
  };
}
