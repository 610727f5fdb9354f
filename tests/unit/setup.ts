import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../helpers/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  // Not in WXT's fake browser; the real one answers the built manifest.
  (fakeBrowser.runtime as unknown as { getManifest: () => unknown }).getManifest = () => ({ manifest_version: 3, name: 'Shelfsync', version: '0.1.0' });
  // Menus, notifications and scripting are not in WXT's fake browser: inert stand-ins that record.
  const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined, hasListener: () => false });
  Object.assign(fakeBrowser as unknown as Record<string, unknown>, {
    contextMenus: { create: () => 1, removeAll: async () => undefined, update: async () => undefined, onClicked: listeners() },
    notifications: { create: async () => 'n', clear: async () => true, onClicked: listeners() },
    scripting: { registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined, getRegisteredContentScripts: async () => [] },
  });
});
