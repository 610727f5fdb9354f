// The state the injected UI renders (ConsoleState: a snapshot plus per-listing maps, read through
// useSyncExternalStore), so a status answer re-renders only the rows whose listing changed, and
// the runtime (plain TS) and the React tree share one source of truth. "Store" in Shelfsync is
// only a seller's shop; this is the console's UI state.
import type { CommandOutput } from '../../commands/client';
import { DEFAULT_SWITCHES, type FeatureSwitches } from '../features';

export type Identity = CommandOutput<'console.identify'>;
export type ItemStatus = CommandOutput<'console.status'>['items'][number];
export type { FeatureSwitches } from '../features';

/** Where one set of controls is rendered: a listing row, one variant's line in it, or the product on a product page. */
export interface Slot {
  key: string;
  id: string;
  /** A variant line's platform variant id (kind 'variant'). */
  variantId?: string;
  kind: 'row' | 'product' | 'variant';
  host: HTMLElement;
  container: HTMLElement;
}

/** What an action on a listing is doing or did (shown beside its controls). */
export interface Busy {
  state: 'working' | 'done' | 'error';
  /** What is working: a sync keeps going for a while, a save (auto sync, connect) is quick. */
  action?: 'sync' | 'save';
  text: string;
  /** When the result note goes away by itself. */
  until?: number;
}

export interface Picker {
  /** addSku and autoOn change live stock: they show what they push before the seller confirms. */
  kind: 'clone' | 'connect' | 'addSku' | 'autoOn';
  ids: string[];
  /** The control it opens beside; null (from the context menu) = near the top, centred. */
  anchor: Element | null;
}

export interface ConsoleSnapshot {
  platform: string;
  identity: Identity | null;
  features: FeatureSwitches;
  slots: Slot[];
  selected: string[];
  picker: Picker | null;
  /** Shown once when this console is not (or not certainly) a connected store. */
  hint: 'not_connected' | 'ambiguous' | null;
  hintDismissed: boolean;
  /** A store-level note (toolbar results, refusals). */
  notice: Busy | null;
}

type Listener = () => void;

export class ConsoleState {
  private state: ConsoleSnapshot;
  private listeners = new Set<Listener>();
  /** Per listing: undefined = not asked yet, null = not a listing of this store in Shelfsync. */
  readonly status = new Map<string, ItemStatus | null>();
  readonly busy = new Map<string, Busy>();

  constructor(platform: string) {
    this.state = { platform, identity: null, features: DEFAULT_SWITCHES, slots: [], selected: [], picker: null, hint: null, hintDismissed: false, notice: null };
  }

  get = (): ConsoleSnapshot => this.state;

  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  set(patch: Partial<ConsoleSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  setStatuses(items: Iterable<[string, ItemStatus | null]>): void {
    let changed = false;
    for (const [id, item] of items) {
      const before = this.status.get(id);
      if (before === item || (before && item && JSON.stringify(before) === JSON.stringify(item))) continue;
      this.status.set(id, item);
      changed = true;
    }
    if (changed) this.emit();
  }

  setBusy(ids: string[], busy: Busy | null): void {
    for (const id of ids) {
      if (busy) this.busy.set(id, busy);
      else this.busy.delete(id);
    }
    this.emit();
  }

  emit(): void {
    for (const fn of [...this.listeners]) fn();
  }
}
