// Release: each draft becomes a listing on its platform through the adapter (item, then
// variants where the platform needs two steps). Success turns it into a store product whose
// variants connect by SKU; a refusal keeps the draft as `failed` with the platform's reason, told
// as a sentence on the field it concerns (refusals.ts) with the platform's own text as details.
// A release that stopped half-way (worker stopped, variants step failed) is recovered on the
// next attempt by finding the item by its seller SKU first — never created twice.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { captureTables } from '../db/tables';
import type { DraftRow, JobRow, StoreProductRow, StoreRow, StoreVariantRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import type { JobKind, StepResult } from '../jobs/runner';
import { ImageError } from '../platforms/media';
import { PlatformError, type NewListing, type PlatformAdapter, type PlatformItem } from '../platforms/types';
import { invalidateStore } from '../store-products/listIndex';
import { applyMatch, matchSkus } from '../stores/connect';
import { sleep } from '../stores/download';
import { adapterFor } from '../stores/session';
import { markVariants } from '../sync/capture';
import { destinationListing, hostImages, imageHostsToAllow, imagesToHost, loadCatalogFor } from './destination';
import { platformName } from './limits';
import { explainRefusal, failureOf } from './refusals';
import { storeFactsFor } from './storeFacts';
import { validateDraft, type FieldProblem } from './validation';

interface ReleaseResult { draftId: number; ok: boolean; storeProductId?: number; platformItemId?: string; error?: string; field?: string | null; details?: string | null; code?: string; fields?: string[] }
interface State { index: number; results: ReleaseResult[] }

async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof PlatformError && (err.kind === 'rate_limited' || err.kind === 'temporary') && attempt < 4) {
        await sleep(err.kind === 'rate_limited' ? Math.max(err.retryAfterMs ?? 1000, 200) : 500 * 2 ** attempt);
        continue;
      }
      throw err;
    }
  }
}

/** The item on the platform: found (a previous attempt got that far) or created now.
 *  `listed`: whether the store already has this item as a store product — then it is another
 *  listing with the same SKU (a refusal's cause), never this draft's half-made item. */
async function publish(adapter: PlatformAdapter, draft: DraftRow, listing: NewListing, listed: (platformItemId: string) => Promise<boolean>): Promise<PlatformItem | { platformItemId: string; variants: { sellerSku: string; platformVariantId: string }[] }> {
  const firstSku = listing.variants[0]!.sellerSku;
  if (draft.release && adapter.findItemBySellerSku) {
    const found = await withRetries(() => adapter.findItemBySellerSku!(firstSku));
    if (found && !(await listed(found.platformItemId))) {
      const missing = listing.variants.filter((v) => !found.variants.some((f) => skuKeyOf(f.sellerSku) === skuKeyOf(v.sellerSku)));
      if (!missing.length) return found;
      if (adapter.completeListing) return withRetries(() => adapter.completeListing!(found.platformItemId, listing));
      throw new PlatformError('invalid', `The item ${found.platformItemId} already exists on the platform but lacks ${missing.length} variant(s); finish or delete it there, then release again.`);
    }
  }
  const created = await withRetries(() => adapter.createListing(listing));
  // Read it back for the handles later stock pushes need (inventory item, location, warehouse).
  const readBack = adapter.findItemBySellerSku ? await withRetries(() => adapter.findItemBySellerSku!(firstSku)).catch(() => null) : null;
  return readBack && readBack.platformItemId === created.platformItemId ? readBack : created;
}

