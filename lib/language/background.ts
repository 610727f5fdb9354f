// The service worker speaks the seller's language too: its refusals, validation messages and the
// results it records are sentences the seller reads in the dashboard, the popup and the console
// controls. It follows the same choice as every page (Settings, else the browser's language), reads
// the locale file from the extension's own files, and switches when Settings change it — so `t()`
// in the background answers in the language the seller picked.
import { loadCatalog } from './commands';
import { startLanguage, type LanguageHandle } from './start';

/** Applies the seller's language in the background and follows it; never rejects (English then). */
export async function followSellerLanguage(): Promise<LanguageHandle | null> {
  try {
    return await startLanguage({ load: loadCatalog });
  } catch {
    return null; // no storage to read: the browser's language, as before
  }
}
