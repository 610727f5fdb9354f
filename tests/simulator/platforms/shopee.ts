// Shopee Open Platform v2 fake (see docs/platforms/shopee.md).
// Signing: HMAC-SHA256(partner_key) lowercase hex over partner_id + path + timestamp
// [+ access_token + shop_id]; timestamp valid 5 minutes. Gateway errors answer 4xx
// (error_param 400, error_sign/error_auth 403); business errors answer HTTP 200 with `error` set.
// Rate limit: not published → per shop, default 10 calls/s (fault rateLimitPerSecond overrides),
// answered HTTP 429 error_rate_limit.
import { type Ctx, type SimResponse, faultGate, json, parseJsonBody } from '../http.ts';
import type { App, Shop } from '../state.ts';
import { hmacHex, isInt, isObj, requestId, safeEqual } from '../util.ts';
import { addItem, fail, getItemBaseInfo, getItemList, getModelList, initTierVariation, param, searchItem, updatePrice, updateStock } from './shopee-products.ts';
import { getOrderDetail, getOrderList } from './shopee-orders.ts';
import { getAttributes, getBrandList, getCategory, getChannelList, uploadImage } from './shopee-catalog.ts';

const DEFAULT_RATE = 10;

type Body = Record<string, unknown>;
interface Ep {
  method: 'GET' | 'POST';
  kind: 'public' | 'shop';
  /** multipart/form-data body (media upload): not read as JSON. */
  multipart?: boolean;
  fn: (ctx: Ctx, app: App, shop: Shop | undefined, body: Body) => SimResponse;
}

const u32 = (v: string | null): boolean => v !== null && /^\d{1,10}$/.test(v) && Number(v) <= 4294967295;

export async function handleShopee(ctx: Ctx): Promise<SimResponse> {
  const { state, req } = ctx;
  const q = req.query;
  ctx.endpoint = ctx.sub;
  const ep = ENDPOINTS[ctx.sub];
  if (!ep) {
    ctx.rejected = 'error_not_found';
    return fail(404, 'error_param', 'Permission denied. This API is currently offline or the request path is incorrect.');
  }
  const reject = (r: SimResponse, reason: string): SimResponse => ((ctx.rejected = reason), r);
  if (req.method !== ep.method) return reject(fail(400, 'error_param', `Wrong parameters, detail: ${req.method} is not supported, use ${ep.method}.`), 'error_param');
  const pid = q.get('partner_id');
  if (!pid) return reject(fail(400, 'error_param', 'There is no partner_id in query.'), 'error_param');
  if (!u32(pid)) return reject(fail(400, 'error_param', 'Partner_id is invalid, should be an integer between 0 and 4294967295.'), 'error_param');
  const app = state.appByKey('shopee', pid);
  if (!app) return reject(fail(400, 'error_param', 'Invalid partner_id.'), 'error_param');
  const ts = q.get('timestamp');
  if (!ts) return reject(fail(400, 'error_param', 'no timestamp'), 'error_param');
  if (!u32(ts)) return reject(fail(400, 'error_param', 'Timestamp is invalid, should be an integer between 0 and 4294967295.'), 'error_param');
  if (Math.abs(state.now() / 1000 - Number(ts)) > 300) return reject(fail(400, 'error_param', 'Timestamp is expired.'), 'error_timestamp');
  const sign = q.get('sign');
  if (!sign) return reject(fail(400, 'error_param', 'There is no sign in query.'), 'error_param');
  let shop: Shop | undefined;
  let base = `${pid}${ctx.sub}${ts}`;
  if (ep.kind === 'shop') {
    const at = q.get('access_token');
    const sid = q.get('shop_id');
    if (!at) return reject(fail(400, 'error_param', 'There is no access_token in query.'), 'error_param');
    if (!sid) return reject(fail(400, 'error_param', 'There is no shop_id in query.'), 'error_param');
    if (!u32(sid)) return reject(fail(400, 'error_param', 'shop_id is invalid, should be an integer between 0 and 4294967295.'), 'error_param');
    shop = state.shops.get(sid);
    if (shop?.platform === 'shopee') ctx.shop = shop;
    base += `${at}${sid}`;
    if (!safeEqual(sign, hmacHex('sha256', app.secret, base))) return reject(fail(403, 'error_sign', 'Wrong sign.'), 'error_sign');
    const tok = state.checkAccess('shopee', at);
    if (typeof tok === 'string' || tok.appId !== app.appId || tok.shopId !== sid || !ctx.shop) {
      return reject(fail(403, 'error_auth', 'Invalid access_token.'), tok === 'expired' ? 'token_expired' : 'error_auth');
    }
    const rate = state.faultFor('shopee', sid).rateLimitPerSecond ?? DEFAULT_RATE;
    if (!state.buckets.take(`shopee:${sid}`, rate)) {
      return reject(fail(429, 'error_rate_limit', 'Too many requests. You have reached the rate limit. Please try again later.'), 'rate_limited');
    }
    const f = await faultGate(ctx, ctx.shop, () => fail(500, 'error_server', 'System error. Please try again later.'));
    if (f) return f;
  } else if (!safeEqual(sign, hmacHex('sha256', app.secret, base))) {
    return reject(fail(403, 'error_sign', 'Wrong sign.'), 'error_sign');
  }
  let body: Body = {};
  if (ep.method === 'POST' && ep.multipart) {
    if (!/^multipart\/form-data/i.test(String(ctx.req.headers['content-type'] ?? ''))) return reject(param('the request must be multipart/form-data'), 'error_param');
  } else if (ep.method === 'POST') {
    const parsed = parseJsonBody(req);
    if (!isObj(parsed)) return reject(fail(400, 'error_param', 'Wrong parameters, detail: request body must be a JSON object.'), 'error_param');
    body = parsed;
  }
  const out = ep.fn(ctx, app, shop, body);
  if (!ctx.rejected && out.status >= 400) ctx.rejected = String((out.body as { error?: string })?.error ?? 'error');
  return out;
}

