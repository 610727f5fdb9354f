// Listing rows on a console's product list: find them by durable anchors, give each a host for
// its controls (once: processed rows are marked), ask their status in one batch, and do it again
// whenever the console re-renders (the shared watcher) — new rows get controls, thrown-away
// hosts are pruned. With every per-row switch off the rows are still tracked (the context menu
// and the toolbar act on them) but no controls are injected. A row that shows its variants on
// lines of their own (Shopee's expanded models) gets a status and Sync now on each line too.
import { hintOnce } from '../dom';
import { createHost } from '../mount';
import { recordPass } from '../perf';
import { defineFeature } from '../registry';
import type { VisitContext } from '../session';
import type { Slot } from '../store';
import type { ConsoleRow } from '../types';
import type { Batch } from '../watcher';

export const ROW_SWITCHES = ['statusIcon', 'syncNow', 'autoSync', 'clone', 'connect'] as const;
export const PROCESSED_ATTR = 'data-shelfsync-row';

let seq = 0;

export function startRowScanning(signal: AbortSignal, v: VisitContext): () => number {
  const { adapter, store, feed, watcher } = v;
  const features = 'features' in v.identity && v.identity.features ? v.identity.features : null;
  const wantHosts = !features || ROW_SWITCHES.some((s) => features[s]);
  // A variant line shows its status and Sync now: nothing to put there when both are off.
  const wantVariantHosts = !features || features.statusIcon || features.syncNow;
  const processed = new WeakMap<Element, HTMLElement>();
  // Shopee's pinned tables: our controls live in one row of a pair the console keeps at equal
  // heights; when they (the listing's, or a model line's) change the row's height, the pair is
  // evened out again — so the row itself is watched, not one host.
  const pairs = new WeakMap<Element, Element[]>();
  const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    for (const e of entries) {
      const pair = pairs.get(e.target);
      if (!pair || !pair.every((r) => r.isConnected)) continue;
      const heights = pair.map((r) => (r as HTMLElement).offsetHeight);
      const h = Math.max(...heights);
      pair.forEach((r, i) => {
        if (heights[i] !== h) (r as HTMLElement).style.height = `${h}px`;
      });
    }
  });
  // A page that keeps removing our controls from the same row gets them back a few times only:
  // never a tug of war with the console.
  const reinjected = new WeakMap<Element, number>();
  const MAX_REINJECT = 5;
  let slots: Slot[] = [];

  /** Whether `el` may get a host again (false once the page removed ours too often). */
  const mayInject = (el: Element, host: HTMLElement | undefined): boolean => {
    if (!host) return true;
    const n = (reinjected.get(el) ?? 0) + 1;
    reinjected.set(el, n);
    if (n <= MAX_REINJECT) return true;
    hintOnce(document, 'host-removed', `${adapter.platform}: this console keeps removing Shelfsync's controls from a listing row; they stay off that row.`);
    return false;
  };

  const injectRow = (r: ConsoleRow, fresh: Slot[]): void => {
    const host = processed.get(r.row);
    if (host?.isConnected || !mayInject(r.row, host)) return;
    // A console that clones rows clones our host too (without its shadow root): drop the copy.
    for (const el of [r.row, ...(r.related ?? []), r.mount.anchor.parentElement ?? r.row]) {
      for (const copy of el.querySelectorAll('shelfsync-row')) if (!copy.shadowRoot) copy.remove();
    }
    const made = createHost(adapter.platform, 'row', r.mount, r.id);
    r.row.setAttribute(PROCESSED_ATTR, r.id);
    processed.set(r.row, made.host);
    if (r.related?.length && resized) {
      pairs.set(r.row, [r.row, ...r.related]);
      resized.observe(r.row);
    }
    fresh.push({ key: `r${++seq}`, id: r.id, kind: 'row', ...made });
  };

  const injectVariants = (r: ConsoleRow, fresh: Slot[]): void => {
    for (const line of r.variants ?? []) {
      const host = processed.get(line.el);
      if (host?.isConnected || !mayInject(line.el, host)) continue;
      for (const copy of line.el.querySelectorAll('shelfsync-row')) if (!copy.shadowRoot) copy.remove();
      const made = createHost(adapter.platform, 'variant', line.mount, r.id, line.id);
      processed.set(line.el, made.host);
      fresh.push({ key: `v${++seq}`, id: r.id, variantId: line.id, kind: 'variant', ...made });
    }
  };

  const scan = (): number => {
    const t0 = performance.now();
    const found = adapter.findRows(document);
    v.rows.clear();
    for (const r of found) v.rows.set(r.id, r);
    const kept = slots.filter((s) => s.host.isConnected);
    const fresh: Slot[] = [];
    for (const r of found) {
      if (wantHosts) injectRow(r, fresh);
      if (wantVariantHosts) injectVariants(r, fresh);
    }
    if (fresh.length || kept.length !== slots.length) {
      slots = [...kept, ...fresh];
      v.commit(() => store.set({ slots }));
    }
    if (found.length) feed.want(found.map((r) => r.id));
    if (fresh.length) recordPass('inject', fresh.length, performance.now() - t0);
    return fresh.length;
  };

  const relevant = (b: Batch) => b.full || b.removed || b.added.some((n) => n.matches(adapter.rowish) || !!n.querySelector(adapter.rowish));
  watcher.watch(signal, (b) => {
    if (relevant(b)) scan();
  });
  signal.addEventListener(
    'abort',
    () => {
      // The visit is over: take our hosts out (a URL rewrite without a re-render keeps the rows).
      resized?.disconnect();
      for (const s of slots) s.host.remove();
      slots = [];
      v.rows.clear();
      store.set({ slots: [], selected: [] });
    },
    { once: true },
  );
  scan();
  return scan;
}

export const rowControls = defineFeature({
  id: 'row-controls',
  switches: null,
  kinds: ['list'],
  needs: 'store',
  init(signal, v) {
    startRowScanning(signal, v);
  },
});
