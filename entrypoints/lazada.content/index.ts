// Lazada Seller Center: the Shelfsync controls in this console.
// Thin wiring: the console's knowledge is in lib/consoles/lazada/, the runtime in lib/consoles/runtime/,
// the UI and the features' page modules in components/console/.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { consoleUi } from '@/components/console/mount';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { consoleMatches } from '@/lib/consoles/runtime/matches';
import { startConsole } from '@/lib/consoles/runtime/start';

export default defineContentScript({
  matches: consoleMatches('lazada'),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    startConsole(ctx, lazadaReader, consoleUi);
  },
});
