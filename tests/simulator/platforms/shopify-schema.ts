// The slice of Shopify's Admin GraphQL schema the simulator serves, and the query resolvers.
import { totalStock } from '../shops.ts';
import type { Shop } from '../state.ts';
import type { Item, Variant, View } from '../store.ts';
import { b64urlJson, fromB64urlJson, isoSeconds, lowerBound, money } from '../util.ts';
import { FieldError, type Resolvers, defineSchema } from './gql-engine.ts';

const CONN = 'first last after before';
export const SCHEMA = defineSchema({
  QueryRoot: {
    products: ['ProductConnection!', `${CONN} query sortKey reverse savedSearchId`],
    product: ['Product', 'id!'],
    productVariants: ['ProductVariantConnection!', `${CONN} query sortKey reverse`],
    productVariant: ['ProductVariant', 'id!'],
    inventoryItem: ['InventoryItem', 'id!'],
    locations: ['LocationConnection!', `${CONN} query sortKey reverse includeInactive includeLegacy`],
    location: ['Location', 'id'],
    shop: 'Shop!',
    productsCount: ['Count', 'query limit'],
    orders: ['OrderConnection!', `${CONN} query sortKey reverse savedSearchId`],
    order: ['Order', 'id!'],
    ordersCount: ['Count', 'query limit'],
    // Bulk operations (shopify-bulk.ts). `bulkOperation(id:)` exists from 2026-01; 2025-10 has only
    // `currentBulkOperation`, deprecated in every version held.
    bulkOperation: ['BulkOperation', 'id!'],
    currentBulkOperation: ['BulkOperation', 'type'],
  },
  Mutation: {
    inventorySetQuantities: ['InventorySetQuantitiesPayload', 'input!'],
    productSet: ['ProductSetPayload', 'input synchronous identifier'],
    productCreate: ['ProductCreatePayload', 'input product media'],
    productVariantsBulkCreate: ['ProductVariantsBulkCreatePayload', 'productId! variants! strategy media'],
    productVariantsBulkUpdate: ['ProductVariantsBulkUpdatePayload', 'productId! variants! allowPartialUpdates media'],
    bulkOperationRunQuery: ['BulkOperationRunQueryPayload', 'query! groupObjects'],
    bulkOperationCancel: ['BulkOperationCancelPayload', 'id!'],
  },
  PageInfo: { hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!', startCursor: 'String', endCursor: 'String' },
  ProductConnection: { nodes: '[Product!]!', edges: '[ProductEdge!]!', pageInfo: 'PageInfo!' },
  ProductEdge: { node: 'Product!', cursor: 'String!' },
  Product: {
    id: 'ID!', legacyResourceId: 'UnsignedInt64!', title: 'String!', handle: 'String!', status: 'ProductStatus!', vendor: 'String!', productType: 'String!',
    description: ['String!', 'truncateAt'], descriptionHtml: 'HTML!', createdAt: 'DateTime!', updatedAt: 'DateTime!', publishedAt: 'DateTime', totalInventory: 'Int!',
    tracksInventory: 'Boolean!', hasOnlyDefaultVariant: 'Boolean!', featuredImage: 'Image', featuredMedia: 'Media', options: ['[ProductOption!]!', 'first'],
    variants: ['ProductVariantConnection!', `${CONN} sortKey reverse`], variantsCount: 'Count', tags: '[String!]!',
  },
  Image: { id: 'ID', url: ['URL!', 'transform'], altText: 'String', width: 'Int', height: 'Int' },
  // An interface on Shopify (MediaImage, Video, ...): served here as the fields every kind shares.
  Media: { id: 'ID!', alt: 'String', mediaContentType: 'MediaContentType!', status: 'MediaStatus!', preview: 'MediaPreviewImage' },
  MediaPreviewImage: { image: 'Image', status: 'MediaPreviewImageStatus!' },
  ProductOption: { id: 'ID!', name: 'String!', position: 'Int!', values: '[String!]!' },
  ProductVariantConnection: { nodes: '[ProductVariant!]!', edges: '[ProductVariantEdge!]!', pageInfo: 'PageInfo!' },
  ProductVariantEdge: { node: 'ProductVariant!', cursor: 'String!' },
  ProductVariant: {
    id: 'ID!', legacyResourceId: 'UnsignedInt64!', title: 'String!', displayName: 'String!', sku: 'String', price: 'Money!', compareAtPrice: 'Money',
    inventoryQuantity: 'Int', barcode: 'String', position: 'Int!', availableForSale: 'Boolean!', createdAt: 'DateTime!', updatedAt: 'DateTime!',
    selectedOptions: '[SelectedOption!]!', inventoryItem: 'InventoryItem!', product: 'Product!',
  },
  SelectedOption: { name: 'String!', value: 'String!' },
  InventoryItem: {
    id: 'ID!', legacyResourceId: 'UnsignedInt64!', sku: 'String', tracked: 'Boolean!', requiresShipping: 'Boolean!', createdAt: 'DateTime!', updatedAt: 'DateTime!',
    variant: 'ProductVariant!', inventoryLevels: ['InventoryLevelConnection!', `${CONN} query`], inventoryLevel: ['InventoryLevel', 'locationId!'],
  },
  InventoryLevelConnection: { nodes: '[InventoryLevel!]!', edges: '[InventoryLevelEdge!]!', pageInfo: 'PageInfo!' },
  InventoryLevelEdge: { node: 'InventoryLevel!', cursor: 'String!' },
  InventoryLevel: { id: 'ID!', location: 'Location!', item: 'InventoryItem!', quantities: ['[InventoryQuantity!]!', 'names!'], updatedAt: 'DateTime!', canDeactivate: 'Boolean!' },
  InventoryQuantity: { id: 'ID!', name: 'String!', quantity: 'Int!', updatedAt: 'DateTime' },
  LocationConnection: { nodes: '[Location!]!', edges: '[LocationEdge!]!', pageInfo: 'PageInfo!' },
  LocationEdge: { node: 'Location!', cursor: 'String!' },
  Location: { id: 'ID!', legacyResourceId: 'UnsignedInt64!', name: 'String!', isActive: 'Boolean!', fulfillsOnlineOrders: 'Boolean!' },
  Shop: { id: 'ID!', name: 'String!', myshopifyDomain: 'String!', email: 'String!', currencyCode: 'CurrencyCode!', ianaTimezone: 'String!', url: 'URL!', plan: 'ShopPlan!' },
  ShopPlan: { displayName: 'String!', partnerDevelopment: 'Boolean!', shopifyPlus: 'Boolean!' },
  Count: { count: 'Int!', precision: 'CountPrecision!' },
  // Orders (resolvers in shopify-orders.ts): the fields an order reader needs, as Shopify names them.
  OrderConnection: { nodes: '[Order!]!', edges: '[OrderEdge!]!', pageInfo: 'PageInfo!' },
  OrderEdge: { node: 'Order!', cursor: 'String!' },
  Order: {
    id: 'ID!', legacyResourceId: 'UnsignedInt64!', name: 'String!', createdAt: 'DateTime!', updatedAt: 'DateTime!', processedAt: 'DateTime!',
    cancelledAt: 'DateTime', cancelReason: 'OrderCancelReason', closed: 'Boolean!', closedAt: 'DateTime', test: 'Boolean!',
    displayFinancialStatus: 'OrderDisplayFinancialStatus', displayFulfillmentStatus: 'OrderDisplayFulfillmentStatus!', returnStatus: 'OrderReturnStatus!',
    lineItems: ['LineItemConnection!', `${CONN} reverse`], currentSubtotalLineItemsQuantity: 'Int!', subtotalLineItemsQuantity: 'Int!',
  },
  LineItemConnection: { nodes: '[LineItem!]!', edges: '[LineItemEdge!]!', pageInfo: 'PageInfo!' },
  LineItemEdge: { node: 'LineItem!', cursor: 'String!' },
  LineItem: {
    id: 'ID!', name: 'String!', title: 'String!', variantTitle: 'String', sku: 'String', quantity: 'Int!', currentQuantity: 'Int!',
    unfulfilledQuantity: 'Int!', refundableQuantity: 'Int!', variant: 'ProductVariant', product: 'Product',
  },
  InventorySetQuantitiesPayload: { inventoryAdjustmentGroup: 'InventoryAdjustmentGroup', userErrors: '[InventorySetQuantitiesUserError!]!' },
  InventorySetQuantitiesUserError: { code: 'InventorySetQuantitiesUserErrorCode', field: '[String!]', message: 'String!' },
  InventoryAdjustmentGroup: { id: 'ID!', createdAt: 'DateTime!', reason: 'String!', referenceDocumentUri: 'String', changes: ['[InventoryChange!]!', 'inventoryItemIds locationIds quantityNames'] },
  InventoryChange: { name: 'String!', delta: 'Int!', quantityAfterChange: 'Int', item: 'InventoryItem', location: 'Location', ledgerDocumentUri: 'String' },
  ProductSetPayload: { product: 'Product', userErrors: '[ProductSetUserError!]!', productSetOperation: 'ProductSetOperation' },
  ProductSetOperation: { id: 'ID!', status: 'ProductOperationStatus!' },
  ProductSetUserError: { code: 'ProductSetUserErrorCode', field: '[String!]', message: 'String!' },
  ProductCreatePayload: { product: 'Product', userErrors: '[UserError!]!' },
  UserError: { field: '[String!]', message: 'String!' },
  ProductVariantsBulkCreatePayload: { product: 'Product', productVariants: '[ProductVariant!]', userErrors: '[ProductVariantsBulkCreateUserError!]!' },
  ProductVariantsBulkCreateUserError: { code: 'ProductVariantsBulkCreateUserErrorCode', field: '[String!]', message: 'String!' },
  ProductVariantsBulkUpdatePayload: { product: 'Product', productVariants: '[ProductVariant!]', userErrors: '[ProductVariantsBulkUpdateUserError!]!' },
  ProductVariantsBulkUpdateUserError: { code: 'ProductVariantsBulkUpdateUserErrorCode', field: '[String!]', message: 'String!' },
  BulkOperation: {
    id: 'ID!', status: 'BulkOperationStatus!', type: 'BulkOperationType!', errorCode: 'BulkOperationErrorCode', createdAt: 'DateTime!', completedAt: 'DateTime',
    objectCount: 'UnsignedInt64!', rootObjectCount: 'UnsignedInt64!', fileSize: 'UnsignedInt64', url: 'URL', partialDataUrl: 'URL', query: 'String!',
  },
  BulkOperationRunQueryPayload: { bulkOperation: 'BulkOperation', userErrors: '[BulkOperationUserError!]!' },
  BulkOperationUserError: { code: 'BulkOperationUserErrorCode', field: '[String!]', message: 'String!' },
  BulkOperationCancelPayload: { bulkOperation: 'BulkOperation', userErrors: '[UserError!]!' },
});

export interface PNode {
  shop: Shop;
  item: Item;
}
export interface VNode extends PNode {
  v: Variant;
}
export interface LNode {
  shop: Shop;
  idx: number;
}
export interface LvNode extends VNode {
  idx: number;
}

export const gid = (type: string, id: string | number): string => `gid://shopify/${type}/${id}`;
export function gidNum(type: string, v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = new RegExp(`^gid://shopify/${type}/(\\d+)(\\?.*)?$`).exec(v);
  return m ? m[1] : undefined;
}

export interface ConnArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}
/** Relay connection over a sorted view; `key` gives each element's cursor position. */
export function connection<T>(view: { length: number; at(i: number): T }, args: ConnArgs, key: (t: T) => number[], wrap: (t: T) => unknown, desc = false): unknown {
  const cmp = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d) return desc ? -d : d;
    }
    return 0;
  };
  const decode = (c: string): number[] => {
    const v = fromB64urlJson(c) as { k?: unknown } | undefined;
    if (!v || !Array.isArray(v.k) || !v.k.every((x) => typeof x === 'number')) throw new FieldError('Invalid cursor for current pagination sort.', { code: 'BAD_REQUEST' });
    return v.k as number[];
  };
  let start = 0;
  let end = view.length;
  if (args.after) {
    const k = decode(args.after);
    start = lowerBound(view.length, (i) => cmp(key(view.at(i)), k) > 0);
  }
  if (args.before) {
    const k = decode(args.before);
    end = Math.max(start, lowerBound(view.length, (i) => cmp(key(view.at(i)), k) >= 0));
  }
  if (typeof args.first === 'number') end = Math.min(end, start + args.first);
  else if (typeof args.last === 'number') start = Math.max(start, end - args.last);
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(view.at(i));
  const cursors = items.map((t) => b64urlJson({ k: key(t) }));
  return {
    nodes: items.map(wrap),
    edges: items.map((t, i) => ({ node: wrap(t), cursor: cursors[i] })),
    pageInfo: { hasNextPage: end < view.length, hasPreviousPage: start > 0, startCursor: cursors[0] ?? null, endCursor: cursors[cursors.length - 1] ?? null },
  };
}
export const arrView = <T>(a: T[]): View & { at(i: number): T } => ({ length: a.length, at: (i: number) => a[i]! }) as unknown as View & { at(i: number): T };

