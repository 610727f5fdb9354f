// The contract tier runs the adapters and lib code without WXT's fake browser (no chrome.i18n):
// the sentences lib writes (t(): refusals, drafts validation) come from the English locale file,
// as the en catalogue a seller choosing English gets.
import en from '../../public/_locales/en/messages.json';
import { setCatalog, type Catalog } from '../../lib/i18n.ts';

setCatalog('en', en as Catalog);
