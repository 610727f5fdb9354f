// What the controls, the toolbar and the context menu do: each is one `console.*` command sent
// by this content script, so the background decides the store from this page's URL (never from
// anything the page says) and acts only on that store's listings.
import { send } from '../../commands/client';
import { t, tn } from '../../i18n';
import type { EffectSummary } from '../../sync/effects';
import type { StatusFeed } from './status';
import type { ConsoleStore, ItemStatus, Picker } from './store';

export interface ActionResult {
  ok: boolean;
  message: string;
}

export type StartingStock = 'platform' | 'zero';
export type Preview<T> = { ok: true; data: T } | { ok: false; message: string };
export interface AddSkuPreview {
  created: unknown[];
  joined: unknown[];
  errors: { storeVariantId: number; message: string }[];
  warehouses: { storeId: number; warehouseId: number; name: string }[];
  warehouseChoices?: { id: number; name: string; code: string }[];
  effects: EffectSummary;
  message?: string;
}
export interface ConnectPreview { pushQuantity: number | null; from: number; pushes: boolean; reason: string | null }

export type StoreBrief = { id: number; name: string; label: string; platform: string };
export type ProductHit = { id: number; sku: string; name: string };

const NOTE_MS = 6000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A listing's sync is over when every variant that has a number to push got a result since `since`. */
export function syncOutcome(s: ItemStatus | null | undefined, since: number): ActionResult | null {
  if (!s) return null;
  const pushable = s.variants.filter((v) => v.pushQuantity !== null);
  if (!pushable.length) {
    const reason = s.variants.find((v) => v.pushQuantityReason)?.pushQuantityReason ?? '';
    return { ok: false, message: t('console_nothingToPush', reason) };
  }
  if (!pushable.every((v) => v.lastSync && v.lastSync.at >= since && v.lastSync.status !== 'pending')) return null;
  const failed = pushable.find((v) => v.lastSync?.status === 'failed');
  if (failed) return { ok: false, message: t('console_syncFailed', failed.lastSync?.error ?? '') };
  return { ok: true, message: t('console_synced') };
}

/** Where a variant line's note is kept (the busy map is keyed by listing, and by listing + variant). */
export function variantKey(itemId: string, variantId: string): string {
  return `${itemId}\u0000${variantId}`;
}

/** A variant's own sync is over when that variant got a result since `since`. */
export function variantSyncOutcome(s: ItemStatus | null | undefined, variantId: string, since: number): ActionResult | null {
  const v = s?.variants.find((x) => x.platformVariantId === variantId);
  if (!s || !v) return null;
  return syncOutcome({ ...s, variants: [v] }, since);
}

/** What a sync under way waits for: the note's key, the listing whose status tells, how it ends. */
interface Followed {
  key: string;
  itemId: string;
  outcome(s: ItemStatus | null | undefined): ActionResult | null;
}

export class ConsoleActions {
  private storesCache: Promise<StoreBrief[]> | null = null;

  constructor(
    private readonly store: ConsoleStore,
    private readonly feed: StatusFeed,
    private readonly pollMs = 1500,
    private readonly pollForMs = 90_000,
  ) {}

  private note(ids: string[], ok: boolean, message: string): void {
    this.store.setBusy(ids, { state: ok ? 'done' : 'error', text: message, until: Date.now() + NOTE_MS });
    setTimeout(() => {
      for (const id of ids) if (this.store.busy.get(id)?.text === message) this.store.busy.delete(id);
      this.store.emit();
    }, NOTE_MS);
  }

  /** Sync now: a one-time push of these listings; the row shows the result when it is known. */
  async sync(ids: string[]): Promise<ActionResult> {
    const since = Date.now();
    this.store.setBusy(ids, { state: 'working', action: 'sync', text: t('console_syncing') });
    const answer = await send('console.act', { action: 'sync', platformItemIds: ids });
    if (!answer.ok) {
      this.note(ids, false, answer.error.message);
      return { ok: false, message: answer.error.message };
    }
    void this.followSync(ids.map((id) => ({ key: id, itemId: id, outcome: (s) => syncOutcome(s, since) })));
    return { ok: true, message: tn('console_resultSync', ids.length) };
  }

