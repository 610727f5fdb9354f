// Fake Shopify admin (a single-page app) under /console/shopify.
//
// Evidence (tests/simulator/README.md, "Seller consoles"): /docs/CONSOLES.md — host
// admin.shopify.com/store/{handle} (legacy {shop}.myshopify.com/admin); list /store/{handle}/products,
// product page /store/{handle}/products/{id} with the numeric id of admin URLs. Rows are Polaris
// IndexTable rows: Shopify/polaris `polaris-react/src/components/IndexTable/components/Row/Row.tsx`
// renders `<RowWrapper id={id} className={styles.TableRow …}>` with `RowWrapper = condensed ? 'li'
// : 'tr'` (the condensed, narrow-window layout adds `condensedRow` and sits in
// `ul.CondensedList` — IndexTable.tsx), the selection Checkbox first, and forwards a click on the
// row to the element marked `data-primary-link`; selected rows get `TableRow-selected`. The admin's
// compiled CSS-module names carry a hash suffix (`Polaris-IndexTable__TableRow_1a85o`,
// `Polaris-Text--root_yj4ah` appear in public Selenium scripts against admin.shopify.com, whose
// primary link is `a[data-primary-link="true"][data-polaris-unstyled="true"]`), hence
// `[class*="Polaris-IndexTable__TableRow"]`; here the suffixes are random per simulator process.
// Pagination is cursor based (?after= / ?before=), 50 rows a page, views
// ?selectedView=all|active|draft|archived. `?markup=condensed` renders the `li` layout;
// `?markup=previous` the rows this fake had before (a primary link without data-polaris-unstyled).
// Assumptions: the cell contents (inventory wording, badges) and the condensed row's inner divs,
// the cursor format, the TopBar and the `#shopify-admin-config` JSON, and the "changed" markup
// (hash-only class names without the Polaris- prefix and without data-primary-link — only
// a[href*="/products/"] remains).
import type { Ctx, SimResponse } from '../http.ts';
import type { Shop } from '../state.ts';
import type { Item, View } from '../store.ts';
import { b64urlJson, fromB64urlJson, isObj, lowerBound } from '../util.ts';
import { type Markup, esc, hashOf, jsonScript, listView, markupOf, money, page, redirectTo, safeJson, stockOf, sticky, thumb, url } from './common.ts';
import { shopByPath } from './pages.ts';
import { spaScripts } from './spa.ts';

const P = '/console/shopify';
const STICKY = ['markup'];
const PAGE_SIZE = 50;
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Polaris class with the build's hash suffix: "IndexTable__TableRow" → "Polaris-IndexTable__TableRow_1a85o". */
const pol = (name: string): string => `Polaris-${name}_${hashOf(name, 'polaris-v12', 5, LOWER)}`;
/** The "changed" build: hash-only module names. */
const mod = (name: string): string => `_${name}_${hashOf(name, 'admin-next', 5, LOWER)}`;
const VIEWS: { key: string; label: string; pred: (s: string) => boolean }[] = [
  { key: 'all', label: 'All', pred: () => true },
  { key: 'active', label: 'Active', pred: (s) => s === 'ACTIVE' },
  { key: 'draft', label: 'Draft', pred: (s) => s === 'DRAFT' },
  { key: 'archived', label: 'Archived', pred: (s) => s === 'ARCHIVED' },
];

export function shopifyConsole(ctx: Ctx, sub: string): SimResponse {
  const m = /^\/store\/([^/]+)(\/.*)?$/.exec(sub);
  if (!m) return page(404, frame(ctx, undefined, '', 'Page not found', '<div class="empty-page" data-route="not-found"><h1>Page not found</h1></div>'));
  let handle: string;
  try {
    handle = decodeURIComponent(m[1]!);
  } catch {
    handle = m[1]!;
  }
  const rest = (m[2] ?? '').replace(/\/+$/, '');
  const shop = shopByPath(ctx, 'shopify', (s) => s.domain === `${handle}.myshopify.com`, handle);
  if (!('shopId' in shop)) return shop;
  const base = `${P}/store/${encodeURIComponent(handle)}`;
  const links = (path: string, extra: Record<string, string | undefined> = {}): string => url(`${base}${path}`, { ...sticky(ctx, STICKY), ...extra });
  if (rest === '') return redirectTo(links('/products'));
  if (rest === '/products') return listPage(ctx, shop, handle, links);
  const pm = /^\/products\/(\d+)$/.exec(rest);
  if (pm) return productPage(ctx, shop, handle, pm[1]!, links);
  return page(404, frame(ctx, shop, handle, 'Page not found', '<div class="empty-page" data-route="not-found"><h1>Page not found</h1></div>'));
}
type Links = (path: string, extra?: Record<string, string | undefined>) => string;

