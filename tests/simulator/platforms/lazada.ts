// Lazada Open Platform fake (see docs/platforms/lazada.md).
// Signing: all params (query + urlencoded or multipart form body, file parts excluded) except `sign`, sorted by name, concatenated
// key+value, API path (after /rest) prepended, HMAC-SHA256(app_secret), UPPERCASE hex. timestamp in
// ms within 7200 s. Errors: HTTP 200 {type, code, message, request_id} (codes from Lazada's tables).
// Rate limit: inventory APIs 50 calls/s per seller → ApiCallLimit and a 1 s ban; the fault
// `rateLimitPerSecond` applies one limit to every API of the seller.
import { type Ctx, type SimResponse, faultGate, formParams, json } from '../http.ts';
import { STATUSES, buildItem, totalStock } from '../shops.ts';
import type { App, Shop } from '../state.ts';
import type { Item, Variant } from '../store.ts';
import { hmacHex, requestId, round2, safeEqual } from '../util.ts';
import { asList, get, parsePayload, str, toInt, toNum } from './lazada-payload.ts';
import { LAZADA_ORDER_ENDPOINTS } from './lazada-orders.ts';
import { brandsQuery, categoryAttributesGet, categoryTreeGet, checkLazadaListing, imageMigrate, imageResponseGet, imagesMigrate } from './lazada-catalog.ts';

const INVENTORY_RATE = 50;
const INVENTORY_APIS = new Set(['/product/price_quantity/update', '/product/stock/sellable/update']);

type Params = Map<string, string>;
const err = (code: string, message: string, type = 'ISV', extra: Record<string, unknown> = {}): SimResponse =>
  json(200, { type, code, message, request_id: requestId(), ...extra });
const ok = (data: unknown): SimResponse => json(200, { code: '0', data, request_id: requestId() });
const missing = (p: string): SimResponse => err('MissingParameter', `the input parameter “${p}” that is mandatory for processing this request is not supplied`);

interface Ep {
  seller: boolean;
  fn: (ctx: Ctx, p: Params, app: App, shop: Shop) => SimResponse;
}

export function lazadaSign(secret: string, path: string, params: Params): string {
  const keys = [...params.keys()].filter((k) => k !== 'sign').sort();
  let s = path;
  for (const k of keys) s += k + params.get(k)!;
  return hmacHex('sha256', secret, s).toUpperCase();
}

