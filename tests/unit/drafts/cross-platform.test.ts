// Issue 20's done-criterion: for every ordered pair of the five platforms, a listing with two
// variants and three images is cloned, what the destination asks is filled through the commands
// (catalog.* → drafts.update), the draft is released against the simulator, and the platform holds
// the item with its own hosted images, the category, attributes, brand, SKUs and stock; before
// that, releasing without a required part is refused before any platform call, naming the part.
//
// Shopify gaps (lib/platforms/shopify and its simulator belong to another piece of work): a Shopify
// download reads one image (featuredMedia), so a copy from Shopify carries 1 image, not 3; the
// simulated Shopify keeps no images of a productSet, so a copy to Shopify is not checked for them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { ok } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, storeProductIds } from '../../helpers/syncWorld';
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

const MARKETS = new Set<Platform>(['shopee', 'lazada', 'tiktok']);
const PAIRS = PLATFORMS.flatMap((from) => PLATFORMS.filter((to) => to !== from).map((to) => [from, to] as const));

interface Held { itemId: string; title: string; images: string[]; categoryId: string; attributes: { id: string; value: string }[]; brand: string | null; logistics?: string[]; variants: { sellerSku: string; stock: number }[] }

async function connect(shop: Awaited<ReturnType<Simulator['createShop']>>, name: string): Promise<number> {
  const store = await ok('stores.connect', { platform: shop.platform, name, apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl, credentials: shop.credentials });
  const { jobId } = await ok('stores.download', { id: store.id, mode: 'full' });
  await drainJobs(db);
  expect((await ok('jobs.get', { id: jobId })).status).toBe('succeeded');
  return store.id;
}
const globalUploads = async () => (await sim.stats()).calls['/api/v2/media_space/upload_image'] ?? 0;


