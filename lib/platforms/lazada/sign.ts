// Lazada Open Platform signing (lazada.md § Signing): every request parameter except `sign`
// sorted by name (ASCII), concatenated key+value, the API path prepended, HMAC-SHA256 keyed
// with the app secret, UPPERCASE hex. The path is `/products/get`, not `/rest/products/get`.

import { hmacSha256Hex } from '../hmac.ts';

export function lazadaBaseString(apiPath: string, params: Record<string, string>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign')
    // ASCII order, not locale order: `localeCompare` would sort `_` and capitals differently.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let s = apiPath;
  for (const k of keys) s += k + params[k];
  return s;
}

export async function lazadaSign(appSecret: string, apiPath: string, params: Record<string, string>): Promise<string> {
  return (await hmacSha256Hex(appSecret, lazadaBaseString(apiPath, params))).toUpperCase();
}