export async function handleLazada(ctx: Ctx): Promise<SimResponse> {
  const { state, req } = ctx;
  const path = ctx.sub;
  ctx.endpoint = path;
  const p: Params = new Map(req.query);
  if (req.method === 'POST') for (const [k, v] of formParams(req) ?? []) p.set(k, v);
  const ep = ENDPOINTS[path];
  const reject = (r: SimResponse, reason: string): SimResponse => ((ctx.rejected = reason), r);
  if (!ep) return reject(err('InvalidApiPath', `The specified API path ${path} is invalid`), 'invalid_path');
  const appKey = p.get('app_key');
  if (!appKey) return reject(missing('app_key'), 'missing_parameter');
  const app = state.appByKey('lazada', appKey);
  if (!app) return reject(err('InvalidAppKey', 'The specified app_key is invalid'), 'invalid_app_key');
  const sm = p.get('sign_method');
  if (!sm) return reject(missing('sign_method'), 'missing_parameter');
  if (sm !== 'sha256') return reject(err('InvalidSignMethod', `The sign_method ${sm} is not supported, use sha256`), 'invalid_sign_method');
  const ts = p.get('timestamp');
  if (!ts) return reject(missing('timestamp'), 'missing_parameter');
  if (!/^\d+$/.test(ts) || Math.abs(state.now() - Number(ts)) > 7200_000) {
    return reject(err('InvalidTimestamp', 'The timestamp must be UTC epoch milliseconds within 7200 seconds of the server time'), 'invalid_timestamp');
  }
  const sign = p.get('sign');
  if (!sign) return reject(missing('sign'), 'missing_parameter');
  if (!safeEqual(sign, lazadaSign(app.secret, path, p))) return reject(err('IncompleteSignature', 'The request signature does not conform to lazop standards'), 'bad_signature');
  if (!ep.seller) return ep.fn(ctx, p, app, undefined as unknown as Shop);
  const at = p.get('access_token');
  if (!at) return reject(missing('access_token'), 'missing_parameter');
  const tok = state.checkAccess('lazada', at);
  if (typeof tok !== 'string') ctx.shop = state.shops.get(tok.shopId);
  if (typeof tok === 'string' || tok.appId !== app.appId || !ctx.shop) {
    return reject(err('IllegalAccessToken', 'The specified access token is invalid or expired'), tok === 'expired' ? 'token_expired' : 'illegal_access_token');
  }
  const shop = ctx.shop;
  const override = state.faultFor('lazada', shop.shopId).rateLimitPerSecond;
  const limited = override !== undefined || INVENTORY_APIS.has(path);
  if (limited) {
    const key = override !== undefined ? `lazada:all:${shop.shopId}` : `lazada:inv:${shop.shopId}`;
    const throttled = (): SimResponse => reject(err('ApiCallLimit', 'Api access frequency exceeds the limit. this ban will last 1 seconds', 'ISP'), 'rate_limited');
    if (state.bans.banned(key)) return throttled();
    if (!state.buckets.take(key, override ?? INVENTORY_RATE)) {
      state.bans.ban(key, 1000);
      return throttled();
    }
  }
  const f = await faultGate(ctx, shop, () => err('ServiceTimeout', 'The service timed out, please try again later', 'SYSTEM'));
  if (f) return f;
  return ep.fn(ctx, p, app, shop);
}

// ---------------- shapes ----------------
function skuStatus(it: Item): string {
  return it.status === 'Active' ? 'active' : it.status === 'Deleted' ? 'deleted' : 'inactive';
}
function skuJson(shop: Shop, it: Item, v: Variant): Record<string, unknown> {
  return {
    SkuId: Number(v.variantId),
    SellerSku: v.sellerSku,
    ShopSku: `${it.itemId}_${shop.region}-${v.variantId}`,
    Status: skuStatus(it),
    quantity: totalStock(v),
    Available: Math.max(0, totalStock(v) - v.reserved),
    price: v.price,
    special_price: 0,
    Images: it.images,
    Url: `https://www.lazada.sg/products/i${it.itemId}-s${v.variantId}.html`,
    package_weight: '0.5',
    ...(it.hasVariants ? { saleProp: { variation: v.option } } : {}),
    multiWarehouseInventories: shop.locations.map((l, i) => ({
      warehouseCode: l.id,
      quantity: v.stock[i] ?? 0,
      totalQuantity: v.stock[i] ?? 0,
      sellableQuantity: Math.max(0, (v.stock[i] ?? 0) - (i === 0 ? v.reserved : 0)),
      occupyQuantity: i === 0 ? v.reserved : 0,
      withholdQuantity: 0,
    })),
    fblWarehouseInventories: [],
  };
}
function productJson(shop: Shop, it: Item): Record<string, unknown> {
  return {
    item_id: Number(it.itemId),
    primary_category: Number(it.categoryId),
    status: it.status,
    created_time: String(it.createdAt),
    updated_time: String(it.updatedAt),
    images: it.images,
    attributes: { name: it.title, description: it.description, brand: it.brand ?? 'No Brand', ...Object.fromEntries((it.attributes ?? []).map((a) => [a.id, a.value])) },
    ...(it.hasVariants ? { variation: { Variation1: { name: 'variation', label: it.tierName || 'Variation', values: it.variants.map((v) => v.option) } } } : {}),
    skus: it.variants.map((v) => skuJson(shop, it, v)),
  };
}

