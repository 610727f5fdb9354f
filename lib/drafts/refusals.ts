// A platform's refusal of a create call, told as a seller sentence on the draft field it
// concerns; the platform's own text stays as details. Validation checks all of these before
// release, so a refusal that still comes is one validation could not see (a SKU listed since
// the last download, a region's price bound, a category the platform no longer has…).
import type { DraftFailure } from '../db/types';
import type { Platform, PlatformError } from '../platforms/types';
import { LIMITS, platformName } from './limits';
import { validateDraft, type ValidatedDraft } from './validation';

export interface Refusal {
  /** `weightGrams`, `variants.1.sellerSku`…, or null when no one field is concerned. */
  field: string | null;
  message: string;
  /** The platform's answer as it came. */
  details: string;
}

/** A field; a pattern of fields; or the field read from the platform's text (an attribute it names). */
type Where = string | RegExp | null | ((text: string) => string | null);
interface Rule {
  /** The platform's code (exact) or a pattern over its text. */
  code?: string;
  text?: RegExp;
  /** A field, or a pattern of fields: the first one validation flags, else `fallback`. */
  where: Where;
  fallback?: string | null;
  say: (name: string, draft: ValidatedDraft) => string;
}

const SKU = /^variants\.\d+\.sellerSku$/;
const PRICE = /^(variants\.\d+\.)?price$/;
const STOCK = /^variants\.\d+\.stock$/;
const OPTIONS = /^variants\.\d+\.options/;

const titleLimit = (p: Platform) => (name: string) => `${name} refused the title: it needs 1 to ${LIMITS[p].titleMax} characters.`;
const weight = (name: string) => `${name} refused the package weight: enter the weight of the packed product, more than 0 g.`;
const category = (name: string, d: ValidatedDraft) => `${name} does not accept the category "${d.categoryId ?? ''}": use the id of a leaf category from ${name}'s category list.`;
const price = (name: string) => `${name} refused a price: it must be more than 0 and within what the shop's region allows.`;
const skuTaken = (name: string) => `${name} already has a listing with this seller SKU (perhaps made since the store's last download), and every seller SKU must be unique in a shop: change the SKU, or download the store to see which listing uses it.`;
const options = (name: string) => `${name} refused the options: every variant needs its own combination of option values, none empty.`;
const notLeaf = (name: string) => `${name} lists products only in a category without subcategories: choose one of the category's subcategories.`;
const hosting = (name: string) => `${name} refused an image that is not in its own hosting; release again to upload the images first.`;
const attribute = (name: string) => `${name} refused an attribute of the category: fill every required one with a value it lists.`;
const brand = (name: string) => `${name} refused the brand: choose one of the category's brands${name === 'TikTok Shop' ? ' (or none)' : ', or No brand'}.`;
/** `attributes.<id>` from the id or name a platform's refusal names, else the attributes as a whole. */
const attributeNamed = (re: RegExp) => (text: string) => (re.exec(text)?.[1] ? `attributes.${re.exec(text)![1]}` : null);

/** What the adapters refuse themselves, before the platform is called. */
const ADAPTER: Rule[] = [
  { text: /needs at least one (SKU|variant)/, where: 'variants', say: (n) => `${n} needs at least one variant.` },
  { text: /at most \d+ models per item/, where: 'variants', say: (n) => `${n} allows at most ${LIMITS.shopee.variantsMax} variants per listing.` },
];

