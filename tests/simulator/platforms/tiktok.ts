// TikTok Shop Partner API (202309) fake (see docs/platforms/tiktok.md).
// Signing: query params except sign/access_token sorted, "{k}{v}" concatenated, path prepended,
// raw body appended (unless multipart), wrapped in app_secret, HMAC-SHA256(app_secret) lowercase
// hex; timestamp accepted from now−5 min to now+30 s. Errors use TikTok's common-error codes.
// Rate limit: 50 QPS per API per app+shop → HTTP 429 code 36009002 (fault rateLimitPerSecond
// replaces 50).
import { type Ctx, type SimResponse, faultGate, header, json, parseJsonBody } from '../http.ts';
import { STATUSES, buildItem } from '../shops.ts';
import type { App, Shop } from '../state.ts';
import type { Item, Variant } from '../store.ts';
import { b64urlJson, fromB64urlJson, hmacHex, isInt, isObj, lowerBound, money, requestId, round2, safeEqual } from '../util.ts';
import { BRANDS, brandNumber, categoryTree } from '../catalog.ts';
import { ordersSearch } from './tiktok-orders.ts';
import { attributesGet, brandsGet, categoriesGet, checkTiktokListing, imagesUpload, returnWarehouseId } from './tiktok-catalog.ts';

const RATE = 50;
const fail = (status: number, code: number, message: string, data?: unknown): SimResponse =>
  json(status, { code, message, request_id: requestId(), ...(data !== undefined ? { data } : {}) });
const ok = (data: unknown): SimResponse => json(200, { code: 0, message: 'Success', request_id: requestId(), data });
const badParam = (detail = 'invalid param error'): SimResponse => fail(400, 36009004, detail);

type Body = Record<string, unknown>;
interface Ep {
  method: 'GET' | 'POST';
  re: RegExp;
  key: string;
  /** true: shop_cipher required; false: refused; 'optional': either (image upload). */
  shopCall: boolean | 'optional';
  /** multipart/form-data body (image upload). */
  multipart?: boolean;
  fn: (ctx: Ctx, shop: Shop, body: Body, m: RegExpExecArray) => SimResponse;
}

export function tiktokSign(secret: string, path: string, query: URLSearchParams, body: string): string {
  const keys = [...new Set(query.keys())].filter((k) => k !== 'sign' && k !== 'access_token').sort();
  let s = path;
  for (const k of keys) s += k + query.get(k)!;
  s = secret + s + body + secret;
  return hmacHex('sha256', secret, s);
}

