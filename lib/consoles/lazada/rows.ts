// Lazada's row finder: one Fusion table row per listing; the id from the public-page link, or
// the edit link when the public link is missing.
import { idFromAnchors, visibleMount } from '../runtime/anchors';
import { afterTitle, allOf, checkboxIn, oneOf, rowFinder } from '../runtime/dom';
import type { ConsolePageReader, ConsoleRow } from '../runtime/reader';
import { LAZADA, LAZADA_ANCHORS, LAZADA_ID } from './selectors';

export function lazadaItemId(row: Element): string | null {
  return idFromAnchors(row, LAZADA_ANCHORS)?.id ?? null;
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
      rows.push({ id, row, checkbox: checkboxIn(row, LAZADA.checkbox), mount: visibleMount(info, row, 'append') });
    }
    return rows;
  },
});

export const lazadaReader: ConsolePageReader = {
  platform: 'lazada',
  findRows: findLazadaRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(LAZADA.productTitle),
};
