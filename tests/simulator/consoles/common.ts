// Shared pieces of the fake seller consoles: HTML escaping, safe JSON in <script>, paging over a
// shop's items, the per-shop "markup changed" knob, per-process hashed class names, placeholders.
// Every piece of shop data that reaches a page goes through `esc` (text and attribute values)
// or `safeJson` (inside <script>); nothing here trusts titles, SKUs or shop names.
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Item, Variant, View } from '../store.ts';
import { escapeHtml } from '../util.ts';

/** HTML-escape text for element content and quoted attribute values (& < > " '). */
export function esc(v: string | number): string {
  return escapeHtml(String(v));
}

/** JSON that is safe inside <script>: no "</script>", "<!--", "&", U+2028/2029 survive literally. */
export function safeJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
export function jsonScript(id: string, v: unknown): string {
  return `<script type="application/json" id="${esc(id)}">${safeJson(v)}</script>`;
}

export function page(status: number, body: string): SimResponse {
  // Consoles are live views of the simulator state: never cached, so a reload shows new stock.
  return { status, body, contentType: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } };
}
export function redirectTo(location: string): SimResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '', contentType: 'text/plain' };
}

// ---- the markup knob ---------------------------------------------------------------------
/**
 * Which markup a console page renders: `normal` = the shapes public code written against the live
 * consoles shows (tests/simulator/README.md, "Seller consoles"); `previous` = the shapes the fakes
 * had before that evidence (an older console build: both must keep working); `condensed` = Shopify
 * admin's narrow-window layout (`li` rows; the other consoles render `normal` for it); `changed` =
 * a redesign no row finder knows (different class names and structure, ids still in links/text).
 */
export const MARKUPS = ['normal', 'previous', 'condensed', 'changed'] as const;
export type Markup = (typeof MARKUPS)[number];
export function isMarkup(v: unknown): v is Markup {
  return typeof v === 'string' && (MARKUPS as readonly string[]).includes(v);
}
/** Per-shop console settings (POST /__sim/consoles/markup); gone with the shop (reset). */
const settings = new WeakMap<Shop, { markup: Markup }>();
export function setShopMarkup(shop: Shop, markup: Markup): void {
  settings.set(shop, { markup });
}
export function shopMarkup(shop: Shop): Markup {
  return settings.get(shop)?.markup ?? 'normal';
}
/** `?markup=` (one of MARKUPS) wins over the shop's setting. */
export function markupOf(ctx: Ctx, shop: Shop): Markup {
  const q = ctx.req.query.get('markup');
  return isMarkup(q) ? q : shopMarkup(shop);
}

// ---- hashed class names (CSS modules style), random per process, stable within it ---------
const SALT = randomBytes(8);
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A hash suffix for `name` in build `build` (different builds give different suffixes). */
export function hashOf(name: string, build: string, len = 5, alphabet = ALNUM): string {
  const h = createHash('sha256').update(SALT).update(build).update('\0').update(name).digest();
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[h[i]! % alphabet.length];
  return s;
}
/** `productName` → `productName__3xK9a` (TikTok-style CSS modules). */
export function cssModule(build: string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let c = cache.get(name);
    if (!c) cache.set(name, (c = `${name}__${hashOf(name, build)}`));
    return c;
  };
}

// ---- items, paging ---------------------------------------------------------------------
export function stockOf(v: Variant): number {
  return v.stock.reduce((a, b) => a + b, 0);
}
export function itemStock(it: Item): number {
  return it.variants.reduce((a, v) => a + stockOf(v), 0);
}
/** Newest first (as the consoles list by default), filtered; cached per store version. */
export function listView(shop: Shop, key: string, pred: (it: Item) => boolean): View {
  return shop.items.view({ order: 'seq', desc: true, pred, key: `console:${key}` });
}
export interface Paged {
  items: Item[];
  total: number;
  page: number;
  size: number;
  pages: number;
}
export function paginate(view: View, pageNo: number, size: number): Paged {
  const total = view.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const start = (pageNo - 1) * size;
  const items: Item[] = [];
  for (let i = start; i < Math.min(total, start + size); i++) items.push(view.at(i));
  return { items, total, page: pageNo, size, pages };
}
/** Positive integer query value, or `dflt` when absent/malformed; clamped to [1, max]. */
export function intParam(v: string | null, dflt: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!v || !/^\d+$/.test(v.trim())) return dflt;
  return Math.max(1, Math.min(max, Number(v.trim())));
}
/** Page numbers to show: 1 … around … last (null = ellipsis). */
export function pagerNumbers(cur: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - cur) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

// ---- URLs --------------------------------------------------------------------------------
/** `path` + query string from the given params (undefined/'' dropped), each value encoded. */
export function url(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
/** Query params a console keeps on every link it renders (the shop, the language, the knob). */
export function sticky(ctx: Ctx, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = ctx.req.query.get(n);
    if (v) out[n] = v;
  }
  return out;
}

// ---- visuals (no external images: screenshots and tests stay offline) ----------------------
const COLORS = ['#f4a261', '#2a9d8f', '#e76f51', '#8ab17d', '#6d597a', '#457b9d', '#e9c46a', '#b56576'];
export function thumb(it: Item, cls: string, size = 56): string {
  let h = 0;
  for (const c of it.itemId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const letters = it.title.replace(/[^A-Za-z0-9 ]/g, '').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
  return `<div class="${esc(cls)}" aria-hidden="true" style="width:${size}px;height:${size}px;background:${COLORS[h % COLORS.length]};color:#fff;display:flex;align-items:center;justify-content:center;font:600 ${Math.round(size / 3)}px/1 sans-serif;border-radius:4px;flex:none">${esc(letters)}</div>`;
}
export function money(n: number, currency: string): string {
  const sym: Record<string, string> = { SGD: 'S$', USD: '$', MYR: 'RM', IDR: 'Rp', THB: '฿', VND: '₫', PHP: '₱' };
  return `${sym[currency] ?? `${currency} `}${n.toFixed(2)}`;
}
export function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'product';
}
