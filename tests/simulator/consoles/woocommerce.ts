// Fake WooCommerce products screen in wp-admin under /console/woocommerce/{siteId}. NOT a
// single-page app: every list page, filter and pager link is a full page load, as in WordPress.
//
// Evidence (tests/simulator/README.md, "Seller consoles"): /docs/CONSOLES.md; WordPress
// `wp-admin/includes/class-wp-posts-list-table.php` (single_row: `<tr id="post-{ID}" class="iedit
// author-self level-0 post-{ID} type-product status-{status} …">`; column_cb: `<th scope="row"
// class="check-column">` with `<input id="cb-select-{ID}" type="checkbox" name="post[]"
// value="{ID}">`; cells `<td class="{col} column-{col}" data-colname>`; hidden `#inline_{ID}` data
// from get_inline_data(); row actions with the Quick Edit `button.editinline`; `tbody#the-list`;
// `.tablenav-pages` with `.displaying-num`, `#current-page-selector`, first/prev/next/last links,
// 20 per page, `paged` beyond the last page redirected to the last one); WooCommerce
// `includes/admin/list-tables/class-wc-admin-list-table-products.php` (columns cb, thumb, name,
// sku, is_in_stock, price, product_cat, product_tag, featured, date; `td.column-sku` with the SKU or
// `<span class="na">&ndash;</span>`; `mark.instock|outofstock|onbackorder` + " (qty)" when stock is
// managed; hidden `div#woocommerce_inline_{ID}` with .sku .regular_price .stock_status .stock
// .manage_stock .product_type …; row action `span.id` "ID: {ID}"); WooCommerce
// `includes/admin/views/html-quick-edit-product.php` (Quick Edit fields _sku, _regular_price,
// _stock) and WordPress inline-edit-post.js behaviour: Quick Edit hides `#post-{ID}`, inserts
// `<tr class="hidden">` and a clone of `#inline-edit` as `#edit-{ID}` after it; Cancel removes
// them and shows the same row again; Update posts action=inline-save to admin-ajax.php and
// REPLACES `#post-{ID}` with the returned row (a new element: decorations on the old row are
// gone). Admin globals `ajaxurl`, `pagenow`, `typenow` and `wpApiSettings.root` are WordPress's.
// Current WooCommerce (same file, 2025) adds the GTIN column `global_unique_id` ("GTIN, UPC, EAN,
// or ISBN") after SKU, a Cost column `cogs_value` when cost of goods is on, and
// `.global_unique_id` / `.cogs_value` in the inline data; the SKU column exists only when SKUs are
// enabled and the stock column only when stock management is on — the normal markup here is that
// version (with COGS on); `?markup=previous` the columns of older versions (no GTIN, no cost).
// A site may be installed under a sub-directory (this fake always is: /woocommerce/{siteId}) or
// reached with `www.`: nothing in the list table depends on it, so the row anchors are the same.
// Assumptions: the admin chrome is abridged; the edit screen (post.php) shows the classic product
// data fields but does not save (Quick Edit does); the "changed" markup hides the SKU and stock
// columns (as Screen Options can) and reorders columns — the core anchors stay, as they do in
// real WordPress.
import type { Ctx, SimResponse } from '../http.ts';
import { formParams } from '../http.ts';
import { patchItem } from '../shops.ts';
import type { Shop } from '../state.ts';
import type { Item, Variant } from '../store.ts';
import { type Markup, esc, intParam, listView, markupOf, page, paginate, redirectTo, safeJson, slugify, stockOf, sticky, thumb, url } from './common.ts';
import { shopByPath } from './pages.ts';

const PER_PAGE = 20;
const STICKY = ['markup'];
const VIEWS: { key: string; label: string; pred: (s: string) => boolean }[] = [
  { key: 'all', label: 'All', pred: (s) => s !== 'trash' },
  { key: 'publish', label: 'Published', pred: (s) => s === 'publish' },
  { key: 'draft', label: 'Drafts', pred: (s) => s === 'draft' },
  { key: 'pending', label: 'Pending', pred: (s) => s === 'pending' },
  { key: 'private', label: 'Private', pred: (s) => s === 'private' },
  { key: 'future', label: 'Scheduled', pred: (s) => s === 'future' },
  { key: 'trash', label: 'Trash', pred: (s) => s === 'trash' },
];
const STATUS_LABEL: Record<string, string> = { publish: 'Published', draft: 'Draft', pending: 'Pending Review', private: 'Private', future: 'Scheduled', trash: 'Trash' };

export function wooConsole(ctx: Ctx, sub: string): SimResponse {
  const m = /^\/([^/]+)(\/.*)?$/.exec(sub);
  if (!m) return wpDie(404, 'Page not found.');
  let siteId: string;
  try {
    siteId = decodeURIComponent(m[1]!);
  } catch {
    siteId = m[1]!;
  }
  const shop = shopByPath(ctx, 'woocommerce', (s) => s.shopId === siteId, siteId);
  if (!('shopId' in shop)) return shop;
  const admin = `/console/woocommerce/${encodeURIComponent(siteId)}/wp-admin`;
  const links = (file: string, params: Record<string, string | number | undefined> = {}): string => url(`${admin}/${file}`, { ...params, ...sticky(ctx, STICKY) });
  const rest = (m[2] ?? '').replace(/\/+$/, '');
  const w = new WooPages(ctx, shop, admin, links, markupOf(ctx, shop));
  if (rest === '' || rest === '/wp-admin' || rest === '/wp-admin/index.php') return redirectTo(links('edit.php', { post_type: 'product' }));
  if (rest === '/wp-admin/admin-ajax.php') return w.ajax();
  if (ctx.req.method === 'POST') return { status: 405, body: 'Method Not Allowed', contentType: 'text/plain', headers: { allow: 'GET, HEAD' } };
  if (rest === '/wp-admin/edit.php') return w.list();
  if (rest === '/wp-admin/post.php') return w.edit();
  return wpDie(404, 'Sorry, you are not allowed to access this page.');
}