function cursor(it: Item): string {
  return b64urlJson({ last_id: Number(it.itemId), last_value: it.seq });
}
function cursorSeq(c: string | null): number | undefined {
  if (!c) return undefined;
  const v = fromB64urlJson(c);
  return isObj(v) && typeof v.last_value === 'number' ? v.last_value : undefined;
}
/** One page of a newest-first view by cursor. */
function slice(view: View, after?: number, before?: number): { items: Item[]; hasPrev: boolean; hasNext: boolean } {
  let start = 0;
  let end = Math.min(view.length, PAGE_SIZE);
  if (after !== undefined) {
    start = lowerBound(view.length, (i) => view.at(i).seq < after);
    end = Math.min(view.length, start + PAGE_SIZE);
  } else if (before !== undefined) {
    end = lowerBound(view.length, (i) => view.at(i).seq <= before);
    start = Math.max(0, end - PAGE_SIZE);
  }
  const items: Item[] = [];
  for (let i = start; i < end; i++) items.push(view.at(i));
  return { items, hasPrev: start > 0, hasNext: end < view.length };
}

function inventory(it: Item): string {
  const total = it.variants.reduce((a, v) => a + stockOf(v), 0);
  return it.variants.length > 1 ? `${total} in stock for ${it.variants.length} variants` : `${total} in stock`;
}
const BADGE: Record<string, [string, string]> = { ACTIVE: ['Active', 'toneSuccess'], DRAFT: ['Draft', 'toneInfo'], ARCHIVED: ['Archived', 'toneNew'] };

function listPage(ctx: Ctx, shop: Shop, handle: string, links: Links): SimResponse {
  const q = ctx.req.query;
  const view = VIEWS.find((v) => v.key === q.get('selectedView')) ?? VIEWS[0]!;
  const vw = listView(shop, `shopify:${view.key}`, (it) => view.pred(it.status));
  const { items, hasPrev, hasNext } = slice(vw, cursorSeq(q.get('after')), q.get('after') ? undefined : cursorSeq(q.get('before')));
  const mk = markupOf(ctx, shop);
  const sel = view.key === 'all' ? undefined : view.key;
  const tabs = VIEWS.map((v) => `<a class="${mk === 'changed' ? mod('Tab') : `${pol('Tabs__Tab')}${v === view ? ` ${pol('Tabs__Tab--active')}` : ''}`}" href="${esc(links('/products', { selectedView: v.key === 'all' ? undefined : v.key }))}" aria-selected="${v === view}">${esc(v.label)}</a>`).join('');
  const prev = hasPrev ? ` data-nav="${esc(links('/products', { selectedView: sel, before: cursor(items[0]!) }))}"` : ' disabled';
  const next = hasNext ? ` data-nav="${esc(links('/products', { selectedView: sel, after: cursor(items[items.length - 1]!) }))}"` : ' disabled';
  const pagination = `<nav class="${pol('Pagination')}" aria-label="Pagination"><button type="button" class="${pol('Button')} ${pol('Pagination__PreviousButton')}" aria-label="Previous"${prev}>‹</button><button type="button" class="${pol('Button')} ${pol('Pagination__NextButton')}" aria-label="Next"${next}>›</button></nav>`;
  const table = mk === 'changed' ? changedTable(shop, items, links) : mk === 'condensed' ? condensedList(shop, items, links) : indexTable(shop, items, links, mk);
  const content = `<div class="${pol('Page')}" data-route="products"><div class="${pol('Page-Header')}"><h1 class="${pol('Header-Title')}">Products</h1><a class="${pol('Button')} ${pol('Button--variantPrimary')}" href="${esc(links('/products/new'))}">Add product</a></div>
<div class="${pol('LegacyCard')}"><div class="${pol('Tabs__Wrapper')}">${tabs}</div><div class="${pol('BulkActions')}" aria-live="polite"></div>
${table}
<div class="${pol('IndexTable__Pagination')}">${pagination}</div></div></div>`;
  return page(200, frame(ctx, shop, handle, 'Products', content, mk));
}

