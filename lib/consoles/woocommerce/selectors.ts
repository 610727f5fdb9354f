// WooCommerce products screen (WordPress list table) — the most durable anchors of all: the row
// id `post-{ID}` and the `post[]` checkbox value are WordPress core and survive column changes.
import type { IdAnchor } from '../runtime/anchors';

export const WOO = {
  rows: ['#the-list > tr[id^="post-"]', 'table.wp-list-table tbody > tr[id^="post-"]'],
  checkbox: ['th.check-column input[name="post[]"]', 'input[name="post[]"][type="checkbox"]'],
  /** Controls go right after the title (before the hidden inline data and the row actions). */
  title: ['td.column-name > strong', 'td.column-primary > strong', '.row-title'],
  nameCell: ['td.column-name', 'td.column-primary'],
  probeLinks: ['a[href*="post.php?post="]'],
  productTitle: ['#titlediv', '.wp-heading-inline'],
} as const;

export const WOO_ID = {
  rowId: [/^post-(\d+)$/],
  value: [/^(\d+)$/],
  href: [/[?&]post=(\d+)/],
} as const;

/** The row's own `post-{ID}` (the `post[]` checkbox must agree: rows.ts). */
export const WOO_ANCHORS: readonly IdAnchor[] = [{ kind: 'row', attr: 'id', patterns: WOO_ID.rowId }];
