// WooCommerce REST v3 fake (see docs/platforms/woocommerce.md), per site under
// S/woocommerce/{siteId}/wp-json/wc/v3. Auth in woo-auth.ts. Errors {code, message, data:{status}}.
// No rate limit in core; the fault `rateLimitPerSecond` answers 429 with Retry-After.
// Notes: stock_quantity is ignored unless manage_stock is (or becomes) true, as WooCommerce does;
// variation ids are not products (/products/{variationId} → 404 Invalid ID).
import { type Ctx, type SimResponse, faultGate, json, parseJsonBody } from '../http.ts';
import { STATUSES, buildItem, newVariant, totalStock } from '../shops.ts';
import type { Shop } from '../state.ts';
import type { Item, Variant } from '../store.ts';
import { isInt, isObj, money, round2, wpDate } from '../util.ts';
import { parseIso } from './lazada.ts';
import { wooAuthenticate } from './woo-auth.ts';
import { resolveImageUrl } from '../media.ts';
import { handleWooOrders } from './woocommerce-orders.ts';

type Body = Record<string, unknown>;
const err = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): SimResponse => json(status, { code, message, data: { status, ...extra } });
const invalidParam = (name: string, why: string): SimResponse => err(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: why }, details: { [name]: { code: 'rest_invalid_param', message: why, data: null } } });
const noRoute = (): SimResponse => err(404, 'rest_no_route', 'No route was found matching the URL and request method.');
const invalidId = (): SimResponse => err(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
const BATCH_MAX = 100;
const READ = new Set(['GET', 'HEAD']);
const EDIT = new Set(['POST', 'PUT', 'PATCH']);

interface Route {
  kind: 'products' | 'product' | 'batch' | 'variations' | 'variation' | 'vbatch' | 'index' | 'orders' | 'order';
  id?: string;
  vid?: string;
}
function matchRoute(sub: string): Route | undefined {
  const m = /^\/wp-json\/wc\/v3(\/.*)?$/.exec(sub.replace(/\/+$/, ''));
  if (!m) return undefined;
  const r = m[1] ?? '';
  let x: RegExpExecArray | null;
  if (r === '') return { kind: 'index' };
  if (r === '/products') return { kind: 'products' };
  if (r === '/products/batch') return { kind: 'batch' };
  if ((x = /^\/products\/(\d+)$/.exec(r))) return { kind: 'product', id: x[1] };
  if ((x = /^\/products\/(\d+)\/variations$/.exec(r))) return { kind: 'variations', id: x[1] };
  if ((x = /^\/products\/(\d+)\/variations\/batch$/.exec(r))) return { kind: 'vbatch', id: x[1] };
  if ((x = /^\/products\/(\d+)\/variations\/(\d+)$/.exec(r))) return { kind: 'variation', id: x[1], vid: x[2] };
  if (r === '/orders') return { kind: 'orders' };
  if ((x = /^\/orders\/(\d+)$/.exec(r))) return { kind: 'order', id: x[1] };
  return undefined;
}

export async function handleWoo(ctx: Ctx, siteId: string): Promise<SimResponse> {
  const { state, req } = ctx;
  const shop = state.shops.get(siteId);
  ctx.endpoint = ctx.sub;
  if (!shop || shop.platform !== 'woocommerce') return ((ctx.rejected = 'unknown_site'), err(404, 'rest_no_route', 'No route was found matching the URL and request method.'));
  ctx.shop = shop;
  const route = matchRoute(ctx.sub);
  if (!route) return ((ctx.rejected = 'no_route'), noRoute());
  const m = req.method;
  ctx.endpoint = `${m} /${route.kind === 'index' ? '' : route.kind === 'orders' ? 'orders' : route.kind === 'order' ? 'orders/{id}' : route.kind === 'product' ? 'products/{id}' : route.kind === 'variation' ? 'products/{id}/variations/{vid}' : route.kind === 'variations' ? 'products/{id}/variations' : route.kind === 'vbatch' ? 'products/{id}/variations/batch' : route.kind === 'batch' ? 'products/batch' : 'products'}`;
  if (route.kind === 'index') return json(200, { namespace: 'wc/v3', routes: {} });
  const allowed = { products: ['GET', 'POST'], product: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], batch: ['POST', 'PUT', 'PATCH'], variations: ['GET', 'POST'], variation: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], vbatch: ['POST', 'PUT', 'PATCH'], orders: ['GET'], order: ['GET'] }[route.kind];
  if (!allowed.includes(m)) return ((ctx.rejected = 'no_route'), noRoute());
  const auth = wooAuthenticate(ctx, shop);
  if ('status' in auth) return ((ctx.rejected = 'unauthorized'), auth);
  if (auth.user === 'none') {
    ctx.rejected = 'unauthorized';
    if (READ.has(m)) return err(401, 'woocommerce_rest_cannot_view', route.kind === 'products' || route.kind === 'variations' || route.kind === 'orders' ? 'Sorry, you cannot list resources.' : 'Sorry, you cannot view this resource.');
    if (route.kind === 'batch' || route.kind === 'vbatch') return err(401, 'woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.');
    if (m === 'DELETE') return err(401, 'woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.');
    return err(401, route.kind === 'products' || route.kind === 'variations' ? 'woocommerce_rest_cannot_create' : 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
  }
  if (auth.user === 'key') {
    if (READ.has(m) && auth.key.permissions === 'write') return ((ctx.rejected = 'unauthorized'), err(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have read permissions.'));
    if (!READ.has(m) && auth.key.permissions === 'read') return ((ctx.rejected = 'unauthorized'), err(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.'));
  }
  const rate = state.faultFor('woocommerce', shop.shopId).rateLimitPerSecond;
  if (rate !== undefined && !state.buckets.take(`woo:${shop.shopId}`, rate)) {
    ctx.rejected = 'rate_limited';
    return { ...err(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please slow down.'), headers: { 'retry-after': String(Math.max(1, Math.ceil(state.buckets.waitSeconds(`woo:${shop.shopId}`)))) } };
  }
  const f = await faultGate(ctx, shop, () => err(503, 'rest_service_unavailable', 'The site is temporarily unavailable. Please try again shortly.'));
  if (f) return f;
  let body: Body = {};
  if (EDIT.has(m) || m === 'DELETE') {
    const parsed = parseJsonBody(req);
    if (parsed instanceof Error) return ((ctx.rejected = 'invalid_json'), err(400, 'rest_invalid_json', 'Invalid JSON body passed.'));
    if (parsed !== undefined && !isObj(parsed)) return ((ctx.rejected = 'invalid_json'), err(400, 'rest_invalid_json', 'Invalid JSON body passed.'));
    body = parsed ?? {};
  }
  // Orders: read-only here (orders are placed and moved through the control API).
  if (route.kind === 'orders' || route.kind === 'order') return handleWooOrders(ctx, shop, route.id);
  const w = new Woo(ctx, shop);
  switch (route.kind) {
    case 'products':
      return m === 'GET' ? w.list() : w.create(body);
    case 'product': {
      const it = w.product(route.id!);
      if (!it) return invalidId();
      if (m === 'GET') return json(200, w.productJson(it));
      if (m === 'DELETE') return w.remove(it);
      const r = w.update(it, body);
      return 'error' in r ? r.error : json(200, w.productJson(it));
    }
    case 'batch':
      return w.batch(body, undefined);
    case 'variations': {
      const it = w.product(route.id!);
      if (!it) return invalidId();
      return m === 'GET' ? w.listVariations(it) : w.createVariation(it, body);
    }
    case 'vbatch': {
      const it = w.product(route.id!);
      if (!it) return invalidId();
      return w.batch(body, it);
    }
    case 'variation': {
      const it = w.product(route.id!);
      const v = it?.variants.find((x) => x.variantId === route.vid && x.variantId !== it.itemId);
      if (!it || !v) return err(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
      if (m === 'GET') return json(200, w.variationJson(it, v));
      if (m === 'DELETE') return w.removeVariation(it, v);
      if (body.stock_quantity !== undefined) state.countStockCall(shop, 1);
      const r = w.updateVariant(it, v, body, true);
      return r ? r : json(200, w.variationJson(it, v));
    }
  }
}

class Woo {
  constructor(
    readonly ctx: Ctx,
    readonly shop: Shop,
  ) {}
  now(): number {
    return this.ctx.state.now();
  }
  product(id: string): Item | undefined {
    return this.shop.items.get(id);
  }
  stockStatus(v: Variant): string {
    return (v.manageStock ?? true) ? (totalStock(v) > 0 ? 'instock' : 'outofstock') : 'instock';
  }
  productJson(it: Item): Record<string, unknown> {
    const base = `${this.ctx.state.baseUrl}/woocommerce/${this.shop.shopId}`;
    const variable = it.hasVariants;
    const single = variable ? undefined : it.variants[0];
    const prices = it.variants.map((v) => v.price);
    return {
      id: Number(it.itemId),
      name: it.title,
      slug: it.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      permalink: `${base}/product/${it.itemId}/`,
      date_created: wpDate(it.createdAt),
      date_created_gmt: wpDate(it.createdAt),
      date_modified: wpDate(it.updatedAt),
      date_modified_gmt: wpDate(it.updatedAt),
      type: variable ? 'variable' : 'simple',
      status: it.status,
      featured: false,
      catalog_visibility: 'visible',
      description: it.description,
      short_description: '',
      sku: single?.sellerSku ?? '',
      price: prices.length ? money(Math.min(...prices)) : '',
      regular_price: single ? money(single.price) : '',
      sale_price: '',
      on_sale: false,
      purchasable: true,
      manage_stock: single ? (single.manageStock ?? true) : false,
      stock_quantity: single && (single.manageStock ?? true) ? totalStock(single) : null,
      stock_status: single ? this.stockStatus(single) : it.variants.some((v) => this.stockStatus(v) === 'instock') ? 'instock' : 'outofstock',
      backorders: 'no',
      categories: [{ id: 15, name: 'Uncategorized', slug: 'uncategorized' }],
      images: it.images.map((src, i) => ({ id: Number(it.itemId) * 10 + i, src, name: '', alt: '' })),
      attributes: variable ? [{ id: 0, name: it.tierName || 'Option', position: 0, visible: true, variation: true, options: it.variants.map((v) => v.option) }] : [],
      variations: variable ? it.variants.map((v) => Number(v.variantId)) : [],
      parent_id: 0,
      meta_data: [],
    };
  }
  variationJson(it: Item, v: Variant): Record<string, unknown> {
    const manage = v.manageStock ?? true;
    return {
      id: Number(v.variantId),
      date_created_gmt: wpDate(v.createdAt),
      date_modified_gmt: wpDate(Math.max(v.updatedAt, v.createdAt)),
      description: '',
      permalink: `${this.ctx.state.baseUrl}/woocommerce/${this.shop.shopId}/product/${it.itemId}/?variation=${v.variantId}`,
      sku: v.sellerSku,
      price: money(v.price),
      regular_price: money(v.price),
      sale_price: '',
      status: 'publish',
      manage_stock: manage,
      stock_quantity: manage ? totalStock(v) : null,
      stock_status: this.stockStatus(v),
      attributes: [{ id: 0, name: it.tierName || 'Option', option: v.option }],
      image: null,
      meta_data: [],
    };
  }
  page<T>(total: number, get: (start: number, end: number) => T[]): SimResponse {
    const q = this.ctx.req.query;
    const pp = q.get('per_page') ?? '10';
    const pg = q.get('page') ?? '1';
    if (!/^\d+$/.test(pp) || +pp < 1 || +pp > 100) return invalidParam('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
    if (!/^\d+$/.test(pg) || +pg < 1) return invalidParam('page', 'page must be greater than or equal to 1');
    const pages = Math.ceil(total / +pp);
    if (+pg > pages && total > 0) return err(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
    const start = (+pg - 1) * +pp;
    return { status: 200, body: get(start, Math.min(total, start + +pp)), headers: { 'x-wp-total': String(total), 'x-wp-totalpages': String(pages) } };
  }
  list(): SimResponse {
    const q = this.ctx.req.query;
    const status = q.get('status') ?? 'any';
    if (status !== 'any' && !STATUSES.woocommerce.all.includes(status)) return invalidParam('status', `status is not one of any, ${STATUSES.woocommerce.all.join(', ')}.`);
    const type = q.get('type');
    if (type && !['simple', 'variable', 'grouped', 'external'].includes(type)) return invalidParam('type', 'type is not one of simple, grouped, external, and variable.');
    const orderby = q.get('orderby') ?? 'date';
    if (!['date', 'id', 'modified', 'title'].includes(orderby)) return invalidParam('orderby', 'orderby is not one of date, id, modified, title.');
    const order = q.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') return invalidParam('order', 'order is not one of asc and desc.');
    const bound = (k: string): number | undefined | SimResponse => {
      const v = q.get(k);
      if (v === null) return undefined;
      const t = parseIso(v);
      return Number.isNaN(t) ? invalidParam(k, `Invalid date.`) : t;
    };
    const ma = bound('modified_after');
    const mb = bound('modified_before');
    if (typeof ma === 'object') return ma;
    if (typeof mb === 'object') return mb;
    const skus = q.get('sku') ? new Set(q.get('sku')!.split(',').map((s) => s.trim())) : undefined;
    const include = q.get('include') ? new Set(q.get('include')!.split(',').map((s) => s.trim())) : undefined;
    const search = q.get('search')?.toLowerCase();
    const pred = (it: Item): boolean =>
      (status === 'any' ? it.status !== 'trash' : it.status === status) &&
      (!type || (type === 'variable') === it.hasVariants) &&
      (!skus || it.variants.some((v) => skus.has(v.sellerSku))) &&
      (!include || include.has(it.itemId)) &&
      (!search || it.title.toLowerCase().includes(search));
    // modified_after / modified_before are exclusive, second precision.
    const view = this.shop.items.view({
      order: orderby === 'modified' ? 'update' : 'seq',
      desc: order === 'desc',
      fromMs: ma === undefined ? undefined : (Math.floor(ma / 1000) + 1) * 1000,
      toMs: mb === undefined ? undefined : Math.ceil(mb / 1000) * 1000,
      pred,
      key: `${status}|${type}|${q.get('sku')}|${q.get('include')}|${search}`,
    });
    let at = (i: number): Item => view.at(i);
    if (orderby === 'title') {
      const arr: Item[] = [];
      for (let i = 0; i < view.length; i++) arr.push(view.at(i));
      arr.sort((a, b) => a.title.localeCompare(b.title) * (order === 'desc' ? -1 : 1));
      at = (i) => arr[i]!;
    }
    return this.page(view.length, (s, e) => {
      const out = [];
      for (let i = s; i < e; i++) out.push(this.productJson(at(i)));
      return out;
    });
  }
  listVariations(it: Item): SimResponse {
    const vs = it.hasVariants ? it.variants : [];
    return this.page(vs.length, (s, e) => vs.slice(s, e).map((v) => this.variationJson(it, v)));
  }
  skuTaken(sku: string, self?: Variant): boolean {
    return sku !== '' && this.shop.items.bySku(sku).some((r) => r.variant !== self && r.item.status !== 'trash');
  }
  /** Apply product/variation fields; returns an error response or undefined. */
  updateVariant(it: Item, v: Variant, b: Body, isVariation: boolean): SimResponse | undefined {
    const reject = this.ctx.state.faultFor('woocommerce', this.shop.shopId).rejectSkus;
    let stock: number | undefined;
    if (b.stock_quantity !== undefined && b.stock_quantity !== null) {
      const n = typeof b.stock_quantity === 'string' && /^-?\d+$/.test(b.stock_quantity) ? Number(b.stock_quantity) : b.stock_quantity;
      if (!isInt(n)) return invalidParam('stock_quantity', 'stock_quantity is not of type integer.');
      stock = n;
    }
    if (b.manage_stock !== undefined && typeof b.manage_stock !== 'boolean') return invalidParam('manage_stock', 'manage_stock is not of type boolean.');
    if (b.regular_price !== undefined && (typeof b.regular_price !== 'string' || (b.regular_price !== '' && !(Number(b.regular_price) >= 0)))) return invalidParam('regular_price', 'regular_price is not of type string.');
    if (b.sku !== undefined) {
      if (typeof b.sku !== 'string') return invalidParam('sku', 'sku is not of type string.');
      if (this.skuTaken(b.sku, v)) return err(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: Number(isVariation ? v.variantId : it.itemId), unique_sku: b.sku });
    }
    const manage = typeof b.manage_stock === 'boolean' ? b.manage_stock : (v.manageStock ?? true);
    if (stock !== undefined && manage && reject.has(v.sellerSku)) {
      this.ctx.state.countRejected(this.shop, 'entry_failed');
      return err(400, 'woocommerce_rest_product_not_updated', 'The stock of this product cannot be changed right now (simulated rejection).');
    }
    if (b.sku !== undefined) this.shop.items.setSku(it, v, b.sku as string);
    if (typeof b.regular_price === 'string' && b.regular_price !== '') v.price = round2(Number(b.regular_price));
    v.manageStock = manage;
    if (stock !== undefined && manage) {
      v.stock = v.stock.map((_, i) => (i === 0 ? stock : 0));
      this.ctx.state.stockEvent(this.shop, it, v);
    }
    v.updatedAt = this.now();
    if (!isVariation) {
      if (typeof b.name === 'string' && b.name) it.title = b.name;
      if (typeof b.status === 'string' && STATUSES.woocommerce.all.includes(b.status)) it.status = b.status;
      if (typeof b.description === 'string') it.description = b.description;
    }
    this.shop.items.touch(it, this.now());
    return undefined;
  }
  update(it: Item, b: Body, count = true): { ok: true } | { error: SimResponse } {
    if (b.name !== undefined && typeof b.name !== 'string') return { error: invalidParam('name', 'name is not of type string.') };
    if (b.status !== undefined && !STATUSES.woocommerce.all.includes(String(b.status))) return { error: invalidParam('status', 'status is not one of draft, pending, private, publish, future and trash.') };
    const isStock = b.stock_quantity !== undefined;
    if (it.hasVariants) {
      // Parent of a variable product: stock lives on the variations.
      if (typeof b.name === 'string' && b.name) it.title = b.name;
      if (typeof b.status === 'string') it.status = b.status;
      this.shop.items.touch(it, this.now());
      return { ok: true };
    }
    const e = this.updateVariant(it, it.variants[0]!, b, false);
    if (isStock && count) this.ctx.state.countStockCall(this.shop, 1);
    return e ? { error: e } : { ok: true };
  }
  /** WordPress downloads each image into the site's uploads (wc_rest_upload_image_from_url); one
   *  it cannot get refuses the whole product, as WooCommerce does. */
  sideload(srcs: string[]): string[] | SimResponse {
    const out: string[] = [];
    for (const src of srcs) {
      const found = resolveImageUrl(this.ctx.state, src);
      if (typeof found === 'string') return err(400, 'woocommerce_product_image_upload_error', `Error getting remote image ${src}. Error: ${found === 'unreachable' ? 'cURL error 6: Could not resolve host' : 'Not Found'}`);
      out.push(this.ctx.state.media.host(this.ctx.state, 'woocommerce', found, this.shop.shopId).url);
    }
    return out;
  }
  create(b: Body): SimResponse {
    if (b.name !== undefined && typeof b.name !== 'string') return invalidParam('name', 'name is not of type string.');
    const type = b.type ?? 'simple';
    if (type !== 'simple' && type !== 'variable') return invalidParam('type', 'type is not one of simple, grouped, external, and variable.');
    const sku = typeof b.sku === 'string' ? b.sku : '';
    if (this.skuTaken(sku)) return err(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { unique_sku: sku });
    const status = typeof b.status === 'string' && STATUSES.woocommerce.all.includes(b.status) ? b.status : 'publish';
    const manage = b.manage_stock === true;
    const stock = manage && isInt(Number(b.stock_quantity)) ? Number(b.stock_quantity) : 0;
    const attrs = Array.isArray(b.attributes) ? b.attributes.filter(isObj) : [];
    const srcs = Array.isArray(b.images) ? b.images.filter(isObj).map((x) => String(x.src ?? '')).filter(Boolean) : [];
    const images = this.sideload(srcs);
    if (!Array.isArray(images)) return images;
    const now = this.now();
    const item = buildItem(this.shop, {
      title: typeof b.name === 'string' && b.name ? b.name : 'Product',
      description: typeof b.description === 'string' ? b.description : '',
      status,
      tierName: attrs.length ? String(attrs[0]!.name ?? 'Option') : '',
      images,
      createdAt: now,
      updatedAt: now,
      variants: type === 'variable' ? [] : [{ sellerSku: sku, price: Number(b.regular_price ?? 0) || 0, stock }],
      forceVariants: type === 'variable',
    });
    if (type === 'variable') item.hasVariants = true;
    else item.variants[0]!.manageStock = manage;
    const it = this.shop.items.add(item);
    return json(201, this.productJson(it));
  }
  createVariation(it: Item, b: Body): SimResponse {
    if (!it.hasVariants) return err(400, 'woocommerce_rest_invalid_product_type', 'Variations can only be created for variable products.');
    const sku = typeof b.sku === 'string' ? b.sku : '';
    if (this.skuTaken(sku)) return err(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { unique_sku: sku });
    const attrs = Array.isArray(b.attributes) ? b.attributes.filter(isObj) : [];
    const manage = b.manage_stock === true;
    const stock = manage && isInt(Number(b.stock_quantity)) ? Number(b.stock_quantity) : 0;
    const v = newVariant(this.shop, it.itemId, true, { sellerSku: sku, price: Number(b.regular_price ?? 0) || 0, stock, option: attrs.map((a) => String(a.option ?? '')).join(' ') || `Option ${it.variants.length + 1}` }, this.now());
    v.manageStock = manage;
    it.variants.push(v);
    this.shop.items.indexVariant(it, v);
    this.shop.items.touch(it, this.now());
    return json(201, this.variationJson(it, v));
  }
  remove(it: Item): SimResponse {
    const out = this.productJson(it);
    if (this.ctx.req.query.get('force') === 'true') this.shop.items.markGone(it);
    else ((it.status = 'trash'), this.shop.items.touch(it, this.now()));
    return json(200, { ...out, status: it.gone ? out.status : 'trash' });
  }
  removeVariation(it: Item, v: Variant): SimResponse {
    if (this.ctx.req.query.get('force') !== 'true') return err(501, 'woocommerce_rest_trash_not_supported', 'Variations do not support trashing.');
    const out = this.variationJson(it, v);
    it.variants = it.variants.filter((x) => x !== v);
    this.shop.items.unindexVariant(it, v);
    this.shop.items.touch(it, this.now());
    return json(200, out);
  }
  batch(b: Body, parent: Item | undefined): SimResponse {
    const lists = { create: b.create, update: b.update, delete: b.delete };
    let total = 0;
    for (const [k, v] of Object.entries(lists)) {
      if (v === undefined) continue;
      if (!Array.isArray(v)) return invalidParam(k, `${k} is not of type array.`);
      total += v.length;
    }
    if (total > BATCH_MAX) return err(413, 'woocommerce_rest_request_entity_too_large', `Unable to accept more than ${BATCH_MAX} items for this request.`);
    const out: Record<string, unknown[]> = {};
    const asErr = (id: unknown, r: SimResponse): unknown => {
      const e = r.body as { code: string; message: string; data: unknown };
      return { id: Number(id) || 0, error: { code: e.code, message: e.message, data: e.data } };
    };
    const badId = (id: unknown): unknown => ({ id: Number(id) || 0, error: { code: parent ? 'woocommerce_rest_product_variation_invalid_id' : 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } });
    if (Array.isArray(lists.create)) {
      out.create = lists.create.map((c) => {
        const r = parent ? this.createVariation(parent, isObj(c) ? c : {}) : this.create(isObj(c) ? c : {});
        return r.status < 300 ? r.body : asErr(0, r);
      });
    }
    let stockEntries = 0;
    if (Array.isArray(lists.update)) {
      out.update = lists.update.map((u) => {
        if (!isObj(u)) return badId(0);
        if (u.stock_quantity !== undefined) stockEntries++;
        if (parent) {
          const v = parent.variants.find((x) => x.variantId === String(u.id) && x.variantId !== parent.itemId);
          if (!v) return badId(u.id);
          const e = this.updateVariant(parent, v, u, true);
          return e ? asErr(u.id, e) : this.variationJson(parent, v);
        }
        const it = this.product(String(u.id));
        if (!it) return badId(u.id);
        const r = this.update(it, { ...u }, false);
        return 'error' in r ? asErr(u.id, r.error) : this.productJson(it);
      });
    }
    if (Array.isArray(lists.delete)) {
      out.delete = lists.delete.map((id) => {
        if (parent) {
          const v = parent.variants.find((x) => x.variantId === String(id));
          if (!v) return badId(id);
          const json0 = this.variationJson(parent, v);
          parent.variants = parent.variants.filter((x) => x !== v);
          this.shop.items.unindexVariant(parent, v);
          this.shop.items.touch(parent, this.now());
          return json0;
        }
        const it = this.product(String(id));
        if (!it) return badId(id);
        const j = this.productJson(it);
        it.status = 'trash';
        this.shop.items.touch(it, this.now());
        return { ...j, status: 'trash' };
      });
    }
    if (stockEntries) this.ctx.state.countStockCall(this.shop, stockEntries);
    return json(200, out);
  }
}
