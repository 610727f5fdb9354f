// Writing a store row from tested credentials (connect, re-authorize, OAuth) and the sentence a
// platform refusal becomes. Its own file so authorization (authorize.ts) and the commands both
// build on it without importing each other.
import { CommandError, notFound } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import type { Credentials, PlatformEndpoints, PlatformError, ShopIdentity } from '../platforms/types';
import { newStoreOrders } from '../orders/settings';
import { assertSameShop, identityOf } from './identity';
import { shopKeyOf, storedIdentity } from './label';
import { encryptCredentials } from './secrets';
import { viewOfStore, type StoreView } from './session';
import { t } from '../i18n';

export function platformMessage(err: PlatformError): string {
  switch (err.kind) {
    case 'auth':
      return `the platform refused the credentials (${err.message})`;
    case 'rate_limited':
      return 'the platform is throttling calls right now; try again in a moment';
    case 'temporary':
      return `the platform could not be reached (${err.message})`;
    default:
      return err.message;
  }
}

export async function saveStore(
  db: ShelfsyncDB,
  fields: { platform: StoreRow['platform']; name: string; region: string | null; endpoints: PlatformEndpoints; credentials: Credentials; identity?: ShopIdentity; storeId?: number },
  now: number,
): Promise<StoreView> {
  const secret = await encryptCredentials(db, fields.credentials);
  const identity = identityOf(fields.credentials, fields.endpoints, fields.identity);
  const shopRef = shopKeyOf(fields.platform, identity) ?? '';
  if (fields.storeId !== undefined) {
    // Re-authorization: the same store (its listings, connections and rule stay) with new credentials.
    return db.transaction('rw', db.stores, async () => {
      const current = await getStore(db, fields.storeId!);
      if (current.platform !== fields.platform) throw new CommandError('invalid_input', t('err_store_platformMismatch', current.name, current.platform, fields.platform), [{ field: 'platform', message: 'must match the store' }]);
      assertSameShop(current, identity);
      // The seller's location choice outlives a new authorization (it is a store setting).
      const endpoints = current.endpoints.locationId && fields.endpoints.locationId === undefined ? { ...fields.endpoints, locationId: current.endpoints.locationId } : fields.endpoints;
      const next: StoreRow = {
        ...current, secret, endpoints, status: 'active', statusReason: null,
        identity: { ...storedIdentity(current), ...identity }, shopRef: shopRef || current.shopRef, updatedAt: now,
      };
      await db.stores.put(next);
      return viewOfStore(next);
    });
  }
  const row = {
    platform: fields.platform, name: fields.name, region: fields.region, status: 'active' as const, statusReason: null,
    endpoints: fields.endpoints, shopRef, identity,
    secret, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, orders: newStoreOrders(now), foreignWrites: null, createdAt: now, updatedAt: now,
  };
  const storeId = await db.stores.add(row as StoreRow);
  return viewOfStore({ ...row, id: storeId });
}

export async function getStore(db: ShelfsyncDB, storeId: number): Promise<StoreRow> {
  const store = await db.stores.get(storeId);
  if (!store) throw notFound('store', storeId);
  return store;
}
