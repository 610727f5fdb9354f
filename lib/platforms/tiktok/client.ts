// TikTok transport: signed query, `x-tts-access-token`, the `{code, message, data}` envelope.

import { joinUrl, queryString, send, statusError, truncate, type AdapterOptions, type HttpResponse } from '../http.ts';
import { PlatformError } from '../types.ts';
import { tiktokSign } from './sign.ts';

export interface TiktokCall {
  method: 'GET' | 'POST';
  /** Documented path, e.g. `/product/202309/products/search` (signed; no host prefix). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Shop calls carry `shop_cipher`; shop-independent ones (/authorization/...) do not. */
  shopCipher?: string;
  /** Inventory update: `data.errors` per SKU are an answer, not a whole-call failure. */
  allowPartial?: boolean;
  /** multipart/form-data (image upload): not part of the signature, as TikTok documents. */
  form?: FormData;
  /** Not a shop call: no shop_cipher even where the adapter has one (image upload). */
  shopless?: boolean;
}

export interface TiktokSigner {
  appKey: string;
  appSecret: string;
  accessToken: string;
}

export const TIKTOK_EXPIRED = new Set(['105002']);

export async function tiktokCall(
  baseUrl: string,
  signer: TiktokSigner,
  call: TiktokCall,
  opts: AdapterOptions = {},
): Promise<Record<string, unknown>> {
  const query: Record<string, string> = {
    ...(call.query ?? {}),
    app_key: signer.appKey,
    timestamp: String(Math.floor((opts.now?.() ?? Date.now()) / 1000)),
  };
  if (call.shopCipher) query.shop_cipher = call.shopCipher;
  const body = call.method === 'POST' && !call.form ? JSON.stringify(call.body ?? {}) : '';
  // The signed body must be byte-identical to the sent one: sign the very string we send.
  const sign = await tiktokSign(signer.appSecret, call.path, query, body);
  const res = await send(
    {
      method: call.method,
      url: `${joinUrl(baseUrl, call.path)}?${queryString([...Object.entries(query), ['sign', sign]])}`,
      headers: call.form ? { 'x-tts-access-token': signer.accessToken } : { 'x-tts-access-token': signer.accessToken, 'content-type': 'application/json' },
      body: call.form ?? (call.method === 'POST' ? body : undefined),
    },
    opts,
  );
  const err = tiktokError(res, call.path, call.allowPartial);
  if (err) throw err;
  return res.json as Record<string, unknown>;
}

export function tiktokError(res: HttpResponse, path: string, allowPartial = false): PlatformError | null {
  const env = res.json;
  const e = typeof env === 'object' && env !== null && !Array.isArray(env) ? (env as Record<string, unknown>) : null;
  const code = e ? String(e.code ?? '0') : '';
  const what = `tiktok ${path}: ${e ? `${code} ${String(e.message ?? '')}` : `HTTP ${res.status} ${truncate(res.text)}`}`.trim();
  const o = { platformCode: code || undefined, httpStatus: res.status };
  if (res.status === 429 || code === '36009002') {
    // "Retry with random exponential backoff": the caller owns backoff; 1 s is the first step.
    return new PlatformError('rate_limited', what, { ...o, retryAfterMs: statusError(res, what)?.retryAfterMs ?? 1000 });
  }
  if (!e) return statusError(res, what) ?? new PlatformError('temporary', `tiktok ${path}: answer is not JSON`, o);
  if (code === '0' && res.status < 400) return null;
  if (TIKTOK_EXPIRED.has(code)) return new PlatformError('auth', what, o);
  // 105001 invalid token, 106001 invalid sign, 36009004 bad credentials, 106013 no shop_cipher,
  // 105005/105006 revoked/ insufficient scope: none of these heal by retrying.
  if (['105001', '105005', '105006', '106001', '106013', '36009004'].includes(code)) return new PlatformError('auth', what, o);
  if (res.status >= 500) return statusError(res, what, code);
  if (allowPartial && Array.isArray(obj(e.data).errors) && res.status < 400) return null;
  return statusError(res, what, code) ?? new PlatformError('invalid', what, o);
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function isTiktokExpired(err: unknown): boolean {
  return err instanceof PlatformError && err.kind === 'auth' && TIKTOK_EXPIRED.has(err.opts.platformCode ?? '');
}
