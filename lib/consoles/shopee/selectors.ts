// Shopee Seller Centre — where the product list keeps its listings (CONSOLES.md; the simulator's
// fake console reproduces it). Selectors are data, most durable first, fallbacks after; ids come
// from links first, then from the localized "Item ID: 123" text.
export const SHOPEE = {
  /** Pinned-left table rows: checkbox + product info (name link, item id, parent SKU). */
  leftRows: ['.eds-table__fix-left tbody tr.eds-table__row', '.eds-table__fix-left tbody tr'],
  /** Main table rows: price, stock, status, actions. Paired with the left rows by index. */
  mainRows: ['.eds-table__main-body tbody tr.eds-table__row', '.eds-table__main-body tbody tr'],
  itemLink: ['a.product-name-wrap[href*="/portal/product/"]', 'a[href*="/portal/product/"]'],
  itemIdText: ['.item-id', '[class*="item-id"]'],
  checkbox: ['input.eds-checkbox__input[type="checkbox"]', 'input[type="checkbox"]'],
  /** Controls go in the main row's last (Action) cell; in the product info when rows do not pair. */
  actionCell: ['td:last-child'],
  productInfo: ['.product-variation-item .product-info', '.product-variation-item'],
  /** Expanded variants (after `.product-more-models`). */
  models: ['.model-list-item'],
  /** Any link to a listing: some on the page but no rows found = unknown markup. */
  probeLinks: ['a[href*="/portal/product/"]'],
  /** Product page: controls after the page title. */
  productTitle: ['.product-edit-page .page-title', 'h1'],
} as const;

/** "/portal/product/123", "Item ID: 123", "ID Produk: 123", "商品ID：123" (full-width colon). */
export const SHOPEE_ID = {
  href: [/\/portal\/product\/(\d+)(?:[/?#]|$)/],
  text: [/[:：]\s*(\d{3,})\s*$/, /(\d{6,})/],
} as const;
