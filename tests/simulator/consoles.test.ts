// The fake seller consoles over HTTP: each platform's list page carries the anchors content
// scripts hold on to (tests/simulator/README.md, "Seller consoles"), with the right counts, ids,
// SKUs and stock read live from the simulator; paging; product pages; the markup-change knob;
// hostile titles rendered as text. Parsed with jsdom (scripts not run; the browser behaviours are
// in consoles.browser.test.ts).
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctl, http, newShop, sim } from './helpers.ts';
import type { Simulator } from './server.ts';

// jsdom ships no type declarations (and @types/jsdom is not installed): load it untyped.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

interface Page {
  status: number;
  text: string;
  doc: Document;
  headers: Headers;
}
async function get(url: string): Promise<Page> {
  const r = await http(url);
  return { status: r.status, text: r.text, doc: new JSDOM(r.text).window.document, headers: r.headers };
}
const all = (d: Document | Element, sel: string): Element[] => [...d.querySelectorAll(sel)];
const txt = (el: Element | null | undefined): string => (el?.textContent ?? '').trim();
async function items(shopId: string): Promise<any[]> {
  return (await ctl(s, 'GET', `/shops/${encodeURIComponent(shopId)}/items`)).body;
}
const total = (it: any): number => it.variants.reduce((a: number, v: any) => a + v.stock, 0);
const num = (id: string): string => id.replace(/^gid:\/\/shopify\/Product\//, '');
const withParams = (u: string, p: Record<string, string>): string => {
  const x = new URL(u);
  for (const [k, v] of Object.entries(p)) x.searchParams.set(k, v);
  return x.href;
};
const HOSTILE = `<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>" ' & </title><!--`;

/** Only the console's own scripts are present, and no element carries an event-handler attribute. */
function expectInert(p: Page): void {
  expect(p.text).not.toContain('<img src=x');
  expect(p.text).not.toContain('<script>globalThis');
  for (const el of all(p.doc, '*')) for (const a of el.getAttributeNames()) expect(a.startsWith('on'), `${el.tagName} ${a}`).toBe(false);
  for (const sc of all(p.doc, 'script')) expect(sc.textContent).not.toContain('__pwned=2</script>');
}

describe('consoles: routing', () => {
  it('unknown console, unknown shop, chooser, control knob validation', async () => {
    expect((await get(`${s.url}/console/ebay/x`)).status).toBe(404);
    expect((await get(`${s.url}/console/shopee/portal/product/list/all?shop_id=999`)).status).toBe(404);
    expect((await get(`${s.url}/console/shopify/store/nope/products`)).status).toBe(404);
    expect((await get(`${s.url}/console/woocommerce/site-999/wp-admin/edit.php?post_type=product`)).status).toBe(404);
    // two TikTok shops and no shop_id: a chooser linking to each shop's list
    const a = await newShop(s, { platform: 'tiktok', items: 1 });
    const b = await newShop(s, { platform: 'tiktok', items: 1 });
    const ch = await get(`${s.url}/console/tiktok/product/manage`);
    expect(ch.status).toBe(200);
    const hrefs = all(ch.doc, '[data-sim="shop-chooser"] a').map((x) => x.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining([expect.stringContaining(`shop_id=${a.shopId}`), expect.stringContaining(`shop_id=${b.shopId}`)]));
    expect((await ctl(s, 'POST', '/consoles/markup', { shopId: a.shopId, markup: 'weird' })).status).toBe(400);
    expect((await ctl(s, 'POST', '/consoles/markup', { shopId: 'nope', markup: 'changed' })).status).toBe(404);
    expect((await http(`${s.url}/console/shopee/portal/product/list/all`, { method: 'POST' })).status).toBe(405);
    // pages are never cached (a reload shows current stock)
    expect((await get(a.consoleUrl)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('Shopee Seller Centre', () => {
  it('list (live shapes): product info in the main body, the Action column pinned right, checkbox named with the item id, lazy rows', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 60, variantsPerItem: 1, seed: 3, name: 'Kedai Tiga' });
    const expected = (await items(shop.shopId)).filter((i) => !/DELETE/.test(i.status)).reverse();
    const p = await get(shop.consoleUrl);
    expect(p.status).toBe(200);
    expect(all(p.doc, '.eds-table__fix-left')).toHaveLength(0);
    const main = all(p.doc, '.eds-table__main-body tbody tr.eds-table__row');
    const right = all(p.doc, '.eds-table__fix-right .eds-table__fix-body tr.eds-table__row');
    // the first 10 rows are in the tables; the other 38 of the page wait in templates until scrolled to
    expect(main).toHaveLength(10);
    expect(right).toHaveLength(10);
    const lazy = all(p.doc, 'template.eds-table__lazy').map((t) => [...(t as HTMLTemplateElement).content.querySelectorAll('tbody.lazy-main tr.eds-table__row')]);
    expect(lazy.map((rows) => rows.length)).toEqual([10, 10, 10, 8]);
    const rows = [...main, ...lazy.flat()];
    rows.forEach((row, i) => {
      const it = expected[i];
      expect(row.querySelector<HTMLInputElement>('input.eds-checkbox__input[type=checkbox]')!.name).toBe(it.itemId);
      expect(txt(row.querySelector('.product-variation-item .item-id'))).toBe(`Item ID: ${it.itemId}`);
      const a = row.querySelector('.product-variation-item a.product-name-wrap')!;
      const href = new URL(a.getAttribute('href')!, s.url);
      expect(href.pathname).toBe(`/console/shopee/portal/product/${it.itemId}/`);
      expect(txt(a)).toBe(it.title);
      expect(txt(row.querySelector('.product-variation-item .stock-content'))).toBe(String(total(it)));
      expect(row.querySelector('.product-variation-item .list-view-price')).not.toBeNull();
    });
    for (const r of right) {
      expect(r.querySelector('.product-variation-item, .item-id')).toBeNull();
      expect(r.querySelector('a[href*="/portal/product/"]')).not.toBeNull();
    }
    // the product page answers the trailing-slash link
    expect((await get(new URL(main[0]!.querySelector('a.product-name-wrap')!.getAttribute('href')!, s.url).href)).status).toBe(200);
  });

  it('list (previous build): pinned table + main table, one row each per product, ids/SKUs/stock from the sim', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 60, variantsPerItem: 1, seed: 3, name: 'Kedai Tiga' });
    const expected = (await items(shop.shopId)).filter((i) => !/DELETE/.test(i.status)).reverse();
    const p = await get(withParams(shop.consoleUrl, { markup: 'previous' }));
    expect(p.status).toBe(200);
    const left = all(p.doc, '.eds-table__fix-left tbody tr.eds-table__row');
    const main = all(p.doc, '.eds-table__main-body tbody tr.eds-table__row');
    expect(left).toHaveLength(48);
    expect(main).toHaveLength(48);
    expect(all(p.doc, 'tr.eds-table__row .product-variation-item')).toHaveLength(48);
    left.forEach((row, i) => {
      const it = expected[i];
      expect(row.querySelector('input[type=checkbox]')).not.toBeNull();
      expect(txt(row.querySelector('.item-id'))).toBe(`Item ID: ${it.itemId}`);
      const a = row.querySelector('a.product-name-wrap')!;
      const href = new URL(a.getAttribute('href')!, s.url);
      expect(href.pathname).toBe(`/console/shopee/portal/product/${it.itemId}`);
      expect(href.searchParams.get('shop_id')).toBe(shop.shopId);
      expect(txt(a)).toBe(it.title);
      expect(txt(row.querySelector('.product-sku'))).toBe(`Parent SKU: ${it.variants[0].sellerSku}`);
      expect(txt(main[i]!.querySelector('.stock-text'))).toBe(String(total(it)));
    });
    // the shop, second to the URL: header + JSON config
    expect(txt(p.doc.querySelector('.account-info .shop-name'))).toBe('Kedai Tiga');
    expect(JSON.parse(p.doc.getElementById('sc-shop-config')!.textContent!).shopId).toBe(Number(shop.shopId));
    expect(all(p.doc, '.eds-pager__page.active').map(txt)).toEqual(['1']);
  });

  it('live shapes: model rows (.model-list-item with "Model ID: N") only after expanding, in the product\'s own row', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 4, variantsPerItem: 3, seed: 4 });
    const newest = (await items(shop.shopId)).pop();
    const p = await get(shop.consoleUrl);
    expect(all(p.doc, '.model-list-item')).toHaveLength(0);
    const first = p.doc.querySelector('.eds-table__main-body tbody tr.eds-table__row')!;
    const models = [...first.querySelector<HTMLTemplateElement>('template.model-list-tpl')!.content.querySelectorAll('.model-list-item')];
    expect(models.map((m) => txt(m.querySelector('.variation-name-info-sku')))).toEqual(newest.variants.map((v: any) => `Model ID: ${v.variantId}`));
    expect(models.map((m) => txt(m.querySelector('.stock-content')))).toEqual(newest.variants.map((v: any) => String(v.stock)));
    expect(models.every((m) => m.querySelector('.list-view-model-price'))).toBe(true);
  });

  it('previous build: variants appear only after expanding; paging; live tab; localized id label; product page', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 50, variantsPerItem: 3, seed: 4 });
    const list = await items(shop.shopId);
    const newest = list[list.length - 1];
    await ctl(s, 'POST', '/consoles/markup', { shopId: shop.shopId, markup: 'previous' });
    const p = await get(shop.consoleUrl);
    expect(all(p.doc, '.model-list-item')).toHaveLength(0);
    const first = p.doc.querySelector('.eds-table__fix-left tbody tr.eds-table__row')!;
    expect(first.querySelector('.product-more-models')).not.toBeNull();
    const models = [...first.querySelector<HTMLTemplateElement>('template.model-list-tpl')!.content.querySelectorAll('.model-list-item')];
    expect(models.map((m) => txt(m.querySelector('.model-id')))).toEqual(newest.variants.map((v: any) => `Model ID: ${v.variantId}`));
    expect(models.map((m) => txt(m.querySelector('.model-stock')))).toEqual(newest.variants.map((v: any) => String(v.stock)));
    expect(txt(first.querySelector('.product-sku'))).toBe('Parent SKU: -');

    const p2 = await get(withParams(shop.consoleUrl, { page: '2', size: '48' }));
    expect(all(p2.doc, '.eds-table__fix-left tbody tr.eds-table__row')).toHaveLength(2);
    expect(all(p2.doc, '.eds-table__main-body tbody tr.eds-table__row')).toHaveLength(2);
    expect(all(p2.doc, '.eds-pager__page.active').map(txt)).toEqual(['2']);
    expect(txt(p2.doc.querySelector('.item-id'))).toBe(`Item ID: ${list[1].itemId}`);
    const pages = all(p.doc, '.eds-pager__page[data-nav]').map((x) => new URL(x.getAttribute('data-nav')!, s.url));
    expect(pages.map((u) => u.searchParams.get('page'))).toEqual(['1', '2']);
    expect(pages.every((u) => u.searchParams.get('shop_id') === shop.shopId)).toBe(true);

    const live = await get(`${s.url}/console/shopee/portal/product/list/live/all?shop_id=${shop.shopId}&page=1&size=12`);
    const liveCount = list.filter((i) => i.status === 'NORMAL').length;
    expect(all(live.doc, '.eds-table__fix-left tbody tr.eds-table__row')).toHaveLength(Math.min(12, liveCount));
    expect(txt(live.doc.querySelector('.list-count'))).toBe(`${liveCount} Products`);

    for (const [lang, label] of [['id', 'ID Produk: '], ['zh-Hant', '商品ID：'], ['vi', 'ID Sản phẩm: ']]) {
      const l = await get(withParams(shop.consoleUrl, { lang: lang! }));
      expect(txt(l.doc.querySelector('.item-id'))).toBe(`${label}${newest.itemId}`);
    }

    const pp = await get(`${s.url}/console/shopee/portal/product/${newest.itemId}?shop_id=${shop.shopId}`);
    expect(pp.status).toBe(200);
    expect(pp.doc.querySelector<HTMLInputElement>('input[name=name]')!.value).toBe(newest.title);
    expect(all(pp.doc, '.model-row .model-id').map(txt)).toEqual(newest.variants.map((v: any) => `Model ID: ${v.variantId}`));
    expect(all(pp.doc, '.model-row input[name=model_sku]').map((x) => (x as HTMLInputElement).value)).toEqual(newest.variants.map((v: any) => v.sellerSku));
    expect((await get(`${s.url}/console/shopee/portal/product/123?shop_id=${shop.shopId}`)).status).toBe(404);
  });

  it('markup knob: query parameter and control toggle; ids stay in links and text', async () => {
    const shop = await newShop(s, { platform: 'shopee', items: 10 });
    const ids = (await items(shop.shopId)).map((i) => i.itemId).reverse();
    const check = (p: Page): void => {
      expect(all(p.doc, '.eds-table__row, .product-variation-item, .item-id, .stock-text')).toHaveLength(0);
      const links = all(p.doc, 'tbody a[href*="/portal/product/"]').map((a) => /\/portal\/product\/(\d+)/.exec(a.getAttribute('href')!)![1]);
      expect(links).toEqual(ids);
      expect(all(p.doc, 'tbody input[type=checkbox]')).toHaveLength(10);
      expect(txt(p.doc.querySelector('tbody tr'))).toContain(`Item ID: ${ids[0]}`);
    };
    check(await get(withParams(shop.consoleUrl, { markup: 'changed' })));
    expect((await ctl(s, 'POST', '/consoles/markup', { shopId: shop.shopId, markup: 'changed' })).body).toEqual({ shopId: shop.shopId, markup: 'changed' });
    check(await get(shop.consoleUrl));
    expect(all((await get(withParams(shop.consoleUrl, { markup: 'previous' }))).doc, '.product-variation-item')).toHaveLength(10);
    await ctl(s, 'POST', '/consoles/markup', { shopId: shop.shopId, markup: 'normal' });
    expect(all((await get(shop.consoleUrl)).doc, '.product-variation-item')).toHaveLength(10);
    expect((await ctl(s, 'GET', `/consoles/markup?shopId=${shop.shopId}`)).body).toEqual({ shopId: shop.shopId, markup: 'normal' });
  });
});

