// The adapter for a connected store: credentials decrypted in the background only, and a
// credential store that re-encrypts refreshed tokens *before* the adapter uses them (Shopee's
// refresh token works once: losing the new one would lose the shop).
import type { ShelfsyncDB } from '../db/database';
import type { StoreOrders, StoreRow } from '../db/types';
import { ordersOf } from '../orders/settings';
import { createAdapter } from '../platforms/index';
import type { CredentialHolder, Credentials, PlatformAdapter } from '../platforms/types';
import { decryptCredentials, encryptCredentials } from './secrets';

export async function credentialStoreFor(db: ShelfsyncDB, store: StoreRow): Promise<CredentialHolder> {
  let current: Credentials = await decryptCredentials(db, store.secret);
  return {
    get: () => current as never,
    async save(next) {
      const secret = await encryptCredentials(db, next);
      await db.stores.update(store.id, { secret, updatedAt: Date.now() });
      current = next;
    },
  };
}

export async function adapterFor(db: ShelfsyncDB, store: StoreRow): Promise<PlatformAdapter> {
  return createAdapter(store.platform, store.endpoints, await credentialStoreFor(db, store));
}

/** A store as every page may see it: everything but the secret; order settings with their
 *  defaults and the count of orders with a problem (COMMANDS.md, `stores.update` (orders)). */
export type StoreView = Omit<StoreRow, 'secret' | 'orders'> & { orders: StoreOrders & { problemCount: number } };

export function viewOfStore(store: StoreRow, problemCount = 0): StoreView {
  const { secret: _secret, ...rest } = store;
  return { ...rest, orders: { ...ordersOf(store), problemCount } };
}
