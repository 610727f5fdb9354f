// Lazada's row finder: one Fusion table row per listing; the id from the public-page link, or
// the edit link when the public link is missing.
import { afterTitle, allOf, capture, checkboxIn, hrefOf, oneOf, rowFinder } from '../runtime/dom';
import type { ConsoleAdapter, ConsoleRow } from '../runtime/types';
import { LAZADA, LAZADA_ID } from './selectors';

export function lazadaItemId(row: Element): string | null {
  return capture(hrefOf(oneOf(row, LAZADA.itemLink)), LAZADA_ID.href) ?? capture(hrefOf(oneOf(row, LAZADA.editLink)), LAZADA_ID.href);
}

export const findLazadaRows = rowFinder({
  platform: 'lazada',
  probe: { links: LAZADA.probeLinks, href: LAZADA_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, LAZADA.rows)) {
      const id = lazadaItemId(row);
      const info = oneOf(row, LAZADA.info);
      if (!id || !info) continue;
      rows.push({ id, row, checkbox: checkboxIn(row, LAZADA.checkbox), mount: { anchor: info, where: 'append' } });
    }
    return rows;
  },
});

export const lazadaAdapter: ConsoleAdapter = {
  platform: 'lazada',
  findRows: findLazadaRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(LAZADA.productTitle),
};
