// Drift check: read what each platform shows for auto-synced listings and compare it with the
// number Shelfsync would push now. A difference (someone edited stock on the platform, a push
// that never landed) is flagged on the variant; *Fix drift* re-pushes the flagged ones.
import type { ShelfsyncDB } from '../db/database';
import { storeVariantsAfter } from '../db/tables';
import type { JobRow, StoreVariantRow } from '../db/types';
import { registerJobKind, type StepResult } from '../jobs/runner';
import { logger } from '../log/logger';
import { PlatformError } from '../platforms/types';
import { invalidateStore } from '../store-products/listIndex';
import { variantKey } from '../stores/download';
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
  const now = Date.now();
  let drifted = 0;
  await db.transaction('rw', db.storeVariants, async () => {
    for (const v of watched) {
      const platformStock = stockOf.get(variantKey(v)) ?? stockOf.get(v.platformVariantId);
      const q = expected.get(v.id)?.quantity;
      if (platformStock === undefined || q === null || q === undefined) continue;
      const drift = platformStock !== q ? { at: now, platformStock, expected: q } : null;
      if (drift) drifted++;
      await db.storeVariants.update(v.id, { drift, platformStock });
    }
  });
  return drifted;
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

registerJobKind('sync.drift', step);
