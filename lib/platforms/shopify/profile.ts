// Shopify's facts (docs/platforms/shopify.md and Shopify's Admin GraphQL reference).
import { httpsPatterns, NO_LIMIT, type PlatformProfile } from '../profile.ts';

/** The suffix of every shop's own domain (its Admin API host, the legacy admin). */
export const SHOPIFY_SHOP_SUFFIX = '.myshopify.com';
/** A shop's own domain: your-shop.myshopify.com (SHOPIFY_SHOP_EXAMPLE, said when one is wrong). */
export const SHOPIFY_SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
export const SHOPIFY_SHOP_EXAMPLE = `your-shop${SHOPIFY_SHOP_SUFFIX}`;
const SHOP_HOSTS = `*${SHOPIFY_SHOP_SUFFIX}`;
const ADMIN_HOST = 'admin.shopify.com';

export const shopifyProfile: PlatformProfile = {
  platform: 'shopify',
  name: 'Shopify',
  labelKey: 'platform_shopify',
  color: '#5e8e3e',
  api: {
    hostPermissions: [`https://${SHOP_HOSTS}/*`],
    // Cost bucket per app + store (shopify.md § Rate limits): 2,000 points restoring 100/s on
    // Standard; a stock mutation costs ~10+ points, so 8 calls/s stays inside the restore rate.
    // THROTTLED answers carry the wait (the adapter has no pacer of its own).
    callsPerSecond: 8,
    // inventorySetQuantities: ≤250 quantities.
    stockBatchMax: 250,
    // No maximum that fits the 1,000-point query cap: 25 products with 11 variants each stay
    // under it; orders 50 a page (the cost formula in orders.ts).
    productPageMax: 25,
    orderPageMax: 50,
    // productSet takes image URLs (Shopify fetches them).
    uploadsImageBytes: false,
  },
  // 250 quantities per call: a moment's wait lets the changes right behind the first share it.
  sync: { gatherMs: 250, claimMax: 1000 },
  console: {
    // admin.shopify.com/store/{handle}/…, or the legacy {shop}.myshopify.com/admin/….
    matches: [...httpsPatterns([ADMIN_HOST], '/store/*'), ...httpsPatterns([SHOP_HOSTS], '/admin/*')],
    isHost: (host) => host === ADMIN_HOST || host.endsWith(SHOPIFY_SHOP_SUFFIX),
  },
  // productSet: title required, no repeated option combination, quantities within ±1,000,000,000;
  // a product has at most 3 options. 100 variants: what the adapter reads back after creating.
  listing: { titleMax: 255, imagesMax: 250, variantsMax: 100, needsCategory: false, categoryDigits: false, needsImages: false, needsWeight: false, needsDescription: false, descriptionMax: NO_LIMIT, skuMax: 100, skuUniqueInShop: false, stockMax: NO_LIMIT, optionsMax: 3, optionNameMax: 50, optionValueMax: 100 },
};