function indexTable(shop: Shop, items: Item[], links: Links, mk: Markup): string {
  const unstyled = mk === 'previous' ? '' : ' data-polaris-unstyled="true"';
  const cell = (inner: string, extra = ''): string => `<td class="${pol('IndexTable__TableCell')}${extra}">${inner}</td>`;
  const checkbox = (label: string): string =>
    `<div class="${pol('IndexTable-Checkbox__TableCellContentContainer')}"><div class="${pol('IndexTable-Checkbox__Wrapper')}"><label class="${pol('Choice')} ${pol('Checkbox__ChoiceLabel')} ${pol('Choice--labelHidden')}"><span class="${pol('Choice__Control')}"><span class="${pol('Checkbox')}"><input type="checkbox" class="${pol('Checkbox__Input')}" aria-invalid="false" aria-checked="false" value=""><span class="${pol('Checkbox__Backdrop')}"></span></span></span><span class="${pol('Choice__Label')}">${esc(label)}</span></label></div></div>`;
  const rows = items
    .map((it) => {
      const [label, tone] = BADGE[it.status] ?? [it.status, 'toneInfo'];
      const inv = it.variants.reduce((a, v) => a + stockOf(v), 0);
      return `<tr id="${esc(it.itemId)}" class="${pol('IndexTable__TableRow')}">${cell(checkbox(`Select ${it.title}`), ` ${pol('IndexTable__TableCell--first')}`)}
${cell(thumb(it, pol('Thumbnail'), 40))}${cell(`<a data-primary-link="true"${unstyled} class="${pol('Link')} ${pol('Link--monochrome')} ${pol('Link--removeUnderline')}" href="${esc(links(`/products/${it.itemId}`))}"><span class="${pol('Text--root')} ${pol('Text--bodyMd')} ${pol('Text--semibold')}">${esc(it.title)}</span></a>`)}
${cell(`<span class="${pol('Badge')} ${pol(`Badge--${tone}`)}">${esc(label)}</span>`)}${cell(`<span class="${pol('Text--root')} ${pol('Text--bodyMd')}${inv === 0 ? ` ${pol('Text--critical')}` : ''}">${esc(inventory(it))}</span>`)}
${cell(`<span class="${pol('Text--root')} ${pol('Text--subdued')}">Uncategorized</span>`)}${cell('1')}${cell(`<span class="${pol('Text--root')}">${esc(money(it.variants[0]?.price ?? 0, shop.currency))}</span>`)}</tr>`;
    })
    .join('\n');
  const head = (t: string): string => `<th class="${pol('IndexTable__TableHeading')}">${esc(t)}</th>`;
  const empty = items.length ? '' : `<div class="${pol('IndexTable__EmptySearchResultWrapper')}"><p>No products found</p></div>`;
  return `<div class="${pol('IndexTable')}"><div class="${pol('IndexTable__IndexTableWrapper')}"><div class="${pol('IndexTable-ScrollContainer')}"><table class="${pol('IndexTable__Table')} ${pol('IndexTable__Table--sticky')}">
<thead><tr><th class="${pol('IndexTable__TableHeading')} ${pol('IndexTable__TableHeading--first')}">${checkbox('Select all products')}</th><th class="${pol('IndexTable__TableHeading')}"></th>${head('Product')}${head('Status')}${head('Inventory')}${head('Category')}${head('Channels')}${head('Price')}</tr></thead>
<tbody>
${rows}
</tbody></table>${empty}</div></div></div>`;
}

/** The condensed (narrow window) layout: the same rows as `li` in a list, cells as divs. */
function condensedList(shop: Shop, items: Item[], links: Links): string {
  const rows = items
    .map((it) => {
      const [label, tone] = BADGE[it.status] ?? [it.status, 'toneInfo'];
      return `<li id="${esc(it.itemId)}" class="${pol('IndexTable__TableRow')} ${pol('IndexTable__condensedRow')}"><div class="${pol('IndexTable-Checkbox__Wrapper')}"><label class="${pol('Choice')} ${pol('Checkbox__ChoiceLabel')} ${pol('Choice--labelHidden')}"><span class="${pol('Checkbox')}"><input type="checkbox" class="${pol('Checkbox__Input')}" aria-checked="false" value=""><span class="${pol('Checkbox__Backdrop')}"></span></span><span class="${pol('Choice__Label')}">Select ${esc(it.title)}</span></label></div>
<div class="${pol('InlineStack')}">${thumb(it, pol('Thumbnail'), 40)}<div class="${pol('BlockStack')}"><a data-primary-link="true" data-polaris-unstyled="true" class="${pol('Link')} ${pol('Link--monochrome')}" href="${esc(links(`/products/${it.itemId}`))}"><span class="${pol('Text--root')} ${pol('Text--bodyMd')} ${pol('Text--semibold')}">${esc(it.title)}</span></a>
<div class="${pol('InlineStack')}"><span class="${pol('Badge')} ${pol(`Badge--${tone}`)}">${esc(label)}</span> <span class="${pol('Text--root')} ${pol('Text--subdued')}">${esc(inventory(it))}</span> <span class="${pol('Text--root')}">${esc(money(it.variants[0]?.price ?? 0, shop.currency))}</span></div></div></div></li>`;
    })
    .join('\n');
  const empty = items.length ? '' : `<div class="${pol('IndexTable__EmptySearchResultWrapper')}"><p>No products found</p></div>`;
  return `<div class="${pol('IndexTable')}"><div class="${pol('IndexTable__IndexTableWrapper')}"><ul data-selectmode="false" class="${pol('IndexTable__CondensedList')}">
${rows}
</ul>${empty}</div></div>`;
}

