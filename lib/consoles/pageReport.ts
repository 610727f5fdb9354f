// Whether Shelfsync can read the listings a console page shows — the words both halves use.
// The content script counts (runtime/readability.ts) and answers; the background decides what
// the counts mean from the numbers alone (a page never tells it "all is well"), sets the tab's
// badge and hands the popup a bounded, validated answer. No DOM and no zod here: the content scripts import it too
// (the schemas that check what a tab says are the background's, in background/pageSchemas.ts).
/**
 * `empty`: the page shows no listings (nothing to say). `all`: every listing shown was read.
 * `some`: only part of them. `none`: the page shows listings and Shelfsync reads none.
 */
export type Readability = 'empty' | 'all' | 'some' | 'none';

export function readabilityOf(shown: number, read: number): Readability {
  if (read >= shown) return shown === 0 && read === 0 ? 'empty' : 'all';
  return read === 0 ? 'none' : 'some';
}

export function isUnreadable(r: Readability): r is 'some' | 'none' {
  return r === 'some' || r === 'none';
}

/** The largest outline a content script may hand over (the outline itself caps well below). */
export const OUTLINE_MAX_CHARS = 16_000;

/** The background's question to a console tab's content script (tabs.sendMessage, top frame). */
export const PAGE_MESSAGE = 'shelfsync:page';
export interface PageRequest {
  type: typeof PAGE_MESSAGE;
}
export function isPageRequest(m: unknown): m is PageRequest {
  return !!m && typeof m === 'object' && (m as PageRequest).type === PAGE_MESSAGE;
}

/** A tab's answer (checked by pageAnswer in background/pageSchemas.ts before anything reads it). */
export interface PageAnswer {
  platform: 'shopee' | 'lazada' | 'tiktok' | 'shopify' | 'woocommerce';
  shown: number;
  read: number;
  /** The masked outline of the listing table (lib/consoles/outline.ts), only when unreadable. */
  outline: string | null;
}
