// Shelfsync may read a seller's URL only with that host's permission, asked for one host at a time.
// `requestHostAccess` must be called synchronously inside the click handler (a user gesture).
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/permissions/hosts';

export function isWebAddress(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url;
  }
}

/** Asks for the URL's host; resolves false when the seller refuses (or the browser cannot ask). */
export function requestHostAccess(url: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [originPattern(url.trim())] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
