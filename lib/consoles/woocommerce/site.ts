// Which WooCommerce site a URL is. A site runs on the seller's own domain, usually reachable both
// with and without `www.` (WordPress answers on one and redirects the other, and sellers save
// whichever they typed), so a store saved as https://shop.example.com is the same site as
// https://www.shop.example.com, and the other way round. Scheme, port and the site's path (a
// WordPress in a sub-directory) still have to agree. No other host is ever taken for the site.

/** The host without a leading `www.` (hosts from URL are lower-case already); `www.com` stays. */
export function bareHost(host: string): string {
  return host.replace(/^www\.(?=[^.]+\.)/, '');
}

function parse(raw: string): URL | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

const sitePath = (u: URL) => u.pathname.replace(/\/+$/, '');

/** Whether `url` is a /wp-admin/ page of the site saved as `site`. */
export function onWooSite(url: URL, site: string): boolean {
  const s = parse(site);
  if (!s || s.protocol !== url.protocol || s.port !== url.port || bareHost(s.hostname) !== bareHost(url.hostname)) return false;
  return url.pathname.startsWith(`${sitePath(s)}/wp-admin/`);
}

/** Whether two site URLs name the same site (with or without www., trailing slashes and case aside). */
export function sameWooSite(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return false;
  return x.protocol === y.protocol && x.port === y.port && bareHost(x.hostname) === bareHost(y.hostname) && sitePath(x).toLowerCase() === sitePath(y).toLowerCase();
}

/** The site as saved and its other spelling (www. added or taken away); a loopback or IP host has none. */
export function wooSiteTwins(site: string): string[] {
  const u = parse(site);
  if (!u) return [];
  const host = u.hostname;
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return [u.href];
  const twin = new URL(u.href);
  twin.hostname = bareHost(host) !== host ? bareHost(host) : `www.${host}`;
  return [u.href, twin.href];
}
