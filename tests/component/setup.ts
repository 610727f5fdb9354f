import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// A loaded 2-core CI machine renders antd slower than a laptop: wait up to 5 s for what appears.
configure({ asyncUtilTimeout: 5000 });
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
