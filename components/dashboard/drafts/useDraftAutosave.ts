// Autosave for the draft edit page: every change is saved ~600 ms after the last keystroke, one
// save at a time, each naming the version it was made on. Nothing is lost on close: the unsaved
// edit is copied to localStorage on every change (backup.ts) and the pending save is flushed when
// the drawer closes, the page is hidden or unloaded. A stale version (the draft changed in another
// tab, or a release started) reloads the latest one instead of overwriting it. A price moved more
// than tenfold from the saved one is held until the seller confirms it (priceJumps.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { getDb } from '@/lib/db/database';
import { t, uiLocale } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { clearBackup, readBackup, resolveBackup, writeBackup, type DraftBackup } from './backup';
import { patchOf } from './fields';
import { jumpKey, priceJumps, type PriceJump } from './priceJumps';
import { fieldsOf, type DraftFields, type DraftView } from './types';

export const AUTOSAVE_MS = 600;

export type SaveState =
  | { kind: 'idle' }
  /** Changes on screen the background does not have yet (waiting for the pause, or on their way). */
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string };

/** Saves still running for an editor that was closed: opening the draft again waits for them. */
const flushes = new Map<number, Promise<void>>();

/** Resolves once every save left running by a closed editor has ended (tests wait for it). */
export async function draftSavesSettled(): Promise<void> {
  while (flushes.size) await Promise.allSettled([...flushes.values()]);
}

export interface Autosave {
  draft: DraftView | undefined;
  values: DraftFields | undefined;
  state: SaveState;
  loadError: string | null;
  /** The draft no longer exists (released or deleted). */
  gone: boolean;
  /** Why the page shows other values than the seller typed (a reload after a conflict, a restore). */
  notice: { type: 'warning' | 'info'; text: string } | null;
  /** An unsaved edit made on an older version: the seller chooses to apply or discard it. */
  offer: DraftBackup | null;
  /** Prices moved more than tenfold, waiting for the seller's word before they are saved. */
  priceCheck: PriceJump[] | null;
  /** Save them as typed. */
  confirmPrices(): void;
  /** Put the saved prices back (the rest of the change is saved). */
  undoPrices(): void;
  /** A change: the new values, or how to make them from the latest ones (never a stale render's). */
  change(next: DraftFields | ((latest: DraftFields) => DraftFields)): void;
  flush(): Promise<void>;
  /** Whether some change has not reached the background (after a flush: it failed). */
  pending(): boolean;
  applyOffer(): void;
  discardOffer(): void;
  dismissNotice(): void;
}

interface Inner {
  base: number;
  values: DraftFields | undefined;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  saving: Promise<void> | null;
  again: boolean;
  inflight: DraftBackup['inflight'];
  loaded: boolean;
  status: DraftView['status'] | undefined;
  /** What the background holds: the prices a new one is compared with. */
  saved: DraftView | undefined;
  /** Jumps the seller confirmed (field=price), until the next save. */
  accepted: Set<string>;
  asking: PriceJump[] | null;
}

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