  /** Sync now of one variant's line (Shopee's models): only that variant is pushed. */
  async syncVariant(itemId: string, variantId: string): Promise<ActionResult> {
    const since = Date.now();
    const key = variantKey(itemId, variantId);
    this.store.setBusy([key], { state: 'working', action: 'sync', text: t('console_syncing') });
    const answer = await send('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: [variantId] });
    if (!answer.ok) {
      this.note([key], false, answer.error.message);
      return { ok: false, message: answer.error.message };
    }
    void this.followSync([{ key, itemId, outcome: (s) => variantSyncOutcome(s, variantId, since) }]);
    return { ok: true, message: tn('console_resultSync', 1) };
  }

  private async followSync(followed: Followed[]): Promise<void> {
    const open = new Map(followed.map((f) => [f.key, f]));
    const end = Date.now() + this.pollForMs;
    while (open.size && Date.now() < end && !this.feed.stopped) {
      await sleep(this.pollMs);
      await this.feed.refresh([...new Set([...open.values()].map((f) => f.itemId))]);
      for (const f of [...open.values()]) {
        const outcome = f.outcome(this.store.status.get(f.itemId));
        if (!outcome) continue;
        open.delete(f.key);
        this.note([f.key], outcome.ok, outcome.message);
      }
    }
    if (open.size && !this.feed.stopped) this.note([...open.keys()], true, t('console_syncQueued'));
  }

  /** Marks listings as saving, leaving a sync under way alone (its note keeps showing). */
  private saving(ids: string[]): string[] {
    const free = ids.filter((id) => this.store.busy.get(id)?.action !== 'sync');
    this.store.setBusy(free, { state: 'working', action: 'save', text: t('console_saving') });
    return free;
  }

  async setAutoSync(ids: string[], enabled: boolean): Promise<ActionResult> {
    const marked = this.saving(ids);
    const answer = await send('console.act', { action: enabled ? 'autoSyncOn' : 'autoSyncOff', platformItemIds: ids });
    await this.feed.refresh(ids);
    if (!answer.ok) {
      this.note(marked, false, answer.error.message);
      return { ok: false, message: answer.error.message };
    }
    this.store.setBusy(marked, null);
    return { ok: true, message: tn(enabled ? 'console_resultAutoOn' : 'console_resultAutoOff', ids.length) };
  }

  /** What switching auto sync on for these listings pushes now (nothing is changed). */
  async previewAutoSyncOn(ids: string[]): Promise<Preview<{ effects?: EffectSummary }>> {
    const answer = await send('console.act', { action: 'autoSyncOn', platformItemIds: ids, dryRun: true });
    return answer.ok ? { ok: true, data: answer.data as unknown as { effects?: EffectSummary } } : { ok: false, message: answer.error.message };
  }

  /** Add system SKU as a dry run: what each listing would be pushed, and the warehouses to choose from. */
  async previewAddSystemSku(ids: string[], startingStock: StartingStock, warehouseId?: number): Promise<Preview<AddSkuPreview>> {
    const answer = await send('console.act', { action: 'addSystemSku', platformItemIds: ids, startingStock, ...(warehouseId !== undefined ? { warehouseId } : {}), dryRun: true });
    return answer.ok ? { ok: true, data: answer.data as unknown as AddSkuPreview } : { ok: false, message: answer.error.message };
  }

  async addSystemSku(ids: string[], startingStock: StartingStock = 'platform', warehouseId?: number): Promise<ActionResult> {
    const marked = this.saving(ids);
    const answer = await send('console.act', { action: 'addSystemSku', platformItemIds: ids, startingStock, ...(warehouseId !== undefined ? { warehouseId } : {}) });
    await this.feed.refresh(ids);
    this.store.setBusy(marked, null);
    if (!answer.ok) return { ok: false, message: answer.error.message };
    const data = answer.data as { created?: unknown[]; joined?: unknown[]; errors?: { message?: string }[]; message?: string };
    const created = (data.created?.length ?? 0) + (data.joined?.length ?? 0);
    if (!created && data.errors?.length) return { ok: false, message: data.errors[0]?.message ?? t('console_resultAddSkuNone') };
    return { ok: true, message: created ? tn('unc_addCreatedN', created) : t('console_resultAddSkuNone') };
  }

  /** Connect as a dry run: the number it would push, and whether it goes out now. */
  async previewConnect(id: string, productId: number, storeVariantId?: number): Promise<Preview<ConnectPreview>> {
    const answer = await send('console.act', { action: 'connect', platformItemIds: [id], productId, dryRun: true, ...(storeVariantId !== undefined ? { storeVariantId } : {}) });
    return answer.ok ? { ok: true, data: answer.data as unknown as ConnectPreview } : { ok: false, message: answer.error.message };
  }

  async clone(ids: string[], destinationStoreIds: number[]): Promise<{ ok: boolean; message: string; perStore: { storeId: number; ok: boolean; text: string }[] }> {
    const answer = await send('console.act', { action: 'clone', platformItemIds: ids, destinationStoreIds });
    if (!answer.ok) return { ok: false, message: answer.error.message, perStore: [] };
    const data = answer.data as { drafts?: { storeId: number }[]; errors?: { storeId?: number; message?: string }[] };
    const perStore = destinationStoreIds.map((storeId) => {
      const made = (data.drafts ?? []).filter((d) => d.storeId === storeId).length;
      const err = (data.errors ?? []).find((e) => e.storeId === storeId);
      return made ? { storeId, ok: true, text: tn('console_cloneMade', made) } : { storeId, ok: false, text: err?.message ?? t('console_cloneNone') };
    });
    const drafts = data.drafts?.length ?? 0;
    return { ok: drafts > 0, message: tn('console_resultCloned', drafts), perStore };
  }

  async connect(id: string, productId: number, storeVariantId?: number): Promise<ActionResult> {
    const answer = await send('console.act', { action: 'connect', platformItemIds: [id], productId, ...(storeVariantId !== undefined ? { storeVariantId } : {}) });
    await this.feed.refresh([id]);
    if (!answer.ok) return { ok: false, message: answer.error.message };
    return { ok: true, message: t('console_connectDone') };
  }

  stores(): Promise<StoreBrief[]> {
    this.storesCache ??= send('console.stores', {}).then((a) => (a.ok ? a.data.items : []));
    return this.storesCache;
  }

  async search(q: string): Promise<ProductHit[]> {
    const answer = await send('console.searchProducts', { q });
    return answer.ok ? answer.data.items : [];
  }

  openPicker(kind: Picker['kind'], ids: string[], anchor: Picker['anchor']): void {
    this.store.set({ picker: { kind, ids, anchor } });
  }

  closePicker(): void {
    this.store.set({ picker: null });
  }
}
