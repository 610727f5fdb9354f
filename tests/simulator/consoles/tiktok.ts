// Fake TikTok Shop Seller Center (a single-page app) under /console/tiktok.
//
// Evidence (tests/simulator/README.md, "Seller consoles"): /docs/CONSOLES.md — hosts
// seller-{id,us,vn,th…}.tiktok.com, cross-border seller.tiktokglobalshop.com, and for Indonesian
// sellers seller-id.tokopedia.com (same paths; here the same routes serve it); list
// /product/manage?tab=active&shop_region=XX; product page /product/edit/{product_id}; rows
// `tbody tr.core-table-tr` with `td.core-table-td` (the Arco Design table with the "core" prefix:
// Arco's public class scheme is {prefix}-table-tr / -td / -thead / -tbody, {prefix}-checkbox,
// {prefix}-pagination-item — header rows are {prefix}-table-tr too).
// The live list as userscripts written against it read it (tomlin-cn/tampermonkey-scripts
// `tiktok_delete.user.js`, `tiktok_deactive.user.js` (@match seller-id.tokopedia.com/product/manage*),
// 2025; CONSOLES.md "What later evidence says"): rows `tr.core-table-tr.core-table-row-expanded`
// with NO link at all; the checkbox is `label.core-checkbox > input[type=checkbox]` (+
// `.core-checkbox-mask`) whose value is the product id; the title is a plain line-clamped div
// (overflow hidden) with `<span data-id="product.manage.table.columns.id">ID:1732…</span>` right
// after the title text, so the row's text reads "…Pro MaxID:1732…"; Edit is a `button.core-btn`;
// pagination `.core-pagination-item-next`. On the edit page the product name is a two-line div,
// not a heading. Every other class is a hashed CSS module name that drifts between builds (here:
// random per simulator process, stable within it). `?markup=previous` keeps the shapes this fake
// had before (a product link in each row and an `h1` on the edit page).
// Assumptions: the cell contents and their module names, the tab names other than `active`, the
// page/page_size parameters, ?shop_id= as the sim's stand-in for the session (the URL gets
// tab= and shop_region= added with history.replaceState, as the real app rewrites it), the header
// and the `#__GLOBAL_CONFIG__` JSON, the edit page's layout around its title.
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Item } from '../store.ts';
import { type Markup, cssModule, esc, intParam, jsonScript, listView, markupOf, money, page, paginate, pagerNumbers, redirectTo, stockOf, sticky, thumb, url } from './common.ts';
import { resolveShop } from './pages.ts';
import { spaScripts } from './spa.ts';

const P = '/console/tiktok';
const STICKY = ['shop_id', 'markup'];
const V1 = cssModule('tiktok-build-1');
const V2 = cssModule('tiktok-build-2');
const TABS: { key: string; label: string; pred: (s: string) => boolean }[] = [
  { key: 'all', label: 'All', pred: (s) => s !== 'DELETED' },
  { key: 'active', label: 'Live', pred: (s) => s === 'ACTIVATE' },
  { key: 'inactive', label: 'Deactivated', pred: (s) => s === 'SELLER_DEACTIVATED' || s === 'PLATFORM_DEACTIVATED' },
  { key: 'reviewing', label: 'Reviewing', pred: (s) => s === 'PENDING' },
  { key: 'failed', label: 'Failed', pred: (s) => s === 'FAILED' },
  { key: 'draft', label: 'Drafts', pred: (s) => s === 'DRAFT' },
  { key: 'frozen', label: 'Frozen', pred: (s) => s === 'FREEZE' },
  { key: 'deleted', label: 'Deleted', pred: (s) => s === 'DELETED' },
];
const STATUS: Record<string, string> = {
  ACTIVATE: 'Live',
  SELLER_DEACTIVATED: 'Deactivated',
  PLATFORM_DEACTIVATED: 'Suspended',
  PENDING: 'Reviewing',
  FAILED: 'Failed',
  DRAFT: 'Draft',
  FREEZE: 'Frozen',
  DELETED: 'Deleted',
};

