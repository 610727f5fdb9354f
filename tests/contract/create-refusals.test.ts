// Every refusal the simulator gives a create call for a listing's own content and for what a
// marketplace asks of it (category, attributes, brand, logistics, warehouse), met from a draft:
// validation flags the draft on the field the refusal concerns (with the store's catalogue as
// release knows it), the very payload release would send (destinationListing → the adapter, over
// HTTP) is refused by the simulator with that reason, and the refusal is told back on the same
// field (refusals.ts). So the check and the platform agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeOf, type KnownCatalog } from '../../lib/catalog/catalog.ts';
import { destinationListing } from '../../lib/drafts/destination.ts';
import { LIMITS } from '../../lib/drafts/limits.ts';
import { explainRefusal } from '../../lib/drafts/refusals.ts';
import { validateDraft, type StoreFacts, type ValidatedDraft } from '../../lib/drafts/validation.ts';
import { skuKeyOf } from '../../lib/db/versions.ts';
import type { DraftAttribute, DraftVariant } from '../../lib/db/types.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { PLATFORMS, PlatformError, type CategoryRules, type Credentials, type HostedImage, type Platform, type PlatformAdapter } from '../../lib/platforms/types.ts';
import { startSimulator } from '../simulator/server.ts';
import { attrNumber } from '../simulator/catalog.ts';
import { LAZADA_NAME } from '../simulator/platforms/lazada-catalog.ts';

type Draft = ValidatedDraft & { brand: string | null };
interface Shop {
  adapter: PlatformAdapter;
  takenSku: string;
  takenTitle: string;
  /** Marketplaces: the catalogue as release reads it, a leaf, its rules, an image already hosted. */
  catalog?: KnownCatalog;
  leaf?: { id: string; parentId: string };
  rules?: CategoryRules;
  hosted?: { url: string; image: HostedImage };
}

let sim: { url: string; close(): unknown };
const shops = {} as Record<Platform, Shop>;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(sim.url + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A marketplace's catalogue through its adapter, as lib/catalog caches it for release. */
async function catalogOf(adapter: PlatformAdapter): Promise<Pick<Shop, 'catalog' | 'leaf' | 'rules' | 'hosted'>> {
  if (!adapter.listCategories) return {};
  const list = await adapter.listCategories();
  const leaf = list.find((c) => c.leaf && c.name === 'Mugs')!;
  const rules = await adapter.categoryRules!(leaf.id);
  const url = `${sim.url}/__sim/images/refusal-mug.jpg`;
  return {
    leaf: { id: leaf.id, parentId: leaf.parentId! },
    rules,
    hosted: { url, image: await adapter.hostImage!(url) },
    catalog: { tree: treeOf(list), rules, channels: adapter.listLogisticsChannels ? await adapter.listLogisticsChannels() : undefined, warehouses: adapter.listWarehouses ? await adapter.listWarehouses() : undefined },
  };
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  for (const [i, platform] of PLATFORMS.entries()) {
    const s = await control<{ shopId: string; apiBaseUrl: string; authBaseUrl?: string; authorizeBaseUrl?: string; credentials: Record<string, unknown> }>('POST', '/__sim/shops', { platform, items: 1, variantsPerItem: 1, seed: 90 + i, skuPrefix: `TK${i}` });
    let creds = { ...s.credentials, platform } as Credentials;
    const store = { get: () => creds as never, save: async (c: Credentials) => void (creds = c) };
    const adapter = createAdapter(platform, { apiBaseUrl: s.apiBaseUrl, authBaseUrl: s.authBaseUrl, authorizeBaseUrl: s.authorizeBaseUrl }, store);
    const [item] = await control<{ title: string; variants: { sellerSku: string }[] }[]>('GET', `/__sim/shops/${s.shopId}/items`);
    shops[platform] = { adapter, takenSku: item!.variants[0]!.sellerSku, takenTitle: item!.title, ...(await catalogOf(adapter)) };
  }
});
afterAll(async () => {
  await sim?.close();
});

/** What release sends for a draft (its images already hosted where the platform hosts them). */
function send(platform: Platform, d: Draft) {
  const shop = shops[platform];
  const urls = d.imageUrls.slice(0, LIMITS[platform].imagesMax);
  const uploads: Record<string, HostedImage> = shop.hosted ? Object.fromEntries(urls.map((u) => [u, shop.hosted!.image])) : {};
  return shop.adapter.createListing(destinationListing(d, shop.rules, uploads, urls));
}
const factsOf = (platform: Platform, more: StoreFacts = {}): StoreFacts => ({ ...more, ...(shops[platform].catalog ? { catalog: shops[platform].catalog } : {}) });

