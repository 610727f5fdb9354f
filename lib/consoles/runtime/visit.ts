// Single-page consoles change page without a page load, and their history.pushState is not
// visible from the content script's isolated world: each "visit" (one URL) gets an
// AbortController that is aborted when the URL changes — polled every 300 ms and also checked on
// WXT's `wxt:locationchange` — and the features of the new visit start from scratch.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { logger } from '../../log/logger';

const log = logger('console');

export interface Visit {
  url: string;
  signal: AbortSignal;
  /** 1 for the page load, then one more per navigation. */
  n: number;
}

/** The URL that makes a visit: the hash does not (consoles keep UI state there). */
export function visitUrl(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

export function watchVisits(ctx: Pick<ContentScriptContext, 'setInterval' | 'onInvalidated' | 'addEventListener'>, start: (visit: Visit) => void | Promise<void>, everyMs = 300): () => Visit | null {
  let current: (Visit & { controller: AbortController }) | null = null;
  let n = 0;
  const begin = () => {
    current?.controller.abort();
    const controller = new AbortController();
    current = { url: visitUrl(location.href), signal: controller.signal, n: ++n, controller };
    const visit = current;
    try {
      void Promise.resolve(start(visit)).catch((err: unknown) => log.warn('a console visit failed to start; the page is untouched', err));
    } catch (err) {
      log.warn('a console visit failed to start; the page is untouched', err);
    }
  };
  const check = () => {
    if (!current || visitUrl(location.href) !== current.url) begin();
  };
  begin();
  ctx.setInterval(check, everyMs);
  // The Navigation API announces a navigation before the URL changes: look right after.
  ctx.addEventListener(window, 'wxt:locationchange', () => setTimeout(check, 0));
  ctx.onInvalidated(() => current?.controller.abort());
  return () => current;
}
