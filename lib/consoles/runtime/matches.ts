// Where each console's content script runs: the real consoles' pages, from each platform's
// profile (lib/platforms/<platform>/profile.ts, CONSOLES.md), and — in the test build only — the
// simulator's fake consoles on loopback. WooCommerce runs on the seller's own domain, so production
// registers it at run time for each connected site (../background/wooScripts.ts). The same lists
// are the context menu's documentUrlPatterns. Pure data (WXT reads it at build).
import { PROFILES } from '../../platforms/profiles';

export type ConsolePlatform = 'shopee' | 'lazada' | 'tiktok' | 'shopify' | 'woocommerce';
export const CONSOLE_PLATFORMS: readonly ConsolePlatform[] = ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'];

/**
 * Production console pages per platform (hosts named one by one, in the profiles). The single-page
 * consoles are matched on the whole console host: a seller who opens the console's home page and
 * navigates to the product list never loads a page there, so a script matching only the product
 * paths would never run; each visit is identified from its URL and only list and product pages
 * get controls. (The permission a host gives is the same whatever the path.)
 */
function productionMatches(platform: ConsolePlatform): string[] {
  return [...PROFILES[platform].console.matches];
}

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
  return test ? [...productionMatches(platform), ...simulatorMatches(platform)] : productionMatches(platform);
}

/** Every console page pattern (the context menu's documentUrlPatterns), WooCommerce sites added. */
export function allConsoleMatches(wooSitePatterns: string[] = [], test = isTestBuild()): string[] {
  return [...CONSOLE_PLATFORMS.flatMap((p) => consoleMatches(p, test)), ...wooSitePatterns];
}
