// The browser's i18n is not in WXT's fake browser; tests read the real English messages.
import en from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (en as Messages)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(ph.content.replace('$', '')) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, subs[index] ?? '');
  }
  return text;
}
