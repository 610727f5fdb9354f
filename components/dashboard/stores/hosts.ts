// Host access for a store's addresses, asked for in the click that sends the form: Chrome grants an
// optional host permission only during a user gesture, so the request is made synchronously,
// before anything is awaited. Hosts the manifest already lists need no request; a WooCommerce
// site is always the seller's own, so it is always asked for, with and without www. (an already
// granted host answers yes without a prompt).
import { browser } from 'wxt/browser';
import { wooSiteTwins } from '@/lib/consoles/woocommerce/site';
import { originPattern } from '@/lib/permissions/hosts';
import type { Platform } from '@/lib/platforms/types';

function manifestHosts(): string[] {
  try {
    return (browser.runtime.getManifest().host_permissions ?? []) as string[];
  } catch {
    return [];
  }
}

/** Whether a match pattern such as `https://*.myshopify.com/*` covers `url` (scheme and host). */
export function patternCovers(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return pattern === '<all_urls>';
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}

export function inManifest(url: string, hosts = manifestHosts()): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return hosts.some((p) => patternCovers(p, parsed));
}

function isWebUrl(u: unknown): u is string {
  if (typeof u !== 'string' || !u.trim()) return false;
  try {
    return /^https?:$/.test(new URL(u.trim()).protocol);
  } catch {
    return false;
  }
}

/** The origin patterns this store's addresses need that the manifest does not grant. */
export function originsToRequest(platform: Platform, urls: { apiBaseUrl?: string; authBaseUrl?: string }, hosts = manifestHosts()): string[] {
  const out = new Set<string>();
  for (const [key, raw] of Object.entries(urls)) {
    if (!isWebUrl(raw)) continue;
    const url = raw.trim();
    const sellerSite = platform === 'woocommerce' && key === 'apiBaseUrl';
    // The site's wp-admin is also reached with or without www. (the console script runs on both).
    if (sellerSite) for (const twin of wooSiteTwins(url)) out.add(originPattern(twin));
    else if (!inManifest(url, hosts)) out.add(originPattern(url));
  }
  return [...out];
}

/**
 * Call synchronously from the click handler. Answers true when nothing needed asking or the
 * seller allowed it; false when they declined (or the browser refused to ask).
 */
export function requestHosts(origins: string[]): Promise<boolean> {
  if (!origins.length) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
