// What one content script shares between its features: the console's knowledge (its page
// reader), the UI state, the status feed, the actions, the one DOM watcher and the rows of the current visit.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ConsoleActions } from './actions';
import type { FeatureModule } from './registry';
import type { StatusFeed } from './status';
import type { ConsoleState, Identity } from './state';
import type { ConsolePageReader, ConsoleRow } from './reader';
import type { Visit } from './visit';
import type { DomWatcher } from './watcher';

export type Ctx = Pick<ContentScriptContext, 'setInterval' | 'setTimeout' | 'onInvalidated' | 'addEventListener' | 'isValid' | 'signal'>;

export interface Session {
  ctx: Ctx;
  reader: ConsolePageReader;
  state: ConsoleState;
  feed: StatusFeed;
  actions: ConsoleActions;
  /** The page halves of the console features (components/console/features/), in list order. */
  modules: readonly FeatureModule[];
  watcher: DomWatcher;
  /** The listing rows found by the last scan of the current visit, by item id. */
  rows: Map<string, ConsoleRow>;
  /** Applies a UI state change and renders it synchronously (the UI sets flushSync here). */
  commit(fn: () => void): void;
  /** The shop the console URL named at the first visit (a later different one = switched shop). */
  shopHint?: string | null;
  /** Mounts the UI layer once, when the first feature needs it. */
  ensureUi(): Promise<void>;
}

export interface VisitContext extends Session {
  visit: Visit;
  identity: Identity;
}
