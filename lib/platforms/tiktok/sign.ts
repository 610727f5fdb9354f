// TikTok Shop 202309 signing (tiktok.md § Signing): query parameters except `sign` and
// `access_token`, sorted, as `{key}{value}`; the path prepended; the raw body appended (unless
// multipart); wrapped in the secret on both sides; HMAC-SHA256 keyed with the secret, hex.

import { hmacSha256Hex } from '../hmac.ts';

export function tiktokBaseString(
  appSecret: string,
  path: string,
  query: Record<string, string>,
  body: string,
  multipart = false,
): string {
  const keys = Object.keys(query)
    .filter((k) => k !== 'sign' && k !== 'access_token')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let s = path;
  for (const k of keys) s += k + query[k];
  if (!multipart) s += body;
  return appSecret + s + appSecret;
}

export function tiktokSign(
  appSecret: string,
  path: string,
  query: Record<string, string>,
  body: string,
  multipart = false,
): Promise<string> {
  return hmacSha256Hex(appSecret, tiktokBaseString(appSecret, path, query, body, multipart));
}
