// One shared, cheap DOM watcher for every feature (refined-github's habit): a single
// MutationObserver on the document, batched and debounced; a batch past ~1,000 mutations becomes
// a full rescan (Dark Reader's habit) instead of a walk over every added node. Our own hosts are
// ignored when added, so injecting controls never wakes the watcher (their removal does: a
// listing lost its controls). Every callback is wrapped: a feature that throws is logged once,
// the page never sees it.
import { logger } from '../../log/logger';

const log = logger('console');

export interface Batch {
  /** Too many mutations to look at one by one: rescan everything. */
  full: boolean;
  /** Elements the page added (not ours), when `full` is false. */
  added: Element[];
  /** Something was removed (a re-render may have thrown our hosts away). */
  removed: boolean;
}

export type BatchListener = (batch: Batch) => void;

export interface DomWatcher {
  /** Calls `fn` after each batch until `signal` aborts. */
  watch(signal: AbortSignal, fn: BatchListener): void;
  /** Runs the listeners now with a full batch (a new visit, a test). */
  rescan(): void;
  stop(): void;
}

export const FULL_RESCAN_AFTER = 1000;
const OURS = /^shelfsync-/;

export function isOurs(node: Node): boolean {
  return node.nodeType === 1 && OURS.test((node as Element).localName);
}

export function createDomWatcher(opts: { root?: Node; delayMs?: number; maxDelayMs?: number } = {}): DomWatcher {
  const root = opts.root ?? document.documentElement;
  const delay = opts.delayMs ?? 40;
  const maxDelay = opts.maxDelayMs ?? 200;
  const listeners = new Set<BatchListener>();
  let count = 0;
  let added: Element[] = [];
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;
  const failed = new WeakSet<BatchListener>();

  const flush = (full: boolean) => {
    timer = null;
    const batch: Batch = { full: full || count > FULL_RESCAN_AFTER, added: count > FULL_RESCAN_AFTER ? [] : added, removed };
    count = 0;
    added = [];
    removed = false;
    for (const fn of [...listeners]) {
      try {
        fn(batch);
      } catch (err) {
        if (!failed.has(fn)) log.warn('a console feature failed on a page change; it keeps running, the page is untouched', err);
        failed.add(fn);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    try {
      let relevant = false;
      for (const r of records) {
        if (r.type !== 'childList') continue;
        // A removal (the console's nodes, or our own host thrown away by a re-render) may
        // leave a listing without its controls: look again.
        if (r.removedNodes.length) {
          removed = true;
          relevant = true;
        }
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1 || isOurs(n)) continue;
          relevant = true;
          count++;
          if (count <= FULL_RESCAN_AFTER) added.push(n as Element);
        }
      }
      if (!relevant) return;
      const now = performance.now();
      if (timer === null) firstAt = now;
      else clearTimeout(timer);
      // Debounced, but never postponed past maxDelay (a page that never stops changing).
      timer = setTimeout(() => flush(false), now - firstAt > maxDelay ? 0 : delay);
    } catch (err) {
      log.warn('the page watcher skipped a change', err);
    }
  });
  observer.observe(root, { childList: true, subtree: true });

  return {
    watch(signal, fn) {
      if (signal.aborted) return;
      listeners.add(fn);
      signal.addEventListener('abort', () => listeners.delete(fn), { once: true });
    },
    rescan() {
      if (timer !== null) clearTimeout(timer);
      flush(true);
    },
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      listeners.clear();
    },
  };
}
