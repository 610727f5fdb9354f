// Reading a locale file shipped in the extension (public/_locales/<lang>/messages.json). Extension
// pages and the background read it themselves; a content script asks the background
// (console.messages), since the page it runs in must not be able to fetch our files.
import { browser } from 'wxt/browser';
import type { Catalog, Language } from '../i18n';

const cache = new Map<Language, Promise<Catalog>>();

export function packagedCatalog(lang: Language): Promise<Catalog> {
  let got = cache.get(lang);
  if (!got) {
    got = fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/en/messages.json')).then(async (res) => {
      if (!res.ok) throw new Error(`locale ${lang}: HTTP ${res.status}`);
      return (await res.json()) as Catalog;
    });
    got.catch(() => cache.delete(lang));
    cache.set(lang, got);
  }
  return got;
}
