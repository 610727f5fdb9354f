// Fake Lazada Seller Center (a single-page app) under /console/lazada.
//
// Evidence (tests/simulator/README.md, "Seller consoles"): /docs/CONSOLES.md — hosts
// sellercenter.lazada.{co.id,com.my,vn,co.th,com.ph,sg}; list /apps/product/list?tab=online_product
// (also tab=all, &pageSize=&current=); product page /apps/product/publish?productId={item_id};
// rows `.product-item-wrap` inside Alibaba Fusion markup. Fusion's own classes are those of the
// public @alifd/next library (alibaba-fusion/next `components/table/base/row.jsx`: `<tr
// className="next-table-row" role="row">` whose cells carry data-next-table-col / -row, in
// `tbody.next-table-body`; next-table-cell(-wrapper), next-checkbox-wrapper/-input,
// next-pagination-item, next-current). Public console scrapers (CONSOLES.md "What later evidence
// says") show the product table's link to the public page as
// `https://www.lazada.co.id/products/i{itemId}.html?spm=…` — `i{itemId}` with no slug and no
// `-s{skuId}`; that is this fake's normal markup, where Edit is a button (no link carries the id).
// `?markup=previous` keeps the shapes this fake had before: slug links
// `…/products/{slug}-i{itemId}-s{skuId}.html` (the form the public pages use elsewhere) and an
// Edit link with productId=.
// Assumptions: the other tab names, the cells' inner class names (product-item-name, sku-stock…),
// the spm value, the header and the `#lzd-seller-config` JSON, ?seller_id= as the sim's stand-in
// for the session, the default tab (online_product, written into the URL with
// history.replaceState), the public-page host per region.
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Item } from '../store.ts';
import { type Markup, esc, intParam, jsonScript, listView, markupOf, money, page, paginate, pagerNumbers, redirectTo, slugify, stockOf, sticky, thumb, url } from './common.ts';
import { resolveShop } from './pages.ts';
import { spaScripts } from './spa.ts';

const P = '/console/lazada';
const STICKY = ['seller_id', 'markup'];
const TABS: { key: string; label: string; pred: (s: string) => boolean }[] = [
  { key: 'all', label: 'All', pred: (s) => s !== 'Deleted' },
  { key: 'online_product', label: 'Active', pred: (s) => s === 'Active' },
  { key: 'inactive_product', label: 'Inactive', pred: (s) => s === 'InActive' },
  { key: 'pending_qc', label: 'Pending QC', pred: (s) => s === 'Pending QC' },
  { key: 'rejected', label: 'Rejected', pred: (s) => s === 'Rejected' },
  { key: 'deleted', label: 'Deleted', pred: (s) => s === 'Deleted' },
];
const HOST: Record<string, string> = { SG: 'www.lazada.sg', MY: 'www.lazada.com.my', ID: 'www.lazada.co.id', TH: 'www.lazada.co.th', VN: 'www.lazada.vn', PH: 'www.lazada.com.ph' };

export function lazadaConsole(ctx: Ctx, sub: string): SimResponse {
  const s = sub.replace(/\/+$/, '') || '/';
  if (s === '/' || s === '/apps/product') return redirectTo(url(`${P}/apps/product/list`, sticky(ctx, STICKY)));
  if (s !== '/apps/product/list' && s !== '/apps/product/publish') {
    return page(404, shell(ctx, undefined, 'Page not found', '<div class="empty-page" data-route="not-found"><h1>Page not found</h1></div>'));
  }
  const shop = resolveShop(ctx, 'lazada', ['seller_id'], (x) => url(`${P}${s}`, { ...Object.fromEntries(ctx.req.query), seller_id: x.shopId }));
  if (!('shopId' in shop)) return shop;
  const links = (path: string, extra: Record<string, string | number | undefined> = {}): string => url(`${P}${path}`, { ...sticky(ctx, STICKY), ...extra });
  if (s === '/apps/product/publish') return productPage(ctx, shop, ctx.req.query.get('productId') ?? '', links);
  return listPage(ctx, shop, links);
}

