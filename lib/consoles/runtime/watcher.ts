// One shared, cheap DOM watcher for every feature (refined-github's habit): a single
// MutationObserver on the document, batched and debounced; a batch past ~1,000 mutations becomes
// a full rescan (Dark Reader's habit) instead of a walk over every added node. Our own hosts are
// ignored when added, so injecting controls never wakes the watcher (their removal does: a
// listing lost its controls). Every callback is wrapped: a feature that throws is logged once,
// the page never sees it.
//
// When: a change after a quiet spell (a console re-rendering its list once) is handled in the
// next animation frame, before the browser lays the page out — the controls come back in the
// same layout as the console's own change: no second layout of the whole table (measured: one
// layout of a 50-row console table is 20-60 ms here) and no frame without controls. A page that
// keeps changing falls back to the debounce (delayMs, never postponed past maxDelayMs), so a
// busy page is scanned a few times a second, not every frame. A hidden tab paints no frames: the
// timer catches up there.
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

export function createDomWatcher(opts: { root?: Node; delayMs?: number; maxDelayMs?: number; frames?: boolean } = {}): DomWatcher {
  const root = opts.root ?? document.documentElement;
  const delay = opts.delayMs ?? 40;
  const maxDelay = opts.maxDelayMs ?? 200;
  // jsdom has no animation frames (without pretendToBeVisual): the timer alone there.
  const frames = (opts.frames ?? true) && typeof requestAnimationFrame === 'function';
  const listeners = new Set<BatchListener>();
  let count = 0;
  let added: Element[] = [];
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let firstAt = 0;
  let lastFlushAt = -Infinity;
  const failed = new WeakSet<BatchListener>();

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
    timer = null;
    frame = null;
  };

  const flush = (full: boolean) => {
    cancel();
    lastFlushAt = performance.now();
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
      // Already due in the coming frame: this change is handled with it.
      if (frame !== null) return;
      const now = performance.now();
      if (timer === null && frames && document.visibilityState === 'visible' && now - lastFlushAt > maxDelay) {
        frame = requestAnimationFrame(() => flush(false));
        // A tab hidden meanwhile paints no frame: the timer then.
        timer = setTimeout(() => flush(false), maxDelay);
        return;
      }
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
      flush(true);
    },
    stop() {
      observer.disconnect();
      cancel();
      listeners.clear();
    },
  };
}