function changedTable(shop: Shop, items: Item[], links: Links): string {
  const rows = items
    .map(
      (it) => `<tr class="${mod('TableRow')}"><td class="${mod('Cell')}"><input type="checkbox" class="${mod('Checkbox')}" aria-label="Select ${esc(it.title)}"></td><td class="${mod('Cell')}">${thumb(it, mod('Thumb'), 40)}</td>
<td class="${mod('Cell')}"><a class="${mod('Link')}" href="${esc(links(`/products/${it.itemId}`))}">${esc(it.title)}</a></td><td class="${mod('Cell')}">${esc((BADGE[it.status] ?? [it.status])[0])}</td><td class="${mod('Cell')}">${esc(inventory(it))}</td><td class="${mod('Cell')}">${esc(money(it.variants[0]?.price ?? 0, shop.currency))}</td></tr>`,
    )
    .join('\n');
  return `<div class="${mod('Table')}"><table><thead><tr><th><input type="checkbox" class="${mod('Checkbox')}" aria-label="Select all"></th><th></th><th>Product</th><th>Status</th><th>Inventory</th><th>Price</th></tr></thead><tbody>
${rows}
</tbody></table>${items.length ? '' : '<p>No products found</p>'}</div>`;
}

function productPage(ctx: Ctx, shop: Shop, handle: string, id: string, links: Links): SimResponse {
  const it = shop.items.get(id);
  const back = `<a class="${pol('Button')} ${pol('Button--iconOnly')} back-link" href="${esc(links('/products'))}" aria-label="Products">←</a>`;
  if (!it) {
    return page(404, frame(ctx, shop, handle, 'Product not found', `<div class="${pol('Page')}" data-route="product">${back}<div class="empty-page"><h1>This product doesn’t exist</h1></div></div>`));
  }
  const rows = it.variants
    .map(
      (v) => `<tr class="${pol('DataTable__TableRow')}"><td class="${pol('DataTable__Cell')}">${esc(v.option || 'Default Title')}</td><td class="${pol('DataTable__Cell')}"><input class="${pol('TextField__Input')}" name="price" value="${esc(v.price.toFixed(2))}"></td>
<td class="${pol('DataTable__Cell')}"><input class="${pol('TextField__Input')}" name="sku" value="${esc(v.sellerSku)}"></td><td class="${pol('DataTable__Cell')}"><input class="${pol('TextField__Input')}" name="available" value="${stockOf(v)}"></td></tr>`,
    )
    .join('');
  const [label] = BADGE[it.status] ?? [it.status];
  const content = `<div class="${pol('Page')}" data-route="product"><div class="${pol('Page-Header')}">${back}<h1 class="${pol('Header-Title')}">${esc(it.title)}</h1><span class="${pol('Badge')}">${esc(label)}</span></div>
<div class="${pol('Layout')}"><div class="${pol('LegacyCard')}"><div class="${pol('LegacyCard__Section')}"><label class="${pol('Label')}">Title</label><input class="${pol('TextField__Input')}" name="title" value="${esc(it.title)}">
<label class="${pol('Label')}">Description</label><textarea class="${pol('TextField__Input')}" name="description">${esc(it.description)}</textarea></div></div>
<div class="${pol('LegacyCard')}"><div class="${pol('LegacyCard__Section')}"><h2 class="${pol('Text--root')} ${pol('Text--headingSm')}">Variants</h2><table class="${pol('DataTable__Table')}"><thead><tr><th>Variant</th><th>Price</th><th>SKU</th><th>Available</th></tr></thead><tbody>${rows}</tbody></table></div></div></div></div>`;
  return page(200, frame(ctx, shop, handle, it.title, content));
}

