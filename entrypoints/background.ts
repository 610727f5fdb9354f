import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
// The service worker: thin wiring of lib/. Every listener is registered synchronously at the
// top level (MV3 drops events whose listeners are added later) and waits on one `ready`.
import { handleAlarm } from '@/lib/background/alarms';
import { registerContextMenus } from '@/lib/consoles/background/contextMenu';
import { handleRuntimeMessage, refuseExternal } from '@/lib/background/messages';
import { startBackground } from '@/lib/background/start';
import { followSellerLanguage } from '@/lib/language/background';
import { logger } from '@/lib/log/logger';

export default defineBackground(() => {
  const log = logger('background');
  // The seller's language before the first answer: refusals and results are sentences they read.
  const ready = Promise.all([startBackground(), followSellerLanguage()]).then(() => undefined, (err: unknown) => {
    log.error('start-up failed', err);
    throw err;
  });

  browser.runtime.onMessage.addListener((message, sender) => handleRuntimeMessage(message, sender, ready));
  browser.runtime.onMessageExternal.addListener(() => refuseExternal());
  browser.alarms.onAlarm.addListener((alarm) => void handleAlarm(alarm, ready));
  registerContextMenus(ready);
  // Listening for start-up and install makes Chrome start the worker with the browser, so pushes
  // left pending when it closed resume without waiting for the seller to open anything.
  browser.runtime.onStartup.addListener(() => void ready);
  browser.runtime.onInstalled.addListener(() => void ready);
});
