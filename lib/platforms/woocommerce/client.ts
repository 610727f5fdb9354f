// WooCommerce transport: `{site}/wp-json/wc/v3`, Basic over HTTPS, OAuth 1.0a over HTTP,
// WordPress `{code, message, data{status}}` errors classified by HTTP status.

import { joinUrl, queryString, send, statusError, truncate, type AdapterOptions, type HttpResponse } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints } from '../types.ts';
import { basicAuthHeader, randomNonce, wooOAuthParams } from './sign.ts';

export interface WooCall {
  method: 'GET' | 'POST' | 'PUT';
  /** Path under `/wp-json/wc/v3`, e.g. `/products/batch`. */
  path: string;
  query?: [string, string][];
  body?: unknown;
}

export async function wooCall(
  endpoints: PlatformEndpoints,
  creds: CredentialsOf<'woocommerce'>,
  call: WooCall,
  opts: AdapterOptions = {},
): Promise<HttpResponse & { json: unknown }> {
  const base = joinUrl(endpoints.apiBaseUrl, `/wp-json/wc/v3${call.path}`);
  const qs = queryString(call.query ?? []);
  let url = qs ? `${base}?${qs}` : base;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const https = new URL(base).protocol === 'https:';
  if (creds.consumerKey && creds.consumerSecret && !https) {
    // Plain HTTP: Basic would send the secret in clear text, WooCommerce demands OAuth 1.0a.
    const oauth = await wooOAuthParams({
      method: call.method,
      url,
      consumerKey: creds.consumerKey,
      consumerSecret: creds.consumerSecret,
      timestamp: Math.floor((opts.now?.() ?? Date.now()) / 1000),
      nonce: randomNonce(),
    });
    url += (qs ? '&' : '?') + queryString(oauth);
  } else if (creds.consumerKey && creds.consumerSecret) {
    headers.authorization = basicAuthHeader(creds.consumerKey, creds.consumerSecret);
  } else if (creds.username && creds.applicationPassword) {
    headers.authorization = basicAuthHeader(creds.username, creds.applicationPassword);
  } else {
    throw new PlatformError('auth', 'woocommerce: no REST keys and no application password');
  }
  const res = await send({ method: call.method, url, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) }, opts);
  const err = wooError(res, call.path);
  if (err) throw err;
  if (res.json === undefined) throw new PlatformError('temporary', `woocommerce ${call.path}: answer is not JSON: ${truncate(res.text)}`, { httpStatus: res.status });
  return res;
}

export function wooError(res: HttpResponse, path: string): PlatformError | null {
  if (res.status < 400) return null;
  const e = typeof res.json === 'object' && res.json !== null ? (res.json as Record<string, unknown>) : {};
  const code = typeof e.code === 'string' ? e.code : undefined;
  const what = `woocommerce ${path}: HTTP ${res.status} ${code ?? ''} ${typeof e.message === 'string' ? e.message : truncate(res.text)}`;
  if (code && /authentication|cannot_view|cannot_edit|cannot_create|unauthorized|invalid_signature|consumer_key/i.test(code)) {
    return new PlatformError('auth', what, { platformCode: code, httpStatus: res.status });
  }
  return statusError(res, what, code);
}