type Links = (path: string, extra?: Record<string, string | number | undefined>) => string;

/** The link to the public product page: `/products/i{id}.html?spm=…` on the live console, the slug form before. */
function publicUrl(shop: Shop, it: Item, mk: Markup = 'previous'): string {
  const host = HOST[shop.region] ?? HOST.SG;
  if (mk === 'normal' || mk === 'condensed') return `https://${host}/products/i${it.itemId}.html?spm=a1zawe.21036287.product_list.d_${it.itemId}`;
  return `https://${host}/products/${slugify(it.title)}-i${it.itemId}-s${it.variants[0]?.variantId ?? '0'}.html`;
}

function listPage(ctx: Ctx, shop: Shop, links: Links): SimResponse {
  const q = ctx.req.query;
  const tab = TABS.find((t) => t.key === q.get('tab')) ?? TABS[1]!;
  const sizeQ = intParam(q.get('pageSize'), 20, 100);
  const size = [10, 20, 50, 100].includes(sizeQ) ? sizeQ : 20;
  const cur = intParam(q.get('current'), 1);
  const view = listView(shop, `lazada:${tab.key}`, (it) => tab.pred(it.status));
  const pg = paginate(view, cur, size);
  const mk = markupOf(ctx, shop);
  const here = (extra: Record<string, string | number>): string => links('/apps/product/list', { tab: tab.key, pageSize: size, current: cur, ...extra });
  const tabs = TABS.map((t) => {
    const n = listView(shop, `lazada:${t.key}`, (it) => t.pred(it.status)).length;
    return `<a class="next-tabs-tab${t === tab ? ' active' : ''}" href="${esc(links('/apps/product/list', { tab: t.key, pageSize: size, current: 1 }))}"><div class="next-tabs-tab-inner">${esc(t.label)} (${n})</div></a>`;
  }).join('');
  const body = mk === 'changed' ? changedList(shop, pg.items, links) : fusionTable(shop, pg.items, links, mk);
  const nums = pagerNumbers(pg.page, pg.pages)
    .map((p) => (p === null ? '<span class="next-pagination-ellipsis">…</span>' : `<button type="button" class="next-btn next-pagination-item${p === pg.page ? ' next-current' : ''}" data-nav="${esc(here({ current: p }))}">${p}</button>`))
    .join('');
  const pager = `<div class="next-pagination next-medium"><div class="next-pagination-pages"><button type="button" class="next-btn next-pagination-item next-prev"${pg.page > 1 ? ` data-nav="${esc(here({ current: pg.page - 1 }))}"` : ' disabled'}>‹ Previous</button>
<div class="next-pagination-list">${nums}</div><button type="button" class="next-btn next-pagination-item next-next"${pg.page < pg.pages ? ` data-nav="${esc(here({ current: pg.page + 1 }))}"` : ' disabled'}>Next ›</button></div>
<div class="next-pagination-size-selector">${[10, 20, 50, 100].map((n) => `<button type="button" class="next-btn next-pagination-size-selector-btn${n === size ? ' next-current' : ''}" data-nav="${esc(here({ pageSize: n, current: 1 }))}">${n}</button>`).join('')} / page</div>
<span class="next-pagination-total">Total ${pg.total} items</span></div>`;
  const content = `<div class="product-manage-page" data-route="product-list">
<div class="page-title-bar"><h1>Manage Products</h1><a class="next-btn next-btn-primary" href="${esc(links('/apps/product/publish'))}">+ Add Product</a></div>
<div class="next-tabs"><div class="next-tabs-nav">${tabs}</div></div>
<div class="list-toolbar"><span class="selected-count" aria-live="polite"></span></div>
${body}
${pager}</div>`;
  const canonical = here({});
  return page(200, shell(ctx, shop, 'Manage Products', content, mk, canonical));
}

