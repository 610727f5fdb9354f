// The control API (/__sim/...) for tests, the demo and benchmarks. Shapes per SIMULATOR.md.
import type { Ctx, SimResponse } from './http.ts';
import { json, parseJsonBody } from './http.ts';
import { buildItem, controlNewItem, createShop, findItem, patchItem, toControlItem, toControlItemDetail } from './shops.ts';
import { mediaBaseUrl } from './media.ts';
import { type FaultRule, type Shop, type SimState, type Stats, emptyStats } from './state.ts';
import { bulkControl } from './platforms/shopify-bulk.ts';
import { NEUTRAL_STATUSES, type NeutralStatus, neutralOrder, placeOrder, setOrderStatus } from './orders.ts';
import { type Platform, isInt, isObj, isPlatform, lowerBound, safeDecode } from './util.ts';

const bad = (message: string, status = 400): SimResponse => json(status, { error: message });

export function shopInfo(state: SimState, shop: Shop): Record<string, unknown> {
  const S = state.baseUrl;
  const app = state.apps.get(shop.appId)!;
  let apiBaseUrl: string;
  let authBaseUrl: string;
  let authorizeBaseUrl: string;
  let consoleUrl: string;
  let credentials: Record<string, string>;
  switch (shop.platform) {
    case 'shopee':
      apiBaseUrl = authBaseUrl = authorizeBaseUrl = `${S}/shopee`;
      consoleUrl = `${S}/console/shopee/portal/product/list/all?shop_id=${shop.shopId}`;
      credentials = { partnerId: app.key, partnerKey: app.secret, shopId: shop.shopId, accessToken: shop.accessToken, refreshToken: shop.refreshToken };
      break;
    case 'lazada':
      apiBaseUrl = `${S}/lazada/rest`;
      authBaseUrl = authorizeBaseUrl = `${S}/lazada/auth`;
      consoleUrl = `${S}/console/lazada/apps/product/list?seller_id=${shop.shopId}`;
      credentials = { appKey: app.key, appSecret: app.secret, accessToken: shop.accessToken, refreshToken: shop.refreshToken };
      break;
    case 'tiktok':
      apiBaseUrl = `${S}/tiktok`;
      authBaseUrl = `${S}/tiktok/auth`;
      authorizeBaseUrl = `${S}/tiktok/services`;
      consoleUrl = `${S}/console/tiktok/product/manage?shop_id=${shop.shopId}`;
      credentials = { appKey: app.key, appSecret: app.secret, accessToken: shop.accessToken, refreshToken: shop.refreshToken, shopCipher: shop.cipher };
      break;
    case 'shopify':
      apiBaseUrl = authBaseUrl = authorizeBaseUrl = `${S}/shopify/${shop.domain}`;
      consoleUrl = `${S}/console/shopify/store/${shop.domain.replace(/\.myshopify\.com$/, '')}/products`;
      credentials = { shopDomain: shop.domain, accessToken: shop.accessToken };
      break;
    case 'woocommerce': {
      apiBaseUrl = authBaseUrl = authorizeBaseUrl = `${S}/woocommerce/${shop.shopId}`;
      consoleUrl = `${S}/console/woocommerce/${shop.shopId}/wp-admin/edit.php?post_type=product`;
      const k = shop.wooKeys.find((x) => !x.revoked) ?? shop.wooKeys[0]!;
      credentials = { consumerKey: k.consumerKey, consumerSecret: k.consumerSecret };
      break;
    }
  }
  return {
    shopId: shop.shopId,
    platform: shop.platform,
    name: shop.name,
    apiBaseUrl,
    authBaseUrl,
    authorizeBaseUrl,
    consoleUrl,
    // Where the marketplace hosts the images it accepts (media.ts); Shopify and WooCommerce take URLs.
    mediaBaseUrl: shop.platform === 'shopee' || shop.platform === 'lazada' || shop.platform === 'tiktok' ? mediaBaseUrl(state, shop.platform) : null,
    credentials,
    itemCount: shop.items.size,
    locations: shop.locations,
  };
}

