// Shopify adapter (shopify.md): Admin GraphQL. Stock: one inventorySetQuantities per ≤250
// quantities at the shop's location.

import type { AdapterOptions } from '../http.ts';
import { retryThrottled } from '../pacer.ts';
import {
  PlatformError,
  type CreatedListing,
  type CredentialStore,
  type ListItemsOptions,
  type ListItemsPage,
  type ListOrdersOptions,
  type ListOrdersPage,
  type NewListing,
  type PlatformAdapter,
  type PlatformEndpoints,
  type PlatformItem,
  type StockResult,
  type StockUpdate,
} from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, int, num, obj, str } from '../util.ts';
import { shopifyGraphql } from './client.ts';
import {
  LOCATIONS_QUERY,
  PRODUCTS_QUERY,
  PRODUCT_SET_MUTATION,
  SET_QUANTITIES_MUTATION,
  SHOP_QUERY,
  VARIANTS_QUERY,
  mapShopifyProduct,
  mapShopifyVariant,
  productsPageShape,
  productSetInput,
  quantityErrors,
  setQuantitiesInput,
  updatedSinceQuery,
  variantStockQuery,
} from './mapping.ts';
import { listShopifyOrders } from './orders.ts';

/** 25 products with 11 variants each in one query stays under the 1000-point cap. */
const PAGE_DEFAULT = 25;
const QUANTITIES_PER_CALL = 250;

