// One fetch path for every adapter: a hard timeout below the service worker's 30 s fetch kill,
// network failures classified, and the HTTP-status half of error classification. The
// platform-envelope half (Shopee `error`, Lazada `code`, ...) lives in each adapter because a
// 403 with `error_auth` means "refresh", not "re-authorize".

import { logger } from '../log/logger.ts';
import { PlatformError } from './types.ts';

const log = logger('http');

/** Service workers kill fetches at 30 s; stop ourselves first so the error is classified. */
export const DEFAULT_TIMEOUT_MS = 25_000;

export interface AdapterOptions {
  /** Injected for tests; defaults to the global fetch (called unbound-safe). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Clock for signatures and token expiry, epoch ms. */
  now?: () => number;
  /** Client-side pacing per shop (Shopee default 10, Lazada and TikTok 50); 0 turns it off. */
  callsPerSecond?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** FormData: multipart uploads (the browser sets the content type with its boundary). */
  body?: string | FormData;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

export async function send(req: HttpRequest, opts: AdapterOptions = {}): Promise<HttpResponse> {
  const init: RequestInit = {
    method: req.method,
    headers: req.headers,
    body: req.body,
    // AbortSignal.timeout exists in Chrome 103+ and Node 17.3+.
    signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    redirect: 'follow',
  };
  let res: Response;
  let text: string;
  const started = Date.now();
  try {
    // Call the global without a receiver change: an unbound `fetch` throws "Illegal invocation" in workers.
    res = opts.fetch ? await opts.fetch(req.url, init) : await fetch(req.url, init);
    text = await res.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new PlatformError('temporary', `request timed out: ${req.method} ${stripQuery(req.url)}`);
    }
    throw new PlatformError('temporary', `network error: ${req.method} ${stripQuery(req.url)}: ${errorMessage(err)}`);
  }
  // Debug logging names the call, never its secrets: the logger redacts tokens and signatures
  // in URLs and never sees headers or bodies.
  log.debug(`${req.method} ${req.url} → ${res.status} in ${Date.now() - started} ms`);
  return { status: res.status, headers: res.headers, text, json: parseJsonSafe(text) };
}

export function parseJsonSafe(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After: delta-seconds (possibly fractional, as Shopify sends) or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(0, date - now);
  return undefined;
}

/** Classification by HTTP status alone; null for 2xx/3xx. */
export function statusError(res: HttpResponse, message: string, platformCode?: string): PlatformError | null {
  const s = res.status;
  if (s < 400) return null;
  const base = { httpStatus: s, platformCode };
  if (s === 429) {
    return new PlatformError('rate_limited', message, {
      ...base,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) ?? 1000,
    });
  }
  if (s >= 500 || s === 408) {
    return new PlatformError('temporary', message, { ...base, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) });
  }
  if (s === 401 || s === 403) return new PlatformError('auth', message, base);
  if (s === 404) return new PlatformError('not_found', message, base);
  return new PlatformError('invalid', message, base);
}

/** A 2xx answer that is not the JSON the platform promised (captive portal, proxy page). */
export function requireJsonObject(res: HttpResponse, what: string): Record<string, unknown> {
  const err = statusError(res, `${what}: HTTP ${res.status} ${truncate(res.text)}`);
  if (err && !isObject(res.json)) throw err;
  if (!isObject(res.json)) {
    throw new PlatformError('temporary', `${what}: answer is not JSON (HTTP ${res.status}): ${truncate(res.text)}`, {
      httpStatus: res.status,
    });
  }
  return res.json;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : url.slice(0, i);
}

export function truncate(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Joins a base that may carry a path prefix (the simulator's `/shopee`) with a documented path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/** Query string from ordered pairs; repeated keys allowed (Shopee `item_status`). */
export function queryString(params: [string, string][]): string {
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
