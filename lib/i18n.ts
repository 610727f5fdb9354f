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

const pluralRules = new Map<string, Intl.PluralRules>();
// Built once per language: a console page renders a counted label on every listing row, and
// constructing an Intl.NumberFormat (or asking the browser its UI language) each time showed in
// the injected UI's profile.
const numberFormats = new Map<string, Intl.NumberFormat>();
let language: string | null = null;

function uiLanguage(): string {
  if (language) return language;
  try {
    language = (browser.i18n.getUILanguage() || 'en').replace('_', '-');
  } catch {
    return 'en'; // a test double without it
  }
  return language;
}

/** A count sentence: chrome.i18n has no plurals, so a counted message has one key per plural
 *  category (`<key>_one`, `<key>_other`, …, as Intl.PluralRules names them for the UI language)
 *  and the count is its first substitution. A category the locale lacks falls back to `_other`. */
export function tn(key: string, count: number, ...more: (string | number)[]): string {
  const lang = uiLanguage();
  let rules = pluralRules.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(lang, rules);
  }
  let numbers = numberFormats.get(lang);
  if (!numbers) {
    try {
      numbers = new Intl.NumberFormat(lang);
    } catch {
      numbers = new Intl.NumberFormat('en');
    }
    numberFormats.set(lang, numbers);
  }
  const formatted = numbers.format(count);
  const exact = `${key}_${rules.select(count)}` as MessageKey;
  const text = t(exact, formatted, ...more);
  return text === exact ? t(`${key}_other` as MessageKey, formatted, ...more) : text;
}
