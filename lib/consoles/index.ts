// Console URL knowledge for all five platforms, one parser per console. The simulator's fake
// consoles (/console/{platform}/... on loopback) are recognised only in the test build.
import { PROFILES } from '../platforms/profiles';
import type { Platform } from '../platforms/types';
import { parseLazada } from './lazada/page';
import { parseShopee } from './shopee/page';
import { parseShopify } from './shopify/page';
import { parseTiktok } from './tiktok/page';
import type { ConsolePage, Located } from './page';
import { parseWoo } from './woocommerce/page';
import { onWooSite } from './woocommerce/site';

export type { ConsolePage } from './page';

const SIM = /^\/console\/(shopee|lazada|tiktok|shopify|woocommerce)(\/.*)?$/;

function isLoopback(host: string): boolean {
  return SIMULATED_CONSOLES && (host === '127.0.0.1' || host === 'localhost');
}

/** The simulator's consoles exist only outside production: the whole branch is compiled out. */
const SIMULATED_CONSOLES = import.meta.env.MODE !== 'production';

/** Which console page a URL is, or null when it is none we know. `wooSites` are the site URLs of
 *  connected WooCommerce stores (any domain can be one; each also matches with or without www.). */
export function parseConsoleUrl(raw: string, wooSites: string[] = []): ConsolePage | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname;
  if (SIMULATED_CONSOLES && isLoopback(host)) {
    const m = SIM.exec(url.pathname);
    if (m) {
      const platform = m[1] as Platform;
      const at: Located = { path: m[2] ?? '/', search: url.searchParams, origin: `${url.origin}/console/${platform}`, simulated: true };
      return route(platform, at, host);
    }
  }
  if (url.protocol !== 'https:' && !(SIMULATED_CONSOLES && isLoopback(host))) return null;
  const at: Located = { path: url.pathname, search: url.searchParams, origin: url.origin, simulated: false };
  // Which platform's console a host is: its profile says (lib/platforms/<platform>/profile.ts).
  if (PROFILES.shopee.console.isHost(host)) return parseShopee(at);
  if (PROFILES.lazada.console.isHost(host)) return parseLazada(at);
  if (PROFILES.tiktok.console.isHost(host)) return parseTiktok(at);
  if (PROFILES.shopify.console.isHost(host)) return parseShopify(at, host);
  // A connected site's wp-admin, with or without www. (woocommerce/site.ts).
  return wooSites.some((s) => onWooSite(url, s)) ? parseWoo(at) : null;
}

function route(platform: Platform, at: Located, host: string): ConsolePage | null {
  switch (platform) {
    case 'shopee':
      return parseShopee(at);
    case 'lazada':
      return parseLazada(at);
    case 'tiktok':
      return parseTiktok(at);
    case 'shopify':
      return parseShopify(at, host);
    case 'woocommerce': {
      // /console/woocommerce/{siteId}/wp-admin/...: the site is the simulator's /woocommerce/{siteId}.
      const m = /^\/([^/]+)(\/wp-admin\/.*)$/.exec(at.path);
      if (!m) return null;
      const page = parseWoo({ ...at, path: m[2]!, origin: at.origin });
      return page && { ...page, shopHint: m[1]! };
    }
  }
}