export function tiktokConsole(ctx: Ctx, sub: string): SimResponse {
  const s = sub.replace(/\/+$/, '') || '/';
  if (s === '/' || s === '/product') return redirectTo(url(`${P}/product/manage`, sticky(ctx, STICKY)));
  const edit = /^\/product\/edit\/(\d+)$/.exec(s);
  if (s !== '/product/manage' && !edit) return page(404, shell(ctx, undefined, 'Page not found', '<div class="empty-page" data-route="not-found"><h1>Page not found</h1></div>'));
  const shop = resolveShop(ctx, 'tiktok', ['shop_id'], (x) => url(`${P}${s}`, { ...Object.fromEntries(ctx.req.query), shop_id: x.shopId }));
  if (!('shopId' in shop)) return shop;
  const links = (path: string, extra: Record<string, string | number | undefined> = {}): string => url(`${P}${path}`, { ...sticky(ctx, STICKY), ...extra });
  if (edit) return productPage(ctx, shop, edit[1]!, links, markupOf(ctx, shop));
  return listPage(ctx, shop, links);
}
type Links = (path: string, extra?: Record<string, string | number | undefined>) => string;

function priceText(shop: Shop, it: Item): string {
  const ps = it.variants.map((v) => v.price);
  const lo = Math.min(...ps);
  const hi = Math.max(...ps);
  return lo === hi ? money(lo, shop.currency) : `${money(lo, shop.currency)} - ${money(hi, shop.currency)}`;
}

function listPage(ctx: Ctx, shop: Shop, links: Links): SimResponse {
  const q = ctx.req.query;
  const tab = TABS.find((t) => t.key === q.get('tab')) ?? TABS[1]!;
  const region = shop.region || 'US';
  const sizeQ = intParam(q.get('page_size'), 20, 100);
  const size = [10, 20, 50, 100].includes(sizeQ) ? sizeQ : 20;
  const pg = paginate(listView(shop, `tiktok:${tab.key}`, (it) => tab.pred(it.status)), intParam(q.get('page'), 1), size);
  const mk = markupOf(ctx, shop);
  const here = (extra: Record<string, string | number>): string => links('/product/manage', { tab: tab.key, shop_region: region, page: pg.page > 1 ? pg.page : undefined, page_size: size !== 20 ? size : undefined, ...extra });
  const c = mk === 'changed' ? V2 : V1;
  const pfx = mk === 'changed' ? 'arco' : 'core';
  const tabs = TABS.map((t) => {
    const n = listView(shop, `tiktok:${t.key}`, (it) => t.pred(it.status)).length;
    return `<a class="${pfx}-tabs-header-title${t === tab ? ` ${pfx}-tabs-header-title-active` : ''}" href="${esc(links('/product/manage', { tab: t.key, shop_region: region }))}">${esc(t.label)} <span class="${c('tabCount')}">${n}</span></a>`;
  }).join('');
  const rows = pg.items.map((it) => (mk === 'changed' ? changedRow(shop, it, links) : mk === 'previous' ? previousRow(shop, it, links) : row(shop, it, links))).join('\n');
  const empty = pg.items.length ? '' : `<tr class="${pfx}-table-tr ${pfx}-table-empty-row"><td class="${pfx}-table-td" colspan="7"><div class="${pfx}-empty">No products</div></td></tr>`;
  const nums = pagerNumbers(pg.page, pg.pages)
    .map((p) => (p === null ? `<li class="${pfx}-pagination-item ${pfx}-pagination-item-jumper">…</li>` : `<li class="${pfx}-pagination-item${p === pg.page ? ` ${pfx}-pagination-item-active` : ''}" data-nav="${esc(here({ page: p }))}">${p}</li>`))
    .join('');
  const pager = `<div class="${pfx}-pagination ${c('pager')}"><span class="${pfx}-pagination-total-text">Total ${pg.total}</span><ul class="${pfx}-pagination-list">
<li class="${pfx}-pagination-item ${pfx}-pagination-item-prev${pg.page > 1 ? '' : ` ${pfx}-pagination-item-disabled`}"${pg.page > 1 ? ` data-nav="${esc(here({ page: pg.page - 1 }))}"` : ''}>‹</li>${nums}
<li class="${pfx}-pagination-item ${pfx}-pagination-item-next${pg.page < pg.pages ? '' : ` ${pfx}-pagination-item-disabled`}"${pg.page < pg.pages ? ` data-nav="${esc(here({ page: pg.page + 1 }))}"` : ''}>›</li></ul></div>`;
  const cb = `<label class="${pfx}-checkbox"><input type="checkbox" class="${pfx}-checkbox-target"><span class="${pfx}-checkbox-mask"></span></label>`;
  const table =
    mk === 'changed'
      ? `<div class="${pfx}-table ${c('productTable')}"><table><thead class="${pfx}-table-thead"><tr class="${pfx}-table-tr"><th class="${pfx}-table-th">${cb}</th><th class="${pfx}-table-th">Product</th><th class="${pfx}-table-th">Variations</th><th class="${pfx}-table-th">Price</th><th class="${pfx}-table-th">Inventory</th><th class="${pfx}-table-th">Status</th><th class="${pfx}-table-th"></th></tr></thead><tbody class="${pfx}-table-tbody">${rows}${empty}</tbody></table></div>`
      : `<div class="core-table core-table-size-default ${c('productTable')}"><div class="core-table-container"><div class="core-table-content-scroll"><div class="core-table-content-inner"><table style="table-layout:auto">
<thead class="core-table-thead"><tr class="core-table-tr"><th class="core-table-th core-table-checkbox"><div class="core-table-th-item">${cb}</div></th><th class="core-table-th"><div class="core-table-th-item">Product</div></th><th class="core-table-th"><div class="core-table-th-item">SKU</div></th><th class="core-table-th"><div class="core-table-th-item">Price</div></th><th class="core-table-th"><div class="core-table-th-item">Stock</div></th><th class="core-table-th"><div class="core-table-th-item">Status</div></th><th class="core-table-th"><div class="core-table-th-item">Action</div></th></tr></thead>
<tbody class="core-table-tbody">
${rows}${empty}
</tbody></table></div></div></div></div>`;
  const content = `<div class="${c('managePage')}" data-route="product-manage"><div class="${c('titleBar')}"><h1 class="${c('title')}">Manage products</h1><a class="${pfx}-btn ${pfx}-btn-primary" href="${esc(links('/product/create'))}">+ Add new product</a></div>
<div class="${pfx}-tabs ${c('tabs')}"><div class="${pfx}-tabs-header">${tabs}</div></div>
<div class="${c('toolbar')}"><span class="${c('selectedCount')}" aria-live="polite"></span></div>
${table}
${pager}</div>`;
  return page(200, shell(ctx, shop, 'Manage products', content, mk, here({})));
}

