// WooCommerce runs on the seller's own domain, so its content script cannot be declared in the
// manifest: the background registers it at run time (scripting.registerContentScripts) for the
// /wp-admin/ of every connected WooCommerce store whose host the seller granted (the Connect
// drawer asks for it) — the site as saved and its www. twin — and updates the registration when
// stores or grants change.
import { browser } from 'wxt/browser';
import { logger } from '../../log/logger';
import { wooSiteTwins } from '../woocommerce/site';

const log = logger('console');
export const WOO_SCRIPT_ID = 'shelfsync-woocommerce';
export const WOO_SCRIPT_FILE = 'content-scripts/woocommerce.js';

/** `https://shop.example.com/store` → `https://shop.example.com/store/wp-admin/*` (match patterns take no port). */
export function wooSitePattern(siteUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(siteUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!u.hostname || u.hostname.includes('*')) return null;
  const path = u.pathname.replace(/\/+$/, '').replace(/[*]/g, '');
  return `${u.protocol}//${u.hostname}${path}/wp-admin/*`;
}

/** The origin permission a site needs (what the Connect drawer asked for). */
export function originPattern(siteUrl: string): string | null {
  try {
    const u = new URL(siteUrl);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Site patterns of the stores whose host is granted; the others wait for their grant. Each site
 *  is matched as saved and with www. added or taken away (woocommerce/site.ts), each spelling
 *  once its own host is granted (the Connect drawer asks for both). */
export async function grantedWooPatterns(siteUrls: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const url of siteUrls.flatMap(wooSiteTwins)) {
    const pattern = wooSitePattern(url);
    const origin = originPattern(url);
    if (!pattern || !origin || out.includes(pattern)) continue;
    const granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
    if (granted) out.push(pattern);
  }
  return out;
}

/** Makes the registered WooCommerce content script match exactly these site patterns. */
export async function syncWooScripts(patterns: string[]): Promise<'registered' | 'updated' | 'unregistered' | 'unchanged' | 'unavailable'> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return 'unavailable';
  try {
    const [existing] = await scripting.getRegisteredContentScripts({ ids: [WOO_SCRIPT_ID] });
    if (!patterns.length) {
      if (!existing) return 'unchanged';
      await scripting.unregisterContentScripts({ ids: [WOO_SCRIPT_ID] });
      return 'unregistered';
    }
    const def = { id: WOO_SCRIPT_ID, matches: patterns, js: [WOO_SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true };
    if (!existing) {
      await scripting.registerContentScripts([def]);
      return 'registered';
    }
    const same = existing.matches?.length === patterns.length && patterns.every((p) => existing.matches?.includes(p));
    if (same) return 'unchanged';
    await scripting.updateContentScripts([def]);
    return 'updated';
  } catch (err) {
    log.warn('could not register the WooCommerce console script', err);
    return 'unavailable';
  }
}
