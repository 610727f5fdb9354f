// A Shopify store's settings: the Admin API version Shelfsync calls (Shopify supports each one for
// 12 months, then answers with the oldest supported one) and the location whose stock it reads and
// writes (default: the shop's primary location). Both live in the store's endpoints, where the
// adapter reads them. `stores.locations` lists the shop's locations for the choice.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import { DEFAULT_SHOPIFY_VERSION, supportedVersions } from '../platforms/shopify/versions';
import { PlatformError, type PlatformEndpoints, type PlatformLocation } from '../platforms/types';
import { adapterFor } from './session';
import { t } from '../i18n';

export const shopifySettingsInput = z
  .object({
    apiVersion: z.string().regex(/^\d{4}-(01|04|07|10)$/, 'a Shopify API version such as 2026-10').optional(),
    /** A Location GID; null = the shop's primary location. */
    locationId: z.string().regex(/^gid:\/\/shopify\/Location\/\d+$/, 'a Shopify location id (gid://shopify/Location/…)').nullable().optional(),
  })
  .strict();
export type ShopifySettingsInput = z.infer<typeof shopifySettingsInput>;

function shopifyStore(store: StoreRow): void {
  if (store.platform !== 'shopify') throw new CommandError('invalid_input', t('err_shopify_notShopify', store.name, store.platform), [{ field: 'shopify', message: 'only for Shopify stores' }]);
}

async function locationsOf(db: ShelfsyncDB, store: StoreRow): Promise<PlatformLocation[]> {
  const adapter = await adapterFor(db, store);
  try {
    return (await adapter.listLocations?.()) ?? [];
  } catch (err) {
    if (err instanceof PlatformError) throw new CommandError(err.kind === 'auth' ? 'auth_failed' : 'platform_unreachable', t('err_shopify_locationsFailed', store.name, err.message), { kind: err.kind });
    throw err;
  }
}

/** Checks the settings against Shopify and the calendar; answers the store's new endpoints.
 *  Runs before the write transaction (it may call Shopify). */
export async function shopifyEndpoints(db: ShelfsyncDB, store: StoreRow, input: ShopifySettingsInput, now: number): Promise<PlatformEndpoints> {
  shopifyStore(store);
  const next: PlatformEndpoints = { ...store.endpoints };
  if (input.apiVersion !== undefined) {
    const supported = supportedVersions(now);
    if (!supported.includes(input.apiVersion)) {
      throw new CommandError('invalid_input', t('err_shopify_apiVersion', input.apiVersion, supported.join(', ')), [{ field: 'shopify.apiVersion', message: `one of ${supported.join(', ')}` }]);
    }
    next.apiVersion = input.apiVersion;
  }
  if (input.locationId === null) delete next.locationId;
  else if (input.locationId !== undefined) {
    const found = (await locationsOf(db, store)).find((l) => l.id === input.locationId);
    if (!found) throw new CommandError('invalid_input', t('err_shopify_noLocation', store.name, input.locationId), [{ field: 'shopify.locationId', message: 'not a location of this shop' }]);
    if (!found.active) throw new CommandError('invalid_input', t('err_shopify_locationInactive', found.name), [{ field: 'shopify.locationId', message: 'deactivated' }]);
    next.locationId = input.locationId;
  }
  return next;
}

export const shopifySettingsCommands = {
  'stores.locations': command({
    summary: "list a Shopify store's locations",
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: storeId }, { db }) {
      const store = await db.stores.get(storeId);
      if (!store) throw notFound('store', storeId);
      shopifyStore(store);
      const items = await locationsOf(db, store);
      return { items, chosen: store.endpoints.locationId ?? null, apiVersion: store.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION };
    },
  }),
};
