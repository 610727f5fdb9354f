// Shopee transport: common query parameters, signing, the `{error, message, response}` envelope
// and its classification. Used by the adapter (shop calls) and auth.ts (public calls).

import { joinUrl, queryString, send, statusError, truncate, type AdapterOptions, type HttpResponse } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints } from '../types.ts';
import { shopeePublicSign, shopeeShopSign } from './sign.ts';

export interface ShopeeApp {
  partnerId: string;
  partnerKey: string;
}

export interface ShopeeCall {
  method: 'GET' | 'POST';
  /** Documented path, e.g. `/api/v2/product/update_stock`; also what the signature covers. */
  path: string;
  query?: [string, string][];
  body?: unknown;
  /** multipart/form-data instead of a JSON body (media_space/upload_image). */
  form?: FormData;
}

/** Error codes meaning "the access token is no longer valid": refresh and retry once. */
export const SHOPEE_EXPIRED = new Set(['error_auth', 'invalid_access_token', 'invalid_acceess_token', 'error_token']);

const nowSec = (opts: AdapterOptions) => Math.floor((opts.now?.() ?? Date.now()) / 1000);

export async function shopeePublicCall(
  app: ShopeeApp,
  endpoints: PlatformEndpoints,
  call: ShopeeCall,
  opts: AdapterOptions = {},
): Promise<Record<string, unknown>> {
  const timestamp = nowSec(opts);
  const sign = await shopeePublicSign(app.partnerKey, app.partnerId, call.path, timestamp);
  const common: [string, string][] = [
    ['partner_id', app.partnerId],
    ['timestamp', String(timestamp)],
    ['sign', sign],
  ];
  return exchange(endpoints, call, common, opts);
}

export async function shopeeShopCall(
  creds: CredentialsOf<'shopee'>,
  endpoints: PlatformEndpoints,
  call: ShopeeCall,
  opts: AdapterOptions = {},
): Promise<Record<string, unknown>> {
  const timestamp = nowSec(opts);
  const sign = await shopeeShopSign(creds.partnerKey, creds.partnerId, call.path, timestamp, creds.accessToken, creds.shopId);
  const common: [string, string][] = [
    ['partner_id', creds.partnerId],
    ['timestamp', String(timestamp)],
    ['access_token', creds.accessToken],
    ['shop_id', creds.shopId],
    ['sign', sign],
  ];
  return exchange(endpoints, call, common, opts);
}

async function exchange(
  endpoints: PlatformEndpoints,
  call: ShopeeCall,
  common: [string, string][],
  opts: AdapterOptions,
): Promise<Record<string, unknown>> {
  // Common parameters always stay in the query string, also on POST (shopee.md).
  const url = `${joinUrl(endpoints.apiBaseUrl, call.path)}?${queryString([...common, ...(call.query ?? [])])}`;
  const json = call.method === 'POST' && !call.form;
  const res = await send(
    {
      method: call.method,
      url,
      headers: json ? { 'content-type': 'application/json' } : {},
      body: call.form ?? (json ? JSON.stringify(call.body ?? {}) : undefined),
    },
    opts,
  );
  const envelope = res.json;
  const err = shopeeError(res, call.path);
  if (err) throw err;
  return envelope as Record<string, unknown>;
}

/** Classifies an answer; null when it is a success envelope. */
export function shopeeError(res: HttpResponse, path: string): PlatformError | null {
  const env = res.json;
  const isEnvelope = typeof env === 'object' && env !== null && !Array.isArray(env);
  const code = isEnvelope ? String((env as Record<string, unknown>).error ?? '') : '';
  const message = isEnvelope ? String((env as Record<string, unknown>).message ?? '') : truncate(res.text);
  const what = `shopee ${path}: ${code || `HTTP ${res.status}`} ${message}`.trim();
  const o = { platformCode: code || undefined, httpStatus: res.status };
  if (res.status === 429) return statusError(res, what, code || undefined);
  if (!code) {
    if (res.status >= 400) return statusError(res, what);
    if (!isEnvelope) return new PlatformError('temporary', `shopee ${path}: answer is not JSON: ${truncate(res.text)}`, o);
    return null;
  }
  if (SHOPEE_EXPIRED.has(code)) return new PlatformError('auth', what, o);
  if (code === 'error_sign' || code === 'error_permission' || code === 'error_shop' || code === 'error_partner') {
    return new PlatformError('auth', what, o);
  }
  if (code === 'error_server' || code === 'error_inner' || code === 'error_busy' || code === 'error_network') {
    return new PlatformError('temporary', what, o);
  }
  if (/rate|limit|too_many/i.test(code)) return new PlatformError('rate_limited', what, { ...o, retryAfterMs: 1000 });
  if (/not_?found|not_exist/i.test(code)) return new PlatformError('not_found', what, o);
  return statusError(res, what, code) ?? new PlatformError('invalid', what, o);
}

export function isShopeeExpired(err: unknown): boolean {
  return err instanceof PlatformError && err.kind === 'auth' && SHOPEE_EXPIRED.has(err.opts.platformCode ?? '');
}
