// Puts the UI in the right language and keeps it there: the seller's choice in Settings first;
// on 'auto', the console's own language for the controls inside a console page (a seller on the
// Thai console sees Thai controls even in an English browser), else the browser's language
// (chrome.i18n, no file to load). Changes apply at once: the catalog is swapped and listeners
// (the React roots) re-render.
import { languageOf, setCatalog, type Catalog, type Language } from '../i18n';
import { browser } from 'wxt/browser';
import { readChoice, watchChoice, type LanguageChoice } from './preference';

export interface LanguageOptions {
  /** How this context reads a locale file. */
  load: (lang: Language) => Promise<Catalog>;
  /** The language the page around us declares (a console's `<html lang>`), if any. */
  pageLanguage?: () => string | null | undefined;
}

function browserLanguage(): Language | null {
  try {
    return languageOf(browser.i18n.getUILanguage());
  } catch {
    return null;
  }
}

/** The language to show for `choice`, or null for the browser's own (no catalog needed). */
export function pickLanguage(choice: LanguageChoice, page: string | null | undefined, browserLang: Language | null): Language | null {
  if (choice !== 'auto') return choice === browserLang ? null : choice;
  // English on a console's page says little: many declare it whatever they show. Another of our
  // languages there is the seller's choice in that console.
  const fromPage = languageOf(page);
  return fromPage && fromPage !== 'en' && fromPage !== browserLang ? fromPage : null;
}

export interface LanguageHandle {
  stop(): void;
  /** Decides again (the page declared another language). */
  refresh(): Promise<void>;
}

/** Applies the current choice, then follows every change until stopped. */
export async function startLanguage(opts: LanguageOptions): Promise<LanguageHandle> {
  let asked = 0;
  let choice: LanguageChoice = 'auto';
  const apply = async (next: LanguageChoice) => {
    choice = next;
    const n = ++asked;
    const lang = pickLanguage(choice, opts.pageLanguage?.(), browserLanguage());
    if (!lang) {
      setCatalog(null, null);
      return;
    }
    try {
      const messages = await opts.load(lang);
      if (n === asked) setCatalog(lang, messages); // a later change wins over a slow load
    } catch {
      if (n === asked) setCatalog(null, null); // a missing file: the browser's language, never blank
    }
  };
  const stop = watchChoice((c) => void apply(c));
  await apply(await readChoice());
  return { stop, refresh: () => apply(choice) };
}
