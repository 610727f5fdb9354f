// Validation beyond what the simulator refuses (tests/contract/create-refusals.test.ts covers each
// simulator refusal): limits the platforms document that the simulator does not play, limits the
// adapters enforce by trimming, and "ready" as the dashboard reads it for a TikTok draft.
import { beforeEach, describe, expect, it } from 'vitest';
import { priceJumps } from '@/components/dashboard/drafts/priceJumps';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { DraftVariant, StoreRow } from '@/lib/db/types';
import { drainJobs } from '@/lib/jobs/runner';
import { validateDraft, type ValidatedDraft } from '@/lib/drafts/validation';
import type { Platform } from '@/lib/platforms/types';
import { treeOf, type KnownCatalog } from '@/lib/catalog/catalog';
import { freshDb, ok } from '../../helpers/background';

const v = (patch: Partial<DraftVariant> = {}, i = 0): DraftVariant => ({ sellerSku: `V-${i}`, price: 10, stock: 1, options: null, productId: null, ...patch });
const ready: Record<Platform, ValidatedDraft> = {
  shopee: { title: 'Mug', description: 'A mug', imageUrls: ['https://img.example/1.jpg'], price: 10, categoryId: '100017', weightGrams: 300, extra: {}, logisticsChannelIds: ['18025'], variants: [v()] },
  lazada: { title: 'Mug', description: 'A mug', imageUrls: ['https://img.example/1.jpg'], price: 10, categoryId: '10002', weightGrams: 300, extra: {}, variants: [v()] },
  tiktok: { title: 'Mug', description: 'A mug', imageUrls: ['https://img.example/1.jpg'], price: 10, categoryId: '600001', weightGrams: 300, extra: {}, warehouseId: 'W1', variants: [v()] },
  shopify: { title: 'Mug', description: '', imageUrls: [], price: 10, categoryId: null, weightGrams: null, extra: {}, variants: [v()] },
  woocommerce: { title: 'Mug', description: '', imageUrls: [], price: 10, categoryId: null, weightGrams: null, extra: {}, variants: [v()] },
};
const variants = (n: number, make: (i: number) => Partial<DraftVariant> = () => ({})) => Array.from({ length: n }, (_, i) => v(make(i), i));

const CASES: { platform: Platform; why: string; draft: Partial<ValidatedDraft>; field: string; message: string | RegExp }[] = [
  { platform: 'lazada', why: 'package weight (a mandatory SKU attribute in lazada.md)', draft: { weightGrams: null }, field: 'weightGrams', message: 'Lazada needs the package weight (more than 0 g).' },
  { platform: 'tiktok', why: 'description over 10,000 characters', draft: { description: 'x'.repeat(10_001) }, field: 'description', message: 'TikTok Shop allows at most 10,000 characters in a description; this one has 10,001.' },
  { platform: 'shopee', why: 'description over 3,000 characters', draft: { description: 'x'.repeat(3001) }, field: 'description', message: /at most 3,000 characters in a description/ },
  { platform: 'tiktok', why: 'more than 9 images (the adapter would drop the rest)', draft: { imageUrls: Array.from({ length: 10 }, (_, i) => `tos/${i}`) }, field: 'imageUrls', message: 'TikTok Shop allows at most 9 images; this listing has 10.' },
  { platform: 'lazada', why: 'more than 8 images (the adapter would drop the rest)', draft: { imageUrls: Array.from({ length: 9 }, (_, i) => `https://img.example/${i}.jpg`) }, field: 'imageUrls', message: 'Lazada allows at most 8 images; this listing has 9.' },
  { platform: 'shopify', why: 'more variants than the adapter reads back', draft: { variants: variants(101, (i) => ({ options: { Size: `S${i}` } })) }, field: 'variants', message: /at most 100 variants/ },
  { platform: 'shopee', why: 'more than 9 images (release uploads the first 9)', draft: { imageUrls: Array.from({ length: 10 }, (_, i) => `https://img.example/${i}.jpg`) }, field: 'imageUrls', message: 'Shopee allows at most 9 images; this listing has 10.' },
  { platform: 'shopee', why: 'no logistics channel', draft: { logisticsChannelIds: [] }, field: 'logistics', message: /at least one logistics channel the shop has enabled/ },
  { platform: 'tiktok', why: 'no sales warehouse', draft: { warehouseId: null }, field: 'warehouse', message: /sales warehouse/ },
  { platform: 'shopee', why: 'stock above what Shopee accepts', draft: { variants: [v({ stock: 1_000_000 })] }, field: 'variants.0.stock', message: 'Shopee accepts a stock of at most 999,999.' },
  { platform: 'tiktok', why: 'more than 3 options', draft: { variants: variants(2, (i) => ({ options: { A: `${i}`, B: `${i}`, C: `${i}`, D: `${i}` } })) }, field: 'variants', message: /at most 3 options/ },
  { platform: 'shopify', why: 'more than 3 options', draft: { variants: variants(2, (i) => ({ options: { A: `${i}`, B: `${i}`, C: `${i}`, D: `${i}` } })) }, field: 'variants', message: /at most 3 options/ },
  { platform: 'tiktok', why: 'an option name over 20 characters', draft: { variants: variants(2, (i) => ({ options: { 'Colour of the strap!!': `${i}` } })) }, field: 'variants', message: /at most 20 characters in an option name/ },
  { platform: 'tiktok', why: 'an option value over 50 characters', draft: { variants: [v({ options: { Color: 'x'.repeat(51) } })] }, field: 'variants.0.options.Color', message: /at most 50 characters in an option value/ },
  { platform: 'shopify', why: 'an emptied option value', draft: { variants: variants(2, (i) => ({ options: { Color: i ? ' ' : 'Red' } })) }, field: 'variants.1.options.Color', message: 'Variant 2 needs a value for Color.' },
  { platform: 'woocommerce', why: 'two variants with the same options, whatever the case', draft: { variants: variants(2, (i) => ({ options: { Color: i ? 'red ' : 'Red' } })) }, field: 'variants.1.options', message: 'Variant 2 has the same options as variant 1; each variant needs its own combination.' },
  { platform: 'tiktok', why: 'one SKU twice, whatever the case', draft: { variants: variants(2, (i) => ({ sellerSku: i ? 'mug-1' : 'MUG-1', options: { Color: `${i}` } })) }, field: 'variants.1.sellerSku', message: 'The SKU "mug-1" is already used by variant 1 of this listing.' },
];

