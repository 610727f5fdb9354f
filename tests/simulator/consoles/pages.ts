// Pages every console shares: shop resolution (query parameter, path, or the only shop of the
// platform), the shop chooser and "not found".
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Platform } from '../util.ts';
import { esc, page } from './common.ts';

export const LABEL: Record<Platform, string> = {
  shopee: 'Shopee Seller Centre',
  lazada: 'Lazada Seller Center',
  tiktok: 'TikTok Shop Seller Center',
  shopify: 'Shopify admin',
  woocommerce: 'WordPress admin',
};

export function simplePage(status: number, title: string, body: string): SimResponse {
  return page(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:40px;color:#222}li{margin:6px 0}code{background:#f3f3f3;padding:1px 4px}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`,
  );
}

/**
 * The shop a console page belongs to: the query parameter(s) `keys` (the sim's consoleUrl
 * carries one), else the only shop of the platform (as a logged-in console would show), else a
 * chooser. Unknown id → 404 page. The shop found is kept in ctx.shop (the server adds the demo
 * buyer link to that shop's pages).
 */
export function resolveShop(ctx: Ctx, platform: Platform, keys: string[], chooserLink: (s: Shop) => string): Shop | SimResponse {
  let id = '';
  for (const k of keys) id ||= ctx.req.query.get(k) ?? '';
  const shops = [...ctx.state.shops.values()].filter((s) => s.platform === platform);
  if (id) {
    const s = ctx.state.shops.get(id);
    if (s && s.platform === platform) return (ctx.shop = s);
    return simplePage(404, `${LABEL[platform]} — shop not found`, `<p data-sim="no-shop">No ${esc(platform)} shop <code>${esc(id)}</code> in the simulator.</p>`);
  }
  if (shops.length === 1) return (ctx.shop = shops[0]!);
  if (shops.length === 0) return simplePage(404, `${LABEL[platform]} — no shops`, `<p data-sim="no-shop">No ${esc(platform)} shops exist in the simulator yet (POST /__sim/shops).</p>`);
  return simplePage(
    200,
    `${LABEL[platform]} — choose a shop`,
    `<ul data-sim="shop-chooser">${shops.map((s) => `<li><a href="${esc(chooserLink(s))}">${esc(s.name)}</a> <code>${esc(s.shopId)}</code></li>`).join('')}</ul>`,
  );
}

/** Shop by path segment (Shopify handle, WooCommerce site id). */
export function shopByPath(ctx: Ctx, platform: Platform, match: (s: Shop) => boolean, shown: string): Shop | SimResponse {
  for (const s of ctx.state.shops.values()) if (s.platform === platform && match(s)) return (ctx.shop = s);
  return simplePage(404, `${LABEL[platform]} — shop not found`, `<p data-sim="no-shop">No ${esc(platform)} shop <code>${esc(shown)}</code> in the simulator.</p>`);
}
