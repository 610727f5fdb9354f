// Hosts outside the manifest (an inventory source, a seller's WooCommerce site) are optional host
// permissions: the page asks for them when the seller adds the URL (a user gesture is required),
// and the background checks before every fetch that the grant is still there.
import { browser } from 'wxt/browser';

/** `https://sheet.example.com/x.csv` → `https://sheet.example.com/*` */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export async function hasHostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}
