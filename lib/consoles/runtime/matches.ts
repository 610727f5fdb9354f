// Where each console's content script runs: the real consoles' hosts (CONSOLES.md), and — in the
// test build only — the simulator's fake consoles on loopback. WooCommerce runs on the seller's
// own domain, so production registers it at run time for each connected site (../background/wooScripts.ts).
// The same lists are the context menu's documentUrlPatterns. Pure data (WXT reads it at build).
import { LAZADA_HOSTS } from '../lazada/page';
import { SHOPEE_HOSTS } from '../shopee/page';
import { TOKOPEDIA_SELLER_HOST } from '../tiktok/page';

export type ConsolePlatform = 'shopee' | 'lazada' | 'tiktok' | 'shopify' | 'woocommerce';
export const CONSOLE_PLATFORMS: readonly ConsolePlatform[] = ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'];

/** TikTok Shop's regional seller centres (seller-xx.tiktok.com), the cross-border one, and
 *  Tokopedia's host of the same seller centre for Indonesian sellers. */
export const TIKTOK_CONSOLE_HOSTS = ['id', 'us', 'vn', 'th', 'my', 'ph', 'sg', 'uk', 'mx'].map((r) => `seller-${r}.tiktok.com`).concat('seller.tiktokglobalshop.com', TOKOPEDIA_SELLER_HOST);

const https = (hosts: readonly string[], path: string) => hosts.map((h) => `https://${h}${path}`);

/**
 * Production console pages per platform (hosts named one by one). The single-page consoles are
 * matched on the whole console host: a seller who opens the console's home page and navigates
 * to the product list never loads a page there, so a script matching only the product paths
 * would never run; each visit is identified from its URL and only list and product pages get
 * controls. (The permission a host gives is the same whatever the path.)
 */
export const PRODUCTION_MATCHES: Record<ConsolePlatform, string[]> = {
  shopee: https(SHOPEE_HOSTS, '/*'),
  lazada: https(LAZADA_HOSTS, '/*'),
  tiktok: https(TIKTOK_CONSOLE_HOSTS, '/*'),
  shopify: [...https(['admin.shopify.com'], '/store/*'), ...https(['*.myshopify.com'], '/admin/*')],
  woocommerce: [],
};

/** The simulator's fake console of that platform (test build only). */
export function simulatorMatches(platform: ConsolePlatform): string[] {
  // A compile-time check, so a production bundle carries no loopback pattern at all.
  if (import.meta.env.MODE !== 'test') return [];
  return [`http://127.0.0.1/console/${platform}/*`, `http://localhost/console/${platform}/*`];
}

export function isTestBuild(): boolean {
  return import.meta.env.MODE === 'test';
}

export function consoleMatches(platform: ConsolePlatform, test = isTestBuild()): string[] {
  return test ? [...PRODUCTION_MATCHES[platform], ...simulatorMatches(platform)] : PRODUCTION_MATCHES[platform];
}

/** Every console page pattern (the context menu's documentUrlPatterns), WooCommerce sites added. */
export function allConsoleMatches(wooSitePatterns: string[] = [], test = isTestBuild()): string[] {
  return [...CONSOLE_PLATFORMS.flatMap((p) => consoleMatches(p, test)), ...wooSitePatterns];
}