/** ISO 8601 with optional zone ("Z", "+08:00" or "+0800"); NaN when malformed. */
export function parseIso(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return NaN;
  const base = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  let off = 0;
  const z = m[8];
  if (z && z !== 'Z') {
    const d = z.replace(':', '');
    off = (d[0] === '-' ? -1 : 1) * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5))) * 60_000;
  }
  return base - off;
}

// ---------------- endpoints ----------------
const FILTERS: Record<string, (it: Item) => boolean> = {
  all: (it) => it.status !== 'Deleted',
  live: (it) => it.status === 'Active',
  inactive: (it) => it.status === 'InActive',
  deleted: (it) => it.status === 'Deleted',
  pending: (it) => it.status === 'Pending QC',
  rejected: (it) => it.status === 'Rejected',
  'sold-out': (it) => it.status === 'Active' && it.variants.every((v) => totalStock(v) === 0),
  'image-missing': (it) => it.images.length === 0,
};

function productsGet(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  const filter = p.get('filter') ?? '';
  const pred = FILTERS[filter];
  if (!pred) return err('36', 'E036: Invalid status filter');
  const limit = p.get('limit') ?? '10';
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 50) return err('19', `E019: "${limit}" Invalid Limit`);
  const offset = p.get('offset') ?? '0';
  if (!/^\d+$/.test(offset) || Number(offset) > 10000) return err('14', `E014: "${offset}" Invalid Offset`);
  const dates: Record<string, number | undefined> = {};
  for (const k of ['update_after', 'update_before', 'create_after', 'create_before']) {
    const v = p.get(k);
    if (v === undefined) continue;
    const t = parseIso(v);
    if (Number.isNaN(t)) return err('17', `E017: "${v}" Invalid Date Format`);
    dates[k] = t;
  }
  let skuSet: Set<string> | undefined;
  const sl = p.get('sku_seller_list');
  if (sl !== undefined) {
    let arr: unknown;
    try {
      arr = JSON.parse(sl);
    } catch {
      arr = undefined;
    }
    if (!Array.isArray(arr) || arr.length > 100 || !arr.every((x) => typeof x === 'string')) return err('70', 'E070: You have corrupt data in your sku seller list.');
    skuSet = new Set(arr as string[]);
  }
  const ca = dates.create_after;
  const cb = dates.create_before;
  const full = (it: Item): boolean =>
    pred(it) && (ca === undefined || it.createdAt >= ca) && (cb === undefined || it.createdAt <= cb) && (!skuSet || it.variants.some((v) => skuSet.has(v.sellerSku)));
  const ua = dates.update_after;
  const ub = dates.update_before;
  // Second precision, both bounds inclusive ("after or on", "before or on").
  const view = shop.items.view({
    order: 'update',
    fromMs: ua === undefined ? undefined : Math.floor(ua / 1000) * 1000,
    toMs: ub === undefined ? undefined : (Math.floor(ub / 1000) + 1) * 1000,
    pred: full,
    key: `f=${filter}|ca=${ca}|cb=${cb}|sku=${sl ?? ''}`,
  });
  const off = Number(offset);
  const end = Math.min(view.length, off + Number(limit));
  const products = [];
  for (let i = off; i < end; i++) products.push(productJson(shop, view.at(i)));
  return ok({ total_products: view.length, products });
}

function itemGet(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  const id = p.get('item_id');
  const sku = p.get('seller_sku');
  if (!id && !sku) return err('200', 'E200: Empty SellerSku');
  let it: Item | undefined;
  if (id) it = /^\d+$/.test(id) ? shop.items.get(id) : undefined;
  else {
    it = shop.items.bySku(sku!)[0]?.item;
    if (!it) return err('207', 'E207: SKU not exist');
  }
  if (!it) return err('208', 'E208: Item not exist');
  return ok(productJson(shop, it));
}

