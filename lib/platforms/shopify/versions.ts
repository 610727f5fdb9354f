// Shopify Admin API versions (shopify.dev "About Shopify API versioning"): one stable version a
// quarter, YYYY-01/04/07/10, released on the 1st at 17:00 UTC and supported for 12 months. A call
// to a version out of support is answered by the oldest supported one, silently but for the
// `X-Shopify-API-Version` response header — so documents must be valid for the version that
// answers, and a store's version must be moved before it leaves support.
//
// The default is 2026-10: on 2026-12-03 the supported versions are 2026-01, 2026-04, 2026-07 and
// 2026-10, and the newest gives the longest runway (to 2027-10-01) while every document the
// adapter sends validates against all four (tests/contract/shopify-documents.test.ts).

export const DEFAULT_SHOPIFY_VERSION = '2026-10';
const DAY = 24 * 3600 * 1000;
/** How long before a version leaves support the seller is warned. */
export const SUPPORT_WARNING_DAYS = 60;

const STABLE = /^(\d{4})-(01|04|07|10)$/;

/** When Shopify stops supporting `version` (epoch ms), or null for `unstable`/unknown shapes. */
export function supportEndsAt(version: string): number | null {
  const m = STABLE.exec(version);
  return m ? Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, 1, 17) : null;
}

export function releasedAt(version: string): number | null {
  const m = STABLE.exec(version);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, 1, 17) : null;
}

/** The stable versions Shopify supports at `now`, oldest first (the four last released). */
export function supportedVersions(now: number): string[] {
  const d = new Date(now);
  let y = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3);
  const out: string[] = [];
  for (let i = 0; i < 5 && out.length < 4; i++) {
    const v = `${y}-${String(q * 3 + 1).padStart(2, '0')}`;
    if ((releasedAt(v) ?? Infinity) <= now && now < (supportEndsAt(v) ?? 0)) out.unshift(v);
    q -= 1;
    if (q < 0) {
      q = 3;
      y -= 1;
    }
  }
  return out;
}

export type VersionSupport =
  | { state: 'supported'; endsAt: number }
  | { state: 'ending'; endsAt: number; daysLeft: number }
  | { state: 'unsupported'; endsAt: number; answeredBy: string | null }
  | { state: 'unknown' };

/** Where a store's version stands at `now`: a warning is due from 60 days before its end. */
export function versionSupport(version: string, now: number): VersionSupport {
  const endsAt = supportEndsAt(version);
  if (endsAt === null) return { state: 'unknown' };
  if (now >= endsAt) return { state: 'unsupported', endsAt, answeredBy: supportedVersions(now)[0] ?? null };
  const daysLeft = Math.ceil((endsAt - now) / DAY);
  return daysLeft <= SUPPORT_WARNING_DAYS ? { state: 'ending', endsAt, daysLeft } : { state: 'supported', endsAt };
}

/** `version` is `since` or later (`unstable` is later than every stable version). */
export function versionAtLeast(version: string, since: string): boolean {
  return version === 'unstable' || version >= since;
}
