// Shopify admin — Polaris IndexTable rows (`Polaris-IndexTable__TableRow_<hash>`, matched by the
// stable prefix), the product link marked `data-primary-link`, the row `id` = the product id.
export const SHOPIFY = {
  rows: ['tr[class*="Polaris-IndexTable__TableRow"]', 'tr[class*="IndexTable__TableRow"]'],
  itemLink: ['a[data-primary-link][href*="/products/"]', 'a[href*="/products/"]'],
  /** The cell the controls go in: the primary link's (whatever its href). */
  titleLink: ['a[data-primary-link]', 'a[href*="/products/"]'],
  checkbox: ['input[class*="Polaris-Checkbox__Input"][type="checkbox"]', 'input[type="checkbox"]'],
  probeLinks: ['a[href*="/products/"]'],
  productTitle: ['[data-route="product"] h1', 'h1'],
} as const;

export const SHOPIFY_ID = {
  href: [/\/products\/(\d+)(?:[/?#]|$)/],
  rowId: [/^(\d+)$/],
} as const;

/** The admin shows numeric ids; Shelfsync keeps Shopify's GraphQL ids. */
export function shopifyGid(numericId: string): string {
  return `gid://shopify/Product/${numericId}`;
}