// ---- search syntax: field:value, field:>value, -field:value, quoted values; AND implied ----
interface Term {
  field: string;
  op: string;
  value: string;
  neg: boolean;
}
export function parseSearch(q: string): Term[] {
  const out: Term[] = [];
  const re = /(-|NOT\s+)?(?:([A-Za-z_]+):(>=|<=|>|<)?\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s()]+)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s()]+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    const raw = (m[4] ?? m[5] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (!m[2] && (raw === 'AND' || raw === 'OR')) continue;
    out.push({ field: (m[2] ?? '').toLowerCase(), op: m[3] ?? ':', value: raw, neg: !!m[1] });
  }
  return out;
}
/** Second-precision update bounds for `updated_at` terms: [fromMs, toMs). */
export function timeBounds(terms: Term[], field: string): { from?: number; to?: number; bad?: string } {
  let from: number | undefined;
  let to: number | undefined;
  for (const t of terms.filter((x) => x.field === field && !x.neg)) {
    const ms = Date.parse(t.value);
    if (Number.isNaN(ms)) return { bad: t.value };
    const s = ms / 1000;
    let lo: number | undefined;
    let hi: number | undefined;
    if (t.op === '>') lo = (Math.floor(s) + 1) * 1000;
    else if (t.op === '>=') lo = Math.ceil(s) * 1000;
    else if (t.op === '<') hi = Math.ceil(s) * 1000;
    else if (t.op === '<=') hi = (Math.floor(s) + 1) * 1000;
    else ((lo = Math.floor(s) * 1000), (hi = (Math.floor(s) + 1) * 1000));
    if (lo !== undefined) from = Math.max(from ?? lo, lo);
    if (hi !== undefined) to = Math.min(to ?? hi, hi);
  }
  return { from, to };
}
function productFilter(q: string | undefined): { pred?: (it: Item) => boolean; from?: number; to?: number; key: string } {
  if (!q) return { key: '' };
  const terms = parseSearch(q);
  const tb = timeBounds(terms, 'updated_at');
  const checks: ((it: Item) => boolean)[] = [];
  for (const t of terms) {
    let c: ((it: Item) => boolean) | undefined;
    const val = t.value.toLowerCase();
    if (t.field === 'updated_at' && !t.neg) continue;
    if (t.field === 'status') {
      const set = new Set(val.split(',').map((x) => x.trim().toUpperCase()));
      c = (it) => set.has(it.status);
    } else if (t.field === 'sku') c = (it) => it.variants.some((v) => v.sellerSku.toLowerCase() === val);
    else if (t.field === 'title') c = (it) => it.title.toLowerCase().includes(val);
    else if (t.field === 'id') {
      const n = Number(t.value);
      c = (it) => (t.op === '>' ? +it.itemId > n : t.op === '>=' ? +it.itemId >= n : t.op === '<' ? +it.itemId < n : t.op === '<=' ? +it.itemId <= n : +it.itemId === n);
    } else if (t.field === 'created_at') {
      const ms = Date.parse(t.value);
      c = (it) => (t.op === '>' ? it.createdAt >= (Math.floor(ms / 1000) + 1) * 1000 : t.op === '<' ? it.createdAt < Math.ceil(ms / 1000) * 1000 : true);
    } else if (t.field === '') c = (it) => it.title.toLowerCase().includes(val);
    if (c) {
      const inner = c;
      checks.push(t.neg ? (it) => !inner(it) : inner);
    }
  }
  return { pred: checks.length ? (it) => checks.every((f) => f(it)) : undefined, from: tb.from, to: tb.to, key: q };
}

