// One way to name a store everywhere it is offered or reported (switchers, rules, clone
// destinations, the sync log, the popup, the consoles): the seller's name for it, then the shop
// it is on its platform and the region — "Demo Shop · 100234 · ID", "My Woo · shop.example.com" —
// so two stores the seller named alike are still told apart. Pure: pages and the background use it.
import { compactIdentity } from '../platforms/authCommon';
import type { Platform, PlatformEndpoints, ShopIdentity } from '../platforms/types';

export interface LabelledStore {
  id: number;
  name: string;
  platform: Platform;
  region: string | null;
  shopRef: string;
  endpoints: PlatformEndpoints;
  identity?: ShopIdentity;
}

/** The one id that says which shop a store is (what a console URL may name). */
export function shopKeyOf(platform: Platform, identity: ShopIdentity | undefined): string | undefined {
  switch (platform) {
    case 'shopee':
    case 'tiktok':
      return identity?.shopId;
    case 'lazada':
      return identity?.sellerId;
    case 'shopify':
      return identity?.domain;
    case 'woocommerce':
      return identity?.site;
  }
}

/** What a store row knows of its shop, also for rows written before `identity` existed (their shopRef). */
export function storedIdentity(store: Pick<LabelledStore, 'platform' | 'shopRef' | 'endpoints' | 'identity'>): ShopIdentity {
  const ref = store.shopRef || undefined;
  const legacy: ShopIdentity =
    store.platform === 'shopee' || store.platform === 'tiktok' ? { shopId: ref }
      : store.platform === 'lazada' ? { sellerId: ref }
        : store.platform === 'shopify' ? { domain: ref }
          : { site: store.endpoints.apiBaseUrl };
  return compactIdentity({ ...legacy, ...store.identity });
}

/** A site as a seller reads it: no scheme, no trailing slash. */
export function siteText(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/** The shop and region part of the label ("100234 · ID"); Shelfsync's own store number when the
 *  shop is not known yet, so two stores never read the same. */
export function shopText(store: LabelledStore): string {
  const identity = storedIdentity(store);
  const key = shopKeyOf(store.platform, identity) ?? identity.shortCode;
  const ref = key ? (store.platform === 'woocommerce' ? siteText(key) : key) : `#${store.id}`;
  const region = (identity.region ?? store.region ?? '').toUpperCase();
  return region ? `${ref} · ${region}` : ref;
}

export function storeLabel(store: LabelledStore): string {
  return `${store.name} · ${shopText(store)}`;
}
