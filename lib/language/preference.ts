// The seller's language choice, mirrored from Settings into browser.storage.local so every open
// page — dashboard, popup, the controls inside a console tab — hears a change at once
// (storage.onChanged reaches them all; there is no tab list to keep). Only a language code is
// kept there, never anything private, and every read is checked against our list.
import { browser } from 'wxt/browser';
import { LANGUAGES, type Language } from '../i18n';

export const LANGUAGE_KEY = 'shelfsync.language';

/** 'auto' follows the browser (and, for the controls inside a console, the console's language). */
export type LanguageChoice = 'auto' | Language;
export const LANGUAGE_CHOICES = ['auto', ...LANGUAGES] as const;

export function asChoice(value: unknown): LanguageChoice {
  return typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value) ? (value as LanguageChoice) : 'auto';
}

export async function readChoice(): Promise<LanguageChoice> {
  try {
    const got = await browser.storage.local.get(LANGUAGE_KEY);
    return asChoice(got[LANGUAGE_KEY]);
  } catch {
    return 'auto';
  }
}

export async function writeChoice(choice: LanguageChoice): Promise<void> {
  await browser.storage.local.set({ [LANGUAGE_KEY]: choice });
}

/** Calls `fn` with the new choice whenever Settings change it. */
export function watchChoice(fn: (choice: LanguageChoice) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LANGUAGE_KEY in changes) fn(asChoice(changes[LANGUAGE_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