export class ShopifyAdapter implements PlatformAdapter {
  readonly platform = 'shopify' as const;
  readonly maxStockBatch = QUANTITIES_PER_CALL;
  private locationId: string | undefined;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly store: CredentialStore<'shopify'>,
    private readonly opts: AdapterOptions = {},
  ) {}

  /** `retry`: wait out THROTTLED inside multi-call methods (pacer.ts); setStock never does. */
  private gql(query: string, variables: Record<string, unknown> = {}, retry = true): Promise<Record<string, unknown>> {
    const once = () => shopifyGraphql(this.endpoints, this.store.get().accessToken, query, variables, this.opts);
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string }> {
    const data = await this.gql(SHOP_QUERY, {}, false);
    return { shopName: str(obj(data.shop).name) || undefined };
  }

  /** Stock is per inventory item × location; Shelfsync syncs the shop's first location
   *  (`locations(first: 50)` lists the primary one first). Cached per adapter. */
  private async location(): Promise<string> {
    if (this.locationId) return this.locationId;
    const data = await this.gql(LOCATIONS_QUERY);
    const id = str(obj(arr(obj(data.locations).nodes)[0]).id);
    if (!id) throw new PlatformError('invalid', 'shopify: the shop has no location');
    this.locationId = id;
    return id;
  }

  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    const shape = productsPageShape(opts.pageSize ?? PAGE_DEFAULT);
    const locationId = await this.location();
    const data = await this.gql(PRODUCTS_QUERY, {
      ...shape,
      cursor: c ? str(c.a) || null : null,
      q: updatedSince !== undefined ? updatedSinceQuery(updatedSince) : null,
    });
    const products = obj(data.products);
    const pageInfo = obj(products.pageInfo);
    const end = str(pageInfo.endCursor);
    const items: PlatformItem[] = [];
    for (const raw of arr(products.nodes)) {
      const item = mapShopifyProduct(raw, locationId);
      let more = obj(obj(obj(raw).variants).pageInfo);
      // Products with more variants than this page's share: the rest 100 at a time.
      while (more.hasNextPage === true && str(more.endCursor)) {
        const d = await this.gql(VARIANTS_QUERY, { id: item.platformItemId, cursor: str(more.endCursor) });
        const variants = obj(obj(d.product).variants);
        item.variants.push(...arr(variants.nodes).map((v) => mapShopifyVariant(v, locationId)));
        more = obj(variants.pageInfo);
      }
      items.push(item);
    }
    return {
      items,
      nextCursor: pageInfo.hasNextPage === true && end ? encodeCursor({ a: end, u: updatedSince }) : null,
    };
  }

  /** Orders changed since a time (orders.ts), through the same GraphQL transport as stock. */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage> {
    return listShopifyOrders((query, variables, retry) => this.gql(query, variables, retry), opts);
  }

  planStockCalls(updates: StockUpdate[]): StockUpdate[][] {
    return chunk(updates, QUANTITIES_PER_CALL);
  }

  async setStock(group: StockUpdate[]): Promise<StockResult[]> {
    if (group.length === 0) return [];
    if (group.length > QUANTITIES_PER_CALL) throw new PlatformError('invalid', 'shopify inventorySetQuantities: at most 250 quantities');
    const missing = group.find((u) => !str(u.ref?.inventoryItemId));
    if (missing) throw new PlatformError('invalid', `shopify: variant ${missing.platformVariantId} has no inventoryItemId in ref`);
    const fallback = group.every((u) => str(u.ref?.locationId)) ? '' : await this.location();
    const data = await this.gql(SET_QUANTITIES_MUTATION, { input: setQuantitiesInput(group, (u) => str(u.ref?.locationId) || fallback) }, false);
    const payload = obj(data.inventorySetQuantities);
    const { byIndex, general } = quantityErrors(payload.userErrors);
    // The mutation is all-or-nothing: with userErrors and no adjustment group nothing was set,
    // so the entries that were not at fault are reported temporary (retry them alone).
    const applied = payload.inventoryAdjustmentGroup != null || (byIndex.size === 0 && general === null);
    return group.map((u, i) => {
      const base = { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId };
      const e = byIndex.get(i) ?? (byIndex.size === 0 ? general : null);
      if (e) return { ...base, ok: false, error: { kind: 'invalid' as const, code: e.code || undefined, message: e.message } };
      if (!applied) return { ...base, ok: false, error: { kind: 'temporary' as const, message: 'not applied: another entry of the batch was rejected' } };
      return { ...base, ok: true };
    });
  }

  /** Aliased `productVariant(id:)` reads (1 point each): one query per 250 variants. */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number }[]> {
    const out: { platformVariantId: string; stock: number }[] = [];
    for (const part of chunk(refs.map((r) => r.platformVariantId), QUANTITIES_PER_CALL)) {
      const data = await this.gql(variantStockQuery(part.length), Object.fromEntries(part.map((id, i) => [`v${i}`, id])));
      part.forEach((_, i) => {
        const v = obj(data[`v${i}`]);
        if (str(v.id)) out.push({ platformVariantId: str(v.id), stock: int(v.inventoryQuantity) });
      });
    }
    return out;
  }

  async createListing(listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length === 0) throw new PlatformError('invalid', 'shopify: a product needs at least one variant');
    const locationId = await this.location();
    const data = await this.gql(PRODUCT_SET_MUTATION, { input: productSetInput(listing, locationId), synchronous: true });
    const payload = obj(data.productSet);
    const errors = arr(payload.userErrors).map(obj);
    const product = obj(payload.product);
    if (!str(product.id)) {
      const msg = errors.map((e) => str(e.message)).join('; ') || 'no product in the answer';
      throw new PlatformError('invalid', `shopify productSet: ${msg}`, { platformCode: str(errors[0]?.code) || undefined });
    }
    const bySku = new Map(arr(obj(product.variants).nodes).map((v) => [str(obj(v).sku), str(obj(v).id)]));
    return {
      platformItemId: str(product.id),
      variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })),
    };
  }

  async findItemBySellerSku(sku: string): Promise<PlatformItem | null> {
    const locationId = await this.location();
    // Quotes keep SKUs with spaces or colons one search term.
    const data = await this.gql(PRODUCTS_QUERY, { ...productsPageShape(10), cursor: null, q: `sku:${JSON.stringify(sku)}` });
    const items = arr(obj(data.products).nodes).map((p) => mapShopifyProduct(p, locationId));
    return items.find((i) => i.variants.some((v) => v.sellerSku === sku)) ?? null;
  }
}
