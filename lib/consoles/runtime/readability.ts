// How many listing rows a console page shows, counted from the page's structure alone — never
// from the id patterns or the class names the row finders use, so a console that changed its
// markup (the finders read nothing) is still seen to show listings. Every seller console's
// product list is a table, list or column of cards whose rows carry a selection checkbox beside
// a product cell (image, link, several cells); rows of a table body with a product image count
// too, for a list without checkboxes. The rows are grouped by their table or list, and the largest visible group
// is "the listing table" (pinned columns render as separate tables of the same rows: max, not sum).
import { readabilityOf, type Readability } from '../pageReport';

const CHECKBOX = 'input[type="checkbox"], [role="checkbox"]';
const ROW = 'tr, li, [role="row"], [role="listitem"]';
const GROUP = 'table, ul, ol, [role="table"], [role="grid"], [role="treegrid"], [role="list"]';
/** A select-all box sits in the header or footer (a row's own box may be in a `th scope=row`: WordPress). */
const HEADER = 'thead, tfoot, [role="columnheader"]';
const PRODUCT_CELL = 'img, picture, a[href], [role="img"]';
const IMAGE = 'img, picture, [role="img"]';

export interface ShownRows {
  /** Listing rows in the largest visible group. */
  count: number;
  /** The groups (table / list) holding the most rows — the listing table; pinned columns give several. */
  groups: Element[];
}

type Visible = (el: Element) => boolean;

/** Rendered, as cheaply as the browser allows: checkVisibility where it exists (one style pass). */
export function rendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  // No layout engine (jsdom): what the markup itself hides.
  return !el.closest('[hidden], template, [aria-hidden="true"], [style*="display: none"], [style*="display:none"]');
}

function listingRow(row: Element, hasCheckbox: boolean): boolean {
  if (row.hasAttribute('hidden') || row.getAttribute('aria-hidden') === 'true') return false;
  if (!hasCheckbox) return row.children.length >= 2 && !!row.querySelector(IMAGE);
  if (row.querySelector(PRODUCT_CELL)) return true;
  // A table row of several cells is a listing even without a picture or link (TikTok's real rows
  // have no link); a card is not — a "Select all" bar beside the cards is one too.
  return row.matches('tr, [role="row"]') && row.children.length >= 3;
}

function groupOf(row: Element): Element {
  return row.parentElement?.closest(GROUP) ?? row.parentElement ?? row;
}

/**
 * The row of each selection checkbox: its table row or list item, else — cards of plain divs —
 * the highest ancestor holding no other checkbox (one walk up per checkbox, counts shared).
 */
function rowsOfBoxes(boxes: Element[], stop: ParentNode): Map<Element, Element> {
  const rows = new Map<Element, Element>();
  const loose: Element[] = [];
  for (const box of boxes) {
    const row = box.closest(ROW);
    if (row && !row.closest(HEADER)) rows.set(box, row);
    else if (!row) loose.push(box);
  }
  if (!loose.length) return rows;
  const under = new Map<Element, number>();
  for (const box of boxes) {
    for (let a = box.parentElement; a && a !== stop; a = a.parentElement) under.set(a, (under.get(a) ?? 0) + 1);
  }
  for (const box of loose) {
    let row: Element = box;
    while (row.parentElement && row.parentElement !== stop && under.get(row.parentElement) === 1) row = row.parentElement;
    if (row !== box) rows.set(box, row);
  }
  return rows;
}

/**
 * The listing rows the page shows. `exactRows` also drops rows hidden by style one by one (a
 * style pass per row): for confirming a shortfall before telling the seller, not for every scan.
 */
export function shownRows(root: ParentNode, opts: { exactRows?: boolean; visible?: Visible } = {}): ShownRows {
  const visible = opts.visible ?? rendered;
  const groups = new Map<Element, Set<Element>>();
  const add = (row: Element) => {
    const g = groupOf(row);
    let set = groups.get(g);
    if (!set) groups.set(g, (set = new Set()));
    set.add(row);
  };
  const boxes = Array.from(root.querySelectorAll(CHECKBOX)).filter((b) => !b.closest(HEADER));
  for (const row of new Set(rowsOfBoxes(boxes, root).values())) if (listingRow(row, true)) add(row);
  for (const row of root.querySelectorAll('tbody > tr')) if (!row.closest(HEADER) && listingRow(row, false)) add(row);

  let count = 0;
  let best: Element[] = [];
  for (const [group, rows] of groups) {
    if (!visible(group)) continue;
    const n = opts.exactRows ? [...rows].filter(visible).length : rows.size;
    if (n > count) [count, best] = [n, [group]];
    else if (n === count && n > 0) best.push(group);
  }
  return { count, groups: best };
}

export interface PageReading {
  shown: number;
  read: number;
  state: Readability;
  groups: Element[];
}

/** What the page shows against what the row finder read; a shortfall is confirmed row by row. */
export function readPage(root: ParentNode, read: number, visible?: Visible): PageReading {
  let shown = shownRows(root, { visible });
  if (shown.count > read) shown = shownRows(root, { exactRows: true, visible });
  return { shown: shown.count, read, state: readabilityOf(shown.count, read), groups: shown.groups };
}
