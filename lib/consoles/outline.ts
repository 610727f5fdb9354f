// The masked outline of a console's listing table, for a support report when Shelfsync cannot
// read the page: the shape of the markup — tag names, class names, attribute NAMES — and nothing
// the seller or their buyers wrote. Text content, attribute values (titles, aria-labels, alt
// texts, links, image URLs, input values, data-* values), prices and ids never appear; digit runs
// in what does appear become `#` (`post-2671` → `post-#`). The few values kept are structural
// words a page author chose, never content: `type`/`role` words, `true`/`false`, and lower-case
// keys such as `name="post[]"` or `data-id="product.manage.table.columns.id"`. WordPress adds a
// row class per category and tag (`product_cat-hoodies`): their slugs are the seller's words, so
// they become `product_cat-*`. Bounded: the first rows of a long list in full, then a count.

export interface OutlineInfo {
  platform: string;
  kind: string;
  shown: number;
  read: number;
}

export interface OutlineLimits {
  /** Rows of a long list shown in full before "… N more". */
  fullRows: number;
  /** Other elements' children shown before "… N more". */
  maxChildren: number;
  maxDepth: number;
  /** Ancestors of the table shown above it. */
  maxAncestors: number;
  maxChars: number;
}

export const OUTLINE_LIMITS: OutlineLimits = { fullRows: 3, maxChildren: 25, maxDepth: 14, maxAncestors: 12, maxChars: 12_000 };

const SKIPPED = new Set(['script', 'style', 'noscript', 'link', 'meta']);
/** Shown as one line: their inside is not the console's markup (or is drawing, or another document). */
const OPAQUE = new Set(['svg', 'math', 'template', 'iframe', 'object', 'canvas', 'video', 'audio']);
const WORDPRESS_TERMS = /^(product_cat|product_tag|product_shipping_class|product_brand|pa_[a-z\d_-]*|category|tag|post_tag|format)-/;
const CSS_NAME = /^-?[A-Za-z_][\w-]*$/;
const WORD = /^[a-z][a-z-]{0,23}$/;
const KEY = /^[a-z_#][a-z\d_.#[\]-]{0,59}$/;

const digits = (s: string) => s.replace(/\d+/g, '#');

function maskedClass(token: string): string | null {
  const terms = WORDPRESS_TERMS.exec(token);
  if (terms) return `${terms[1]}-*`;
  const m = digits(token);
  if (!CSS_NAME.test(m.replace(/#/g, '0'))) return null;
  return m.length > 48 ? `${m.slice(0, 48)}…` : m;
}

/** An attribute value kept only when it is a structural word; null = name only. */
function keptValue(name: string, raw: string): string | null {
  const value = raw.trim();
  if (value === 'true' || value === 'false') return value;
  if (name === 'type' || name === 'role') return WORD.test(value) ? value : null;
  const masked = digits(value);
  if (name === 'name' || name === 'id') return KEY.test(masked) ? masked : null;
  // A data-id / test id that is a dotted key or a number: never a free word (it could be a slug).
  if (name === 'data-id' || name === 'data-testid' || name === 'data-test-id' || name === 'data-e2e') return KEY.test(masked) && /[._#]/.test(masked) ? masked : null;
  return null;
}

const tagOf = (el: Element) => digits(el.localName).replace(/[^a-z\d#-]/g, '?');

function describe(el: Element): string {
  let out = tagOf(el);
  for (const c of Array.from(el.classList).slice(0, 12)) {
    const m = maskedClass(c);
    if (m) out += `.${m}`;
  }
  if (el.classList.length > 12) out += '.…';
  const attrs: string[] = [];
  for (const a of Array.from(el.attributes)) {
    if (a.name === 'class' || a.name === 'style') continue;
    const name = digits(a.name);
    if (!/^[a-z_:][a-z\d_:.#-]*$/.test(name)) continue;
    const v = keptValue(a.name, a.value);
    attrs.push(v === null ? `[${name}]` : `[${name}=${v}]`);
  }
  out += attrs.slice(0, 16).join('') + (attrs.length > 16 ? '[…]' : '');
  if (Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())) out += ' ·text';
  if (el.shadowRoot) out += ' ·shadow';
  return out;
}

function childrenOf(el: Element): Element[] {
  return Array.from(el.children).filter((c) => !SKIPPED.has(c.localName));
}

/** Children that are mostly rows (or many of one tag): the first few say it all. A row's cells
 *  are not — each column is its own place (the Action column is where controls go). */
function isRowList(kids: Element[], limits: OutlineLimits): boolean {
  if (kids.length <= limits.fullRows + 1) return false;
  const tags = new Map<string, number>();
  for (const k of kids) tags.set(k.localName, (tags.get(k.localName) ?? 0) + 1);
  const [tag, n] = [...tags].sort((a, b) => b[1] - a[1])[0]!;
  if (n < kids.length * 0.8) return false;
  return tag === 'tr' || tag === 'li' || kids[0]!.getAttribute('role') === 'row' || (tag !== 'td' && tag !== 'th' && kids.length >= 8);
}

function lowestCommonAncestor(els: Element[]): Element | null {
  if (!els.length) return null;
  let common: Element | null = els[0]!;
  while (common && !els.every((e) => common!.contains(e))) common = common.parentElement;
  return common;
}

/** The outline of the listing table (the lowest element holding every group) with the elements above it. */
export function pageOutline(groups: Element[], info: OutlineInfo, limits: OutlineLimits = OUTLINE_LIMITS): string {
  const lines: string[] = [
    'Shelfsync page outline (v1): structure only — no text, attribute values, ids, prices or names; # = digits',
    `console: ${WORD.test(info.platform) ? info.platform : '?'} · ${WORD.test(info.kind) ? info.kind : '?'} page · listings shown: ${info.shown} · read by Shelfsync: ${info.read}`,
  ];
  let size = lines.join('\n').length;
  let cut = false;
  const push = (line: string) => {
    if (cut) return;
    if (size + line.length + 1 > limits.maxChars) {
      cut = true;
      lines.push(`… outline cut at ${limits.maxChars} characters`);
      return;
    }
    lines.push(line);
    size += line.length + 1;
  };
  const root = lowestCommonAncestor(groups);
  if (!root) {
    push('(no listing table found)');
    return lines.join('\n');
  }
  const above: Element[] = [];
  for (let a = root.parentElement; a && above.length < limits.maxAncestors; a = a.parentElement) above.unshift(a);
  if (above.length === limits.maxAncestors && above[0]?.parentElement) push('…');
  above.forEach((a, i) => push(`${'  '.repeat(i)}${describe(a)}`));
  const base = above.length;

  const walk = (el: Element, depth: number) => {
    const indent = '  '.repeat(base + depth);
    push(`${indent}${describe(el)}`);
    if (cut || OPAQUE.has(el.localName)) return;
    const kids = childrenOf(el);
    if (!kids.length) return;
    if (depth >= limits.maxDepth) {
      push(`${indent}  … ${kids.length} more levels below`);
      return;
    }
    const rows = isRowList(kids, limits);
    const shownKids = kids.slice(0, rows ? limits.fullRows : limits.maxChildren);
    for (const k of shownKids) walk(k, depth + 1);
    const rest = kids.length - shownKids.length;
    if (rest > 0) push(`${indent}  … ${rest} more${rows ? ` ${tagOf(kids[shownKids.length]!)}` : ''}`);
  };
  walk(root, 0);
  return lines.join('\n');
}
