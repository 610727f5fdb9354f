// @vitest-environment jsdom
// The readability probe counts the listing rows a console page shows from its structure alone
// (checkbox rows beside a product cell, image rows of a table body), never from the id patterns
// the row finders use: on every saved console page it counts the page's listings, in the normal
// markup (all read) and in the redesigned one (the finders read none); menus, pagers, select-all
// boxes, category checklists and hidden tables are not listings; pinned columns are not counted
// twice. The row finder's "markup changed" hint needs no id pattern either.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log/logger';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { shopifyReader } from '@/lib/consoles/shopify/rows';
import { tiktokReader } from '@/lib/consoles/tiktok/rows';
import { wooReader } from '@/lib/consoles/woocommerce/rows';
import { rowFinder } from '@/lib/consoles/runtime/dom';
import { readPage, shownRows } from '@/lib/consoles/runtime/readability';
import { answerPage } from '@/lib/consoles/runtime/features/readability';
import { readabilityOf } from '@/lib/consoles/pageReport';
import type { ConsolePageReader, ConsoleRow } from '@/lib/consoles/runtime/reader';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/consoles');
const READERS: Record<string, ConsolePageReader> = { shopee: shopeeReader, lazada: lazadaReader, tiktok: tiktokReader, shopify: shopifyReader, woocommerce: wooReader };

function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  return doc;
}

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = body;
  return doc;
}

const productRow = (i: number) => `<tr><td><input type="checkbox"></td><td><img src="/p/${i}.jpg"><a href="/x/${i}">Item ${i}</a></td><td>9.00</td></tr>`;
const table = (n: number, cls = 'list') => `<table class="${cls}"><thead><tr><th><input type="checkbox"></th><th>Product</th><th>Price</th></tr></thead><tbody>${Array.from({ length: n }, (_, i) => productRow(i)).join('')}</tbody></table>`;

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_l, _s, message) => logged.push(message));
});
afterEach(() => setLogSink(null));

describe('readability of a state', () => {
  it('compares what the page shows with what was read', () => {
    expect(readabilityOf(0, 0)).toBe('empty');
    expect(readabilityOf(50, 50)).toBe('all');
    expect(readabilityOf(48, 50)).toBe('all'); // the finder read rows the probe does not count
    expect(readabilityOf(50, 0)).toBe('none');
    expect(readabilityOf(50, 20)).toBe('some');
  });
});

describe('the rows a page shows, by structure', () => {
  it('counts checkbox rows with a product cell; not the select-all box, menus, pagers or category checklists', () => {
    const doc = page(`
      <nav><ul class="menu">${'<li><img src="/icon.png"><a href="/home">Home</a></li>'.repeat(9)}</ul></nav>
      ${table(7)}
      <ul class="pager">${'<li><a href="?page=2">2</a></li>'.repeat(12)}</ul>
      <ul class="cat-checklist">${'<li><label><input type="checkbox"> Shirts</label></li>'.repeat(20)}</ul>`);
    const shown = shownRows(doc);
    expect(shown.count).toBe(7);
    expect(shown.groups.map((g) => g.className)).toEqual(['list']);
  });

  it('counts pinned columns (several tables of the same rows) once, and keeps all of them as the listing table', () => {
    const pinned = `<table class="left"><tbody>${Array.from({ length: 5 }, (_, i) => `<tr><td><input type="checkbox"></td><td><img src="/p/${i}.jpg"></td></tr>`).join('')}</tbody></table>`;
    const main = `<table class="main"><tbody>${'<tr><td>9.00</td><td>3</td><td><a href="/edit">Edit</a></td></tr>'.repeat(5)}</tbody></table>`;
    const shown = shownRows(page(pinned + main));
    expect(shown.count).toBe(5);
    expect(shown.groups.map((g) => g.className)).toEqual(['left']);
  });

  it('counts list items (a condensed layout) and image rows of a table without checkboxes', () => {
    const list = `<ul class="condensed">${Array.from({ length: 4 }, (_, i) => `<li><input type="checkbox"><img src="/p/${i}.jpg"><span>Item</span></li>`).join('')}</ul>`;
    expect(shownRows(page(list)).count).toBe(4);
    const noBoxes = `<table><tbody>${'<tr><td><img src="/p.jpg"></td><td>Item</td></tr>'.repeat(6)}</tbody></table>`;
    expect(shownRows(page(noBoxes)).count).toBe(6);
  });

  it('leaves out what is not shown: hidden tables, hidden rows, templates', () => {
    const doc = page(`<div hidden>${table(30)}</div><div style="display: none">${table(40)}</div>${table(3)}<template>${table(50)}</template>`);
    expect(shownRows(doc).count).toBe(3);
    const rows = page(table(4));
    rows.querySelectorAll('tbody tr')[1]!.setAttribute('hidden', '');
    expect(shownRows(rows).count).toBe(3);
  });

  it('a shortfall is confirmed row by row before it is told (rows hidden by style do not count)', () => {
    const doc = page(table(6));
    const rows = [...doc.querySelectorAll('tbody tr')];
    const hiddenByStyle = new Set(rows.slice(0, 2));
    const visible = (el: Element) => !hiddenByStyle.has(el);
    expect(readPage(doc, 4, visible)).toMatchObject({ shown: 4, read: 4, state: 'all' });
    expect(readPage(doc, 0, visible)).toMatchObject({ shown: 4, read: 0, state: 'none' });
    expect(readPage(doc, 1, visible)).toMatchObject({ shown: 4, read: 1, state: 'some' });
  });
});

