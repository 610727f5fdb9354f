// Fake seller consoles: routing under /console/{platform}/..., shop resolution, the console
// control route (POST /__sim/consoles/markup) and the pages every console shares (shop chooser,
// not found). What each console reproduces, and from which public evidence, is in the header of
// its file and in tests/simulator/README.md ("Seller consoles").
import type { Ctx, SimResponse } from '../http.ts';
import { json, parseJsonBody } from '../http.ts';
import { isObj, isPlatform } from '../util.ts';
import { MARKUPS, esc, isMarkup, setShopMarkup, shopMarkup } from './common.ts';
import { lazadaConsole } from './lazada.ts';
import { simplePage } from './pages.ts';
import { shopeeConsole } from './shopee.ts';
import { shopifyConsole } from './shopify.ts';
import { tiktokConsole } from './tiktok.ts';
import { wooConsole } from './woocommerce.ts';


/** GET /console/{platform}/... (and the WooCommerce admin-ajax POST). `path` starts after "/console". */
export function handleConsole(ctx: Ctx, path: string): SimResponse {
  const m = /^\/([^/]+)(\/.*)?$/.exec(path);
  const platform = m?.[1] ?? '';
  const sub = m?.[2] ?? '/';
  if (!isPlatform(platform)) {
    return simplePage(404, 'Seller consoles (simulator)', `<p>Unknown console <code>${esc(platform)}</code>. Consoles: shopee, lazada, tiktok, shopify, woocommerce.</p>`);
  }
  const method = ctx.req.method;
  if (method !== 'GET' && method !== 'HEAD' && !(platform === 'woocommerce' && method === 'POST')) {
    return { status: 405, body: 'Method Not Allowed', contentType: 'text/plain', headers: { allow: 'GET, HEAD' } };
  }
  switch (platform) {
    case 'shopee':
      return shopeeConsole(ctx, sub);
    case 'lazada':
      return lazadaConsole(ctx, sub);
    case 'tiktok':
      return tiktokConsole(ctx, sub);
    case 'shopify':
      return shopifyConsole(ctx, sub);
    case 'woocommerce':
      return wooConsole(ctx, sub);
  }
}

/**
 * POST /__sim/consoles/markup {shopId, markup} — the shop's console pages render that markup
 * until set back: "normal" (the live consoles' shapes), "previous" (the shapes of an older build),
 * "condensed" (Shopify's narrow-window `li` rows), "changed" (a redesign: different class names
 * and structure, same ids in links/URLs); `?markup=` on a page URL overrides.
 * GET /__sim/consoles/markup?shopId → {shopId, markup}.
 */
export function handleConsoleControl(ctx: Ctx, sub: string): SimResponse {
  if (sub.replace(/\/+$/, '') !== '/markup') return json(404, { error: `no control route ${ctx.req.method} /__sim/consoles${sub}` });
  if (ctx.req.method === 'GET') {
    const id = ctx.req.query.get('shopId') ?? '';
    const shop = ctx.state.shops.get(id);
    if (!shop) return json(404, { error: `no shop ${id}` });
    return json(200, { shopId: shop.shopId, markup: shopMarkup(shop) });
  }
  if (ctx.req.method !== 'POST') return json(405, { error: 'use GET or POST' });
  const body = parseJsonBody(ctx.req);
  if (!isObj(body)) return json(400, { error: 'body must be a JSON object {shopId, markup}' });
  const shop = typeof body.shopId === 'string' ? ctx.state.shops.get(body.shopId) : undefined;
  if (!shop) return json(404, { error: `no shop ${String(body.shopId)}` });
  if (!isMarkup(body.markup)) return json(400, { error: `markup must be one of ${MARKUPS.map((m) => `"${m}"`).join(', ')}` });
  setShopMarkup(shop, body.markup);
  return json(200, { shopId: shop.shopId, markup: body.markup });
}
