// Shopee Seller Centre — where the product list keeps its listings (CONSOLES.md, "What later
// evidence says"; the simulator's fake console reproduces both builds). Selectors are data, most
// durable first, fallbacks after. The live console keeps the product information in the MAIN
// body and pins the Action column on the right; an older build pinned the product information on
// the left. Older (2022) pages used `shopee-table__*` names with the same structure.
import type { IdAnchor } from '../runtime/anchors';

export const SHOPEE = {
  /** Main-body rows: product information on the live console, price/stock/actions before. */
  mainRows: ['.eds-table__main-body tbody tr.eds-table__row', '.shopee-table__main-body tbody tr.shopee-table__row', '[class*="table__main-body"] tbody tr'],
  /** Pinned-left rows: checkbox + product information on the older build. */
  leftRows: ['.eds-table__fix-left tbody tr.eds-table__row', '.shopee-table__fix-left tbody tr.shopee-table__row', '[class*="table__fix-left"] tbody tr'],
  /** Pinned-right rows: the Action column on the live console (no product information). */
  rightRows: ['.eds-table__fix-right .eds-table__fix-body tbody tr', '.eds-table__fix-right tbody tr', '[class*="table__fix-right"] tbody tr'],
  /** What makes a row a product-information row (the others are action rows). */
  info: ['.product-variation-item', 'a.product-name-wrap', '.item-id'],
  /** The controls go under the name and the item id. */
  productInfo: ['.product-variation-item .product-info', '.product-variation-item'],
  checkbox: ['input.eds-checkbox__input[type="checkbox"]', 'input.shopee-checkbox__input[type="checkbox"]', 'input[type="checkbox"]'],
  /** Expanded variants (after `.product-more-models`), each a line of the listing's row. */
  models: ['.model-list-item'],
  /** Where a model line's controls go: beside its name and "Model ID". */
  modelInfo: ['.variation-name-info'],
  /** Any link to a listing: some on the page but no rows found = unknown markup. */
  probeLinks: ['a[href*="/portal/product/"]'],
  /** Product page: controls after the page title. */
  productTitle: ['.product-edit-page .page-title', 'h1'],
} as const;

const LINK = /\/portal\/product\/(\d+)(?:[/?#]|$)/;

/** A listing's id: the checkbox named with it (some markets), the product link, the "Item ID: 123" line. */
export const SHOPEE_ANCHORS: readonly IdAnchor[] = [
  { kind: 'checkbox', selectors: SHOPEE.checkbox, attr: 'name', patterns: [/^(\d{3,})$/] },
  { kind: 'link', selectors: ['a.product-name-wrap[href*="/portal/product/"]', 'a[href*="/portal/product/"]'], patterns: [LINK] },
  // "Item ID: 123", "ID Produk: 123", "商品ID：123" (full-width colon): the leaf that shows it.
  { kind: 'text', selectors: ['.item-id', '[class*="item-id"]'], patterns: [/[:：]\s*(\d{3,})\s*$/, /(\d{6,})/] },
];

/** A model line's id: "Model ID: 123" in its own leaf. */
export const SHOPEE_MODEL_ANCHORS: readonly IdAnchor[] = [
  { kind: 'text', selectors: ['.variation-name-info-sku', '.model-id', '[class*="model-id"]'], patterns: [/Model\s*ID\s*[:：]\s*(\d+)\s*$/i, /[:：]\s*(\d{3,})\s*$/] },
];

export const SHOPEE_ID = {
  href: [LINK],
} as const;
