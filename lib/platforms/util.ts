// Small pure helpers shared by the five adapters.

import { PlatformError, type ItemStatus } from './types.ts';

export function chunk<T>(list: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be ≥ 1');
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Groups preserving first-seen key order, so plans are deterministic. */
export function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Numbers arrive as numbers or strings ("19.90", "") depending on the platform. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function int(v: unknown, fallback = 0): number {
  const n = num(v);
  return n === null ? fallback : Math.trunc(n);
}

export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return '';
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Epoch ms from seconds, ms, numeric strings or ISO strings (a GMT date without zone is UTC). */
export function epochMs(v: unknown): number {
  const n = num(v);
  if (n !== null) return n < 1e12 ? n * 1000 : n;
  if (typeof v === 'string' && v) {
    const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
    const t = Date.parse(iso);
    if (Number.isFinite(t)) return t;
  }
  return 0;
}

/** ISO 8601 without milliseconds; flooring to the second only widens an incremental window. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Cursors are JSON inside the opaque string: they carry the filter too, so a page 2 never
 *  silently changes the incremental window even if the caller forgets `updatedSince`. */
export function encodeCursor(c: Record<string, string | number | undefined>): string {
  return JSON.stringify(c);
}

export function decodeCursor(cursor: string | null | undefined): Record<string, unknown> | null {
  if (cursor == null || cursor === '') return null;
  try {
    const v = JSON.parse(cursor) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new PlatformError('invalid', `unreadable cursor: ${cursor.slice(0, 50)}`);
}

export function statusFrom(map: Record<string, ItemStatus>, raw: unknown, fallback: ItemStatus = 'inactive'): ItemStatus {
  return map[str(raw).toUpperCase()] ?? fallback;
}

/** Option tiers from variants' options, in first-seen order (Shopee tiers, Shopify options,
 *  WooCommerce attributes); variants without options get one tier named `fallbackName`. */
export function optionTiers(
  variants: readonly { sellerSku: string; options?: Record<string, string> }[],
  fallbackName = 'Variant',
): { names: string[]; values: string[][]; rows: Record<string, string>[] } {
  const anyOptions = variants.some((v) => v.options && Object.keys(v.options).length > 0);
  const rows = variants.map((v) => (anyOptions ? { ...(v.options ?? {}) } : { [fallbackName]: v.sellerSku }));
  const names: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
  const values = names.map((n) => {
    const vals: string[] = [];
    for (const r of rows) {
      const v = r[n] ?? '-';
      r[n] = v;
      if (!vals.includes(v)) vals.push(v);
    }
    return vals;
  });
  return { names, values, rows };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
