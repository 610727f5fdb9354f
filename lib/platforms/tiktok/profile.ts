// TikTok Shop's facts (docs/platforms/tiktok.md and TikTok Shop Partner Center's API reference, 202309).
import { httpsPatterns, type PlatformProfile } from '../profile.ts';

export const TIKTOK_API_BASE = 'https://open-api.tiktokglobalshop.com';
export const TIKTOK_AUTH_BASE = 'https://auth.tiktok-shops.com';
/** Where the seller authorizes the app: one host for US shops, one for the rest. */
export const TIKTOK_AUTHORIZE_BASE = { us: 'https://services.us.tiktokshop.com', global: 'https://services.tiktokshop.com' } as const;

/** Tokopedia's host of the TikTok Shop seller centre: Indonesian sellers work there (since TikTok
 *  Shop and Tokopedia merged), with the same paths. */
export const TOKOPEDIA_SELLER_HOST = 'seller-id.tokopedia.com';
/** The regional seller centres (seller-xx.tiktok.com), the cross-border one, and Tokopedia's. */
export const TIKTOK_CONSOLE_HOSTS = ['id', 'us', 'vn', 'th', 'my', 'ph', 'sg', 'uk', 'mx'].map((r) => `seller-${r}.tiktok.com`).concat('seller.tiktokglobalshop.com', TOKOPEDIA_SELLER_HOST);

export const tiktokProfile: PlatformProfile = {
  platform: 'tiktok',
  name: 'TikTok Shop',
  labelKey: 'platform_tiktok',
  color: '#111111',
  api: {
    hostPermissions: [`${TIKTOK_API_BASE}/*`, `${TIKTOK_AUTH_BASE}/*`],
    // 50 QPS per API per app + shop (tiktok.md § Envelope and errors; over it HTTP 429, code
    // 36009002). One budget across APIs is the safe reading; a little under 50 so calls sent
    // evenly and arriving bunched stay under it.
    callsPerSecond: 48,
    // products/{id}/inventory/update: one product, ≤100 SKUs.
    stockBatchMax: 100,
    // products/search and orders/search page_size ≤100.
    productPageMax: 100,
    orderPageMax: 100,
    // product/202309/images/upload takes the image data.
    uploadsImageBytes: true,
  },
  // Mostly one product per stock call: waiting gains little. 400 rows ≈ 8 s at 48 calls/s.
  sync: { gatherMs: 0, claimMax: 400 },
  console: {
    matches: httpsPatterns(TIKTOK_CONSOLE_HOSTS, '/*'),
    // Any regional seller centre (a new region's host is parsed before the list names it).
    isHost: (host) => /^seller(-[a-z]{2})?\.tiktok\.com$/.test(host) || host === 'seller.tiktokglobalshop.com' || host === TOKOPEDIA_SELLER_HOST,
  },
  // products: title ≤255, description required (≤10,000), category a number, 1–9 main images,
  // package_weight > 0, ≤100 SKUs, seller_sku ≤50, price > 0, quantity 0–99,999; sales
  // attributes: ≤3 names of ≤20 characters, values ≤50 (TikTok's Create Product reference).
  listing: { titleMax: 255, imagesMax: 9, variantsMax: 100, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: true, descriptionMax: 10_000, skuMax: 50, skuUniqueInShop: false, stockMax: 99_999, optionsMax: 3, optionNameMax: 20, optionValueMax: 50 },
};
