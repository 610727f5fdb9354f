import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../helpers/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
});