interface SkuUpdate {
  itemId: string;
  skuId: string;
  sellerSku: string;
  raw: unknown;
}
function stockUpdate(ctx: Ctx, p: Params, _app: App, shop: Shop, sellable: boolean): SimResponse {
  const raw = p.get('payload');
  if (!raw || !raw.trim()) return err('30', 'E030: Empty Request');
  const tree = parsePayload(raw);
  if (!tree) return err('5', 'E005: Invalid Request Format');
  const skus = asList(get(tree, 'Request', 'Product', 'Skus', 'Sku'));
  if (skus.length === 0) return err('5', 'E005: Invalid Request Format');
  if (skus.length > 50) return err('204', 'E204: Too many SKU in one request');
  const reject = ctx.state.faultFor('lazada', shop.shopId).rejectSkus;
  const detail: Record<string, unknown>[] = [];
  const touched = new Set<Item>();
  const now = ctx.state.now();
  for (const s of skus) {
    const u: SkuUpdate = { itemId: str(get(s, 'ItemId')), skuId: str(get(s, 'SkuId')), sellerSku: str(get(s, 'SellerSku')), raw: s };
    const fail = (field: string, message: string, code: string): void => {
      detail.push({ field, message, code, seller_sku: u.sellerSku, ...(u.itemId ? { item_id: u.itemId } : {}), ...(u.skuId ? { sku_id: u.skuId } : {}) });
      ctx.state.countRejected(shop, 'entry_failed');
    };
    let ref = u.skuId ? shop.items.variant(u.skuId) : u.sellerSku ? shop.items.bySku(u.sellerSku)[0] : undefined;
    if (ref && u.itemId && ref.item.itemId !== u.itemId) ref = undefined;
    if (ref && u.skuId && u.sellerSku && ref.variant.sellerSku !== u.sellerSku) ref = undefined;
    if (!u.skuId && !u.sellerSku) {
      fail('SkuId', 'SkuId or SellerSku is mandatory', '4216');
      continue;
    }
    if (!ref || ref.item.status === 'Deleted') {
      fail(u.skuId ? 'SkuId' : 'SellerSku', u.skuId ? 'SKU_NOT_FOUND' : 'SELLER_SKU_NOT_FOUND', '4136');
      continue;
    }
    const { item, variant: v } = ref;
    if (!u.sellerSku) u.sellerSku = v.sellerSku;
    const next = v.stock.slice();
    let qtySet = false;
    let bad = '';
    const qField = sellable ? 'SellableQuantity' : 'Quantity';
    const q = get(s, qField);
    if (q !== undefined) {
      const n = toInt(q);
      if (!(n >= 0)) bad = `Negative or invalid value in ${qField} field`;
      else ((next[0] = sellable ? n + v.reserved : n), (qtySet = true));
    }
    for (const w of asList(get(s, 'MultiWarehouseInventories', 'MultiWarehouseInventory'))) {
      const code = str(get(w, 'WarehouseCode'));
      const idx = shop.locations.findIndex((l) => l.id === code);
      const n = toInt(get(w, 'Quantity') ?? get(w, 'SellableQuantity'));
      if (idx < 0) bad ||= `WarehouseCode ${code} does not exist`;
      else if (!(n >= 0)) bad ||= 'Negative or invalid value in Quantity field';
      else ((next[idx] = n), (qtySet = true));
    }
    const price = get(s, 'Price');
    if (price !== undefined && !(toNum(price) > 0)) bad ||= 'BIZ_CHECK_PRICE_IS_ZERO';
    if (!bad && qtySet && reject.has(v.sellerSku)) bad = 'Stock update is locked for this SKU by an ongoing campaign (simulated rejection)';
    if (!bad && qtySet && next.reduce((a, b) => a + b, 0) < v.reserved) bad = 'Quantity must be greater than or equal to the occupied (reserved) quantity';
    if (bad) {
      fail(qField, bad, '501');
      continue;
    }
    if (qtySet) {
      v.stock = next;
      ctx.state.stockEvent(shop, item, v);
    }
    if (price !== undefined) v.price = round2(toNum(price));
    v.updatedAt = now;
    touched.add(item);
  }
  for (const it of touched) shop.items.touch(it, now);
  ctx.state.countStockCall(shop, skus.length);
  if (detail.length) return err('501', 'E501: Update product failed', 'ISV', { detail });
  return json(200, { code: '0', request_id: requestId() });
}