describe('validation', () => {
  it.each(Object.keys(ready) as Platform[])('a complete %s draft is ready', (platform) => {
    expect(validateDraft(ready[platform], platform)).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.platform}: ${c.why}`, c] as const))('%s', (_, c) => {
    const problems = validateDraft({ ...ready[c.platform], ...c.draft }, c.platform);
    const mine = problems.filter((p) => p.field === c.field);
    expect(mine.map((p) => p.message), JSON.stringify(problems)).toContainEqual(typeof c.message === 'string' ? c.message : expect.stringMatching(c.message));
  });
});

describe('a TikTok draft without a package weight', () => {
  let db: ShelfsyncDB;
  beforeEach(async () => {
    db = await freshDb();
  });

  it('is not ready: validation names weightGrams, and release refuses before calling TikTok', async () => {
    const row: Omit<StoreRow, 'id'> = {
      platform: 'tiktok', name: 'TikTok US', region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
      shopRef: 'tt', secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
    };
    const storeId = await db.stores.add(row as StoreRow);
    const productId = (await ok('products.create', { sku: 'LAMP-1', name: 'Desk lamp', price: 19.9 })).id;
    const { drafts } = await ok('drafts.fromProducts', { storeId, productIds: [productId] });
    const d = await ok('drafts.get', { id: drafts[0]!.id });
    const saved = await ok('drafts.update', { id: d.id, version: d.version, description: 'A lamp for the desk.', imageUrls: ['https://img.example/lamp.jpg'], categoryId: '600001', warehouseId: 'W1' });
    expect(saved.validation).toEqual([{ field: 'weightGrams', message: 'TikTok Shop needs the package weight (more than 0 g).' }]);

    const { jobId } = await ok('drafts.release', { draftIds: [d.id] });
    await drainJobs(db);
    expect((await ok('jobs.get', { id: jobId })).result).toMatchObject({ released: 0, failed: 1, results: [{ error: 'Fix before release: TikTok Shop needs the package weight (more than 0 g).' }] });

    const weighed = await ok('drafts.update', { id: d.id, version: (await ok('drafts.get', { id: d.id })).version, weightGrams: 450 });
    expect(weighed.validation).toEqual([]);
  });
});

describe('a price that moved more than tenfold', () => {
  const saved = { price: 60.12, variants: [{ sellerSku: 'A', price: 60.12 }, { sellerSku: 'B', price: 5 }] };
  it('is found up or down, on the listing and on each variant; exactly tenfold is not', () => {
    expect(priceJumps(saved, { price: 601_226, variants: [{ sellerSku: 'A', price: 601.2 }, { sellerSku: 'B', price: 0.49 }] })).toEqual([
      { field: 'price', from: 60.12, to: 601_226 },
      { field: 'variants.1.price', variant: { n: 2, sku: 'B' }, from: 5, to: 0.49 },
    ]);
    expect(priceJumps(saved, saved)).toEqual([]);
  });
  it('matches variants by SKU once one was added or removed, and ignores prices of 0 (validation flags those)', () => {
    expect(priceJumps(saved, { price: 60.12, variants: [{ sellerSku: 'B', price: 51 }] })).toEqual([{ field: 'variants.0.price', variant: { n: 1, sku: 'B' }, from: 5, to: 51 }]);
    expect(priceJumps(saved, { price: 0, variants: [{ sellerSku: 'A', price: 0 }, { sellerSku: 'B', price: 5 }] })).toEqual([]);
  });
});

describe('what a marketplace asks, against its cached catalogue', () => {
  // A small tree: Home > Kitchen > Mugs (a leaf with its rules), channels, warehouses.
  const catalog: KnownCatalog = {
    tree: treeOf([
      { id: '1', parentId: null, name: 'Home', leaf: false },
      { id: '2', parentId: '1', name: 'Kitchen', leaf: false },
      { id: '3', parentId: '2', name: 'Mugs', leaf: true },
    ]),
    rules: {
      attributes: [
        { id: 'origin', name: 'Country of Origin', required: true, inputType: 'select', options: [{ id: '11', name: 'Japan' }, { id: '12', name: 'Vietnam' }], custom: false },
        { id: 'pack', name: 'Quantity per Pack', required: true, inputType: 'number', options: [], custom: true },
        { id: 'age', name: 'Age', required: false, inputType: 'multiselect', options: [{ name: '0-2' }, { name: '3-5' }], custom: false },
        { id: 'material', name: 'Material', required: false, inputType: 'select', options: [{ name: 'Glass' }], custom: true },
      ],
      brand: { required: true, noBrandAllowed: false },
    },
    channels: [{ id: 'c1', name: 'Standard', enabled: true }, { id: 'c2', name: 'Bulky', enabled: false }],
    warehouses: [{ id: 'w1', name: 'Main', kind: 'sales', isDefault: true }, { id: 'w2', name: 'Returns', kind: 'return', isDefault: false }],
  };
  const shopee: ValidatedDraft = { ...ready.shopee, categoryId: '3', attributes: [{ id: 'origin', value: 'japan' }, { id: 'pack', value: '2' }], brandId: '77', logisticsChannelIds: ['c1'] };
  const fields = (d: Partial<ValidatedDraft>, platform: Platform = 'shopee') => validateDraft({ ...shopee, ...d }, platform, { catalog }).map((p) => `${p.field}: ${p.message}`);

  it('a complete draft is ready; an option may be named by its id or by its name in any case', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ attributes: [{ id: 'origin', value: '12' }, { id: 'pack', value: '2' }, { id: 'age', value: ['0-2', '3-5'] }, { id: 'material', value: 'Oak' }] })).toEqual([]);
  });

  it('names each missing or refused part', () => {
    expect(fields({ categoryId: '2' })).toEqual(['categoryId: "Home > Kitchen" has subcategories; Shopee lists products only in a category without any. Choose one of its subcategories.']);
    expect(fields({ categoryId: '9' })).toEqual(['categoryId: Shopee has no category 9; choose one from its category list.']);
    expect(fields({ attributes: [] })).toEqual(['attributes.origin: Shopee needs "Country of Origin" for listings in "Mugs".', 'attributes.pack: Shopee needs "Quantity per Pack" for listings in "Mugs".']);
    expect(fields({ attributes: [{ id: 'origin', value: 'Mars' }, { id: 'pack', value: 'two' }, { id: 'age', value: ['5+'] }] })).toEqual([
      'attributes.origin: "Mars" is not one of the values Shopee lists for "Country of Origin".',
      'attributes.pack: "Quantity per Pack" takes a number more than 0; "two" is not one.',
      'attributes.age: "5+" is not one of the values Shopee lists for "Age".',
    ]);
    expect(fields({ attributes: [{ id: 'origin', value: ['Japan', 'Vietnam'] }, { id: 'pack', value: '1' }] })).toEqual(['attributes.origin: "Country of Origin" takes one value.']);
    expect(fields({ brandId: null })).toEqual(['brand: Shopee needs a brand for listings in "Mugs"; choose one.']);
    expect(fields({ brandId: '0' })).toEqual(['brand: Shopee does not take "No brand" in "Mugs"; choose the product\'s brand.']);
    expect(fields({ logisticsChannelIds: ['c2'] })).toEqual(['logistics: Bulky is not enabled in this Shopee shop; enable it in Shopee Seller Centre or choose another channel.']);
  });

  it('TikTok: a return warehouse, or one the shop no longer lists', () => {
    const tiktok = { ...shopee, logisticsChannelIds: undefined };
    expect(validateDraft({ ...tiktok, warehouseId: 'w2' }, 'tiktok', { catalog }).map((p) => p.field)).toEqual(['warehouse']);
    expect(validateDraft({ ...tiktok, warehouseId: 'w9' }, 'tiktok', { catalog }).map((p) => p.message)).toEqual(['The chosen warehouse is no longer in this TikTok shop; choose another.']);
    expect(validateDraft({ ...tiktok, warehouseId: 'w1' }, 'tiktok', { catalog })).toEqual([]);
  });

  it('an image the last release could not use is flagged while the draft still has it', () => {
    const imageProblem = { sourceUrl: 'https://img.example/1.jpg', index: 0, code: 'image_too_large', message: 'The image at https://img.example/1.jpg is 12 MB; Shopee takes at most 10 MB.' };
    expect(fields({ imageProblem })).toEqual(['images: Image 1: The image at https://img.example/1.jpg is 12 MB; Shopee takes at most 10 MB. Replace or remove it, then release again.']);
    expect(fields({ imageProblem, imageUrls: ['https://img.example/2.jpg'] })).toEqual([]);
  });

  it('Shopify and WooCommerce ask none of it', () => {
    expect(validateDraft({ ...ready.shopify, categoryId: '2' }, 'shopify', { catalog })).toEqual([]);
  });
});
