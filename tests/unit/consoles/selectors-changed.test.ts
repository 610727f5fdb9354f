// @vitest-environment jsdom
// The consoles change without notice. On the saved redesigned pages (?markup=changed) the row
// finders of the single-page consoles find nothing, log ONE hint and never throw; WordPress's
// core anchors (tr#post-{ID}, post[]) survive WooCommerce's column changes, so its rows are still
// found. Also the in-page changes the consoles make: Shopee's model expansion, Shopee's pinned
// tables out of step, WooCommerce's Quick Edit rows; and the older builds' fallbacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log/logger';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { shopifyReader } from '@/lib/consoles/shopify/rows';
import { tiktokReader } from '@/lib/consoles/tiktok/rows';
import { wooReader } from '@/lib/consoles/woocommerce/rows';
import { rowFinder } from '@/lib/consoles/runtime/dom';
import { expandModels, expected as saved, showLazyRows } from './selectors-fixtures';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/consoles');
function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  return doc;
}
const expected = (p: string) => JSON.parse(readFileSync(path.join(DIR, `${p}.json`), 'utf8')) as { rows: number; itemIds: string[] };

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_l, _s, message) => logged.push(message));
});
afterEach(() => setLogSink(null));

describe('redesigned console markup', () => {
  it.each([
    ['shopee', shopeeReader],
    ['lazada', lazadaReader],
    ['tiktok', tiktokReader],
    ['shopify', shopifyReader],
  ] as const)('%s: no rows, one logged hint, no exception — however often it is scanned', (platform, reader) => {
    const doc = load(`${platform}-changed`);
    expect(reader.findRows(doc)).toEqual([]);
    expect(reader.findRows(doc)).toEqual([]);
    expect(reader.findRows(doc.body)).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`^${platform}: this console page shows listings in markup Shelfsync does not recognise`));
  });

  it('woocommerce: the rows are still found by tr#post-{ID} and post[] with the SKU and stock columns hidden', () => {
    const rows = wooReader.findRows(load('woocommerce-changed'));
    expect(rows.map((r) => r.id).sort()).toEqual(expected('woocommerce').itemIds);
    expect(logged).toEqual([]);
  });

  it('an empty list (no listing links at all) logs nothing', () => {
    const doc = document.implementation.createHTMLDocument('empty');
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'No Products Found' }));
    for (const a of [shopeeReader, lazadaReader, tiktokReader, shopifyReader, wooReader]) expect(a.findRows(doc)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('a finder that throws on surprising markup answers no rows and one hint', () => {
    const find = rowFinder({ platform: 'test', probe: { links: ['a'], href: [/x/] }, find: () => { throw new TypeError('surprise'); } });
    const doc = document.implementation.createHTMLDocument('x');
    expect(find(doc)).toEqual([]);
    expect(find(doc)).toEqual([]);
    expect(logged).toEqual(['test: the listing rows could not be read (surprise); Shelfsync shows no controls on this page.']);
  });
});

describe('changes the consoles make in the page', () => {
  it('shopee: expanding the variants adds model lines to their listing, not listings', () => {
    const want = saved('shopee');
    for (const name of ['shopee', 'shopee-previous']) {
      const doc = showLazyRows(load(name));
      const before = shopeeReader.findRows(doc);
      expect(before.every((r) => !r.variants)).toBe(true);
      expandModels(doc);
      expect(doc.querySelectorAll('.model-list-item').length).toBeGreaterThan(0);
      const after = shopeeReader.findRows(doc);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      for (const r of after) {
        expect(r.variants!.map((v) => v.id)).toEqual(want.variants.find((x) => x.itemId === r.id)!.variantIds);
        for (const v of r.variants!) expect(v.el.closest('tr')).toBe(r.row);
      }
    }
  });

  it('shopee: when the pinned action column is out of step, the rows are still found, unpaired, controls in the main body', () => {
    const doc = showLazyRows(load('shopee'));
    const rows = shopeeReader.findRows(doc);
    expect(rows.every((r) => r.mount.anchor.closest('.eds-table__main-body') && r.related?.[0]?.closest('.eds-table__fix-right'))).toBe(true);
    doc.querySelector('.eds-table__fix-right tbody tr')!.remove();
    const unpaired = shopeeReader.findRows(doc);
    expect(unpaired.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(unpaired.every((r) => r.mount.anchor.closest('.eds-table__main-body') && !r.related)).toBe(true);
  });

  it('shopee (previous build): the localized item id text is the fallback when the link is gone (full-width colon too)', () => {
    const doc = load('shopee-previous');
    const row = doc.querySelector('.eds-table__fix-left tbody tr')!;
    const id = row.querySelector('.item-id')!.textContent!.replace(/\D/g, '');
    row.querySelector('a.product-name-wrap')!.removeAttribute('href');
    row.querySelector('.item-id')!.textContent = `商品ID：${id}`;
    expect(shopeeReader.findRows(doc).map((r) => r.id)).toContain(id);
  });

  it('woocommerce: Quick Edit\'s edit row and spacer are never rows; the hidden row still is', () => {
    const doc = load('woocommerce');
    const row = doc.querySelector('#the-list > tr[id^="post-"]') as HTMLElement;
    const id = row.id.replace('post-', '');
    const edit = doc.getElementById('inline-edit')!.cloneNode(true) as HTMLElement;
    edit.id = `edit-${id}`;
    const spacer = doc.createElement('tr');
    spacer.className = 'hidden';
    row.style.display = 'none';
    row.after(spacer, edit);
    const rows = wooReader.findRows(doc);
    expect(rows).toHaveLength(expected('woocommerce').rows);
    expect(rows.filter((r) => r.id === id)).toHaveLength(1);
  });

  it('woocommerce: a row whose post[] checkbox names another post is not trusted', () => {
    const doc = load('woocommerce');
    const box = doc.querySelector('#the-list input[name="post[]"]') as HTMLInputElement;
    box.value = '999999';
    expect(wooReader.findRows(doc)).toHaveLength(expected('woocommerce').rows - 1);
  });

  it('shopify: the numeric admin id becomes the product GID, from the link or the row id', () => {
    const doc = load('shopify');
    const row = doc.querySelector('tr[class*="Polaris-IndexTable__TableRow"]')!;
    const id = row.id;
    row.querySelector('a[data-primary-link]')!.setAttribute('href', '#');
    expect(shopifyReader.findRows(doc).map((r) => r.id)).toContain(`gid://shopify/Product/${id}`);
  });

  it('tiktok (previous build): the "ID:…" text is the fallback for a row without its edit link', () => {
    const doc = load('tiktok-previous');
    const row = doc.querySelector('tbody tr.core-table-tr')!;
    const link = row.querySelector('a[href*="/product/edit/"]')!;
    const id = /edit\/(\d+)/.exec(link.getAttribute('href')!)![1]!;
    const other = row.querySelectorAll('a[href*="/product/edit/"]');
    other.forEach((a) => a.setAttribute('href', '#'));
    expect(tiktokReader.findRows(doc).map((r) => r.id)).toContain(id);
  });
});
