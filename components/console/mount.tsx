// Mounts the injected UI: WXT's createShadowRootUi for the page layer (toolbar, pickers, hint,
// tooltips) with one React root, and the same CSS for every listing's own shadow root; and the
// console features' page modules (features/) the content scripts hand the runtime with it.
// The CSS is bundled inline rather than with cssInjectionMode 'ui': 'ui' fetches a
// web-accessible CSS file before the first paint, and that file cannot be declared for the
// WooCommerce sites registered at run time.
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ISOLATED_EVENTS, setControlStyles } from '@/lib/consoles/runtime/mount';
import type { ConsoleUi, MountUi } from '@/lib/consoles/runtime/start';
import { ConsoleApp } from './ConsoleApp';
import css from './console.css?inline';
import { FEATURE_MODULES } from './features';

export const mountConsoleUi: MountUi = async (ctx, session) => {
  setControlStyles(css);
  const ui = await createShadowRootUi<Root>(ctx as ContentScriptContext, {
    name: 'shelfsync-layer',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css,
    isolateEvents: [...ISOLATED_EVENTS],
    onMount(container, _shadow, host) {
      host.setAttribute('data-console', session.reader.platform);
      host.setAttribute('data-shelfsync-host', 'layer');
      container.className = 'ss-layer';
      const root = createRoot(container);
      flushSync(() => root.render(<ConsoleApp session={session} layer={container} />));
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return (fn) => flushSync(fn);
};

/** What each console's content script hands the runtime: this UI, and the features' page modules. */
export const consoleUi: ConsoleUi = { mount: mountConsoleUi, modules: FEATURE_MODULES };
