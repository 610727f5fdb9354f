// Lazada's facts (docs/platforms/lazada.md and Lazada Open Platform's API reference).
import { httpsPatterns, NO_LIMIT, type PlatformProfile } from '../profile.ts';

/** The API gateway of each Lazada country (a seller's token works only on its own country's). */
export const LAZADA_API_BY_REGION: Readonly<Record<string, string>> = {
  sg: 'https://api.lazada.sg/rest',
  my: 'https://api.lazada.com.my/rest',
  th: 'https://api.lazada.co.th/rest',
  vn: 'https://api.lazada.vn/rest',
  ph: 'https://api.lazada.com.ph/rest',
  id: 'https://api.lazada.co.id/rest',
};
export const LAZADA_AUTH_BASE = 'https://auth.lazada.com';

/** Seller Center of each country. */
export const LAZADA_CONSOLE_HOSTS = ['sellercenter.lazada.co.id', 'sellercenter.lazada.com.my', 'sellercenter.lazada.vn', 'sellercenter.lazada.co.th', 'sellercenter.lazada.com.ph', 'sellercenter.lazada.sg'];

/** /orders/get refuses an offset above 5,000: past it, the list restarts from the last update time. */
export const LAZADA_ORDERS_OFFSET_MAX = 5_000;

export const lazadaProfile: PlatformProfile = {
  platform: 'lazada',
  name: 'Lazada',
  labelKey: 'platform_lazada',
  color: '#0f146d',
  api: {
    hostPermissions: [...Object.values(LAZADA_API_BY_REGION).map((u) => `${new URL(u).origin}/*`), `${LAZADA_AUTH_BASE}/*`],
    // Inventory APIs: 50 calls per second per seller (lazada.md § Envelope and errors). Overrunning
    // it is a ban ("this ban will last 1 seconds", code 901 / ApiCallLimit) that stops every call
    // of the seller, and calls sent evenly still arrive bunched — so keep a 10% margin.
    callsPerSecond: 45,
    // /product/price_quantity/update: ≤50 SKUs across items (E204/4171 past it).
    stockBatchMax: 50,
    // /products/get limit ≤50; /orders/get limit ≤100.
    productPageMax: 50,
    orderPageMax: 100,
    // /image/migrate takes a URL and Lazada fetches it.
    uploadsImageBytes: false,
  },
  // 50 SKUs per stock call: a moment's wait lets the changes right behind the first share it.
  sync: { gatherMs: 250, claimMax: 1000 },
  console: {
    matches: httpsPatterns(LAZADA_CONSOLE_HOSTS, '/*'),
    isHost: (host) => LAZADA_CONSOLE_HOSTS.includes(host),
  },
  // /product/create: PrimaryCategory a number, name ≤255, 1–8 images, SellerSku present and
  // unique in the shop, quantity ≥ 0, price > 0. package_weight is a mandatory SKU attribute
  // (lazada.md § What a new listing needs); the other package sizes are category attributes.
  listing: { titleMax: 255, imagesMax: 8, variantsMax: 100, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: false, descriptionMax: NO_LIMIT, skuMax: 100, skuUniqueInShop: true, stockMax: NO_LIMIT, optionsMax: NO_LIMIT, optionNameMax: 50, optionValueMax: 100 },
};