async function saveReleased(db: ShelfsyncDB, store: StoreRow, draft: DraftRow, item: Awaited<ReturnType<typeof publish>>, hostedUrls: string[], now: number): Promise<number> {
  return db.transaction('rw', [...captureTables(db), db.drafts, db.products], async () => {
    const existing = await db.storeProducts.where('[storeId+platformItemId]').equals([store.id, item.platformItemId]).first();
    const full = 'title' in item ? item : null;
    // The images as the platform now holds them (read back, else the hosted copies, else the draft's).
    const imageUrls = full?.imageUrls.length ? full.imageUrls : hostedUrls.length ? hostedUrls : draft.imageUrls;
    const row: Omit<StoreProductRow, 'id'> = {
      storeId: store.id, platformItemId: item.platformItemId, title: full?.title ?? draft.title, status: full?.status ?? 'active', gone: 0,
      imageUrl: imageUrls[0] ?? null, imageUrls, description: draft.description, autoSync: store.autoSyncDefault ? 1 : 0,
      platformUpdatedAt: full?.updatedAt ?? now, extra: full?.extra ?? null, lastSeenJob: 0, updatedAt: now,
    };
    const storeProductId = existing ? existing.id : await db.storeProducts.add(row as StoreProductRow);
    if (existing) await db.storeProducts.put({ ...existing, ...row, id: existing.id });
    const matches = await matchSkus(db, draft.variants.map((v) => v.sellerSku));
    const variants: StoreVariantRow[] = [];
    for (const dv of draft.variants) {
      const pv = item.variants.find((v) => skuKeyOf(v.sellerSku) === skuKeyOf(dv.sellerSku));
      if (!pv) continue;
      const prev = await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').equals([store.id, item.platformItemId, pv.platformVariantId]).first();
      const connection = dv.productId !== null && (await db.products.get(dv.productId))
        ? { productId: dv.productId, connected: 1 as const, connectedBy: 'sku' as const, reason: null, candidateProductIds: [] }
        : applyMatch({ productId: null, connectedBy: null }, matches.get(dv.sellerSku)!);
      variants.push({
        ...(prev ?? {}), storeId: store.id, storeProductId, platformItemId: item.platformItemId, platformVariantId: pv.platformVariantId,
        sellerSku: dv.sellerSku, sellerSkuKey: skuKeyOf(dv.sellerSku), price: dv.price, platformStock: 'stock' in pv ? pv.stock : dv.stock,
        options: dv.options, ref: 'ref' in pv ? pv.ref ?? null : null, lastPushedQuantity: null, lastSync: null, failing: 0, drift: null, ...connection,
      } as StoreVariantRow);
    }
    const ids = (await db.storeVariants.bulkPut(variants, { allKeys: true })) as number[];
    await db.drafts.delete(draft.id);
    // A new listing follows the store's default: on auto sync, it gets its number at once.
    if (store.autoSyncDefault) await markVariants(db, variants.map((v, i) => ({ ...v, id: ids[i]! })).filter((v) => v.connected === 1), 'auto_sync_enabled', { now });
    return storeProductId;
  });
}