function wpDie(status: number, message: string): SimResponse {
  return page(status, `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>WordPress &rsaquo; Error</title><style>body{background:#f1f1f1;font:14px -apple-system,sans-serif}#error-page{background:#fff;max-width:700px;margin:50px auto;padding:1em 2em;box-shadow:0 1px 1px rgba(0,0,0,.04)}</style></head><body id="error-page"><div class="wp-die-message">${esc(message)}</div></body></html>`);
}

type Links = (file: string, params?: Record<string, string | number | undefined>) => string;

function wpDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} at ${((h + 11) % 12) + 1}:${pad(d.getUTCMinutes())} ${h < 12 ? 'am' : 'pm'}`;
}

class WooPages {
  constructor(
    readonly ctx: Ctx,
    readonly shop: Shop,
    readonly admin: string,
    readonly links: Links,
    readonly mk: Markup,
  ) {}

  get siteUrl(): string {
    return `${this.ctx.state.baseUrl}/woocommerce/${this.shop.shopId}`;
  }
  managed(v: Variant): boolean {
    return v.manageStock ?? true;
  }
  stockStatus(v: Variant): 'instock' | 'outofstock' {
    return !this.managed(v) || stockOf(v) > 0 ? 'instock' : 'outofstock';
  }
  amount(n: number): string {
    return `<span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">$</span>${n.toFixed(2)}</bdi></span>`;
  }
  editLink(id: string): string {
    return this.links('post.php', { post: id, action: 'edit' });
  }

  // ---- edit.php?post_type=product ----
  list(): SimResponse {
    const q = this.ctx.req.query;
    if (q.get('post_type') !== 'product') return wpDie(404, 'This simulator serves the products screen only (edit.php?post_type=product).');
    const view = VIEWS.find((v) => v.key === q.get('post_status')) ?? VIEWS[0]!;
    const vw = listView(this.shop, `woo:${view.key}`, (it) => view.pred(it.status));
    const pages = Math.max(1, Math.ceil(vw.length / PER_PAGE));
    const paged = intParam(q.get('paged'), 1);
    const status = view.key === 'all' ? undefined : view.key;
    if (paged > pages && vw.length > 0) return redirectTo(this.links('edit.php', { post_status: status, post_type: 'product', paged: pages }));
    const pg = paginate(vw, paged, PER_PAGE);
    const pageLink = (p: number): string => this.links('edit.php', { post_status: status, post_type: 'product', paged: p > 1 ? p : undefined });
    const views = VIEWS.map((v) => ({ v, n: listView(this.shop, `woo:${v.key}`, (it) => v.pred(it.status)).length }))
      .filter(({ v, n }) => v.key === 'all' || n > 0)
      .map(({ v, n }) => `<li class="${v.key}"><a href="${esc(this.links('edit.php', { post_status: v.key === 'all' ? undefined : v.key, post_type: 'product' }))}"${v === view ? ' class="current" aria-current="page"' : ''}>${esc(v.label)} <span class="count">(${n})</span></a>`)
      .join(' |</li>\n');
    const nav = (which: 'top' | 'bottom'): string => {
      const btn = (cls: string, p: number, sym: string, label: string, enabled: boolean): string =>
        enabled ? `<a class="${cls} button" href="${esc(pageLink(p))}"><span class="screen-reader-text">${label}</span><span aria-hidden="true">${sym}</span></a>` : `<span class="tablenav-pages-navspan button disabled" aria-hidden="true">${sym}</span>`;
      const input =
        which === 'top'
          ? `<label for="current-page-selector" class="screen-reader-text">Current Page</label><input class="current-page" id="current-page-selector" type="text" name="paged" value="${pg.page}" size="${String(pages).length}" aria-describedby="table-paging"><span class="tablenav-paging-text"> of <span class="total-pages">${pages}</span></span>`
          : `<span id="table-paging" class="paging-input"><span class="tablenav-paging-text">${pg.page} of <span class="total-pages">${pages}</span></span></span>`;
      return `<div class="tablenav ${which}">
<div class="alignleft actions bulkactions"><label for="bulk-action-selector-${which}" class="screen-reader-text">Select bulk action</label><select name="action${which === 'bottom' ? '2' : ''}" id="bulk-action-selector-${which}"><option value="-1">Bulk actions</option><option value="edit" class="hide-if-no-js">Edit</option><option value="trash">Move to Trash</option></select><input type="submit" id="doaction${which === 'bottom' ? '2' : ''}" class="button action" value="Apply"></div>
<div class="tablenav-pages${pages <= 1 ? ' one-page' : ''}"><span class="displaying-num">${vw.length} item${vw.length === 1 ? '' : 's'}</span>
<span class="pagination-links">${btn('first-page', 1, '«', 'First page', pg.page > 2)} ${btn('prev-page', pg.page - 1, '‹', 'Previous page', pg.page > 1)} <span class="paging-input">${input}</span> ${btn('next-page', pg.page + 1, '›', 'Next page', pg.page < pages)} ${btn('last-page', pages, '»', 'Last page', pg.page < pages - 1)}</span></div>
<br class="clear"></div>`;
    };
    const cols = this.columns();
    const head = (foot: boolean): string =>
      `<tr>${cols
        .map((c) =>
          c.key === 'cb'
            ? `<td id="${foot ? '' : 'cb'}" class="manage-column column-cb check-column"><input id="cb-select-all-${foot ? 2 : 1}" type="checkbox"><label for="cb-select-all-${foot ? 2 : 1}"><span class="screen-reader-text">Select All</span></label></td>`
            : `<th scope="col"${foot ? '' : ` id="${c.key}"`} class="manage-column column-${c.key}${c.key === 'name' ? ' column-primary' : ''}${c.hidden ? ' hidden' : ''}">${c.label}</th>`,
        )
        .join('')}</tr>`;
    const rows = pg.items.length ? pg.items.map((it) => this.row(it)).join('\n') : `<tr class="no-items"><td class="colspanchange" colspan="${cols.length}">No products found</td></tr>`;
    const content = `<div class="wrap"><h1 class="wp-heading-inline">Products</h1>
<a href="${esc(this.links('post-new.php', { post_type: 'product' }))}" class="page-title-action">Add New Product</a> <a href="${esc(this.links('edit.php', { post_type: 'product', page: 'product_importer' }))}" class="page-title-action">Import</a> <a href="${esc(this.links('edit.php', { post_type: 'product', page: 'product_exporter' }))}" class="page-title-action">Export</a>
<hr class="wp-header-end">
<h2 class="screen-reader-text">Filter products list</h2><ul class="subsubsub">
${views}</li>
</ul>
<form id="posts-filter" method="get" action="${esc(`${this.admin}/edit.php`)}">
<p class="search-box"><label class="screen-reader-text" for="post-search-input">Search products:</label><input type="search" id="post-search-input" name="s" value=""><input type="submit" id="search-submit" class="button" value="Search products"></p>
<input type="hidden" name="post_status" class="post_status_page" value="${esc(view.key)}"><input type="hidden" name="post_type" class="post_type_page" value="product">
${nav('top')}
<h2 class="screen-reader-text">Products list</h2><table class="wp-list-table widefat fixed striped table-view-list posts">
<thead>${head(false)}</thead>
<tbody id="the-list" data-wp-lists="list:post">
${rows}
</tbody>
<tfoot>${head(true)}</tfoot>
</table>
${nav('bottom')}
</form>
${this.inlineEditTemplate(cols.length)}
<div id="ajax-response"></div><div class="clear"></div></div>`;
    return page(200, this.chrome('Products', content, 'edit-php'));
  }

  columns(): { key: string; label: string; hidden?: boolean }[] {
    const all: Record<string, string> = {
      cb: '',
      thumb: '<span class="wc-image tips" data-tip="Image">Image</span>',
      name: '<a href="#"><span>Name</span></a>',
      sku: '<a href="#"><span>SKU</span></a>',
      is_in_stock: 'Stock',
      price: '<a href="#"><span>Price</span></a>',
      product_cat: 'Categories',
      product_tag: 'Tags',
      featured: '<span class="wc-featured parent-tips" data-tip="Featured">Featured</span>',
      date: '<a href="#"><span>Date</span></a>',
      global_unique_id: '<a href="#"><span>GTIN, UPC, EAN, or ISBN</span></a>',
      cogs_value: 'Cost',
    };
    const order =
      this.mk === 'changed'
        ? ['cb', 'name', 'price', 'global_unique_id', 'date', 'thumb', 'sku', 'is_in_stock', 'product_cat']
        : this.mk === 'previous'
          ? ['cb', 'thumb', 'name', 'sku', 'is_in_stock', 'price', 'product_cat', 'product_tag', 'featured', 'date']
          : ['cb', 'thumb', 'name', 'sku', 'global_unique_id', 'is_in_stock', 'price', 'cogs_value', 'product_cat', 'product_tag', 'featured', 'date'];
    return order.map((k) => ({ key: k, label: all[k]!, hidden: this.mk === 'changed' && (k === 'sku' || k === 'is_in_stock') }));
  }

  /** One list-table row (also the answer of Quick Edit's inline-save). */
  row(it: Item): string {
    const id = esc(it.itemId);
    const variable = it.hasVariants;
    const single = variable ? undefined : it.variants[0];
    const managed = single ? this.managed(single) : false;
    const inStock = single ? this.stockStatus(single) === 'instock' : it.variants.some((v) => this.stockStatus(v) === 'instock');
    const title = esc(it.title);
    const edit = esc(this.editLink(it.itemId));
    const prices = it.variants.map((v) => v.price);
    const lo = Math.min(...prices);
    const hi = Math.max(...prices);
    // A GTIN-13 shaped number for simple products (variable ones keep theirs on the variations),
    // and a cost of goods at 60 % of the lowest price: digits that must never be read as an id.
    const gtin = single ? `89${it.itemId.replace(/\D/g, '').padStart(11, '0').slice(-11)}` : '';
    const cost = (lo * 0.6).toFixed(2);
    const cells: Record<string, string> = {
      thumb: `<a href="${edit}">${thumb(it, 'attachment-thumbnail size-thumbnail', 40)}</a>`,
      name: `<strong><a class="row-title" href="${edit}" aria-label="“${title}” (Edit)">${title}</a>${it.status !== 'publish' ? ` — <span class="post-state">${esc(STATUS_LABEL[it.status] ?? it.status)}</span>` : ''}</strong>
<div class="hidden" id="inline_${id}"><div class="post_title">${title}</div><div class="post_name">${esc(slugify(it.title))}</div><div class="post_author">1</div><div class="comment_status">open</div><div class="ping_status">closed</div><div class="_status">${esc(it.status)}</div><div class="menu_order">0</div><div class="sticky"></div></div>
<div class="hidden" id="woocommerce_inline_${id}"><div class="menu_order">0</div><div class="sku">${esc(single?.sellerSku ?? '')}</div><div class="regular_price">${single ? esc(single.price.toFixed(2)) : ''}</div><div class="sale_price"></div><div class="weight"></div><div class="length"></div><div class="width"></div><div class="height"></div><div class="shipping_class"></div><div class="visibility">visible</div><div class="stock_status">${inStock ? 'instock' : 'outofstock'}</div><div class="stock">${single && managed ? stockOf(single) : ''}</div><div class="manage_stock">${managed ? 'yes' : 'no'}</div><div class="featured">no</div><div class="product_type">${variable ? 'variable' : 'simple'}</div><div class="product_is_virtual">no</div><div class="tax_status">taxable</div><div class="tax_class"></div><div class="backorders">no</div>${this.mk === 'previous' ? '' : `<div class="global_unique_id">${esc(gtin)}</div><div class="low_stock_amount"></div><div class="cogs_value">${esc(cost)}</div>`}</div>
<div class="row-actions"><span class="id">ID: ${id} | </span><span class="edit"><a href="${edit}" aria-label="Edit “${title}”">Edit</a> | </span><span class="inline hide-if-no-js"><button type="button" class="button-link editinline" aria-label="Quick edit “${title}” inline" aria-expanded="false">Quick&nbsp;Edit</button> | </span><span class="trash"><a href="${esc(this.links('post.php', { post: it.itemId, action: 'trash' }))}" class="submitdelete" aria-label="Move “${title}” to the Trash">Trash</a> | </span><span class="view"><a href="${esc(`${this.siteUrl}/product/${it.itemId}/`)}" rel="bookmark" aria-label="View “${title}”">View</a></span></div><button type="button" class="toggle-row"><span class="screen-reader-text">Show more details</span></button>`,
      sku: single?.sellerSku ? esc(single.sellerSku) : '<span class="na">&ndash;</span>',
      is_in_stock: `<mark class="${inStock ? 'instock' : 'outofstock'}">${inStock ? 'In stock' : 'Out of stock'}</mark>${single && managed ? ` (${stockOf(single)})` : ''}`,
      price: lo === hi ? this.amount(lo) : `${this.amount(lo)} &ndash; ${this.amount(hi)}`,
      product_cat: `<a href="${esc(this.links('edit.php', { product_cat: 'uncategorized', post_type: 'product' }))}">Uncategorized</a>`,
      product_tag: '<span class="na">&ndash;</span>',
      featured: '<a href="#" aria-label="Toggle featured"><span class="wc-featured not-featured tips" data-tip="No">No</span></a>',
      date: `${esc(STATUS_LABEL[it.status] ?? 'Last Modified')}<br>${esc(wpDate(it.createdAt))}`,
      global_unique_id: gtin ? esc(gtin) : '<span class="na">&ndash;</span>',
      cogs_value: this.amount(Number(cost)),
    };
    const labels: Record<string, string> = { thumb: 'Image', name: 'Name', sku: 'SKU', is_in_stock: 'Stock', price: 'Price', product_cat: 'Categories', product_tag: 'Tags', featured: 'Featured', date: 'Date', global_unique_id: 'GTIN, UPC, EAN, or ISBN', cogs_value: 'Cost' };
    const tds = this.columns()
      .map((c) =>
        c.key === 'cb'
          ? `<th scope="row" class="check-column"><label class="label-covers-full-cell" for="cb-select-${id}"><span class="screen-reader-text">Select ${title}</span></label><input id="cb-select-${id}" type="checkbox" name="post[]" value="${id}"><div class="locked-indicator"><span class="locked-indicator-icon" aria-hidden="true"></span><span class="screen-reader-text">“${title}” is locked</span></div></th>`
          : `<td class="${c.key} column-${c.key}${c.key === 'name' ? ' has-row-actions column-primary' : ''}${c.hidden ? ' hidden' : ''}" data-colname="${labels[c.key]}">${cells[c.key]}</td>`,
      )
      .join('');
    return `<tr id="post-${id}" class="iedit author-self level-0 post-${id} type-product status-${esc(it.status)} hentry product_cat-uncategorized ${inStock ? 'instock' : 'outofstock'} ${variable ? 'product-type-variable' : 'product-type-simple'} taxable shipping-taxable purchasable">${tds}</tr>`;
  }

  inlineEditTemplate(colspan: number): string {
    const statuses = ['publish', 'pending', 'draft', 'private'].map((s) => `<option value="${s}">${esc(STATUS_LABEL[s]!)}</option>`).join('');
    return `<form method="get" action=""><table style="display: none"><tbody id="inlineedit">
<tr id="inline-edit" class="inline-edit-row inline-edit-row-post quick-edit-row quick-edit-row-post inline-edit-product" style="display: none"><td colspan="${colspan}" class="colspanchange">
<div class="inline-edit-wrapper" role="region" aria-labelledby="quick-edit-legend"><fieldset class="inline-edit-col-left"><legend class="inline-edit-legend" id="quick-edit-legend">Quick Edit</legend><div class="inline-edit-col">
<label><span class="title">Title</span><span class="input-text-wrap"><input type="text" name="post_title" class="ptitle" value=""></span></label>
<label><span class="title">Slug</span><span class="input-text-wrap"><input type="text" name="post_name" value="" autocomplete="off" spellcheck="false"></span></label>
<div class="inline-edit-group wp-clearfix"><label class="inline-edit-status alignleft"><span class="title">Status</span><select name="_status">${statuses}</select></label></div></div></fieldset>
<fieldset class="inline-edit-col-right"><div id="woocommerce-fields" class="inline-edit-col"><h4>Product data</h4>
<label class="sku_field"><span class="title">SKU</span><span class="input-text-wrap"><input type="text" name="_sku" class="text sku" value=""></span></label><br class="clear">
<div class="price_fields"><label><span class="title">Price</span><span class="input-text-wrap"><input type="text" name="_regular_price" class="text wc_input_price regular_price" placeholder="Regular price" value=""></span></label><br class="clear"></div>
<div class="stock_qty_field"><label><span class="title">Stock qty</span><span class="input-text-wrap"><input type="number" name="_stock" class="text stock" step="any" value=""></span></label></div>
<input type="hidden" name="woocommerce_quick_edit" value="1"></div></fieldset>
<div class="submit inline-edit-save"><button type="button" class="button button-primary save">Update</button> <button type="button" class="button cancel">Cancel</button> <span class="spinner"></span>
<input type="hidden" name="_inline_edit" value="sim-nonce"><input type="hidden" name="post_view" value="list"><input type="hidden" name="screen" value="edit-product">
<div class="notice notice-error notice-alt inline hidden"><p class="error"></p></div></div></div></td></tr>
</tbody></table></form>`;
  }

  // ---- post.php?post=ID&action=edit ----
  edit(): SimResponse {
    const q = this.ctx.req.query;
    const id = q.get('post') ?? '';
    if (q.get('action') !== 'edit') return wpDie(400, 'The simulator only shows the edit screen (action=edit); use Quick Edit or the control API to change products.');
    const it = /^\d+$/.test(id) ? this.shop.items.get(id) : undefined;
    if (!it) return wpDie(404, 'You attempted to edit an item that doesn’t exist. Perhaps it was deleted?');
    const single = it.hasVariants ? undefined : it.variants[0];
    const data = single
      ? `<div id="general_product_data" class="panel woocommerce_options_panel"><p class="form-field _regular_price_field"><label for="_regular_price">Regular price ($)</label><input type="text" class="short wc_input_price" name="_regular_price" id="_regular_price" value="${esc(single.price.toFixed(2))}"></p></div>
<div id="inventory_product_data" class="panel woocommerce_options_panel"><p class="form-field _sku_field"><label for="_sku"><abbr title="Stock Keeping Unit">SKU</abbr></label><input type="text" class="short" name="_sku" id="_sku" value="${esc(single.sellerSku)}"></p>
<p class="form-field _manage_stock_field"><label for="_manage_stock">Stock management</label><input type="checkbox" class="checkbox" name="_manage_stock" id="_manage_stock" value="yes"${this.managed(single) ? ' checked' : ''}> Track stock quantity for this product</p>
<p class="form-field _stock_field"><label for="_stock">Quantity</label><input type="number" class="short wc_input_stock" name="_stock" id="_stock" value="${this.managed(single) ? stockOf(single) : ''}" step="any"></p></div>`
      : `<div id="variable_product_options" class="panel wc-metaboxes-wrapper"><div class="woocommerce_variations wc-metaboxes">${it.variants
          .map(
            (v, i) => `<div class="woocommerce_variation wc-metabox"><h3><strong>#${esc(v.variantId)}</strong> ${esc(v.option || 'Any')}</h3><input type="hidden" name="variable_post_id[${i}]" value="${esc(v.variantId)}">
<p class="form-row"><label>SKU</label><input type="text" name="variable_sku[${i}]" value="${esc(v.sellerSku)}"></p><p class="form-row"><label>Regular price ($)</label><input type="text" name="variable_regular_price[${i}]" class="wc_input_price" value="${esc(v.price.toFixed(2))}"></p>
<p class="form-row"><label>Stock quantity</label><input type="number" name="variable_stock[${i}]" value="${this.managed(v) ? stockOf(v) : ''}" step="any"></p></div>`,
          )
          .join('')}</div></div>`;
    const content = `<div class="wrap"><h1 class="wp-heading-inline">Edit product</h1> <a href="${esc(this.links('post-new.php', { post_type: 'product' }))}" class="page-title-action">Add New Product</a><hr class="wp-header-end">
<form name="post" action="${esc(`${this.admin}/post.php`)}" method="post" id="post"><input type="hidden" id="post_ID" name="post_ID" value="${esc(it.itemId)}"><input type="hidden" id="original_post_status" name="original_post_status" value="${esc(it.status)}"><input type="hidden" id="post_type" name="post_type" value="product">
<div id="poststuff"><div id="post-body" class="metabox-holder columns-2"><div id="post-body-content"><div id="titlediv"><div id="titlewrap"><label class="screen-reader-text" id="title-prompt-text" for="title">Product name</label><input type="text" name="post_title" size="30" value="${esc(it.title)}" id="title" spellcheck="true" autocomplete="off"></div>
<div class="inside"><div id="edit-slug-box">Permalink: <a href="${esc(`${this.siteUrl}/product/${it.itemId}/`)}">${esc(`${this.siteUrl}/product/${it.itemId}/`)}</a></div></div></div>
<div id="postdivrich" class="postarea"><textarea class="wp-editor-area" name="content" id="content" rows="8">${esc(it.description)}</textarea></div></div>
<div id="postbox-container-1" class="postbox-container"><div id="submitdiv" class="postbox"><div class="postbox-header"><h2 class="hndle">Publish</h2></div><div class="inside"><div class="misc-pub-section misc-pub-post-status">Status: <span id="post-status-display">${esc(STATUS_LABEL[it.status] ?? it.status)}</span></div>
<div id="major-publishing-actions"><a class="submitdelete deletion" href="${esc(this.links('post.php', { post: it.itemId, action: 'trash' }))}">Move to Trash</a> <input type="button" name="save" id="publish" class="button button-primary button-large" value="Update"></div></div></div></div>
<div id="postbox-container-2" class="postbox-container"><div id="woocommerce-product-data" class="postbox"><div class="postbox-header"><h2 class="hndle">Product data — <select id="product-type" name="product-type"><option value="simple"${single ? ' selected' : ''}>Simple product</option><option value="variable"${single ? '' : ' selected'}>Variable product</option></select></h2></div>
<div class="inside"><div class="panel-wrap product_data">${data}</div></div></div></div></div></div></form></div>`;
    return page(200, this.chrome(`Edit product “${it.title}”`, content, 'post-php'));
  }

  // ---- admin-ajax.php (Quick Edit save) ----
  ajax(): SimResponse {
    const text = (status: number, body: string): SimResponse => ({ status, body, contentType: 'text/html; charset=UTF-8', headers: { 'cache-control': 'no-store' } });
    if (this.ctx.req.method !== 'POST') return text(400, '0');
    const f = formParams(this.ctx.req) ?? new URLSearchParams();
    if (f.get('action') !== 'inline-save') return text(400, '0');
    const id = f.get('post_ID') ?? '';
    const it = /^\d+$/.test(id) ? this.shop.items.get(id) : undefined;
    if (!it) return text(200, 'Sorry, you are not allowed to edit this item.');
    const body: Record<string, unknown> = {};
    const title = (f.get('post_title') ?? '').trim();
    if (title) body.title = title;
    const st = f.get('_status');
    if (st && ['publish', 'pending', 'draft', 'private'].includes(st)) body.status = st;
    const single = it.hasVariants ? undefined : it.variants[0];
    if (single) {
      const vp: Record<string, unknown> = { variantId: single.variantId };
      const sku = f.get('_sku');
      // WooCommerce's quick edit keeps the old SKU when the new one is used by another product.
      if (sku !== null && sku !== single.sellerSku && !this.shop.items.bySku(sku).some((r) => r.variant !== single)) vp.sellerSku = sku;
      const price = f.get('_regular_price');
      if (price && /^\d+(\.\d+)?$/.test(price.trim())) vp.price = Number(price.trim());
      const stock = f.get('_stock');
      if (stock && /^-?\d+(\.0+)?$/.test(stock.trim()) && this.managed(single)) vp.stock = Math.trunc(Number(stock.trim()));
      if (Object.keys(vp).length > 1) body.variants = [vp];
    }
    const err = patchItem(this.ctx.state, this.shop, it, body);
    if (err) return text(200, err);
    return text(200, this.row(it));
  }

  chrome(title: string, content: string, adminpage: string): string {
    const globals = `var ajaxurl = ${safeJson(`${this.admin}/admin-ajax.php`)},\n\tpagenow = ${safeJson(adminpage === 'edit-php' ? 'edit-product' : 'product')},\n\ttypenow = 'product',\n\tadminpage = ${safeJson(adminpage)},\n\tthousandsSeparator = ',',\n\tdecimalPoint = '.',\n\tisRtl = 0;`;
    const api = `var wpApiSettings = ${safeJson({ root: `${this.siteUrl}/wp-json/`, nonce: 'sim-nonce', versionString: 'wp/v2/' })};`;
    const bodyClass = `wp-admin wp-core-ui no-js ${adminpage} post-type-product branch-6-8 version-6-8 admin-color-fresh locale-en-us${this.mk === 'changed' ? ' woocommerce-admin-page sim-markup-changed' : ''}`;
    return `<!DOCTYPE html><html class="wp-toolbar" lang="en-US"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="icon" href="data:,"><title>${esc(title)} ‹ ${esc(this.shop.name)} — WordPress</title>
<script type="text/javascript">${globals}</script>
<script id="wp-api-request-js-extra">${api}</script>
<style>${CSS}</style></head>
<body class="${bodyClass}"><script type="text/javascript">document.body.className = document.body.className.replace('no-js','js');</script>
<div id="wpwrap"><div id="adminmenumain" role="navigation" aria-label="Main menu"><div id="adminmenuback"></div><div id="adminmenuwrap"><ul id="adminmenu">
<li class="wp-first-item menu-top" id="menu-dashboard"><a class="menu-top" href="${esc(this.links('index.php'))}"><div class="wp-menu-name">Dashboard</div></a></li>
<li class="menu-top" id="menu-posts"><a class="menu-top" href="${esc(this.links('edit.php'))}"><div class="wp-menu-name">Posts</div></a></li>
<li class="menu-top" id="toplevel_page_woocommerce"><a class="menu-top" href="${esc(this.links('admin.php', { page: 'wc-admin' }))}"><div class="wp-menu-name">WooCommerce</div></a></li>
<li class="wp-has-submenu wp-has-current-submenu wp-menu-open menu-top" id="menu-posts-product"><a class="wp-has-submenu wp-has-current-submenu wp-menu-open menu-top" href="${esc(this.links('edit.php', { post_type: 'product' }))}"><div class="wp-menu-name">Products</div></a>
<ul class="wp-submenu wp-submenu-wrap"><li class="wp-first-item${adminpage === 'edit-php' ? ' current' : ''}"><a href="${esc(this.links('edit.php', { post_type: 'product' }))}">All Products</a></li><li><a href="${esc(this.links('post-new.php', { post_type: 'product' }))}">Add New Product</a></li><li><a href="${esc(this.links('edit-tags.php', { taxonomy: 'product_cat', post_type: 'product' }))}">Categories</a></li></ul></li>
</ul></div></div>
<div id="wpcontent"><div id="wpadminbar" class="nojq"><div class="quicklinks" id="wp-toolbar" role="navigation" aria-label="Toolbar"><ul id="wp-admin-bar-root-default" class="ab-top-menu"><li id="wp-admin-bar-wp-logo" class="menupop"><a class="ab-item" href="${esc(this.links('about.php'))}"><span class="ab-icon" aria-hidden="true">W</span></a></li>
<li id="wp-admin-bar-site-name" class="menupop"><a class="ab-item" aria-haspopup="true" href="${esc(`${this.siteUrl}/`)}">${esc(this.shop.name)}</a></li></ul>
<ul id="wp-admin-bar-top-secondary" class="ab-top-secondary ab-top-menu"><li id="wp-admin-bar-my-account" class="menupop with-avatar"><a class="ab-item" aria-haspopup="true" href="${esc(this.links('profile.php'))}">Howdy, <span class="display-name">${esc(this.shop.userLogin)}</span></a></li></ul></div></div>
<div id="wpbody" role="main"><div id="wpbody-content">${content}<div class="clear"></div></div></div></div>
<div id="wpfooter" role="contentinfo"><p id="footer-left" class="alignleft">Thank you for creating with WordPress.</p></div></div>
<script>${QUICK_EDIT}</script>
</body></html>`;
  }
}

