// @vitest-environment jsdom
// The page outline a seller copies for support: the listing table's structure (tags, classes,
// attribute names) and nothing personal — no buyer name, email or phone, no price, product title,
// image or link URL, data-* value, aria-label, title attribute or input value survives; digit
// runs become `#`; the size is bounded however long the list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTLINE_LIMITS, pageOutline } from '@/lib/consoles/outline';
import { shownRows } from '@/lib/consoles/runtime/readability';

const SECRETS = {
  buyer: 'Siti Nurhaliza',
  email: 'siti.nurhaliza@example.co.id',
  phone: '+62 812-3456-7890',
  price: 'Rp 149.900',
  title: 'Batik Tulis Pekalongan Premium',
  image: 'https://cf.shopee.co.id/file/id-11134207-7r98o-lm3k9z2x5y8b4c',
  sku: 'tee-red-xl',
  aria: 'Edit Batik Tulis',
  tooltip: 'Last edited by Siti',
  input: 'BTK-0042-ALPHA',
  itemId: '20000517931',
  url: '/portal/product/20000517931/?shop_id=300007919',
};

function row(i: number): string {
  return `<tr class="eds-table__row post-${SECRETS.itemId}${i} product_cat-batik-tulis product_tag-siti-favourites" data-row-key="${SECRETS.itemId}${i}">
  <td class="eds-table__cell"><label class="eds-checkbox"><input type="checkbox" class="eds-checkbox__input" name="${SECRETS.itemId}${i}" value="${SECRETS.itemId}${i}" aria-label="${SECRETS.aria}"></label></td>
  <td class="eds-table__cell product-cell"><img class="product-image" src="${SECRETS.image}" alt="${SECRETS.title}" title="${SECRETS.tooltip}">
    <a class="product-name-wrap" href="${SECRETS.url}" title="${SECRETS.title}"><span class="product-name">${SECRETS.title} ${i}</span></a>
    <span data-id="product.manage.table.columns.id">ID:${SECRETS.itemId}${i}</span>
    <div class="buyer" data-buyer="${SECRETS.buyer}" data-email="${SECRETS.email}" data-phone="${SECRETS.phone}" data-sku="${SECRETS.sku}" data-id="${SECRETS.sku}">${SECRETS.buyer} · ${SECRETS.email} · ${SECRETS.phone}</div>
    <!-- ${SECRETS.buyer} -->
  </td>
  <td class="eds-table__cell"><span class="list-view-price">${SECRETS.price}</span><input class="eds-input__input" name="model_sku" value="${SECRETS.input}" placeholder="${SECRETS.title}"></td>
  <td class="eds-table__cell"><button type="button" role="button" aria-pressed="false" onclick="alert('${SECRETS.buyer}')">Edit</button><svg><text>${SECRETS.price}</text></svg><script>var buyer = '${SECRETS.email}'</script></td>
</tr>`;
}

function listPage(rows: number): Document {
  const doc = document.implementation.createHTMLDocument('p');
  doc.body.className = 'sc-v2';
  doc.body.innerHTML = `<div class="app" id="app-${SECRETS.itemId}" aria-label="${SECRETS.buyer}'s shop"><main class="product-list-page"><table class="eds-table__body" title="${SECRETS.buyer}">
<thead><tr class="eds-table__header-row"><th><input type="checkbox" class="eds-table__select-all"></th><th>Product</th><th>Price</th><th>Action</th></tr></thead>
<tbody>${Array.from({ length: rows }, (_, i) => row(i)).join('\n')}</tbody></table></main></div>`;
  return doc;
}

const outlineOf = (doc: Document) => pageOutline(shownRows(doc).groups, { platform: 'shopee', kind: 'list', shown: 60, read: 0 });