export async function handleTiktok(ctx: Ctx): Promise<SimResponse> {
  const { state, req } = ctx;
  const q = req.query;
  const reject = (r: SimResponse, reason: string): SimResponse => ((ctx.rejected = reason), r);
  const cands = ENDPOINTS.filter((e) => e.re.test(ctx.sub));
  ctx.endpoint = cands[0]?.key ?? ctx.sub;
  if (!cands.length) return reject(fail(404, 36009009, 'Invalid path. The specified path does not match any available endpoint.'), 'invalid_path');
  const ep = cands.find((e) => e.method === req.method);
  if (!ep) return reject(fail(405, 36009010, 'Invalid method. The HTTP method used is not supported by this endpoint.'), 'invalid_method');
  const m = ep.re.exec(ctx.sub)!;
  const app = state.appByKey('tiktok', q.get('app_key'));
  if (!app) return reject(fail(400, 36009004, 'Invalid credentials. Invalid `app_key` query parameter.'), 'invalid_app_key');
  const sign = q.get('sign');
  if (!sign) return reject(fail(400, 36009004, 'Missing credentials. The request does not include a required signature in the query.'), 'missing_sign');
  const ts = q.get('timestamp') ?? '';
  const nowS = state.now() / 1000;
  if (!/^\d+$/.test(ts)) return reject(fail(400, 36009004, 'Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.'), 'invalid_timestamp');
  if (Number(ts) < nowS - 300) return reject(fail(400, 36009004, 'Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.'), 'invalid_timestamp');
  if (Number(ts) > nowS + 30) return reject(fail(400, 36009004, 'Invalid timestamp. The value of the `timestamp` query parameter must not exceed the current time by more than 30 seconds.'), 'invalid_timestamp');
  const ctype = (header(req, 'content-type') ?? '').toLowerCase();
  const signBody = ctype.startsWith('multipart/form-data') ? '' : req.bodyText;
  if (!safeEqual(sign, tiktokSign(app.secret, ctx.sub, q, signBody))) return reject(fail(401, 106001, 'Invalid credentials. The `sign` query parameter is invalid.'), 'bad_signature');
  const tok = state.checkAccess('tiktok', header(req, 'x-tts-access-token'));
  if (tok === 'expired') return reject(fail(401, 105002, 'Expired credentials. The `access_token` or `x-tts-access-token` header has expired.'), 'token_expired');
  if (tok === 'unknown' || tok.appId !== app.appId) return reject(fail(401, 36009004, 'Invalid credentials. The `x-tts-access-token` header is invalid.'), 'invalid_token');
  const shop = state.shops.get(tok.shopId)!;
  ctx.shop = shop;
  const cipher = q.get('shop_cipher');
  if (ep.shopCall === 'optional') {
    if (cipher !== null && cipher !== shop.cipher) return reject(fail(400, 36009004, 'Invalid identifier. The `shop_cipher` query parameter is invalid.'), 'invalid_shop_cipher');
  } else if (ep.shopCall) {
    if (!cipher) return reject(fail(400, 106013, 'Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.'), 'missing_shop_cipher');
    if (cipher !== shop.cipher) return reject(fail(400, 36009004, 'Invalid identifier. The `shop_cipher` query parameter is invalid.'), 'invalid_shop_cipher');
  } else if (cipher !== null) {
    return reject(fail(400, 36009004, 'Unexpected identifier. The `shop_cipher` query parameter is not required for this request.'), 'unexpected_shop_cipher');
  }
  const rate = state.faultFor('tiktok', shop.shopId).rateLimitPerSecond ?? RATE;
  if (!state.buckets.take(`tiktok:${app.key}:${shop.shopId}:${ep.key}`, rate)) {
    return reject(fail(429, 36009002, "Too many requests. You've made too many requests in a short period of time."), 'rate_limited');
  }
  const f = await faultGate(ctx, shop, () => fail(500, 36009003, 'Internal error. Please try again. If the issue persists after multiple attempts, please contact platform support.'));
  if (f) return f;
  let body: Body = {};
  if (req.method === 'POST' && ep.multipart) {
    if (!ctype.startsWith('multipart/form-data')) return reject(fail(400, 36009022, 'Invalid request format. The request body format must be `application/json` for structured data or `multipart/form-data` for binary files.'), 'bad_content_type');
  } else if (req.method === 'POST') {
    if (!ctype.startsWith('application/json')) {
      return reject(fail(400, 36009022, 'Invalid request format. The request body format must be `application/json` for structured data or `multipart/form-data` for binary files.'), 'bad_content_type');
    }
    const parsed = parseJsonBody(req);
    if (parsed !== undefined && !isObj(parsed)) return reject(badParam(), 'invalid_param');
    body = parsed ?? {};
  }
  return ep.fn(ctx, shop, body, m);
}

