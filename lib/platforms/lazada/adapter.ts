// Lazada adapter (lazada.md). Stock: ≤50 SKUs per call across items, XML payload.

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
import { arr, chunk, decodeCursor, encodeCursor, epochMs, int, isoSeconds, num, obj, str } from '../util.ts';
import { parseLazadaSeller, refreshLazadaToken } from './auth.ts';
import { isLazadaExpired, lazadaCall, type LazadaCall } from './client.ts';
import { lazadaCreatePayload, lazadaDetailFailures, lazadaStockXml, mapLazadaProduct } from './mapping.ts';
import { listLazadaOrders } from './orders.ts';
import { lazadaProfile } from './profile.ts';
import { lazadaBrands, lazadaCategories, lazadaCategoryRules, lazadaHostImage } from './catalog.ts';

const PAGE_MAX = lazadaProfile.api.productPageMax;
const SKUS_PER_CALL = lazadaProfile.api.stockBatchMax;
const SKU_FILTER_MAX = 100;
const LIST_PASSES = ['all', 'deleted'] as const;

/** /products/get refuses an offset above 10,000. */
const OFFSET_MAX = 10_000;

export class LazadaAdapter implements PlatformAdapter {
  readonly platform = 'lazada' as const;
  readonly maxStockBatch = SKUS_PER_CALL;
  private readonly tokens: TokenKeeper<CredentialsOf<'lazada'>>;
  private readonly pacer: Pacer | null;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly credentials: CredentialHolder<'lazada'>,
    private readonly opts: AdapterOptions = {},
  ) {
    this.tokens = new TokenKeeper(credentials, (c) => refreshLazadaToken(c, endpoints, opts), opts.now ?? Date.now);
    const rate = opts.callsPerSecond ?? lazadaProfile.api.callsPerSecond;
    this.pacer = rate > 0 ? pacerFor(`lazada ${endpoints.apiBaseUrl} ${credentials.get().appKey}`, rate) : null;
  }

  /** A paced seller call; on IllegalAccessToken: refresh (persisted first), then once more.
   *  `retry`: wait out a throttle inside multi-call methods (pacer.ts). */
  private call(call: LazadaCall, retry = true): Promise<Record<string, unknown>> {
    const once = async () => {
      const creds = await this.tokens.current();
      try {
        await this.pacer?.take();
        return await lazadaCall(this.endpoints.apiBaseUrl, creds, call, this.opts);
      } catch (err) {
        if (!isLazadaExpired(err)) throw err;
        const fresh = await this.tokens.refresh(creds.accessToken);
        await this.pacer?.take();
        return lazadaCall(this.endpoints.apiBaseUrl, fresh, call, this.opts);
      }
    };
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string; identity?: ShopIdentity }> {
    try {
      // /seller/get is outside our contract doc; the real API answers the shop's name and ids there.
      return parseLazadaSeller(await this.call({ method: 'GET', path: '/seller/get' }, false));
    } catch (err) {
      if (!(err instanceof PlatformError) || (err.kind !== 'not_found' && err.kind !== 'invalid') || isLazadaExpired(err)) throw err;
      await this.call({ method: 'GET', path: '/products/get', params: { filter: 'all', limit: '1', offset: '0' } }, false);
      return {};
    }
  }

  /** A full download makes two passes: `filter=all` (which leaves deleted products out), then
   *  `filter=deleted`, so deletions come back as status `deleted`. An incremental one stays one
   *  pass (fewest calls); the next full download reports deletions. The cursor carries the pass. */
  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    const pass = c ? int(c.f) : 0;
    const offset = c ? int(c.o) : 0;
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    // Beyond Lazada's offset limit (10,000) the window moves instead: update_after = the last
    // product's update time, offset back to 0 (lazada.md: "prefer moving update_after").
    const windowStart = c ? (num(c.w) ?? updatedSince) : updatedSince;
    const limit = Math.min(Math.max(opts.pageSize ?? PAGE_MAX, 1), PAGE_MAX);
    const params: Record<string, string> = { filter: LIST_PASSES[pass] ?? 'all', limit: String(limit), offset: String(offset) };
    if (windowStart !== undefined) params.update_after = isoSeconds(windowStart);
    const env = await this.call({ method: 'GET', path: '/products/get', params });
    const data = obj(env.data);
    const products = arr(data.products);
    const total = num(data.total_products) ?? undefined;
    const next = offset + products.length;
    const more = products.length === limit && (total === undefined || next < total);
    let window = windowStart;
    let nextOffset = next;
    if (more && next + limit > OFFSET_MAX) {
      const last = epochMs(obj(products[products.length - 1]).updated_time);
      // Items of the boundary second come again (inclusive bound); the caller's upsert absorbs them.
      if (!(last > (windowStart ?? -Infinity))) throw new PlatformError('invalid', 'lazada: more than 10,000 products share one update time; the list cannot be paged further');
      window = last;
      nextOffset = 0;
    }
    const nextCursor = more
      ? encodeCursor({ f: pass, o: nextOffset, u: updatedSince, w: window })
      : updatedSince === undefined && pass + 1 < LIST_PASSES.length
        ? encodeCursor({ f: pass + 1, o: 0, u: updatedSince })
        : null;
    // `total` counts the first pass only (deleted products are a handful, counted separately).
    return { items: products.map(mapLazadaProduct), nextCursor, total: pass === 0 ? total : undefined };
  }

  /** ≤50 SKUs per call, across items: plain chunks in the caller's order. */
  planStockCalls(updates: StockUpdate[]): StockUpdate[][] {
    return chunk(updates, SKUS_PER_CALL);
  }

  async setStock(group: StockUpdate[]): Promise<StockResult[]> {
    if (group.length === 0) return [];
    if (group.length > SKUS_PER_CALL) throw new PlatformError('invalid', 'lazada price_quantity/update: at most 50 SKUs per call');
    const env = await this.call({
      method: 'POST',
      path: '/product/price_quantity/update',
      params: { payload: lazadaStockXml(group) },
      allowDetail: true,
    }, false);
    const { bySku, general } = lazadaDetailFailures(env.detail);
    const failedCall = str(env.code ?? '0') !== '0';
    return group.map((u) => {
      const base = { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId };
      const reason = bySku.get(u.sellerSku) ?? bySku.get(u.platformVariantId) ?? (bySku.size === 0 && failedCall ? general : undefined);
      return reason == null ? { ...base, ok: true } : { ...base, ok: false, error: { kind: 'invalid' as const, code: str(env.code), message: reason } };
    });
  }

  /** /products/get filtered by `sku_seller_list` (≤100 SKUs): one call per 100 SKUs. */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number }[]> {
    const wanted = new Map(refs.map((r) => [r.platformVariantId, r.sellerSku]));
    const out: { platformVariantId: string; stock: number }[] = [];
    for (const part of chunk([...new Set(refs.map((r) => r.sellerSku))], SKU_FILTER_MAX)) {
      for (const item of await this.productsBySkus(part)) {
        for (const v of item.variants) {
          if (wanted.has(v.platformVariantId)) out.push({ platformVariantId: v.platformVariantId, stock: v.stock });
        }
      }
    }
    return out;
  }

  private async productsBySkus(skus: string[]): Promise<PlatformItem[]> {
    const items: PlatformItem[] = [];
    for (let offset = 0; ; offset += PAGE_MAX) {
      const env = await this.call({
        method: 'GET',
        path: '/products/get',
        params: { filter: 'all', limit: String(PAGE_MAX), offset: String(offset), sku_seller_list: JSON.stringify(skus) },
      });
      const products = arr(obj(env.data).products);
      items.push(...products.map(mapLazadaProduct));
      if (products.length < PAGE_MAX) return items;
    }
  }

  async createListing(listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length === 0) throw new PlatformError('invalid', 'lazada: a listing needs at least one SKU');
    const env = await this.call({ method: 'POST', path: '/product/create', params: { payload: lazadaCreatePayload(listing) } });
    const data = obj(env.data);
    const itemId = str(data.item_id);
    if (!itemId) throw new PlatformError('temporary', 'lazada product/create: the answer has no item_id');
    const bySku = new Map(arr(data.sku_list).map((s) => [str(obj(s).seller_sku), str(obj(s).sku_id)]));
    return {
      platformItemId: itemId,
      variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })),
    };
  }

  /** Orders changed since a time (orders.ts): the same signed, paced, refreshing calls. */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage> {
    return listLazadaOrders((c, retry) => this.call(c, retry), opts);
  }

  listCategories(): Promise<CatalogCategory[]> {
    return lazadaCategories((c) => this.call(c));
  }

  categoryRules(categoryId: string): Promise<CategoryRules> {
    return lazadaCategoryRules((c) => this.call(c), categoryId);
  }

  /** Lazada has one brand list for every category. */
  listBrands(): Promise<CatalogBrand[]> {
    return lazadaBrands((c) => this.call(c));
  }

  hostImage(sourceUrl: string): Promise<HostedImage> {
    return lazadaHostImage((c) => this.call(c), sourceUrl);
  }

  async findItemBySellerSku(sku: string): Promise<PlatformItem | null> {
    const items = await this.productsBySkus([sku]);
    return items.find((i) => i.variants.some((v) => v.sellerSku === sku)) ?? null;
  }
}
