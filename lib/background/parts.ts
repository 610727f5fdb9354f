// The background's parts that others call by name, registered in one visible list: every job
// kind the runner can resume and every listener of stock changes. Start-up (start.ts) registers
// them before anything else runs; nothing registers itself when its file is imported, so a part
// missing here is missing everywhere (tests register through tests/helpers/background.ts).
import { releaseJob } from '../drafts/release';
import { addStockChangeListener } from '../inventory/hook';
import { stockImportJob } from '../inventory/stockCsv';
import { registerJobKind, type JobKind } from '../jobs/runner';
import { ordersPollJob } from '../orders/commands';
import { productImportJob } from '../products/csv';
import { markDiffersStale } from '../store-products/listIndex';
import { downloadJob } from '../stores/download';
import { captureStockChanges } from '../sync/capture';
import { driftJob } from '../sync/drift';
import { manualSyncJob } from '../sync/manualJob';

/** Job kind (the `kind` its feature creates jobs with) → its steps. */
export const JOB_KINDS: Record<string, JobKind> = {
  'stores.download': downloadJob,
  'orders.poll': ordersPollJob,
  'inventory.importCsv': stockImportJob,
  'products.importCsv': productImportJob,
  'sync.manual': manualSyncJob,
  'sync.drift': driftJob,
  'drafts.release': releaseJob,
};

/** Told of every stock change inside its transaction, in this order: change capture marks the
 *  pushes; the list index notes which products' "differs" flags went stale. */
export const STOCK_CHANGE_LISTENERS = [captureStockChanges, markDiffersStale];

/** Safe to call more than once (a kind is set by name; a listener is kept once). */
export function registerParts(): void {
  for (const [kind, job] of Object.entries(JOB_KINDS)) registerJobKind(kind, job);
  for (const listener of STOCK_CHANGE_LISTENERS) addStockChangeListener(listener);
}
