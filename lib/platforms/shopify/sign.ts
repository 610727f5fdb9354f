// Shopify Admin API calls are not signed: the `X-Shopify-Access-Token` header authenticates.
// The one signature Shopify uses is on the OAuth callback: `hmac` = HMAC-SHA256(client secret,
// the other query parameters sorted and joined as `k=v&k=v`), hex. We verify it.

import { hmacSha256Hex, safeEqual } from '../hmac.ts';

export function shopifyAuthHeaders(accessToken: string): Record<string, string> {
  return { 'X-Shopify-Access-Token': accessToken, 'content-type': 'application/json' };
}

/** The message Shopify signs on the OAuth redirect: every parameter but `hmac`/`signature`. */
export function shopifyCallbackMessage(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'hmac' && k !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export async function verifyShopifyCallback(params: URLSearchParams, clientSecret: string): Promise<boolean> {
  const hmac = params.get('hmac');
  if (!hmac) return false;
  const expected = await hmacSha256Hex(clientSecret, shopifyCallbackMessage(params));
  return safeEqual(expected, hmac.toLowerCase());
}
