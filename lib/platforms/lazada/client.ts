// Lazada transport: system parameters, signing, the `{code, data, message, detail}` envelope
// and its classification. Used by the adapter and by auth.ts (token calls on the auth host).

import { joinUrl, queryString, send, statusError, truncate, type AdapterOptions, type HttpResponse } from '../http.ts';
import { PlatformError } from '../types.ts';
import { lazadaSign } from './sign.ts';

export interface LazadaCall {
  method: 'GET' | 'POST';
  /** Documented path (`/products/get`); the signature covers this, not the host's `/rest`. */
  path: string;
  params?: Record<string, string>;
  /** Stock updates: a non-zero code with a `detail` list is a per-SKU answer, not a failure. */
  allowDetail?: boolean;
}

export interface LazadaSigner {
  appKey: string;
  appSecret: string;
  accessToken?: string;
}

export const LAZADA_EXPIRED = new Set(['IllegalAccessToken', 'InvalidAccessToken', 'AccessTokenExpired', 'AppCallLimit.TokenExpired']);
/** The app's own call quota (per minute): integrators wait it out a minute (and Lazada answers it
 *  for price_quantity/update while that API is downgraded during campaigns). Throttling, not a refusal. */
const APP_QUOTA_MS = 60_000;

export async function lazadaCall(
  baseUrl: string,
  signer: LazadaSigner,
  call: LazadaCall,
  opts: AdapterOptions = {},
): Promise<Record<string, unknown>> {
  const system: Record<string, string> = {
    app_key: signer.appKey,
    timestamp: String(opts.now?.() ?? Date.now()), // milliseconds on Lazada
    sign_method: 'sha256',
  };
  if (signer.accessToken) system.access_token = signer.accessToken;
  const business = call.params ?? {};
  const sign = await lazadaSign(signer.appSecret, call.path, { ...business, ...system });
  const url = joinUrl(baseUrl, call.path);
  // As Lazada's SDKs do: on POST the system parameters go in the query and the business ones
  // (the payload can be large) in the form body; the signature covers both.
  const res =
    call.method === 'GET'
      ? await send({ method: 'GET', url: `${url}?${queryString(Object.entries({ ...business, ...system, sign }))}` }, opts)
      : await send(
          {
            method: 'POST',
            url: `${url}?${queryString(Object.entries({ ...system, sign }))}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
            body: new URLSearchParams(business).toString(),
          },
          opts,
        );
  const err = lazadaError(res, call.path, call.allowDetail);
  if (err) throw err;
  return res.json as Record<string, unknown>;
}

/** "this ban will last 3 seconds" → 3000 ms; Lazada's advice is 1 s when it says nothing. */
export function lazadaBanMs(message: string): number {
  const m = /last\s+(\d+(?:\.\d+)?)\s*s/i.exec(message);
  return m?.[1] ? Math.ceil(Number(m[1]) * 1000) : 1000;
}

/** Whole-call classification. A `detail` list naming SKUs is a per-entry answer, handled by
 *  the caller, so it is not an error here unless the code is an auth or throttle code. */
export function lazadaError(res: HttpResponse, path: string, allowDetail = false): PlatformError | null {
  const env = res.json;
  if (typeof env !== 'object' || env === null || Array.isArray(env)) {
    return statusError(res, `lazada ${path}: HTTP ${res.status} ${truncate(res.text)}`) ??
      new PlatformError('temporary', `lazada ${path}: answer is not JSON: ${truncate(res.text)}`, { httpStatus: res.status });
  }
  const e = env as Record<string, unknown>;
  const code = String(e.code ?? '0');
  if (code === '0' && res.status < 400) return null;
  const message = String(e.message ?? '');
  const what = `lazada ${path}: ${code} ${message}`.trim();
  const o = { platformCode: code, httpStatus: res.status };
  const appQuota = /^AppCallLimit$/i.test(code);
  if (code === 'ApiCallLimit' || code === '901' || code === 'E901' || appQuota || /ban will last/i.test(message) || res.status === 429) {
    const header = statusError(res, what, code)?.retryAfterMs;
    return new PlatformError('rate_limited', what, { ...o, retryAfterMs: /ban will last/i.test(message) ? lazadaBanMs(message) : (header ?? (appQuota ? APP_QUOTA_MS : 1000)) });
  }
  if (LAZADA_EXPIRED.has(code)) return new PlatformError('auth', what, o);
  if (/sign|AppKey|Unauthorized|IllegalRefreshToken|InvalidCode|AccessDenied|InsufficientPermission/i.test(code)) {
    return new PlatformError('auth', what, o);
  }
  if (/ServiceTimeout|ServiceUnavailable|ISP|InternalError|SystemError|E0*500/i.test(code)) return new PlatformError('temporary', what, o);
  if (/NotFound|NOT_EXIST|E0*404/i.test(code)) return new PlatformError('not_found', what, o);
  if (allowDetail && Array.isArray(e.detail) && e.detail.length > 0) return null;
  return statusError(res, what, code) ?? new PlatformError('invalid', what, o);
}

export function isLazadaExpired(err: unknown): boolean {
  return err instanceof PlatformError && err.kind === 'auth' && LAZADA_EXPIRED.has(err.opts.platformCode ?? '');
}
