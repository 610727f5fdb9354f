// Lazada Seller Center — Alibaba Fusion (`next-`) table rows (`tbody.next-table-body >
// tr.next-table-row`, alibaba-fusion/next row.jsx) with `.product-item-wrap` inside. The item id is
// in the link to the public product page: `/products/i{itemId}.html?spm=…` on the live console
// (CONSOLES.md, "What later evidence says"), `…/products/{slug}-i{itemId}-s{skuId}.html` elsewhere
// and on older builds; then in an edit link (`productId=`) when there is one.
import type { IdAnchor } from '../runtime/anchors';

export const LAZADA = {
  rows: ['tbody.next-table-body > tr.next-table-row', 'tbody.next-table-body tr.next-table-row', '.next-table tbody tr[role="row"]'],
  itemLink: ['a.product-item-name[href*=".html"]', '.product-item-wrap a[href*=".html"]', 'a[href*="/products/"][href*=".html"]'],
  editLink: ['a.product-edit-link[href*="productId="]', 'a[href*="/apps/product/publish"][href*="productId="]'],
  checkbox: ['input.next-checkbox-input[type="checkbox"]', 'input[type="checkbox"]'],
  /** Controls go under the name and seller SKU. */
  info: ['.product-item-wrap .product-item-info', '.product-item-wrap'],
  probeLinks: ['a[href*=".html"]', 'a[href*="productId="]'],
  productTitle: ['.product-publish-page h1', 'h1'],
} as const;

/**
 * `/products/i5504928451.html`, `/products/some-name-i5504928451-s1234.html`,
 * `/products/some-name-i5504928451.html`: the slug (if any) ends with "-", the item id follows
 * "i", a SKU part may follow. A slug's own "-i5-" is skipped (the id must reach ".html" or "-s").
 */
const PUBLIC = /\/products\/(?:[^/?#]*-)?i(\d+)(?:-s\d+)?\.html/;
const EDIT = /[?&]productId=(\d+)/;

export const LAZADA_ANCHORS: readonly IdAnchor[] = [
  { kind: 'link', selectors: LAZADA.itemLink, patterns: [PUBLIC] },
  { kind: 'link', selectors: LAZADA.editLink, patterns: [EDIT] },
];

export const LAZADA_ID = {
  href: [PUBLIC, EDIT],
} as const;
