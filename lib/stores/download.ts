// Downloading a store's listings: a job that asks the platform for one page per step, upserts
// the listings and their variants (twice = no duplicates: unique [storeId+platformItemId] and
// [storeId+platformItemId+platformVariantId]: Shopee's model id 0 repeats across items), connects new variants by SKU, and checkpoints the cursor. A
// stopped worker resumes from the last saved page. A full download ends by marking listings it
// did not see as gone; an incremental one asks only for changes since the last finished one.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { JobRow, StoreProductRow, StoreRow, StoreVariantRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import type { JobKind, StepResult } from '../jobs/runner';
import { logger } from '../log/logger';
import { PlatformError, variantKey, type PlatformItem } from '../platforms/types';
import { invalidateStore } from '../store-products/listIndex';
import { applyMatch, matchSkus } from './connect';
import { learnMissingIdentity } from './identity';
import { adapterFor } from './session';
import { t } from '../i18n';

const log = logger('download');
/** Incremental downloads re-ask a little before the last start: platform clocks and indexing lag. */
const OVERLAP_MS = 5 * 60_000;
const MAX_ATTEMPTS = 6;

export interface DownloadInput { storeId: number; mode: 'full' | 'incremental' }
interface DownloadState { cursor: string | null; startedAt: number; updatedSince: number | null; items: number; pages: number; created: number; unconnected: number }

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One page, retried through throttling and passing faults; an auth failure stops the store. */
async function fetchPage(db: ShelfsyncDB, store: StoreRow, cursor: string | null, updatedSince: number | null) {
  const adapter = await adapterFor(db, store);
  for (let attempt = 1; ; attempt++) {
    try {
      // No `updatedSince`: every listing is read, and the adapter may use the platform's bulk export.
      return await adapter.listItems({ cursor, updatedSince: updatedSince ?? undefined, wholeStore: updatedSince === null });
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err;
      if (err.kind === 'auth') {
        await db.stores.update(store.id, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: Date.now() });
        throw new CommandError('needs_reauthorization', t('err_store_reauthBeforeDownload', store.name, err.message));
      }
      if ((err.kind === 'rate_limited' || err.kind === 'temporary') && attempt < MAX_ATTEMPTS) {
        const wait = err.kind === 'rate_limited' ? Math.max(err.retryAfterMs ?? 1000, 200) : Math.min(500 * 2 ** attempt, 8000) * (0.5 + Math.random());
        log.debug(`store ${store.id}: ${err.kind}, page retried in ${Math.round(wait)} ms`);
        await sleep(wait);
        continue;
      }
      throw new CommandError('platform_error', t('err_store_downloadRefused', store.name, err.kind, err.message), { kind: err.kind });
    }
  }
}

