// The popup's question "can Shelfsync read this tab's console page?", answered by that tab's
// content script (tabs.sendMessage to the top frame, like the context menu): it has the DOM, so
// it counts again and builds the masked outline on request — the background keeps no per-tab
// state that a page load or a stopped worker could leave stale. The answer comes from a web
// page's tab, so it is parsed and bounded here before the popup sees it; the state is decided
// from the counts, and the tab's badge is brought in line with it.
import { browser } from 'wxt/browser';
import { logger } from '../../log/logger';
import { PAGE_MESSAGE, isUnreadable, readabilityOf, type Readability } from '../pageReport';
import { pageAnswer } from './pageSchemas';
import { setPageBadge } from './tabBadge';

const log = logger('console');
/** A content script answers from memory in milliseconds; a hung page must not hold the popup. */
const ANSWER_WITHIN_MS = 2000;

export type PageState =
  | { state: null }
  | { state: Readability; platform: string; shown: number; read: number; outline: string | null };

export async function askPage(tabId: number): Promise<PageState> {
  let raw: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    raw = await Promise.race([
      browser.tabs.sendMessage(tabId, { type: PAGE_MESSAGE }, { frameId: 0 }),
      new Promise((resolve) => (timer = setTimeout(resolve, ANSWER_WITHIN_MS, undefined))),
    ]);
  } catch {
    // No Shelfsync console script in that tab (another site, a product page, not connected).
    return { state: null };
  } finally {
    clearTimeout(timer);
  }
  if (raw === undefined || raw === null) return { state: null };
  const parsed = pageAnswer.safeParse(raw);
  if (!parsed.success) {
    log.warn(`tab ${tabId} answered the page question in a shape Shelfsync does not accept; ignored`);
    return { state: null };
  }
  const { platform, shown, read, outline } = parsed.data;
  const state = readabilityOf(shown, read);
  await setPageBadge(tabId, state);
  return { state, platform, shown, read, outline: isUnreadable(state) ? outline : null };
}
