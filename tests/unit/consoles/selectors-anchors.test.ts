// @vitest-environment jsdom
// Ids from several anchors per row, most durable first, on the saved console pages: every anchor
// kind (checkbox value and name, the data-id label, links with ids, the leaf that shows the id,
// the row's own id) gives the id the control API says — with the more durable anchors taken away
// one by one. And where the controls go: never inside a clipped block (TikTok's line-clamped
// title), in the main-body row next to Shopee's pinned Action column, inside Shopify's `li`
// rows, beside a product's name that is no heading.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log/logger';
import { clips, idFromAnchors, visibleMount, visualTitle } from '@/lib/consoles/runtime/anchors';
import { parseConsoleUrl } from '@/lib/consoles';
import { consoleMatches } from '@/lib/consoles/runtime/matches';
import { place } from '@/lib/consoles/runtime/mount';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { LAZADA_ANCHORS } from '@/lib/consoles/lazada/selectors';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { SHOPEE_ANCHORS } from '@/lib/consoles/shopee/selectors';
import { shopifyReader } from '@/lib/consoles/shopify/rows';
import { SHOPIFY_ANCHORS } from '@/lib/consoles/shopify/selectors';
import { tiktokReader } from '@/lib/consoles/tiktok/rows';
import { TIKTOK_ANCHORS } from '@/lib/consoles/tiktok/selectors';
import { wooReader } from '@/lib/consoles/woocommerce/rows';
import { expected, load, loadStyled, showLazyRows } from './selectors-fixtures';

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_l, _s, message) => logged.push(message));
});
afterEach(() => setLogSink(null));

const num = (gid: string) => gid.replace(/^gid:\/\/shopify\/Product\//, '');

describe('TikTok Shop: rows without links', () => {
  it('reads the id from the checkbox value, then from the data-id label — also when the title ends in a letter', () => {
    const want = expected('tiktok');
    const doc = load('tiktok');
    const rows = [...doc.querySelectorAll('tbody tr.core-table-tr')];
    expect(rows.map((r) => idFromAnchors(r, TIKTOK_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'checkbox' })));
    // The row whose title ends in a letter: its text runs into the id.
    const letter = rows.find((r) => (r.querySelector('input[type=checkbox]') as HTMLInputElement).value === want.letterTitleItemId)!;
    expect(letter.textContent).toContain(`iPhone 15 Pro MaxID:${want.letterTitleItemId}`);
    expect(/(?:^|[^A-Za-z])ID:\s?(\d{6,})(?!\d)/.exec(letter.textContent!)).toBeNull(); // the old whole-row pattern missed it
    for (const r of rows) r.querySelector('input[type=checkbox]')!.removeAttribute('value');
    expect(rows.map((r) => idFromAnchors(r, TIKTOK_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'text' })));
    expect(idFromAnchors(letter, TIKTOK_ANCHORS)!.el.getAttribute('data-id')).toBe('product.manage.table.columns.id');
    expect(tiktokReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('puts the controls after the clamped title block, where nothing clips them', () => {
    const want = expected('tiktok');
    const doc = loadStyled('tiktok');
    const rows = tiktokReader.findRows(doc);
    expect(rows.map((r) => r.id)).toEqual(want.pageOrder);
    for (const r of rows) {
      const label = r.row.querySelector('[data-id="product.manage.table.columns.id"]')!;
      expect(clips(label.parentElement!)).toBe(true); // the title block is line-clamped
      expect(r.mount).toEqual({ anchor: label.parentElement, where: 'after' });
      const host = doc.createElement('shelfsync-row');
      place(host, r.mount);
      for (let e = host.parentElement; e && e !== r.row; e = e.parentElement) expect(clips(e), e.className).toBe(false);
    }
  });

  it('previous build: the edit link, then the "ID:…" leaf (never the row\'s whole text)', () => {
    const want = expected('tiktok');
    const doc = load('tiktok-previous');
    const rows = [...doc.querySelectorAll('tbody tr.core-table-tr')];
    expect(rows.map((r) => idFromAnchors(r, TIKTOK_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'link' })));
    for (const a of doc.querySelectorAll('tbody a[href*="/product/edit/"]')) a.setAttribute('href', '#');
    const found = rows.map((r) => idFromAnchors(r, TIKTOK_ANCHORS));
    expect(found).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'text' })));
    expect(found.every((f) => f!.el.childElementCount === 0 && f!.el.textContent === `ID:${f!.id}`)).toBe(true);
    expect(tiktokReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('the edit page: after the product\'s two-line name block (no heading element), after the h1 on the previous build', () => {
    const doc = loadStyled('tiktok-product');
    expect(doc.querySelectorAll('h1, h2, [role=heading]')).toHaveLength(0);
    const mount = tiktokReader.productMount(doc)!;
    expect(mount.where).toBe('after');
    expect(mount.anchor.className).toMatch(/^pageHeader__/);
    expect(mount.anchor.firstElementChild!.className).toMatch(/^pageTitle__/); // the name, in the page's largest type
    expect(visualTitle(doc)).toEqual(mount);
    const prev = loadStyled('tiktok-product-previous');
    expect(tiktokReader.productMount(prev)!.anchor.localName).toBe('h1');
  });
});