function checkbox(cls = ''): string {
  return `<label class="next-checkbox-wrapper${cls}"><span class="next-checkbox"><span class="next-checkbox-inner"><i class="next-icon next-icon-select"></i></span><input type="checkbox" aria-checked="false" class="next-checkbox-input"></span></label>`;
}
function priceText(shop: Shop, it: Item): string {
  const ps = it.variants.map((v) => v.price);
  const lo = Math.min(...ps);
  const hi = Math.max(...ps);
  return lo === hi ? money(lo, shop.currency) : `${money(lo, shop.currency)} - ${money(hi, shop.currency)}`;
}
const STATUS: Record<string, string> = { Active: 'Active', InActive: 'Inactive', Deleted: 'Deleted', 'Pending QC': 'Pending QC', Rejected: 'Rejected' };

function fusionTable(shop: Shop, items: Item[], links: Links, mk: Markup): string {
  const live = mk !== 'previous';
  const rows = items
    .map((it, i) => {
      const skus = it.variants
        .map((v) => `<div class="sku-stock-item"><span class="sku-name">${esc(v.option || 'Default')}</span><span class="sku-seller-sku">${esc(v.sellerSku)}</span><span class="sku-stock">${stockOf(v)}</span></div>`)
        .join('');
      return `<tr class="next-table-row${i === 0 ? ' first' : ''}${i === items.length - 1 ? ' last' : ''}" role="row">
<td class="next-table-cell next-table-selection first" role="gridcell" data-next-table-col="0" data-next-table-row="${i}"><div class="next-table-cell-wrapper">${checkbox()}</div></td>
<td class="next-table-cell" role="gridcell" data-next-table-col="1" data-next-table-row="${i}"><div class="next-table-cell-wrapper"><div class="product-item-wrap">${thumb(it, 'product-item-img', 64)}<div class="product-item-info">
<a class="product-item-name" target="_blank" rel="noopener" href="${esc(publicUrl(shop, it, mk))}">${esc(it.title)}</a>
<div class="product-item-sku">Seller SKU: ${esc(it.variants.length === 1 ? it.variants[0]!.sellerSku : `${it.variants.length} variations`)}</div></div></div></div></td>
<td class="next-table-cell" role="gridcell"><div class="next-table-cell-wrapper"><span class="product-price">${esc(priceText(shop, it))}</span></div></td>
<td class="next-table-cell" role="gridcell"><div class="next-table-cell-wrapper"><div class="sku-stock-list">${skus}</div></div></td>
<td class="next-table-cell" role="gridcell"><div class="next-table-cell-wrapper"><span class="next-switch${it.status === 'Active' ? ' next-switch-on' : ' next-switch-off'}" role="switch" aria-checked="${it.status === 'Active'}"></span> <span class="product-status">${esc(STATUS[it.status] ?? it.status)}</span></div></td>
<td class="next-table-cell last" role="gridcell"><div class="next-table-cell-wrapper">${
        live
          ? `<button type="button" class="next-btn next-btn-text next-btn-primary product-edit-btn" data-nav="${esc(links('/apps/product/publish', { productId: it.itemId }))}">Edit</button>`
          : `<a class="next-btn next-btn-text next-btn-primary product-edit-link" href="${esc(links('/apps/product/publish', { productId: it.itemId }))}">Edit</a>`
      }</div></td></tr>`;
    })
    .join('\n');
  const empty = items.length ? '' : '<tr class="next-table-empty-row"><td colspan="6"><div class="next-table-empty">No Data</div></td></tr>';
  return `<div class="next-table next-table-medium product-list-table" role="grid"><table role="grid"><colgroup><col style="width:48px"><col><col style="width:160px"><col style="width:280px"><col style="width:140px"><col style="width:90px"></colgroup>
<thead class="next-table-header"><tr><th class="next-table-header-node next-table-selection"><div class="next-table-cell-wrapper">${checkbox(' select-all')}</div></th><th class="next-table-header-node">Product Info</th><th class="next-table-header-node">Price</th><th class="next-table-header-node">Seller SKU / Stock</th><th class="next-table-header-node">Status</th><th class="next-table-header-node">Actions</th></tr></thead>
<tbody class="next-table-body">
${rows}${empty}
</tbody></table></div>`;
}