function productsView(shop: Shop, args: Record<string, unknown>): { view: View; order: 'seq' | 'update'; desc: boolean } {
  const sk = (args.sortKey as string | undefined) ?? 'ID';
  if (!['ID', 'UPDATED_AT', 'CREATED_AT', 'RELEVANCE'].includes(sk)) {
    throw new FieldError(`Argument 'sortKey' on Field 'products' has an invalid value (${sk}). Expected type 'ProductSortKeys'.`, { code: 'argumentLiteralsIncompatible' });
  }
  const f = productFilter(args.query as string | undefined);
  const order = sk === 'UPDATED_AT' ? 'update' : 'seq';
  const desc = args.reverse === true;
  return { view: shop.items.view({ order, desc, fromMs: f.from, toMs: f.to, pred: f.pred, key: f.key }), order, desc };
}

function featuredImage(p: PNode): Record<string, unknown> | null {
  const u = p.item.images[0];
  return u ? { id: gid('ProductImage', p.item.itemId), url: u, altText: null, width: 600, height: 600 } : null;
}

export function queryResolvers(shop: Shop): Resolvers {
  const P = (item: Item): PNode => ({ shop, item });
  const V = (item: Item, v: Variant): VNode => ({ shop, item, v });
  const findProduct = (id: unknown): Item | undefined => {
    const n = gidNum('Product', id);
    return n ? shop.items.get(n) : undefined;
  };
  const variantsOf = (item: Item, args: Record<string, unknown>): unknown =>
    connection(arrView(item.variants), args as ConnArgs, (v) => [item.variants.indexOf(v)], (v) => V(item, v), args.reverse === true);
  const levels = (n: VNode): LvNode[] => shop.locations.map((_, idx) => ({ ...n, idx }));
  return {
    QueryRoot: {
      products: (_p, a) => {
        const { view, order, desc } = productsView(shop, a);
        return connection(view, a as ConnArgs, (it) => (order === 'update' ? [it.updatedAt, it.seq] : [it.seq]), P, desc);
      },
      productsCount: (_p, a) => ({ count: productsView(shop, a).view.length, precision: 'EXACT' }),
      product: (_p, a) => {
        const it = findProduct(a.id);
        return it ? P(it) : null;
      },
      productVariants: (_p, a) => {
        const terms = parseSearch((a.query as string | undefined) ?? '');
        const sku = terms.find((t) => t.field === 'sku' && !t.neg);
        let refs: VNode[];
        if (sku && terms.length === 1) refs = shop.items.bySku(sku.value).map((r) => V(r.item, r.variant));
        else refs = shop.items.all().flatMap((it) => it.variants.map((v) => V(it, v)));
        refs.sort((x, y) => +x.v.variantId - +y.v.variantId);
        return connection(arrView(refs), a as ConnArgs, (n) => [+n.v.variantId], (n) => n, a.reverse === true);
      },
      productVariant: (_p, a) => {
        const n = gidNum('ProductVariant', a.id);
        const r = n ? shop.items.variant(n) : undefined;
        return r ? V(r.item, r.variant) : null;
      },
      inventoryItem: (_p, a) => {
        const n = gidNum('InventoryItem', a.id);
        const r = n ? shop.items.inventoryItem(n) : undefined;
        return r ? V(r.item, r.variant) : null;
      },
      // Shopify sorts locations by name unless asked otherwise: the first is not the primary one.
      locations: (_p, a) => {
        const all = shop.locations.map((_, idx) => ({ shop, idx }) as LNode);
        if (a.sortKey !== 'ID') all.sort((x, y) => shop.locations[x.idx]!.name.localeCompare(shop.locations[y.idx]!.name));
        if (a.reverse === true) all.reverse();
        const rank = new Map(all.map((l, i) => [l.idx, i]));
        return connection(arrView(all), a as ConnArgs, (l) => [rank.get(l.idx)!], (l) => l);
      },
      location: (_p, a) => {
        const idx = a.id === undefined || a.id === null ? 0 : shop.locations.findIndex((l) => gid('Location', l.id) === a.id);
        return idx >= 0 ? { shop, idx } : null;
      },
      shop: () => ({
        id: gid('Shop', shop.shopId.length * 1000 + shop.locations.length),
        name: shop.name,
        myshopifyDomain: shop.domain,
        email: `owner@${shop.domain}`,
        currencyCode: shop.currency,
        ianaTimezone: 'UTC',
        url: `https://${shop.domain}`,
        plan: { displayName: 'Basic', partnerDevelopment: false, shopifyPlus: false },
      }),
    },
    Product: {
      id: (p) => gid('Product', (p as PNode).item.itemId),
      legacyResourceId: (p) => (p as PNode).item.itemId,
      title: (p) => (p as PNode).item.title,
      handle: (p) => (p as PNode).item.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      status: (p) => (p as PNode).item.status,
      vendor: (p) => (p as PNode).shop.name,
      productType: () => '',
      description: (p) => (p as PNode).item.description,
      descriptionHtml: (p) => `<p>${(p as PNode).item.description}</p>`,
      createdAt: (p) => isoSeconds((p as PNode).item.createdAt),
      updatedAt: (p) => isoSeconds((p as PNode).item.updatedAt),
      publishedAt: (p) => ((p as PNode).item.status === 'ACTIVE' ? isoSeconds((p as PNode).item.createdAt) : null),
      totalInventory: (p) => (p as PNode).item.variants.reduce((a, v) => a + totalStock(v), 0),
      tracksInventory: () => true,
      hasOnlyDefaultVariant: (p) => !(p as PNode).item.hasVariants,
      featuredImage: (p) => featuredImage(p as PNode),
      // The first image as a MediaImage: its preview is the image itself, processed (READY).
      featuredMedia: (p) => {
        const image = featuredImage(p as PNode);
        return image ? { id: gid('MediaImage', (p as PNode).item.itemId), alt: null, mediaContentType: 'IMAGE', status: 'READY', preview: { image, status: 'READY' } } : null;
      },
      options: (p) => {
        const it = (p as PNode).item;
        return [{ id: gid('ProductOption', it.itemId), name: it.hasVariants ? it.tierName || 'Option' : 'Title', position: 1, values: it.hasVariants ? it.variants.map((v) => v.option) : ['Default Title'] }];
      },
      variants: (p, a) => variantsOf((p as PNode).item, a),
      variantsCount: (p) => ({ count: (p as PNode).item.variants.length, precision: 'EXACT' }),
      tags: () => [],
    },
    ProductVariant: {
      id: (n) => gid('ProductVariant', (n as VNode).v.variantId),
      legacyResourceId: (n) => (n as VNode).v.variantId,
      title: (n) => (n as VNode).v.option || 'Default Title',
      displayName: (n) => `${(n as VNode).item.title} - ${(n as VNode).v.option || 'Default Title'}`,
      sku: (n) => (n as VNode).v.sellerSku,
      price: (n) => money((n as VNode).v.price),
      compareAtPrice: () => null,
      inventoryQuantity: (n) => totalStock((n as VNode).v),
      barcode: () => null,
      position: (n) => (n as VNode).item.variants.indexOf((n as VNode).v) + 1,
      availableForSale: (n) => (n as VNode).item.status === 'ACTIVE' && totalStock((n as VNode).v) > 0,
      createdAt: (n) => isoSeconds((n as VNode).v.createdAt),
      updatedAt: (n) => isoSeconds(Math.max((n as VNode).v.updatedAt, (n as VNode).v.createdAt)),
      selectedOptions: (n) => [{ name: (n as VNode).item.hasVariants ? (n as VNode).item.tierName || 'Option' : 'Title', value: (n as VNode).v.option || 'Default Title' }],
      inventoryItem: (n) => n,
      product: (n) => P((n as VNode).item),
    },
    InventoryItem: {
      id: (n) => gid('InventoryItem', (n as VNode).v.inventoryItemId),
      legacyResourceId: (n) => (n as VNode).v.inventoryItemId,
      sku: (n) => (n as VNode).v.sellerSku,
      tracked: () => true,
      requiresShipping: () => true,
      createdAt: (n) => isoSeconds((n as VNode).v.createdAt),
      updatedAt: (n) => isoSeconds((n as VNode).v.updatedAt),
      variant: (n) => n,
      inventoryLevels: (n, a) => connection(arrView(levels(n as VNode)), a as ConnArgs, (l) => [l.idx], (l) => l),
      inventoryLevel: (n, a) => {
        const idx = shop.locations.findIndex((l) => gid('Location', l.id) === a.locationId);
        return idx >= 0 ? { ...(n as VNode), idx } : null;
      },
    },
    InventoryLevel: {
      id: (n) => `${gid('InventoryLevel', shop.locations[(n as LvNode).idx]!.id)}?inventory_item_id=${(n as LvNode).v.inventoryItemId}`,
      location: (n) => ({ shop, idx: (n as LvNode).idx }),
      item: (n) => n,
      quantities: (n, a) => {
        const l = n as LvNode;
        const avail = l.v.stock[l.idx] ?? 0;
        const committed = l.idx === 0 ? l.v.reserved : 0;
        const vals: Record<string, number> = { available: avail, on_hand: avail + committed, committed, incoming: 0, reserved: 0, damaged: 0, safety_stock: 0, quality_control: 0 };
        return ((a.names as string[] | undefined) ?? []).filter((x) => x in vals).map((name) => ({ id: `${gid('InventoryQuantity', l.v.inventoryItemId)}?name=${name}`, name, quantity: vals[name], updatedAt: isoSeconds(l.v.updatedAt) }));
      },
      updatedAt: (n) => isoSeconds((n as LvNode).v.updatedAt),
      canDeactivate: () => false,
    },
    Location: {
      id: (n) => gid('Location', shop.locations[(n as LNode).idx]!.id),
      legacyResourceId: (n) => shop.locations[(n as LNode).idx]!.id,
      name: (n) => shop.locations[(n as LNode).idx]!.name,
      isActive: () => true,
      fulfillsOnlineOrders: () => true,
    },
  };
}
