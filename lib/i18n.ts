// UI strings come from public/_locales/<lang>/messages.json through the browser's i18n, so
// translating Shelfsync is adding a locale folder. Keys are typed from the English file.
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // Our own key type comes from the JSON itself; WXT's generated one lags until `wxt prepare`.
  const getMessage = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  // An empty answer means a key missing from the locale: show the key, never a blank control.
  return text || key;
}
