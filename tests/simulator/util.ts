// Small shared helpers for the simulator (node:crypto only; nothing from lib/).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Platform = 'shopee' | 'lazada' | 'tiktok' | 'shopify' | 'woocommerce';
export const PLATFORMS: readonly Platform[] = ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'];
export function isPlatform(v: unknown): v is Platform {
  return typeof v === 'string' && (PLATFORMS as readonly string[]).includes(v);
}

export function hmacHex(algo: 'sha256' | 'sha1', key: string, msg: string | Buffer): string {
  return createHmac(algo, key).update(msg).digest('hex');
}
export function hmacB64(algo: 'sha256' | 'sha1', key: string, msg: string): string {
  return createHmac(algo, key).update(msg).digest('base64');
}
/** Constant-time string comparison (false on different lengths). */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
export function randomAlnum(len: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(len);
  let s = '';
  for (let i = 0; i < len; i++) s += abc[bytes[i]! % abc.length];
  return s;
}
export function requestId(): string {
  return randomHex(16);
}
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
/** Strict non-negative integer parse of a query value; undefined when absent, NaN when malformed. */
export function parseIntStrict(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  return /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
}
export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
export function money(n: number): string {
  return round2(n).toFixed(2);
}
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
/** ISO 8601 without milliseconds, UTC ("2026-01-01T00:00:00Z"). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
/** WordPress style GMT datetime without zone ("2026-01-01T00:00:00"). */
export function wpDate(ms: number): string {
  return isoSeconds(ms).replace('Z', '');
}
/** Binary search: first index i in [0,n) for which pred(i) is true (pred monotone false..true). */
export function lowerBound(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
export function b64urlJson(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}
export function fromB64urlJson(s: string): unknown {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
/** decodeURIComponent that returns the input unchanged when it is malformed. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