/** The leaf's required attributes with their first listed value (or a number / text). */
function requiredAttributes(rules: CategoryRules): DraftAttribute[] {
  return rules.attributes.filter((a) => a.required).map((a) => ({ id: a.id, value: a.options[0]?.id ?? a.options[0]?.name ?? (a.inputType === 'number' ? '12' : 'Plain') }));
}

let seq = 0;
const sku = () => `RF-${++seq}`;
const v = (patch: Partial<DraftVariant> = {}): DraftVariant => ({ sellerSku: sku(), price: 10, stock: 3, options: null, productId: null, ...patch });
const two = (a: Partial<DraftVariant> = {}, b: Partial<DraftVariant> = {}) => [v({ options: { Color: 'Red' }, ...a }), v({ options: { Color: 'Blue' }, ...b })];

/** A draft each platform validates clean and creates (the control case below). */
function base(platform: Platform): Draft {
  const common = { title: 'Refusal check', description: 'A stoneware mug.', price: 10, brand: null, variants: [v()] };
  const shop = shops[platform];
  if (!shop.rules) return { ...common, imageUrls: [], categoryId: null, weightGrams: null, extra: {} };
  const parts = {
    ...common, imageUrls: [shop.hosted!.url], categoryId: shop.leaf!.id, weightGrams: 300, extra: {},
    attributes: requiredAttributes(shop.rules), brandId: '0',
  };
  if (platform === 'shopee') return { ...parts, logisticsChannelIds: shop.catalog!.channels!.filter((c) => c.enabled).map((c) => c.id) };
  if (platform === 'tiktok') return { ...parts, warehouseId: shop.catalog!.warehouses!.find((w) => w.kind === 'sales')!.id };
  return parts;
}
const withoutFirstRequired = (d: Draft) => ({ ...d, attributes: (d.attributes ?? []).slice(1) });
/** The field of the leaf's first required attribute (Country of Origin in the simulator's catalogue). */
const firstRequired = (platform: 'shopee' | 'lazada' | 'tiktok') => `attributes.${platform === 'lazada' ? LAZADA_NAME.origin : attrNumber(platform, 'origin')}`;

interface Case {
  platform: Platform;
  why: string;
  /** The simulator's refusal: its code and text as the adapter reports them. */
  refusal: RegExp;
  /** The field validation names, and the refusal is told on. */
  field: string;
  draft: (d: Draft, shop: Shop) => Draft;
  facts?: (shop: Shop) => StoreFacts;
}

const taken = (shop: Shop): StoreFacts => ({ takenSkus: new Map([[skuKeyOf(shop.takenSku), shop.takenTitle]]) });
const many = (n: number) => Array.from({ length: n }, () => v());

