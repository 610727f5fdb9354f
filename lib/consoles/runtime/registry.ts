// The feature registry (refined-github's habit): each page feature is one module registered
// with the pages it applies to, the settings switches that turn it off, and an `init(signal)`
// that may say "not here" (return false). `signal` aborts when the visit ends (SPA navigation),
// so everything a feature listens to is scoped to one visit. A feature that throws is logged
// once and skipped; the page never sees the exception.
// Two kinds run here: the runtime's own (./features/: row finding, the product page's slot, the
// connect hint, the readability check) and the page halves of the console features the seller
// switches (FeatureModule, one per entry of ../features.ts, in components/console/features/).
import { featureEntry, type ConsoleFeatureId, type MenuAction, type PageKind } from '../features';
import type { MenuAnswer } from '../menuProtocol';
import { logger } from '../../log/logger';
import type { Session, VisitContext } from './session';

const log = logger('console');

export type { PageKind } from '../features';

export interface Feature {
  id: string;
  /** Runs when any of these switches is on; null = not switchable. */
  switches: ConsoleFeatureId[] | null;
  /** Page kinds it applies to; null = every console page. */
  kinds: PageKind[] | null;
  /** 'store': only on a console identified as a connected store; 'no-store': only when it is not. */
  needs: 'store' | 'no-store';
  init(signal: AbortSignal, v: VisitContext): void | false | Promise<void | false>;
}

export function defineFeature(f: Feature): Feature {
  return f;
}

/** A context-menu action done in the page on these listings (the ticked ones, else all shown). */
export type MenuHandler = (s: Session, ids: string[]) => Promise<MenuAnswer>;

/** The page half of a console feature, as far as the runtime drives it (its controls are React: components/console/features/). */
export interface FeatureModule {
  id: ConsoleFeatureId;
  /** Per visit, on the page kinds its entry lists, of a connected store, while its switch is on. */
  init?: Feature['init'];
  /** Once per content script, whatever the switches (each visit learns them anew). */
  start?(s: Session): void;
  /** Its context-menu actions (its entry's `menu`). */
  menu?: Partial<Record<MenuAction, MenuHandler>>;
}

/** The visit feature a module's `init` runs as: its own switch, its entry's page kinds. */
export function visitFeatureOf(m: FeatureModule): Feature | null {
  if (!m.init) return null;
  return { id: m.id, switches: [m.id], kinds: [...featureEntry(m.id).kinds], needs: 'store', init: m.init };
}

export function applies(f: Feature, v: Pick<VisitContext, 'identity'>): boolean {
  const { identity } = v;
  if (!identity.console) return false;
  if ((f.needs === 'store') !== !!identity.store) return false;
  if (f.kinds && !f.kinds.includes(identity.console.kind)) return false;
  if (f.switches && 'features' in identity && identity.features) {
    const features = identity.features;
    if (!f.switches.some((s) => features[s])) return false;
  }
  return true;
}

/** Starts every applicable feature for this visit; answers the ids of those that started. */
export async function runFeatures(features: readonly Feature[], v: VisitContext): Promise<string[]> {
  const started: string[] = [];
  for (const f of features) {
    if (v.visit.signal.aborted) break;
    if (!applies(f, v)) continue;
    try {
      const result = await f.init(v.visit.signal, v);
      if (result !== false) started.push(f.id);
    } catch (err) {
      log.warn(`the "${f.id}" feature could not start on this page; the page is untouched`, err);
    }
  }
  return started;
}