/** A live row: no link; the id in the checkbox value and in the data-id span after the clamped title. */
function row(shop: Shop, it: Item, links: Links): string {
  const c = V1;
  const skus = it.variants.map((v) => `<div class="${c('skuItem')}"><span class="${c('skuName')}">${esc(v.option || 'Default')}</span><span class="${c('sellerSku')}">Seller SKU: ${esc(v.sellerSku || '-')}</span></div>`).join('');
  const stock = it.variants.map((v) => `<div class="${c('skuStock')}">${stockOf(v)}</div>`).join('');
  const cell = (inner: string, extra = ''): string => `<td class="core-table-td${extra}"><div class="core-table-cell">${inner}</div></td>`;
  return `<tr class="core-table-tr core-table-row-expanded">${cell(`<label class="core-checkbox"><input type="checkbox" class="core-checkbox-target" value="${esc(it.itemId)}"><span class="core-checkbox-mask"></span></label>`, ' core-table-checkbox')}
${cell(`<div class="${c('productInfo')}">${thumb(it, c('productImage'), 60)}<div class="${c('productMeta')}"><div class="${c('productTitle')}">${esc(it.title)}<span class="${c('productIdInline')}" data-id="product.manage.table.columns.id">ID:${esc(it.itemId)}</span></div><div class="${c('productTags')}"><span class="core-tag">${esc(it.variants.length)} SKU</span></div></div></div>`)}
${cell(`<div class="${c('skuList')}">${skus}</div>`)}${cell(`<div class="${c('price')}">${esc(priceText(shop, it))}</div>`)}${cell(`<div class="${c('stockList')}">${stock}</div>`)}
${cell(`<span class="core-tag ${c('statusTag')}">${esc(STATUS[it.status] ?? it.status)}</span>`)}${cell(`<button type="button" class="core-btn core-btn-text ${c('editBtn')}" data-nav="${esc(links(`/product/edit/${it.itemId}`))}">Edit</button>`)}</tr>`;
}