export function appInfo(state: SimState, appId: string): Record<string, unknown> {
  const a = state.apps.get(appId)!;
  const base = { appId: a.appId, platform: a.platform, redirectUri: a.redirectUri };
  switch (a.platform) {
    case 'shopee':
      return { ...base, partnerId: a.key, partnerKey: a.secret };
    case 'lazada':
    case 'tiktok':
      return { ...base, appKey: a.key, appSecret: a.secret };
    case 'shopify':
      return { ...base, clientId: a.key, clientSecret: a.secret };
    case 'woocommerce':
      return { ...base, appId: a.key, simAppId: a.appId };
  }
}

function num(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
}

function addStats(into: Stats, s: Stats): void {
  for (const [k, n] of Object.entries(s.calls)) into.calls[k] = (into.calls[k] ?? 0) + n;
  for (const [k, n] of Object.entries(s.rejected)) into.rejected[k] = (into.rejected[k] ?? 0) + n;
  into.stockUpdateCalls += s.stockUpdateCalls;
  into.stockUpdateEntries += s.stockUpdateEntries;
  into.orderCalls += s.orderCalls;
  into.ordersPlaced += s.ordersPlaced;
  into.ordersRefused += s.ordersRefused;
}

export function handleControl(ctx: Ctx): SimResponse {
  const { state, req } = ctx;
  const path = ctx.sub.replace(/\/+$/, '') || '/';
  const method = req.method;
  const parsed = parseJsonBody(req);
  if (parsed instanceof Error) return bad(`invalid JSON body: ${parsed.message}`);
  const body = isObj(parsed) ? parsed : {};
  let m: RegExpExecArray | null;

  if (path === '/shops' && method === 'POST') {
    if (!isPlatform(body.platform)) return bad('platform must be one of shopee, lazada, tiktok, shopify, woocommerce');
    for (const k of ['items', 'variantsPerItem', 'seed', 'locations', 'firstSkuNo'] as const) {
      if (body[k] !== undefined && !num(body[k], 0, 10_000_000)) return bad(`${k} must be a non-negative number`);
    }
    if (body.variantsPerItem !== undefined && !num(body.variantsPerItem, 1, 100)) return bad('variantsPerItem must be 1..100');
    if (body.skuPrefix !== undefined && (typeof body.skuPrefix !== 'string' || !body.skuPrefix)) return bad('skuPrefix must be a non-empty string');
    if (body.name !== undefined && (typeof body.name !== 'string' || !body.name)) return bad('name must be a non-empty string');
    const shop = createShop(state, {
      platform: body.platform,
      items: body.items as number | undefined,
      variantsPerItem: body.variantsPerItem as number | undefined,
      seed: body.seed as number | undefined,
      skuPrefix: body.skuPrefix as string | undefined,
      name: body.name as string | undefined,
      locations: body.locations as number | undefined,
      firstSkuNo: body.firstSkuNo as number | undefined,
    });
    return json(201, shopInfo(state, shop));
  }
  if (path === '/shops' && method === 'GET') return json(200, [...state.shops.values()].map((s) => shopInfo(state, s)));
  if ((m = /^\/shops\/([^/]+)(\/.*)?$/.exec(path))) {
    const shop = state.shops.get(safeDecode(m[1]!));
    if (!shop) return bad(`no shop ${m[1]}`, 404);
    const rest = m[2] ?? '';
    if (rest === '' && method === 'GET') return json(200, shopInfo(state, shop));
    if (rest === '/items' && method === 'GET') return json(200, shop.items.all().map((it) => toControlItem(shop, it)));
    if (rest === '/items' && method === 'POST') {
      const ni = controlNewItem(state, shop, body);
      if (typeof ni === 'string') return bad(ni);
      const it = shop.items.add(buildItem(shop, ni));
      return json(201, toControlItemDetail(shop, it));
    }
    let mi: RegExpExecArray | null;
    if ((mi = /^\/items\/(.+)$/.exec(rest))) {
      const it = findItem(shop, safeDecode(mi[1]!));
      if (!it) return bad(`no item ${mi[1]} in shop ${shop.shopId}`, 404);
      if (method === 'GET') return json(200, toControlItemDetail(shop, it));
      if (method === 'PATCH') {
        const err = patchItem(state, shop, it, body);
        if (err) return bad(err);
        return json(200, it.gone ? { ...toControlItem(shop, it), deleted: true } : toControlItem(shop, it));
      }
    }
    if (rest === '/stock-events' && method === 'GET') {
      const since = Number(req.query.get('since') ?? '0') || 0;
      const ev = shop.stockEvents;
      const i = lowerBound(ev.length, (k) => ev[k]!.at > since);
      return json(200, ev.slice(i));
    }
    const orders = orderControl(state, shop, rest, method, body);
    if (orders) return orders;
    const bulk = rest === '/bulk-operations' && shop.platform === 'shopify' ? bulkControl(state, shop, method, body) : undefined;
    if (bulk) return bulk;
    return bad(`no control route ${method} ${path}`, 404);
  }
  if (path === '/apps' && method === 'POST') {
    if (!isPlatform(body.platform)) return bad('platform must be one of shopee, lazada, tiktok, shopify, woocommerce');
    if (body.redirectUri !== undefined && typeof body.redirectUri !== 'string') return bad('redirectUri must be a string');
    if (body.shopId !== undefined && !state.shops.has(String(body.shopId))) return bad(`no shop ${String(body.shopId)}`, 404);
    const app = state.createApp(body.platform, { redirectUri: body.redirectUri as string | undefined, ownerShopId: body.shopId as string | undefined });
    return json(201, appInfo(state, app.appId));
  }
  if (path === '/faults' && method === 'GET') return json(200, state.faults);
  if (path === '/faults' && method === 'POST') {
    if (Object.keys(body).length === 0) {
      state.faults = [];
      return json(200, state.faults);
    }
    const rule: FaultRule = {};
    if (body.shopId !== undefined) {
      if (typeof body.shopId !== 'string' || !state.shops.has(body.shopId)) return bad(`no shop ${String(body.shopId)}`, 404);
      rule.shopId = body.shopId;
    }
    if (body.platform !== undefined) {
      if (!isPlatform(body.platform)) return bad('unknown platform');
      rule.platform = body.platform;
    }
    for (const k of ['errorRate', 'timeoutRate'] as const) {
      if (body[k] !== undefined) {
        if (!num(body[k], 0, 1)) return bad(`${k} must be 0..1`);
        rule[k] = body[k] as number;
      }
    }
    if (body.latencyMs !== undefined) {
      if (!num(body.latencyMs, 0, 120_000)) return bad('latencyMs must be 0..120000');
      rule.latencyMs = body.latencyMs as number;
    }
    if (body.rateLimitPerSecond !== undefined) {
      if (!num(body.rateLimitPerSecond, 0.001, 1_000_000)) return bad('rateLimitPerSecond must be > 0');
      rule.rateLimitPerSecond = body.rateLimitPerSecond as number;
    }
    if (body.rejectSkus !== undefined) {
      if (!Array.isArray(body.rejectSkus) || !body.rejectSkus.every((s) => typeof s === 'string')) return bad('rejectSkus must be an array of strings');
      rule.rejectSkus = body.rejectSkus as string[];
    }
    if (body.expireTokens !== undefined && typeof body.expireTokens !== 'boolean') return bad('expireTokens must be a boolean');
    if (body.expireTokens === true) expireTokens(state, rule.platform, rule.shopId);
    state.setFault(rule);
    return json(200, state.faults);
  }
  if (path === '/stats' && method === 'GET') {
    const id = req.query.get('shopId');
    if (id) {
      const shop = state.shops.get(id);
      if (!shop) return bad(`no shop ${id}`, 404);
      return json(200, shop.stats);
    }
    const all = emptyStats();
    for (const s of state.shops.values()) addStats(all, s.stats);
    addStats(all, state.globalStats);
    return json(200, all);
  }
  if (path === '/requests' && method === 'GET') {
    const limit = Math.max(1, Math.min(5000, Number(req.query.get('limit') ?? '100') || 100));
    return json(200, state.recentLog(req.query.get('shopId') ?? undefined, limit));
  }
  if (path === '/reset' && method === 'POST') {
    state.reset();
    return json(200, { ok: true });
  }
  if (path === '/clock') {
    if (method === 'POST') {
      if (body.advanceMs !== undefined && num(body.advanceMs, -1e12, 1e12)) state.clockOffset += body.advanceMs as number;
      else if (body.offsetMs !== undefined && num(body.offsetMs, -1e12, 1e12)) state.clockOffset = body.offsetMs as number;
      else return bad('give advanceMs or offsetMs');
    }
    return json(200, { now: state.now(), offsetMs: state.clockOffset });
  }
  return bad(`no control route ${method} ${path}`, 404);
}

