// The feature registry (refined-github's habit): each page feature is one module registered
// with the pages it applies to, the settings switches that turn it off, and an `init(signal)`
// that may say "not here" (return false). `signal` aborts when the visit ends (SPA navigation),
// so everything a feature listens to is scoped to one visit. A feature that throws is logged
// once and skipped; the page never sees the exception.
import type { ConsoleFeature } from '../../settings/commands';
import { logger } from '../../log/logger';
import type { VisitContext } from './session';

const log = logger('console');

export type PageKind = 'list' | 'product' | 'other';

export interface Feature {
  id: string;
  /** Runs when any of these switches is on; null = not switchable. */
  switches: ConsoleFeature[] | null;
  /** Page kinds it applies to; null = every console page. */
  kinds: PageKind[] | null;
  /** 'store': only on a console identified as a connected store; 'no-store': only when it is not. */
  needs: 'store' | 'no-store';
  init(signal: AbortSignal, v: VisitContext): void | false | Promise<void | false>;
}

export function defineFeature(f: Feature): Feature {
  return f;
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