describe('Lazada Seller Center', () => {
  it('list (live shapes): tbody.next-table-body > tr.next-table-row, public links /products/i{item}.html?spm=…, Edit a button', async () => {
    const shop = await newShop(s, { platform: 'lazada', items: 12, variantsPerItem: 2, seed: 5 });
    const active = (await items(shop.shopId)).filter((i) => i.status === 'Active').reverse();
    const p = await get(shop.consoleUrl);
    const rows = all(p.doc, 'tbody.next-table-body > tr.next-table-row');
    expect(rows).toHaveLength(active.length);
    rows.forEach((row, i) => {
      const a = row.querySelector('.product-item-wrap a[href]')!;
      const href = new URL(a.getAttribute('href')!);
      expect(href.pathname).toBe(`/products/i${active[i].itemId}.html`);
      expect(href.searchParams.get('spm')).toBeTruthy();
      expect(row.querySelector('a[href*="productId="]')).toBeNull();
      expect(row.querySelector('button.product-edit-btn[data-nav*="productId="]')).not.toBeNull();
      expect(row.querySelector('td.next-table-cell[data-next-table-col="1"]')).not.toBeNull();
    });
  });

  it('list (previous build): Fusion rows with .product-item-wrap, public links -i{item}-s{sku}.html, checkboxes; tabs and paging; product page', async () => {
    const shop = await newShop(s, { platform: 'lazada', items: 45, variantsPerItem: 2, seed: 5, name: 'Toko Lima' });
    const list = await items(shop.shopId);
    const active = list.filter((i) => i.status === 'Active').reverse();
    await ctl(s, 'POST', '/consoles/markup', { shopId: shop.shopId, markup: 'previous' });
    const p = await get(shop.consoleUrl);
    expect(p.status).toBe(200);
    const rows = all(p.doc, 'tbody tr.next-table-row');
    expect(rows).toHaveLength(20);
    rows.forEach((row, i) => {
      const it = active[i];
      expect(row.querySelectorAll('.product-item-wrap')).toHaveLength(1);
      expect(row.querySelector('.next-checkbox input[type=checkbox]')).not.toBeNull();
      const a = row.querySelector('.product-item-wrap a[href]')!;
      expect(a.getAttribute('href')).toMatch(new RegExp(`-i${it.itemId}-s${it.variants[0].variantId}\\.html$`));
      expect(txt(a)).toBe(it.title);
      expect(all(row, '.sku-seller-sku').map(txt)).toEqual(it.variants.map((v: any) => v.sellerSku));
      expect(all(row, '.sku-stock').map(txt)).toEqual(it.variants.map((v: any) => String(v.stock)));
      expect(new URL(row.querySelector('a.product-edit-link')!.getAttribute('href')!, s.url).searchParams.get('productId')).toBe(it.itemId);
    });
    const cfg = JSON.parse(p.doc.getElementById('sim-console-config')!.textContent!);
    expect(cfg.canonical).toContain('tab=online_product');
    expect(JSON.parse(p.doc.getElementById('lzd-seller-config')!.textContent!).sellerId).toBe(shop.shopId);
    expect(txt(p.doc.querySelector('.seller-name'))).toBe('Toko Lima');

    const pAll = await get(`${s.url}/console/lazada/apps/product/list?seller_id=${shop.shopId}&tab=all&pageSize=20&current=3`);
    expect(all(pAll.doc, 'tbody tr.next-table-row')).toHaveLength(5);
    expect(all(pAll.doc, '.next-pagination-item.next-current').map(txt)).toContain('3');
    const p50 = await get(`${s.url}/console/lazada/apps/product/list?seller_id=${shop.shopId}&tab=all&pageSize=50&current=1`);
    expect(all(p50.doc, 'tbody tr.next-table-row')).toHaveLength(45);

    const it = active[0];
    const pp = await get(`${s.url}/console/lazada/apps/product/publish?productId=${it.itemId}&seller_id=${shop.shopId}`);
    expect(pp.status).toBe(200);
    expect(pp.doc.querySelector<HTMLInputElement>('input[name=productName]')!.value).toBe(it.title);
    expect(all(pp.doc, 'input[name=SellerSku]').map((x) => (x as HTMLInputElement).value)).toEqual(it.variants.map((v: any) => v.sellerSku));
    expect((await get(`${s.url}/console/lazada/apps/product/publish?productId=1&seller_id=${shop.shopId}`)).status).toBe(404);

    const ch = await get(withParams(shop.consoleUrl, { markup: 'changed' }));
    expect(all(ch.doc, '.product-item-wrap, .next-table-row')).toHaveLength(0);
    expect(all(ch.doc, 'a[href$=".html"]').map((a) => /-i(\d+)-s\d+\.html$/.exec(a.getAttribute('href')!)![1])).toEqual(active.slice(0, 20).map((x) => x.itemId));
  });
});