/** The previous build's row: a product link (name) and the "ID:…" line under it. */
function previousRow(shop: Shop, it: Item, links: Links): string {
  const c = V1;
  const skus = it.variants.map((v) => `<div class="${c('skuItem')}"><span class="${c('skuName')}">${esc(v.option || 'Default')}</span><span class="${c('sellerSku')}">Seller SKU: ${esc(v.sellerSku || '-')}</span></div>`).join('');
  const stock = it.variants.map((v) => `<div class="${c('skuStock')}">${stockOf(v)}</div>`).join('');
  const cell = (inner: string, extra = ''): string => `<td class="core-table-td${extra}"><div class="core-table-cell">${inner}</div></td>`;
  return `<tr class="core-table-tr">${cell(`<label class="core-checkbox"><input type="checkbox" class="core-checkbox-target"><span class="core-checkbox-mask"></span></label>`, ' core-table-checkbox')}
${cell(`<div class="${c('productInfo')}">${thumb(it, c('productImage'), 60)}<div class="${c('productMeta')}"><a class="${c('productName')}" href="${esc(links(`/product/edit/${it.itemId}`))}">${esc(it.title)}</a><div class="${c('productId')}">ID:${esc(it.itemId)}</div></div></div>`)}
${cell(`<div class="${c('skuList')}">${skus}</div>`)}${cell(`<div class="${c('price')}">${esc(priceText(shop, it))}</div>`)}${cell(`<div class="${c('stockList')}">${stock}</div>`)}
${cell(`<span class="core-tag ${c('statusTag')}">${esc(STATUS[it.status] ?? it.status)}</span>`)}${cell(`<a class="core-link ${c('editLink')}" href="${esc(links(`/product/edit/${it.itemId}`))}">Edit</a>`)}</tr>`;
}

function changedRow(shop: Shop, it: Item, links: Links): string {
  const c = V2;
  const cell = (inner: string): string => `<td class="arco-table-td"><div class="arco-table-cell ${c('cell')}">${inner}</div></td>`;
  return `<tr class="arco-table-tr ${c('row')}">${cell(`<label class="arco-checkbox"><input type="checkbox" class="arco-checkbox-target"><span class="arco-checkbox-mask"></span></label>`)}
${cell(`<div class="${c('product')}">${thumb(it, c('cover'), 60)}<div><a class="${c('name')}" href="${esc(links(`/product/edit/${it.itemId}`))}">${esc(it.title)}</a><div class="${c('meta')}"><span>ID: ${esc(it.itemId)}</span><span class="${c('copy')}" role="button" aria-label="Copy">⧉</span></div></div></div>`)}
${cell(it.variants.map((v) => `<div>${esc(v.option || 'Default')} · ${esc(v.sellerSku || '-')}</div>`).join(''))}${cell(esc(priceText(shop, it)))}${cell(it.variants.map((v) => `<div>${stockOf(v)}</div>`).join(''))}
${cell(esc(STATUS[it.status] ?? it.status))}${cell(`<a href="${esc(links(`/product/edit/${it.itemId}`))}">Edit</a>`)}</tr>`;
}

function productPage(ctx: Ctx, shop: Shop, productId: string, links: Links, mk: Markup): SimResponse {
  const c = V1;
  const back = `<div class="${c('breadcrumb')}"><a href="${esc(links('/product/manage', { tab: 'active', shop_region: shop.region || 'US' }))}">Manage products</a> / Edit product</div>`;
  const it = shop.items.get(productId);
  if (!it) return page(404, shell(ctx, shop, 'Product not found', `<div class="${c('editPage')}" data-route="product-edit">${back}<div class="empty-page"><h1>Product not found</h1></div></div>`));
  const skus = it.variants
    .map(
      (v) => `<tr class="core-table-tr"><td class="core-table-td">${esc(v.option || 'Default')}</td><td class="core-table-td"><input class="core-input" name="seller_sku" value="${esc(v.sellerSku)}"></td><td class="core-table-td"><input class="core-input" name="quantity" value="${stockOf(v)}"></td><td class="core-table-td"><input class="core-input" name="price" value="${esc(v.price.toFixed(2))}"></td><td class="core-table-td ${c('skuId')}">SKU ID:${esc(v.variantId)}</td></tr>`,
    )
    .join('');
  // The live page names the product in a two-line div (no heading element); the previous build had an h1.
  const heading =
    mk === 'previous'
      ? `<h1 class="${c('title')}">Edit product</h1>`
      : `<div class="${c('pageHeader')}"><div class="${c('pageTitle')}">${esc(it.title)}</div><div class="${c('pageSub')}">Edit product · ${esc(STATUS[it.status] ?? it.status)}</div></div>`;
  const cardTitle = (t: string): string => (mk === 'previous' ? `<h2>${t}</h2>` : `<div class="${c('cardTitle')}">${t}</div>`);
  const content = `<div class="${c('editPage')}" data-route="product-edit">${back}${heading}
<section class="${c('card')}">${cardTitle('Basic information')}<div class="${c('formItem')}"><label>Product name</label><input class="core-input" name="product_name" value="${esc(it.title)}"></div>
<div class="${c('formItem')}"><label>Product ID</label><span class="${c('productId')}">ID:${esc(it.itemId)}</span> <span class="core-tag">${esc(STATUS[it.status] ?? it.status)}</span></div></section>
<section class="${c('card')}">${cardTitle('Sales information')}<div class="core-table"><table><thead class="core-table-thead"><tr class="core-table-tr"><th class="core-table-th">Variation</th><th class="core-table-th">Seller SKU</th><th class="core-table-th">Quantity</th><th class="core-table-th">Price</th><th class="core-table-th"></th></tr></thead><tbody class="core-table-tbody">${skus}</tbody></table></div></section>
<div class="${c('footer')}"><a class="core-btn" href="${esc(links('/product/manage', { tab: 'active', shop_region: shop.region || 'US' }))}">Cancel</a><button type="button" class="core-btn core-btn-primary">Update</button></div></div>`;
  return page(200, shell(ctx, shop, 'Edit product', content, mk === 'changed' ? 'normal' : mk));
}

