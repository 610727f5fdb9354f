// Authorization (approval) pages of each platform and the approve action.
//
// Each page is plain HTML listing the sim's shops the seller may choose (Shopee, Lazada, TikTok)
// or the one shop/site of the URL (Shopify, WooCommerce). Every choice is a
// <form method="post" action="/__sim/auth/approve"> with hidden `flow` and `shop_id` fields and a
// <button data-sim="approve" data-shop-id="..."> — submitting it answers 302 to the app's
// redirect URL with the code, as the platform does. Codes are single use and expire.
import type { Ctx, SimResponse } from './http.ts';
import { html, json, redirect } from './http.ts';
import type { AuthFlow, Shop } from './state.ts';
import { type Platform, escapeHtml, hmacHex, randomHex, safeEqual } from './util.ts';

const FLOW_TTL = 30 * 60_000;
/** Code lifetimes: Shopee 10 min, Lazada 30 min (documented); TikTok, Shopify not published → 10 min. */
const CODE_TTL: Record<Platform, number> = { shopee: 10 * 60_000, lazada: 30 * 60_000, tiktok: 10 * 60_000, shopify: 10 * 60_000, woocommerce: 0 };

function errorPage(status: number, title: string, detail: string): SimResponse {
  return html(status, `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1 data-sim="error">${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></body></html>`);
}
function validRedirect(u: string): boolean {
  try {
    const x = new URL(u);
    return x.protocol === 'https:' || x.protocol === 'http:';
  } catch {
    return false;
  }
}
function withParams(base: string, params: Record<string, string>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

function page(flow: AuthFlow, shops: Shop[], appLabel: string, platformLabel: string): SimResponse {
  const rows = shops
    .map(
      (s) => `<li class="shop"><form method="post" action="/__sim/auth/approve">
<input type="hidden" name="flow" value="${escapeHtml(flow.flowId)}"><input type="hidden" name="shop_id" value="${escapeHtml(s.shopId)}">
<span class="shop-name">${escapeHtml(s.name)}</span> <code>${escapeHtml(s.shopId)}</code>
<button type="submit" data-sim="approve" data-shop-id="${escapeHtml(s.shopId)}">Authorize</button></form></li>`,
    )
    .join('\n');
  const body = shops.length ? `<ul>${rows}</ul>` : `<p data-sim="no-shops">No ${escapeHtml(platformLabel)} shops exist in the simulator yet (create one with POST /__sim/shops).</p>`;
  return html(
    200,
    `<!doctype html><html><head><meta charset="utf-8"><title>Authorize ${escapeHtml(appLabel)} — ${escapeHtml(platformLabel)} (simulated)</title></head>
<body><h1>${escapeHtml(platformLabel)} authorization (simulator)</h1>
<p>The app <b>${escapeHtml(appLabel)}</b> asks for access to your shop. Choose the shop to authorize.</p>
${body}</body></html>`,
  );
}

export function handleAuthPage(ctx: Ctx, platform: Platform, shopRef?: string): SimResponse {
  const { state, req } = ctx;
  const q = req.query;
  ctx.endpoint = `authorize page`;
  const now = state.now();
  const shopsOf = (p: Platform): Shop[] => [...state.shops.values()].filter((s) => s.platform === p);
  const newFlow = (appId: string, redirectTo: string, stateParam: string, shops: Shop[], extra: Record<string, string> = {}): AuthFlow => {
    const f: AuthFlow = { flowId: randomHex(12), platform, appId, redirect: redirectTo, state: stateParam, shopIds: shops.map((s) => s.shopId), expiresAt: now + FLOW_TTL, extra };
    state.flows.set(f.flowId, f);
    return f;
  };
  switch (platform) {
    case 'shopee': {
      const pid = q.get('partner_id');
      const ts = q.get('timestamp');
      const sign = q.get('sign');
      const red = q.get('redirect');
      const err = (error: string, message: string, status = 403): SimResponse => json(status, { error, message, request_id: randomHex(16) });
      if (!pid) return err('error_param', 'There is no partner_id in query.', 400);
      const app = state.appByKey('shopee', pid);
      if (!app) return err('error_param', 'Invalid partner_id.', 400);
      if (!ts || !/^\d+$/.test(ts)) return err('error_param', 'no timestamp', 400);
      if (Math.abs(now / 1000 - Number(ts)) > 300) return err('error_param', 'Timestamp is expired.', 400);
      if (!sign) return err('error_param', 'There is no sign in query.', 400);
      if (!safeEqual(sign, hmacHex('sha256', app.secret, `${pid}/api/v2/shop/auth_partner${ts}`))) return err('error_sign', 'Wrong sign.');
      if (!red || !validRedirect(red)) return err('error_param', 'Wrong parameters, detail: redirect is invalid.', 400);
      const shops = shopsOf('shopee');
      return page(newFlow(app.appId, red, '', shops), shops, `Shopee partner ${pid}`, 'Shopee');
    }
    case 'lazada': {
      const clientId = q.get('client_id');
      const app = state.appByKey('lazada', clientId);
      const red = q.get('redirect_uri') ?? '';
      if (q.get('response_type') !== 'code') return errorPage(400, 'invalid_request', 'response_type must be "code".');
      if (!app) return errorPage(400, 'invalid_client', 'Unknown client_id (app key).');
      if (!validRedirect(red)) return errorPage(400, 'invalid_request', 'redirect_uri is missing or invalid.');
      if (app.redirectUri && app.redirectUri !== red) return errorPage(400, 'invalid_request', 'redirect_uri does not match the callback URL registered for the app.');
      const shops = shopsOf('lazada');
      return page(newFlow(app.appId, red, q.get('state') ?? '', shops), shops, `Lazada app ${app.key}`, 'Lazada');
    }
    case 'tiktok': {
      const app = state.appByKey('tiktok', q.get('service_id'));
      if (!app) return errorPage(400, 'Invalid service_id', 'service_id must be the app key of a registered app.');
      const red = q.get('redirect_uri') || app.redirectUri;
      if (!validRedirect(red)) return errorPage(400, 'No redirect URL', 'The app has no registered redirect URL (register one with POST /__sim/apps {redirectUri}) and no redirect_uri was given.');
      const shops = shopsOf('tiktok');
      return page(newFlow(app.appId, red, q.get('state') ?? '', shops), shops, `TikTok Shop app ${app.key}`, 'TikTok Shop');
    }
    case 'shopify': {
      const shop = [...state.shops.values()].find((s) => s.platform === 'shopify' && s.domain === shopRef);
      if (!shop) return errorPage(404, 'There’s no page at this address', `No shop ${shopRef ?? ''}.`);
      ctx.shop = shop;
      const app = state.appByKey('shopify', q.get('client_id'));
      if (!app) return errorPage(400, 'Oauth error invalid_request', 'The client_id is invalid.');
      const red = q.get('redirect_uri') ?? '';
      if (!validRedirect(red)) return errorPage(400, 'Oauth error invalid_request', 'The redirect_uri is missing or invalid.');
      if (app.redirectUri && !red.startsWith(app.redirectUri)) return errorPage(400, 'Oauth error invalid_request', 'The redirect_uri is not whitelisted.');
      return page(newFlow(app.appId, red, q.get('state') ?? '', [shop], { scope: q.get('scope') ?? '' }), [shop], `Shopify app ${app.key}`, 'Shopify');
    }
    case 'woocommerce': {
      const shop = state.shops.get(shopRef ?? '');
      if (!shop || shop.platform !== 'woocommerce') return errorPage(404, 'Not found', `No site ${shopRef ?? ''}.`);
      ctx.shop = shop;
      const appName = q.get('app_name') ?? '';
      const success = q.get('success_url') ?? '';
      if (!appName) return errorPage(400, 'Cannot authorize application', 'The app_name parameter is required.');
      if (!validRedirect(success)) return errorPage(400, 'Cannot authorize application', 'The success_url must be a valid URL.');
      const u = new URL(success);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
      if (u.protocol !== 'https:' && !loopback) return errorPage(400, 'Cannot authorize application', 'The success URL must be served over a secure connection.');
      return page(newFlow('', success, '', [shop], { appName, appId: q.get('app_id') ?? '' }), [shop], appName, 'WordPress');
    }
  }
}

/** POST /__sim/auth/approve (form: flow, shop_id) → 302 to the app with the code. */
export function handleApprove(ctx: Ctx): SimResponse {
  const { state, req } = ctx;
  const form = new URLSearchParams(req.method === 'POST' ? req.bodyText : req.url.search);
  const flow = state.flows.get(form.get('flow') ?? '');
  const shopId = form.get('shop_id') ?? '';
  if (!flow || flow.expiresAt <= state.now()) return errorPage(400, 'Authorization expired', 'Start the authorization again.');
  if (!flow.shopIds.includes(shopId)) return errorPage(400, 'Unknown shop', 'That shop cannot be chosen in this authorization.');
  const shop = state.shops.get(shopId)!;
  state.flows.delete(flow.flowId);
  const p = flow.platform;
  switch (p) {
    case 'shopee': {
      const c = state.newCode(p, flow.appId, shopId, CODE_TTL[p], flow.redirect);
      return redirect(withParams(flow.redirect, { code: c.code, shop_id: shopId }));
    }
    case 'lazada': {
      const c = state.newCode(p, flow.appId, shopId, CODE_TTL[p], flow.redirect);
      return redirect(withParams(flow.redirect, { code: c.code, ...(flow.state ? { state: flow.state } : {}) }));
    }
    case 'tiktok': {
      const c = state.newCode(p, flow.appId, shopId, CODE_TTL[p], flow.redirect);
      const app = state.apps.get(flow.appId)!;
      return redirect(withParams(flow.redirect, { app_key: app.key, code: c.code, locale: 'en', shop_region: shop.region, state: flow.state }));
    }
    case 'shopify': {
      const c = state.newCode(p, flow.appId, shopId, CODE_TTL[p], flow.redirect);
      const app = state.apps.get(flow.appId)!;
      const params: Record<string, string> = {
        code: c.code,
        host: Buffer.from(`${shop.domain}/admin`).toString('base64').replace(/=+$/, ''),
        shop: shop.domain,
        state: flow.state,
        timestamp: String(Math.floor(state.now() / 1000)),
      };
      // Shopify: hmac = HMAC-SHA256(client secret) hex over the sorted "k=v" pairs joined by "&".
      const message = Object.keys(params)
        .sort()
        .map((k) => `${k}=${params[k]}`)
        .join('&');
      return redirect(withParams(flow.redirect, { ...params, hmac: hmacHex('sha256', app.secret, message) }));
    }
    case 'woocommerce': {
      const raw = randomHex(12).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
      const password = (raw.match(/.{4}/g) ?? []).join(' ');
      shop.appPasswords.push({ userLogin: shop.userLogin, password: password.replace(/ /g, ''), appName: flow.extra.appName ?? '', appId: flow.extra.appId ?? '', revoked: false });
      return redirect(withParams(flow.redirect, { site_url: `${state.baseUrl}/woocommerce/${shop.shopId}`, user_login: shop.userLogin, password }));
    }
  }
}
