// Shopify's row finder, for both IndexTable layouts. The numeric admin id (link, then the row's
// `id`) becomes the product GID Shelfsync stores. Controls go in the primary link's cell (`td`)
// in the wide layout, and under the link in the condensed one (its cells are divs in a flex row).
import { cellOf, idFromAnchors, visibleMount } from '../runtime/anchors';
import { afterTitle, allOf, checkboxIn, oneOf, rowFinder } from '../runtime/dom';
import type { ConsolePageReader, ConsoleRow } from '../runtime/reader';
import { SHOPIFY, SHOPIFY_ANCHORS, SHOPIFY_ID, shopifyGid } from './selectors';

export function shopifyItemId(row: Element): string | null {
  const numeric = idFromAnchors(row, SHOPIFY_ANCHORS)?.id;
  return numeric ? shopifyGid(numeric) : null;
}

export const findShopifyRows = rowFinder({
  platform: 'shopify',
  probe: { links: SHOPIFY.probeLinks, href: SHOPIFY_ID.href },
  find(root) {
    const rows: ConsoleRow[] = [];
    for (const row of allOf(root, SHOPIFY.rows)) {
      if (row.localName !== 'tr' && row.localName !== 'li') continue;
      const id = shopifyItemId(row);
      const link = oneOf(row, SHOPIFY.titleLink);
      if (!id || !link) continue;
      const cell = cellOf(link, row);
      const where = cell?.localName === 'td' ? cell : link.parentElement;
      if (!where || where === row) continue;
      rows.push({ id, row, checkbox: checkboxIn(row, SHOPIFY.checkbox), mount: visibleMount(where, row, 'append') });
    }
    return rows;
  },
});

export const shopifyReader: ConsolePageReader = {
  platform: 'shopify',
  findRows: findShopifyRows,
  rowish: 'tr, tbody, table, li, ul',
  productMount: afterTitle(SHOPIFY.productTitle),
};