// ---------------- shapes ----------------
function priceJson(shop: Shop, v: Variant): unknown {
  return { currency: shop.currency, sale_price: money(v.price), tax_exclusive_price: money(v.price) };
}
function inventoryJson(shop: Shop, v: Variant): unknown[] {
  return shop.locations.map((l, i) => ({ warehouse_id: l.id, quantity: v.stock[i] ?? 0 }));
}
function searchJson(shop: Shop, it: Item): unknown {
  return {
    id: it.itemId,
    title: it.title,
    status: it.status,
    create_time: Math.floor(it.createdAt / 1000),
    update_time: Math.floor(it.updatedAt / 1000),
    sales_regions: [shop.region],
    skus: it.variants.map((v) => ({ id: v.variantId, seller_sku: v.sellerSku, price: priceJson(shop, v), inventory: inventoryJson(shop, v) })),
  };
}
function detailJson(shop: Shop, it: Item): unknown {
  return {
    id: it.itemId,
    title: it.title,
    description: it.description,
    status: it.status,
    create_time: Math.floor(it.createdAt / 1000),
    update_time: Math.floor(it.updatedAt / 1000),
    category_chains: categoryChain(it.categoryId),
    main_images: it.images.map((u, i) => ({ uri: /\/media\/tiktok\/([^~]+)/.exec(u)?.[1] ?? `tos-sim/${it.itemId}-${i}`, urls: [u], width: 600, height: 600 })),
    ...(it.brand ? { brand: { id: brandIdOf(it.brand), name: it.brand } } : {}),
    product_attributes: (it.attributes ?? []).map((a) => ({ id: a.id, values: a.value.split(', ').map((name) => ({ name })) })),
    skus: it.variants.map((v) => ({
      id: v.variantId,
      seller_sku: v.sellerSku,
      sales_attributes: it.hasVariants ? [{ id: '100000', name: it.tierName || 'Variation', value_id: `${v.variantId}1`, value_name: v.option }] : [],
      price: priceJson(shop, v),
      inventory: inventoryJson(shop, v),
    })),
  };
}

function categoryChain(id: string): unknown[] {
  const { byId } = categoryTree('tiktok');
  const out: unknown[] = [];
  for (let c = byId.get(id); c; c = byId.get(c.parentId)) out.unshift({ id: c.id, local_name: c.name, is_leaf: c.leaf, parent_id: c.parentId });
  return out.length ? out : [{ id, local_name: 'Simulated category', is_leaf: true, parent_id: '0' }];
}
function brandIdOf(name: string): string {
  const i = BRANDS.indexOf(name);
  return i < 0 ? '' : brandNumber('tiktok', i);
}

// ---------------- endpoints ----------------
function shopsGet(_ctx: Ctx, shop: Shop): SimResponse {
  return ok({ shops: [{ id: shop.shopId, name: shop.name, region: shop.region, seller_type: 'LOCAL', cipher: shop.cipher, code: `US${shop.shopId.slice(-6)}` }] });
}
function warehousesGet(_ctx: Ctx, shop: Shop): SimResponse {
  return ok({
    warehouses: [
      ...shop.locations.map((l, i) => ({ id: l.id, name: l.name, effect_status: 'ENABLED', type: 'SALES_WAREHOUSE', sub_type: 'DOMESTIC_WAREHOUSE', is_default: i === 0 })),
      // Where buyers' returns go: listed, but a SKU's stock cannot live there.
      { id: returnWarehouseId(shop), name: 'Returns', effect_status: 'ENABLED', type: 'RETURN_WAREHOUSE', sub_type: 'DOMESTIC_WAREHOUSE', is_default: false },
    ],
  });
}

