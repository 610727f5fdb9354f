// Shopify GraphQL documents and JSON ↔ normalised items (shopify.md).

import type { ItemStatus, NewListing, PlatformItem, PlatformVariant, StockUpdate } from '../types.ts';
import { arr, epochMs, int, isoSeconds, num, obj, optionTiers, statusFrom, str } from '../util.ts';
import { versionAtLeast } from './versions.ts';

// Stock is the synced location's `available` (InventoryLevel quantities), the number
// inventorySetQuantities writes: not `inventoryQuantity`, a total over every location, which on a
// shop with several locations is not what Shelfsync pushes (drift would compare unlike numbers).
// `loc`: the location as the document names it — `$loc` in a paged query, a string literal in a
// bulk query (which takes no variables): the paged and bulk downloads read the same fields.
export const variantFields = (loc: string): string => `id sku price selectedOptions { name value } inventoryItem { id inventoryLevel(locationId: ${loc}) { quantities(names: ["available"]) { quantity } } }`;
const VARIANT_FIELDS = variantFields('$loc');
/** `featuredMedia` (Product.featuredImage is deprecated): its preview image is the picture. */
export const PRODUCT_FIELDS = 'id title status updatedAt featuredMedia { preview { image { url } } }';

/** `$variants` is sized so the whole query stays under Shopify's 1000-point single-query cap
 *  (see productsPageShape); products with more variants are completed by VARIANTS_QUERY. */
export const PRODUCTS_QUERY = `query Products($first: Int!, $variants: Int!, $cursor: String, $q: String, $loc: ID!) {
  products(first: $first, after: $cursor, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes { ${PRODUCT_FIELDS}
      variants(first: $variants) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } } } } }`;

export const VARIANTS_QUERY = `query MoreVariants($id: ID!, $cursor: String, $loc: ID!) {
  product(id: $id) { variants(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } } } }`;

/** Shopify's requested cost: a connection costs 2 + first × (its node's cost); each object 1.
 *  A product node = itself 1 + featuredMedia, preview, image 3 + the variants connection 2, with
 *  2 to spare (pageInfo) = 8; a variant = itself, selectedOptions, inventoryItem, inventoryLevel,
 *  quantities = 5. Whole query: 2 + P(8 + 5V) ≤ 1000. */
export function productsPageShape(requested: number): { first: number; variants: number } {
  // At least one variant per product: at most 998 / (8 + 5) = 76 products a page.
  const first = Math.min(Math.max(requested, 1), 76);
  const variants = Math.min(100, Math.floor((998 / first - 8) / 5));
  return { first, variants };
}

/** Aliased reads of each variant's `available` at one location: productVariant, inventoryItem,
 *  inventoryLevel and quantities, 4 points each (STOCK_READS_PER_CALL keeps a call at 800). */
export const STOCK_READS_PER_CALL = 200;
export function variantStockQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$v${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `v${i}: productVariant(id: $v${i}) { id inventoryItem { inventoryLevel(locationId: $loc) { quantities(names: ["available"]) { quantity } } } }`).join(' ');
  return `query VariantStock($loc: ID!, ${vars}) { ${fields} }`;
}

/** The shop's primary location: `location` without an id (`locations` is sorted by name). */
export const PRIMARY_LOCATION_QUERY = `query PrimaryLocation { location { id name } }`;
export const LOCATION_QUERY = `query Location($id: ID!) { location(id: $id) { id name isActive } }`;
export const LOCATIONS_QUERY = `query Locations($cursor: String) {
  location { id }
  locations(first: 250, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { id name isActive fulfillsOnlineOrders } } }`;

export const SHOP_QUERY = `query Shop { shop { name } }`;

/** inventorySetQuantities as `version` takes it: with `@idempotent(key: $key)` where the
 *  directive exists (2026-01 on; required from 2026-04), a fresh key per call. */
