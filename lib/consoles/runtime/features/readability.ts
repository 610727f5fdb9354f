// On a connected store's product list: does Shelfsync read the listings the page shows? The
// row finder's rows (the session's `rows`) are compared with the rows the page shows by
// structure alone (../readability.ts), a moment after the page settles; when it shows listings
// Shelfsync cannot read — none, or only some — the background is told the two counts (it marks
// this tab's toolbar badge), and when the seller opens the popup on this tab the background asks
// this script for the counts again with the masked outline of the listing table (../../outline.ts).
// Not switchable: it is what says the other features cannot work here.
import { browser } from 'wxt/browser';
import { send } from '../../../commands/client';
import { pageOutline } from '../../outline';
import { isPageRequest, isUnreadable, type PageAnswer } from '../../pageReport';
import { hintOnce } from '../dom';
import { readPage } from '../readability';
import { defineFeature } from '../registry';
import type { VisitContext } from '../session';

/** A page change is looked at this long after it began (at most twice a second, off the inject pass). */
export const READABILITY_DELAY_MS = 500;

function measured<T>(fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  // The test build leaves the cost on the page's timeline for the browser tests to print.
  if (import.meta.env.MODE === 'test') performance.measure('shelfsync:readability', { start: t0, end: performance.now() });
  return out;
}

/** The counts and, when the page is not fully readable, the masked outline (for the popup). */
export function answerPage(v: Pick<VisitContext, 'reader' | 'rows'>, root: Document = document): PageAnswer {
  const reading = readPage(root, v.rows.size);
  const outline = isUnreadable(reading.state) ? pageOutline(reading.groups, { platform: v.reader.platform, kind: 'list', shown: reading.shown, read: reading.read }) : null;
  return { platform: v.reader.platform, shown: reading.shown, read: reading.read, outline };
}

export const readability = defineFeature({
  id: 'readability',
  switches: null,
  kinds: ['list'],
  needs: 'store',
  init(signal, v) {
    // What the background was last told; '' = nothing yet (a readable page says nothing at all).
    let told = '';
    let toldProblem = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      if (signal.aborted) return;
      const r = measured(() => readPage(document, v.rows.size));
      const problem = isUnreadable(r.state);
      const key = `${r.shown}/${r.read}`;
      if (key === told || (!toldProblem && !problem)) return;
      told = key;
      toldProblem = problem;
      if (problem) hintOnce(document, `rows-unreadable-${r.state}`, `${v.reader.platform}: this page shows ${r.shown} listings and Shelfsync reads ${r.read} of them (the console may have changed).`);
      void send('console.reportPage', { shown: r.shown, read: r.read });
    };
    const soon = () => {
      timer ??= setTimeout(check, READABILITY_DELAY_MS);
    };
    v.watcher.watch(signal, soon);
    soon();

    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only our own background (no tab) asks; a page cannot reach this listener at all.
      if (!isPageRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
      return Promise.resolve(measured(() => answerPage(v)));
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener(
      'abort',
      () => {
        browser.runtime.onMessage.removeListener(listener);
        if (timer !== null) clearTimeout(timer);
        // Another page of the console (no page load): the tab's badge no longer applies.
        if (toldProblem) void send('console.reportPage', { shown: 0, read: 0 });
      },
      { once: true },
    );
  },
});
