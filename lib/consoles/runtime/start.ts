// One console's content script: identify the page (the background decides the store from this
// page's URL), then run the features of each visit. Nothing here may break the page: every step
// is wrapped, and a console Shelfsync does not recognise just gets no controls.
import { send } from '../../commands/client';
import { startLanguage } from '../../language/start';
import { logger } from '../../log/logger';
import { parseConsoleUrl } from '../index';
import { hintOnce } from './dom';
import { DEFAULT_SWITCHES } from '../features';
import { ConsoleActions } from './actions';
import { connectHint } from './features/connectHint';
import { productControls } from './features/productControls';
import { readability } from './features/readability';
import { rowControls } from './features/rowControls';
import { runFeatures, visitFeatureOf, type Feature, type FeatureModule } from './registry';
import type { Ctx, Session, VisitContext } from './session';
import { StatusFeed } from './status';
import { ConsoleState, type Identity } from './state';
import type { ConsolePageReader } from './reader';
import { watchVisits, type Visit } from './visit';
import { createDomWatcher } from './watcher';

const log = logger('console');

/** A visit's features in order: the rows first, so the toolbar, the context menu and the readability check see them. */
export function visitFeatures(modules: readonly FeatureModule[]): Feature[] {
  const own = modules.map(visitFeatureOf).filter((f): f is Feature => f !== null);
  return [rowControls, ...own, productControls, connectHint, readability];
}

/** Mounts the injected UI (React) for a session; answers the synchronous commit to use. */
export type MountUi = (ctx: Ctx, session: Session) => Promise<(fn: () => void) => void>;

/** What the UI layer (components/console) hands the runtime: how to mount it, and the features' page modules. */
export interface ConsoleUi {
  mount: MountUi;
  modules: readonly FeatureModule[];
}

/** A WooCommerce console's site (the URL before /wp-admin/): the script only runs on connected ones. */
export function wooSiteOf(href: string): string[] {
  const i = href.indexOf('/wp-admin/');
  return i > 0 ? [href.slice(0, i)] : [];
}

export function createSession(ctx: Ctx, reader: ConsolePageReader, ui: ConsoleUi): Session {
  const state = new ConsoleState(reader.platform);
  let commit: (fn: () => void) => void = (fn) => fn();
  const feed = new StatusFeed(state, (fn) => commit(fn));
  let mounted: Promise<void> | null = null;
  const session: Session = {
    ctx,
    reader,
    state,
    feed,
    actions: new ConsoleActions(state, feed),
    modules: ui.modules,
    watcher: createDomWatcher(),
    rows: new Map(),
    commit: (fn) => commit(fn),
    ensureUi() {
      mounted ??= ui.mount(ctx, session).then((c) => {
        commit = c;
      });
      return mounted;
    },
  };
  ctx.onInvalidated(() => {
    // The extension was reloaded or updated: this script's controls go (the new one brings its own).
    session.watcher.stop();
    feed.stop();
    for (const host of document.querySelectorAll('shelfsync-row')) host.remove();
  });
  return session;
}

export async function runVisit(s: Session, visit: Visit, features: readonly Feature[] = visitFeatures(s.modules)): Promise<string[]> {
  // Until this visit knows its store, nothing (the menu included) acts on the previous one's.
  if (s.state.get().identity || s.state.get().picker) s.state.set({ identity: null, picker: null });
  const answer = await send('console.identify', {});
  if (visit.signal.aborted) return [];
  if (!answer.ok) {
    log.info(`this console page was not identified: ${answer.error.message}`);
    return [];
  }
  if (!answer.data.console) return [];
  // Chrome stamps a content script's messages with the URL its context was created at, which
  // single-page navigation does not update: the store comes from the background (that stamped
  // URL, never what the page says), but which page this is — list or product, which item — is
  // read here from the current URL.
  const here = parseConsoleUrl(location.href, wooSiteOf(location.href));
  if (!here || here.platform !== answer.data.console.platform) return [];
  s.shopHint ??= here.shopHint;
  if (here.shopHint !== s.shopHint) {
    // The console switched shop without a page load: the stamped URL still names the first shop,
    // so acting here could reach the wrong store. Nothing until the seller reloads.
    hintOnce(document, 'shop-switched', `${here.platform}: this console switched shop without reloading; reload the page to use Shelfsync here.`);
    return [];
  }
  const identity: Identity = { ...answer.data, console: { platform: here.platform, kind: here.kind, platformItemId: here.platformItemId } };
  s.state.set({ identity, features: 'features' in identity && identity.features ? identity.features : DEFAULT_SWITCHES });
  await s.ensureUi();
  if (visit.signal.aborted) return [];
  const v: VisitContext = { ...s, visit, identity };
  return runFeatures(features, v);
}

/** The controls' language: the seller's choice, else the console's own `<html lang>` when it is
 *  not the browser's (followed when the console switches language without a reload). The strings
 *  come from the background: a page must not be able to read our files. */
function startControlsLanguage(ctx: Ctx): void {
  void startLanguage({
    pageLanguage: () => document.documentElement.lang,
    async load(language) {
      const answer = await send('console.messages', { language });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.messages;
    },
  }).then((handle) => {
    const watch = new MutationObserver(() => void handle.refresh());
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    ctx.onInvalidated(() => {
      watch.disconnect();
      handle.stop();
    });
  }).catch((err: unknown) => log.info('the controls stay in the browser\'s language', err));
}

export function startConsole(ctx: Ctx, reader: ConsolePageReader, ui: ConsoleUi): Session | null {
  try {
    startControlsLanguage(ctx);
    const session = createSession(ctx, reader, ui);
    for (const m of ui.modules) m.start?.(session);
    watchVisits(ctx, async (visit) => {
      await runVisit(session, visit);
    });
    return session;
  } catch (err) {
    log.warn('Shelfsync could not start on this console page; the page is untouched', err);
    return null;
  }
}