describe('TikTok Shop Seller Center', () => {
  it('list (live shapes): no link in a row; checkbox value = product id; data-id span right after the clamped title; Edit a button; edit page without a heading', async () => {
    const shop = await newShop(s, { platform: 'tiktok', items: 12, variantsPerItem: 2, seed: 6 });
    const live = (await items(shop.shopId)).filter((i) => i.status === 'ACTIVATE').reverse();
    await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${encodeURIComponent(live[0].itemId)}`, { title: 'iPhone 15 Pro Max' });
    const p = await get(shop.consoleUrl);
    const rows = all(p.doc, 'tbody tr.core-table-tr.core-table-row-expanded');
    expect(rows).toHaveLength(live.length);
    rows.forEach((row, i) => {
      expect(row.querySelector('a')).toBeNull();
      expect(row.querySelector<HTMLInputElement>('label.core-checkbox > input[type=checkbox]')!.value).toBe(live[i].itemId);
      const span = row.querySelector('span[data-id="product.manage.table.columns.id"]')!;
      expect(txt(span)).toBe(`ID:${live[i].itemId}`);
      expect(span.parentElement!.className).toMatch(/^productTitle__/);
      expect(row.querySelector('button.core-btn[data-nav*="/product/edit/"]')).not.toBeNull();
    });
    expect(txt(rows[0]!)).toContain(`iPhone 15 Pro MaxID:${live[0].itemId}`);
    const pp = await get(`${s.url}/console/tiktok/product/edit/${live[0].itemId}?shop_id=${shop.shopId}`);
    expect(all(pp.doc, 'h1, h2, [role=heading]')).toHaveLength(0);
    expect(txt(pp.doc.querySelector('[class^="pageTitle__"]'))).toBe('iPhone 15 Pro Max');
    expect(all((await get(withParams(`${s.url}/console/tiktok/product/edit/${live[0].itemId}?shop_id=${shop.shopId}`, { markup: 'previous' }))).doc, 'h1')).toHaveLength(1);
  });

  it('list (previous build): tbody tr.core-table-tr / td.core-table-td, "ID:…" text, hashed module classes stable per process; paging; product page', async () => {
    const shop = await newShop(s, { platform: 'tiktok', items: 30, variantsPerItem: 2, seed: 6 });
    const live = (await items(shop.shopId)).filter((i) => i.status === 'ACTIVATE').reverse();
    await ctl(s, 'POST', '/consoles/markup', { shopId: shop.shopId, markup: 'previous' });
    const p = await get(shop.consoleUrl);
    const rows = all(p.doc, 'tbody tr.core-table-tr');
    expect(rows).toHaveLength(20);
    expect(all(p.doc, 'tr.core-table-tr')).toHaveLength(21); // the header row has the class too
    rows.forEach((row, i) => {
      const it = live[i];
      expect(row.querySelectorAll('td.core-table-td').length).toBeGreaterThanOrEqual(5);
      expect(row.querySelector('input[type=checkbox]')).not.toBeNull();
      expect(txt(row)).toContain(`ID:${it.itemId}`);
      expect(new URL(row.querySelector('a[href*="/product/edit/"]')!.getAttribute('href')!, s.url).pathname).toBe(`/console/tiktok/product/edit/${it.itemId}`);
      for (const v of it.variants) expect(txt(row)).toContain(`Seller SKU: ${v.sellerSku}`);
    });
    const nameClass = (d: Document): string => [...d.querySelector('tbody a[href*="/product/edit/"]')!.classList].find((c) => c.startsWith('productName__'))!;
    expect(nameClass(p.doc)).toMatch(/^productName__[A-Za-z0-9]{5}$/);
    expect(nameClass((await get(shop.consoleUrl)).doc)).toBe(nameClass(p.doc));
    expect(JSON.parse(p.doc.getElementById('sim-console-config')!.textContent!).canonical).toMatch(/tab=active&shop_region=US/);
    expect(JSON.parse(p.doc.getElementById('__GLOBAL_CONFIG__')!.textContent!)).toMatchObject({ shopId: shop.shopId, shopRegion: 'US' });

    const p2 = await get(withParams(shop.consoleUrl, { tab: 'active', page: '2' }));
    expect(all(p2.doc, 'tbody tr.core-table-tr')).toHaveLength(live.length - 20);

    const ch = await get(withParams(shop.consoleUrl, { markup: 'changed' }));
    expect(all(ch.doc, 'tbody tr.core-table-tr')).toHaveLength(0);
    expect(all(ch.doc, 'tbody tr')).toHaveLength(20);
    expect(ch.doc.querySelector('tbody a[href*="/product/edit/"]')!.className).not.toContain('productName__');
    expect(txt(ch.doc.querySelector('tbody tr'))).toContain(`ID: ${live[0].itemId}`);

    const pp = await get(`${s.url}/console/tiktok/product/edit/${live[0].itemId}?shop_id=${shop.shopId}`);
    expect(pp.doc.querySelector<HTMLInputElement>('input[name=product_name]')!.value).toBe(live[0].title);
    expect(all(pp.doc, 'input[name=seller_sku]').map((x) => (x as HTMLInputElement).value)).toEqual(live[0].variants.map((v: any) => v.sellerSku));
  });
});

describe('Shopify admin', () => {
  it('list: Polaris IndexTable rows with checkbox and a[data-primary-link] to /store/{handle}/products/{id}; cursor paging; product page', async () => {
    const shop = await newShop(s, { platform: 'shopify', items: 60, variantsPerItem: 2, seed: 7, name: 'Maple Goods' });
    expect(shop.consoleUrl).toBe(`${s.url}/console/shopify/store/maple-goods/products`);
    const list = (await items(shop.shopId)).reverse();
    const p = await get(shop.consoleUrl);
    const rows = all(p.doc, 'tr[class*="Polaris-IndexTable__TableRow"]');
    expect(rows).toHaveLength(50);
    rows.forEach((row, i) => {
      const it = list[i];
      expect(row.querySelector('input[type=checkbox]')).not.toBeNull();
      const a = row.querySelector('a[data-primary-link]')!;
      expect(a.getAttribute('href')).toBe(`/console/shopify/store/maple-goods/products/${num(it.itemId)}`);
      expect(txt(a)).toBe(it.title);
      expect(txt(row)).toContain(`${total(it)} in stock for 2 variants`);
    });
    expect(rows[0]!.className).toMatch(/^Polaris-IndexTable__TableRow_[a-z0-9]{5}$/);
    expect(JSON.parse(p.doc.getElementById('shopify-admin-config')!.textContent!).shop).toMatchObject({ myshopifyDomain: 'maple-goods.myshopify.com', name: 'Maple Goods' });
    // next page by cursor, then back
    const next = p.doc.querySelector('[aria-label="Next"][data-nav]')!.getAttribute('data-nav')!;
    expect(p.doc.querySelector('[aria-label="Previous"][data-nav]')).toBeNull();
    const p2 = await get(`${s.url}${next}`);
    const rows2 = all(p2.doc, 'tr[class*="Polaris-IndexTable__TableRow"] a[data-primary-link]');
    expect(rows2.map((a) => a.getAttribute('href')!.split('/').pop())).toEqual(list.slice(50).map((i) => num(i.itemId)));
    expect(p2.doc.querySelector('[aria-label="Next"][data-nav]')).toBeNull();
    const back = await get(`${s.url}${p2.doc.querySelector('[aria-label="Previous"][data-nav]')!.getAttribute('data-nav')}`);
    expect(all(back.doc, 'a[data-primary-link]').map((a) => a.getAttribute('href'))).toEqual(all(p.doc, 'a[data-primary-link]').map((a) => a.getAttribute('href')));
    // a draft view; product page; unknown product
    await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${encodeURIComponent(list[3].itemId)}`, { status: 'inactive' });
    const drafts = await get(`${shop.consoleUrl}?selectedView=draft`);
    expect(all(drafts.doc, 'a[data-primary-link]').map((a) => a.getAttribute('href')!.split('/').pop())).toContain(num(list[3].itemId));
    const pp = await get(`${shop.consoleUrl}/${num(list[0].itemId)}`);
    expect(pp.doc.querySelector<HTMLInputElement>('input[name=title]')!.value).toBe(list[0].title);
    expect(all(pp.doc, 'input[name=sku]').map((x) => (x as HTMLInputElement).value)).toEqual(list[0].variants.map((v: any) => v.sellerSku));
    expect(all(pp.doc, 'tr[class*="Polaris-IndexTable__TableRow"]')).toHaveLength(0);
    expect((await get(`${shop.consoleUrl}/1`)).status).toBe(404);
    expect(rows[0]!.querySelector('a[data-primary-link="true"]')!.getAttribute('data-polaris-unstyled')).toBe('true');
    // the condensed (narrow window) layout: the same rows as li in ul.CondensedList, no table
    const cond = await get(`${shop.consoleUrl}?markup=condensed`);
    const lis = all(cond.doc, 'ul[class*="Polaris-IndexTable__CondensedList"] > li[class*="Polaris-IndexTable__TableRow"]');
    expect(lis.map((li) => li.id)).toEqual(list.slice(0, 50).map((i) => num(i.itemId)));
    expect(lis.every((li) => li.querySelector('a[data-primary-link="true"][data-polaris-unstyled]') && li.querySelector('input[type=checkbox]'))).toBe(true);
    expect(all(cond.doc, 'tr[class*="Polaris-IndexTable__TableRow"]')).toHaveLength(0);
    expect(all((await get(`${shop.consoleUrl}?markup=previous`)).doc, 'a[data-primary-link][data-polaris-unstyled]')).toHaveLength(0);
    // changed markup: no Polaris row classes, no data-primary-link, links remain
    const ch = await get(`${shop.consoleUrl}?markup=changed`);
    expect(all(ch.doc, '[class*="Polaris-IndexTable__TableRow"], [data-primary-link]')).toHaveLength(0);
    expect(all(ch.doc, 'tbody a[href*="/products/"]')).toHaveLength(50);
  });
});

