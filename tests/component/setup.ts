import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Tests wait for what the seller would see, not for a time: findBy/waitFor end as soon as it
// appears. The ceiling is only a guard against a hang — a loaded 2-core machine can take many
// seconds to render antd, and a short ceiling turned that into failures (issue 17).
configure({ asyncUtilTimeout: 60_000 });
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../helpers/i18n';

// antd reads these browser APIs that jsdom does not have.
window.matchMedia ??= ((query: string) => ({
  matches: false, media: query, onchange: null,
  addListener: () => undefined, removeListener: () => undefined,
  addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
})) as typeof window.matchMedia;
// jsdom warns on pseudo-element styles antd asks for; the element's own style is what tests need.
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element) => computed(el);
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
});
afterEach(() => cleanup());