function productCreate(ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  const raw = p.get('payload');
  if (!raw || !raw.trim()) return err('30', 'E030: Empty Request');
  const tree = parsePayload(raw);
  const prod = get(tree, 'Request', 'Product');
  if (!tree || typeof prod !== 'object' || prod === null) return err('5', 'E005: Invalid Request Format');
  const cat = str(get(prod, 'PrimaryCategory'));
  if (!/^\d+$/.test(cat)) return err('1', 'E001: Parameter PrimaryCategory is mandatory');
  const name = str(get(prod, 'Attributes', 'name'));
  if (!name) return err('1', 'E001: Parameter name is mandatory');
  if (name.length > 255) return err('4120', 'CHK_CATPROP_CPV_MAX_LEGNTH');
  const images = asList(get(prod, 'Images', 'Image')).map(str);
  if (images.length === 0) return err('4139', 'BIZ_CHECK_MAIN_IMAGE_REQUIRE:Main image is require');
  if (images.length > 8) return err('4169', 'CHK_IMAGE_MAX_ITEMS');
  const skus = asList(get(prod, 'Skus', 'Sku'));
  if (skus.length === 0) return err('1', 'E001: Parameter Skus is mandatory');
  const seen = new Set<string>();
  const variants = [];
  for (const s of skus) {
    const sku = str(get(s, 'SellerSku'));
    if (!sku) return err('4150', 'SELLER_SKU_INVALID');
    if (seen.has(sku) || shop.items.bySku(sku).length) return err('4105', 'BIZ_CHECK_SELLER_SKU_DUPLICATE');
    seen.add(sku);
    const qty = toInt(get(s, 'quantity') ?? 0);
    const price = toNum(get(s, 'price'));
    if (!(qty >= 0)) return err('4152', 'THD_INVENTORY_ERR_INV_PARAM_ILLEGAL:illegal parameter:quantity');
    if (!(price > 0)) return err('4118', 'BIZ_CHECK_PRICE_IS_ZERO');
    const props = Object.entries((s ?? {}) as Record<string, unknown>).filter(([k]) => !/^(SellerSku|quantity|price|special_price|package_.*|Images|saleProp)$/.test(k));
    variants.push({ sellerSku: sku, stock: qty, price, option: str(get(s, 'saleProp', 'variation')) || props.map(([, v]) => str(v)).filter(Boolean).join(' ') || `Option ${variants.length + 1}` });
  }
  if (variants.length === 1) variants[0]!.option = '';
  const checked = checkLazadaListing(ctx, prod, cat, images, skus);
  if ('status' in checked) return checked;
  const now = ctx.state.now();
  const it = shop.items.add(
    buildItem(shop, { title: name, description: str(get(prod, 'Attributes', 'description')), status: STATUSES.lazada.active, images, categoryId: cat, attributes: checked.attributes, brand: checked.brand, createdAt: now, updatedAt: now, variants }),
  );
  return ok({ item_id: Number(it.itemId), sku_list: it.variants.map((v) => ({ seller_sku: v.sellerSku, shop_sku: `${it.itemId}_${shop.region}-${v.variantId}`, sku_id: Number(v.variantId) })) });
}

function sellerGet(_ctx: Ctx, _p: Params, _app: App, shop: Shop): SimResponse {
  return ok({ name: shop.name, seller_id: Number(shop.shopId), short_code: `SG${shop.shopId.slice(-5)}`, email: `seller${shop.shopId}@sim.invalid`, location: 'Singapore', verified: true, cb: false });
}

