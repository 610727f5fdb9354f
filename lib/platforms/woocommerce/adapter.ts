// WooCommerce adapter (woocommerce.md, REST v3). Stock: /products/batch for simple products,
// /products/{id}/variations/batch per variable product, ≤100 objects per request.

import type { AdapterOptions } from '../http.ts';
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
  type PlatformEndpoints,
  type PlatformItem,
  type StockResult,
  type StockUpdate,
} from '../types.ts';
import { arr, chunk, decodeCursor, encodeCursor, groupBy, int, isoSeconds, num, obj, str } from '../util.ts';
import { wooCall, type WooCall } from './client.ts';
import { listWooOrders } from './orders.ts';
import { woocommerceProfile } from './profile.ts';
import { isVariable, mapWooProduct, mapWooVariation, wooBatchBody, wooBatchPath, wooKind, wooProductBody, wooVariationsCreate } from './mapping.ts';

const PAGE_MAX = woocommerceProfile.api.productPageMax;
const BATCH_MAX = woocommerceProfile.api.stockBatchMax;
/** `any` leaves trashed products out; a full download makes a second pass over `trash` so
 *  deletions come back as status `deleted` (incremental ones stay one pass: fewest calls). */
const LIST_PASSES = ['any', 'trash'] as const;

export class WooCommerceAdapter implements PlatformAdapter {
  readonly platform = 'woocommerce' as const;
  readonly maxStockBatch = BATCH_MAX;

  constructor(
    private readonly endpoints: PlatformEndpoints,
    private readonly credentials: CredentialHolder<'woocommerce'>,
    private readonly opts: AdapterOptions = {},
  ) {}

  /** `retry`: wait out a host's 429 inside multi-call methods (pacer.ts); setStock never does. */
  private call(call: WooCall, retry = true) {
    const once = () => wooCall(this.endpoints, this.credentials.get(), call, this.opts);
    return retry ? retryThrottled(once) : once();
  }

  async testConnection(): Promise<{ shopName?: string }> {
    await this.call({ method: 'GET', path: '/products', query: [['per_page', '1']] }, false);
    return {};
  }

  async listItems(opts: ListItemsOptions = {}): Promise<ListItemsPage> {
    const c = decodeCursor(opts.cursor);
    const pass = c ? int(c.f) : 0;
    const page = c ? Math.max(1, int(c.p)) : 1;
    const updatedSince = c ? (num(c.u) ?? undefined) : opts.updatedSince;
    const perPage = Math.min(Math.max(opts.pageSize ?? PAGE_MAX, 1), PAGE_MAX);
    const query: [string, string][] = [
      ['per_page', String(perPage)],
      ['page', String(page)],
      ['status', LIST_PASSES[pass] ?? 'any'],
      // Stable order, so items created while paging do not shift later pages.
      ['orderby', 'id'],
      ['order', 'asc'],
    ];
    // modified_after is strictly after, at one-second resolution: step back a second so an
    // item changed within the same second as `updatedSince` is not skipped.
    // With dates_are_gmt the date must carry no zone: WordPress converts a zoned date to the
    // site's local time before comparing it with the GMT column (off by the site's offset).
    if (updatedSince !== undefined) query.push(['modified_after', isoSeconds(updatedSince - 1000).replace(/(\.\d+)?Z$/, '')], ['dates_are_gmt', 'true']);
    const res = await this.call({ method: 'GET', path: '/products', query });
    const products = arr(res.json);
    const items: PlatformItem[] = [];
    for (const raw of products) {
      const p = obj(raw);
      items.push(mapWooProduct(p, str(p.type) === 'variable' ? await this.variations(str(p.id)) : []));
    }
    const totalPages = num(res.headers.get('x-wp-totalpages'));
    const more = products.length > 0 && (totalPages !== null ? page < totalPages : products.length === perPage);
    const nextCursor = more
      ? encodeCursor({ f: pass, p: page + 1, u: updatedSince })
      : updatedSince === undefined && pass + 1 < LIST_PASSES.length
        ? encodeCursor({ f: pass + 1, p: 1, u: updatedSince })
        : null;
    return { items, nextCursor, total: pass === 0 ? (num(res.headers.get('x-wp-total')) ?? undefined) : undefined };
  }

  /** Orders modified since `updatedSince`, oldest change first (orders.ts). One call per page, so
   *  a 429 goes straight to the caller, who keeps its cursor and backs off. */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage> {
    return listWooOrders((c) => this.call(c, false), opts);
  }

