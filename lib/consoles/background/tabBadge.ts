// The toolbar badge of one tab: "!" while its console page shows listings Shelfsync cannot read.
// The global badge counts failing pushes (lib/sync/engine.ts); a value set for a tab overrides
// it on that tab only, and clearing the tab's value (no text) shows the global one again. The
// browser drops a tab's values itself when the tab loads another page or closes; a single-page
// console's content script clears it when its visit ends or its rows become readable.
// Best effort like every piece of browser chrome: a failure never fails the command.
import { browser } from 'wxt/browser';
import { isUnreadable, type Readability } from '../pageReport';

export const UNREADABLE_BADGE = '!';
/** The failing-push badge's red: a tab whose value was cleared shows the global count in it. */
const BADGE_RED = '#cf1322';

const queues = new Map<number, Promise<void>>();

async function quietly(fn: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await fn();
  } catch {
    // no action API here (a test double), or the tab closed meanwhile
  }
}

/** Marks (or clears) the tab's badge; calls for one tab are applied in the order they came. */
export function setPageBadge(tabId: number, state: Readability): Promise<void> {
  const prev = queues.get(tabId) ?? Promise.resolve();
  const next = prev.then(async () => {
    if (isUnreadable(state)) {
      await quietly(() => browser.action?.setBadgeBackgroundColor({ tabId, color: BADGE_RED }));
      await quietly(() => browser.action?.setBadgeText({ tabId, text: UNREADABLE_BADGE }));
    } else {
      // No text with a tab id = back to the global badge on that tab.
      await quietly(() => browser.action?.setBadgeText({ tabId }));
    }
  });
  queues.set(tabId, next);
  void next.then(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}