function changedList(shop: Shop, items: Item[], links: Links): string {
  const cards = items
    .map(
      (it) => `<div class="lzd-product-card"><label class="lzd-check"><input type="checkbox" class="lzd-check-input"></label>${thumb(it, 'lzd-product-thumb', 64)}
<div class="lzd-product-main"><a class="lzd-product-title" target="_blank" rel="noopener" href="${esc(publicUrl(shop, it))}">${esc(it.title)}</a>
<ul class="lzd-sku-list">${it.variants.map((v) => `<li>${esc(v.option || 'Default')} — SellerSku ${esc(v.sellerSku)} — Qty <b>${stockOf(v)}</b></li>`).join('')}</ul></div>
<div class="lzd-product-side">${esc(priceText(shop, it))}<br>${esc(STATUS[it.status] ?? it.status)}<br><a href="${esc(links('/apps/product/publish', { productId: it.itemId }))}">Edit</a></div></div>`,
    )
    .join('\n');
  return `<div class="lzd-product-card-list product-list-table"><div class="lzd-card-list-head"><label class="lzd-check"><input type="checkbox" class="lzd-check-input lzd-check-all"></label> Select all</div>
${cards}${items.length ? '' : '<div class="lzd-empty">No Data</div>'}</div>`;
}

function productPage(ctx: Ctx, shop: Shop, productId: string, links: Links): SimResponse {
  const back = `<div class="breadcrumb"><a href="${esc(links('/apps/product/list', { tab: 'online_product' }))}">Manage Products</a> / Edit Product</div>`;
  const it = /^\d+$/.test(productId) ? shop.items.get(productId) : undefined;
  if (!productId) {
    return page(200, shell(ctx, shop, 'Add Product', `<div class="product-publish-page" data-route="product-publish">${back}<h1>Add Product</h1><p>Fill in the product information.</p></div>`));
  }
  if (!it) {
    return page(404, shell(ctx, shop, 'Product not found', `<div class="product-publish-page" data-route="product-publish">${back}<div class="empty-page"><h1>Product not found</h1><p>The product does not exist or has been deleted.</p></div></div>`));
  }
  const skus = it.variants
    .map(
      (v) => `<tr class="next-table-row"><td class="next-table-cell">${esc(v.option || 'Default')}</td><td class="next-table-cell"><input class="next-input" name="SellerSku" value="${esc(v.sellerSku)}"></td>
<td class="next-table-cell"><input class="next-input" name="quantity" value="${stockOf(v)}"></td><td class="next-table-cell"><input class="next-input" name="price" value="${esc(v.price.toFixed(2))}"></td><td class="next-table-cell sku-id">SkuId: ${esc(v.variantId)}</td></tr>`,
    )
    .join('');
  const content = `<div class="product-publish-page" data-route="product-publish">${back}<h1>Edit Product</h1>
<section class="publish-card"><h2>Basic Information</h2><div class="form-item"><label>Product Name</label><input class="next-input" name="productName" value="${esc(it.title)}"></div>
<div class="form-item"><label>Product ID</label><span class="product-id">${esc(it.itemId)}</span> <span class="product-status">${esc(STATUS[it.status] ?? it.status)}</span></div>
<div class="form-item"><label>View on Lazada</label><a target="_blank" rel="noopener" href="${esc(publicUrl(shop, it))}">${esc(publicUrl(shop, it))}</a></div></section>
<section class="publish-card"><h2>Price, Stock &amp; Variants</h2><div class="next-table"><table><thead><tr><th>Variant</th><th>SellerSKU</th><th>Quantity</th><th>Price</th><th></th></tr></thead><tbody class="next-table-body">${skus}</tbody></table></div></section>
<div class="publish-footer"><a class="next-btn" href="${esc(links('/apps/product/list', { tab: 'online_product' }))}">Cancel</a><button type="button" class="next-btn next-btn-primary">Submit</button></div></div>`;
  return page(200, shell(ctx, shop, 'Edit Product', content));
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.5 "Open Sans",Roboto,Arial,sans-serif;background:#f0f2f5;color:#333}a{color:#1a71ff;text-decoration:none}
.lzd-header{height:56px;background:#fff;display:flex;align-items:center;padding:0 24px;border-bottom:1px solid #e6e6e6;position:sticky;top:0;z-index:5}.lzd-logo{font-weight:800;font-size:20px;color:#0f146d}.lzd-logo span{color:#f57224}
.seller-info{margin-left:auto;text-align:right}.seller-name{font-weight:600}.seller-id{font-size:12px;color:#858b9c}.lzd-layout{display:flex}.lzd-menu{width:208px;background:#fff;min-height:calc(100vh - 56px);padding-top:12px;border-right:1px solid #e6e6e6}
.lzd-menu a{display:block;padding:9px 24px;color:#333}.lzd-menu a.active{background:#eef4ff;color:#1a71ff;border-right:3px solid #1a71ff}#app{flex:1;padding:20px;min-width:0}
.page-title-bar{display:flex;justify-content:space-between;align-items:center}.page-title-bar h1,.product-publish-page h1{font-size:20px;font-weight:600;margin:4px 0 16px}
.next-btn{display:inline-flex;align-items:center;border:1px solid #d9d9d9;background:#fff;border-radius:4px;padding:0 12px;height:32px;color:#333;cursor:pointer;font:inherit}.next-btn-primary{background:#1a71ff;color:#fff;border-color:#1a71ff}.next-btn-text{border:0;background:none;color:#1a71ff;padding:0;height:auto}
.next-tabs{background:#fff;border-radius:8px 8px 0 0;padding:0 16px;border-bottom:1px solid #eee}.next-tabs-nav{display:flex;gap:24px}.next-tabs-tab{padding:12px 0;color:#595959;border-bottom:2px solid transparent}.next-tabs-tab.active{color:#1a71ff;border-color:#1a71ff;font-weight:600}
.list-toolbar{background:#fff;padding:8px 16px;min-height:36px;color:#1a71ff}.product-list-table{background:#fff;padding:0 16px}table{width:100%;border-collapse:collapse}.next-table-header-node{background:#f7f8fa;text-align:left;font-weight:600;color:#595959;padding:10px 8px;font-size:13px}
.next-table-cell{padding:12px 8px;border-bottom:1px solid #f0f0f0;vertical-align:top}.next-table-row.selected{background:#f2f7ff}.product-item-wrap{display:flex;gap:12px}.product-item-name{color:#333;font-weight:600;display:block;margin-bottom:4px}.product-item-sku{color:#858b9c;font-size:12px}
.next-checkbox-input{margin:0}.sku-stock-item{display:flex;gap:10px;font-size:12px;color:#595959;line-height:22px}.sku-name{width:70px;color:#999}.sku-seller-sku{flex:1}.sku-stock{font-weight:600;color:#333}
.next-switch{display:inline-block;width:28px;height:16px;border-radius:8px;background:#ccc;vertical-align:middle;position:relative}.next-switch-on{background:#1a71ff}.next-switch::after{content:"";position:absolute;top:2px;left:2px;width:12px;height:12px;border-radius:50%;background:#fff}.next-switch-on::after{left:14px}
.next-pagination{display:flex;align-items:center;gap:16px;justify-content:flex-end;background:#fff;padding:16px;border-radius:0 0 8px 8px}.next-pagination-pages,.next-pagination-list{display:flex;gap:4px}.next-pagination-item.next-current,.next-pagination-size-selector-btn.next-current{border-color:#1a71ff;color:#1a71ff}
.next-pagination-size-selector{display:flex;gap:4px;align-items:center;color:#666}.next-table-empty,.lzd-empty{text-align:center;padding:40px;color:#999}.breadcrumb{color:#999;margin-bottom:6px}
.publish-card{background:#fff;border-radius:8px;padding:16px 24px;margin-bottom:16px}.publish-card h2{font-size:16px}.form-item{display:flex;gap:16px;margin:12px 0;align-items:center}.form-item label{width:140px;color:#666}.next-input{border:1px solid #d9d9d9;border-radius:4px;padding:6px 8px;font:inherit;min-width:260px}
.publish-card .next-input{min-width:120px}.publish-footer{display:flex;gap:8px;justify-content:flex-end}.lzd-product-card{display:flex;gap:12px;padding:12px 0;border-bottom:1px solid #eee}.lzd-product-main{flex:1}.lzd-sku-list{margin:4px 0;padding-left:16px;font-size:12px;color:#555}.lzd-card-list-head{padding:10px 0;border-bottom:1px solid #eee}
.empty-page{background:#fff;padding:48px;text-align:center}[aria-busy=true]{opacity:.6}`;

const BEHAVIOURS = `
function update() {
  var boxes = document.querySelectorAll('#app tbody input[type=checkbox], #app .lzd-product-card input[type=checkbox]');
  var n = 0;
  for (var i = 0; i < boxes.length; i++) {
    var on = boxes[i].checked; if (on) n++;
    boxes[i].setAttribute('aria-checked', String(on));
    var row = boxes[i].closest('tr'); if (row) row.classList.toggle('selected', on);
    var w = boxes[i].closest('.next-checkbox-wrapper'); if (w) w.classList.toggle('checked', on);
  }
  var c = document.querySelector('.selected-count'); if (c) c.textContent = n ? n + ' product(s) selected' : '';
}
document.addEventListener('change', function (e) {
  var el = e.target;
  if (!el || el.type !== 'checkbox') return;
  if (el.closest('thead') || el.classList.contains('lzd-check-all')) {
    var all = document.querySelectorAll('#app tbody input[type=checkbox], #app .lzd-product-card input[type=checkbox]');
    for (var i = 0; i < all.length; i++) all[i].checked = el.checked;
  }
  update();
});
window.__simConsole.hooks.push(update);`;

function shell(ctx: Ctx, shop: Shop | undefined, title: string, content: string, mk: Markup = 'normal', canonical?: string): string {
  const links = (path: string, extra: Record<string, string> = {}): string => url(`${P}${path}`, { ...sticky(ctx, STICKY), ...extra });
  const ident = shop ? `<div class="seller-info"><div class="seller-name">${esc(shop.name)}</div><div class="seller-id">Seller ID: ${esc(shop.sellerId || shop.shopId)}</div></div>` : '';
  const cfg = shop ? jsonScript('lzd-seller-config', { sellerId: shop.sellerId || shop.shopId, shopName: shop.name, country: shop.region || 'SG', currency: shop.currency }) : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)} - Lazada Seller Center</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style>${cfg}</head>
<body class="${mk === 'changed' ? 'asc-v2' : 'asc-v1'}"><header class="lzd-header"><div class="lzd-logo">Lazada <span>Seller Center</span></div>${ident}</header>
<div class="lzd-layout"><nav class="lzd-menu"><a href="${esc(links('/apps/home'))}">Home</a><a class="active" href="${esc(links('/apps/product/list', { tab: 'online_product' }))}">Manage Products</a><a href="${esc(links('/apps/product/publish'))}">Add Products</a><a href="${esc(links('/apps/order/list'))}">Orders</a></nav>
<main id="app">${content}</main></div>
${spaScripts({ root: '#app', prefix: `${P}/`, delay: 300, canonical }, BEHAVIOURS)}
</body></html>`;
}
