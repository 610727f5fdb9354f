// Selector helpers shared by every console's row finder: selectors are data (a list, most
// durable first, fallbacks after), the first one that matches wins, and nothing here throws on
// markup it does not know — it answers "nothing found".
import { logger } from '../../log/logger';
import { shownRows } from './readability';
import type { ConsoleRow, MountPoint } from './reader';

const log = logger('console');

/** Elements matching the first selector of the list that matches anything under `root`. */
export function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    let found: NodeListOf<Element>;
    try {
      found = root.querySelectorAll(s);
    } catch {
      continue; // a selector this browser cannot parse is a fallback that does not apply
    }
    if (found.length) return Array.from(found);
  }
  return [];
}

/** The first element matching one of the selectors, tried in order. */
export function oneOf<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const s of selectors) {
    try {
      const el = root.querySelector<E>(s);
      if (el) return el;
    } catch {
      // see allOf
    }
  }
  return null;
}

/** A listing's own page: our controls go right after its title (every console does the same). */
export function afterTitle(selectors: readonly string[]): (root: ParentNode) => MountPoint | null {
  return (root) => {
    const title = oneOf(root, selectors);
    return title ? { anchor: title, where: 'after' } : null;
  };
}

/** The first capture group of the first pattern that matches `text`. */
export function capture(text: string | null | undefined, patterns: readonly RegExp[]): string | null {
  if (!text) return null;
  for (const p of patterns) {
    const m = p.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** An href as the browser resolves it (relative links included); '' when there is none. */
export function hrefOf(el: Element | null): string {
  if (!el) return '';
  return el.getAttribute('href') ?? '';
}

export function checkboxIn(root: Element, selectors: readonly string[]): HTMLInputElement | null {
  const el = oneOf<HTMLInputElement>(root, selectors);
  return el && el.type === 'checkbox' ? el : null;
}

const hinted = new WeakMap<Document, Set<string>>();

/** Logs a hint once per document and reason (the console changed; Shelfsync stays out of the way). */
export function hintOnce(doc: Document | null, reason: string, message: string): void {
  const key = doc ?? document;
  const seen = hinted.get(key) ?? new Set<string>();
  if (seen.has(reason)) return;
  seen.add(reason);
  hinted.set(key, seen);
  log.info(message);
}

function docOf(root: ParentNode): Document | null {
  return (root as Node).ownerDocument ?? (root instanceof Document ? root : null);
}

export interface FinderSpec {
  platform: string;
  /** Finds the rows; may throw on surprising markup (caught here). */
  find(root: ParentNode): ConsoleRow[];
  /**
   * Links to listings anywhere on the page (selector, then the id pattern on the href). Optional
   * and only an extra signal: the page's structure (readability.ts#shownRows) says whether it
   * shows listings without any id pattern, so a page whose ids moved is still noticed.
   */
  probe?: { links: readonly string[]; href: readonly RegExp[] };
}

/** How many links under `root` point at a listing (selector, then the id pattern on the href). */
export function listingLinks(root: ParentNode, probe: NonNullable<FinderSpec['probe']>): number {
  return allOf(root, probe.links).filter((a) => capture(hrefOf(a), probe.href)).length;
}

/** The page shows listings (by structure, or by listing links when the finder names them). */
export function showsListings(root: ParentNode, probe?: FinderSpec['probe']): boolean {
  return shownRows(root).count > 0 || (!!probe && listingLinks(root, probe) > 0);
}

/**
 * Wraps a console's row finder: never throws into the page, drops rows without an id, keeps the
 * first row per id, and logs one hint when the page shows listings but no row we know (the
 * seller is told by the readability feature, which compares the counts on every list page).
 */
export function rowFinder(spec: FinderSpec): (root: ParentNode) => ConsoleRow[] {
  return (root) => {
    let rows: ConsoleRow[];
    try {
      rows = spec.find(root);
    } catch (err) {
      hintOnce(docOf(root), 'finder-error', `${spec.platform}: the listing rows could not be read (${err instanceof Error ? err.message : String(err)}); Shelfsync shows no controls on this page.`);
      return [];
    }
    const seen = new Set<string>();
    const out = rows.filter((r) => r.id && !seen.has(r.id) && (seen.add(r.id), true));
    // Only when nothing was read: the structural count is not paid on every readable scan.
    if (!out.length && showsListings(root, spec.probe)) {
      hintOnce(docOf(root), 'markup-changed', `${spec.platform}: this console page shows listings in markup Shelfsync does not recognise (the console may have changed); no controls are shown here.`);
    }
    return out;
  };
}
