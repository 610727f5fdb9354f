// Drift check: read what each platform shows for auto-synced listings and compare it with the
// number Shelfsync would push now. A difference (someone edited stock on the platform, a push
// that never landed) is flagged on the variant; *Fix drift* re-pushes the flagged ones.
import type { ShelfsyncDB } from '../db/database';
import { storeVariantsAfter } from '../db/tables';
import type { ForeignWrites, JobRow, StoreVariantRow } from '../db/types';
import { ensureFreshOrders } from '../orders/poll';
import type { JobKind, StepResult } from '../jobs/runner';
import { logger } from '../log/logger';
import { PlatformError, variantKey } from '../platforms/types';
import { invalidateStore } from '../store-products/listIndex';
import { adapterFor } from '../stores/session';
import { quantitiesFor } from './quantity';

const log = logger('drift');
const CHUNK = 200;

interface DriftState { storeIndex: number; after: [string, string]; checked: number; drifted: number }
export interface DriftInput { storeIds: number[] }

async function checkChunk(db: ShelfsyncDB, storeId: number, variants: StoreVariantRow[]): Promise<number> {
  const store = await db.stores.get(storeId);
  if (!store || store.status !== 'active' || !variants.length) return 0;
  const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
  const auto = new Set(products.filter((p) => p?.autoSync === 1 && p.gone === 0).map((p) => p!.id));
  const watched = variants.filter((v) => v.connected === 1 && auto.has(v.storeProductId));
  if (!watched.length) return 0;
  // A sale not yet seen is not drift: the store's orders are read first (ORDERS.md), so what
  // differs after them is something else writing this store's stock.
  if (!(await ensureFreshOrders(db, store))) {
    log.warn(`store ${storeId}: drift check skipped (its orders could not be checked first)`);
    return 0;
  }
  const adapter = await adapterFor(db, store);
  let seen: { platformVariantId: string; stock: number; platformItemId?: string }[];
  try {
    seen = await adapter.readStock(watched.map((v) => ({ platformItemId: v.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, ref: v.ref ?? undefined })));
  } catch (err) {
    if (err instanceof PlatformError) {
      log.warn(`store ${storeId}: drift check skipped (${err.kind})`);
      return 0;
    }
    throw err;
  }
  const stockOf = new Map(seen.map((s) => [s.platformItemId ? variantKey({ platformItemId: s.platformItemId, platformVariantId: s.platformVariantId }) : s.platformVariantId, s.stock]));
  const expected = await quantitiesFor(db, watched);
  // A listing with a push still to go differs for that reason alone: not evidence of another writer.
  const waiting = new Set((await db.pushQueue.bulkGet(watched.map((v) => v.id))).filter((r) => !!r).map((r) => r!.storeVariantId));
  const foreign: ForeignWrites['listings'] = [];
  const now = Date.now();
  let drifted = 0;
  await db.transaction('rw', db.storeVariants, db.stores, async () => {
    for (const v of watched) {
      const platformStock = stockOf.get(variantKey(v)) ?? stockOf.get(v.platformVariantId);
      const q = expected.get(v.id)?.quantity;
      if (platformStock === undefined || q === null || q === undefined) continue;
      const drift = platformStock !== q ? { at: now, platformStock, expected: q } : null;
      if (drift) drifted++;
      await db.storeVariants.update(v.id, { drift, platformStock });
      if (drift && !waiting.has(v.id)) foreign.push({ storeVariantId: v.id, sellerSku: v.sellerSku, platformStock, expected: q });
    }
    await noteForeignWrites(db, storeId, foreign, now);
  });
  return drifted;
}

/** Says once on the store that something else writes its stock (another tool, Shelfsync on a
 *  second computer): the notice stays until the seller dismisses it; a later check adds nothing. */
async function noteForeignWrites(db: ShelfsyncDB, storeId: number, listings: ForeignWrites['listings'], now: number): Promise<void> {
  if (!listings.length) return;
  const store = await db.stores.get(storeId);
  if (!store || store.foreignWrites) return;
  await db.stores.update(storeId, { foreignWrites: { at: now, listings: listings.slice(0, 50) } });
}

async function step(db: ShelfsyncDB, job: JobRow & { state?: unknown }): Promise<StepResult> {
  const { storeIds } = job.input as DriftInput;
  const state: DriftState = (job.state as DriftState | undefined) ?? { storeIndex: 0, after: ['', ''], checked: 0, drifted: 0 };
  const storeId = storeIds[state.storeIndex];
  if (storeId !== undefined) {
    const page = await storeVariantsAfter(db, storeId, state.after, CHUNK);
    state.drifted += await checkChunk(db, storeId, page);
    state.checked += page.length;
    const last = page[page.length - 1];
    if (page.length < CHUNK || !last) {
      invalidateStore(storeId);
      state.storeIndex++;
      state.after = ['', ''];
    } else state.after = [last.platformItemId, last.platformVariantId];
  }
  const progress = { done: state.storeIndex, total: storeIds.length };
  if (state.storeIndex >= storeIds.length) return { progress, result: { checked: state.checked, drifted: state.drifted } };
  return { progress, state };
}

/** The `sync.drift` job (registered in lib/background/parts.ts). */
export const driftJob: JobKind = { step: step };
