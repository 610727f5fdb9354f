// Shopee's row finder: the pinned-left and main tables render as two tables; a listing is the
// pair of rows with the same index — paired only when both tables have the same number of rows.
import { afterTitle, allOf, capture, checkboxIn, hrefOf, oneOf, rowFinder } from '../runtime/dom';
import type { ConsoleAdapter, ConsoleRow, MountPoint } from '../runtime/types';
import { SHOPEE, SHOPEE_ID } from './selectors';

export function shopeeItemId(row: Element): string | null {
  return capture(hrefOf(oneOf(row, SHOPEE.itemLink)), SHOPEE_ID.href) ?? capture(oneOf(row, SHOPEE.itemIdText)?.textContent?.trim(), SHOPEE_ID.text);
}

export const findShopeeRows = rowFinder({
  platform: 'shopee',
  probe: { links: SHOPEE.probeLinks, href: SHOPEE_ID.href },
  find(root) {
    const left = allOf(root, SHOPEE.leftRows);
    const main = allOf(root, SHOPEE.mainRows);
    const paired = left.length === main.length;
    const rows: ConsoleRow[] = [];
    left.forEach((row, i) => {
      const id = shopeeItemId(row);
      if (!id) return;
      const partner = paired ? main[i] : undefined;
      const action = partner ? oneOf(partner, SHOPEE.actionCell) : null;
      const info = oneOf(row, SHOPEE.productInfo);
      const mount: MountPoint | null = action ? { anchor: action, where: 'append' } : info ? { anchor: info, where: 'append' } : null;
      if (!mount) return;
      rows.push({ id, row, related: partner ? [partner] : undefined, checkbox: checkboxIn(row, SHOPEE.checkbox), mount });
    });
    return rows;
  },
});

export const shopeeAdapter: ConsoleAdapter = {
  platform: 'shopee',
  findRows: findShopeeRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(SHOPEE.productTitle),
};
