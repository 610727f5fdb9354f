// Request/response types shared by the control API, auth pages and platform handlers.
import type { IncomingHttpHeaders } from 'node:http';
import type { Shop, SimState } from './state.ts';
import { type Platform, sleep } from './util.ts';

export interface SimRequest {
  method: string;
  url: URL;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  bodyText: string;
}
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects/arrays are sent as JSON. */
  body?: unknown;
  contentType?: string;
}
export interface Ctx {
  state: SimState;
  req: SimRequest;
  /** Path after the platform prefix (e.g. "/api/v2/product/get_item_list"). */
  sub: string;
  platform: Platform | 'control' | 'none';
  shop?: Shop;
  /** Endpoint key for stats (set by the handler). */
  endpoint: string;
  /** Rejection reason for stats and the log (set when the platform refuses the call). */
  rejected: string;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, headers };
}
export function html(status: number, body: string, headers?: Record<string, string>): SimResponse {
  return { status, body, contentType: 'text/html; charset=utf-8', headers };
}
export function redirect(location: string): SimResponse {
  return { status: 302, headers: { location }, body: '', contentType: 'text/plain' };
}
export function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
export function isFormBody(req: SimRequest): boolean {
  return (header(req, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}
/**
 * Form parameters of a POST body: application/x-www-form-urlencoded, or multipart/form-data
 * (text fields only; file parts are skipped, as they are not signed). Undefined for other bodies.
 */
export function formParams(req: SimRequest): URLSearchParams | undefined {
  const ct = header(req, 'content-type') ?? '';
  if (/^application\/x-www-form-urlencoded/i.test(ct)) return new URLSearchParams(req.bodyText);
  const m = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(ct);
  if (!m) return undefined;
  const boundary = `--${m[1] ?? m[2]}`;
  const raw = req.body.toString('latin1');
  const out = new URLSearchParams();
  for (const part of raw.split(boundary).slice(1)) {
    if (part.startsWith('--')) break;
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name || /filename=/i.test(head)) continue;
    const value = part.slice(sep + 4).replace(/\r\n$/, '');
    out.append(Buffer.from(name, 'latin1').toString('utf8'), Buffer.from(value, 'latin1').toString('utf8'));
  }
  return out;
}
/** Parse the body as JSON; `undefined` for an empty body, `Error` when malformed. */
export function parseJsonBody(req: SimRequest): unknown {
  if (!req.bodyText.trim()) return undefined;
  try {
    return JSON.parse(req.bodyText);
  } catch (e) {
    return e instanceof Error ? e : new Error('bad json');
  }
}

/**
 * Apply the injected faults of `shop` after the platform accepted the caller:
 * latency (sleep), timeouts (hold ~35 s or until close, then 504), random temporary errors.
 * Returns a response to send instead of handling the call, or undefined to proceed.
 */
export async function faultGate(ctx: Ctx, shop: Shop, temporaryError: () => SimResponse): Promise<SimResponse | undefined> {
  const f = ctx.state.faultFor(shop.platform, shop.shopId);
  if (f.latencyMs > 0) await sleep(f.latencyMs);
  if (f.timeoutRate > 0 && Math.random() < f.timeoutRate) {
    ctx.rejected = 'timeout';
    await ctx.state.hold(35_000);
    return { status: 504, body: 'Gateway Timeout', contentType: 'text/plain' };
  }
  if (f.errorRate > 0 && Math.random() < f.errorRate) {
    ctx.rejected = 'temporary_error';
    return temporaryError();
  }
  return undefined;
}
