// TikTok Shop Seller Center (and Tokopedia's seller centre for Indonesia, the same app) —
// `core-table` rows (Arco Design with the `core` prefix); every other class is a hashed CSS-module
// name, so nothing here depends on one. The live rows carry no link (CONSOLES.md, "What later
// evidence says"; tomlin-cn/tampermonkey-scripts): the id is the checkbox's value and the text of
// `span[data-id="product.manage.table.columns.id"]` ("ID:1732…") right after the line-clamped
// title; older builds linked the name to /product/edit/{id} and showed "ID:…" on a line of its own.
import type { IdAnchor } from '../runtime/anchors';

export const TIKTOK = {
  rows: ['tbody tr.core-table-tr', 'tbody.core-table-tbody > tr'],
  itemLink: ['a[href*="/product/edit/"]'],
  checkbox: ['label.core-checkbox input[type="checkbox"]', 'input.core-checkbox-target[type="checkbox"]', 'input[type="checkbox"]'],
  /** The element that shows the id: the live span, then any leaf reading "ID:…". */
  idLabel: ['[data-id="product.manage.table.columns.id"]', '[data-id$="columns.id"]'],
  probeLinks: ['a[href*="/product/edit/"]'],
  productTitle: ['[data-route="product-edit"] h1', 'h1', '[role="heading"][aria-level="1"]'],
} as const;

const EDIT = /\/product\/edit\/(\d+)(?:[/?#]|$)/;
/** "ID:1732…" as a leaf shows it (digits only; 6+ so prices and counts never match). */
const ID_TEXT = /^ID\s?[:：]\s?(\d{6,})$/;

export const TIKTOK_ANCHORS: readonly IdAnchor[] = [
  { kind: 'checkbox', selectors: TIKTOK.checkbox, attr: 'value', patterns: [/^(\d{6,})$/] },
  { kind: 'text', selectors: TIKTOK.idLabel, patterns: [ID_TEXT, /(\d{6,})$/] },
  { kind: 'link', selectors: TIKTOK.itemLink, patterns: [EDIT] },
  { kind: 'text', selectors: ['span', 'div', 'p'], patterns: [ID_TEXT] },
];

export const TIKTOK_ID = {
  href: [EDIT],
  text: [ID_TEXT],
} as const;
