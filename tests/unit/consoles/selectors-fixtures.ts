// The saved console pages (tests/fixtures/consoles, `npx tsx tests/fixtures/consoles/save.ts`)
// as the selector tests read them: a fresh document per page (scripts never run: parsed, not
// executed), what the control API said was on the page, and Shopee's lazy rows shown as the
// console shows them once the seller has scrolled.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/consoles');

export interface Expected {
  platform: string;
  rows: number;
  hostileItemId: string;
  /** The listing whose title ends in a letter ("iPhone 15 Pro Max"). */
  letterTitleItemId: string;
  /** The listing whose own page is saved as `<platform>-product*.html`. */
  productItemId: string;
  /** Item ids as the console lists them (newest first). */
  pageOrder: string[];
  itemIds: string[];
  variants: { itemId: string; variantIds: string[]; skus: string[] }[];
}

export function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  return doc;
}

/** The saved page as THE document of the test window: its style sheets apply (jsdom computes
 *  styles only for a document with a window), for what depends on them — clipped blocks, fonts. */
export function loadStyled(name: string): Document {
  document.documentElement.innerHTML = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  return document;
}

export function expected(platform: string): Expected {
  return JSON.parse(readFileSync(path.join(DIR, `${platform}.json`), 'utf8')) as Expected;
}

/** Appends every chunk of Shopee's lazy rows to the main body and the pinned action column, as
 *  the console does while the seller scrolls (tests/simulator/consoles/shopee.ts). */
export function showLazyRows(doc: Document): Document {
  const main = doc.querySelector('.eds-table__main-body tbody');
  const right = doc.querySelector('.eds-table__fix-right .eds-table__fix-body tbody');
  for (const t of doc.querySelectorAll<HTMLTemplateElement>('template.eds-table__lazy')) {
    main?.append(...t.content.querySelectorAll('tbody.lazy-main > tr'));
    right?.append(...t.content.querySelectorAll('tbody.lazy-right > tr'));
    t.remove();
  }
  return doc;
}

/** Expands every listing's models (Shopee's "More variations"), as a click on each would. */
export function expandModels(doc: Document): Document {
  for (const btn of doc.querySelectorAll('.product-more-models')) {
    const tpl = btn.parentElement!.querySelector('template.model-list-tpl') as HTMLTemplateElement;
    btn.after(tpl.content.cloneNode(true));
  }
  return doc;
}
