// Shopify's row finder. The numeric admin id (link, then the row's `id`) becomes the product GID
// Shelfsync stores. Controls go in the product link's cell.
import { afterTitle, allOf, capture, checkboxIn, hrefOf, oneOf, rowFinder } from '../runtime/dom';
import type { ConsoleAdapter, ConsoleRow } from '../runtime/types';
import { SHOPIFY, SHOPIFY_ID, shopifyGid } from './selectors';

export function shopifyItemId(row: Element): string | null {
  const numeric = capture(hrefOf(oneOf(row, SHOPIFY.itemLink)), SHOPIFY_ID.href) ?? capture(row.id, SHOPIFY_ID.rowId);
  return numeric ? shopifyGid(numeric) : null;
}

export const findShopifyRows = rowFinder({
  platform: 'shopify',
  probe: { links: SHOPIFY.probeLinks, href: SHOPIFY_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, SHOPIFY.rows)) {
      const id = shopifyItemId(row);
      const cell = oneOf(row, SHOPIFY.titleLink)?.closest('td');
      if (!id || !cell) continue;
      rows.push({ id, row, checkbox: checkboxIn(row, SHOPIFY.checkbox), mount: { anchor: cell, where: 'append' } });
    }
    return rows;
  },
});

export const shopifyAdapter: ConsoleAdapter = {
  platform: 'shopify',
  findRows: findShopifyRows,
  rowish: 'tr, tbody, table',
  productMount: afterTitle(SHOPIFY.productTitle),
};