async function releaseOne(db: ShelfsyncDB, draftId: number): Promise<ReleaseResult> {
  const draft = await db.drafts.get(draftId);
  if (!draft) return { draftId, ok: false, error: 'The draft no longer exists.' };
  const store = await db.stores.get(draft.storeId);
  if (!store) return { draftId, ok: false, error: 'Its store was removed.' };
  const fail = async (message: string, refusal: { field?: string | null; details?: string | null; code?: string; fields?: string[] } = {}, nothingMade = false, patch: Partial<DraftRow> = {}): Promise<ReleaseResult> => {
    const failure = failureOf(draft, message, refusal, Date.now());
    await db.drafts.update(draftId, { status: 'failed', failure, updatedAt: Date.now(), ...(nothingMade ? { release: null } : {}), ...patch });
    return { draftId, ok: false, error: message, field: failure.field, details: failure.details, ...(refusal.code ? { code: refusal.code } : {}), ...(refusal.fields ? { fields: refusal.fields } : {}) };
  };
  if (store.status !== 'active') return fail(`${store.name} is ${store.status.replace(/_/g, ' ')}; authorize or enable it, then release again.`);
  const refuse = (problems: FieldProblem[]) => fail(`Fix before release: ${problems.map((p) => p.message).join(' ')}`, { field: problems[0]!.field, code: 'invalid_draft', fields: problems.map((p) => p.field) });
  // What the draft and the cached catalogue already show is refused without any platform call.
  const known = validateDraft(draft, store.platform, await storeFactsFor(db, draft, store.platform));
  if (known.length) return refuse(known);
  // Then a marketplace's catalogue (the day's copy when read already, else the platform's): the
  // category's attributes and brand rule are checked before anything is uploaded or created.
  let rules: Awaited<ReturnType<typeof loadCatalogFor>>;
  try {
    rules = await loadCatalogFor(db, store, draft, Date.now());
  } catch (err) {
    if (err instanceof CommandError) return fail(err.message, { code: err.code });
    throw err;
  }
  const problems = validateDraft(draft, store.platform, await storeFactsFor(db, draft, store.platform));
  if (problems.length) return refuse(problems);
  const urls = imagesToHost(draft, store);
  const hosts = await imageHostsToAllow(store.platform, urls, draft.uploads);
  if (hosts.length) {
    const sites = hosts.map((h) => h.replace(/^https?:\/\/|\/\*$/g, '')).join(', ');
    return fail(`To copy this listing's images to ${platformName(store.platform)}, Shelfsync needs your permission to read images from ${sites}: allow it, then release again.`, { field: 'images', code: 'image_permission', details: hosts.join(' ') });
  }
  // Mark the attempt before calling the platform: a resumed or retried release looks first.
  const attempt: DraftRow = { ...draft, status: 'publishing', release: draft.release ?? { platformItemId: null, startedAt: Date.now() }, imageProblem: null, version: draft.version + 1, updatedAt: Date.now() };
  await db.drafts.put(attempt);
  let adapter: PlatformAdapter | undefined;
  try {
    adapter = await adapterFor(db, store);
    // Images into the platform's own hosting (marketplaces), each once, saved as it goes.
    const host = adapter;
    const uploads = await hostImages(db, draftId, urls, host, (url) => withRetries(() => host.hostImage!(url)));
    const listing = destinationListing(attempt, rules, uploads, urls);
    const listed = async (platformItemId: string) => !!(await db.storeProducts.where('[storeId+platformItemId]').equals([store.id, platformItemId]).first());
    const item = await publish(adapter, draft.release ? attempt : { ...attempt, release: null }, listing, listed);
    const storeProductId = await saveReleased(db, store, attempt, item, (listing.images ?? []).map((i) => i.url), Date.now());
    invalidateStore(store.id);
    return { draftId, ok: true, storeProductId, platformItemId: item.platformItemId };
  } catch (err) {
    if (err instanceof ImageError) {
      // Images go up before the create call: this attempt made nothing (an earlier one may have,
      // which the next attempt still looks for).
      const index = Math.max(0, urls.indexOf(err.sourceUrl));
      const imageProblem = { sourceUrl: err.sourceUrl, index, code: err.code, message: err.message };
      return fail(`Image ${index + 1} could not be used: ${err.message}`, { field: 'images', details: err.message, code: err.code }, !draft.release, { imageProblem });
    }
    if (err instanceof PlatformError) {
      if (err.kind === 'auth') await db.stores.update(store.id, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: Date.now() });
      if (err.kind === 'invalid' || err.kind === 'not_found') {
        const refusal = explainRefusal(store.platform, err, draft);
        // A platform that creates in one call made nothing when it refused: the next attempt
        // creates again rather than taking another listing with the same SKU for this one.
        return fail(refusal.message, refusal, !!adapter && !adapter.completeListing);
      }
      return fail(err.kind === 'auth' ? `${store.name} needs to be authorized again (Stores); then release again.` : `${store.name} could not be reached; release again later.`, { details: err.message });
    }
    if (err instanceof CommandError) return fail(err.message);
    throw err;
  }
}

async function step(db: ShelfsyncDB, job: JobRow & { state?: unknown }): Promise<StepResult> {
  const { draftIds } = job.input as { draftIds: number[] };
  const state: State = (job.state as State | undefined) ?? { index: 0, results: [] };
  const draftId = draftIds[state.index];
  if (draftId !== undefined) {
    state.results.push(await releaseOne(db, draftId));
    state.index++;
  }
  const progress = { done: state.index, total: draftIds.length };
  if (state.index >= draftIds.length) {
    return { progress, result: { released: state.results.filter((r) => r.ok).length, failed: state.results.filter((r) => !r.ok).length, results: state.results } };
  }
  return { progress, state };
}

/** The `drafts.release` job (registered in lib/background/parts.ts). */
export const releaseJob: JobKind = { step: step };