describe('WooCommerce (wp-admin)', () => {
  it('list table: #the-list tr#post-ID, post[] checkbox, column-sku, column-is_in_stock mark, #woocommerce_inline_ID; paging; edit screen', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 45, variantsPerItem: 1, seed: 8, name: 'Corner Shop' });
    const list = (await items(shop.shopId)).filter((i) => i.status !== 'trash').reverse();
    const p = await get(shop.consoleUrl);
    expect(p.status).toBe(200);
    const rows = all(p.doc, '#the-list tr[id^="post-"]');
    expect(rows).toHaveLength(20);
    rows.forEach((row, i) => {
      const it = list[i];
      const v = it.variants[0];
      expect(row.id).toBe(`post-${it.itemId}`);
      expect(row.querySelector<HTMLInputElement>('th.check-column input[name="post[]"]')!.value).toBe(it.itemId);
      expect(txt(row.querySelector('td.column-sku'))).toBe(v.sellerSku);
      const mark = row.querySelector('td.column-is_in_stock mark')!;
      expect(mark.className).toBe(v.stock > 0 ? 'instock' : 'outofstock');
      expect(txt(row.querySelector('td.column-is_in_stock'))).toContain(`(${v.stock})`);
      const inline = row.querySelector(`#woocommerce_inline_${it.itemId}`)!;
      expect(txt(inline.querySelector('.sku'))).toBe(v.sellerSku);
      expect(txt(inline.querySelector('.stock'))).toBe(String(v.stock));
      expect(txt(inline.querySelector('.regular_price'))).toBe(v.price.toFixed(2));
      expect(txt(row.querySelector('.row-actions .id'))).toBe(`ID: ${it.itemId} |`);
      expect(row.querySelector('button.editinline')).not.toBeNull();
    });
    // current WooCommerce: the GTIN column after SKU, the cost column, both in the inline data
    expect(all(p.doc, 'thead th').map((th) => th.id)).toEqual(['thumb', 'name', 'sku', 'global_unique_id', 'is_in_stock', 'price', 'cogs_value', 'product_cat', 'product_tag', 'featured', 'date']);
    expect(txt(rows[0]!.querySelector('td.column-global_unique_id'))).toMatch(/^\d{13}$/);
    expect(txt(rows[0]!.querySelector(`#woocommerce_inline_${list[0].itemId} .global_unique_id`))).toBe(txt(rows[0]!.querySelector('td.column-global_unique_id')));
    expect(rows[0]!.querySelector(`#woocommerce_inline_${list[0].itemId} .cogs_value`)).not.toBeNull();
    const prev = await get(withParams(shop.consoleUrl, { markup: 'previous' }));
    expect(all(prev.doc, 'thead th').map((th) => th.id)).toEqual(['thumb', 'name', 'sku', 'is_in_stock', 'price', 'product_cat', 'product_tag', 'featured', 'date']);
    expect(all(prev.doc, '#the-list .global_unique_id, #the-list .cogs_value')).toHaveLength(0);
    expect(p.doc.querySelector('#inlineedit tr#inline-edit')).not.toBeNull();
    expect(txt(p.doc.querySelector('.displaying-num'))).toBe(`${list.length} items`);
    expect(txt(p.doc.querySelector('#wp-admin-bar-site-name a'))).toBe('Corner Shop');
    expect(p.text).toContain(`"root":"${s.url}/woocommerce/${shop.shopId}/wp-json/"`);
    // paging: full page loads with paged=N; beyond the last page → redirect to it
    const p3 = await get(withParams(shop.consoleUrl, { paged: '3' }));
    expect(all(p3.doc, '#the-list tr[id^="post-"]')).toHaveLength(5);
    expect((p3.doc.querySelector('#current-page-selector') as HTMLInputElement).value).toBe('3');
    const next = p.doc.querySelector('.tablenav.top a.next-page')!.getAttribute('href')!;
    expect(new URL(next, s.url).searchParams.get('paged')).toBe('2');
    const far = await http(withParams(shop.consoleUrl, { paged: '9' }));
    expect(far.status).toBe(302);
    expect(new URL(far.headers.get('location')!, s.url).searchParams.get('paged')).toBe('3');
    // edit screen
    const pp = await get(`${s.url}/console/woocommerce/${shop.shopId}/wp-admin/post.php?post=${list[0].itemId}&action=edit`);
    expect(pp.doc.querySelector<HTMLInputElement>('#post_ID')!.value).toBe(list[0].itemId);
    expect(pp.doc.querySelector<HTMLInputElement>('#title')!.value).toBe(list[0].title);
    expect(pp.doc.querySelector<HTMLInputElement>('#_sku')!.value).toBe(list[0].variants[0].sellerSku);
    expect(pp.doc.querySelector<HTMLInputElement>('#_stock')!.value).toBe(String(list[0].variants[0].stock));
    expect((await get(`${s.url}/console/woocommerce/${shop.shopId}/wp-admin/post.php?post=1&action=edit`)).status).toBe(404);
    // changed markup: SKU/stock columns hidden, inline data and core anchors kept
    const ch = await get(withParams(shop.consoleUrl, { markup: 'changed' }));
    expect(all(ch.doc, '#the-list td.column-sku.hidden')).toHaveLength(20);
    expect(all(ch.doc, '#the-list input[name="post[]"]')).toHaveLength(20);
    expect(all(ch.doc, '#the-list [id^="woocommerce_inline_"]')).toHaveLength(20);
  });

  it('variable products: no parent SKU, variations on the edit screen', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 3, variantsPerItem: 3 });
    const it = (await items(shop.shopId)).pop();
    const p = await get(shop.consoleUrl);
    const row = p.doc.getElementById(`post-${it.itemId}`)!;
    expect(txt(row.querySelector('td.column-sku'))).toBe('–');
    expect(txt(row.querySelector(`#woocommerce_inline_${it.itemId} .product_type`))).toBe('variable');
    const pp = await get(`${s.url}/console/woocommerce/${shop.shopId}/wp-admin/post.php?post=${it.itemId}&action=edit`);
    expect(all(pp.doc, '.woocommerce_variation input[name^="variable_post_id"]').map((x) => (x as HTMLInputElement).value)).toEqual(it.variants.map((v: any) => v.variantId));
    expect(all(pp.doc, '.woocommerce_variation input[name^="variable_stock"]').map((x) => (x as HTMLInputElement).value)).toEqual(it.variants.map((v: any) => String(v.stock)));
  });

  it('Quick Edit save (admin-ajax inline-save) changes the product and answers the new row', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 3, variantsPerItem: 1 });
    const [a, b] = await items(shop.shopId);
    const ajax = `${s.url}/console/woocommerce/${shop.shopId}/wp-admin/admin-ajax.php`;
    const form = (f: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(f).toString() });
    const r = await http(ajax, form({ action: 'inline-save', post_ID: a.itemId, post_title: 'Renamed', _status: 'publish', _sku: b.variants[0].sellerSku, _regular_price: '12.50', _stock: '7' }));
    expect(r.status).toBe(200);
    const row = new JSDOM(`<table><tbody>${r.text}</tbody></table>`).window.document.getElementById(`post-${a.itemId}`)!;
    expect(txt(row.querySelector('td.column-is_in_stock'))).toContain('(7)');
    const after = (await ctl(s, 'GET', `/shops/${shop.shopId}/items/${a.itemId}`)).body;
    expect(after).toMatchObject({ title: 'Renamed', variants: [{ stock: 7, price: 12.5, sellerSku: a.variants[0].sellerSku }] }); // duplicate SKU kept out, as WooCommerce does
    expect((await http(ajax, form({ action: 'nope' }))).text).toBe('0');
    expect((await http(ajax, form({ action: 'inline-save', post_ID: '1' }))).text).toContain('not allowed');
  });
});

