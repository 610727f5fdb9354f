// Fake Shopee Seller Centre (a single-page app) under /console/shopee.
//
// Evidence (see tests/simulator/README.md, "Seller consoles"): /docs/CONSOLES.md — hosts
// seller.shopee.{co.id,com.my,ph,sg,co.th,tw,com.br}, banhang.shopee.vn, cross-border
// seller.shopee.cn with ?cnsc_shop_id=; list URLs /portal/product/list/all and
// /portal/product/list/live/all?page=N&size=48; product page /portal/product/{item_id}.
// The list as public code written against the live console reads it (datdtpl-maker/Shopee-Returns
// `src/product-scanner.cjs`, 2025, on banhang.shopee.vn; CONSOLES.md "What later evidence says"):
// the product information sits in `tr.eds-table__row` of the MAIN body (`.eds-table__main-body`):
// `.product-variation-item` with `a.product-name-wrap[href="/portal/product/{id}/"]` (trailing
// slash), `.item-id` ("ID Sản phẩm: 123", localized), `.list-view-price`, `.stock-content`; the
// expanded variations are `.model-list-item` rows in the same `tr` with `.variation-name-info-name`,
// `.variation-name-info-sku` ("Model ID: N"), `.list-view-model-price`, `.stock-content`, shown
// after a "Xem thêm … phân loại" button; the Action column is the pinned one, on the right
// (`.eds-table__fix-right .eds-table__fix-body tr.eds-table__row`, no `.product-variation-item`);
// the row checkbox is `input.eds-checkbox__input` named with the item id; rows render lazily
// while the page scrolls (the scanner scrolls every unit into view before reading it).
// `?markup=previous` keeps the shapes this fake had before (pinned-LEFT product info, Action in
// the main table, `.model-id` / `.model-stock`, `/portal/product/{id}` without the slash).
// Assumptions (not seen publicly): the exact cells beside the product cell, the lazy chunk size
// (10 rows, then 10 more each time the last row comes within 300 px of the window's bottom —
// the rows not yet shown wait in `template.eds-table__lazy`), the eds-* class names other than
// those above, the header markup and the `#sc-shop-config` JSON, the pager markup, the ?shop_id=
// parameter (the sim's stand-in for the logged-in session; the cross-border ?cnsc_shop_id= is
// accepted too), the locale labels and the `lang` parameter.
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Item } from '../store.ts';
import {
  type Markup,
  esc,
  intParam,
  itemStock,
  jsonScript,
  listView,
  markupOf,
  money,
  page,
  paginate,
  pagerNumbers,
  redirectTo,
  stockOf,
  sticky,
  thumb,
  url,
} from './common.ts';
import { resolveShop } from './pages.ts';
import { spaScripts } from './spa.ts';

const P = '/console/shopee';
const STICKY = ['shop_id', 'cnsc_shop_id', 'lang', 'markup'];

/** Localized "item id" labels as Seller Centre shows them per market (the colon differs too). */
const LOCALES: Record<string, { itemId: string; more: string; less: string; parentSku: string }> = {
  en: { itemId: 'Item ID: ', more: 'More ({n}) variations', less: 'Show less', parentSku: 'Parent SKU: ' },
  id: { itemId: 'ID Produk: ', more: 'Lihat {n} Variasi Lainnya', less: 'Sembunyikan', parentSku: 'SKU Induk: ' },
  ms: { itemId: 'ID Produk: ', more: '{n} Variasi Lagi', less: 'Tunjuk kurang', parentSku: 'SKU Induk: ' },
  vi: { itemId: 'ID Sản phẩm: ', more: 'Xem thêm {n} phân loại', less: 'Thu gọn', parentSku: 'SKU sản phẩm: ' },
  th: { itemId: 'รหัสสินค้า: ', more: 'ดูเพิ่มเติม ({n}) ตัวเลือก', less: 'ย่อ', parentSku: 'SKU หลัก: ' },
  'zh-Hant': { itemId: '商品ID：', more: '查看更多 ({n}) 規格', less: '收起', parentSku: '主商品貨號：' },
  'pt-BR': { itemId: 'ID do Produto: ', more: 'Mais ({n}) variações', less: 'Mostrar menos', parentSku: 'SKU principal: ' },
};

