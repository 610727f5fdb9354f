// Listing rows on a console's product list: find them by durable anchors, give each a host for
// its controls (once: processed rows are marked), ask their status in one batch, and do it again
// whenever the console re-renders (the shared watcher) — new rows get controls, thrown-away
// hosts are pruned. With every feature mounted on rows switched off the rows are still tracked
// (the context menu and the toolbar act on them) but no controls are injected. A row that shows
// its variants on lines of their own (Shopee's expanded models) gets a host on each line too,
// for the features mounted on variant lines (../../features.ts: the status and Sync now).
import { anyOn, switchesAt } from '../../features';
import { hintOnce } from '../dom';
import { createHost, place } from '../mount';
import { recordPass } from '../perf';
import { defineFeature } from '../registry';
import type { VisitContext } from '../session';
import type { Slot } from '../state';
import type { ConsoleRow } from '../reader';
import type { Batch } from '../watcher';

const ROW_FEATURES = switchesAt('row', 'list');
const VARIANT_FEATURES = switchesAt('variant', 'list');
export const PROCESSED_ATTR = 'data-shelfsync-row';

let seq = 0;

export function startRowScanning(signal: AbortSignal, v: VisitContext): () => number {
  const { reader, state, feed, watcher } = v;
  const features = 'features' in v.identity && v.identity.features ? v.identity.features : null;
  const wantHosts = !features || anyOn(features, ROW_FEATURES);
  // Nothing to put on a variant line when every feature mounted there is off.
  const wantVariantHosts = !features || anyOn(features, VARIANT_FEATURES);
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
  // Hosts a re-render threw away stay rendered (off the page) for a while, by listing (and
  // variant): when the listing's row comes back — the console re-rendered it, the seller paged
  // back — the same host is put in the new row, with no React work and no new event listeners
  // (React attaches ~160 to every portal container). Bounded: the oldest are let go.
  const parked = new Map<string, Slot>();
  const PARK_MAX = 100;
  const slotKey = (kind: Slot['kind'], id: string, variantId?: string) => `${kind}:${id}:${variantId ?? ''}`;
  let reattached = 0;

  /** Puts a parked host for this listing (or variant) into `el`'s row; false when there is none. */
  const reattach = (key: string, el: Element, mount: ConsoleRow['mount']): boolean => {
    const slot = parked.get(key);
    if (!slot) return false;
    parked.delete(key);
    place(slot.host, mount);
    processed.set(el, slot.host);
    reattached++;
    return true;
  };

  /** Whether `el` may get a host again (false once the page removed ours too often). */
  const mayInject = (el: Element, host: HTMLElement | undefined): boolean => {
    if (!host) return true;
    const n = (reinjected.get(el) ?? 0) + 1;
    reinjected.set(el, n);
    if (n <= MAX_REINJECT) return true;
    hintOnce(document, 'host-removed', `${reader.platform}: this console keeps removing Shelfsync's controls from a listing row; they stay off that row.`);
    return false;
  };

  const injectRow = (r: ConsoleRow, fresh: Slot[]): void => {
    const host = processed.get(r.row);
    if (host?.isConnected || !mayInject(r.row, host)) return;
    // A console that clones rows clones our host too (without its shadow root): drop the copy.
    for (const el of [r.row, ...(r.related ?? []), r.mount.anchor.parentElement ?? r.row]) {
      for (const copy of el.querySelectorAll('shelfsync-row')) if (!copy.shadowRoot) copy.remove();
    }
    r.row.setAttribute(PROCESSED_ATTR, r.id);
    if (r.related?.length && resized) {
      // Observed once per row: observing again reports every row's size anew (a read of all of them).
      if (!pairs.has(r.row)) resized.observe(r.row);
      pairs.set(r.row, [r.row, ...r.related]);
    }
    if (reattach(slotKey('row', r.id), r.row, r.mount)) return;
    const made = createHost(reader.platform, 'row', r.mount, r.id);
    processed.set(r.row, made.host);
    fresh.push({ key: `r${++seq}`, id: r.id, kind: 'row', ...made });
  };

  const injectVariants = (r: ConsoleRow, fresh: Slot[]): void => {
    for (const line of r.variants ?? []) {
      const host = processed.get(line.el);
      if (host?.isConnected || !mayInject(line.el, host)) continue;
      for (const copy of line.el.querySelectorAll('shelfsync-row')) if (!copy.shadowRoot) copy.remove();
      if (reattach(slotKey('variant', r.id, line.id), line.el, line.mount)) continue;
      const made = createHost(reader.platform, 'variant', line.mount, r.id, line.id);
      processed.set(line.el, made.host);
      fresh.push({ key: `v${++seq}`, id: r.id, variantId: line.id, kind: 'variant', ...made });
    }
  };

  const scan = (): number => {
    const t0 = performance.now();
    const found = reader.findRows(document);
    v.rows.clear();
    for (const r of found) v.rows.set(r.id, r);
    for (const s of slots) {
      const key = slotKey(s.kind, s.id, s.variantId);
      // A second row of the same listing got its own host: only one of them is parked.
      if (!s.host.isConnected && !parked.has(key)) parked.set(key, s);
    }
    reattached = 0;
    const fresh: Slot[] = [];
    for (const r of found) {
      if (wantHosts) injectRow(r, fresh);
      if (wantVariantHosts) injectVariants(r, fresh);
    }
    // Let the oldest parked hosts go (Map order is the order they were parked in).
    for (const key of [...parked.keys()].slice(0, Math.max(0, parked.size - PARK_MAX))) parked.delete(key);
    const parkedSlots = new Set(parked.values());
    const kept = slots.filter((s) => s.host.isConnected || parkedSlots.has(s));
    if (fresh.length || kept.length !== slots.length) {
      slots = [...kept, ...fresh];
      v.commit(() => state.set({ slots }));
    }
    if (found.length) feed.want(found.map((r) => r.id));
    if (fresh.length || reattached) recordPass('inject', fresh.length + reattached, performance.now() - t0);
    return fresh.length + reattached;
  };

  const relevant = (b: Batch) => b.full || b.removed || b.added.some((n) => n.matches(reader.rowish) || !!n.querySelector(reader.rowish));
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
      parked.clear();
      v.rows.clear();
      state.set({ slots: [], selected: [] });
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
