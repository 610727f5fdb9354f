// Which page the popup was opened on. `activeTab` grants the active tab's URL when the seller
// clicks the toolbar button, so tabs.query answers it without the broad `tabs` permission. The
// test build alone also takes `?tabId=` (a browser test opens popup.html in a tab of its own and
// names the console tab it stands for).
import { browser } from 'wxt/browser';

export interface PopupTab {
  id: number | null;
  url: string | null;
}

export async function activeTab(search = location.search): Promise<PopupTab> {
  try {
    if (import.meta.env.MODE === 'test') {
      const tabId = Number(new URLSearchParams(search).get('tabId'));
      if (Number.isInteger(tabId) && tabId > 0) return { id: tabId, url: (await browser.tabs.get(tabId)).url ?? null };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { id: tab?.id ?? null, url: tab?.url ?? null };
  } catch {
    return { id: null, url: null };
  }
}

export function isWebPage(url: string | null): url is string {
  return !!url && /^https?:\/\//.test(url);
}
