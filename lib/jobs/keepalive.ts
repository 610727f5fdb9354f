// Chrome stops an extension service worker ~30 s after its last event or extension API call,
// even in the middle of IndexedDB work. While a job or a batch runs we make a cheap extension
// API call every 20 s — and only then, and never longer than the bound (Dark Reader's forever
// timer is the thing not to copy). Work is checkpointed anyway, so a stop loses one step.
import { browser } from 'wxt/browser';

const PING_EVERY_MS = 20_000;
const MAX_KEEPALIVE_MS = 10 * 60_000;

export async function keepAliveWhile<T>(work: () => Promise<T>, maxMs = MAX_KEEPALIVE_MS): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started > maxMs) {
      clearInterval(timer);
      return;
    }
    try {
      void Promise.resolve(browser.runtime.getPlatformInfo()).catch(() => undefined);
    } catch {
      // Outside a real browser (tests) the ping is not there; nothing to keep alive.
    }
  }, PING_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