function css(): string {
  const a = V1;
  const b = V2;
  return `*{box-sizing:border-box}body{margin:0;font:14px/1.5 "TikTokText",-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f5f6f7;color:#161823}a{color:#009995;text-decoration:none}
.tts-header{height:56px;background:#fff;display:flex;align-items:center;padding:0 20px;border-bottom:1px solid #e3e3e4;position:sticky;top:0;z-index:5}.tts-logo{font-weight:700;font-size:17px}.tts-logo b{color:#fe2c55}
.tts-shop{margin-left:auto;display:flex;align-items:center;gap:8px}.tts-shop-avatar{width:28px;height:28px;border-radius:50%;background:#161823;color:#fff;display:flex;align-items:center;justify-content:center;font-size:13px}.tts-shop-region{font-size:12px;color:#8a8b91;border:1px solid #e3e3e4;border-radius:2px;padding:0 4px}
.tts-layout{display:flex}.tts-nav{width:216px;background:#fff;min-height:calc(100vh - 56px);padding:12px 8px;border-right:1px solid #e3e3e4}.tts-nav a{display:block;padding:8px 16px;border-radius:6px;color:#161823}.tts-nav a.active{background:#e6f7f6;color:#009995;font-weight:600}
#app{flex:1;padding:20px 24px;min-width:0}.${a('titleBar')},.${b('titleBar')}{display:flex;justify-content:space-between;align-items:center}.${a('title')},.${b('title')}{font-size:22px;font-weight:600;margin:0 0 16px}
.core-btn,.arco-btn{display:inline-flex;align-items:center;height:32px;padding:0 14px;border-radius:4px;border:1px solid #e3e3e4;background:#fff;color:#161823;font:inherit;cursor:pointer}.core-btn-primary,.arco-btn-primary{background:#009995;border-color:#009995;color:#fff}
.core-tabs,.arco-tabs{background:#fff;border-radius:8px 8px 0 0;padding:0 16px;border-bottom:1px solid #eee}.core-tabs-header,.arco-tabs-header{display:flex;gap:28px}.core-tabs-header-title,.arco-tabs-header-title{padding:12px 0;color:#55575f;border-bottom:2px solid transparent}
.core-tabs-header-title-active,.arco-tabs-header-title-active{color:#161823;font-weight:600;border-color:#009995}.${a('toolbar')},.${b('toolbar')}{background:#fff;padding:8px 16px;min-height:36px;color:#009995}
.core-table,.arco-table{background:#fff;padding:0 16px}table{border-collapse:collapse;width:100%}.core-table-th,.arco-table-th{background:#f8f8f8;text-align:left;font-weight:500;color:#55575f;padding:10px 8px;font-size:13px}
.core-table-td,.arco-table-td{border-bottom:1px solid #f1f1f2;padding:12px 8px;vertical-align:top}.core-table-tr.selected,.arco-table-tr.selected{background:#f0fbfa}.${a('productInfo')},.${b('product')}{display:flex;gap:12px}
.${a('productName')},.${b('name')}{color:#161823;font-weight:500;display:block}.${a('productTitle')}{color:#161823;font-weight:500;max-width:300px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;word-break:break-word}.${a('productIdInline')}{color:#8a8b91;font-size:12px;font-weight:400}.${a('productTags')}{margin-top:4px}
.${a('pageHeader')}{margin:0 0 16px}.${a('pageTitle')}{font-size:22px;font-weight:600;line-height:30px;max-width:720px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}.${a('pageSub')}{color:#8a8b91;font-size:13px}.${a('cardTitle')}{font-size:16px;font-weight:600;margin:4px 0 8px}.${a('productId')},.${b('meta')}{color:#8a8b91;font-size:12px;margin-top:4px}.${a('skuItem')}{font-size:12px;line-height:22px;display:flex;gap:8px}.${a('skuName')}{color:#8a8b91;width:60px}.${a('skuStock')}{line-height:22px}
.core-tag{display:inline-block;font-size:12px;padding:0 8px;border-radius:2px;background:#e6f7f6;color:#009995}.core-pagination,.arco-pagination{display:flex;justify-content:flex-end;align-items:center;gap:12px;background:#fff;padding:16px;border-radius:0 0 8px 8px}
.core-pagination-list,.arco-pagination-list{display:flex;gap:4px;list-style:none;margin:0;padding:0}.core-pagination-item,.arco-pagination-item{min-width:32px;height:32px;display:flex;align-items:center;justify-content:center;border-radius:4px;cursor:pointer}
.core-pagination-item-active,.arco-pagination-item-active{background:#e6f7f6;color:#009995;font-weight:600}.core-pagination-item-disabled,.arco-pagination-item-disabled{color:#ccc;cursor:default}.core-empty,.arco-empty{text-align:center;padding:40px;color:#8a8b91}
.${a('card')}{background:#fff;border-radius:8px;padding:16px 24px;margin-bottom:16px}.${a('formItem')}{display:flex;gap:16px;margin:12px 0;align-items:center}.${a('formItem')} label{width:140px;color:#55575f}.core-input{border:1px solid #e3e3e4;border-radius:4px;padding:6px 8px;font:inherit;min-width:120px}
.${a('breadcrumb')}{color:#8a8b91;margin-bottom:6px}.${a('footer')}{display:flex;gap:8px;justify-content:flex-end}.empty-page{background:#fff;padding:48px;text-align:center}[aria-busy=true]{opacity:.6}`;
}

