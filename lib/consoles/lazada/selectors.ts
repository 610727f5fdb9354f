// Lazada Seller Center — Alibaba Fusion (`next-`) table rows; the item id is in the link to the
// public product page (`…-i{itemId}-s{skuId}.html`) and in the edit link (`productId=`).
export const LAZADA = {
  rows: ['tbody.next-table-body tr.next-table-row', '.next-table tbody tr[role="row"]'],
  itemLink: ['a.product-item-name[href*="-i"]', '.product-item-wrap a[href*=".html"]'],
  editLink: ['a.product-edit-link[href*="productId="]', 'a[href*="/apps/product/publish"][href*="productId="]'],
  checkbox: ['input.next-checkbox-input[type="checkbox"]', 'input[type="checkbox"]'],
  /** Controls go under the name and seller SKU. */
  info: ['.product-item-wrap .product-item-info', '.product-item-wrap'],
  probeLinks: ['a[href*=".html"]', 'a[href*="productId="]'],
  productTitle: ['.product-publish-page h1', 'h1'],
} as const;

export const LAZADA_ID = {
  href: [/-i(\d+)-s\d+\.html/, /[?&]productId=(\d+)/],
} as const;