export function useDraftAutosave(draftId: number): Autosave {
  const [draft, setDraft] = useState<DraftView>();
  const [values, setValues] = useState<DraftFields>();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const [notice, setNotice] = useState<Autosave['notice']>(null);
  const [offer, setOffer] = useState<DraftBackup | null>(null);
  const [priceCheck, setPriceCheck] = useState<PriceJump[] | null>(null);
  const ref = useRef<Inner>({ base: 0, values: undefined, dirty: false, timer: undefined, saving: null, again: false, inflight: undefined, loaded: false, status: undefined, saved: undefined, accepted: new Set(), asking: null });
  const r = ref.current;

  function keepCopy() {
    if (r.values) writeBackup(draftId, { baseVersion: r.base, fields: r.values, at: Date.now(), inflight: r.inflight });
  }

  function ask(jumps: PriceJump[] | null) {
    r.asking = jumps;
    setPriceCheck(jumps);
  }

  function show(d: DraftView, fields: DraftFields) {
    r.base = d.version;
    r.status = d.status;
    r.saved = d;
    r.accepted.clear();
    ask(null);
    r.values = fields;
    setDraft(d);
    setValues(fields);
  }

  function disappeared() {
    clearTimeout(r.timer);
    r.dirty = false;
    clearBackup(draftId);
    setGone(true);
  }

  async function reload(why: Autosave['notice']) {
    clearTimeout(r.timer);
    try {
      const d = await call('drafts.get', { id: draftId });
      r.dirty = false;
      clearBackup(draftId);
      show(d, fieldsOf(d));
      setNotice(why);
      setState({ kind: 'idle' });
    } catch (err) {
      if (err instanceof CommandError && err.code === 'not_found') disappeared();
      else setState({ kind: 'failed', message: errorText(err) });
    }
  }

  function save(): Promise<void> {
    clearTimeout(r.timer);
    r.timer = undefined;
    if (r.saving) {
      r.again = true;
      return r.saving;
    }
    if (!r.dirty || !r.values || !r.loaded) return Promise.resolve();
    const sent = r.values;
    const base = r.base;
    const { patch, held } = patchOf(sent);
    const jumps = r.saved ? priceJumps(r.saved, patch).filter((j) => !r.accepted.has(jumpKey(j))) : [];
    if (jumps.length) {
      ask(jumps);
      setState({ kind: 'failed', message: t('draft_priceJumpPending') });
      return Promise.resolve();
    }
    r.dirty = false;
    r.inflight = { baseVersion: base, patch };
    keepCopy();
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await call('drafts.update', { id: draftId, version: base, ...patch });
        r.base = saved.version;
        r.status = saved.status;
        r.saved = saved;
        r.accepted.clear();
        r.inflight = undefined;
        setDraft(saved);
        if (r.values === sent && !held.length) clearBackup(draftId);
        else keepCopy();
        if (held.length) setState({ kind: 'failed', message: held.map((h) => h.message).join(' ') });
        else if (!r.dirty) setState({ kind: 'saved', at: Date.now() });
      } catch (err) {
        r.inflight = undefined;
        if (err instanceof CommandError && err.code === 'version_conflict') {
          r.again = false;
          await reload({ type: 'warning', text: t('draft_conflict') });
        } else if (err instanceof CommandError && err.code === 'not_found') {
          r.again = false;
          disappeared();
        } else {
          r.dirty = true;
          keepCopy();
          setState({ kind: 'failed', message: errorText(err) });
        }
      } finally {
        r.saving = null;
      }
      if (r.again) {
        r.again = false;
        if (r.dirty) await save();
      }
    })();
    r.saving = run;
    return run;
  }

  function flush(): Promise<void> {
    const p = save();
    flushes.set(draftId, p);
    void p.finally(() => {
      if (flushes.get(draftId) === p) flushes.delete(draftId);
    });
    return p;
  }

  function change(update: DraftFields | ((latest: DraftFields) => DraftFields)) {
    if (!r.values) return;
    const next = typeof update === 'function' ? update(r.values) : update;
    r.values = next;
    r.dirty = true;
    setValues(next);
    keepCopy();
    setState({ kind: 'saving' });
    clearTimeout(r.timer);
    r.timer = setTimeout(() => void save(), AUTOSAVE_MS);
  }

  // Open: wait for a save a closed editor left running, read the draft, then any unsaved copy.
  useEffect(() => {
    let stopped = false;
    void (async () => {
      await flushes.get(draftId)?.catch(() => undefined);
      let d: DraftView;
      try {
        d = await call('drafts.get', { id: draftId });
      } catch (err) {
        if (stopped) return;
        if (err instanceof CommandError && err.code === 'not_found') disappeared();
        else setLoadError(errorText(err));
        return;
      }
      if (stopped) return;
      const copy = readBackup(draftId);
      const verdict = copy ? resolveBackup(d, copy) : 'drop';
      if (copy && verdict === 'apply' && d.status !== 'publishing') {
        show(d, copy.fields);
        r.loaded = true;
        r.dirty = true;
        setNotice({ type: 'info', text: t('draft_restored', timeOf(copy.at)) });
        void save();
        return;
      }
      if (copy && verdict === 'offer') setOffer(copy);
      else if (copy) clearBackup(draftId);
      show(d, fieldsOf(d));
      r.loaded = true;
    })();
    return () => {
      stopped = true;
    };
  }, [draftId]);

  // Leaving: flush when the page is hidden, unloaded, or the editor closes.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [draftId]);

  // Changed elsewhere (another tab, a release): reload when nothing of ours is pending; with
  // unsaved changes the next save meets the conflict and reloads then.
  const row = useLiveQuery(() => getDb().drafts.get(draftId).then((d) => d ?? null), [draftId]);
  useEffect(() => {
    if (!r.loaded || r.saving || row === undefined) return;
    if (row === null) {
      if (draft) disappeared();
      return;
    }
    if (row.version === r.base || r.dirty) return;
    const statusChanged = row.status !== r.status;
    void reload(statusChanged ? null : { type: 'warning', text: t('draft_changedElsewhere') });
  }, [row]);

  return {
    draft, values, state, loadError, gone, notice, offer,
    change, flush,
    pending: () => r.dirty || r.saving !== null,
    priceCheck,
    confirmPrices: () => {
      for (const j of r.asking ?? []) r.accepted.add(jumpKey(j));
      ask(null);
      void save();
    },
    undoPrices: () => {
      const jumps = r.asking ?? [];
      ask(null);
      change((latest) => {
        const back = new Map(jumps.map((j) => [j.field, j.from]));
        return {
          ...latest,
          price: back.get('price') ?? latest.price,
          variants: latest.variants.map((v, i) => ({ ...v, price: back.get(`variants.${i}.price`) ?? v.price })),
        };
      });
    },
    applyOffer: () => {
      const copy = offer;
      setOffer(null);
      if (copy) change(copy.fields);
    },
    discardOffer: () => {
      setOffer(null);
      clearBackup(draftId);
    },
    dismissNotice: () => setNotice(null),
  };
}
