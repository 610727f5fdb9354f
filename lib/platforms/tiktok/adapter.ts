// TikTok Shop adapter (tiktok.md, 202309 APIs). Stock: one product per call, ≤100 SKUs, every
// warehouse of each SKU named.

import type { AdapterOptions } from '../http.ts';
import { pacerFor, retryThrottled, type Pacer } from '../pacer.ts';
import { TokenKeeper } from '../tokens.ts';
import {
  PlatformError,
  type CatalogBrand,
  type CatalogCategory,
  type CategoryRules,
  type CreatedListing,
  type HostedImage,
  type PlatformWarehouse,
  type CredentialHolder,
  type CredentialsOf,
  type ListItemsOptions,
  type ListItemsPage,
  type ListOrdersOptions,
  type ListOrdersPage,
  type NewListing,
  type PlatformAdapter,
  type PlatformEndpoints,
  type PlatformItem,
  type ShopIdentity,
  type StockResult,
  type StockUpdate,
} from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, groupBy, int, num, obj, str } from '../util.ts';
import { refreshTiktokToken, tiktokShopInfo } from './auth.ts';
import { isTiktokExpired, tiktokCall, type TiktokCall } from './client.ts';
import { mapTiktokProduct, tiktokCreateBody, tiktokInventoryBody, tiktokSkuErrors, warehouseIdsOf } from './mapping.ts';
import { listTiktokOrders } from './orders.ts';
import { tiktokProfile } from './profile.ts';
import { tiktokBrands, tiktokCategories, tiktokCategoryRules, tiktokHostImage, tiktokWarehouses } from './catalog.ts';

const PAGE_MAX = tiktokProfile.api.productPageMax;
const SKUS_PER_CALL = tiktokProfile.api.stockBatchMax;
const SEARCH = '/product/202309/products/search';
const LIST_PASSES = ['ALL', 'DELETED'] as const;