describe('the page outline', () => {
  it('keeps the structure: tags, class names, attribute names, structural words, where text is', () => {
    const out = outlineOf(listPage(5));
    expect(out).toContain('console: shopee · list page · listings shown: 60 · read by Shelfsync: 0');
    // The elements above the table, then the table.
    expect(out).toMatch(/^html\n {2}body\.sc-v#\n {4}div\.app\[id=app-#\]\[aria-label\]\n {6}main\.product-list-page\n {8}table\.eds-table__body\[title\]\n {10}thead\n/m);
    expect(out).toMatch(/^ {10}tbody\n {12}tr\.eds-table__row/m);
    expect(out).toContain('tr.eds-table__row.post-#.product_cat-*.product_tag-*[data-row-key]');
    expect(out).toContain('input.eds-checkbox__input[type=checkbox][name=#][value][aria-label]');
    expect(out).toContain('img.product-image[src][alt][title]');
    expect(out).toContain('a.product-name-wrap[href][title]');
    expect(out).toContain('span.product-name ·text');
    expect(out).toContain('span[data-id=product.manage.table.columns.id] ·text');
    expect(out).toContain('div.buyer[data-buyer][data-email][data-phone][data-sku][data-id] ·text');
    expect(out).toContain('input.eds-input__input[name=model_sku][value][placeholder]');
    expect(out).toContain('button[type=button][role=button][aria-pressed=false][onclick] ·text');
    expect(out).toContain('svg');
  });

  it('lets nothing personal through: names, emails, phones, prices, titles, URLs, ids, data values, labels, input values', () => {
    const out = outlineOf(listPage(5));
    for (const [what, secret] of Object.entries(SECRETS)) expect(out, what).not.toContain(secret);
    // Not even pieces of them.
    for (const piece of ['Siti', 'Nurhaliza', 'example', '812', '3456', '149', 'Batik', 'Pekalongan', 'shopee.co', 'lm3k9z', 'tee-red', 'BTK', 'ALPHA', '2000051', 'shop_id', 'alert', 'favourites', 'buyer =']) {
      expect(out, piece).not.toContain(piece);
    }
    // Below the two header lines (which carry the counts), no digit but in "… N more" counts.
    expect(out.split('\n').slice(2).filter((l) => !/^ *… \d+ more/.test(l)).join('\n')).not.toMatch(/\d/);
  });

  it('shows the first rows in full and counts the rest; bounded however long the list', () => {
    const out = outlineOf(listPage(200));
    expect(out.match(/^ *tr\.eds-table__row/gm)).toHaveLength(OUTLINE_LIMITS.fullRows);
    expect(out).toContain('… 197 more tr');
    expect(out.length).toBeLessThan(OUTLINE_LIMITS.maxChars);
  });

  it('cuts a huge or deep page at its limits', () => {
    const doc = document.implementation.createHTMLDocument('deep');
    let html = '<table class="t"><tbody>';
    for (let r = 0; r < 4; r++) html += `<tr><td><input type="checkbox"><img src="x">${'<div class="wrap">'.repeat(40)}deep${'</div>'.repeat(40)}</td>${'<td class="c"><span class="s"></span></td>'.repeat(60)}</tr>`;
    doc.body.innerHTML = `${html}</tbody></table>`;
    const out = pageOutline(shownRows(doc).groups, { platform: 'shopee', kind: 'list', shown: 4, read: 0 }, { ...OUTLINE_LIMITS, maxChars: 2000 });
    expect(out.length).toBeLessThanOrEqual(2000 + 60);
    expect(out).toMatch(/… outline cut at 2000 characters$/);
    const roomy = pageOutline(shownRows(doc).groups, { platform: 'shopee', kind: 'list', shown: 4, read: 0 }, { ...OUTLINE_LIMITS, maxChars: 100_000 });
    expect(roomy).toContain('more levels below');
    expect(roomy).toContain('… 36 more'); // cells: up to the children cap, every column a place of its own
  });

  it('a saved console page with a hostile title: structure only', () => {
    const dir = path.resolve(import.meta.dirname, '../../fixtures/consoles');
    const doc = document.implementation.createHTMLDocument('fixture');
    doc.documentElement.innerHTML = readFileSync(path.join(dir, 'tiktok-hostile.html'), 'utf8');
    const out = pageOutline(shownRows(doc).groups, { platform: 'tiktok', kind: 'list', shown: 7, read: 0 });
    expect(out).toContain('tr.core-table-tr');
    expect(out).not.toMatch(/<img|onerror|<script|ID:|\$/);
    expect(out).not.toMatch(/\d{3,}/);
  });

  it('no listing table: says so', () => {
    expect(pageOutline([], { platform: 'lazada', kind: 'list', shown: 0, read: 0 })).toMatch(/\(no listing table found\)$/);
  });
});
