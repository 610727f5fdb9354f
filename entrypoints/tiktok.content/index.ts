// TikTok Shop Seller Center: the Shelfsync controls in this console.
// Thin wiring: the console's knowledge is in lib/consoles/tiktok/, the runtime in lib/consoles/runtime/,
// the UI and the features' page modules in components/console/.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { consoleUi } from '@/components/console/mount';
import { tiktokReader } from '@/lib/consoles/tiktok/rows';
import { consoleMatches } from '@/lib/consoles/runtime/matches';
import { startConsole } from '@/lib/consoles/runtime/start';

export default defineContentScript({
  matches: consoleMatches('tiktok'),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    startConsole(ctx, tiktokReader, consoleUi);
  },
});