describe('live data and hostile text', () => {
  const cases: { platform: string; stock: (d: Document, it: any) => string; productUrl: (shop: any, it: any) => string }[] = [
    { platform: 'shopee', stock: (d) => txt(d.querySelector('.eds-table__main-body .stock-content')), productUrl: (sh, it) => `${s.url}/console/shopee/portal/product/${it.itemId}?shop_id=${sh.shopId}` },
    { platform: 'lazada', stock: (d) => txt(d.querySelector('tbody .sku-stock')), productUrl: (sh, it) => `${s.url}/console/lazada/apps/product/publish?productId=${it.itemId}&seller_id=${sh.shopId}` },
    { platform: 'tiktok', stock: (d) => txt(d.querySelector('tbody [class^="skuStock__"]')), productUrl: (sh, it) => `${s.url}/console/tiktok/product/edit/${it.itemId}?shop_id=${sh.shopId}` },
    { platform: 'shopify', stock: (d) => /(\d+) in stock/.exec(txt(d.querySelector('tbody tr')))?.[1] ?? '', productUrl: (sh, it) => `${sh.consoleUrl}/${num(it.itemId)}` },
    { platform: 'woocommerce', stock: (d, it) => txt(d.querySelector(`#woocommerce_inline_${it.itemId} .stock`)), productUrl: (sh, it) => `${s.url}/console/woocommerce/${sh.shopId}/wp-admin/post.php?post=${it.itemId}&action=edit` },
  ];
  for (const c of cases) {
    it(`${c.platform}: a stock change is visible on reload; a hostile title, SKU and shop name stay text`, async () => {
      const shop = await newShop(s, { platform: c.platform, items: 5, variantsPerItem: 1, name: c.platform === 'shopify' ? 'Evil <b>Shop</b>' : `Evil <img src=x onerror="globalThis.__pwned=3"> "Shop"` });
      const it = (await items(shop.shopId)).pop();
      const url = shop.consoleUrl;
      expect(c.stock((await get(url)).doc, it)).toBe(String(it.variants[0].stock));
      const patched = await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${encodeURIComponent(it.itemId)}`, { title: HOSTILE, status: 'active', variants: [{ variantId: it.variants[0].variantId, stock: 4321, sellerSku: `SKU"><svg onload=alert(1)>` }] });
      expect(patched.status).toBe(200);
      const p = await get(url);
      expect(c.stock(p.doc, it)).toBe('4321');
      expectInert(p);
      expect(p.text).toContain('&lt;img src=x onerror=');
      // shown as the text of an element of its own (TikTok: the title's text node, the id span after it)
      expect([...p.doc.querySelectorAll('a, span, div, strong')].some((el) => txt(el) === HOSTILE.trim() || [...el.childNodes].some((n) => n.nodeType === 3 && txt(n as unknown as Element) === HOSTILE.trim()))).toBe(true);
      expect(all(p.doc, 'img, svg')).toHaveLength(0);
      expect(p.doc.querySelectorAll('title')).toHaveLength(1);
      const pp = await get(c.productUrl(shop, it));
      expect(pp.status).toBe(200);
      expectInert(pp);
      expect(pp.doc.querySelectorAll('title')).toHaveLength(1);
      expect([...pp.doc.querySelectorAll('input')].some((i) => (i as HTMLInputElement).value === HOSTILE)).toBe(true);
      expect([...pp.doc.querySelectorAll('input')].some((i) => (i as HTMLInputElement).value === `SKU"><svg onload=alert(1)>`)).toBe(true);
      // JSON config scripts still parse and carry the raw name
      for (const sc of all(p.doc, 'script[type="application/json"]')) expect(() => JSON.parse(sc.textContent!)).not.toThrow();
    });
  }
});
