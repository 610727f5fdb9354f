// stores.*: connect a store (credentials or the platform's authorization), test it, download
// its listings. Credentials are validated, tested against the platform, encrypted, and never
// answered back: every answer is a StoreView.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { zodDetails } from '../commands/router';
import { id, name } from '../commands/schemas';
import type { StoreRow } from '../db/types';
import { createJob, kickJobs } from '../jobs/runner';
import { createAdapter } from '../platforms/index';
import { PLATFORMS, PlatformError, type Credentials, type PlatformEndpoints, type ShopIdentity } from '../platforms/types';
import { authorizeStore, authorizeInput } from './authorize';
import { getStore, platformMessage, saveStore } from './save';
import { parseCredentials } from './credentials';
import { assertHostAccess, endpointFields, resolveEndpoints } from './endpoints';
import { learnIdentity } from './identity';
import { adapterFor, viewOfStore, type StoreView } from './session';
import { shopifyEndpoints, shopifySettingsCommands, shopifySettingsInput } from './shopifySettings';
import { invalidateStore } from '../store-products/listIndex';
import { orderProblemCounts } from '../orders/views';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, ordersOf } from '../orders/settings';
import { t } from '../i18n';

const platform = z.enum(PLATFORMS);
const region = z.string().trim().toLowerCase().regex(/^[a-z]{2,10}$/, 'a country or region code such as sg or id').optional();

/** Tries the credentials once; answers the shop's name and identity when the platform gives them. */
export async function testCredentials(platformName: StoreRow['platform'], endpoints: PlatformEndpoints, credentials: Credentials): Promise<{ shopName?: string; identity?: ShopIdentity; credentials: Credentials }> {
  let current = credentials;
  const adapter = createAdapter(platformName, endpoints, { get: () => current as never, save: async (next) => void (current = next) });
  try {
    const info = await adapter.testConnection();
    return { ...info, credentials: current };
  } catch (err) {
    if (err instanceof PlatformError) {
      throw new CommandError(err.kind === 'auth' ? 'auth_failed' : 'platform_unreachable', t('err_store_connectFailed', platformMessage(err)), { kind: err.kind });
    }
    throw err;
  }
}

