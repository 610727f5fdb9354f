// WooCommerce authentication (woocommerce.md § Auth): HTTP Basic over HTTPS; over plain HTTP
// one-legged OAuth 1.0a (RFC 5849) — keys are sent only as a signature, never in clear text.

import { hmacBase64, type HmacAlgorithm } from '../hmac.ts';

/** RFC 5849 §3.6 / RFC 3986 percent-encoding: everything but ALPHA DIGIT - . _ ~ is encoded,
 *  UTF-8, uppercase hex. `encodeURIComponent` leaves !'()* alone, so those are added. */
export function oauthPercentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** §3.4.1.2: scheme and host lowercase, default port dropped, no query or fragment. */
export function oauthBaseUri(url: string): string {
  const u = new URL(url);
  const defaultPort = (u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443') || u.port === '';
  return `${u.protocol.toLowerCase()}//${u.hostname.toLowerCase()}${defaultPort ? '' : `:${u.port}`}${u.pathname}`;
}

/** §3.4.1.3.2: encode names and values, sort by name then value (byte order), join. */
export function oauthNormalizedParams(params: readonly [string, string][]): string {
  return params
    .map(([k, v]): [string, string] => [oauthPercentEncode(k), oauthPercentEncode(v)])
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** §3.4.1.1: METHOD & enc(base URI) & enc(normalized parameters). */
export function oauthBaseString(method: string, url: string, params: readonly [string, string][]): string {
  return [method.toUpperCase(), oauthPercentEncode(oauthBaseUri(url)), oauthPercentEncode(oauthNormalizedParams(params))].join('&');
}

/** §3.4.2: key = enc(consumer secret) & enc(token secret); one-legged → empty token secret. */
export function oauthSignature(
  algorithm: HmacAlgorithm,
  baseString: string,
  consumerSecret: string,
  tokenSecret = '',
): Promise<string> {
  return hmacBase64(algorithm, `${oauthPercentEncode(consumerSecret)}&${oauthPercentEncode(tokenSecret)}`, baseString);
}

export interface OAuthInput {
  method: string;
  /** Full request URL; its query parameters are part of the signature. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  timestamp: number;
  nonce: string;
  algorithm?: HmacAlgorithm;
}

/** The `oauth_*` query parameters to append to a WooCommerce request over plain HTTP. The JSON
 *  body is not part of the signature (it is not form-encoded). */
export async function wooOAuthParams(input: OAuthInput): Promise<[string, string][]> {
  const algorithm = input.algorithm ?? 'SHA-256';
  const oauth: [string, string][] = [
    ['oauth_consumer_key', input.consumerKey],
    ['oauth_nonce', input.nonce],
    ['oauth_signature_method', algorithm === 'SHA-256' ? 'HMAC-SHA256' : 'HMAC-SHA1'],
    ['oauth_timestamp', String(input.timestamp)],
  ];
  const u = new URL(input.url);
  const query = [...u.searchParams.entries()];
  const base = oauthBaseString(input.method, input.url, [...query, ...oauth]);
  return [...oauth, ['oauth_signature', await oauthSignature(algorithm, base, input.consumerSecret)]];
}

export function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function basicAuthHeader(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}
