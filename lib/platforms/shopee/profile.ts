// Shopee's facts (docs/platforms/shopee.md and Shopee Open Platform v2's API reference).
import { httpsPatterns, type PlatformProfile } from '../profile.ts';

export const SHOPEE_API_BASE = 'https://partner.shopeemobile.com';
export const SHOPEE_SANDBOX_BASE = 'https://openplatform.sandbox.test-stable.shopee.sg';

/** Seller Centre of each market (the cross-border centre is seller.shopee.cn). */
export const SHOPEE_CONSOLE_HOSTS = ['seller.shopee.co.id', 'seller.shopee.com.my', 'seller.shopee.ph', 'seller.shopee.sg', 'seller.shopee.co.th', 'seller.shopee.tw', 'seller.shopee.com.br', 'banhang.shopee.vn', 'seller.shopee.cn'];

/** get_order_list: "The maximum date range ... is 15 days"; one second less, whichever way
 *  Shopee compares (Unix seconds). */
export const SHOPEE_ORDER_WINDOW_S = 15 * 86_400 - 1;

export const shopeeProfile: PlatformProfile = {
  platform: 'shopee',
  name: 'Shopee',
  labelKey: 'platform_shopee',
  color: '#ee4d2d',
  api: {
    hostPermissions: [`${SHOPEE_API_BASE}/*`],
    // Not published (shopee.md: assume a per-shop limit, default 10 calls/s; error_server / 429
    // mean back off). Even spacing and a sliding window both stay under a 10/s token bucket.
    callsPerSecond: 10,
    // update_stock: one item per call, its models (≤50) in stock_list.
    stockBatchMax: 50,
    // get_item_list page_size ≤100; get_order_list page_size 1–100.
    productPageMax: 100,
    orderPageMax: 100,
    // media_space/upload_image takes the image file.
    uploadsImageBytes: true,
  },
  // One item per stock call: waiting for more changes gains nothing. 100 rows ≈ 10 s at 10/s.
  sync: { gatherMs: 0, claimMax: 100 },
  console: {
    matches: httpsPatterns(SHOPEE_CONSOLE_HOSTS, '/*'),
    isHost: (host) => SHOPEE_CONSOLE_HOSTS.includes(host),
  },
  // add_item: name 1–120, description required, weight > 0 (kg), category an integer, 1–9 image
  // ids of its media space (release uploads the draft's images first); init_tier_variation: 1–2 tiers, ≤50 models, no empty option, no repeated combination;
  // update_stock: 0–999,999. Description ≤3,000 characters is Shopee's documented limit.
  listing: { titleMax: 120, imagesMax: 9, variantsMax: 50, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: true, descriptionMax: 3000, skuMax: 100, skuUniqueInShop: false, stockMax: 999_999, optionsMax: 2, optionNameMax: 50, optionValueMax: 100 },
};
