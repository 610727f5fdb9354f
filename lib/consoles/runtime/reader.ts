// What the content-script runtime knows about one console: how to find its listing rows and
// where to put Shelfsync's controls. Each console's knowledge lives in lib/consoles/<platform>/
// (selectors.ts = selectors as data, rows.ts = the row finder); the runtime is shared.
import type { Platform } from '../../platforms/types';

/** Where a control host goes, relative to an element of the console's own markup. */
export interface MountPoint {
  anchor: Element;
  where: 'append' | 'prepend' | 'after' | 'before';
}

/** One listing row on a console page, found by durable anchors. */
export interface ConsoleRow {
  /** The platform item id as Shelfsync stores it (Shopify: the product GID). */
  id: string;
  /** The row element: processed-marking and pruning key. Shopee's pinned tables give two. */
  row: Element;
  related?: Element[];
  /** The console's own selection checkbox for this row, when it has one. */
  checkbox: HTMLInputElement | null;
  mount: MountPoint;
  /** Lines of single variants inside the row (Shopee's expanded models), each with its own controls. */
  variants?: VariantLine[];
}

/** One variant's own line in a listing row: the platform's variant id and where its controls go. */
export interface VariantLine {
  id: string;
  el: Element;
  mount: MountPoint;
}

export interface RowFinder {
  (root: ParentNode): ConsoleRow[];
}

export interface ConsolePageReader {
  platform: Platform;
  findRows: RowFinder;
  /** On a product page: where the product's controls go (beside the title), or null. */
  productMount(root: ParentNode): MountPoint | null;
  /** Tells a mutation batch worth a rescan: added elements matching this may hold rows. */
  rowish: string;
}
