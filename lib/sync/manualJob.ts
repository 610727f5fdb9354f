// Manual sync (*Sync inventory*): a job that marks the chosen listings' connected variants for
// a push now (manual: it goes out even if the number did not change), in chunks, then follows
// their sync-log rows until every one has ended, and reports a result per listing.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { captureTables, storeVariantsAfter } from '../db/tables';
import type { JobRow, StoreVariantRow, SyncLogRow, SyncTrigger } from '../db/types';
import type { JobKind, StepResult } from '../jobs/runner';
import { markVariants } from './capture';
import { t } from '../i18n';

export interface ListingOutcome { storeProductId: number; title?: string; platformItemId?: string; success: number; failed: number; skipped: number; errors: string[] }

export interface ManualSyncInput { storeId: number; storeProductIds?: number[]; all?: boolean; trigger?: SyncTrigger; storeVariantIds?: number[] }
interface State { phase: 'mark' | 'wait'; after: [string, string]; offset: number; marked: number }

const CHUNK = 2000;

async function nextVariants(db: ShelfsyncDB, input: ManualSyncInput, state: State): Promise<StoreVariantRow[]> {
  if (input.storeVariantIds) {
    const slice = input.storeVariantIds.slice(state.offset, state.offset + CHUNK);
    state.offset += slice.length;
    return (await db.storeVariants.bulkGet(slice)).filter((v): v is StoreVariantRow => !!v && v.storeId === input.storeId);
  }
  if (input.storeProductIds) {
    const slice = input.storeProductIds.slice(state.offset, state.offset + 500);
    state.offset += slice.length;
    return (await db.storeVariants.where('storeProductId').anyOf(slice).toArray()).filter((v) => v.storeId === input.storeId);
  }
  const page = await storeVariantsAfter(db, input.storeId, state.after, CHUNK);
  const last = page[page.length - 1];
  if (last) state.after = [last.platformItemId, last.platformVariantId];
  else state.offset = -1;
  return page;
}

function finishedMarking(input: ManualSyncInput, state: State, got: number): boolean {
  if (input.storeVariantIds) return state.offset >= input.storeVariantIds.length;
  if (input.storeProductIds) return state.offset >= input.storeProductIds.length;
  return got < CHUNK;
}

async function step(db: ShelfsyncDB, job: JobRow & { state?: unknown }): Promise<StepResult> {
  const input = job.input as ManualSyncInput;
  const state: State = (job.state as State | undefined) ?? { phase: 'mark', after: ['', ''], offset: 0, marked: 0 };
  if (state.phase === 'mark') {
    let got = 0;
    await db.transaction('rw', captureTables(db), async () => {
      if (!(await db.ruleStores.get(input.storeId))) throw new CommandError('no_sync_rule', t('err_sync_noRuleThisStore'));
      const variants = await nextVariants(db, input, state);
      got = variants.length;
      const connected = variants.filter((v) => v.connected === 1);
      state.marked += await markVariants(db, connected, input.trigger ?? 'manual', { manual: true, jobId: job.id, now: Date.now() });
    });
    if (finishedMarking(input, state, got)) state.phase = 'wait';
    return { progress: { done: 0, total: state.marked }, state };
  }
  const pending = await db.syncLogs.where('jobId').equals(job.id).filter((l) => l.status === 'pending').count();
  if (pending > 0) {
    // The engine does the pushing; this step only watches. Don't spin.
    await new Promise((r) => setTimeout(r, 200));
    return { progress: { done: state.marked - pending, total: state.marked }, state };
  }
  const logs = await db.syncLogs.where('jobId').equals(job.id).toArray();
  const result = summarize(logs);
  // Named by title in the result itself: a listing removed or renamed later still reads right.
  const listings = await db.storeProducts.bulkGet(result.listings.map((l) => l.storeProductId));
  result.listings = result.listings.map((l, i) => ({ ...l, title: listings[i]?.title ?? '', platformItemId: listings[i]?.platformItemId ?? '' }));
  return { progress: { done: state.marked, total: state.marked }, result };
}

export function summarize(logs: SyncLogRow[]): { variants: number; success: number; failed: number; skipped: number; listings: ListingOutcome[] } {
  const perListing = new Map<number, ListingOutcome>();
  for (const l of logs) {
    const r = perListing.get(l.storeProductId) ?? { storeProductId: l.storeProductId, success: 0, failed: 0, skipped: 0, errors: [] };
    if (l.status === 'success') r.success++;
    else if (l.status === 'failed') {
      r.failed++;
      if (l.error && r.errors.length < 3) r.errors.push(l.error);
    } else r.skipped++;
    perListing.set(l.storeProductId, r);
  }
  const listings = [...perListing.values()];
  return {
    variants: logs.length,
    success: logs.filter((l) => l.status === 'success').length,
    failed: logs.filter((l) => l.status === 'failed').length,
    skipped: logs.filter((l) => l.status === 'skipped').length,
    listings: listings.slice(0, 1000),
  };
}

/** The `sync.manual` job (registered in lib/background/parts.ts). */
export const manualSyncJob: JobKind = { step: step };