export const storeCommands = {
  ...shopifySettingsCommands,
  'stores.list': command({
    summary: 'list stores',
    access: EXTENSION_ONLY,
    schema: z.object({ platform: platform.optional() }).strict(),
    async handler({ platform: p }, { db }) {
      const rows = p ? await db.stores.where('platform').equals(p).toArray() : await db.stores.toArray();
      const problems = await orderProblemCounts(db);
      const items = rows.map((r) => viewOfStore(r, problems.get(r.id) ?? 0)).sort((a, b) => a.name.localeCompare(b.name));
      return { items, total: items.length };
    },
  }),

  'stores.get': command({
    summary: 'read a store',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    handler: async ({ id: sid }, { db }) => viewOfStore(await getStore(db, sid), (await orderProblemCounts(db)).get(sid) ?? 0),
  }),

  'stores.connect': command({
    summary: 'connect a store',
    access: EXTENSION_ONLY,
    schema: z.object({ platform, name: name(100), region, ...endpointFields, credentials: z.record(z.string(), z.unknown()), storeId: id.optional() }).strict(),
    async handler(input, { db, now }): Promise<StoreView> {
      const parsed = parseCredentials(input.platform, input.credentials);
      if (!parsed.ok) {
        throw new CommandError('invalid_input', t('err_store_credentialsIncomplete', input.platform, parsed.error.issues.map((i) => `${i.path.join('.') || 'credentials'} ${i.message}`).join('; ')), zodDetails(parsed.error).map((d) => ({ ...d, field: `credentials.${d.field}` })));
      }
      const site = parsed.credentials.platform === 'shopify' ? parsed.credentials.shopDomain : undefined;
      const endpoints = resolveEndpoints(input.platform, input.region, input, site);
      await assertHostAccess(endpoints);
      const tested = await testCredentials(input.platform, endpoints, parsed.credentials);
      return saveStore(db, { platform: input.platform, name: input.name, region: input.region ?? null, endpoints, credentials: tested.credentials, identity: tested.identity, storeId: input.storeId }, now());
    },
  }),

  'stores.authorize': command({
    summary: 'authorize a store',
    access: EXTENSION_ONLY,
    schema: authorizeInput,
    handler: (input, { db, now }) => authorizeStore(db, input, now),
  }),

  'stores.test': command({
    summary: 'test a store connection',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: sid }, { db, now }) {
      const store = await getStore(db, sid);
      const adapter = await adapterFor(db, store);
      try {
        const info = await adapter.testConnection();
        if (store.status === 'needs_reauthorization') await db.stores.update(sid, { status: 'active', statusReason: null, updatedAt: now() });
        // Stores connected before their shop's ids were learnt learn them here.
        await learnIdentity(db, (await db.stores.get(sid)) ?? store, info.identity, now());
        return { ok: true as const, shopName: info.shopName ?? null };
      } catch (err) {
        if (!(err instanceof PlatformError)) throw err;
        if (err.kind === 'auth') await db.stores.update(sid, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: now() });
        return { ok: false as const, kind: err.kind, message: t('err_store_connectFailed', platformMessage(err)) };
      }
    },
  }),

  'stores.update': command({
    summary: 'change a store',
    access: EXTENSION_ONLY,
    schema: z.object({
      id, name: name(100).optional(), autoSyncDefault: z.boolean().optional(), enabled: z.boolean().optional(),
      orders: z.object({
        enabled: z.boolean().optional(),
        warehouseId: z.number().int().positive().nullable().optional(),
        reserveUnpaid: z.boolean().optional(),
        restockReturns: z.boolean().optional(),
        intervalSeconds: z.number().int().min(MIN_INTERVAL_SECONDS).max(MAX_INTERVAL_SECONDS).optional(),
      }).strict().optional(),
      /** The seller has read the "something else writes this store's stock" notice. */
      dismissForeignWrites: z.literal(true).optional(),
      /** Shopify: the API version and the location Shelfsync syncs (shopifySettings.ts). */
      shopify: shopifySettingsInput.optional(),
    }).strict(),
    async handler(input, { db, now }) {
      // Checked against Shopify before the write: a location must be one of the shop's.
      const endpoints = input.shopify ? await shopifyEndpoints(db, await getStore(db, input.id), input.shopify, now()) : undefined;
      return db.transaction('rw', db.stores, db.warehouses, async () => {
        const store = await getStore(db, input.id);
        const next: StoreRow = { ...store, updatedAt: now() };
        if (endpoints) next.endpoints = endpoints;
        if (input.name !== undefined) next.name = input.name;
        if (input.autoSyncDefault !== undefined) next.autoSyncDefault = input.autoSyncDefault;
        if (input.enabled === false) next.status = 'disabled';
        if (input.enabled === true && store.status === 'disabled') next.status = 'active';
        if (input.orders) {
          const o = { ...ordersOf(store) };
          const { enabled, warehouseId, reserveUnpaid, restockReturns, intervalSeconds } = input.orders;
          if (warehouseId !== undefined && warehouseId !== null && !(await db.warehouses.get(warehouseId))) throw notFound('warehouse', warehouseId);
          // Turned on again: follow from now. Sales while it was off were the seller's to count.
          if (enabled === true && !o.enabled) Object.assign(o, { since: now(), cursor: null, scan: null, lastError: null });
          if (enabled !== undefined) o.enabled = enabled;
          if (warehouseId !== undefined) o.warehouseId = warehouseId;
          if (reserveUnpaid !== undefined) o.reserveUnpaid = reserveUnpaid;
          if (restockReturns !== undefined) o.restockReturns = restockReturns;
          if (intervalSeconds !== undefined) o.intervalSeconds = intervalSeconds;
          next.orders = o;
        }
        if (input.dismissForeignWrites) next.foreignWrites = null;
        await db.stores.put(next);
        return viewOfStore(next);
      });
    },
  }),

  'stores.remove': command({
    summary: 'remove a store',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: sid }, { db }) {
      return db.transaction('rw', db.stores, db.storeProducts, db.storeVariants, async () => {
        await getStore(db, sid);
        const variants = await db.storeVariants.where('[storeId+platformItemId+platformVariantId]').between([sid, '', ''], [sid, '\uffff', '\uffff']).delete();
        const products = await db.storeProducts.where('[storeId+platformItemId]').between([sid, ''], [sid, '\uffff']).delete();
        await db.stores.delete(sid);
        invalidateStore(sid);
        return { removed: sid, storeProducts: products, storeVariants: variants };
      });
    },
  }),

  'stores.download': command({
    summary: 'download store products',
    access: EXTENSION_ONLY,
    schema: z.object({ id, mode: z.enum(['full', 'incremental']).default('full') }).strict(),
    async handler({ id: sid, mode }, { db, now }) {
      const jobId = await db.transaction('rw', db.stores, db.jobs, async () => {
        const store = await getStore(db, sid);
        if (store.status !== 'active') throw new CommandError('store_not_active', t(store.status === 'disabled' ? 'err_store_downloadDisabled' : 'err_store_downloadReauth', store.name));
        // One download per store at a time: a second click joins the running one.
        const running = (await db.jobs.where('[kind+status]').anyOf([['stores.download', 'queued'], ['stores.download', 'running']]).toArray()).find((j) => (j.input as { storeId?: number } | null)?.storeId === sid);
        return running?.id ?? createJob(db, 'stores.download', { storeId: sid, mode }, 0, now());
      });
      void kickJobs(db);
      return { jobId };
    },
  }),

};
