// Every locale is complete and safe to show: each key of the English file, no empty message, the
// same $PLACEHOLDERS$ (a lost one prints a blank where a count or name belongs), the same
// placeholder definitions, and no English sentence left untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../../public/_locales');
const LOCALES = ['en', 'id', 'ms', 'th', 'vi', 'zh_CN', 'zh_TW'];

interface Entry { message: string; placeholders?: Record<string, { content: string }> }
const read = (locale: string): Record<string, Entry> => JSON.parse(readFileSync(path.join(DIR, locale, 'messages.json'), 'utf8'));
const en = read('en');
const tokens = (m: string) => [...m.matchAll(/\$([A-Z0-9_]+)\$/gi)].map((x) => x[1]!.toLowerCase()).sort();

// Words that stay as they are in every language: names, and the trade's own abbreviations.
const KEEP = /\b(Shelfsync|Shopee|Lazada|TikTok|Tokopedia|Shop|Shopify|WooCommerce|SKUs?|CSV|GTIN|API|IDs?|URL|OK|PNG|JSON|HTTP|SSL|OAuth|Chrome|Chromium|GraphQL|REST|PO|ERP|BigSeller|Ginee|QR|Excel|UTC|[A-Z]{2,})\b/g;

/** A message that is English still: the same as en and with words left after removing the names. */
function untranslated(message: string, english: string): boolean {
  if (message !== english) return false;
  const words = english.replace(/\$[A-Z0-9_]+\$/gi, ' ').replace(KEEP, ' ').match(/[A-Za-z]{3,}/g) ?? [];
  return words.length >= 2;
}

describe('locales', () => {
  it('has the languages sellers on these platforms work in', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: every key of en, nothing empty, placeholders intact, nothing left in English`, () => {
      const messages = read(locale);
      const missing = Object.keys(en).filter((k) => !(k in messages));
      const extra = Object.keys(messages).filter((k) => !(k in en));
      const empty = Object.keys(messages).filter((k) => !messages[k]!.message?.trim());
      const badTokens = Object.keys(en).filter((k) => k in messages && tokens(messages[k]!.message).join() !== tokens(en[k]!.message).join());
      const badPlaceholders = Object.keys(en).filter((k) => k in messages && JSON.stringify(messages[k]!.placeholders ?? null) !== JSON.stringify(en[k]!.placeholders ?? null));
      const english = Object.keys(en).filter((k) => k in messages && untranslated(messages[k]!.message, en[k]!.message));
      expect({ missing, extra, empty, badTokens, badPlaceholders, english }).toEqual({ missing: [], extra: [], empty: [], badTokens: [], badPlaceholders: [], english: [] });
    });
  }

  it('catches what it is meant to catch', () => {
    expect(tokens('Warehouse $NAME$ created')).toEqual(['name']);
    expect(untranslated('Sync now', 'Sync now')).toBe(true);
    expect(untranslated('Shopee', 'Shopee')).toBe(false);
    expect(untranslated('Sinkronkan', 'Sync now')).toBe(false);
  });
});