function search(ctx: Ctx, shop: Shop, body: Body): SimResponse {
  const q = ctx.req.query;
  const ps = q.get('page_size') ?? '';
  if (!/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return fail(400, 12019109, 'page size is invalid');
  const status = body.status ?? 'ALL';
  if (status !== 'ALL' && !STATUSES.tiktok.all.includes(String(status))) return fail(400, 12019113, 'product status is invalid');
  const t = (k: string): number | undefined | null => (body[k] === undefined ? undefined : isInt(body[k]) && (body[k] as number) >= 0 ? (body[k] as number) : null);
  const ge = t('update_time_ge');
  const le = t('update_time_le');
  if (ge === null || le === null || (ge !== undefined && le !== undefined && ge > le)) return fail(400, 12019119, 'search update time invalid');
  const cge = t('create_time_ge');
  const cle = t('create_time_le');
  if (cge === null || cle === null) return fail(400, 12019118, 'search create time invalid');
  let skus: Set<string> | undefined;
  if (body.seller_skus !== undefined) {
    if (!Array.isArray(body.seller_skus) || !body.seller_skus.every((x) => typeof x === 'string')) return badParam();
    if (body.seller_skus.length > 10) return fail(400, 12019027, 'The maximum count of “seller_skus” in the search filter is 10.');
    skus = new Set(body.seller_skus as string[]);
  }
  const pred = (it: Item): boolean =>
    (status === 'ALL' ? it.status !== 'DELETED' : it.status === status) &&
    (cge === undefined || it.createdAt >= cge * 1000) &&
    (cle === undefined || it.createdAt < (cle + 1) * 1000) &&
    (!skus || it.variants.some((v) => skus.has(v.sellerSku)));
  const key = `${String(status)}|${cge}|${cle}|${skus ? [...skus].sort().join(',') : ''}`;
  const view = shop.items.view({ order: 'seq', fromMs: ge === undefined ? undefined : ge * 1000, toMs: le === undefined ? undefined : (le + 1) * 1000, pred, key });
  let start = 0;
  const tokenStr = q.get('page_token');
  if (tokenStr) {
    const tok = fromB64urlJson(tokenStr) as { s?: number; k?: string } | undefined;
    if (!tok || !isInt(tok.s) || tok.k !== `${key}|${ge}|${le}`) return badParam('invalid param error: page_token is invalid');
    const last = tok.s;
    start = lowerBound(view.length, (i) => view.at(i).seq > last);
  }
  const end = Math.min(view.length, start + Number(ps));
  const products = [];
  for (let i = start; i < end; i++) products.push(searchJson(shop, view.at(i)));
  const next = end < view.length ? b64urlJson({ s: view.at(end - 1).seq, k: `${key}|${ge}|${le}` }) : '';
  return ok({ total_count: view.length, next_page_token: next, products });
}

function productOf(shop: Shop, id: string): Item | undefined {
  const it = shop.items.get(id);
  return it && it.status !== 'DELETED' ? it : undefined;
}

function getProduct(_ctx: Ctx, shop: Shop, _b: Body, m: RegExpExecArray): SimResponse {
  const it = productOf(shop, m[1]!);
  if (!it) return fail(404, 12019150, 'The product ID does not exist.');
  return ok(detailJson(shop, it));
}

function inventoryUpdate(ctx: Ctx, shop: Shop, body: Body, m: RegExpExecArray): SimResponse {
  const it = productOf(shop, m[1]!);
  if (!it) return fail(404, 12052032, 'The product does not exist');
  const skus = body.skus;
  if (!Array.isArray(skus) || skus.length === 0) return fail(400, 12052036, 'The SKU ID is necessary');
  if (skus.length > 100) return fail(400, 12019015, 'The number of SKU exceed the limit');
  if (!skus.every((s) => isObj(s) && typeof s.id === 'string' && s.id)) return fail(400, 12052036, 'The SKU ID is necessary');
  const reject = ctx.state.faultFor('tiktok', shop.shopId).rejectSkus;
  const errors: unknown[] = [];
  const now = ctx.state.now();
  let changed = false;
  for (const s of skus as Body[]) {
    const id = s.id as string;
    const e = (code: number, message: string): void => {
      errors.push({ code, message, detail: { sku_id: id } });
      ctx.state.countRejected(shop, 'entry_failed');
    };
    const v = it.variants.find((x) => x.variantId === id);
    if (!v) {
      e(12052037, "Couldn't update inventory. The SKU does not belong to this product.");
      continue;
    }
    const inv = s.inventory;
    if (!Array.isArray(inv) || inv.length === 0) {
      e(12019024, 'stock count is invalid');
      continue;
    }
    const next = v.stock.slice();
    const seen = new Set<number>();
    let bad: [number, string] | undefined;
    for (const w of inv) {
      const wid = isObj(w) ? w.warehouse_id : undefined;
      const qty = isObj(w) ? w.quantity : undefined;
      const idx = wid === undefined && shop.locations.length === 1 ? 0 : shop.locations.findIndex((l) => l.id === wid);
      if (idx < 0) bad ??= [12052097, 'The warehouse does not exist'];
      else if (!isInt(qty) || qty < 0 || qty > 99_999) bad ??= [12019024, 'stock count is invalid'];
      else ((next[idx] = qty), seen.add(idx));
    }
    if (!bad && shop.locations.length > 1 && seen.size < shop.locations.length) bad = [12019028, 'Multiple warehouses detected. Include all warehouse IDs and the corresponding details and try again.'];
    if (!bad && reject.has(v.sellerSku)) bad = [12052037, "Couldn't update inventory. The SKU is locked by an ongoing promotion (simulated rejection)."];
    if (bad) {
      e(bad[0], bad[1]);
      continue;
    }
    v.stock = next;
    v.updatedAt = now;
    changed = true;
    ctx.state.stockEvent(shop, it, v);
  }
  if (changed) shop.items.touch(it, now);
  ctx.state.countStockCall(shop, skus.length);
  return ok(errors.length ? { errors } : {});
}

function pricesUpdate(ctx: Ctx, shop: Shop, body: Body, m: RegExpExecArray): SimResponse {
  const it = productOf(shop, m[1]!);
  if (!it) return fail(404, 12052032, 'The product does not exist');
  const skus = body.skus;
  if (!Array.isArray(skus) || skus.length === 0 || !skus.every((s) => isObj(s) && typeof s.id === 'string')) return fail(400, 12052036, 'The SKU ID is necessary');
  if (skus.length > 100) return fail(400, 12019015, 'The number of SKU exceed the limit');
  const errors: unknown[] = [];
  for (const s of skus as Body[]) {
    const v = it.variants.find((x) => x.variantId === s.id);
    const amount = isObj(s.price) ? Number(s.price.amount) : NaN;
    const cur = isObj(s.price) ? s.price.currency : undefined;
    if (!v) errors.push({ code: 12052037, message: 'The SKU does not belong to this product.', detail: { sku_id: s.id } });
    else if (!(amount > 0)) errors.push({ code: 12052012, message: 'Incorrect price format', detail: { sku_id: s.id } });
    else if (cur !== undefined && cur !== shop.currency) errors.push({ code: 12052084, message: 'The provided currency is not available for this shop/region.', detail: { sku_id: s.id } });
    else v.price = round2(amount);
  }
  shop.items.touch(it, ctx.state.now());
  return ok(errors.length ? { errors } : {});
}

function createProduct(ctx: Ctx, shop: Shop, b: Body): SimResponse {
  if (typeof b.title !== 'string' || !b.title.trim()) return fail(400, 12052261, 'product name is empty');
  if (b.title.length > 255) return fail(400, 12052051, 'The product name exceed max limit characters');
  if (typeof b.description !== 'string' || !b.description) return fail(400, 12052015, 'The product description is required');
  if (typeof b.category_id !== 'string' || !/^\d+$/.test(b.category_id)) return fail(400, 12052023, 'Category does not exist');
  const imgs = b.main_images;
  if (!Array.isArray(imgs) || imgs.length === 0) return fail(400, 12052028, 'Main product image is required');
  if (imgs.length > 9 || !imgs.every((x) => isObj(x) && typeof x.uri === 'string' && x.uri)) return fail(400, 12019009, 'product image list is invalid');
  if (!isObj(b.package_weight) || !(Number(b.package_weight.value) > 0)) return fail(400, 12052006, 'Incorrect parcel weight format');
  const skus = b.skus;
  if (!Array.isArray(skus) || skus.length === 0) return fail(400, 12052036, 'The SKU ID is necessary');
  if (skus.length > 100) return fail(400, 12052050, 'A single product cannot have more than 100 different SKUs');
  const variants = [];
  for (const s of skus) {
    if (!isObj(s)) return badParam();
    const sku = typeof s.seller_sku === 'string' ? s.seller_sku : '';
    if (sku.length > 50) return fail(400, 12052054, 'The seller SKU text length cannot exceed max limit characters');
    const amount = isObj(s.price) ? Number(s.price.amount) : NaN;
    if (!(amount > 0)) return fail(400, 12052073, 'The product price is invalid');
    if (isObj(s.price) && s.price.currency !== shop.currency) return fail(400, 12052084, 'The provided currency is not available for this shop/region.');
    const stock = shop.locations.map(() => 0);
    for (const w of Array.isArray(s.inventory) ? s.inventory : []) {
      if (isObj(w) && w.warehouse_id === returnWarehouseId(shop)) return fail(400, 12052099, 'The warehouse is a return warehouse; SKU inventory must be in a sales warehouse.');
      const idx = isObj(w) ? shop.locations.findIndex((l) => l.id === w.warehouse_id) : -1;
      if (idx < 0) return fail(400, 12052097, 'The warehouse does not exist');
      const qty = (w as Body).quantity;
      if (!isInt(qty) || qty < 0 || qty > 99_999) return fail(400, 12052055, 'The SKU inventory quantity for the warehouse must be within allowed limits.');
      stock[idx] = qty;
    }
    const attrs = Array.isArray(s.sales_attributes) ? s.sales_attributes.filter(isObj) : [];
    variants.push({ sellerSku: sku, price: amount, stock, option: attrs.map((a) => String(a.value_name ?? '')).join(' ') || (skus.length > 1 ? `Option ${variants.length + 1}` : '') });
  }
  const checked = checkTiktokListing(ctx, shop, b);
  if ('status' in checked) return checked;
  const now = ctx.state.now();
  const it = shop.items.add(
    buildItem(shop, {
      title: b.title, description: b.description, status: STATUSES.tiktok.active, images: imgs.map((x) => ctx.state.media.urlOfRef(ctx.state, 'tiktok', String((x as Body).uri))), categoryId: b.category_id,
      attributes: checked.attributes, ...(checked.brand ? { brand: checked.brand } : {}), createdAt: now, updatedAt: now, variants,
    }),
  );
  return ok({ product_id: it.itemId, skus: it.variants.map((v) => ({ id: v.variantId, seller_sku: v.sellerSku, sales_attributes: [] })), warnings: [] });
}

const ENDPOINTS: Ep[] = [
  { method: 'GET', re: /^\/authorization\/202309\/shops$/, key: '/authorization/202309/shops', shopCall: false, fn: shopsGet },
  { method: 'GET', re: /^\/logistics\/202309\/warehouses$/, key: '/logistics/202309/warehouses', shopCall: true, fn: warehousesGet },
  { method: 'POST', re: /^\/product\/202309\/products\/search$/, key: '/product/202309/products/search', shopCall: true, fn: search },
  { method: 'POST', re: /^\/product\/202309\/products$/, key: '/product/202309/products', shopCall: true, fn: createProduct },
  { method: 'GET', re: /^\/product\/202309\/products\/(\d+)$/, key: '/product/202309/products/{product_id}', shopCall: true, fn: getProduct },
  { method: 'POST', re: /^\/product\/202309\/products\/(\d+)\/inventory\/update$/, key: '/product/202309/products/{product_id}/inventory/update', shopCall: true, fn: inventoryUpdate },
  { method: 'POST', re: /^\/product\/202309\/products\/(\d+)\/prices\/update$/, key: '/product/202309/products/{product_id}/prices/update', shopCall: true, fn: pricesUpdate },
  { method: 'GET', re: /^\/product\/202309\/categories$/, key: '/product/202309/categories', shopCall: true, fn: categoriesGet },
  { method: 'GET', re: /^\/product\/202309\/categories\/(\d+)\/attributes$/, key: '/product/202309/categories/{category_id}/attributes', shopCall: true, fn: attributesGet },
  { method: 'GET', re: /^\/product\/202309\/brands$/, key: '/product/202309/brands', shopCall: true, fn: brandsGet },
  { method: 'POST', re: /^\/product\/202309\/images\/upload$/, key: '/product/202309/images/upload', shopCall: 'optional', multipart: true, fn: imagesUpload },
  { method: 'POST', re: /^\/order\/202309\/orders\/search$/, key: '/order/202309/orders/search', shopCall: true, fn: ordersSearch },
];

// ---------------- tokens: S/tiktok/auth/api/v2/token/{get,refresh} ----------------
export function handleTiktokToken(ctx: Ctx): SimResponse {
  const { state, req } = ctx;
  const q = req.query;
  const path = ctx.sub;
  ctx.endpoint = `auth${path}`;
  const reject = (r: SimResponse, reason: string): SimResponse => ((ctx.rejected = reason), r);
  if (path !== '/api/v2/token/get' && path !== '/api/v2/token/refresh') return reject(fail(404, 36009009, 'Invalid path. The specified path does not match any available endpoint.'), 'invalid_path');
  if (req.method !== 'GET') return reject(fail(405, 36009010, 'Invalid method. The HTTP method used is not supported by this endpoint.'), 'invalid_method');
  const app: App | undefined = state.appByKey('tiktok', q.get('app_key'));
  if (!app || q.get('app_secret') !== app.secret) return reject(fail(400, 36009004, 'Invalid credentials. Invalid `app_key` query parameter.'), 'invalid_app_key');
  const now = state.now();
  let shop: Shop;
  let refreshTok: { token: string; expiresAt: number };
  if (path === '/api/v2/token/get') {
    if (q.get('grant_type') !== 'authorized_code') return reject(badParam('invalid param error: grant_type must be authorized_code'), 'invalid_param');
    const c = state.takeCode('tiktok', q.get('auth_code') ?? '', app.appId);
    if (!c) return reject(fail(400, 36004004, 'Invalid auth code.'), 'invalid_code');
    shop = state.shops.get(c.shopId)!;
    ctx.shop = shop;
    const t = state.issueTokens(shop, app.appId);
    refreshTok = t.refresh;
    if (app.appId === shop.appId) ((shop.accessToken = t.access.token), (shop.refreshToken = t.refresh.token));
    return ok(tokenData(shop, t.access, refreshTok, now));
  }
  if (q.get('grant_type') !== 'refresh_token') return reject(badParam('invalid param error: grant_type must be refresh_token'), 'invalid_param');
  const r = state.tokens.get(q.get('refresh_token') ?? '');
  if (!r || r.kind !== 'refresh' || r.platform !== 'tiktok' || r.revoked || r.expiresAt <= now || r.appId !== app.appId) {
    return reject(fail(400, 36004004, 'Invalid refresh token.'), 'invalid_refresh_token');
  }
  shop = state.shops.get(r.shopId)!;
  ctx.shop = shop;
  const t = state.issueTokens(shop, app.appId);
  state.tokens.delete(t.refresh.token); // the refresh token stays the same
  if (app.appId === shop.appId) shop.accessToken = t.access.token;
  return ok(tokenData(shop, t.access, r, now));
}

function tokenData(shop: Shop, access: { token: string; expiresAt: number }, refresh: { token: string; expiresAt: number }, _now: number): unknown {
  return {
    access_token: access.token,
    access_token_expire_in: Math.floor(access.expiresAt / 1000),
    refresh_token: refresh.token,
    refresh_token_expire_in: Math.floor(refresh.expiresAt / 1000),
    open_id: `sim-${shop.shopId}`,
    seller_name: shop.name,
    seller_base_region: shop.region,
    user_type: 0,
    granted_scopes: ['seller.product.basic', 'seller.product.write', 'seller.authorization.info'],
  };
}