/** expireTokens fault: current access tokens of the matched shops expire now. Shopify and
 * WooCommerce credentials do not expire on those platforms, so they are revoked instead (401). */
export function expireTokens(state: SimState, platform?: Platform, shopId?: string): number {
  const now = state.now();
  let n = 0;
  for (const t of state.tokens.values()) {
    if (t.kind !== 'access' || (platform && t.platform !== platform) || (shopId && t.shopId !== shopId)) continue;
    if (t.expiresAt > now) {
      if (t.platform === 'shopify') t.revoked = true;
      else t.expiresAt = now - 1;
      n++;
    }
  }
  for (const s of state.shops.values()) {
    if (s.platform !== 'woocommerce' || (platform && platform !== 'woocommerce') || (shopId && s.shopId !== shopId)) continue;
    for (const k of s.wooKeys) if (!k.revoked) ((k.revoked = true), n++);
    for (const a of s.appPasswords) if (!a.revoked) ((a.revoked = true), n++);
  }
  return n;
}

/** POST/GET /__sim/shops/{id}/orders and POST .../orders/{orderId}/status (SIMULATOR.md). */
function orderControl(state: SimState, shop: Shop, rest: string, method: string, body: Record<string, unknown>): SimResponse | undefined {
  if (rest === '/orders' && method === 'GET') return json(200, shop.orders.byUpdate.map(neutralOrder));
  if (rest === '/orders' && method === 'POST') {
    const lines = body.lines;
    if (!Array.isArray(lines) || lines.length === 0) return bad('lines must be a non-empty array of {sellerSku, quantity}');
    for (const l of lines) {
      if (!isObj(l) || typeof l.sellerSku !== 'string' || !l.sellerSku || !isInt(l.quantity) || l.quantity < 1 || l.quantity > 10_000) {
        return bad('each line needs a sellerSku (string) and a quantity (integer 1..10000)');
      }
    }
    if (body.status !== undefined && body.status !== 'unpaid' && body.status !== 'paid') return bad('status must be unpaid or paid');
    const r = placeOrder(state, shop, lines as { sellerSku: string; quantity: number }[], (body.status as 'unpaid' | 'paid' | undefined) ?? 'paid');
    if ('error' in r) return json(r.error === 'out_of_stock' ? 409 : 400, { error: r.error, message: r.message });
    return json(201, { orderId: r.order.orderId, ...neutralOrder(r.order) });
  }
  const m = /^\/orders\/([^/]+)\/status$/.exec(rest);
  if (m && method === 'POST') {
    const order = shop.orders.byId.get(safeDecode(m[1]!));
    if (!order) return bad(`no order ${m[1]} in shop ${shop.shopId}`, 404);
    if (!NEUTRAL_STATUSES.includes(body.status as NeutralStatus) || body.status === 'unpaid') return bad('status must be one of paid, shipped, delivered, cancelled, returned');
    const r = setOrderStatus(state, shop, order, body.status as NeutralStatus);
    if ('error' in r) return json(409, { error: r.error, message: r.message });
    return json(200, neutralOrder(r.order));
  }
  return undefined;
}
