// WooCommerce (wp-admin on the seller's own site): the Shelfsync controls in this console.
// Thin wiring: the console's knowledge is in lib/consoles/woocommerce/, the runtime in
// lib/consoles/runtime/, the UI and the features' page modules in components/console/.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { consoleUi } from '@/components/console/mount';
import { wooReader } from '@/lib/consoles/woocommerce/rows';
import { consoleMatches, isTestBuild } from '@/lib/consoles/runtime/matches';
import { startConsole } from '@/lib/consoles/runtime/start';

export default defineContentScript({
  matches: consoleMatches('woocommerce'),
  // Any domain can be a WooCommerce site: production registers this script at run time for each
  // connected store's /wp-admin/ once its host is granted (lib/consoles/background/wooScripts.ts);
  // the test build also lists the simulator's fake wp-admin here.
  registration: isTestBuild() ? 'manifest' : 'runtime',
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    startConsole(ctx, wooReader, consoleUi);
  },
});