const RULES: Record<Platform, Rule[]> = {
  tiktok: [
    { code: '12052024', where: 'categoryId', say: notLeaf },
    { code: '12052218', where: attributeNamed(/\((\d+)\)/), fallback: null, say: attribute },
    { code: '12052219', where: null, say: attribute },
    { code: '12052220', where: 'brand', say: brand },
    { code: '12052098', where: 'warehouse', say: (n) => `${n} needs each SKU's stock in a sales warehouse; choose the warehouse.` },
    { code: '12052099', where: 'warehouse', say: (n) => `${n} keeps stock only in a sales warehouse, not a return warehouse; choose another.` },
    { text: /not issued by the image upload/, where: 'images', say: hosting },
    { code: '12052261', where: 'title', say: titleLimit('tiktok') },
    { code: '12052051', where: 'title', say: titleLimit('tiktok') },
    { code: '12052015', where: 'description', say: (n) => `${n} needs a description for every listing.` },
    { code: '12052023', where: 'categoryId', say: category },
    { code: '12052028', where: 'imageUrls', say: (n) => `${n} needs at least one image; the first is the main image.` },
    { code: '12019009', where: 'imageUrls', say: (n) => `${n} refused the images: it takes 1 to 9 images uploaded to ${n}.` },
    { code: '12052006', where: 'weightGrams', say: weight },
    { code: '12052036', where: 'variants', say: (n) => `${n} needs at least one variant with a seller SKU.` },
    { code: '12052050', where: 'variants', say: (n) => `${n} allows at most ${LIMITS.tiktok.variantsMax} variants per listing.` },
    { code: '12052054', where: SKU, fallback: 'variants', say: (n) => `${n} refused a seller SKU: it allows at most ${LIMITS.tiktok.skuMax} characters.` },
    { code: '12052073', where: PRICE, fallback: 'variants', say: price },
    { code: '12052055', where: STOCK, fallback: 'variants', say: (n) => `${n} refused a stock: it must be between 0 and ${LIMITS.tiktok.stockMax.toLocaleString('en-US')}.` },
    { code: '12052084', where: null, say: (n) => `${n} refused the currency Shelfsync sent for this shop's prices. Download the store again (Shelfsync learns the shop's currency from its listings), then release again.` },
    { code: '12052097', where: 'warehouse', say: (n) => `The warehouse chosen for the new SKUs no longer exists in ${n}: choose another sales warehouse.` },
  ],
  shopee: [
    { text: /media space/, where: 'images', say: hosting },
    { text: /has sub-categories/, where: 'categoryId', say: notLeaf },
    { text: /attribute_id (\d+)/, where: attributeNamed(/attribute_id (\d+)/), say: attribute },
    { text: /brand/, where: 'brand', say: brand },
    { text: /logistic/, where: 'logistics', say: (n) => `${n} needs at least one logistics channel the shop has enabled: choose one of the shop's enabled channels.` },
    { text: /item_name/, where: 'title', say: titleLimit('shopee') },
    { text: /description/, where: 'description', say: (n) => `${n} needs a description for every listing.` },
    { code: 'error_invalid_price', where: PRICE, fallback: 'price', say: price },
    { text: /Invalid Weight/i, where: 'weightGrams', say: weight },
    { text: /Invalid category/i, where: 'categoryId', say: category },
    { text: /image/, where: 'imageUrls', say: (n) => `${n} refused the images: it takes 1 to 9 images uploaded to ${n}.` },
    { text: /tier_variation should have/, where: 'variants', say: (n) => `${n} allows at most ${LIMITS.shopee.optionsMax} options (such as Color and Size) per listing.` },
    { text: /option|tier_index/, where: OPTIONS, fallback: 'variants', say: options },
    { text: /model length/, where: 'variants', say: (n) => `${n} allows at most ${LIMITS.shopee.variantsMax} variants per listing.` },
    { text: /stock/, where: STOCK, fallback: 'variants', say: (n) => `${n} refused a stock: it must be a whole number from 0 to ${LIMITS.shopee.stockMax.toLocaleString('en-US')}.` },
  ],
  lazada: [
    { text: /not a leaf category/, where: 'categoryId', say: notLeaf },
    { text: /PrimaryCategory/, where: 'categoryId', say: category },
    { text: /not on Lazada's hosts/, where: 'images', say: hosting },
    { text: /MANDATORY_ATTRIBUTE_MISSING: brand|BRAND_NOT_EXIST/, where: 'brand', say: brand },
    { text: /MANDATORY_ATTRIBUTE_MISSING: (package_weight)\b/, where: 'weightGrams', say: weight },
    { text: /MANDATORY_ATTRIBUTE_MISSING: (\w+)/, where: attributeNamed(/MANDATORY_ATTRIBUTE_MISSING: (\w+)/), say: attribute },
    { text: /is not an option of (\w+)/, where: attributeNamed(/is not an option of (\w+)/), say: attribute },
    { text: /(\w+) takes a number/, where: attributeNamed(/(\w+) takes a number/), say: attribute },
    { text: /Parameter name is mandatory|CHK_CATPROP_CPV_MAX_LEGNTH/, where: 'title', say: titleLimit('lazada') },
    { text: /Parameter Skus/, where: 'variants', say: (n) => `${n} needs at least one variant.` },
    { text: /MAIN_IMAGE/, where: 'imageUrls', say: (n) => `${n} needs at least one image; the first is the main image.` },
    { text: /IMAGE_MAX_ITEMS/, where: 'imageUrls', say: (n) => `${n} allows at most ${LIMITS.lazada.imagesMax} images.` },
    { text: /SELLER_SKU_DUPLICATE/, where: SKU, fallback: 'variants', say: skuTaken },
    { text: /SELLER_SKU_INVALID/, where: SKU, fallback: 'variants', say: (n) => `${n} refused a seller SKU: every variant needs one.` },
    { text: /quantity/, where: STOCK, fallback: 'variants', say: (n) => `${n} refused a stock: it must be a whole number of 0 or more.` },
    { text: /PRICE/, where: PRICE, fallback: 'variants', say: price },
  ],
  shopify: [
    { code: 'BLANK', where: 'title', say: titleLimit('shopify') },
    { code: 'VARIANTS_OVER_LIMIT', where: 'variants', say: (n) => `${n} refused the number of variants.` },
    { code: 'DUPLICATE_VARIANT', where: OPTIONS, fallback: 'variants', say: options },
    { code: 'INVALID_VARIANT', where: OPTIONS, fallback: 'variants', say: options },
    { code: 'INVALID_PRICE', where: PRICE, fallback: 'variants', say: price },
    // A stock that is not whole never reaches productSet: Shopify refuses the Int variable itself.
    { text: /inventoryQuantities\.\d+\.quantity/, where: STOCK, fallback: 'variants', say: (n) => `${n} refused a stock: it must be a whole number.` },
    { code: 'INVALID_QUANTITY', where: STOCK, fallback: 'variants', say: (n) => `${n} refused a stock: it must be a whole number.` },
  ],
  woocommerce: [
    { code: 'woocommerce_product_image_upload_error', where: 'images', say: (n) => `${n} could not download an image of this listing: check that every image address opens in a browser, or replace it.` },
    { code: 'product_invalid_sku', where: SKU, fallback: 'variants', say: skuTaken },
    { text: /duplicated SKU/i, where: SKU, fallback: 'variants', say: skuTaken },
  ],
};

/** The field a rule points at for this draft: named, or the first validation flags of its kind. */
function fieldOf(rule: Rule, draft: ValidatedDraft, platform: Platform, err: PlatformError): string | null {
  if (rule.where === null || typeof rule.where === 'string') return rule.where;
  if (typeof rule.where === 'function') return rule.where(err.message) ?? rule.fallback ?? null;
  const pattern = rule.where;
  const flagged = validateDraft(draft, platform).find((p) => pattern.test(p.field));
  if (flagged) return flagged.field;
  const named = pattern === SKU ? skuNamedIn(err.message, draft) : null;
  if (named !== null) return `variants.${named}.sellerSku`;
  // One variant: the refusal can only be about it.
  if (draft.variants.length === 1 && pattern !== OPTIONS) return pattern === SKU ? 'variants.0.sellerSku' : pattern === STOCK ? 'variants.0.stock' : 'variants.0.price';
  return rule.fallback ?? null;
}

/** WooCommerce names the refused variation's SKU ("… variations failed: TEE-M: Invalid or duplicated SKU."). */
function skuNamedIn(text: string, draft: ValidatedDraft): number | null {
  const i = draft.variants.findIndex((v) => v.sellerSku.trim() && text.includes(`${v.sellerSku.trim()}:`));
  return i >= 0 ? i : null;
}

export function explainRefusal(platform: Platform, err: PlatformError, draft: ValidatedDraft): Refusal {
  const code = err.opts.platformCode ?? '';
  const name = platformName(platform);
  const rule = [...ADAPTER, ...RULES[platform]].find((r) => (r.code !== undefined && r.code === code) || (r.text !== undefined && r.text.test(err.message)));
  if (!rule) return { field: null, message: `${name} refused it: ${err.message}`, details: err.message };
  return { field: fieldOf(rule, draft, platform, err), message: rule.say(name, draft), details: err.message };
}

/** A field's value in a draft (`variants.1.sellerSku` → that SKU), to tell whether it changed. */
export function fieldValue(draft: object, field: string): unknown {
  let cur: unknown = draft;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined ? null : cur;
}

/** What a failed release stores on its draft: the sentence, and with a field, the value refused. */
export function failureOf(draft: object, message: string, refusal: { field?: string | null; details?: string | null }, at: number): DraftFailure {
  const field = refusal.field ?? null;
  return { message, at, field, details: refusal.details ?? null, ...(field ? { fieldValue: fieldValue(draft, field) } : {}) };
}
