// Shopify adapter (shopify.md): Admin GraphQL. Stock: one inventorySetQuantities per ≤250
// quantities at the store's location (its setting, else the shop's primary location), read back
// as that location's `available`. Every document is written for the API version that answers
// (versions.ts): the store's, or the one Shopify says served the call when it fell forward.
// A whole-store download goes through a bulk operation (bulk.ts) from 2026-01, page by page when
// that cannot be used; incremental downloads (`updatedSince`) are always paged.

import type { AdapterOptions } from '../http.ts';
import { logger } from '../../log/logger.ts';
import { retryThrottled } from '../pacer.ts';
import {
  PlatformError,
  type CreatedListing,
  type CredentialHolder,
  type ListItemsOptions,
  type ListItemsPage,
  type ListOrdersOptions,
  type ListOrdersPage,
  type NewListing,
  type PlatformAdapter,
  type PlatformLocation,
  type PlatformEndpoints,
  type PlatformItem,
  type StockResult,
  type StockUpdate,
} from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, num, obj, str } from '../util.ts';
import { BULK_FROM, BulkUnusable, continueBulkExport, isBulkCursor, startBulkExport } from './bulk.ts';
import { DEFAULT_SHOPIFY_VERSION, shopifyGraphql } from './client.ts';
import {
  LOCATIONS_QUERY,
  LOCATION_QUERY,
  PRIMARY_LOCATION_QUERY,
  PRODUCTS_QUERY,
  PRODUCT_SET_MUTATION,
  SHOP_QUERY,
  STOCK_READS_PER_CALL,
  VARIANTS_QUERY,
  IDEMPOTENT_FROM,
  availableAt,
  mapShopifyProduct,
  mapShopifyVariant,
  productsPageShape,
  productSetInput,
  quantityErrors,
  setQuantitiesInput,
  setQuantitiesMutation,
  updatedSinceQuery,
  variantStockQuery,
} from './mapping.ts';
import { listShopifyOrders } from './orders.ts';
import { versionAtLeast } from './versions.ts';
import { shopifyProfile } from './profile.ts';

const log = logger('shopify');

/** Per shop (and location setting), for the worker's life: the engine makes an adapter per push
 *  turn, and resolving the location or learning the answering version would cost a call each. */
const resolvedLocations = new Map<string, string>();
const servedVersions = new Map<string, string>();

/** 25 products with 11 variants each in one query stays under the 1000-point cap. */
const PAGE_DEFAULT = shopifyProfile.api.productPageMax;
const QUANTITIES_PER_CALL = shopifyProfile.api.stockBatchMax;