/** Listings on the saved page, counted by their ids: those in the markup outside templates (rows loaded on scroll). */
function listedOnPage(doc: Document, platform: string): number {
  const copy = doc.documentElement.cloneNode(true) as Element;
  for (const tpl of copy.querySelectorAll('template')) tpl.remove();
  const html = copy.outerHTML;
  return (JSON.parse(readFileSync(path.join(DIR, `${platform}.json`), 'utf8')) as { itemIds: string[] }).itemIds.filter((id) => html.includes(/\d+$/.exec(id)![0])).length;
}
const variants = (platform: string) => readdirSync(DIR).filter((f) => new RegExp(`^${platform}(-(previous|changed|hostile|condensed))?\\.html$`).test(f)).map((f) => f.replace(/\.html$/, ''));

describe.each(Object.keys(READERS))('%s saved console pages', (platform) => {
  const reader = READERS[platform]!;

  it.each(variants(platform))('%s: the probe counts the listings the page shows, without the finder', (name) => {
    const doc = load(name);
    const want = listedOnPage(doc, platform);
    expect(want).toBeGreaterThan(0);
    expect(readPage(doc, 0)).toMatchObject({ shown: want, read: 0, state: 'none' });
  });

  it.each(variants(platform).filter((n) => !n.endsWith('-changed')))('%s: a page the row finder reads whole raises nothing', (name) => {
    const doc = load(name);
    expect(readPage(doc, reader.findRows(doc).length).state).toBe('all');
  });
});

describe('the finder hint without id patterns', () => {
  it('a page of listing rows the finder cannot read logs one hint, with no probe links given', () => {
    const find = rowFinder({ platform: 'test', find: () => [] });
    const doc = page(table(5));
    expect(find(doc)).toEqual([]);
    expect(find(doc)).toEqual([]);
    expect(logged).toEqual(['test: this console page shows listings in markup Shelfsync does not recognise (the console may have changed); no controls are shown here.']);
  });

  it('an empty list logs nothing', () => {
    const find = rowFinder({ platform: 'test', find: () => [], probe: { links: ['a'], href: [/\/item\/(\d+)/] } });
    expect(find(page('<table><thead><tr><th><input type="checkbox"></th></tr></thead><tbody></tbody></table><p>No Products Found</p>'))).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('the answer to the popup', () => {
  const rowsOf = (doc: Document, n: number) => new Map<string, ConsoleRow>([...doc.querySelectorAll('tbody tr')].slice(0, n).map((row, i) => [String(i), { id: String(i), row, checkbox: null, mount: { anchor: row, where: 'append' } }]));

  it('counts, and the masked outline only when the page is not fully read', () => {
    const doc = page(table(5));
    expect(answerPage({ reader: shopeeReader, rows: rowsOf(doc, 5) }, doc)).toEqual({ platform: 'shopee', shown: 5, read: 5, outline: null });
    const some = answerPage({ reader: shopeeReader, rows: rowsOf(doc, 2) }, doc);
    expect(some).toMatchObject({ platform: 'shopee', shown: 5, read: 2 });
    expect(some.outline).toContain('console: shopee · list page · listings shown: 5 · read by Shelfsync: 2');
    expect(some.outline).toContain('table.list');
    expect(some.outline).not.toContain('Item 0');
  });
});
