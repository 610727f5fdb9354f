// Shopee adapter (shopee.md). One item per stock call with ≤50 models; listing is
// get_item_list → get_item_base_info (≤50 ids) → get_model_list for items with models.

import type { AdapterOptions } from '../http.ts';
import { pacerFor, retryThrottled, type Pacer } from '../pacer.ts';
import { compactIdentity } from '../authCommon.ts';
import { TokenKeeper } from '../tokens.ts';
import {
  PlatformError,
  type CatalogBrand,
  type CatalogCategory,
  type CategoryRules,
  type CreatedListing,
  type HostedImage,
  type LogisticsChannel,
  type CredentialsOf,
  type CredentialHolder,
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
import { SHOP_INFO, parseShopInfo, refreshShopeeToken } from './auth.ts';
import { isShopeeExpired, shopeePublicCall, shopeeShopCall, type ShopeeCall } from './client.ts';
import { shopeeBrands, shopeeCategories, shopeeCategoryRules, shopeeChannels, shopeeHostImage } from './catalog.ts';
import {
  SHOPEE_ALL_STATUSES,
  locationIdsOf,
  mapShopeeItem,
  mapShopeeModels,
  shopeeAddItemBody,
  shopeeSellerStock,
  shopeeTierVariationBody,
} from './mapping.ts';
import { listShopeeOrders } from './orders.ts';
import { shopeeProfile } from './profile.ts';

const PAGE_MAX = shopeeProfile.api.productPageMax;
const BASE_INFO_MAX = 50;
const MODELS_PER_CALL = shopeeProfile.api.stockBatchMax;

export class ShopeeAdapter implements PlatformAdapter {
  readonly platform = 'shopee' as const;
  readonly maxStockBatch = MODELS_PER_CALL;
  private readonly tokens: TokenKeeper<CredentialsOf<'shopee'>>;
  private readonly pacer: Pacer | null;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly credentials: CredentialHolder<'shopee'>,
    private readonly opts: AdapterOptions = {},
  ) {
    this.tokens = new TokenKeeper(credentials, (c) => refreshShopeeToken(c, endpoints, opts), opts.now ?? Date.now);
    // Shopee publishes no limit; shopee.md assumes 10 calls/s per shop.
    const rate = opts.callsPerSecond ?? shopeeProfile.api.callsPerSecond;
    this.pacer = rate > 0 ? pacerFor(`shopee ${endpoints.apiBaseUrl} ${credentials.get().shopId}`, rate) : null;
  }

  /** A paced shop call; on an expired token: refresh (persisted first), then the same call
   *  once more. `retry`: wait out a throttle inside multi-call methods (pacer.ts). */
  private call(call: ShopeeCall, retry = true): Promise<Record<string, unknown>> {
    const once = async () => {
      const creds = await this.tokens.current();
      try {
        await this.pacer?.take();
        return await shopeeShopCall(creds, this.endpoints, call, this.opts);
      } catch (err) {
        if (!isShopeeExpired(err)) throw err;
        const fresh = await this.tokens.refresh(creds.accessToken);
        await this.pacer?.take();
        return shopeeShopCall(fresh, this.endpoints, call, this.opts);
      }
    };
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string; identity?: ShopIdentity }> {
    try {
      const info = parseShopInfo(await this.call({ method: 'GET', path: SHOP_INFO }, false));
      return { shopName: info.shopName, identity: compactIdentity({ shopId: this.credentials.get().shopId, name: info.shopName, region: info.region?.toUpperCase() }) };
    } catch (err) {
      // get_shop_info is outside our contract doc; fall back to the cheapest documented call.
      if (!(err instanceof PlatformError) || (err.kind !== 'not_found' && err.kind !== 'invalid')) throw err;
      await this.call({ method: 'GET', path: '/api/v2/product/get_item_list', query: this.listQuery(0, 1) }, false);
      return {};
    }
  }

  private listQuery(offset: number, pageSize: number, updatedSince?: number): [string, string][] {
    const q: [string, string][] = [
      ['offset', String(offset)],
      ['page_size', String(pageSize)],
      // All statuses, deleted ones included: the caller marks vanished listings itself.
      ...SHOPEE_ALL_STATUSES.map((s): [string, string] => ['item_status', s]),
    ];
    if (updatedSince !== undefined) q.push(['update_time_from', String(Math.floor(updatedSince / 1000))]);
    return q;
  }

  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    const offset = c ? int(c.o) : 0;
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_MAX, 1), PAGE_MAX);
    const env = await this.call({
      method: 'GET',
      path: '/api/v2/product/get_item_list',
      query: this.listQuery(offset, pageSize, updatedSince),
    });
    const r = obj(env.response);
    const ids = arr(r.item).map((i) => str(obj(i).item_id)).filter(Boolean);
    const items = await this.itemsByIds(ids);
    const hasNext = r.has_next_page === true && ids.length > 0;
    const nextOffset = num(r.next_offset) ?? offset + ids.length;
    return {
      items,
      nextCursor: hasNext ? encodeCursor({ o: nextOffset, u: updatedSince }) : null,
      total: num(r.total_count) ?? undefined,
    };
  }

  /** Base info in chunks of 50, then the model list of each item that has models. */
  private async itemsByIds(ids: string[]): Promise<PlatformItem[]> {
    const items: PlatformItem[] = [];
    for (const part of chunk(ids, BASE_INFO_MAX)) {
      const env = await this.call({
        method: 'GET',
        path: '/api/v2/product/get_item_base_info',
        query: [['item_id_list', part.join(',')]],
      });
      for (const base of arr(obj(env.response).item_list)) {
        const b = obj(base);
        const models = b.has_model === true ? await this.modelList(str(b.item_id)) : undefined;
        items.push(mapShopeeItem(b, models));
      }
    }
    return items;
  }

  private async modelList(itemId: string): Promise<unknown> {
    const env = await this.call({ method: 'GET', path: '/api/v2/product/get_model_list', query: [['item_id', itemId]] });
    return env.response;
  }

  planStockCalls(updates: StockUpdate[]): StockUpdate[][] {
    const groups: StockUpdate[][] = [];
    for (const g of groupBy(updates, (u) => u.platformItemId).values()) groups.push(...chunk(g, MODELS_PER_CALL));
    return groups;
  }

  async setStock(group: StockUpdate[]): Promise<StockResult[]> {
    const first = group[0];
    if (!first) return [];
    if (group.some((u) => u.platformItemId !== first.platformItemId) || group.length > MODELS_PER_CALL) {
      throw new PlatformError('invalid', 'shopee update_stock: one item and at most 50 models per call');
    }
    const env = await this.call({
      method: 'POST',
      path: '/api/v2/product/update_stock',
      body: {
        item_id: Number(first.platformItemId),
        stock_list: group.map((u) => ({
          model_id: Number(u.platformVariantId || 0),
          seller_stock: shopeeSellerStock(u.quantity, locationIdsOf(u.ref)),
        })),
      },
    }, false);
    // Partial success is normal: anything in failure_list failed, the rest was set.
    const failures = new Map<string, string>();
    for (const f of arr(obj(env.response).failure_list)) {
      const fo = obj(f);
      failures.set(str(fo.model_id || 0), str(fo.failed_reason) || 'rejected');
    }
    return group.map((u) => {
      const reason = failures.get(String(Number(u.platformVariantId || 0)));
      const base = { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId };
      return reason === undefined ? { ...base, ok: true } : { ...base, ok: false, error: { kind: 'invalid' as const, message: reason } };
    });
  }

  /** Items without models: get_item_base_info (50 per call); items with models: get_model_list. */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number; platformItemId?: string }[]> {
    const byItem = groupBy(refs, (r) => r.platformItemId);
    const simple = [...byItem.keys()].filter((id) => (byItem.get(id) ?? []).every((r) => Number(r.platformVariantId || 0) === 0));
    // Model id 0 repeats across items: every answer names its item.
    const out: { platformVariantId: string; stock: number; platformItemId?: string }[] = [];
    for (const item of await this.itemsByIdsNoModels(simple)) {
      for (const v of item.variants) out.push({ platformItemId: item.platformItemId, platformVariantId: v.platformVariantId, stock: v.stock });
    }
    for (const [itemId, rs] of byItem) {
      if (simple.includes(itemId)) continue;
      const wanted = new Set(rs.map((r) => r.platformVariantId));
      for (const v of mapShopeeModels(await this.modelList(itemId))) {
        if (wanted.has(v.platformVariantId)) out.push({ platformItemId: itemId, platformVariantId: v.platformVariantId, stock: v.stock });
      }
    }
    return out;
  }

  private async itemsByIdsNoModels(ids: string[]): Promise<PlatformItem[]> {
    const items: PlatformItem[] = [];
    for (const part of chunk(ids, BASE_INFO_MAX)) {
      const env = await this.call({ method: 'GET', path: '/api/v2/product/get_item_base_info', query: [['item_id_list', part.join(',')]] });
      for (const b of arr(obj(env.response).item_list)) items.push(mapShopeeItem(b));
    }
    return items;
  }

  /** add_item, then init_tier_variation when there are several variants (≤50 models). */
  async createListing(listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length === 0) throw new PlatformError('invalid', 'shopee: a listing needs at least one variant');
    if (listing.variants.length > MODELS_PER_CALL) throw new PlatformError('invalid', 'shopee: at most 50 models per item');
    const env = await this.call({ method: 'POST', path: '/api/v2/product/add_item', body: shopeeAddItemBody(listing) });
    const itemId = str(obj(env.response).item_id);
    if (!itemId) throw new PlatformError('temporary', 'shopee add_item: the answer has no item_id');
    const firstSku = listing.variants[0]?.sellerSku ?? '';
    if (listing.variants.length === 1) return { platformItemId: itemId, variants: [{ sellerSku: firstSku, platformVariantId: '0' }] };

    const tv = await this.call({ method: 'POST', path: '/api/v2/product/init_tier_variation', body: shopeeTierVariationBody(itemId, listing) });
    let models = arr(obj(tv.response).model).map(obj);
    if (!models.some((m) => str(m.model_id))) models = arr(obj(await this.modelList(itemId)).model).map(obj);
    const bySku = new Map(models.map((m) => [str(m.model_sku), str(m.model_id)]));
    return {
      platformItemId: itemId,
      variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })),
    };
  }

  /** Recovery: add_item landed, init_tier_variation did not (worker stopped, call failed). */
  async completeListing(platformItemId: string, listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length <= 1) return { platformItemId, variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: '0' })) };
    const tv = await this.call({ method: 'POST', path: '/api/v2/product/init_tier_variation', body: shopeeTierVariationBody(platformItemId, listing) });
    let models = arr(obj(tv.response).model).map(obj);
    if (!models.some((m) => str(m.model_id))) models = arr(obj(await this.modelList(platformItemId)).model).map(obj);
    const bySku = new Map(models.map((m) => [str(m.model_sku), str(m.model_id)]));
    return { platformItemId, variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })) };
  }

  /** Orders changed since a time (orders.ts): 15-day windows up to now, details ≤50 a call,
   *  through the same paced, token-refreshing call as the stock calls. A throttled first call
   *  goes to the caller; later calls of the page wait it out (pacer.ts). */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage> {
    let calls = 0;
    return listShopeeOrders((c) => this.call(c, calls++ > 0), opts, (this.opts.now ?? Date.now)());
  }

  listCategories(): Promise<CatalogCategory[]> {
    return shopeeCategories((c) => this.call(c));
  }

  categoryRules(categoryId: string): Promise<CategoryRules> {
    return shopeeCategoryRules((c) => this.call(c), categoryId);
  }

  listBrands(categoryId: string): Promise<CatalogBrand[]> {
    return shopeeBrands((c) => this.call(c), categoryId);
  }

  listLogisticsChannels(): Promise<LogisticsChannel[]> {
    return shopeeChannels((c) => this.call(c));
  }

  /** media_space/upload_image is signed as a public call (partner_id, timestamp, sign): the image
   *  belongs to the partner's media space. Paced with the shop's calls all the same. */
  hostImage(sourceUrl: string): Promise<HostedImage> {
    return shopeeHostImage(async (c) => {
      const { partnerId, partnerKey } = this.credentials.get();
      await this.pacer?.take();
      return shopeePublicCall({ partnerId, partnerKey }, this.endpoints, c, this.opts);
    }, sourceUrl, this.opts);
  }

  /** search_item by item_sku, then an exact check on item_sku / model_sku. */
  async findItemBySellerSku(sku: string): Promise<PlatformItem | null> {
    const env = await this.call({
      method: 'GET',
      path: '/api/v2/product/search_item',
      query: [['item_sku', sku], ['page_size', '10'], ['offset', '0']],
    });
    const ids = arr(obj(env.response).item_id_list).map(str).filter(Boolean);
    for (const item of await this.itemsByIds(ids)) {
      if (item.extra?.itemSku === sku || item.variants.some((v) => v.sellerSku === sku)) return item;
    }
    return null;
  }
}