export function setQuantitiesMutation(version: string): string {
  const keyed = versionAtLeast(version, IDEMPOTENT_FROM);
  return `mutation SetQuantities($input: InventorySetQuantitiesInput!${keyed ? ', $key: String!' : ''}) {
  inventorySetQuantities(input: $input)${keyed ? ' @idempotent(key: $key)' : ''} {
    inventoryAdjustmentGroup { id }
    userErrors { code field message } } }`;
}
/** The @idempotent directive exists from 2026-01; `changeFromQuantity` too. */
export const IDEMPOTENT_FROM = '2026-01';
export const CHANGE_FROM_QUANTITY_FROM = '2026-01';

export const PRODUCT_SET_MUTATION = `mutation ProductSet($input: ProductSetInput!, $synchronous: Boolean!) {
  productSet(input: $input, synchronous: $synchronous) {
    product { id variants(first: 100) { nodes { id sku } } }
    userErrors { code field message } } }`;

const STATUS: Record<string, ItemStatus> = { ACTIVE: 'active', DRAFT: 'inactive', ARCHIVED: 'inactive', UNLISTED: 'inactive' };

export function mapShopifyProduct(raw: unknown): PlatformItem {
  const p = obj(raw);
  const image = str(obj(obj(obj(p.featuredMedia).preview).image).url);
  return {
    platformItemId: str(p.id),
    title: str(p.title),
    status: statusFrom(STATUS, p.status),
    imageUrls: image ? [image] : [],
    updatedAt: epochMs(p.updatedAt),
    variants: arr(obj(p.variants).nodes).map(mapShopifyVariant),
  };
}

/** `ref`: the InventoryItem GID inventorySetQuantities needs (the location is the store's). */
export function mapShopifyVariant(raw: unknown): PlatformVariant {
  const v = obj(raw);
  const item = obj(v.inventoryItem);
  const out: PlatformVariant = {
    platformVariantId: str(v.id),
    sellerSku: str(v.sku),
    price: num(v.price),
    stock: availableAt(item),
    ref: { inventoryItemId: str(item.id) },
  };
  const opts = arr(v.selectedOptions).map(obj);
  // "Title: Default Title" is Shopify's placeholder for products without options.
  if (opts.length > 0 && !(opts.length === 1 && str(opts[0]?.value) === 'Default Title')) {
    out.options = Object.fromEntries(opts.map((o) => [str(o.name), str(o.value)]));
  }
  return out;
}

/** `available` at the location asked for; an item not stocked there (no level) has 0. */
export function availableAt(inventoryItem: Record<string, unknown>): number {
  return int(obj(arr(obj(inventoryItem.inventoryLevel).quantities)[0]).quantity);
}

/** `updated_at:>='ISO'` search syntax for incremental downloads. */
export function updatedSinceQuery(ms: number): string {
  // Shopify stores updatedAt to the second; a millisecond bound would skip an item changed
  // later within the same second. Flooring only widens the window.
  return `updated_at:>='${isoSeconds(ms)}'`;
}

/** Absolute numbers, no compare-and-set (Shelfsync is the source of the number it pushes):
 *  `changeFromQuantity: null` where it exists (2026-01 on; it must be present from 2026-04), and
 *  before that `ignoreCompareQuantity: true` (2025-10 has no changeFromQuantity). */
export function setQuantitiesInput(group: readonly StockUpdate[], locationId: string, version: string): Record<string, unknown> {
  const changeFrom = versionAtLeast(version, CHANGE_FROM_QUANTITY_FROM);
  return {
    name: 'available',
    reason: 'correction',
    ...(changeFrom ? {} : { ignoreCompareQuantity: true }),
    quantities: group.map((u) => ({
      inventoryItemId: str(u.ref?.inventoryItemId),
      locationId,
      quantity: Math.max(0, Math.trunc(u.quantity)),
      ...(changeFrom ? { changeFromQuantity: null } : {}),
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
