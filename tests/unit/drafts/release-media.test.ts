// Releasing to a marketplace: the images go into its own hosting first — each once, kept on the
// draft as it goes, so a release stopped by an image resumes with the rest; an image that cannot
// be used fails the draft on `images` with a machine code and nothing is created; what validation
// sees (a missing part) is refused before any platform call. Against the simulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ShelfsyncDB } from '@/lib/db/database';
import { ok } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, setUpStore } from '../../helpers/syncWorld';
import { fillDestination, releaseDrafts, totalCalls } from './fill';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

const callsTo = async (shopId: string, endpoint: string) => (await sim.stats(shopId)).calls[endpoint] ?? 0;
const img = (name: string, query = '') => `${sim.url}/__sim/images/${name}.jpg${query}`;

async function shopeeDraft(images: string[]) {
  const w = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 80 });
  const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
  const filled = await fillDestination(drafts[0]!.id, 'tote bags', { title: 'Canvas tote', description: 'A tote', weightGrams: 300, price: 12, imageUrls: images, variants: [{ sellerSku: 'TOTE-1', price: 12, stock: 3 }] });
  expect(filled.draft.validation).toEqual([]);
  return { w, draftId: drafts[0]!.id };
}

describe('release puts the images into the destination\'s hosting first', () => {
  it('an image over the platform\'s limit stops the release on `images` with its code; nothing is created; fixed, the rest upload and the first is not sent again', async () => {
    const big = img('big', `?bytes=${10 * 1024 * 1024 + 5}`);
    const { w, draftId } = await shopeeDraft([img('front'), big, img('back')]);
    const first = await releaseDrafts(db, [draftId]);
    expect(first).toMatchObject({ released: 0, failed: 1, results: [{ ok: false, field: 'images', code: 'image_too_large', error: expect.stringMatching(/^Image 2 could not be used: The image at .*big\.jpg is 10 MB; Shopee takes at most 10 MB\.$/) }] });
    expect(await callsTo(w.shopId, '/api/v2/media_space/upload_image')).toBe(0); // global (a public call) — counted below
    const stats = await sim.stats();
    expect(stats.calls['/api/v2/media_space/upload_image']).toBe(1);
    expect(await callsTo(w.shopId, '/api/v2/product/add_item')).toBe(0);
    const failed = await ok('drafts.get', { id: draftId });
    expect(failed).toMatchObject({ status: 'failed', release: null, imageProblem: { index: 1, code: 'image_too_large', sourceUrl: big } });
    expect(Object.keys(failed.uploads ?? {})).toEqual([img('front')]);
    expect(failed.validation.map((v) => v.field)).toEqual(['images']);

    await ok('drafts.update', { id: draftId, version: failed.version, imageUrls: [img('front'), img('side'), img('back')] });
    const second = await releaseDrafts(db, [draftId]);
    expect(second).toMatchObject({ released: 1 });
    expect((await sim.stats()).calls['/api/v2/media_space/upload_image']).toBe(3);
    const [item] = (await sim.items(w.shopId)).filter((i) => i.title === 'Canvas tote');
    const held = await sim.control<{ images: string[] }>('GET', `/__sim/shops/${w.shopId}/items/${item!.itemId}`);
    expect(held.images).toHaveLength(3);
    expect(held.images.every((u) => u.startsWith(`${sim.url}/media/shopee/file/`))).toBe(true);
    // The store product shows the images as Shopee holds them.
    const sp = await db.storeProducts.where('[storeId+platformItemId]').equals([w.storeId, String(item!.itemId)]).first();
    expect(sp?.imageUrls).toEqual(held.images);
  });

  it('an unreachable image and one in a format the platform refuses have their own codes', async () => {
    const { draftId } = await shopeeDraft(['https://img.example/gone.jpg']);
    expect((await releaseDrafts(db, [draftId])).results[0]).toMatchObject({ field: 'images', code: 'image_unreachable' });
    const d = await ok('drafts.get', { id: draftId });
    await ok('drafts.update', { id: draftId, version: d.version, imageUrls: [`${sim.url}/__sim/images/anim.gif`] });
    expect((await releaseDrafts(db, [draftId])).results[0]).toMatchObject({ field: 'images', code: 'image_type', error: expect.stringMatching(/is a GIF image; Shopee takes JPG, PNG/) });
  });

  it('an image site the background may not read yet is named before anything is sent (the page asks the seller for it)', async () => {
    const { w, draftId } = await shopeeDraft([img('perm')]);
    const asked: string[] = [];
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async ({ origins }: { origins: string[] }) => (asked.push(...origins), false) };
    const before = { calls: await totalCalls(sim, w.shopId), uploads: (await sim.stats()).calls['/api/v2/media_space/upload_image'] ?? 0 };
    const refused = (await releaseDrafts(db, [draftId])).results[0]!;
    expect(refused).toMatchObject({ ok: false, field: 'images', code: 'image_permission', error: expect.stringMatching(/^To copy this listing's images to Shopee, Shelfsync needs your permission to read images from 127\.0\.0\.1: allow it, then release again\.$/) });
    expect(asked).toEqual(['http://127.0.0.1/*']);
    expect(await totalCalls(sim, w.shopId)).toBe(before.calls);
    expect((await sim.stats()).calls['/api/v2/media_space/upload_image'] ?? 0).toBe(before.uploads);
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => true };
    expect(await releaseDrafts(db, [draftId])).toMatchObject({ released: 1 });
  });

  it('a throttled or failing upload is retried within the release', async () => {
    const { draftId } = await shopeeDraft([img('retry')]);
    await sim.faults({ platform: 'shopee', rateLimitPerSecond: 1 });
    expect(await releaseDrafts(db, [draftId])).toMatchObject({ released: 1 });
    await sim.faults({});
  });
});

describe('a missing part is refused before any platform call, with the part named', () => {
  it('Shopee without a logistics channel, TikTok without a warehouse, any marketplace in a category with subcategories', async () => {
    const { w, draftId } = await shopeeDraft([img('one')]);
    const d = await ok('drafts.get', { id: draftId });
    await ok('drafts.update', { id: draftId, version: d.version, logisticsChannelIds: [] });
    const before = await totalCalls(sim, w.shopId);
    const beforeUploads = (await sim.stats()).calls['/api/v2/media_space/upload_image'] ?? 0;
    expect((await releaseDrafts(db, [draftId])).results[0]).toMatchObject({ ok: false, field: 'logistics', code: 'invalid_draft', fields: ['logistics'] });
    expect(await totalCalls(sim, w.shopId)).toBe(before);
    expect((await sim.stats()).calls['/api/v2/media_space/upload_image'] ?? 0).toBe(beforeUploads);

    const t = await setUpStore(db, sim, { platform: 'tiktok', items: 1, seed: 81, skuPrefix: 'TT' });
    const { drafts } = await ok('drafts.fromProducts', { storeId: t.storeId, productIds: [...t.products.values()] });
    const filled = await fillDestination(drafts[0]!.id, 'desk lamps', { description: 'A lamp', weightGrams: 500, price: 20, imageUrls: [img('lamp')], variants: [{ sellerSku: 'LAMP-9', price: 20, stock: 1 }] });
    const [lamps] = (await ok('catalog.categories', { storeId: t.storeId, q: 'desk lamps' })).items;
    await ok('drafts.update', { id: drafts[0]!.id, version: filled.draft.version, warehouseId: null, categoryId: lamps!.parentId! });
    const tBefore = await totalCalls(sim, t.shopId);
    const refused = (await releaseDrafts(db, [drafts[0]!.id])).results[0]!;
    expect(refused.fields).toEqual(['categoryId', 'warehouse']);
    expect(refused.error).toMatch(/^Fix before release: "Home & Living > Lighting" has subcategories; TikTok Shop lists products only in a category without any\. Choose one of its subcategories\. TikTok Shop needs the sales warehouse/);
    expect(await totalCalls(sim, t.shopId)).toBe(tBefore);
  });

  it('with the catalogue not read yet, release reads it (reads only) and names a missing required attribute before uploading', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1, seed: 82, skuPrefix: 'LZ' });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const filled = await fillDestination(drafts[0]!.id, 'plant pots', { weightGrams: 500, price: 9, imageUrls: [img('pot')], variants: [{ sellerSku: 'POT-NEW', price: 9, stock: 2 }] });
    expect(filled.draft.validation).toEqual([]);
    const categoryId = filled.categoryId!;
    await ok('catalog.refresh', { storeId: w.storeId });
    // The seller named the category (say, typed its id) but no attribute.
    await ok('drafts.update', { id: drafts[0]!.id, version: filled.draft.version, categoryId, attributes: [] });
    const result = (await releaseDrafts(db, [drafts[0]!.id])).results[0]!;
    expect(result).toMatchObject({ ok: false, code: 'invalid_draft' });
    expect(result.fields).toEqual(expect.arrayContaining(['attributes.country_origin_hb', 'attributes.package_length']));
    expect(await callsTo(w.shopId, '/category/attributes/get')).toBeGreaterThan(0);
    expect(await callsTo(w.shopId, '/image/migrate')).toBe(0);
    expect(await callsTo(w.shopId, '/product/create')).toBe(0);
  });
});
