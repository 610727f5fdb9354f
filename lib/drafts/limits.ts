// What each destination platform refuses in a new listing: the create calls' refusals the
// simulator plays (tests/simulator/platforms/*.ts) and the limits the platforms' references
// document (docs/platforms/*.md; TikTok's Create Product reference for SKU, option and
// description lengths). Validation checks every one before release; tests/contract/
// create-refusals.test.ts sends the same payloads to the simulator to keep both in step.
import type { Platform } from '../platforms/types';

export interface ListingLimits {
  titleMax: number;
  imagesMax: number;
  variantsMax: number;
  needsCategory: boolean;
  /** Category ids are numbers in the platform's category list (a name is refused). */
  categoryDigits: boolean;
  needsImages: boolean;
  needsWeight: boolean;
  needsDescription: boolean;
  descriptionMax: number;
  /** Seller SKU length the platform accepts. */
  skuMax: number;
  /** A seller SKU used by another listing of the same shop is refused. */
  skuUniqueInShop: boolean;
  /** Highest stock a variant may be created (and later pushed) with. */
  stockMax: number;
  /** Option names (Color, Size…) per listing. */
  optionsMax: number;
  optionNameMax: number;
  optionValueMax: number;
}

const NONE = 1_000_000_000;

export const LIMITS: Record<Platform, ListingLimits> = {
  // add_item: name 1–120, description required, weight > 0 (kg), category an integer, 1–9 image
  // ids of its media space (release uploads the draft's images first); init_tier_variation: 1–2 tiers, ≤50 models, no empty option, no repeated combination;
  // update_stock: 0–999,999. Description ≤3,000 characters is Shopee's documented limit.
  shopee: { titleMax: 120, imagesMax: 9, variantsMax: 50, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: true, descriptionMax: 3000, skuMax: 100, skuUniqueInShop: false, stockMax: 999_999, optionsMax: 2, optionNameMax: 50, optionValueMax: 100 },
  // /product/create: PrimaryCategory a number, name ≤255, 1–8 images, SellerSku present and
  // unique in the shop, quantity ≥ 0, price > 0. package_weight is a mandatory SKU attribute
  // (lazada.md § What a new listing needs); the other package sizes are category attributes.
  lazada: { titleMax: 255, imagesMax: 8, variantsMax: 100, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: false, descriptionMax: NONE, skuMax: 100, skuUniqueInShop: true, stockMax: NONE, optionsMax: NONE, optionNameMax: 50, optionValueMax: 100 },
  // products: title ≤255, description required (≤10,000), category a number, 1–9 main images,
  // package_weight > 0, ≤100 SKUs, seller_sku ≤50, price > 0, quantity 0–99,999; sales
  // attributes: ≤3 names of ≤20 characters, values ≤50.
  tiktok: { titleMax: 255, imagesMax: 9, variantsMax: 100, needsCategory: true, categoryDigits: true, needsImages: true, needsWeight: true, needsDescription: true, descriptionMax: 10_000, skuMax: 50, skuUniqueInShop: false, stockMax: 99_999, optionsMax: 3, optionNameMax: 20, optionValueMax: 50 },
  // productSet: title required, no repeated option combination, quantities within ±1,000,000,000;
  // a product has at most 3 options. 100 variants: what the adapter reads back after creating.
  shopify: { titleMax: 255, imagesMax: 250, variantsMax: 100, needsCategory: false, categoryDigits: false, needsImages: false, needsWeight: false, needsDescription: false, descriptionMax: NONE, skuMax: 100, skuUniqueInShop: false, stockMax: NONE, optionsMax: 3, optionNameMax: 50, optionValueMax: 100 },
  // POST products / variations: a SKU already used on the site is refused.
  woocommerce: { titleMax: 200, imagesMax: 50, variantsMax: 100, needsCategory: false, categoryDigits: false, needsImages: false, needsWeight: false, needsDescription: false, descriptionMax: NONE, skuMax: 100, skuUniqueInShop: true, stockMax: NONE, optionsMax: NONE, optionNameMax: 50, optionValueMax: 100 },
};

/** The platform's name as sellers know it, for sentences the background writes. */
export function platformName(platform: Platform): string {
  return platform === 'tiktok' ? 'TikTok Shop' : platform === 'woocommerce' ? 'WooCommerce' : platform[0]!.toUpperCase() + platform.slice(1);
}
