// WooCommerce's facts (docs/platforms/woocommerce.md and the WooCommerce REST API v3 reference).
// The API and the console (wp-admin) are on the seller's own site: no host is known in advance.
import { NO_LIMIT, type PlatformProfile } from '../profile.ts';

export const woocommerceProfile: PlatformProfile = {
  platform: 'woocommerce',
  name: 'WooCommerce',
  labelKey: 'platform_woocommerce',
  color: '#7f54b3',
  api: {
    // The site's host is an optional permission asked for when the store is added.
    hostPermissions: [],
    // None in core (woocommerce.md § Rate limits); hosts add their own, answered 429 → back off.
    callsPerSecond: 10,
    // /products/batch and /products/{id}/variations/batch: ≤100 objects per request.
    stockBatchMax: 100,
    // per_page ≤100 for products and orders.
    productPageMax: 100,
    orderPageMax: 100,
    // images[{src}]: the site fetches each URL.
    uploadsImageBytes: false,
  },
  // 100 objects per batch: a moment's wait lets the changes right behind the first share it.
  sync: { gatherMs: 250, claimMax: 1000 },
  console: {
    // Registered at run time for each connected site's /wp-admin/ (lib/consoles/background/wooScripts.ts).
    matches: [],
    // A connected site's wp-admin is recognised from the stores' site URLs, never from a host list.
    isHost: () => false,
  },
  // POST products / variations: a SKU already used on the site is refused.
  listing: { titleMax: 200, imagesMax: 50, variantsMax: 100, needsCategory: false, categoryDigits: false, needsImages: false, needsWeight: false, needsDescription: false, descriptionMax: NO_LIMIT, skuMax: 100, skuUniqueInShop: true, stockMax: NO_LIMIT, optionsMax: NO_LIMIT, optionNameMax: 50, optionValueMax: 100 },
};