describe('clone across platforms for real: every ordered pair', () => {
  it.each(PAIRS)('%s → %s', async (from, to) => {
    const tag = `${from.slice(0, 2)}${to.slice(0, 2)}`.toUpperCase();
    const skus = [`${tag}-S`, `${tag}-L`];
    // The seller's listing on the source platform, as listed there directly.
    const src = await sim.createShop({ platform: from, items: 0, seed: 7 });
    const images = [1, 2, 3].map((n) => `${sim.url}/__sim/images/${tag}-${n}.jpg`);
    await sim.control('POST', `/__sim/shops/${encodeURIComponent(src.shopId)}/items`, {
      title: `Tote ${tag}`, description: 'A canvas tote bag.', images,
      variants: [{ sellerSku: skus[0], stock: 50, price: 19.5, option: 'S' }, { sellerSku: skus[1], stock: 50, price: 21, option: 'L' }],
    });
    // Shelfsync: stock in a warehouse, both stores connected, a rule for the destination.
    const warehouse = (await ok('warehouses.create', { name: 'Main', code: 'MAIN' })).id;
    for (const [i, sku] of skus.entries()) {
      await ok('products.create', { sku, name: sku });
      await ok('inventory.adjust', { warehouseId: warehouse, sku, onHand: 6 + 3 * i });
    }
    const sourceStore = await connect(src, `${from} source`);
    const dst = await sim.createShop({ platform: to, items: 0, seed: 8 });
    const destStore = await connect(dst, `${to} destination`);
    await ok('syncRules.create', { name: 'All of Main', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [warehouse], storeIds: [destStore] });

    const [listing] = await storeProductIds(db, sourceStore);
    const cloned = await ok('storeProducts.clone', { storeProductIds: [listing!], destinationStoreIds: [destStore] });
    const draftId = cloned.drafts[0]!.id;
    const draft = await ok('drafts.get', { id: draftId });
    expect(draft.imageUrls).toHaveLength(from === 'shopify' ? 1 : 3);
    expect(draft.variants.map((v) => [v.sellerSku, v.stock])).toEqual([[skus[0], 6], [skus[1], 9]]);

    // Fill what the destination asks, through the commands.
    const title = `Tote ${tag} on ${to}`;
    const filled = await fillDestination(draftId, 'tote bags', { title, weightGrams: 400, description: draft.description || 'A canvas tote bag.' });
    expect(filled.draft.validation).toEqual([]);
    const required = Object.keys(filled.attributes);
    if (MARKETS.has(to)) expect(required.length).toBeGreaterThan(0);

    // Without a required part: refused before any call, the part named.
    const before = { calls: await totalCalls(sim, dst.shopId), uploads: await globalUploads() };
    const missing = MARKETS.has(to)
      ? { attributes: required.slice(1).map((id) => ({ id, value: filled.attributes[id]!.value })), ...(to === 'tiktok' ? { warehouseId: null } : { brandId: null, brand: null }) }
      : { title: ' ' };
    const fields = MARKETS.has(to) ? [`attributes.${required[0]}`, to === 'tiktok' ? 'warehouse' : 'brand'] : ['title'];
    const stripped = await ok('drafts.update', { id: draftId, version: filled.draft.version, ...missing });
    expect(stripped.validation.map((v) => v.field).sort()).toEqual([...fields].sort());
    const refused = await releaseDrafts(db, [draftId]);
    expect(refused.results[0]).toMatchObject({ ok: false });
    expect([...refused.results[0]!.fields!].sort()).toEqual([...fields].sort());
    expect(await totalCalls(sim, dst.shopId)).toBe(before.calls);
    expect(await globalUploads()).toBe(before.uploads);

    // Filled again, released: the platform holds the item as asked.
    const failed = await ok('drafts.get', { id: draftId });
    const restored = await ok('drafts.update', { id: draftId, version: failed.version, ...filledParts(filled, title) });
    expect(restored.validation).toEqual([]);
    const result = await releaseDrafts(db, [draftId]);
    expect(result, JSON.stringify(result)).toMatchObject({ released: 1, failed: 0 });

    const item = (await sim.items(dst.shopId)).find((i) => i.title === title);
    expect(item, 'the destination holds the new item').toBeTruthy();
    const held = await sim.control<Held>('GET', `/__sim/shops/${encodeURIComponent(dst.shopId)}/items/${encodeURIComponent(item!.itemId)}`);
    expect(held.variants.map((v) => [v.sellerSku, v.stock])).toEqual([[skus[0], 6], [skus[1], 9]]);
    if (MARKETS.has(to)) {
      expect(held.images).toHaveLength(draft.imageUrls.length);
      expect(held.images.every((u) => u.startsWith(`${sim.url}/media/${to}/`)), held.images.join(' ')).toBe(true);
      expect(held.categoryId).toBe(filled.categoryId);
      const byId = new Map(held.attributes.map((a) => [a.id, a.value]));
      // Lazada's package size goes on each SKU (the simulator refuses a SKU without it; it keeps
      // product attributes only).
      for (const id of required.filter((x) => !x.startsWith('package_'))) expect(byId.get(id), id).toBe(filled.attributes[id]!.name);
      expect(held.brand).toBe(filled.brand!.name);
      if (to === 'shopee') expect(held.logistics).toEqual(['18025', '18028']);
    }
    if (to === 'woocommerce') {
      expect(held.images).toHaveLength(draft.imageUrls.length);
      expect(held.images.every((u) => u.startsWith(`${sim.url}/woocommerce/${dst.shopId}/wp-content/uploads/`))).toBe(true);
    }
    // And in Shelfsync: a listing of the destination store, its variants connected by SKU.
    const sp = (await db.storeProducts.where('[storeId+platformItemId]').between([destStore, ''], [destStore, '\uffff']).toArray()).find((p) => p.title === title)!;
    expect((await db.storeVariants.where('storeProductId').equals(sp.id).toArray()).map((v) => [v.sellerSku, v.connected]).sort()).toEqual([[skus[0], 1], [skus[1], 1]].sort());
  });
});

/** The parts fillDestination chose, to put back after the refusal. */
function filledParts(filled: Awaited<ReturnType<typeof fillDestination>>, title: string) {
  const d = filled.draft;
  return {
    title,
    ...(d.attributes ? { attributes: d.attributes } : {}),
    ...(d.brandId ? { brandId: d.brandId, brand: d.brand } : {}),
    ...(d.warehouseId ? { warehouseId: d.warehouseId } : {}),
  };
}