const CASES: Case[] = [
  // TikTok Shop: POST /product/202309/products
  { platform: 'tiktok', why: 'empty title', refusal: /12052261/, field: 'title', draft: (d) => ({ ...d, title: '  ' }) },
  { platform: 'tiktok', why: 'title over 255', refusal: /12052051/, field: 'title', draft: (d) => ({ ...d, title: 'x'.repeat(256) }) },
  { platform: 'tiktok', why: 'no description', refusal: /12052015/, field: 'description', draft: (d) => ({ ...d, description: '' }) },
  { platform: 'tiktok', why: 'no category', refusal: /12052023/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: null }) },
  { platform: 'tiktok', why: 'a category with subcategories', refusal: /12052024/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: shops.tiktok.leaf!.parentId }) },
  { platform: 'tiktok', why: 'a required attribute missing', refusal: /12052218/, field: firstRequired('tiktok'), draft: withoutFirstRequired },
  { platform: 'tiktok', why: 'the return warehouse', refusal: /12052099/, field: 'warehouse', draft: (d) => ({ ...d, warehouseId: shops.tiktok.catalog!.warehouses!.find((w) => w.kind === 'return')!.id }) },
  { platform: 'tiktok', why: 'a warehouse the shop no longer has', refusal: /12052097/, field: 'warehouse', draft: (d) => ({ ...d, warehouseId: '99999999' }) },
  { platform: 'tiktok', why: 'a category name, not an id', refusal: /12052023/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: 'Kitchen' }) },
  { platform: 'tiktok', why: 'no main image', refusal: /12052028/, field: 'imageUrls', draft: (d) => ({ ...d, imageUrls: [] }) },
  { platform: 'tiktok', why: 'no package weight (the issue: "12052006 Incorrect parcel weight format")', refusal: /12052006 Incorrect parcel weight format/, field: 'weightGrams', draft: (d) => ({ ...d, weightGrams: null }) },
  { platform: 'tiktok', why: 'package weight 0', refusal: /12052006/, field: 'weightGrams', draft: (d) => ({ ...d, weightGrams: 0 }) },
  { platform: 'tiktok', why: 'over 100 SKUs', refusal: /12052050/, field: 'variants', draft: (d) => ({ ...d, variants: many(101) }) },
  { platform: 'tiktok', why: 'seller SKU over 50 characters', refusal: /12052054/, field: 'variants.0.sellerSku', draft: (d) => ({ ...d, variants: [v({ sellerSku: `L${'x'.repeat(50)}` })] }) },
  { platform: 'tiktok', why: 'price 0', refusal: /12052073/, field: 'variants.1.price', draft: (d) => ({ ...d, variants: two({}, { price: 0 }) }) },
  { platform: 'tiktok', why: 'stock over 99,999', refusal: /12052055/, field: 'variants.0.stock', draft: (d) => ({ ...d, variants: [v({ stock: 100_000 })] }) },

  // Shopee: add_item, then init_tier_variation for several variants
  { platform: 'shopee', why: 'title over 120', refusal: /item_name length/, field: 'title', draft: (d) => ({ ...d, title: 'x'.repeat(121) }) },
  { platform: 'shopee', why: 'empty title', refusal: /item_name length/, field: 'title', draft: (d) => ({ ...d, title: '' }) },
  { platform: 'shopee', why: 'no description', refusal: /description is required/, field: 'description', draft: (d) => ({ ...d, description: '' }) },
  { platform: 'shopee', why: 'price 0', refusal: /error_invalid_price/, field: 'variants.0.price', draft: (d) => ({ ...d, variants: [v({ price: 0 })] }) },
  { platform: 'shopee', why: 'no weight', refusal: /Invalid Weight/, field: 'weightGrams', draft: (d) => ({ ...d, weightGrams: null }) },
  { platform: 'shopee', why: 'no category', refusal: /Invalid category/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: null }) },
  { platform: 'shopee', why: 'a category name, not an id', refusal: /Invalid category/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: 'Mugs' }) },
  { platform: 'shopee', why: 'no image', refusal: /image_id_list should have 1 to 9/, field: 'imageUrls', draft: (d) => ({ ...d, imageUrls: [] }) },
  { platform: 'shopee', why: 'a category with subcategories', refusal: /has sub-categories/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: shops.shopee.leaf!.parentId }) },
  { platform: 'shopee', why: 'a required attribute missing', refusal: /attribute .* is mandatory for this category/, field: firstRequired('shopee'), draft: withoutFirstRequired },
  { platform: 'shopee', why: 'a value the attribute does not list', refusal: /takes a value_id from its attribute_value_list/, field: firstRequired('shopee'), draft: (d) => ({ ...d, attributes: (d.attributes ?? []).map((a, i) => (i ? a : { ...a, value: '42' })) }) },
  { platform: 'shopee', why: 'no brand', refusal: /brand is mandatory/, field: 'brand', draft: (d) => ({ ...d, brandId: null }) },
  { platform: 'shopee', why: 'no logistics channel', refusal: /at least one enabled logistics channel/, field: 'logistics', draft: (d) => ({ ...d, logisticsChannelIds: [] }) },
  { platform: 'shopee', why: 'a channel the shop has not enabled', refusal: /is not enabled for the shop/, field: 'logistics', draft: (d) => ({ ...d, logisticsChannelIds: ['18036'] }) },
  { platform: 'shopee', why: 'negative stock', refusal: /seller_stock is required/, field: 'variants.0.stock', draft: (d) => ({ ...d, variants: [v({ stock: -1 })] }) },
  { platform: 'shopee', why: 'three options', refusal: /tier_variation should have 1 or 2 tiers/, field: 'variants', draft: (d) => ({ ...d, variants: [v({ options: { A: '1', B: '1', C: '1' } }), v({ options: { A: '2', B: '2', C: '2' } })] }) },
  { platform: 'shopee', why: 'an empty option value', refusal: /option_list.option is required/, field: 'variants.1.options.Color', draft: (d) => ({ ...d, variants: two({}, { options: { Color: '' } }) }) },
  { platform: 'shopee', why: 'two variants with the same options', refusal: /tier_index is duplicated/, field: 'variants.1.options', draft: (d) => ({ ...d, variants: two({}, { options: { Color: 'Red' } }) }) },
  { platform: 'shopee', why: 'a model priced 0', refusal: /error_invalid_price/, field: 'variants.1.price', draft: (d) => ({ ...d, variants: two({}, { price: 0 }) }) },
  { platform: 'shopee', why: 'a model with negative stock', refusal: /model.seller_stock is required/, field: 'variants.1.stock', draft: (d) => ({ ...d, variants: two({}, { stock: -1 }) }) },

  { platform: 'shopee', why: 'an option without a name', refusal: /tier_variation.name and option_list are required/, field: 'variants', draft: (d) => ({ ...d, variants: [v({ options: { '': 'Red' } }), v({ options: { '': 'Blue' } })] }) },
  { platform: 'shopee', why: 'over 50 variants (the adapter refuses before calling)', refusal: /at most 50 models per item/, field: 'variants', draft: (d) => ({ ...d, variants: many(51) }) },

  // Lazada: /product/create
  { platform: 'lazada', why: 'no category', refusal: /PrimaryCategory is mandatory/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: null }) },
  { platform: 'lazada', why: 'a category with subcategories', refusal: /not a leaf category/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: shops.lazada.leaf!.parentId }) },
  { platform: 'lazada', why: 'a required attribute missing', refusal: /MANDATORY_ATTRIBUTE_MISSING/, field: firstRequired('lazada'), draft: withoutFirstRequired },
  { platform: 'lazada', why: 'a package size missing', refusal: /package_length is mandatory/, field: 'attributes.package_length', draft: (d) => ({ ...d, attributes: (d.attributes ?? []).filter((a) => a.id !== 'package_length') }) },
  { platform: 'lazada', why: 'no brand', refusal: /brand is mandatory/, field: 'brand', draft: (d) => ({ ...d, brandId: null }) },
  { platform: 'lazada', why: 'a category name, not an id', refusal: /PrimaryCategory is mandatory/, field: 'categoryId', draft: (d) => ({ ...d, categoryId: 'Mugs' }) },
  { platform: 'lazada', why: 'empty title', refusal: /Parameter name is mandatory/, field: 'title', draft: (d) => ({ ...d, title: '' }) },
  { platform: 'lazada', why: 'title over 255', refusal: /CHK_CATPROP_CPV_MAX_LEGNTH/, field: 'title', draft: (d) => ({ ...d, title: 'x'.repeat(256) }) },
  { platform: 'lazada', why: 'no main image', refusal: /MAIN_IMAGE_REQUIRE/, field: 'imageUrls', draft: (d) => ({ ...d, imageUrls: [] }) },
  { platform: 'lazada', why: 'an empty seller SKU', refusal: /SELLER_SKU_INVALID/, field: 'variants.0.sellerSku', draft: (d) => ({ ...d, variants: [v({ sellerSku: ' ' })] }) },
  { platform: 'lazada', why: 'one SKU twice in the listing', refusal: /SELLER_SKU_DUPLICATE/, field: 'variants.1.sellerSku', draft: (d) => ({ ...d, variants: two({ sellerSku: 'RF-TWICE' }, { sellerSku: 'RF-TWICE' }) }) },
  { platform: 'lazada', why: 'a SKU another listing of the shop uses', refusal: /SELLER_SKU_DUPLICATE/, field: 'variants.0.sellerSku', draft: (d, s) => ({ ...d, variants: [v({ sellerSku: s.takenSku })] }), facts: taken },
  { platform: 'lazada', why: 'negative stock', refusal: /illegal parameter:quantity/, field: 'variants.0.stock', draft: (d) => ({ ...d, variants: [v({ stock: -1 })] }) },
  { platform: 'lazada', why: 'price 0', refusal: /PRICE_IS_ZERO/, field: 'variants.0.price', draft: (d) => ({ ...d, variants: [v({ price: 0 })] }) },

  // Shopify: productSet
  { platform: 'shopify', why: 'empty title', refusal: /BLANK/, field: 'title', draft: (d) => ({ ...d, title: ' ' }) },
  { platform: 'shopify', why: 'two variants with the same options', refusal: /DUPLICATE_VARIANT/, field: 'variants.1.options', draft: (d) => ({ ...d, variants: two({}, { options: { Color: 'Red' } }) }) },
  { platform: 'shopify', why: 'a negative price', refusal: /INVALID_PRICE/, field: 'variants.0.price', draft: (d) => ({ ...d, variants: [v({ price: -1 })] }) },
  { platform: 'shopify', why: 'a stock that is not whole', refusal: /INVALID_VARIABLE.*inventoryQuantities\.0\.quantity/, field: 'variants.0.stock', draft: (d) => ({ ...d, variants: [v({ stock: 1.5 })] }) },

  // WooCommerce: POST products, then variations/batch
  { platform: 'woocommerce', why: 'a SKU another product of the site uses', refusal: /product_invalid_sku/, field: 'variants.0.sellerSku', draft: (d, s) => ({ ...d, variants: [v({ sellerSku: s.takenSku })] }), facts: taken },
  { platform: 'woocommerce', why: 'a variation SKU another product of the site uses', refusal: /duplicated SKU/, field: 'variants.1.sellerSku', draft: (d, s) => ({ ...d, variants: two({}, { sellerSku: s.takenSku }) }), facts: taken },
  { platform: 'woocommerce', why: 'one SKU on two variations', refusal: /duplicated SKU/, field: 'variants.1.sellerSku', draft: (d) => ({ ...d, variants: two({ sellerSku: 'RF-WOO-TWICE' }, { sellerSku: 'RF-WOO-TWICE' }) }) },
];