const BEHAVIOURS = `
function update() {
  var boxes = document.querySelectorAll('#app tbody input[type=checkbox]');
  var n = 0;
  for (var i = 0; i < boxes.length; i++) { if (boxes[i].checked) n++; var r = boxes[i].closest('tr'); if (r) r.classList.toggle('selected', boxes[i].checked); }
  var c = document.querySelector('#app [aria-live]'); if (c) c.textContent = n ? n + ' selected' : '';
}
document.addEventListener('change', function (e) {
  var el = e.target;
  if (!el || el.type !== 'checkbox') return;
  if (el.closest('thead')) { var all = document.querySelectorAll('#app tbody input[type=checkbox]'); for (var i = 0; i < all.length; i++) all[i].checked = el.checked; }
  update();
});
window.__simConsole.hooks.push(update);`;

function shell(ctx: Ctx, shop: Shop | undefined, title: string, content: string, mk: Markup = 'normal', canonical?: string): string {
  const links = (path: string, extra: Record<string, string> = {}): string => url(`${P}${path}`, { ...sticky(ctx, STICKY), ...extra });
  const region = shop?.region || 'US';
  const ident = shop
    ? `<div class="tts-shop"><span class="tts-shop-avatar">${esc(shop.name.slice(0, 1).toUpperCase())}</span><span class="tts-shop-name">${esc(shop.name)}</span><span class="tts-shop-region">${esc(region)}</span></div>`
    : '';
  const cfg = shop ? jsonScript('__GLOBAL_CONFIG__', { shopId: shop.shopId, shopName: shop.name, shopRegion: region, sellerType: 'LOCAL' }) : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)} | TikTok Shop Seller Center</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${css()}</style>${cfg}</head>
<body class="${mk === 'changed' ? 'tts-v2' : 'tts-v1'}"><header class="tts-header"><div class="tts-logo">TikTok <b>Shop</b> Seller Center</div>${ident}</header>
<div class="tts-layout"><nav class="tts-nav"><a href="${esc(links('/homepage'))}">Home</a><a href="${esc(links('/order'))}">Orders</a><a class="active" href="${esc(links('/product/manage', { tab: 'active', shop_region: region }))}">Manage products</a><a href="${esc(links('/product/create'))}">Add new product</a></nav>
<main id="app">${content}</main></div>
${spaScripts({ root: '#app', prefix: `${P}/`, delay: 300, canonical }, BEHAVIOURS)}
</body></html>`;
}
