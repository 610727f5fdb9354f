// language.*: the seller's language choice (Settings), and console.messages: a locale file for
// the controls inside a console page, which may not read our files itself.
import { z } from 'zod';
import { command, CONSOLE_ACCESS, EXTENSION_ONLY } from '../commands/define';
import { LANGUAGES, type Catalog } from '../i18n';
import { packagedCatalog } from './catalogs';
import { LANGUAGE_CHOICES, readChoice, writeChoice } from './preference';

let load: (lang: (typeof LANGUAGES)[number]) => Promise<Catalog> = packagedCatalog;
/** Tests read the files from disk (no extension URL to fetch there). */
export function setCatalogLoader(fn: typeof load): void {
  load = fn;
}
/** A locale file as this context reads it (the background's own language follows it too). */
export const loadCatalog: typeof load = (lang) => load(lang);

export const languageCommands = {
  'language.get': command({
    summary: 'read the language choice',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    handler: async () => ({ choice: await readChoice(), languages: [...LANGUAGES] }),
  }),

  'language.set': command({
    summary: 'choose the language of every Shelfsync page and control',
    access: EXTENSION_ONLY,
    schema: z.object({ choice: z.enum(LANGUAGE_CHOICES) }).strict(),
    async handler({ choice }) {
      await writeChoice(choice);
      return { choice };
    },
  }),

  'console.messages': command({
    summary: 'read the strings of one language for the controls in a console',
    access: CONSOLE_ACCESS,
    schema: z.object({ language: z.enum(LANGUAGES) }).strict(),
    handler: async ({ language }) => ({ language, messages: await load(language) }),
  }),
};