/** List tabs: the path segment after /portal/product/list/ → which statuses are listed. */
const TABS: { seg: string; label: string; pred: (status: string) => boolean }[] = [
  { seg: 'all', label: 'All', pred: (s) => s !== 'SELLER_DELETE' && s !== 'SHOPEE_DELETE' },
  { seg: 'live', label: 'Live', pred: (s) => s === 'NORMAL' },
  { seg: 'violation', label: 'Violation', pred: (s) => s === 'BANNED' },
  { seg: 'reviewing', label: 'Reviewing', pred: (s) => s === 'REVIEWING' },
  { seg: 'unpublished', label: 'Unpublished', pred: (s) => s === 'UNLIST' },
];
const STATUS_LABEL: Record<string, string> = { NORMAL: 'Live', UNLIST: 'Delisted', BANNED: 'Violation', REVIEWING: 'Reviewing', SELLER_DELETE: 'Deleted', SHOPEE_DELETE: 'Deleted' };

export function shopeeConsole(ctx: Ctx, sub: string): SimResponse {
  const q = ctx.req.query;
  if (sub === '/' || sub === '/portal' || sub === '/portal/product' || sub === '/portal/product/list' || sub === '/portal/product/list/') {
    return redirectTo(url(`${P}/portal/product/list/all`, sticky(ctx, STICKY)));
  }
  const list = /^\/portal\/product\/list\/([a-z]+)(?:\/([a-z]+))?\/?$/.exec(sub);
  const prod = /^\/portal\/product\/(\d+)\/?$/.exec(sub);
  if (!list && !prod) return notFoundPage(ctx, sub);
  const shop = resolveShop(ctx, 'shopee', ['shop_id', 'cnsc_shop_id'], (s) => url(`${P}${sub}`, { ...sticky(ctx, STICKY), shop_id: s.shopId }));
  if (!('shopId' in shop)) return shop;
  const lang = LOCALES[q.get('lang') ?? ''] ? q.get('lang')! : 'en';
  const mk = markupOf(ctx, shop);
  const links = (path: string, extra: Record<string, string | number> = {}): string => url(`${P}${path}`, { ...sticky(ctx, STICKY), ...extra });
  if (prod) return productPage(ctx, shop, prod[1]!, lang, links);
  const tab = TABS.find((t) => t.seg === list![1]) ?? TABS[0]!;
  return listPage(ctx, shop, tab, sub, lang, mk, links);
}

function notFoundPage(ctx: Ctx, sub: string): SimResponse {
  return page(404, shell(undefined, 'Page not found', `<div class="empty-page" data-route="not-found"><h1>Page not found</h1><p>${esc(sub)}</p></div>`, ctx));
}

type Links = (path: string, extra?: Record<string, string | number>) => string;

function listPage(ctx: Ctx, shop: Shop, tab: (typeof TABS)[number], sub: string, lang: string, mk: Markup, links: Links): SimResponse {
  const q = ctx.req.query;
  const size = intParam(q.get('size'), 48, 100);
  const view = listView(shop, `shopee:${tab.seg}`, (it) => tab.pred(it.status));
  const pageNo = intParam(q.get('page'), 1);
  const pg = paginate(view, pageNo, size);
  const L = LOCALES[lang]!;
  const tabs = TABS.map((t) => {
    const n = listView(shop, `shopee:${t.seg}`, (it) => t.pred(it.status)).length;
    const path = t.seg === 'live' ? '/portal/product/list/live/all' : `/portal/product/list/${t.seg}`;
    return `<a class="eds-tabs__nav-tab${t === tab ? ' eds-tabs__nav-tab--active' : ''}" href="${esc(links(path))}">${esc(t.label)} <span class="tab-count">(${n})</span></a>`;
  }).join('');
  const listPath = sub.replace(/\/$/, '');
  const body = mk === 'changed' ? changedTable(shop, pg.items, L, links) : mk === 'previous' ? pinnedTables(shop, pg.items, L, links) : evidenceTables(shop, pg.items, L, links);
  const content = `<div class="product-list-page" data-route="product-list">
<div class="page-header"><h1 class="page-title">My Products</h1><a class="eds-button eds-button--primary" href="${esc(links('/portal/product/new'))}">+ Add a New Product</a></div>
<div class="eds-tabs"><div class="eds-tabs__nav">${tabs}</div></div>
<div class="list-toolbar"><span class="list-count">${pg.total} Products</span><span class="selected-count" aria-live="polite"></span></div>
${body}
${pager(pg.page, pg.pages, size, (p, s) => links(listPath, { page: p, size: s }))}
</div>`;
  return page(200, shell(shop, 'My Products', content, ctx, mk));
}