export class ShopifyAdapter implements PlatformAdapter {
  readonly platform = 'shopify' as const;
  readonly maxStockBatch = QUANTITIES_PER_CALL;
  private locationId: string | undefined;
  /** The version that last answered (`X-Shopify-API-Version`), when Shopify said one. */
  private served: string | undefined;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly credentials: CredentialHolder<'shopify'>,
    private readonly opts: AdapterOptions = {},
  ) {}

  /** The version documents are written for: the one that answers, which is the store's while
   *  Shopify supports it and the oldest supported one after (Shopify falls forward silently). */
  get version(): string {
    const asked = this.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION;
    return this.served ?? servedVersions.get(`${this.endpoints.apiBaseUrl}|${asked}`) ?? asked;
  }

  private learnServed(version: string): void {
    this.served = version;
    servedVersions.set(`${this.endpoints.apiBaseUrl}|${this.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION}`, version);
  }

  private get locationKey(): string {
    return `${this.endpoints.apiBaseUrl}|${this.endpoints.locationId ?? ''}`;
  }

  /** `retry`: wait out THROTTLED inside multi-call methods (pacer.ts); setStock never does. */
  private gql(query: string | (() => string), variables: Record<string, unknown> | (() => Record<string, unknown>) = {}, retry = true): Promise<Record<string, unknown>> {
    // Built per attempt: a retry after the version fell forward sends that version's document.
    const once = () =>
      shopifyGraphql(this.endpoints, this.credentials.get().accessToken, typeof query === 'string' ? query : query(), typeof variables === 'function' ? variables() : variables, this.opts, (v) => this.learnServed(v));
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string }> {
    const data = await this.gql(SHOP_QUERY, {}, false);
    return { shopName: str(obj(data.shop).name) || undefined };
  }

  /** Stock is per inventory item × location; Shelfsync syncs the store's chosen location, else
   *  the shop's primary one (`location` without an id: `locations` is sorted by name, its first
   *  node is not the primary). Cached per adapter. */
  private async location(): Promise<string> {
    if (this.locationId) return this.locationId;
    const known = resolvedLocations.get(this.locationKey);
    if (known) return (this.locationId = known);
    const chosen = this.endpoints.locationId;
    const data = chosen ? await this.gql(LOCATION_QUERY, { id: chosen }) : await this.gql(PRIMARY_LOCATION_QUERY);
    const id = str(obj(data.location).id);
    if (!id) {
      throw new PlatformError('invalid', chosen ? `shopify: the location Shelfsync syncs (${chosen}) is no longer in the shop; choose another in the store's settings` : 'shopify: the shop has no location');
    }
    this.locationId = id;
    resolvedLocations.set(this.locationKey, id);
    return id;
  }

  /** The shop's locations (for the store's setting), the primary one marked. */
  async listLocations(): Promise<PlatformLocation[]> {
    const out: PlatformLocation[] = [];
    let cursor: string | null = null;
    do {
      const data = await this.gql(LOCATIONS_QUERY, { cursor });
      const primary = str(obj(data.location).id);
      const conn = obj(data.locations);
      for (const raw of arr(conn.nodes)) {
        const l = obj(raw);
        out.push({ id: str(l.id), name: str(l.name), primary: str(l.id) === primary, active: l.isActive !== false });
      }
      const page = obj(conn.pageInfo);
      cursor = page.hasNextPage === true ? str(page.endCursor) || null : null;
    } while (cursor);
    return out;
  }

  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    if (isBulkCursor(c)) return this.bulk(() => continueBulkExport((q, v) => this.gql(q, v), c, this.opts));
    if (!c && opts.wholeStore && opts.updatedSince === undefined) {
      const locationId = await this.location();
      // Asked after the location call: a version that fell forward is known by then.
      if (versionAtLeast(this.version, BULK_FROM)) return this.bulk(() => startBulkExport((q, v) => this.gql(q, v), locationId));
    }
    return this.productsPage(c, opts);
  }

  /** A bulk export's page, or — when it cannot be used — the first page of a paged download. */
  private async bulk(page: () => Promise<ListItemsPage>): Promise<ListItemsPage> {
    try {
      return await page();
    } catch (err) {
      if (!(err instanceof BulkUnusable)) throw err;
      log.warn(`shopify ${this.endpoints.apiBaseUrl}: the bulk export cannot be used (${err.code}: ${err.message}); downloading page by page instead`);
      return this.productsPage(null, {});
    }
  }

  private async productsPage(c: Record<string, unknown> | null, opts: ListItemsOptions): Promise<ListItemsPage> {
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    const shape = productsPageShape(opts.pageSize ?? PAGE_DEFAULT);
    const locationId = await this.location();
    const data = await this.gql(PRODUCTS_QUERY, {
      ...shape,
      cursor: c ? str(c.a) || null : null,
      q: updatedSince !== undefined ? updatedSinceQuery(updatedSince) : null,
      loc: locationId,
    });
    const products = obj(data.products);
    const pageInfo = obj(products.pageInfo);
    const end = str(pageInfo.endCursor);
    const items: PlatformItem[] = [];
    for (const raw of arr(products.nodes)) {
      const item = mapShopifyProduct(raw);
      let more = obj(obj(obj(raw).variants).pageInfo);
      // Products with more variants than this page's share: the rest 100 at a time.
      while (more.hasNextPage === true && str(more.endCursor)) {
        const d = await this.gql(VARIANTS_QUERY, { id: item.platformItemId, cursor: str(more.endCursor), loc: locationId });
        const variants = obj(obj(d.product).variants);
        item.variants.push(...arr(variants.nodes).map(mapShopifyVariant));
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
    // The store's location for every entry, whatever location a download once noted in `ref`:
    // a changed location setting applies at once.
    const locationId = await this.location();
    // A fresh idempotency key per call: a key is one operation (Shopify replays its first answer).
    const data = await this.gql(
      () => setQuantitiesMutation(this.version),
      () => ({ input: setQuantitiesInput(group, locationId, this.version), ...(versionAtLeast(this.version, IDEMPOTENT_FROM) ? { key: crypto.randomUUID() } : {}) }),
      false,
    );
    const payload = obj(data.inventorySetQuantities);
    const { byIndex, general } = quantityErrors(payload.userErrors);
    // Every entry refused for its location: the remembered location is gone (removed, or the
    // shop was set up again). Forget it; the next push resolves it afresh.
    if (byIndex.size === group.length && [...byIndex.values()].every((e) => e.code === 'INVALID_LOCATION')) {
      resolvedLocations.delete(this.locationKey);
      this.locationId = undefined;
      return group.map((u) => ({ platformItemId: u.platformItemId, platformVariantId: u.platformVariantId, ok: false, error: { kind: 'temporary' as const, code: 'INVALID_LOCATION', message: 'shopify: the location Shelfsync syncs was not found; it is looked up again for the next push' } }));
    }
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

  /** `available` at the store's location (what setStock writes), by aliased
   *  `productVariant(id:)` reads: one query per 200 variants. */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number }[]> {
    const out: { platformVariantId: string; stock: number }[] = [];
    const loc = await this.location();
    for (const part of chunk(refs.map((r) => r.platformVariantId), STOCK_READS_PER_CALL)) {
      const data = await this.gql(variantStockQuery(part.length), { loc, ...Object.fromEntries(part.map((id, i) => [`v${i}`, id])) });
      part.forEach((_, i) => {
        const v = obj(data[`v${i}`]);
        if (str(v.id)) out.push({ platformVariantId: str(v.id), stock: availableAt(obj(v.inventoryItem)) });
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
    const data = await this.gql(PRODUCTS_QUERY, { ...productsPageShape(10), cursor: null, q: `sku:${JSON.stringify(sku)}`, loc: locationId });
    const items = arr(obj(data.products).nodes).map(mapShopifyProduct);
    return items.find((i) => i.variants.some((v) => v.sellerSku === sku)) ?? null;
  }
}
