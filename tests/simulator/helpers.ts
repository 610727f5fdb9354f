// Test helpers for the simulator's own tests. Signing here is written independently from the
// simulator's verifiers (node:crypto, straight from docs/platforms/*.md) so a shared mistake
// cannot pass both.
import { createHmac, randomBytes } from 'node:crypto';
import { type Simulator, startSimulator } from './server.ts';

export async function sim(): Promise<Simulator> {
  return startSimulator({ port: 0 });
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}
export async function http<T = any>(url: string, init: RequestInit = {}): Promise<Res<T>> {
  const r = await fetch(url, { redirect: 'manual', ...init });
  const text = await r.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body, headers: r.headers, text };
}
export function ctl<T = any>(s: Simulator, method: string, path: string, body?: unknown): Promise<Res<T>> {
  return http<T>(`${s.url}/__sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
export async function newShop(s: Simulator, body: Record<string, unknown>): Promise<any> {
  const r = await ctl(s, 'POST', '/shops', body);
  if (r.status !== 201) throw new Error(`create shop failed: ${r.text}`);
  return r.body;
}
export const nowS = (): number => Math.floor(Date.now() / 1000);
const hex = (key: string, msg: string): string => createHmac('sha256', key).update(msg, 'utf8').digest('hex');
/** Change one character of a signature (keeps its length). */
export function tamper(sig: string): string {
  const last = sig[sig.length - 1]!;
  const repl = last === '0' ? '1' : last === 'A' ? 'B' : last === 'a' ? 'b' : last === '=' ? 'A' : '0';
  return sig.slice(0, -1) + repl;
}

// ---- Shopee: partner_id + path + timestamp [+ access_token + shop_id], lowercase hex ----
export interface ShopeeCreds {
  partnerId: string;
  partnerKey: string;
  shopId: string;
  accessToken: string;
  refreshToken: string;
}
export function shopeeUrl(base: string, path: string, c: ShopeeCreds, extra: Record<string, string | string[]> = {}, opts: { ts?: number; shop?: boolean; mutateSign?: boolean } = {}): string {
  const ts = opts.ts ?? nowS();
  const shop = opts.shop ?? true;
  const baseStr = shop ? `${c.partnerId}${path}${ts}${c.accessToken}${c.shopId}` : `${c.partnerId}${path}${ts}`;
  let sign = hex(c.partnerKey, baseStr);
  if (opts.mutateSign) sign = tamper(sign);
  const q = new URLSearchParams({ partner_id: c.partnerId, timestamp: String(ts), sign });
  if (shop) (q.set('access_token', c.accessToken), q.set('shop_id', c.shopId));
  for (const [k, v] of Object.entries(extra)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return `${base}${path}?${q}`;
}
export function shopeePost(url: string, body: unknown): Promise<Res> {
  return http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

// ---- Lazada: path + sorted k+v, HMAC-SHA256(app_secret), UPPERCASE hex; timestamp ms ----
export function lazadaParams(path: string, appKey: string, secret: string, params: Record<string, string>, opts: { ts?: number; lower?: boolean; mutate?: boolean } = {}): URLSearchParams {
  const all: Record<string, string> = { app_key: appKey, sign_method: 'sha256', timestamp: String(opts.ts ?? Date.now()), ...params };
  const keys = Object.keys(all).sort();
  let s = path;
  for (const k of keys) s += k + all[k];
  let sign = hex(secret, s).toUpperCase();
  if (opts.lower) sign = sign.toLowerCase();
  if (opts.mutate) sign = tamper(sign);
  return new URLSearchParams({ ...all, sign });
}

// ---- TikTok: secret + path + sorted k+v (no sign/access_token) + body + secret ----
export function tiktokUrl(base: string, path: string, appKey: string, secret: string, query: Record<string, string>, body = '', opts: { ts?: number; mutate?: boolean } = {}): string {
  const all: Record<string, string> = { app_key: appKey, timestamp: String(opts.ts ?? nowS()), ...query };
  const keys = Object.keys(all).filter((k) => k !== 'sign' && k !== 'access_token').sort();
  let s = path;
  for (const k of keys) s += k + all[k];
  let sign = hex(secret, secret + s + body + secret);
  if (opts.mutate) sign = tamper(sign);
  return `${base}${path}?${new URLSearchParams({ ...all, sign })}`;
}

// ---- WooCommerce OAuth 1.0a one-legged (as WooCommerce verifies it) ----
const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export function wooOAuth(method: string, url: string, ck: string, cs: string, opts: { algo?: 'HMAC-SHA1' | 'HMAC-SHA256'; ts?: number; nonce?: string; mutate?: boolean } = {}): { url: string; nonce: string } {
  const u = new URL(url);
  const algo = opts.algo ?? 'HMAC-SHA256';
  const nonce = opts.nonce ?? randomBytes(8).toString('hex');
  const params: Record<string, string> = {};
  for (const [k, v] of u.searchParams) params[k] = v;
  Object.assign(params, { oauth_consumer_key: ck, oauth_timestamp: String(opts.ts ?? nowS()), oauth_nonce: nonce, oauth_signature_method: algo });
  const norm = Object.keys(params)
    .sort()
    .map((k) => rfc3986(`${rfc3986(k)}=${rfc3986(params[k]!)}`))
    .join('%26');
  const baseUrl = `${u.protocol}//${u.host}${u.pathname}`;
  const str = `${method}&${rfc3986(baseUrl)}&${norm}`;
  let sig = createHmac(algo === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${cs}&`).update(str).digest('base64');
  if (opts.mutate) sig = tamper(sig);
  const out = new URL(baseUrl);
  for (const [k, v] of Object.entries({ ...params, oauth_signature: sig })) out.searchParams.set(k, v);
  return { url: out.toString(), nonce };
}

/** Fetch an approval page, find the form for `shopId` (or the first), submit it; returns the Location. */
export async function approve(pageUrl: string, shopId?: string): Promise<{ page: Res; location: string }> {
  const page = await http(pageUrl);
  if (page.status !== 200) throw new Error(`approval page ${page.status}: ${page.text}`);
  const forms = [...page.text.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => !shopId || f[2]!.includes(`data-shop-id="${shopId}"`));
  if (!form) throw new Error('no approve form');
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(m[1]!, m[2]!);
  const origin = new URL(pageUrl).origin;
  const r = await http(`${origin}${form[1]}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
  if (r.status !== 302) throw new Error(`approve answered ${r.status}: ${r.text}`);
  return { page, location: r.headers.get('location')! };
}
