// UI strings come from public/_locales/<lang>/messages.json. By default through the browser's
// i18n (its UI language); when the seller picks a language in Settings, or a console page is in a
// language other than the browser's, that locale's file is loaded once and used instead — without
// a reload (listeners re-render). Keys are typed from the English file.
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The locales Shelfsync ships (Chrome's folder names). */
export const LANGUAGES = ['en', 'id', 'ms', 'th', 'vi', 'zh_CN', 'zh_TW'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, Entry>;

let catalog: Catalog | null = null;
let chosen: Language | null = null;
const listeners = new Set<() => void>();

/** Which of our locales a language tag means (`th-TH`, `zh-Hant-TW`, `id`, `in`, `ms_MY` …), or null. */
export function languageOf(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const base = parts[0];
  if (base === 'zh') return parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo' || p === 'hant') ? 'zh_TW' : 'zh_CN';
  if (base === 'in') return 'id'; // the old ISO code some Java-era pages still send
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/** Chrome's substitution rules: `$NAME$` is its placeholder's content, `$1`…`$9` the substitutions, `$$` a dollar. */
export function formatEntry(entry: Entry, subs: string[]): string {
  const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_w, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** Shows every string in `lang` from now on (null: back to the browser's language). */
export function setCatalog(lang: Language | null, messages: Catalog | null): void {
  chosen = lang && messages ? lang : null;
  catalog = chosen ? messages : null;
  for (const fn of [...listeners]) fn();
}

/** Called after every language change (the UI re-renders). */
export function onLanguageChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  const entry = catalog?.[key];
  if (entry) return formatEntry(entry, subs) || key;
  // Our own key type comes from the JSON itself; WXT's generated one lags until `wxt prepare`.
  const getMessage = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
  const text = getMessage(key, subs);
  // An empty answer means a key missing from the locale: show the key, never a blank control.
  return text || key;
}

const pluralRules = new Map<string, Intl.PluralRules>();
// Built once per language: a console page renders a counted label on every listing row, and
// constructing an Intl.NumberFormat (or asking the browser its UI language) each time showed in
// the injected UI's profile.
const numberFormats = new Map<string, Intl.NumberFormat>();
let browserLanguage: string | null = null;

/** The BCP 47 tag the UI speaks now, for Intl (dates, numbers, plurals) and antd. */
export function uiLocale(): string {
  if (chosen) return chosen.replace('_', '-');
  if (browserLanguage) return browserLanguage;
  try {
    browserLanguage = (browser.i18n.getUILanguage() || 'en').replace('_', '-');
  } catch {
    browserLanguage = 'en'; // a test double without it (asked once: a throw per number is slow)
  }
  return browserLanguage;
}

/** Which of our locales the UI shows now. */
export function uiLanguage(): Language {
  return chosen ?? languageOf(uiLocale()) ?? 'en';
}

/** A count sentence: chrome.i18n has no plurals, so a counted message has one key per plural
 *  category (`<key>_one`, `<key>_other`, …, as Intl.PluralRules names them for the UI language)
 *  and the count is its first substitution. A category the locale lacks falls back to `_other`. */
export function tn(key: string, count: number, ...more: (string | number)[]): string {
  const lang = uiLocale();
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