function priceText(shop: Shop, it: Item): string {
  const prices = it.variants.map((v) => v.price);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? money(lo, shop.currency) : `${money(lo, shop.currency)} - ${money(hi, shop.currency)}`;
}

function modelsTemplate(shop: Shop, it: Item): string {
  const rows = it.variants
    .map(
      (v) => `<div class="model-list-item"><span class="model-name">${esc(v.option || 'Default')}</span><span class="model-id">Model ID: ${esc(v.variantId)}</span><span class="model-sku">SKU: ${esc(v.sellerSku || '-')}</span><span class="model-price">${esc(money(v.price, shop.currency))}</span><span class="model-stock">${stockOf(v)}</span></div>`,
    )
    .join('');
  return `<template class="model-list-tpl"><div class="model-list">${rows}</div></template>`;
}

/** The rows shown at first, and how many more each time the last one nears the window's bottom. */
export const LAZY_FIRST = 10;
export const LAZY_CHUNK = 10;

function evidenceModels(shop: Shop, it: Item): string {
  const rows = it.variants
    .map(
      (v) => `<div class="model-list-item"><div class="variation-name-info"><div class="variation-name-info-name">${esc(v.option || 'Default')}</div><div class="variation-name-info-sku">Model ID: ${esc(v.variantId)}</div><div class="variation-name-info-seller-sku">SKU: ${esc(v.sellerSku || '-')}</div></div>
<div class="list-view-model-price">${esc(money(v.price, shop.currency))}</div><div class="stock-content">${stockOf(v)}</div></div>`,
    )
    .join('');
  return `<template class="model-list-tpl"><div class="model-list">${rows}</div></template>`;
}

/** One listing in the main body (checkbox, product cell with price and stock) and its pinned action row. */
function evidenceRow(shop: Shop, it: Item, L: (typeof LOCALES)[string], links: Links): { main: string; right: string } {
  const more = it.hasVariants
    ? `<button type="button" class="product-more-models" data-more="${esc(L.more.replace('{n}', String(it.variants.length)))}" data-less="${esc(L.less)}">${esc(L.more.replace('{n}', String(it.variants.length)))}</button>${evidenceModels(shop, it)}`
    : '';
  const sku = it.hasVariants ? '-' : it.variants[0]?.sellerSku || '-';
  const href = esc(links(`/portal/product/${it.itemId}/`));
  const main = `<tr class="eds-table__row"><td class="eds-table__cell eds-table__cell--selection"><label class="eds-checkbox"><input type="checkbox" class="eds-checkbox__input" name="${esc(it.itemId)}"><span class="eds-checkbox__indicator"></span></label></td>
<td class="eds-table__cell product-cell"><div class="product-variation-item">${thumb(it, 'product-image')}<div class="product-info"><a class="product-name-wrap" href="${href}"><span class="product-name">${esc(it.title)}</span></a>
<div class="item-id">${esc(L.itemId)}${esc(it.itemId)}</div><div class="product-sku">${esc(L.parentSku)}${esc(sku)}</div></div>
<div class="list-view-price">${esc(priceText(shop, it))}</div><div class="stock-content">${itemStock(it)}</div><div class="product-sales">0</div></div>${more}</td>
<td class="eds-table__cell"><span class="product-status status-${esc(it.status.toLowerCase())}">${esc(STATUS_LABEL[it.status] ?? it.status)}</span></td></tr>`;
  const right = `<tr class="eds-table__row"><td class="eds-table__cell"><div class="product-action"><a class="eds-button eds-button--link edit-link" href="${href}">Edit</a><button type="button" class="eds-button eds-button--link">More</button></div></td></tr>`;
  return { main, right };
}

/**
 * Normal markup (the live console): the main body holds the product information, the Action column
 * is pinned on the right in a table of its own; rows after the first LAZY_FIRST wait in templates
 * and are appended (to both tables) while the page scrolls.
 */