// ---------------- tokens ----------------
function countryUserInfo(shop: Shop): unknown[] {
  return [{ country: shop.region.toLowerCase(), user_id: shop.sellerId, seller_id: shop.sellerId, short_code: `SG${shop.shopId.slice(-5)}` }];
}
function tokenCreate(ctx: Ctx, p: Params, app: App): SimResponse {
  const { state } = ctx;
  const code = p.get('code');
  if (!code) return ((ctx.rejected = 'missing_parameter'), missing('code'));
  const c = state.takeCode('lazada', code, app.appId);
  if (!c) return ((ctx.rejected = 'invalid_code'), err('InvalidCode', 'Invalid authorization code'));
  const shop = state.shops.get(c.shopId)!;
  ctx.shop = shop;
  const t = state.issueTokens(shop, app.appId);
  if (app.appId === shop.appId) ((shop.accessToken = t.access.token), (shop.refreshToken = t.refresh.token));
  const now = state.now();
  return json(200, {
    access_token: t.access.token,
    refresh_token: t.refresh.token,
    expires_in: Math.floor((t.access.expiresAt - now) / 1000),
    refresh_expires_in: Math.floor((t.refresh.expiresAt - now) / 1000),
    country: shop.region.toLowerCase(),
    account_platform: 'seller_center',
    account: `seller${shop.shopId}@sim.invalid`,
    country_user_info: countryUserInfo(shop),
    code: '0',
    request_id: requestId(),
  });
}
function tokenRefresh(ctx: Ctx, p: Params, app: App): SimResponse {
  const { state } = ctx;
  const rt = p.get('refresh_token');
  if (!rt) return ((ctx.rejected = 'missing_parameter'), missing('refresh_token'));
  const r = state.tokens.get(rt);
  const now = state.now();
  if (!r || r.kind !== 'refresh' || r.platform !== 'lazada' || r.revoked || r.expiresAt <= now || r.appId !== app.appId) {
    return ((ctx.rejected = 'illegal_refresh_token'), err('IllegalRefreshToken', 'The specified refresh token is invalid or expired'));
  }
  const shop = state.shops.get(r.shopId)!;
  ctx.shop = shop;
  // New access token; the refresh token stays the same and is not extended by refreshing.
  const t = state.issueTokens(shop, app.appId);
  state.tokens.delete(t.refresh.token);
  if (app.appId === shop.appId) shop.accessToken = t.access.token;
  return json(200, {
    access_token: t.access.token,
    refresh_token: r.token,
    expires_in: Math.floor((t.access.expiresAt - now) / 1000),
    refresh_expires_in: Math.floor((r.expiresAt - now) / 1000),
    country: shop.region.toLowerCase(),
    account_platform: 'seller_center',
    account: `seller${shop.shopId}@sim.invalid`,
    country_user_info: countryUserInfo(shop),
    code: '0',
    request_id: requestId(),
  });
}

const ENDPOINTS: Record<string, Ep> = {
  '/auth/token/create': { seller: false, fn: tokenCreate },
  '/auth/token/refresh': { seller: false, fn: tokenRefresh },
  '/products/get': { seller: true, fn: productsGet },
  '/product/item/get': { seller: true, fn: itemGet },
  '/product/price_quantity/update': { seller: true, fn: (c, p, a, s) => stockUpdate(c, p, a, s, false) },
  '/product/stock/sellable/update': { seller: true, fn: (c, p, a, s) => stockUpdate(c, p, a, s, true) },
  '/product/create': { seller: true, fn: productCreate },
  '/seller/get': { seller: true, fn: sellerGet },
  '/category/tree/get': { seller: true, fn: categoryTreeGet },
  '/category/attributes/get': { seller: true, fn: categoryAttributesGet },
  '/category/brands/query': { seller: true, fn: brandsQuery },
  '/image/migrate': { seller: true, fn: imageMigrate },
  '/images/migrate': { seller: true, fn: imagesMigrate },
  '/image/response/get': { seller: true, fn: imageResponseGet },
  // Buyers' orders (lazada-orders.ts): not inventory APIs, so only the rate-limit fault applies.
  ...Object.fromEntries(Object.entries(LAZADA_ORDER_ENDPOINTS).map(([path, fn]) => [path, { seller: true, fn }])),
};
