// Shopee's row finder. The list renders as separate tables whose rows pair by index: on the live
// console the main body holds the product information and the Action column is pinned right; on
// the older build the product information was pinned left. The product-information rows are the
// listings; their partner rows (paired only when both tables have as many rows) are kept with
// them, because our controls change a row's height and the console keeps pairs level.
import { idFromAnchors, visibleMount } from '../runtime/anchors';
import { afterTitle, allOf, checkboxIn, oneOf, rowFinder } from '../runtime/dom';
import type { ConsolePageReader, ConsoleRow, VariantLine } from '../runtime/reader';
import { SHOPEE, SHOPEE_ANCHORS, SHOPEE_ID, SHOPEE_MODEL_ANCHORS } from './selectors';

export function shopeeItemId(row: Element): string | null {
  return idFromAnchors(row, SHOPEE_ANCHORS)?.id ?? null;
}

const hasInfo = (rows: Element[]) => rows.some((r) => !!oneOf(r, SHOPEE.info));

/** The expanded models of a listing row, each with its "Model ID" and a place for its controls. */
function modelLines(row: Element): VariantLine[] {
  const out: VariantLine[] = [];
  for (const el of allOf(row, SHOPEE.models)) {
    const id = idFromAnchors(el, SHOPEE_MODEL_ANCHORS)?.id;
    if (!id) continue;
    const info = oneOf(el, SHOPEE.modelInfo);
    out.push({ id, el, mount: info ? visibleMount(info, el, 'append') : { anchor: el, where: 'append' } });
  }
  return out;
}

export const findShopeeRows = rowFinder({
  platform: 'shopee',
  probe: { links: SHOPEE.probeLinks, href: SHOPEE_ID.href },
  find(root) {
    const tables = [allOf(root, SHOPEE.leftRows), allOf(root, SHOPEE.mainRows), allOf(root, SHOPEE.rightRows)].filter((t) => t.length);
    const info = tables.find(hasInfo);
    if (!info) return [];
    const partner = tables.find((t) => t !== info && t.length === info.length);
    const rows: ConsoleRow[] = [];
    info.forEach((row, i) => {
      const id = shopeeItemId(row);
      if (!id) return;
      const pair = partner?.[i];
      const where = oneOf(row, SHOPEE.productInfo);
      if (!where) return;
      const variants = modelLines(row);
      rows.push({
        id,
        row,
        related: pair ? [pair] : undefined,
        checkbox: checkboxIn(row, SHOPEE.checkbox) ?? (pair ? checkboxIn(pair, SHOPEE.checkbox) : null),
        mount: visibleMount(where, row, 'append'),
        ...(variants.length ? { variants } : {}),
      });
    });
    return rows;
  },
});

export const shopeeReader: ConsolePageReader = {
  platform: 'shopee',
  findRows: findShopeeRows,
  // Rows arrive as table rows (lazily, while scrolling); models as lines inside a row.
  rowish: 'tr, tbody, table, .model-list, .model-list-item',
  productMount: afterTitle(SHOPEE.productTitle),
};