function evidenceTables(shop: Shop, items: Item[], L: (typeof LOCALES)[string], links: Links): string {
  const rows = items.map((it) => evidenceRow(shop, it, L, links));
  const join = (part: 'main' | 'right', from: number, to: number) => rows.slice(from, to).map((r) => r[part]).join('\n');
  const lazy: string[] = [];
  for (let i = LAZY_FIRST; i < rows.length; i += LAZY_CHUNK) {
    lazy.push(`<template class="eds-table__lazy"><table><tbody class="lazy-main">${join('main', i, i + LAZY_CHUNK)}</tbody></table><table><tbody class="lazy-right">${join('right', i, i + LAZY_CHUNK)}</tbody></table></template>`);
  }
  const empty = items.length ? '' : '<div class="eds-table__empty">No Products Found</div>';
  return `<div class="eds-table product-list-table"><div class="eds-table__body-container">
<div class="eds-table__main-body"><table class="eds-table__body"><thead><tr class="eds-table__header-row"><th class="eds-table__cell eds-table__cell--selection"><label class="eds-checkbox"><input type="checkbox" class="eds-checkbox__input eds-table__select-all"><span class="eds-checkbox__indicator"></span></label></th><th class="eds-table__cell">Product(s) · Price · Stock · Sales</th><th class="eds-table__cell">Status</th></tr></thead><tbody>
${join('main', 0, LAZY_FIRST)}
</tbody></table></div>
<div class="eds-table__fix-right"><div class="eds-table__fix-header"><table class="eds-table__body"><thead><tr class="eds-table__header-row"><th class="eds-table__cell">Action</th></tr></thead></table></div>
<div class="eds-table__fix-body"><table class="eds-table__body"><tbody>
${join('right', 0, LAZY_FIRST)}
</tbody></table></div></div></div>${lazy.join('')}${empty}</div>`;
}

/** Previous markup: a pinned-left table (checkbox + product info) and the main table (the rest). */
function pinnedTables(shop: Shop, items: Item[], L: (typeof LOCALES)[string], links: Links): string {
  const left = items
    .map((it) => {
      const more = it.hasVariants
        ? `<button type="button" class="product-more-models" data-more="${esc(L.more.replace('{n}', String(it.variants.length)))}" data-less="${esc(L.less)}">${esc(L.more.replace('{n}', String(it.variants.length)))}</button>${modelsTemplate(shop, it)}`
        : '';
      const sku = it.hasVariants ? '-' : it.variants[0]?.sellerSku || '-';
      return `<tr class="eds-table__row"><td class="eds-table__cell eds-table__cell--selection"><label class="eds-checkbox"><input type="checkbox" class="eds-checkbox__input"><span class="eds-checkbox__indicator"></span></label></td>
<td class="eds-table__cell"><div class="product-variation-item">${thumb(it, 'product-image')}<div class="product-info"><a class="product-name-wrap" href="${esc(links(`/portal/product/${it.itemId}`))}"><span class="product-name">${esc(it.title)}</span></a>
<div class="item-id">${esc(L.itemId)}${esc(it.itemId)}</div><div class="product-sku">${esc(L.parentSku)}${esc(sku)}</div>${more}</div></div></td></tr>`;
    })
    .join('\n');
  const main = items
    .map(
      (it) => `<tr class="eds-table__row"><td class="eds-table__cell"><span class="product-price">${esc(priceText(shop, it))}</span></td>
<td class="eds-table__cell"><span class="stock-text">${itemStock(it)}</span></td><td class="eds-table__cell"><span class="product-sales">0</span></td>
<td class="eds-table__cell"><span class="product-status status-${esc(it.status.toLowerCase())}">${esc(STATUS_LABEL[it.status] ?? it.status)}</span></td>
<td class="eds-table__cell"><a class="eds-button eds-button--link edit-link" href="${esc(links(`/portal/product/${it.itemId}`))}">Edit</a></td></tr>`,
    )
    .join('\n');
  const empty = items.length ? '' : '<div class="eds-table__empty">No Products Found</div>';
  return `<div class="eds-table product-list-table"><div class="eds-table__body-container">
<div class="eds-table__fix-left"><table class="eds-table__body"><thead><tr class="eds-table__header-row"><th class="eds-table__cell eds-table__cell--selection"><label class="eds-checkbox"><input type="checkbox" class="eds-checkbox__input eds-table__select-all"><span class="eds-checkbox__indicator"></span></label></th><th class="eds-table__cell">Product(s)</th></tr></thead><tbody>
${left}
</tbody></table></div>
<div class="eds-table__main-body"><table class="eds-table__body"><thead><tr class="eds-table__header-row"><th class="eds-table__cell">Price</th><th class="eds-table__cell">Stock</th><th class="eds-table__cell">Sales</th><th class="eds-table__cell">Status</th><th class="eds-table__cell">Action</th></tr></thead><tbody>
${main}
</tbody></table></div></div>${empty}</div>`;
}