const CSS = `html{background:#f0f0f1}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen-Sans,Ubuntu,Cantarell,"Helvetica Neue",sans-serif;font-size:13px;line-height:1.4em;color:#3c434a;background:#f0f0f1}a{color:#2271b1}
#wpadminbar{position:fixed;top:0;left:0;right:0;height:32px;background:#1d2327;color:#f0f0f1;z-index:99;display:flex;justify-content:space-between}#wp-toolbar{display:flex;justify-content:space-between;width:100%}#wpadminbar ul{list-style:none;margin:0;padding:0;display:flex}#wpadminbar .ab-item{color:#f0f0f1;text-decoration:none;line-height:32px;padding:0 10px;display:block}
#adminmenuback,#adminmenuwrap{position:fixed;top:32px;bottom:0;left:0;width:160px;background:#1d2327}#adminmenu{list-style:none;margin:12px 0 0;padding:0}#adminmenu a{display:block;color:#f0f0f1;text-decoration:none;padding:8px 12px;font-size:14px}#adminmenu li.wp-has-current-submenu>a{background:#2271b1}
#adminmenu .wp-submenu{list-style:none;margin:0;padding:7px 0;background:#2c3338}#adminmenu .wp-submenu a{font-size:13px;padding:5px 12px;color:rgba(240,246,252,.7)}#adminmenu .wp-submenu li.current a{color:#fff;font-weight:600}
#wpcontent{margin-left:160px;padding:32px 20px 0}.wrap{margin:10px 20px 0 2px}.wp-heading-inline{display:inline-block;font-size:23px;font-weight:400;margin:0 4px 0 0;padding:9px 0 4px}.page-title-action{display:inline-block;border:1px solid #2271b1;border-radius:3px;padding:4px 8px;font-size:13px;text-decoration:none;background:#f6f7f7;margin-left:4px}
.wp-header-end{visibility:hidden;margin:-2px 0 0}.subsubsub{list-style:none;margin:8px 0 0;padding:0;font-size:13px;float:left;color:#646970;display:flex;gap:4px}.subsubsub a{text-decoration:none}.subsubsub a.current{font-weight:600;color:#000}.count{color:#50575e;font-weight:400}
.search-box{float:right;margin:0}#posts-filter{clear:both;padding-top:4px}.tablenav{clear:both;height:30px;margin:6px 0 4px;display:flex;justify-content:space-between}.tablenav-pages{font-size:13px}.displaying-num{margin-right:7px;color:#646970}.button{display:inline-block;border:1px solid #2271b1;color:#2271b1;background:#f6f7f7;border-radius:3px;padding:0 8px;min-height:28px;line-height:2.15;font-size:13px;text-decoration:none;cursor:pointer;vertical-align:top}
.button.disabled{color:#a7aaad;border-color:#dcdcde;background:#f6f7f7;cursor:default}.button-primary{background:#2271b1;color:#fff}.current-page{width:36px;text-align:center}.screen-reader-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(1px,1px,1px,1px)}
.widefat{border:1px solid #c3c4c7;border-spacing:0;width:100%;background:#fff;box-shadow:0 1px 1px rgba(0,0,0,.04);table-layout:fixed}.widefat td,.widefat th{padding:8px 10px;text-align:left;vertical-align:top}.widefat thead td,.widefat thead th,.widefat tfoot td,.widefat tfoot th{border-bottom:1px solid #c3c4c7;font-weight:400}
.striped>tbody>:nth-child(odd){background:#f6f7f7}.check-column{width:2.2em;padding:8px 0 0 3px!important}.column-thumb{width:52px}.column-name{width:22%}.column-sku,.column-is_in_stock,.column-price,.column-date,.column-product_cat,.column-product_tag{width:10%}.column-featured{width:48px}.column-global_unique_id,.column-cogs_value{width:9%}
.hidden{display:none}.row-title{font-size:14px;font-weight:600}.column-thumb a{text-decoration:none}.row-actions{color:#a7aaad;font-size:13px;padding:2px 0 0;left:-9999em;position:relative}tr:hover .row-actions,tr:focus-within .row-actions{position:static}.row-actions .id{color:#646970}.button-link{background:none;border:0;color:#2271b1;cursor:pointer;padding:0;font:inherit}.toggle-row{display:none}
mark.instock{color:#7ad03a;background:none;font-weight:700}mark.outofstock{color:#a44;background:none;font-weight:700}.na{color:#999}.wc-featured{display:inline-block;width:1.2em;overflow:hidden;color:#c3c4c7}
.inline-edit-row td{background:#fff}.inline-edit-wrapper{display:flex;flex-wrap:wrap;gap:20px;padding:6px}.inline-edit-wrapper fieldset{border:0;margin:0;flex:1 1 40%;min-width:260px}.inline-edit-legend{font-weight:600;font-size:14px;margin:0 0 8px}.inline-edit-row label{display:flex;margin:4px 0;align-items:center}.inline-edit-row .title{width:6em}.input-text-wrap{flex:1}.input-text-wrap input{width:100%}
.inline-edit-save{flex:1 1 100%;display:flex;gap:8px;align-items:center}.spinner{display:inline-block;width:20px;height:20px;visibility:hidden}.spinner.is-active{visibility:visible;background:#ccc;border-radius:50%}.notice-error{border-left:4px solid #d63638;padding:1px 12px;background:#fcf0f1}
#poststuff{display:block}#post-body{display:grid;grid-template-columns:1fr 280px;gap:20px}#post-body-content{grid-column:1}#postbox-container-1{grid-column:2;grid-row:1}#postbox-container-2{grid-column:1}#title{width:100%;font-size:1.7em;padding:3px 8px}.postbox{background:#fff;border:1px solid #c3c4c7;margin-bottom:20px}.postbox-header{border-bottom:1px solid #c3c4c7}.hndle{font-size:14px;margin:0;padding:8px 12px}.postbox .inside,.panel-wrap{padding:0 12px 12px}
.form-field,.form-row{display:flex;gap:10px;align-items:center;margin:10px 0}.form-field label,.form-row label{width:150px}.wp-editor-area{width:100%;margin-top:12px}#wpfooter{margin-left:160px;padding:10px 20px;color:#50575e}`;

