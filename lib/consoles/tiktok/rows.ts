// TikTok Shop's row finder. Controls go in the element that holds the product link (name + id),
// found by structure — the link's parent — not by a hashed class.
import { afterTitle, allOf, capture, checkboxIn, hrefOf, oneOf, rowFinder } from '../runtime/dom';
import type { ConsoleAdapter, ConsoleRow } from '../runtime/types';
import { TIKTOK, TIKTOK_ID } from './selectors';

export function tiktokItemId(row: Element): string | null {
  return capture(hrefOf(oneOf(row, TIKTOK.itemLink)), TIKTOK_ID.href) ?? capture(row.textContent, TIKTOK_ID.text);
}

/** The innermost element whose text is the "ID:…" line. */
function idElement(row: Element): Element | null {
  for (const el of row.querySelectorAll('div, span, p')) {
    if (el.children.length === 0 && capture(el.textContent, TIKTOK_ID.text)) return el;
  }
  return null;
}

export const findTiktokRows = rowFinder({
  platform: 'tiktok',
  probe: { links: TIKTOK.probeLinks, href: TIKTOK_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, TIKTOK.rows)) {
      if (row.closest('thead')) continue;
      const id = tiktokItemId(row);
      const link = oneOf(row, TIKTOK.itemLink);
      const anchor = link?.parentElement ?? null;
      if (!id) continue;
      if (anchor && anchor !== row) {
        rows.push({ id, row, checkbox: checkboxIn(row, TIKTOK.checkbox), mount: { anchor, where: 'append' } });
        continue;
      }
      // No edit link: right after the element that shows "ID:…".
      const idText = idElement(row);
      if (idText) rows.push({ id, row, checkbox: checkboxIn(row, TIKTOK.checkbox), mount: { anchor: idText, where: 'after' } });
    }
    return rows;
  },
});

export const tiktokAdapter: ConsoleAdapter = {
  platform: 'tiktok',
  findRows: findTiktokRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(TIKTOK.productTitle),
};
