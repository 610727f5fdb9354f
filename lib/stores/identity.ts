// Who a store is on its platform: what the credentials already say (Shopee shop id, Shopify
// domain, WooCommerce site, TikTok cipher) plus what the platform answered at connect or on a
// test (Lazada seller id, TikTok shop id, names, regions). Stores connected before this was
// learnt fill it on their next test or download.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import { compactIdentity } from '../platforms/authCommon';
import type { Credentials, PlatformAdapter, PlatformEndpoints, ShopIdentity } from '../platforms/types';
import { shopKeyOf, storedIdentity } from './label';
import { t } from '../i18n';

/** At connect: what the credentials and endpoints carry by themselves, over what the platform said. */
export function identityOf(credentials: Credentials, endpoints: PlatformEndpoints, learned: ShopIdentity = {}): ShopIdentity {
  const own: ShopIdentity =
    credentials.platform === 'shopee' ? { shopId: credentials.shopId }
      : credentials.platform === 'shopify' ? { domain: credentials.shopDomain }
        : credentials.platform === 'woocommerce' ? { site: endpoints.apiBaseUrl }
          : credentials.platform === 'tiktok' ? { cipher: credentials.shopCipher }
            : {};
  return compactIdentity({ ...learned, ...own });
}

/** Re-authorization keeps the store's listings, connections and rule: it must be the same shop.
 *  Credentials of another shop would point every push at listings that shop does not have. */
export function assertSameShop(store: StoreRow, next: ShopIdentity): void {
  // A WooCommerce site may move to a new address and stay the same shop.
  if (store.platform === 'woocommerce') return;
  const before = shopKeyOf(store.platform, storedIdentity(store));
  const after = shopKeyOf(store.platform, next);
  if (!before || !after || before.toLowerCase() === after.toLowerCase()) return;
  throw new CommandError(
    'shop_mismatch',
    t('err_store_otherShop', after, store.name, before),
    [{ field: 'storeId', message: 'belongs to another shop' }],
  );
}

const same = (a: ShopIdentity, b: ShopIdentity | undefined) =>
  !!b && Object.keys({ ...a, ...b }).every((k) => a[k as keyof ShopIdentity] === b[k as keyof ShopIdentity]);

/** Writes what a test answered when it adds to or changes what the store knew. */
export async function learnIdentity(db: ShelfsyncDB, store: StoreRow, learned: ShopIdentity | undefined, now: number): Promise<void> {
  const next = compactIdentity({ ...storedIdentity(store), ...learned });
  if (same(next, store.identity)) return;
  await db.stores.update(store.id, { identity: next, shopRef: shopKeyOf(store.platform, next) ?? store.shopRef, updatedAt: now });
}

/** Asks the platform who the shop is, for a store never told (a download's first step); best effort. */
export async function learnMissingIdentity(db: ShelfsyncDB, store: StoreRow, adapter: PlatformAdapter, now: () => number): Promise<void> {
  if (store.identity) return;
  try {
    await learnIdentity(db, store, (await adapter.testConnection()).identity, now());
  } catch {
    // Not this step's to report: the download's next call meets the same failure.
  }
}