/** WordPress inline-edit-post.js, abridged to Quick Edit (vanilla JS, no jQuery). */
const QUICK_EDIT = `(function () {
  'use strict';
  function text(root, sel) { var el = root && root.querySelector(sel); return el ? el.textContent : ''; }
  function revert() {
    var ed = document.querySelector('#the-list tr.inline-editor');
    if (!ed) return;
    var id = ed.id.replace('edit-', '');
    var spacer = ed.previousElementSibling;
    if (spacer && spacer.matches('tr.hidden')) spacer.remove();
    ed.remove();
    var row = document.getElementById('post-' + id);
    if (row) { row.style.display = ''; var b = row.querySelector('.editinline'); if (b) { b.setAttribute('aria-expanded', 'false'); b.focus(); } }
  }
  function edit(id) {
    revert();
    var row = document.getElementById('post-' + id);
    var tpl = document.getElementById('inline-edit');
    if (!row || !tpl) return;
    var ed = tpl.cloneNode(true);
    ed.id = 'edit-' + id;
    ed.classList.add('inline-editor');
    ed.style.display = '';
    ed.querySelector('td').colSpan = row.querySelectorAll('th, td:not(.hidden)').length;
    var inl = document.getElementById('inline_' + id), wc = document.getElementById('woocommerce_inline_' + id);
    ed.querySelector('[name=post_title]').value = text(inl, '.post_title');
    ed.querySelector('[name=post_name]').value = text(inl, '.post_name');
    ed.querySelector('[name=_status]').value = text(inl, '._status');
    ed.querySelector('[name=_sku]').value = text(wc, '.sku');
    ed.querySelector('[name=_regular_price]').value = text(wc, '.regular_price');
    ed.querySelector('[name=_stock]').value = text(wc, '.stock');
    if (text(wc, '.product_type') === 'variable') { ed.querySelector('.price_fields').style.display = 'none'; ed.querySelector('.sku_field').style.display = 'none'; }
    if (text(wc, '.product_type') === 'variable' || text(wc, '.manage_stock') !== 'yes') ed.querySelector('.stock_qty_field').style.display = 'none';
    var spacer = document.createElement('tr');
    spacer.className = 'hidden';
    row.style.display = 'none';
    row.after(spacer, ed);
    row.querySelector('.editinline').setAttribute('aria-expanded', 'true');
    ed.querySelector('[name=post_title]').focus();
  }
  function save(id) {
    var ed = document.getElementById('edit-' + id);
    if (!ed) return;
    var body = new URLSearchParams();
    body.set('action', 'inline-save');
    body.set('post_type', 'product');
    body.set('post_ID', id);
    var fields = ed.querySelectorAll('input[name], select[name], textarea[name]');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var hiddenField = f.closest('.price_fields, .sku_field, .stock_qty_field');
      if (hiddenField && hiddenField.style.display === 'none') continue;
      body.set(f.name, f.value);
    }
    var spin = ed.querySelector('.spinner');
    spin.classList.add('is-active');
    fetch(window.ajaxurl, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        spin.classList.remove('is-active');
        var t = document.createElement('template');
        t.innerHTML = html.trim();
        var fresh = t.content.querySelector('tr[id="post-' + id + '"]');
        if (!fresh) {
          var n = ed.querySelector('.notice-error');
          n.classList.remove('hidden');
          n.querySelector('.error').textContent = t.content.textContent || 'Error while saving the changes.';
          return;
        }
        var old = document.getElementById('post-' + id);
        var spacer = ed.previousElementSibling;
        if (spacer && spacer.matches('tr.hidden')) spacer.remove();
        if (old) old.remove();
        ed.replaceWith(fresh);
        var b = fresh.querySelector('.editinline'); if (b) b.focus();
      })
      .catch(function () { spin.classList.remove('is-active'); });
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    var b = t.closest('#the-list .editinline');
    if (b) { e.preventDefault(); edit(b.closest('tr').id.replace('post-', '')); return; }
    if (t.closest('#the-list .inline-edit-save .cancel')) { e.preventDefault(); revert(); return; }
    var s = t.closest('#the-list .inline-edit-save .save');
    if (s) { e.preventDefault(); save(s.closest('tr').id.replace('edit-', '')); }
  });
  document.addEventListener('keydown', function (e) {
    var ed = e.target && e.target.closest && e.target.closest('#the-list tr.inline-editor');
    if (!ed) return;
    if (e.key === 'Escape') { e.preventDefault(); revert(); }
    if (e.key === 'Enter' && e.target.tagName === 'INPUT') { e.preventDefault(); save(ed.id.replace('edit-', '')); }
  });
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (!el || !el.matches || !el.matches('#cb-select-all-1, #cb-select-all-2')) return;
    var boxes = document.querySelectorAll('#the-list input[name="post[]"], #cb-select-all-1, #cb-select-all-2');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = el.checked;
  });
})();`;