function css(): string {
  return `*{box-sizing:border-box}body{margin:0;font:13px/1.4 -apple-system,BlinkMacSystemFont,"San Francisco","Segoe UI",Roboto,sans-serif;background:#f1f1f1;color:#303030}a{color:#005bd3;text-decoration:none}
.${pol('TopBar')}{height:56px;background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;padding:0 16px;position:sticky;top:0;z-index:5}.${pol('TopBar__LogoContainer')}{font-weight:700;color:#fff;font-size:16px}
.${pol('TopBar__Search')}{margin:0 auto;width:480px;height:32px;border-radius:8px;background:#303030;color:#8a8a8a;display:flex;align-items:center;padding:0 12px}.${pol('TopBar-UserMenu')}{display:flex;align-items:center;gap:8px}.${pol('Avatar')}{width:28px;height:28px;border-radius:8px;background:#7de0b7;color:#1a1a1a;display:flex;align-items:center;justify-content:center;font-weight:700}
.${pol('Frame__Main')}{display:flex}.${pol('Navigation')}{width:240px;min-height:calc(100vh - 56px);background:#ebebeb;padding:12px 8px}.${pol('Navigation__Item')}{display:block;padding:6px 10px;border-radius:8px;color:#303030;font-weight:500}.${pol('Navigation__Item--selected')}{background:#fafafa}
#app{flex:1;min-width:0;padding:20px 32px}.${pol('Page')}{max-width:1100px;margin:0 auto}.${pol('Page-Header')}{display:flex;align-items:center;gap:12px;justify-content:space-between;margin-bottom:16px}.${pol('Header-Title')}{font-size:20px;font-weight:700;margin:0;flex:1}
.${pol('Button')}{display:inline-flex;align-items:center;justify-content:center;min-height:28px;padding:0 12px;border-radius:8px;background:#fff;border:0;box-shadow:inset 0 -1px 0 #b5b5b5,0 0 0 1px #e3e3e3;color:#303030;font:inherit;font-weight:600;cursor:pointer}.${pol('Button--variantPrimary')}{background:#303030;color:#fff;box-shadow:none}
.${pol('LegacyCard')}{background:#fff;border-radius:12px;box-shadow:0 1px 0 rgba(26,26,26,.07),0 0 0 1px #e3e3e3;overflow:hidden;margin-bottom:16px}.${pol('Tabs__Wrapper')}{display:flex;gap:4px;padding:8px}.${pol('Tabs__Tab')}{padding:6px 12px;border-radius:8px;color:#616161;font-weight:500}.${pol('Tabs__Tab--active')}{background:#e3e3e3;color:#303030}
.${pol('BulkActions')}{padding:0 12px;color:#303030;font-weight:600}table{border-collapse:collapse;width:100%}.${pol('IndexTable__TableHeading')}{background:#f7f7f7;text-align:left;font-weight:500;color:#616161;padding:8px;border-top:1px solid #ebebeb;border-bottom:1px solid #ebebeb}
.${pol('IndexTable__TableCell')}{padding:8px;border-bottom:1px solid #ebebeb;white-space:nowrap;vertical-align:middle}.${pol('IndexTable__TableRow')}{cursor:pointer}.${pol('IndexTable__TableRow')}:hover{background:#f7f7f7}.${pol('IndexTable__TableRow--selected')}{background:#f1f1f1}
.${pol('IndexTable__CondensedList')}{list-style:none;margin:0;padding:0}.${pol('IndexTable__condensedRow')}{display:flex;gap:12px;align-items:flex-start;padding:10px 12px;border-bottom:1px solid #ebebeb}.${pol('InlineStack')}{display:flex;gap:8px;align-items:center;flex-wrap:wrap}.${pol('BlockStack')}{display:flex;flex-direction:column;gap:4px;min-width:0}
.${pol('Choice__Label')}{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.${pol('Link')}{color:#303030}.${pol('Text--semibold')}{font-weight:600}.${pol('Text--subdued')}{color:#616161}.${pol('Text--critical')}{color:#8e1f0b}
.${pol('Badge')}{display:inline-block;padding:2px 8px;border-radius:8px;background:#e3e3e3;font-size:12px;font-weight:500}.${pol('Badge--toneSuccess')}{background:#affebf;color:#014b40}.${pol('Badge--toneInfo')}{background:#e0f0ff;color:#00527c}
.${pol('IndexTable__Pagination')}{display:flex;justify-content:center;padding:12px;background:#f7f7f7}.${pol('Pagination')}{display:flex;gap:2px}.${pol('IndexTable__EmptySearchResultWrapper')}{text-align:center;padding:40px;color:#616161}
.${pol('LegacyCard__Section')}{padding:16px}.${pol('Label')}{display:block;margin:8px 0 4px}.${pol('TextField__Input')}{width:100%;border:1px solid #8a8a8a;border-radius:8px;padding:6px 12px;font:inherit}td .${pol('TextField__Input')}{width:140px}
.${pol('DataTable__Cell')}{padding:8px;border-bottom:1px solid #ebebeb}.${mod('Table')}{padding:8px}.${mod('Table')} td{padding:8px;border-bottom:1px solid #eee}.empty-page{background:#fff;padding:48px;text-align:center;border-radius:12px}[aria-busy=true]{opacity:.6}`;
}

