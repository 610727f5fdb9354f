// TikTok Shop Seller Center — `core-table` rows (Arco Design with the `core` prefix); every other
// class is a hashed CSS-module name, so nothing here depends on one. The id is in the edit link,
// then in the "ID:1732…" text.
export const TIKTOK = {
  rows: ['tbody tr.core-table-tr', 'tbody.core-table-tbody > tr'],
  itemLink: ['a[href*="/product/edit/"]'],
  checkbox: ['input.core-checkbox-target[type="checkbox"]', 'input[type="checkbox"]'],
  probeLinks: ['a[href*="/product/edit/"]'],
  productTitle: ['[data-route="product-edit"] h1', 'h1'],
} as const;

export const TIKTOK_ID = {
  href: [/\/product\/edit\/(\d+)(?:[/?#]|$)/],
  /** "ID:1732…" as the list shows it (digits only; 6+ so prices and counts never match). */
  text: [/(?:^|[^A-Za-z])ID:\s?(\d{6,})(?!\d)/],
} as const;
