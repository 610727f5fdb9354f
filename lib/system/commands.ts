// system.* and jobs.*: health of the background, what the popup shows, the progress of long work.
import { ordersOf } from '../orders/settings';
import { orderProblemCounts } from '../orders/views';
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { command, EXTENSION_ONLY } from '../commands/define';
import { notFound } from '../commands/errors';
import { id } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow, SyncLogRow } from '../db/types';
import { storeIndex } from '../store-products/listIndex';
import { LATEST_VERSION } from '../db/versions';
import { storeLabel } from '../stores/label';

const startedAt = Date.now();
/** The settings row remembering the store the popup showed last (for tabs that are no console). */
export const POPUP_STORE_KEY = 'popupStore';

/** One store as the popup shows it: its rule, auto sync, pending and failed pushes, last sync. */
/** Which listing the last push went to ("pushed 40" alone does not say of what). */
async function lastSyncTarget(db: ShelfsyncDB, log: SyncLogRow): Promise<{ title: string; sellerSku: string }> {
  const [listing, variant] = await Promise.all([db.storeProducts.get(log.storeProductId), db.storeVariants.get(log.storeVariantId)]);
  return { title: listing?.title ?? '', sellerSku: variant?.sellerSku ?? '' };
}

async function storeDetail(db: ShelfsyncDB, store: StoreRow) {
  const link = await db.ruleStores.get(store.id);
  const rule = link ? await db.syncRules.get(link.ruleId) : undefined;
  const [index, pending, failed, last] = await Promise.all([
    storeIndex(db, store.id),
    db.pushQueue.where('[storeId+dueAt]').between([store.id, -Infinity], [store.id, Infinity]).count(),
    db.storeVariants.where('failing').equals(1).filter((v) => v.storeId === store.id).count(),
    db.syncLogs
      .where('[storeId+createdAt]')
      .between([store.id, -Infinity], [store.id, Infinity])
      .reverse()
      .filter((l) => l.status === 'success' || l.status === 'failed')
      .first(),
  ]);
  let listings = 0;
  let autoSync = 0;
  for (const e of index.values()) {
    if (e.gone) continue;
    listings++;
    if (e.autoSync) autoSync++;
  }
  return {
    id: store.id,
    name: store.name,
    label: storeLabel(store),
    platform: store.platform,
    status: store.status,
    statusReason: store.statusReason,
    rule: rule ? { id: rule.id, name: rule.name, inventoryType: rule.inventoryType, ratioPercent: rule.ratioPercent, warehouses: rule.warehouseIds.length } : null,
    listings,
    autoSync,
    pending,
    failed,
    lastSync: last ? { at: last.sentAt ?? last.createdAt, status: last.status, quantity: last.quantity, error: last.error, ...(await lastSyncTarget(db, last)) } : null,
    orders: { ...ordersOf(store), problemCount: (await orderProblemCounts(db)).get(store.id) ?? 0 },
  };
}

export const systemCommands = {
  'system.ping': command({
    summary: 'check that the background answers',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler() {
      return {
        version: browser.runtime.getManifest().version,
        schemaVersion: LATEST_VERSION,
        startedAt,
      };
    },
  }),

  'system.status': command({
    summary: 'read the state the popup shows',
    access: EXTENSION_ONLY,
    // storeId: the store to detail (the tab's console store, or the one the seller switched to);
    // without it, the store the popup showed last, else the first one.
    schema: z.object({ storeId: id.optional() }).strict().default({}),
    async handler({ storeId }, { db }) {
      const [storeCount, warehouseCount, productCount, pushQueue, failing, heartbeat, stores, remembered] = await Promise.all([
        db.stores.count(),
        db.warehouses.count(),
        db.products.count(),
        db.pushQueue.count(),
        db.storeVariants.where('failing').equals(1).count(),
        db.meta.get('engineHeartbeat'),
        db.stores.toArray(),
        db.settings.get(POPUP_STORE_KEY),
      ]);
      const wanted = storeId ?? (typeof remembered?.value === 'number' ? remembered.value : undefined);
      const chosen = stores.find((s) => s.id === wanted) ?? stores[0];
      return {
        storeCount,
        warehouseCount,
        productCount,
        /** Pushes waiting in the queue (all stores) and variants whose last push failed. */
        pushQueue,
        failing,
        engineHeartbeat: typeof heartbeat?.value === 'number' ? heartbeat.value : null,
        stores: stores.map((s) => ({ id: s.id, name: s.name, label: storeLabel(s), platform: s.platform, status: s.status })),
        store: chosen ? await storeDetail(db, chosen) : null,
      };
    },
  }),

  'system.useStore': command({
    summary: 'remember the store the popup shows',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id }).strict(),
    async handler({ storeId }, { db }) {
      return db.transaction('rw', db.stores, db.settings, async () => {
        if (!(await db.stores.get(storeId))) throw notFound('store', storeId);
        await db.settings.put({ key: POPUP_STORE_KEY, value: storeId });
        return { storeId };
      });
    },
  }),

  'jobs.get': command({
    summary: 'read the progress of a job',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: jid }, { db }) {
      const job = await db.jobs.get(jid);
      if (!job) throw notFound('job', jid);
      const { input: _input, ...visible } = job;
      return visible;
    },
  }),
};
