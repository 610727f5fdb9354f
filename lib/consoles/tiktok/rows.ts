// TikTok Shop's row finder. The id comes from the row's anchors (checkbox value, the data-id span,
// the edit link, a leaf reading "ID:…"); the controls go right after the element that shows the
// id — and when that element sits in the line-clamped title block (the live console), after the
// whole block, where nothing clips them. Found by structure, never by a hashed class.
import { cellOf, idFromAnchors, visibleMount, visualTitle } from '../runtime/anchors';
import { afterTitle, allOf, checkboxIn, oneOf, rowFinder } from '../runtime/dom';
import type { ConsolePageReader, ConsoleRow, MountPoint } from '../runtime/reader';
import { TIKTOK, TIKTOK_ANCHORS, TIKTOK_ID } from './selectors';

export function tiktokItemId(row: Element): string | null {
  return idFromAnchors(row, TIKTOK_ANCHORS)?.id ?? null;
}

/** The leaf that shows "ID:…" (the live data-id span first). */
function idLabel(row: Element): Element | null {
  return idFromAnchors(row, TIKTOK_ANCHORS.filter((a) => a.kind === 'text'))?.el ?? null;
}

function mountIn(row: Element, checkbox: HTMLInputElement | null): MountPoint | null {
  const label = idLabel(row);
  if (label) return visibleMount(label, row, 'after');
  const link = oneOf(row, TIKTOK.itemLink);
  if (link?.parentElement && link.parentElement !== row) return visibleMount(link.parentElement, row, 'append');
  // Only the checkbox knows the id: the cell after the checkbox's (the product cell).
  const next = checkbox ? cellOf(checkbox, row)?.nextElementSibling : null;
  return next ? { anchor: next, where: 'append' } : null;
}

export const findTiktokRows = rowFinder({
  platform: 'tiktok',
  probe: { links: TIKTOK.probeLinks, href: TIKTOK_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, TIKTOK.rows)) {
      if (row.closest('thead')) continue;
      const id = tiktokItemId(row);
      if (!id) continue;
      const checkbox = checkboxIn(row, TIKTOK.checkbox);
      const mount = mountIn(row, checkbox);
      if (mount) rows.push({ id, row, checkbox, mount });
    }
    return rows;
  },
});

/** The edit page: after an h1 where there is one (older builds), else after the product's name block. */
const headingMount = afterTitle(TIKTOK.productTitle);

export const tiktokReader: ConsolePageReader = {
  platform: 'tiktok',
  findRows: findTiktokRows,
  rowish: 'tr, tbody, table',
  productMount: (root) => headingMount(root) ?? visualTitle(root),
};