async function savePage(db: ShelfsyncDB, store: StoreRow, jobId: number, items: PlatformItem[], now: number): Promise<{ created: number; unconnected: number }> {
  let created = 0;
  let unconnected = 0;
  await db.transaction('rw', [db.storeProducts, db.storeVariants, db.products], async () => {
    const existingProducts = new Map(
      (await db.storeProducts.where('[storeId+platformItemId]').anyOf(items.map((i) => [store.id, i.platformItemId])).toArray()).map((p) => [p.platformItemId, p]),
    );
    const variantKeys = items.flatMap((i) => i.variants.map((v) => [store.id, i.platformItemId, v.platformVariantId] as [number, string, string]));
    const existingVariants = new Map((await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').anyOf(variantKeys).toArray()).map((v) => [variantKey(v), v]));
    const matches = await matchSkus(db, items.flatMap((i) => i.variants.map((v) => v.sellerSku)));

    // Listings first, in two bulk writes (new ones need their ids for their variants).
    const rows = items.map((item) => {
      const before = existingProducts.get(item.platformItemId);
      return {
        ...(before ?? { autoSync: store.autoSyncDefault ? 1 : 0 }),
        storeId: store.id,
        platformItemId: item.platformItemId,
        title: item.title,
        status: item.status,
        gone: item.status === 'deleted' ? 1 : 0,
        imageUrl: item.imageUrls[0] ?? null,
        imageUrls: item.imageUrls.slice(0, 20),
        description: item.description ?? null,
        platformUpdatedAt: item.updatedAt,
        extra: item.extra ?? null,
        lastSeenJob: jobId,
        updatedAt: now,
      } as StoreProductRow;
    });
    const fresh = rows.filter((r) => r.id === undefined);
    created = fresh.length;
    const freshIds = fresh.length ? ((await db.storeProducts.bulkAdd(fresh, { allKeys: true })) as number[]) : [];
    fresh.forEach((r, i) => (r.id = freshIds[i]!));
    const known = rows.filter((r) => !fresh.includes(r));
    if (known.length) await db.storeProducts.bulkPut(known);

    const variants: StoreVariantRow[] = [];
    items.forEach((item, i) => {
      const storeProductId = rows[i]!.id;
      for (const v of item.variants) {
        const prev = existingVariants.get(variantKey({ platformItemId: item.platformItemId, platformVariantId: v.platformVariantId }));
        const skuChanged = prev ? skuKeyOf(prev.sellerSku) !== skuKeyOf(v.sellerSku) : true;
        const base = {
          storeId: store.id, storeProductId, platformItemId: item.platformItemId, platformVariantId: v.platformVariantId,
          sellerSku: v.sellerSku, sellerSkuKey: skuKeyOf(v.sellerSku), price: v.price, platformStock: v.stock,
          options: v.options ?? null, ref: v.ref ?? null,
        };
        // Only a new variant, a changed SKU or a still-unconnected one is (re-)matched.
        const connection = prev && !skuChanged && (prev.connected || prev.reason === 'disconnected')
          ? { productId: prev.productId, connected: prev.connected, connectedBy: prev.connectedBy, reason: prev.reason, candidateProductIds: prev.candidateProductIds }
          : applyMatch(prev ?? { productId: null, connectedBy: null }, matches.get(v.sellerSku)!);
        if (!connection.connected) unconnected++;
        variants.push({ ...(prev ?? {}), ...base, ...connection } as StoreVariantRow);
      }
    });
    await db.storeVariants.bulkPut(variants);
  });
  return { created, unconnected };
}

/** Full download: listings not seen by this job are gone from the platform. */
async function markVanished(db: ShelfsyncDB, storeId: number, jobId: number, now: number): Promise<number> {
  return db.transaction('rw', db.storeProducts, async () =>
    db.storeProducts
      .where('[storeId+platformItemId]')
      .between([storeId, ''], [storeId, '\uffff'])
      .filter((p) => p.lastSeenJob !== jobId && p.gone === 0)
      .modify({ gone: 1, status: 'deleted', updatedAt: now }),
  );
}

async function downloadStep(db: ShelfsyncDB, job: JobRow & { state?: unknown }): Promise<StepResult> {
  const input = job.input as DownloadInput;
  const store = await db.stores.get(input.storeId);
  if (!store) throw new CommandError('not_found', t('err_store_removedDuringDownload', input.storeId));
  if (store.status !== 'active') throw new CommandError('store_not_active', t(store.status === 'disabled' ? 'err_store_nothingDownloadedDisabled' : 'err_store_nothingDownloadedReauth', store.name));
  // A store connected before its shop's ids were learnt asks once, before its first page.
  if (!job.state) await learnMissingIdentity(db, store, await adapterFor(db, store), Date.now);
  const state: DownloadState = (job.state as DownloadState | undefined) ?? {
    cursor: null,
    startedAt: Date.now(),
    updatedSince: input.mode === 'incremental' && store.download.lastCompletedStartedAt ? store.download.lastCompletedStartedAt - OVERLAP_MS : null,
    items: 0, pages: 0, created: 0, unconnected: 0,
  };
  // Several pages per step (about two seconds' worth), the next page fetched while this one is
  // saved; the checkpoint moves only after a page is saved, so a stop never skips one.
  const deadline = Date.now() + 1000;
  let page = await fetchPage(db, store, state.cursor, state.updatedSince);
  for (;;) {
    const prefetch = page.nextCursor && Date.now() < deadline ? fetchPage(db, store, page.nextCursor, state.updatedSince).then((p) => ({ p }), (error: unknown) => ({ error })) : null;
    // A bulk export's pages come empty while the platform prepares it: nothing to write.
    const saved = page.items.length > 0 ? await savePage(db, store, job.id, page.items, Date.now()) : { created: 0, unconnected: 0 };
    state.cursor = page.nextCursor;
    state.items += page.items.length;
    state.pages++;
    state.created += saved.created;
    state.unconnected += saved.unconnected;
    // The progress bar moves with every page, not only at the step's checkpoint.
    await db.jobs.update(job.id, { progress: { done: state.items, total: Math.max(page.total ?? 0, state.items) }, updatedAt: Date.now() });
    if (!page.nextCursor) break;
    if (!prefetch) {
      invalidateStore(store.id);
      return { progress: { done: state.items, total: Math.max(page.total ?? 0, state.items) }, state };
    }
    const next = await prefetch;
    if ('error' in next) throw next.error;
    page = next.p;
  }
  invalidateStore(store.id);
  const gone = input.mode === 'full' ? await markVanished(db, store.id, job.id, Date.now()) : 0;
  invalidateStore(store.id);
  const message = `${state.items} listings downloaded (${state.created} new${gone ? `, ${gone} gone from the platform` : ''}); ${state.unconnected} variants unconnected.`;
  await db.stores.update(store.id, {
    download: { lastCompletedStartedAt: state.startedAt, last: { at: Date.now(), mode: input.mode, ok: true, items: state.items, message } },
    updatedAt: Date.now(),
  });
  return { progress: { done: state.items, total: state.items }, result: { items: state.items, pages: state.pages, created: state.created, gone, unconnected: state.unconnected, mode: input.mode, message } };
}

/** The `stores.download` job (registered in lib/background/parts.ts). */
export const downloadJob: JobKind = {
  step: downloadStep,
  // A failed download is remembered on the store too, where the Stores page shows it.
  async onFailed(db, job, error) {
    const { storeId, mode } = job.input as DownloadInput;
    const store = await db.stores.get(storeId);
    if (store) await db.stores.update(storeId, { download: { ...store.download, last: { at: Date.now(), mode, ok: false, items: 0, message: error.message } } });
  },
};
