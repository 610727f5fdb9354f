// Reading a listing's id from several anchors of one row, most durable first, and placing the
// controls where the seller sees them. Consoles change their markup without notice (CONSOLES.md):
// an id the console keeps in the row's checkbox, a data-attribute or a link outlives a class
// name; the text that shows the id comes last, and then only the text of the one element that
// shows it — never the row's whole text, where a title ending in a letter runs into "ID:123"
// ("…Pro MaxID:1732…"). Nothing here throws on markup it does not know.
import { capture, hrefOf } from './dom';
import type { MountPoint } from './reader';

export type AnchorKind = 'checkbox' | 'attribute' | 'link' | 'text' | 'row';

/**
 * One place a row may keep its listing's id:
 * - `checkbox`: the `attr` (value or name) of a selection checkbox matching `selectors`;
 * - `attribute`: the `attr` of an element matching `selectors` (data-id style);
 * - `link`: the href of a link matching `selectors`;
 * - `text`: the text of a LEAF element (no element children) matching `selectors`;
 * - `row`: the row element's own `attr` (Polaris rows carry the product id as `id`).
 * The id is the first capture group of the first of `patterns` that matches.
 */
export interface IdAnchor {
  kind: AnchorKind;
  selectors?: readonly string[];
  attr?: string;
  patterns: readonly RegExp[];
}

export interface FoundId {
  id: string;
  kind: AnchorKind;
  /** The element the id was read from (the row itself for `row`). */
  el: Element;
}

function matches(row: Element, selectors: readonly string[] | undefined): Element[] {
  const out: Element[] = [];
  for (const s of selectors ?? []) {
    try {
      out.push(...row.querySelectorAll(s));
    } catch {
      // a selector this browser cannot parse is a fallback that does not apply
    }
  }
  return out;
}

function readAnchor(row: Element, a: IdAnchor): FoundId | null {
  if (a.kind === 'row') {
    const id = capture(row.getAttribute(a.attr ?? 'id'), a.patterns);
    return id ? { id, kind: a.kind, el: row } : null;
  }
  for (const el of matches(row, a.selectors)) {
    let value: string | null | undefined;
    if (a.kind === 'checkbox') value = el.localName === 'input' && (el as HTMLInputElement).type === 'checkbox' ? el.getAttribute(a.attr ?? 'value') : null;
    else if (a.kind === 'attribute') value = el.getAttribute(a.attr ?? 'data-id');
    else if (a.kind === 'link') value = hrefOf(el);
    else value = el.childElementCount === 0 ? el.textContent?.trim() : null;
    const id = capture(value, a.patterns);
    if (id) return { id, kind: a.kind, el };
  }
  return null;
}

/** The listing id of a row from the first anchor (in the order given) that yields one. */
export function idFromAnchors(row: Element, anchors: readonly IdAnchor[]): FoundId | null {
  for (const a of anchors) {
    const found = readAnchor(row, a);
    if (found) return found;
  }
  return null;
}

/** The row's child (a cell: `td`, or a `div` of a Polaris condensed `li`) that holds `el`. */
export function cellOf(el: Element, row: Element): Element | null {
  let e: Element | null = el;
  while (e && e.parentElement !== row) e = e.parentElement;
  return e && e !== row ? e : null;
}

const HIDES = /^(hidden|clip)$/;

// Reading computed style makes the browser recalculate styles first; every scan of the page would
// pay that for rows it already knows (our hosts just removed and given back, say). An element
// keeps its answer: a console that restyles a block re-renders it as new nodes.
const clipsSeen = new WeakMap<Element, boolean>();

/** Whether `el` cuts off what overflows it: a line clamp, or overflow hidden with a bounded or overflowing box. */
export function clips(el: Element): boolean {
  let known = clipsSeen.get(el);
  if (known === undefined) clipsSeen.set(el, (known = clipsNow(el)));
  return known;
}

function clipsNow(el: Element): boolean {
  const cs = getComputedStyle(el);
  const clamp = cs.getPropertyValue('-webkit-line-clamp');
  if (clamp && clamp !== 'none') return true;
  if (!HIDES.test(cs.overflow) && !HIDES.test(cs.overflowY)) return false;
  if (cs.maxHeight && cs.maxHeight !== 'none') return true;
  return el.scrollHeight > el.clientHeight + 1;
}

/**
 * A mount beside `el` that is not inside a clipped block of the row: after the outermost clipping
 * ancestor of `el` within its cell (a line-clamped title, say), else `fallback` relative to `el`.
 * The cell itself is never left (a host between cells would break the table).
 */
export function visibleMount(el: Element, row: Element, where: MountPoint['where'] = 'after'): MountPoint {
  const cell = cellOf(el, row);
  let clipped: Element | null = null;
  for (let e: Element | null = el; e && e !== cell && e !== row; e = e.parentElement) if (clips(e)) clipped = e;
  return clipped ? { anchor: clipped, where: 'after' } : { anchor: el, where };
}

const TITLE_MIN_PX = 18;
const TITLE_SCAN = 400;

/** Whether the element shows text of its own (a text node child with letters or digits). */
function hasOwnText(el: Element): boolean {
  for (const n of el.childNodes) if (n.nodeType === 3 && /\S/.test(n.textContent ?? '')) return true;
  return false;
}

/**
 * A page's title when no heading element names it (TikTok's edit page: a two-line div): the first
 * element with text of its own in the largest font of at least 18 px, among the first elements of
 * `root`'s main area. The controls go after the title's block: its parent when that parent only
 * holds the title and a line or two of text beside it.
 */
export function visualTitle(root: ParentNode): MountPoint | null {
  const area = (root.querySelector('main, [role="main"], #app') ?? root) as ParentNode;
  let best: Element | null = null;
  let bestPx = TITLE_MIN_PX - 0.5;
  const all = area.querySelectorAll('div, span, p, strong, b, h1, h2, h3, [role="heading"]');
  const n = Math.min(all.length, TITLE_SCAN);
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    if (!hasOwnText(el) || el.closest('a, button, label, nav, header, shelfsync-row')) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px > bestPx) {
      best = el;
      bestPx = px;
    }
  }
  if (!best) return null;
  const parent = best.parentElement;
  const block = parent && parent !== area && parent.childElementCount <= 3 && [...parent.children].every((c) => c.childElementCount === 0) ? parent : best;
  return { anchor: block, where: 'after' };
}