// ---------------- tokens (public calls; flat answers, no `response`) ----------------
function tokenGet(ctx: Ctx, app: App, _shop: Shop | undefined, body: Body): SimResponse {
  const { state } = ctx;
  if (!isInt(body.partner_id) || String(body.partner_id) !== app.key) return param('partner_id in body must equal partner_id in query');
  if (!isInt(body.shop_id)) return param('shop_id is required');
  if (typeof body.code !== 'string' || !body.code) return param('code is required');
  const c = state.takeCode('shopee', body.code, app.appId);
  if (!c || c.shopId !== String(body.shop_id)) return fail(403, 'error_auth', 'Invalid code');
  const shop = state.shops.get(c.shopId)!;
  ctx.shop = shop;
  const t = state.issueTokens(shop, app.appId);
  if (app.appId === shop.appId) ((shop.accessToken = t.access.token), (shop.refreshToken = t.refresh.token));
  return json(200, { refresh_token: t.refresh.token, access_token: t.access.token, expire_in: 14400, request_id: requestId(), error: '', message: '' });
}

function refreshToken(ctx: Ctx, app: App, _shop: Shop | undefined, body: Body): SimResponse {
  const { state } = ctx;
  if (!isInt(body.partner_id) || String(body.partner_id) !== app.key) return param('partner_id in body must equal partner_id in query');
  if (!isInt(body.shop_id)) return param('shop_id is required');
  if (typeof body.refresh_token !== 'string' || !body.refresh_token) return param('refresh_token is required');
  const shop = state.shops.get(String(body.shop_id));
  if (shop?.platform === 'shopee') ctx.shop = shop;
  const r = state.tokens.get(body.refresh_token);
  if (!r || r.kind !== 'refresh' || r.platform !== 'shopee' || r.used || r.revoked || r.expiresAt <= state.now() || r.appId !== app.appId || r.shopId !== String(body.shop_id) || !shop) {
    return fail(403, 'error_auth', 'Invalid refresh_token.');
  }
  r.used = true; // each refresh token works once
  const t = state.issueTokens(shop, app.appId);
  if (app.appId === shop.appId) ((shop.accessToken = t.access.token), (shop.refreshToken = t.refresh.token));
  return json(200, {
    partner_id: Number(app.key),
    shop_id: Number(shop.shopId),
    refresh_token: t.refresh.token,
    access_token: t.access.token,
    expire_in: 14400,
    request_id: requestId(),
    error: '',
    message: '',
  });
}

const ENDPOINTS: Record<string, Ep> = {
  '/api/v2/auth/token/get': { method: 'POST', kind: 'public', fn: tokenGet },
  '/api/v2/auth/access_token/get': { method: 'POST', kind: 'public', fn: refreshToken },
  '/api/v2/product/get_item_list': { method: 'GET', kind: 'shop', fn: getItemList },
  '/api/v2/product/get_item_base_info': { method: 'GET', kind: 'shop', fn: getItemBaseInfo },
  '/api/v2/product/get_model_list': { method: 'GET', kind: 'shop', fn: getModelList },
  '/api/v2/product/search_item': { method: 'GET', kind: 'shop', fn: searchItem },
  '/api/v2/product/update_stock': { method: 'POST', kind: 'shop', fn: updateStock },
  '/api/v2/product/update_price': { method: 'POST', kind: 'shop', fn: updatePrice },
  '/api/v2/product/add_item': { method: 'POST', kind: 'shop', fn: addItem },
  '/api/v2/product/init_tier_variation': { method: 'POST', kind: 'shop', fn: initTierVariation },
  '/api/v2/product/get_category': { method: 'GET', kind: 'shop', fn: getCategory },
  '/api/v2/product/get_attributes': { method: 'GET', kind: 'shop', fn: getAttributes },
  '/api/v2/product/get_brand_list': { method: 'GET', kind: 'shop', fn: getBrandList },
  '/api/v2/logistics/get_channel_list': { method: 'GET', kind: 'shop', fn: getChannelList },
  '/api/v2/media_space/upload_image': { method: 'POST', kind: 'public', multipart: true, fn: uploadImage },
  '/api/v2/order/get_order_list': { method: 'GET', kind: 'shop', fn: getOrderList },
  '/api/v2/order/get_order_detail': { method: 'GET', kind: 'shop', fn: getOrderDetail },
};