export class TiktokAdapter implements PlatformAdapter {
  readonly platform = 'tiktok' as const;
  readonly maxStockBatch = SKUS_PER_CALL;
  private readonly tokens: TokenKeeper<CredentialsOf<'tiktok'>>;
  private readonly pacer: Pacer | null;
  /** Learnt while listing; a new product's SKUs need a warehouse and a currency. */
  private knownWarehouse: string | undefined;
  private knownCurrency: string | undefined;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly credentials: CredentialHolder<'tiktok'>,
    private readonly opts: AdapterOptions = {},
  ) {
    this.tokens = new TokenKeeper(credentials, (c) => refreshTiktokToken(c, endpoints, opts), opts.now ?? Date.now);
    const rate = opts.callsPerSecond ?? tiktokProfile.api.callsPerSecond;
    this.pacer = rate > 0 ? pacerFor(`tiktok ${endpoints.apiBaseUrl} ${credentials.get().shopCipher}`, rate) : null;
  }

  /** A paced shop call; on 105002 (expired token): refresh (persisted first), then once more.
   *  `retry`: wait out a throttle inside multi-call methods (pacer.ts). */
  private call(call: Omit<TiktokCall, 'shopCipher'>, retry = true): Promise<Record<string, unknown>> {
    const once = async () => {
      const creds = await this.tokens.current();
      try {
        await this.pacer?.take();
        return await tiktokCall(this.endpoints.apiBaseUrl, creds, { ...call, shopCipher: call.shopless ? undefined : creds.shopCipher }, this.opts);
      } catch (err) {
        if (!isTiktokExpired(err)) throw err;
        const fresh = await this.tokens.refresh(creds.accessToken);
        await this.pacer?.take();
        return tiktokCall(this.endpoints.apiBaseUrl, fresh, { ...call, shopCipher: call.shopless ? undefined : fresh.shopCipher }, this.opts);
      }
    };
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string; identity?: ShopIdentity }> {
    const creds = await this.tokens.current();
    try {
      return await tiktokShopInfo(creds, this.endpoints, this.opts);
    } catch (err) {
      if (!isTiktokExpired(err)) throw err;
      const fresh = await this.tokens.refresh(creds.accessToken);
      return tiktokShopInfo(fresh, this.endpoints, this.opts);
    }
  }

  private async search(body: Record<string, unknown>, pageSize: number, pageToken?: string) {
    const query: Record<string, string> = { page_size: String(pageSize) };
    if (pageToken) query.page_token = pageToken;
    const env = await this.call({ method: 'POST', path: SEARCH, query, body });
    const data = obj(env.data);
    const items = arr(data.products).map(mapTiktokProduct);
    for (const v of items.flatMap((i) => i.variants)) {
      this.knownWarehouse ??= warehouseIdsOf(v.ref)[0];
      this.knownCurrency ??= str(v.ref?.currency) || undefined;
    }
    return { items, next: str(data.next_page_token), total: num(data.total_count) ?? undefined };
  }

  /** A full download makes two passes: status ALL (which leaves deleted products out), then
   *  DELETED, so deletions come back as status `deleted`. An incremental one stays one pass
   *  (fewest calls); the next full download reports deletions. The cursor carries the pass. */
  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    const pass = c ? int(c.f) : 0;
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_MAX, 1), PAGE_MAX);
    const body: Record<string, unknown> = { status: LIST_PASSES[pass] ?? 'ALL' };
    if (updatedSince !== undefined) body.update_time_ge = Math.floor(updatedSince / 1000);
    const page = await this.search(body, pageSize, c ? str(c.t) || undefined : undefined);
    const nextCursor =
      page.next && page.items.length > 0
        ? encodeCursor({ f: pass, t: page.next, u: updatedSince })
        : updatedSince === undefined && pass + 1 < LIST_PASSES.length
          ? encodeCursor({ f: pass + 1, u: updatedSince })
          : null;
    return { items: page.items, nextCursor, total: pass === 0 ? page.total : undefined };
  }

  planStockCalls(updates: StockUpdate[]): StockUpdate[][] {
    const groups: StockUpdate[][] = [];
    for (const g of groupBy(updates, (u) => u.platformItemId).values()) groups.push(...chunk(g, SKUS_PER_CALL));
    return groups;
  }

  async setStock(group: StockUpdate[]): Promise<StockResult[]> {
    const first = group[0];
    if (!first) return [];
    if (group.some((u) => u.platformItemId !== first.platformItemId) || group.length > SKUS_PER_CALL) {
      throw new PlatformError('invalid', 'tiktok inventory/update: one product and at most 100 SKUs per call');
    }
    const warehouses = await this.warehousesFor(group);
    const env = await this.call({
      method: 'POST',
      path: `/product/202309/products/${encodeURIComponent(first.platformItemId)}/inventory/update`,
      body: tiktokInventoryBody(group, (u) => warehouses.get(u.platformVariantId) ?? []),
      allowPartial: true,
    }, false);
    const { bySku, general } = tiktokSkuErrors(env.data);
    return group.map((u) => {
      const base = { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId };
      const e = bySku.get(u.platformVariantId) ?? (bySku.size === 0 ? general : null);
      return e ? { ...base, ok: false, error: { kind: 'invalid' as const, code: e.code, message: e.message } } : { ...base, ok: true };
    });
  }

  /** Warehouses from `ref`; when a ref lacks them, one detail read of the product fills them in. */
  private async warehousesFor(group: StockUpdate[]): Promise<Map<string, string[]>> {
    const out = new Map(group.map((u) => [u.platformVariantId, warehouseIdsOf(u.ref)]));
    if ([...out.values()].every((w) => w.length > 0)) return out;
    const productId = group[0]?.platformItemId ?? '';
    const env = await this.call({ method: 'GET', path: `/product/202309/products/${encodeURIComponent(productId)}` });
    for (const v of mapTiktokProduct(env.data).variants) {
      if (out.get(v.platformVariantId)?.length === 0) out.set(v.platformVariantId, warehouseIdsOf(v.ref));
    }
    for (const [id, w] of out) if (w.length === 0) throw new PlatformError('not_found', `tiktok: SKU ${id} has no warehouse`);
    return out;
  }

  /** products/search filtered by `seller_skus`: one call per 100 SKUs (more pages if needed). */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number }[]> {
    const wanted = new Set(refs.map((r) => r.platformVariantId));
    const out: { platformVariantId: string; stock: number }[] = [];
    for (const skus of chunk([...new Set(refs.map((r) => r.sellerSku))], PAGE_MAX)) {
      for (const item of await this.searchAll({ status: 'ALL', seller_skus: skus })) {
        for (const v of item.variants) if (wanted.has(v.platformVariantId)) out.push({ platformVariantId: v.platformVariantId, stock: v.stock });
      }
    }
    return out;
  }

  private async searchAll(body: Record<string, unknown>): Promise<PlatformItem[]> {
    const items: PlatformItem[] = [];
    let token: string | undefined;
    do {
      const page = await this.search(body, PAGE_MAX, token);
      items.push(...page.items);
      token = page.items.length > 0 && page.next ? page.next : undefined;
    } while (token);
    return items;
  }

  async createListing(listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length === 0) throw new PlatformError('invalid', 'tiktok: a product needs at least one SKU');
    const { warehouseId, currency } = await this.defaults(listing);
    const env = await this.call({ method: 'POST', path: '/product/202309/products', body: tiktokCreateBody(listing, warehouseId, currency) });
    const data = obj(env.data);
    const productId = str(data.product_id);
    if (!productId) throw new PlatformError('temporary', 'tiktok create product: the answer has no product_id');
    const bySku = new Map(arr(data.skus).map((s) => [str(obj(s).seller_sku), str(obj(s).id)]));
    return {
      platformItemId: productId,
      variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })),
    };
  }

  /** Warehouse and currency for new SKUs: `extra`, else what listing showed, else one product read. */
  private async defaults(listing: NewListing): Promise<{ warehouseId: string; currency: string }> {
    const extra = listing.extra ?? {};
    const chosen = listing.warehouseId || str(extra.warehouseId);
    if (!chosen && !this.knownWarehouse) await this.search({ status: 'ALL' }, 1);
    if (!chosen && !this.knownWarehouse) {
      // A shop with no product yet: the logistics API lists its warehouses (default first).
      const env = await this.call({ method: 'GET', path: '/logistics/202309/warehouses' }).catch((err: unknown) => {
        if (err instanceof PlatformError && (err.kind === 'not_found' || err.kind === 'invalid')) return {} as Record<string, unknown>;
        throw err;
      });
      const ws = arr(obj(env.data).warehouses).map(obj);
      this.knownWarehouse = str((ws.find((w) => w.is_default === true) ?? ws[0])?.id) || undefined;
    }
    const warehouseId = listing.warehouseId || str(extra.warehouseId) || this.knownWarehouse;
    if (!warehouseId) throw new PlatformError('invalid', 'tiktok: no warehouse known for the new SKUs (set extra.warehouseId)');
    return { warehouseId, currency: str(extra.currency) || this.knownCurrency || 'USD' };
  }

  /** One orders/search call per page. A throttle is thrown, not waited out: the page is the
   *  method's first and only call, and the order poller owns backoff (pacer.ts). */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage> {
    return listTiktokOrders((c) => this.call(c, false), opts);
  }

  /** The detail call: images (with URIs), brand, attributes and category chain. */
  async getItem(platformItemId: string): Promise<PlatformItem | null> {
    try {
      const env = await this.call({ method: 'GET', path: `/product/202309/products/${encodeURIComponent(platformItemId)}` });
      return mapTiktokProduct(env.data);
    } catch (err) {
      if (err instanceof PlatformError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  listCategories(): Promise<CatalogCategory[]> {
    return tiktokCategories((c) => this.call(c));
  }

  categoryRules(categoryId: string): Promise<CategoryRules> {
    return tiktokCategoryRules((c) => this.call(c), categoryId);
  }

  listBrands(categoryId: string): Promise<CatalogBrand[]> {
    return tiktokBrands((c) => this.call(c), categoryId);
  }

  listWarehouses(): Promise<PlatformWarehouse[]> {
    return tiktokWarehouses((c) => this.call(c));
  }

  hostImage(sourceUrl: string): Promise<HostedImage> {
    return tiktokHostImage((c) => this.call(c), sourceUrl, this.opts);
  }

  async findItemBySellerSku(sku: string): Promise<PlatformItem | null> {
    const items = await this.searchAll({ status: 'ALL', seller_skus: [sku] });
    return items.find((i) => i.variants.some((v) => v.sellerSku === sku)) ?? null;
  }
}