/** Changed markup (a redesign): one table, other class names; ids stay in links and text. */
function changedTable(shop: Shop, items: Item[], L: (typeof LOCALES)[string], links: Links): string {
  const rows = items
    .map((it) => {
      const models = it.hasVariants
        ? `<ul class="variation-rows">${it.variants.map((v) => `<li class="variation-row">${esc(v.option || 'Default')} · Model ID: ${esc(v.variantId)} · ${esc(v.sellerSku || '-')} · <b>${stockOf(v)}</b></li>`).join('')}</ul>`
        : '';
      return `<tr class="eds-react-table-row"><td class="eds-react-table-cell"><label class="eds-react-checkbox"><input type="checkbox" class="eds-react-checkbox__input"></label></td>
<td class="eds-react-table-cell"><div class="product-info-card">${thumb(it, 'product-cover')}<div><a class="product-title-link" href="${esc(links(`/portal/product/${it.itemId}`))}">${esc(it.title)}</a>
<div class="product-meta"><span>${esc(L.itemId)}${esc(it.itemId)}</span> <span class="product-meta-sku">${esc(L.parentSku)}${esc(it.hasVariants ? '-' : it.variants[0]?.sellerSku || '-')}</span></div>${models}</div></div></td>
<td class="eds-react-table-cell">${esc(priceText(shop, it))}</td><td class="eds-react-table-cell"><div class="stock-cell">${itemStock(it)}</div></td>
<td class="eds-react-table-cell">${esc(STATUS_LABEL[it.status] ?? it.status)}</td></tr>`;
    })
    .join('\n');
  return `<div class="eds-react-table product-list-table"><table><thead><tr><th><label class="eds-react-checkbox"><input type="checkbox" class="eds-react-checkbox__input"></label></th><th>Product(s)</th><th>Price</th><th>Stock</th><th>Status</th></tr></thead><tbody>
${rows}
</tbody></table>${items.length ? '' : '<div class="eds-react-table-empty">No Products Found</div>'}</div>`;
}

function pager(cur: number, pages: number, size: number, href: (p: number, s: number) => string): string {
  const nums = pagerNumbers(cur, pages)
    .map((p) => (p === null ? '<li class="eds-pager__page eds-pager__page--ellipsis">…</li>' : `<li class="eds-pager__page${p === cur ? ' active' : ''}" data-nav="${esc(href(p, size))}">${p}</li>`))
    .join('');
  const prev = cur > 1 ? ` data-nav="${esc(href(cur - 1, size))}"` : ' disabled';
  const next = cur < pages ? ` data-nav="${esc(href(cur + 1, size))}"` : ' disabled';
  const sizes = [12, 24, 48].map((s) => `<li class="eds-pager__size${s === size ? ' active' : ''}" data-nav="${esc(href(1, s))}">${s} / page</li>`).join('');
  return `<div class="eds-pager"><button type="button" class="eds-pager__button-prev"${prev}>‹</button><ul class="eds-pager__pages">${nums}</ul><button type="button" class="eds-pager__button-next"${next}>›</button><ul class="eds-pager__sizes">${sizes}</ul></div>`;
}