  private async variations(productId: string, include?: string[]): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let page = 1; ; page++) {
      const query: [string, string][] = [['per_page', String(PAGE_MAX)], ['page', String(page)]];
      if (include) query.push(['include', include.join(',')]);
      const res = await this.call({ method: 'GET', path: `/products/${encodeURIComponent(productId)}/variations`, query });
      const list = arr(res.json);
      out.push(...list);
      const totalPages = num(res.headers.get('x-wp-totalpages'));
      if (list.length === 0 || (totalPages !== null ? page >= totalPages : list.length < PAGE_MAX)) return out;
    }
  }

  /** One group per endpoint (simple products together; each variable product apart), ≤100. */
  planStockCalls(updates: StockUpdate[]): StockUpdate[][] {
    const groups: StockUpdate[][] = [];
    for (const g of groupBy(updates, wooBatchPath).values()) groups.push(...chunk(g, BATCH_MAX));
    return groups;
  }

  async setStock(group: StockUpdate[]): Promise<StockResult[]> {
    const first = group[0];
    if (!first) return [];
    const path = wooBatchPath(first);
    if (group.some((u) => wooBatchPath(u) !== path) || group.length > BATCH_MAX) {
      throw new PlatformError('invalid', 'woocommerce batch: one endpoint and at most 100 objects per request');
    }
    const res = await this.call({ method: 'POST', path, body: wooBatchBody(group) }, false);
    const answers = arr(obj(res.json).update).map(obj);
    return group.map((u, i) => {
      const base = { platformItemId: u.platformItemId, platformVariantId: u.platformVariantId };
      // Answers come in request order; an errored object may carry id 0, so fall back to position.
      const a = answers.find((x) => str(x.id) === u.platformVariantId) ?? answers[i];
      const e = a ? obj(a.error) : { message: 'no answer for this object' };
      if (a && !a.error) return { ...base, ok: true };
      const status = int(obj(e.data).status, 400);
      const kind = status === 404 ? ('not_found' as const) : status >= 500 ? ('temporary' as const) : ('invalid' as const);
      return { ...base, ok: false, error: { kind, code: str(e.code) || undefined, message: str(e.message) || 'rejected' } };
    });
  }

  /** `include=` reads: one call per 100 simple products, one per variable product. */
  async readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number }[]> {
    const out: { platformVariantId: string; stock: number }[] = [];
    const simple = refs.filter((r) => wooKind(r) === 'product').map((r) => r.platformVariantId);
    for (const part of chunk(simple, PAGE_MAX)) {
      const res = await this.call({ method: 'GET', path: '/products', query: [['include', part.join(',')], ['per_page', String(PAGE_MAX)], ['status', 'any']] });
      for (const p of arr(res.json)) if (part.includes(str(obj(p).id))) out.push({ platformVariantId: str(obj(p).id), stock: int(obj(p).stock_quantity) });
    }
    for (const [itemId, rs] of groupBy(refs.filter((r) => wooKind(r) === 'variation'), (r) => r.platformItemId)) {
      const ids = rs.map((r) => r.platformVariantId);
      for (const v of (await this.variations(itemId, ids)).map(mapWooVariation)) {
        if (ids.includes(v.platformVariantId)) out.push({ platformVariantId: v.platformVariantId, stock: v.stock });
      }
    }
    return out;
  }

  /** POST /products; for a variable product then variations/batch `create` (≤100 per call). */
  async createListing(listing: NewListing): Promise<CreatedListing> {
    if (listing.variants.length === 0) throw new PlatformError('invalid', 'woocommerce: a listing needs at least one variant');
    const res = await this.call({ method: 'POST', path: '/products', body: wooProductBody(listing) });
    const productId = str(obj(res.json).id);
    if (!productId) throw new PlatformError('temporary', 'woocommerce create product: the answer has no id');
    if (!isVariable(listing)) {
      return { platformItemId: productId, variants: [{ sellerSku: listing.variants[0]?.sellerSku ?? '', platformVariantId: productId }] };
    }
    const bySku = new Map<string, string>();
    const errors: string[] = [];
    for (const part of chunk(wooVariationsCreate(listing), BATCH_MAX)) {
      const r = await this.call({ method: 'POST', path: `/products/${encodeURIComponent(productId)}/variations/batch`, body: { create: part } });
      arr(obj(r.json).create).map(obj).forEach((v, i) => {
        const sku = str(v.sku) || str(part[i]?.sku);
        if (v.error) errors.push(`${sku}: ${str(obj(v.error).message)}`);
        else bySku.set(sku, str(v.id));
      });
    }
    if (errors.length > 0) {
      throw new PlatformError('invalid', `woocommerce: product ${productId} created but variations failed: ${errors.join('; ')}`);
    }
    return {
      platformItemId: productId,
      variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })),
    };
  }

  /** Recovery: the variable product exists, some variations were not created. */
  async completeListing(platformItemId: string, listing: NewListing): Promise<CreatedListing> {
    const existing = await this.call({ method: 'GET', path: `/products/${encodeURIComponent(platformItemId)}/variations`, query: [['per_page', '100']] });
    const bySku = new Map(arr(existing.json).map(obj).map((v) => [str(v.sku), str(v.id)]));
    const missing = wooVariationsCreate(listing).filter((v) => !bySku.has(str(obj(v).sku)));
    for (const part of chunk(missing, BATCH_MAX)) {
      const r = await this.call({ method: 'POST', path: `/products/${encodeURIComponent(platformItemId)}/variations/batch`, body: { create: part } });
      arr(obj(r.json).create).map(obj).forEach((v, i) => {
        if (v.error) throw new PlatformError('invalid', `woocommerce: variation ${str(obj(part[i]).sku)}: ${str(obj(v.error).message)}`);
        bySku.set(str(v.sku) || str(obj(part[i]).sku), str(v.id));
      });
    }
    return { platformItemId, variants: listing.variants.map((v) => ({ sellerSku: v.sellerSku, platformVariantId: bySku.get(v.sellerSku) ?? '' })) };
  }

  /** `?sku=` matches products (a variation found that way leads to its parent). */
  async findItemBySellerSku(sku: string): Promise<PlatformItem | null> {
    const res = await this.call({ method: 'GET', path: '/products', query: [['sku', sku], ['status', 'any']] });
    for (const raw of arr(res.json)) {
      const p = obj(raw);
      let product = p;
      if (str(p.type) === 'variation' && str(p.parent_id)) {
        product = obj((await this.call({ method: 'GET', path: `/products/${encodeURIComponent(str(p.parent_id))}` })).json);
      }
      const item = mapWooProduct(product, str(product.type) === 'variable' ? await this.variations(str(product.id)) : []);
      if (item.variants.some((v) => v.sellerSku === sku)) return item;
    }
    return null;
  }
}