function behaviours(): string {
  const names = { row: pol('IndexTable__TableRow'), selected: pol('IndexTable__TableRow--selected'), bulk: pol('BulkActions') };
  return `
var N = ${safeJson(names)};
function update() {
  var boxes = document.querySelectorAll('#app tbody input[type=checkbox], #app ul input[type=checkbox]');
  var n = 0;
  for (var i = 0; i < boxes.length; i++) { var on = boxes[i].checked; if (on) n++; boxes[i].setAttribute('aria-checked', String(on)); var r = boxes[i].closest('tr, li'); if (r) r.classList.toggle(N.selected, on); }
  var b = document.querySelector('#app [aria-live]'); if (b) b.textContent = n ? n + ' selected' : '';
}
document.addEventListener('change', function (e) {
  var el = e.target;
  if (!el || el.type !== 'checkbox') return;
  if (el.closest('thead')) { var all = document.querySelectorAll('#app tbody input[type=checkbox], #app ul input[type=checkbox]'); for (var i = 0; i < all.length; i++) all[i].checked = el.checked; }
  update();
});
// Polaris Row: a click anywhere on a row is forwarded to its [data-primary-link].
document.addEventListener('click', function (e) {
  var t = e.target;
  if (!t || !t.closest || t.closest('a, input, label, button')) return;
  var row = t.closest('tr, li');
  var link = row && row.querySelector('[data-primary-link]');
  if (link) { e.preventDefault(); link.click(); }
});
window.__simConsole.hooks.push(update);`;
}

function frame(ctx: Ctx, shop: Shop | undefined, handle: string, title: string, content: string, mk: Markup = 'normal'): string {
  const links = (path: string): string => url(`${P}/store/${encodeURIComponent(handle)}${path}`, sticky(ctx, STICKY));
  const cfg = shop ? jsonScript('shopify-admin-config', { shop: { name: shop.name, myshopifyDomain: shop.domain, handle } }) : '';
  const user = shop ? `<div class="${pol('TopBar-UserMenu')}"><span class="${pol('Avatar')}">${esc(shop.name.slice(0, 2).toUpperCase())}</span><span class="${pol('TopBar-UserMenu__Name')}">${esc(shop.name)}</span></div>` : '';
  const nav = shop
    ? `<nav class="${pol('Navigation')}"><a class="${pol('Navigation__Item')}" href="${esc(links(''))}">Home</a><a class="${pol('Navigation__Item')}" href="${esc(links('/orders'))}">Orders</a><a class="${pol('Navigation__Item')} ${pol('Navigation__Item--selected')}" href="${esc(links('/products'))}">Products</a><a class="${pol('Navigation__Item')}" href="${esc(links('/customers'))}">Customers</a></nav>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)} · ${esc(shop?.name ?? 'Shopify')} · Shopify</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${css()}</style>${cfg}</head>
<body class="${mk === 'changed' ? 'admin-next' : 'admin'}"><div class="${pol('Frame')}"><header class="${pol('TopBar')}"><div class="${pol('TopBar__LogoContainer')}">shopify</div><div class="${pol('TopBar__Search')}">Search</div>${user}</header>
<div class="${pol('Frame__Main')}">${nav}<main id="app">${content}</main></div></div>
${spaScripts({ root: '#app', prefix: `${P}/`, delay: 250 }, behaviours())}
</body></html>`;
}
