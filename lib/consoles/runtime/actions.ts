// What the console features' actions share. Each feature's own actions (Sync now, auto sync,
// Clone…, Connect / Add system SKU) are in its page module, components/console/features/<id>.tsx:
// each is one `console.*` command sent by this content script, so the background decides the
// store from this page's URL (never from anything the page says) and acts only on that store's
// listings. Here: the note beside a listing's controls that goes away by itself, the "saving"
// mark, and the picker (popover) a feature opens.
import { t } from '../../i18n';
import type { StatusFeed } from './status';
import type { ConsoleState, Picker } from './state';

export interface ActionResult {
  ok: boolean;
  message: string;
}

export type Preview<T> = { ok: true; data: T } | { ok: false; message: string };

const NOTE_MS = 6000;

/** Where a variant line's note is kept (the busy map is keyed by listing, and by listing + variant). */
export function variantKey(itemId: string, variantId: string): string {
  return `${itemId}\u0000${variantId}`;
}

export class ConsoleActions {
  constructor(
    readonly state: ConsoleState,
    readonly feed: StatusFeed,
    /** How often, and how long, a sync under way asks its listings' status again. */
    readonly pollMs = 1500,
    readonly pollForMs = 90_000,
  ) {}

  /** A result beside these listings' controls (keys of the busy map); it goes away by itself. */
  note(ids: string[], ok: boolean, message: string): void {
    this.state.setBusy(ids, { state: ok ? 'done' : 'error', text: message, until: Date.now() + NOTE_MS });
    setTimeout(() => {
      for (const id of ids) if (this.state.busy.get(id)?.text === message) this.state.busy.delete(id);
      this.state.emit();
    }, NOTE_MS);
  }

  /** Marks listings as saving, leaving a sync under way alone (its note keeps showing). */
  saving(ids: string[]): string[] {
    const free = ids.filter((id) => this.state.busy.get(id)?.action !== 'sync');
    this.state.setBusy(free, { state: 'working', action: 'save', text: t('console_saving') });
    return free;
  }

  openPicker(kind: Picker['kind'], ids: string[], anchor: Picker['anchor']): void {
    this.state.set({ picker: { kind, ids, anchor } });
  }

  closePicker(): void {
    this.state.set({ picker: null });
  }
}
