// WooCommerce's row finder: `tr#post-{ID}` whose `post[]` checkbox agrees (Quick Edit's
// `tr#edit-{ID}` and its spacer are never rows; a row Quick Edit hides keeps its controls). The
// anchors are WordPress core, so columns WooCommerce adds or hides (GTIN, cost; SKU and stock
// only when enabled) change nothing here.
import { idFromAnchors } from '../runtime/anchors';
import { afterTitle, allOf, capture, checkboxIn, oneOf, rowFinder } from '../runtime/dom';
import type { ConsolePageReader, ConsoleRow, MountPoint } from '../runtime/reader';
import { WOO, WOO_ANCHORS, WOO_ID } from './selectors';

export const findWooRows = rowFinder({
  platform: 'woocommerce',
  probe: { links: WOO.probeLinks, href: WOO_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, WOO.rows)) {
      const id = idFromAnchors(row, WOO_ANCHORS)?.id;
      const checkbox = checkboxIn(row, WOO.checkbox);
      if (!id || (checkbox && capture(checkbox.value, WOO_ID.value) !== id)) continue;
      const title = oneOf(row, WOO.title);
      const cell = oneOf(row, WOO.nameCell);
      const mount: MountPoint | null = title ? { anchor: title, where: 'after' } : cell ? { anchor: cell, where: 'append' } : null;
      if (!mount) continue;
      rows.push({ id, row, checkbox, mount });
    }
    return rows;
  },
});

export const wooReader: ConsolePageReader = {
  platform: 'woocommerce',
  findRows: findWooRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(WOO.productTitle),
};