// No variant at all: every adapter refuses before calling its platform.
for (const platform of PLATFORMS) CASES.push({ platform, why: 'no variant (the adapter refuses before calling)', refusal: /needs at least one (SKU|variant)/, field: 'variants', draft: (d) => ({ ...d, variants: [] }) });

describe('a draft validation passes is created', () => {
  it.each(PLATFORMS)('%s', async (platform) => {
    const d = base(platform);
    expect(validateDraft(d, platform, factsOf(platform))).toEqual([]);
    const created = await send(platform, d);
    expect(created.platformItemId).toBeTruthy();
  });
});

describe('each create refusal the simulator knows: validation flags it on its field, the platform refuses that payload, the refusal is told on the same field', () => {
  it.each(CASES.map((c) => [`${c.platform}: ${c.why}`, c] as const))('%s', async (_, c) => {
    const shop = shops[c.platform];
    const draft = c.draft(base(c.platform), shop);
    expect(validateDraft(draft, c.platform, factsOf(c.platform, c.facts?.(shop))).map((p) => p.field)).toContain(c.field);

    const err = await send(c.platform, draft).then(() => null, (e: unknown) => e);
    expect(err, 'the simulator refuses the payload').toBeInstanceOf(PlatformError);
    const refused = err as PlatformError;
    expect(refused.kind).toBe('invalid');
    expect(`${refused.opts.platformCode ?? ''} ${refused.message}`).toMatch(c.refusal);

    const told = explainRefusal(c.platform, refused, draft);
    expect(told.field).toBe(c.field);
    expect(told.details).toBe(refused.message);
    expect(told.message).not.toContain(refused.message);
  });
});

describe('refusals validation cannot see are told as sentences, not on a draft field', () => {
  it('TikTok Shop: a currency the shop does not sell in', async () => {
    const draft = { ...base('tiktok'), extra: { currency: 'EUR' } };
    expect(validateDraft(draft, 'tiktok', factsOf('tiktok'))).toEqual([]);
    const err = (await send('tiktok', draft).catch((e: unknown) => e)) as PlatformError;
    expect(err.opts.platformCode).toBe('12052084');
    expect(explainRefusal('tiktok', err, draft)).toEqual({ field: null, message: expect.stringMatching(/^TikTok Shop refused the currency/), details: err.message });
  });

  it('a refusal no rule knows keeps the platform\'s text in the sentence', () => {
    const err = new PlatformError('invalid', 'lazada /product/create: 4999 SOMETHING_NEW', { platformCode: '4999' });
    expect(explainRefusal('lazada', err, base('lazada'))).toEqual({ field: null, message: 'Lazada refused it: lazada /product/create: 4999 SOMETHING_NEW', details: err.message });
  });
});