function productPage(ctx: Ctx, shop: Shop, itemId: string, lang: string, links: Links): SimResponse {
  const it = shop.items.get(itemId);
  const L = LOCALES[lang]!;
  const crumbs = `<div class="breadcrumb"><a href="${esc(links('/portal/product/list/all'))}">My Products</a> › <span>Edit Product</span></div>`;
  if (!it) {
    return page(404, shell(shop, 'Product not found', `<div class="product-edit-page" data-route="product-edit">${crumbs}<div class="empty-page"><h1>Product not found</h1><p>This product does not exist or has been deleted.</p></div></div>`, ctx));
  }
  const sales = it.hasVariants
    ? `<table class="model-table"><thead><tr><th>Variation</th><th>Model ID</th><th>SKU</th><th>Price</th><th>Stock</th></tr></thead><tbody>${it.variants
        .map(
          (v) => `<tr class="model-row"><td>${esc(v.option || 'Default')}</td><td class="model-id">Model ID: ${esc(v.variantId)}</td><td><input class="eds-input__input" name="model_sku" value="${esc(v.sellerSku)}"></td><td><input class="eds-input__input" name="model_price" value="${esc(v.price.toFixed(2))}"></td><td><input class="eds-input__input" name="model_stock" value="${stockOf(v)}"></td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<div class="form-row"><label>Parent SKU</label><input class="eds-input__input" name="item_sku" value="${esc(it.variants[0]?.sellerSku ?? '')}"></div>
<div class="form-row"><label>Price</label><input class="eds-input__input" name="price" value="${esc((it.variants[0]?.price ?? 0).toFixed(2))}"></div>
<div class="form-row"><label>Stock</label><input class="eds-input__input" name="stock" value="${it.variants[0] ? stockOf(it.variants[0]) : 0}"></div>`;
  const content = `<div class="product-edit-page" data-route="product-edit">${crumbs}
<h1 class="page-title">Edit Product</h1>
<section class="edit-section"><h2>Basic information</h2>
<div class="form-row"><label>Product Name</label><input class="eds-input__input" name="name" value="${esc(it.title)}"></div>
<div class="form-row"><label></label><span class="item-id">${esc(L.itemId)}${esc(it.itemId)}</span> <span class="product-status">${esc(STATUS_LABEL[it.status] ?? it.status)}</span></div>
<div class="form-row"><label>Product Description</label><textarea class="eds-input__input" name="description">${esc(it.description)}</textarea></div></section>
<section class="edit-section"><h2>Sales Information</h2>${sales}</section>
<div class="edit-footer"><a class="eds-button" href="${esc(links('/portal/product/list/all'))}">Cancel</a><button type="button" class="eds-button eds-button--primary">Save and Publish</button></div>
</div>`;
  return page(200, shell(shop, 'Edit Product', content, ctx));
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.4 Roboto,"Helvetica Neue",Arial,sans-serif;background:#f6f6f6;color:#333}
a{color:#2673dd;text-decoration:none}.sc-header{height:56px;background:#fff;display:flex;align-items:center;padding:0 24px;box-shadow:0 1px 4px rgba(0,0,0,.12);position:sticky;top:0;z-index:5}
.sc-logo{color:#ee4d2d;font-weight:700;font-size:18px}.sc-logo small{color:#333;font-weight:400;margin-left:8px;font-size:15px}.account-info{margin-left:auto;display:flex;gap:10px;align-items:center}
.account-info .avatar{width:28px;height:28px;border-radius:50%;background:#ee4d2d;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}.shop-id{color:#999;font-size:12px}
.sc-layout{display:flex}.sidebar{width:220px;background:#fff;min-height:calc(100vh - 56px);padding:16px 0;border-right:1px solid #eee}.sidebar h4{margin:14px 24px 6px;color:#999;font-weight:500;font-size:13px}
.sidebar a{display:block;padding:6px 24px 6px 36px;color:#333}.sidebar a.active{color:#ee4d2d}#app{flex:1;padding:20px 24px;min-width:0}
.page-header{display:flex;align-items:center;justify-content:space-between}.page-title{font-size:20px;font-weight:500;margin:4px 0 16px}
.eds-button{display:inline-block;border:1px solid #e5e5e5;background:#fff;padding:6px 16px;border-radius:4px;color:#333;cursor:pointer;font:inherit}.eds-button--primary{background:#ee4d2d;border-color:#ee4d2d;color:#fff}.eds-button--link{border:0;padding:0;color:#2673dd;background:none}
.eds-tabs{background:#fff;border-bottom:1px solid #e5e5e5;padding:0 16px}.eds-tabs__nav{display:flex;gap:28px}.eds-tabs__nav-tab{padding:14px 0;color:#333;border-bottom:2px solid transparent}.eds-tabs__nav-tab--active{color:#ee4d2d;border-color:#ee4d2d}
.list-toolbar{background:#fff;padding:14px 16px;display:flex;gap:16px;font-weight:500}.selected-count{color:#ee4d2d}
.product-list-table{background:#fff;padding:0 16px}.eds-table__body-container{display:flex}.eds-table__fix-left{flex:0 0 520px;box-shadow:4px 0 6px -4px rgba(0,0,0,.15);position:relative;z-index:1;background:#fff}
.eds-table__main-body{flex:1;overflow-x:auto;min-width:0}.eds-table__fix-right{flex:0 0 120px;box-shadow:-4px 0 6px -4px rgba(0,0,0,.15);position:relative;z-index:1;background:#fff}.eds-table__fix-header th{height:44px}
.product-cell{min-width:560px}.product-variation-item .product-info{flex:1 1 300px;min-width:0}.list-view-price{width:130px;flex:none}.product-variation-item .stock-content{width:70px;flex:none;font-weight:500}.product-variation-item .product-sales{width:50px;flex:none;color:#999}.product-action{display:flex;flex-direction:column;align-items:flex-start;gap:6px}
.model-list-item .variation-name-info{flex:1 1 300px;display:flex;gap:10px;flex-wrap:wrap}.variation-name-info-sku,.variation-name-info-seller-sku{color:#999}.list-view-model-price{width:130px;flex:none}.model-list-item .stock-content{width:120px;flex:none}table{border-collapse:collapse;width:100%}th.eds-table__cell,.eds-react-table th{background:#fafafa;color:#999;font-weight:500;text-align:left;height:44px}
.eds-table__cell{padding:12px;border-bottom:1px solid #efefef;vertical-align:top}.eds-table__row{height:112px}.eds-table__row--selected{background:#fff8f6}.eds-table__cell--selection{width:40px}
.product-variation-item{display:flex;gap:12px}.product-name{color:#333;font-weight:500}.item-id,.product-sku,.model-id{color:#999;font-size:12px;margin-top:4px}
.product-more-models{border:0;background:none;color:#2673dd;padding:0;margin-top:6px;cursor:pointer;font:inherit;font-size:12px}.model-list{margin-top:6px;border-top:1px dashed #eee}.model-list-item{display:flex;gap:12px;font-size:12px;padding:4px 0;color:#555}
.stock-text{font-weight:500}.product-status{font-size:12px;padding:2px 6px;border-radius:2px;background:#eaf6ee;color:#26aa99}.status-unlist{background:#f5f5f5;color:#999}
.eds-pager{display:flex;justify-content:flex-end;align-items:center;gap:6px;background:#fff;padding:16px}.eds-pager ul{list-style:none;display:flex;gap:4px;margin:0;padding:0}
.eds-pager__page,.eds-pager__size,.eds-pager button{min-width:32px;height:32px;border:1px solid #e5e5e5;background:#fff;display:flex;align-items:center;justify-content:center;border-radius:4px;cursor:pointer;padding:0 6px}
.eds-pager__page.active,.eds-pager__size.active{border-color:#ee4d2d;color:#ee4d2d}.eds-pager__sizes{margin-left:12px!important}
.eds-table__empty,.eds-react-table-empty{padding:40px;text-align:center;color:#999}.breadcrumb{color:#999;margin-bottom:8px}
.edit-section{background:#fff;padding:16px 24px;margin-bottom:16px}.edit-section h2{font-size:18px;font-weight:500}.form-row{display:flex;gap:16px;align-items:center;margin:12px 0}.form-row label{width:160px;text-align:right;color:#666}
.eds-input__input{border:1px solid #e5e5e5;border-radius:4px;padding:7px 10px;font:inherit;min-width:320px}.model-table td,.model-table th{padding:8px;border-bottom:1px solid #eee;text-align:left}.model-table .eds-input__input{min-width:120px}
.edit-footer{display:flex;justify-content:flex-end;gap:8px}.eds-react-table{background:#fff;padding:0 16px}.eds-react-table td{padding:12px;border-bottom:1px solid #efefef;vertical-align:top}.product-info-card{display:flex;gap:12px}.product-meta{color:#999;font-size:12px}
.variation-rows{margin:6px 0 0;padding-left:16px;font-size:12px;color:#555}.empty-page{background:#fff;padding:48px;text-align:center}[aria-busy=true]{opacity:.6}`;

const BEHAVIOURS = `
var st = window.__simConsole;
// The two tables whose rows pair by index: pinned-left + main (previous build), main + pinned-right.
function tables() {
  var m = document.querySelector('.eds-table__main-body tbody');
  var l = document.querySelector('.eds-table__fix-left tbody');
  var r = document.querySelector('.eds-table__fix-right .eds-table__fix-body tbody');
  if (m && l) return [l.rows, m.rows];
  if (m && r) return [m.rows, r.rows];
  return null;
}
function sync() {
  var t = tables();
  if (!t || t[0].length !== t[1].length) return;
  for (var i = 0; i < t[0].length; i++) { t[0][i].style.height = ''; t[1][i].style.height = ''; var h = Math.max(t[0][i].offsetHeight, t[1][i].offsetHeight); t[0][i].style.height = h + 'px'; t[1][i].style.height = h + 'px'; }
}
function selected() {
  var boxes = document.querySelectorAll('#app tbody input[type=checkbox]');
  var n = 0; for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) n++;
  var c = document.querySelector('.selected-count'); if (c) c.textContent = n ? n + ' selected' : '';
  var t = tables();
  if (t) for (var k = 0; k < t[0].length; k++) { var box = t[0][k].querySelector('input[type=checkbox]'); var on = !!(box && box.checked); t[0][k].classList.toggle('eds-table__row--selected', on); if (t[1][k]) t[1][k].classList.toggle('eds-table__row--selected', on); }
}
// Lazy rows: while the last row is within 300 px of the window's bottom, the next chunk waiting in
// a template is appended to the main body and to the pinned action column.
function more() {
  var tpl = document.querySelector('#app template.eds-table__lazy');
  var m = document.querySelector('.eds-table__main-body tbody');
  var r = document.querySelector('.eds-table__fix-right .eds-table__fix-body tbody');
  if (!tpl || !m || !r) return false;
  var c = tpl.content;
  m.append.apply(m, Array.prototype.slice.call(c.querySelector('tbody.lazy-main').children));
  r.append.apply(r, Array.prototype.slice.call(c.querySelector('tbody.lazy-right').children));
  tpl.remove();
  return true;
}
function nearBottom() {
  var rows = document.querySelectorAll('.eds-table__main-body tbody tr.eds-table__row');
  var last = rows[rows.length - 1];
  return !!last && last.getBoundingClientRect().bottom < window.innerHeight + 300;
}
function lazy() {
  var added = false;
  for (var n = 0; n < 20 && nearBottom() && more(); n++) added = true;
  if (added) { sync(); selected(); st.lazyLoads = (st.lazyLoads || 0) + 1; }
}
var queued = false;
window.addEventListener('scroll', function () {
  if (queued) return;
  queued = true;
  requestAnimationFrame(function () { queued = false; lazy(); });
}, { passive: true });
document.addEventListener('change', function (e) {
  var el = e.target;
  if (!el || el.type !== 'checkbox') return;
  if (el.closest('thead')) { var all = document.querySelectorAll('#app tbody input[type=checkbox]'); for (var i = 0; i < all.length; i++) all[i].checked = el.checked; }
  selected();
});
document.addEventListener('click', function (e) {
  var btn = e.target && e.target.closest && e.target.closest('.product-more-models');
  if (!btn) return;
  e.preventDefault();
  var open = btn.parentNode.querySelector('.model-list');
  if (open) { open.remove(); btn.textContent = btn.getAttribute('data-more'); }
  else { var tpl = btn.parentNode.querySelector('template.model-list-tpl'); btn.after(tpl.content.cloneNode(true)); btn.textContent = btn.getAttribute('data-less'); }
  sync();
});
st.hooks.push(sync, selected, lazy);
sync();
lazy();`;

function shell(shop: Shop | undefined, title: string, content: string, ctx: Ctx, mk: Markup = 'normal'): string {
  const links = (path: string): string => url(`${P}${path}`, sticky(ctx, STICKY));
  const ident = shop
    ? `<div class="account-info" title="${esc(shop.name)}"><span class="avatar">${esc(shop.name.slice(0, 1).toUpperCase())}</span><span class="shop-name">${esc(shop.name)}</span><span class="shop-id">Shop ID: ${esc(shop.shopId)}</span></div>`
    : '';
  const config = shop ? jsonScript('sc-shop-config', { shopId: Number(shop.shopId), shopName: shop.name, region: 'SG', currency: shop.currency }) : '';
  return `<!doctype html><html lang="${esc(ctx.req.query.get('lang') ?? 'en')}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)} | Shopee Seller Centre</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style>${config}</head>
<body class="${mk === 'changed' ? 'sc-v2' : 'sc-v1'}"><header class="sc-header"><div class="sc-logo">Shopee<small>Seller Centre</small></div>${ident}</header>
<div class="sc-layout"><aside class="sidebar"><h4>Order</h4><a href="${esc(links('/portal/sale/order'))}">My Orders</a><h4>Product</h4><a class="active" href="${esc(links('/portal/product/list/all'))}">My Products</a><a href="${esc(links('/portal/product/new'))}">Add New Product</a><h4>Marketing Centre</h4><a href="${esc(links('/portal/marketing'))}">Marketing Centre</a></aside>
<main id="app">${content}</main></div>
${spaScripts({ root: '#app', prefix: `${P}/`, delay: 250 }, BEHAVIOURS)}
</body></html>`;
}