describe('TikTok Shop under Tokopedia\'s host (Indonesian sellers)', () => {
  it('is a TikTok console: list and edit pages, matched by the TikTok script in production', () => {
    expect(parseConsoleUrl('https://seller-id.tokopedia.com/product/manage?tab=active&shop_region=ID')).toMatchObject({ platform: 'tiktok', kind: 'list' });
    expect(parseConsoleUrl('https://seller-id.tokopedia.com/product/edit/1732000000000000001')).toMatchObject({ platform: 'tiktok', kind: 'product', platformItemId: '1732000000000000001' });
    expect(parseConsoleUrl('http://seller-id.tokopedia.com/product/manage')).toBeNull();
    expect(parseConsoleUrl('https://www.tokopedia.com/product/manage')).toBeNull();
    expect(consoleMatches('tiktok', false)).toContain('https://seller-id.tokopedia.com/*');
  });
});

describe('Shopee: product information in the main body, the Action column pinned right', () => {
  it('pairs each main-body row with its pinned action row by position; the controls stay in the main-body row', () => {
    const want = expected('shopee');
    const doc = showLazyRows(load('shopee'));
    expect(doc.querySelector('.eds-table__fix-left')).toBeNull();
    const rows = shopeeReader.findRows(doc);
    const actions = [...doc.querySelectorAll('.eds-table__fix-right .eds-table__fix-body tbody tr')];
    expect(rows.map((r) => r.id)).toEqual(want.pageOrder);
    rows.forEach((r, i) => {
      expect(r.row.closest('.eds-table__main-body')).not.toBeNull();
      expect(r.related).toEqual([actions[i]]);
      expect(r.mount.anchor.closest('.product-variation-item')).not.toBeNull();
      expect(r.checkbox!.name).toBe(r.id);
    });
  });

  it('reads the checkbox name, then the link with its trailing slash, then the "Item ID" leaf in any language', () => {
    const want = expected('shopee');
    const doc = showLazyRows(load('shopee'));
    const rows = [...doc.querySelectorAll('.eds-table__main-body tbody tr.eds-table__row')];
    expect(rows.map((r) => idFromAnchors(r, SHOPEE_ANCHORS)?.kind)).toEqual(want.pageOrder.map(() => 'checkbox'));
    for (const r of rows) r.querySelector('input[type=checkbox]')!.removeAttribute('name');
    expect(rows.map((r) => idFromAnchors(r, SHOPEE_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'link' })));
    expect(rows[0]!.querySelector('a.product-name-wrap')!.getAttribute('href')).toMatch(/\/portal\/product\/\d+\/\?/);
    rows.forEach((r, i) => {
      r.querySelectorAll('a[href*="/portal/product/"]').forEach((a) => a.removeAttribute('href'));
      r.querySelector('.item-id')!.textContent = i % 2 ? `商品ID：${want.pageOrder[i]}` : `ID Sản phẩm: ${want.pageOrder[i]}`;
    });
    expect(rows.map((r) => idFromAnchors(r, SHOPEE_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'text' })));
    expect(shopeeReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('shows the first ten rows at first, and every row once the lazy ones arrive', () => {
    const want = expected('shopee');
    const doc = load('shopee');
    expect(shopeeReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder.slice(0, 10));
    expect(shopeeReader.findRows(showLazyRows(doc)).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('previous build: the product information pinned left, paired with the main rows', () => {
    const want = expected('shopee');
    const doc = load('shopee-previous');
    const rows = shopeeReader.findRows(doc);
    const main = [...doc.querySelectorAll('.eds-table__main-body tbody tr')];
    expect(rows.map((r) => r.id)).toEqual(want.pageOrder);
    rows.forEach((r, i) => {
      expect(r.row.closest('.eds-table__fix-left')).not.toBeNull();
      expect(r.related).toEqual([main[i]]);
    });
    expect(rows.map((r) => idFromAnchors(r.row, SHOPEE_ANCHORS)?.kind)).toEqual(want.pageOrder.map(() => 'link'));
  });
});

describe('Lazada: public links /products/i{id}.html', () => {
  it('reads the id from the slug-less link (no edit link in the row), and from the slug form of the previous build', () => {
    const want = expected('lazada');
    const doc = load('lazada');
    const rows = [...doc.querySelectorAll('tbody.next-table-body > tr.next-table-row')];
    expect(rows.every((r) => !r.querySelector('a[href*="productId="]'))).toBe(true);
    expect(rows.map((r) => r.querySelector('a.product-item-name')!.getAttribute('href'))).toEqual(want.pageOrder.map((id) => expect.stringMatching(new RegExp(`/products/i${id}\\.html\\?spm=`))));
    expect(rows.map((r) => idFromAnchors(r, LAZADA_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id, kind: 'link' })));
    expect(lazadaReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
    const prev = load('lazada-previous');
    expect(prev.querySelector('a.product-item-name')!.getAttribute('href')).toMatch(/-i\d+-s\d+\.html$/);
    expect(lazadaReader.findRows(prev).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('one link pattern for every form: no slug, slug with or without the SKU part, a slug with its own "-i5-"', () => {
    const row = document.createElement('tr');
    const link = row.appendChild(document.createElement('a'));
    link.className = 'product-item-name';
    const read = (href: string) => (link.setAttribute('href', href), idFromAnchors(row, LAZADA_ANCHORS)?.id ?? null);
    expect(read('https://www.lazada.co.id/products/i5504928451.html?spm=a2o4j.x')).toBe('5504928451');
    expect(read('https://www.lazada.sg/products/red-shirt-i123456-s789.html')).toBe('123456');
    expect(read('https://www.lazada.sg/products/red-shirt-i123456.html')).toBe('123456');
    expect(read('https://www.lazada.vn/products/laptop-core-i5-8gb-i98765-s4321.html')).toBe('98765');
    expect(read('https://www.lazada.sg/shop/some-page.html')).toBeNull();
  });
});

describe('Shopify: wide `tr` and condensed `li` rows', () => {
  it('condensed layout: li rows, the id from the primary link, then the row\'s own id; controls inside the li under the link', () => {
    const want = expected('shopify');
    const doc = load('shopify-condensed');
    const rows = shopifyReader.findRows(doc);
    expect(rows.map((r) => r.row.localName)).toEqual(want.pageOrder.map(() => 'li'));
    expect(rows.map((r) => r.id)).toEqual(want.pageOrder);
    for (const r of rows) {
      expect(r.mount).toEqual({ anchor: r.row.querySelector('a[data-primary-link="true"][data-polaris-unstyled]')!.parentElement, where: 'append' });
      expect(r.checkbox).not.toBeNull();
    }
    const lis = rows.map((r) => r.row);
    expect(lis.map((li) => idFromAnchors(li, SHOPIFY_ANCHORS)?.kind)).toEqual(want.pageOrder.map(() => 'link'));
    for (const li of lis) li.querySelector('a[data-primary-link]')!.setAttribute('href', '#');
    expect(lis.map((li) => idFromAnchors(li, SHOPIFY_ANCHORS))).toEqual(want.pageOrder.map((id) => expect.objectContaining({ id: num(id), kind: 'row' })));
    expect(shopifyReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('wide layout: tr rows, controls in the primary link\'s cell', () => {
    const doc = load('shopify');
    const rows = shopifyReader.findRows(doc);
    expect(rows.every((r) => r.row.localName === 'tr' && r.mount.anchor.localName === 'td' && r.mount.anchor.querySelector('a[data-primary-link]'))).toBe(true);
  });
});

describe('WooCommerce: WordPress core anchors under current columns', () => {
  it('the GTIN and cost columns (digits in every row) never become ids; row id and post[] agree', () => {
    const want = expected('woocommerce');
    const doc = load('woocommerce');
    expect(doc.querySelectorAll('#the-list td.column-global_unique_id').length).toBe(want.rows);
    expect(wooReader.findRows(doc).map((r) => r.id)).toEqual(want.pageOrder);
  });

  it('a site under www. or in a sub-directory: the admin of the connected site URL is its console', () => {
    const site = 'https://www.shop.example/store';
    expect(parseConsoleUrl(`${site}/wp-admin/edit.php?post_type=product`, [site])).toMatchObject({ platform: 'woocommerce', kind: 'list', shopHint: site });
    expect(parseConsoleUrl(`${site}/wp-admin/post.php?post=42&action=edit`, [`${site}/`])).toMatchObject({ kind: 'product', platformItemId: '42' });
    expect(parseConsoleUrl('https://www.shop.example/wp-admin/edit.php?post_type=product', [site])).toBeNull(); // another WordPress on that host
  });
});

describe('where the controls go', () => {
  it('after the outermost clipped block inside the cell, never out of the cell', () => {
    document.body.innerHTML = `<table><tbody><tr><td style="overflow:hidden;max-height:20px"><div style="overflow:hidden;-webkit-line-clamp:2"><span id="x">ID:123456</span></div></td></tr></tbody></table>`;
    const row = document.querySelector('tr')!;
    const span = document.getElementById('x')!;
    expect(visibleMount(span, row)).toEqual({ anchor: span.parentElement, where: 'after' });
    // A block that clips nothing: the controls go right at the element.
    document.body.innerHTML = `<table><tbody><tr><td><div><span id="y">ID:123456</span></div></td></tr></tbody></table>`;
    const plain = document.getElementById('y')!;
    expect(visibleMount(plain, document.querySelector('tr')!, 'append')).toEqual({ anchor: plain, where: 'append' });
    expect(logged).toEqual([]);
  });
});
