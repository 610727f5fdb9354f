// Shopify admin — Polaris IndexTable rows (`Polaris-IndexTable__TableRow_<hash>`, matched by the
// stable prefix): `tr` in the wide layout, `li` in the condensed (narrow window) one (Polaris
// Row.tsx: `RowWrapper = condensed ? 'li' : 'tr'`). The product link is marked
// `data-primary-link`; the row's `id` is the product id.
import type { IdAnchor } from '../runtime/anchors';

export const SHOPIFY = {
  rows: ['[class*="Polaris-IndexTable__TableRow"]', '[class*="IndexTable__TableRow"]'],
  itemLink: ['a[data-primary-link][href*="/products/"]', 'a[href*="/products/"]'],
  /** What the controls go beside: the primary link (whatever its href). */
  titleLink: ['a[data-primary-link]', 'a[href*="/products/"]'],
  checkbox: ['input[class*="Polaris-Checkbox__Input"][type="checkbox"]', 'input[type="checkbox"]'],
  probeLinks: ['a[href*="/products/"]'],
  productTitle: ['[data-route="product"] h1', 'h1'],
} as const;

const LINK = /\/products\/(\d+)(?:[/?#]|$)/;

/**
 * The admin link first: its meaning is fixed by the URL. The row's `id` is whatever the admin
 * passes to Polaris as the row id — the product id today, numeric or as a GID.
 */
export const SHOPIFY_ANCHORS: readonly IdAnchor[] = [
  { kind: 'link', selectors: SHOPIFY.itemLink, patterns: [LINK] },
  { kind: 'row', attr: 'id', patterns: [/^(\d+)$/, /^gid:\/\/shopify\/Product\/(\d+)$/] },
];

export const SHOPIFY_ID = {
  href: [LINK],
} as const;

/** The admin shows numeric ids; Shelfsync keeps Shopify's GraphQL ids. */
export function shopifyGid(numericId: string): string {
  return `gid://shopify/Product/${numericId}`;
}
