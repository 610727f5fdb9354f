// catalog.* through the real dispatcher over fake-indexeddb, against the simulator over HTTP:
// what a category picker, an attribute form and a brand picker ask, cached a day per store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { CommandInput, CommandName, CommandOutput } from '@/lib/commands/client';
import { ok, raw, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, setUpStore } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

const DAY = 24 * 60 * 60 * 1000;
async function at<K extends CommandName>(when: number, type: K, payload: CommandInput<K>): Promise<CommandOutput<K>> {
  const answer = await raw({ type, payload }, undefined, () => when);
  if (!answer.ok) throw new Error(`${type}: ${answer.error.code} ${answer.error.message}`);
  return answer.data as CommandOutput<K>;
}
const calls = async (shopId: string, endpoint: string) => (await sim.stats(shopId)).calls[endpoint] ?? 0;

describe('catalog.categories', () => {
  it('answers a level at a time, or searches the whole tree with paths; reads the platform once a day', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 1 });
    const t0 = Date.now();
    const roots = await at(t0, 'catalog.categories', { storeId: w.storeId });
    expect(roots).toMatchObject({ supported: true, total: 10, stale: false });
    expect(roots.items[0]).toMatchObject({ name: 'Home & Living', path: ['Home & Living'], leaf: false, parentId: null });
    const groups = await at(t0, 'catalog.categories', { storeId: w.storeId, parentId: roots.items[0]!.id });
    expect(groups.items.map((c) => c.name)).toContain('Kitchen & Dining');
    const found = await at(t0, 'catalog.categories', { storeId: w.storeId, q: 'mug' });
    expect(found.items[0]).toMatchObject({ name: 'Mugs', path: ['Home & Living', 'Kitchen & Dining', 'Mugs'], leaf: true });
    const twoWords = await at(t0, 'catalog.categories', { storeId: w.storeId, q: 'men sneakers' });
    expect(twoWords.items.map((c) => c.path.join(' > '))).toEqual(['Shoes > Men Shoes > Sneakers', 'Shoes > Women Shoes > Sneakers']);
    expect(await calls(w.shopId, '/api/v2/product/get_category')).toBe(1);
    // A day later the tree is read again; if the platform cannot answer, the last copy serves.
    await at(t0 + DAY + 1, 'catalog.categories', { storeId: w.storeId });
    expect(await calls(w.shopId, '/api/v2/product/get_category')).toBe(2);
    await sim.faults({ shopId: w.shopId, errorRate: 1 });
    const stale = await at(t0 + 2 * DAY + 2, 'catalog.categories', { storeId: w.storeId, q: 'mugs' });
    expect(stale).toMatchObject({ stale: true, total: 1 });
    await sim.faults({});
    // catalog.refresh forgets the copy: the next read asks the platform.
    expect((await ok('catalog.refresh', { storeId: w.storeId })).removed).toBeGreaterThan(0);
    await at(t0 + 2 * DAY + 3, 'catalog.categories', { storeId: w.storeId });
    expect(await calls(w.shopId, '/api/v2/product/get_category')).toBe(4);
  });

  it('Shopify and WooCommerce have no category a listing must name: supported false', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopify', items: 1 });
    expect(await ok('catalog.categories', { storeId: w.storeId })).toEqual({ supported: false, items: [], total: 0 });
    expect(await ok('catalog.brands', { storeId: w.storeId })).toEqual({ supported: false, items: [], total: 0 });
  });
});

describe('catalog.attributes and catalog.brands', () => {
  it('a leaf\'s attributes, required first, with input types and options; a category with subcategories is refused', async () => {
    const w = await setUpStore(db, sim, { platform: 'tiktok', items: 1 });
    const [mugs] = (await ok('catalog.categories', { storeId: w.storeId, q: 'kitchen mugs' })).items;
    const attrs = await ok('catalog.attributes', { storeId: w.storeId, categoryId: mugs!.id });
    expect(attrs.brand).toEqual({ required: false, noBrandAllowed: true });
    const required = attrs.items.filter((a) => a.required);
    expect(attrs.items.slice(0, required.length)).toEqual(required);
    expect(attrs.items.find((a) => a.name === 'Country of Origin')).toMatchObject({ required: true, inputType: 'select', options: expect.arrayContaining([{ id: expect.any(String), name: 'Japan' }]) });
    const parent = await run('catalog.attributes', { storeId: w.storeId, categoryId: mugs!.parentId! });
    expect(parent).toMatchObject({ ok: false, error: { code: 'not_leaf', message: '"Home & Living > Kitchen & Dining" has subcategories; TikTok Shop lists products only in a category without any. Choose one of its subcategories.' } });
    expect(await run('catalog.attributes', { storeId: w.storeId, categoryId: '999' })).toMatchObject({ ok: false, error: { code: 'invalid_category' } });
  });

  it('brands with "No brand" first, searchable; Lazada\'s one list serves every category', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1 });
    const [pots] = (await ok('catalog.categories', { storeId: w.storeId, q: 'plant pots' })).items;
    const brands = await ok('catalog.brands', { storeId: w.storeId, categoryId: pots!.id, pageSize: 5 });
    expect(brands.items[0]).toEqual({ id: '0', name: 'No brand' });
    expect(brands.total).toBe(37);
    expect((await ok('catalog.brands', { storeId: w.storeId, categoryId: pots!.id, q: 'wil' })).items.map((b) => b.name)).toEqual(['Willow']);
    const [mugs] = (await ok('catalog.categories', { storeId: w.storeId, q: 'kitchen mugs' })).items;
    await ok('catalog.brands', { storeId: w.storeId, categoryId: mugs!.id });
    expect(await calls(w.shopId, '/category/brands/query')).toBe(1);
  });

  it('Shopee logistics channels and TikTok warehouses; platforms without them say so', async () => {
    const shopee = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 3 });
    const channels = await ok('catalog.logistics', { storeId: shopee.storeId });
    expect(channels.items.filter((c) => c.enabled).map((c) => c.name)).toEqual(['Standard Delivery', 'Express Delivery']);
    expect(await ok('catalog.warehouses', { storeId: shopee.storeId })).toEqual({ supported: false, items: [] });
    const tiktok = await setUpStore(db, sim, { platform: 'tiktok', items: 1, seed: 4, skuPrefix: 'TT' });
    expect((await ok('catalog.warehouses', { storeId: tiktok.storeId })).items.map((x) => x.kind)).toEqual(['sales', 'return']);
  });

  it('an unknown store is not_found; a platform that fails with nothing cached is platform_unreachable', async () => {
    expect(await run('catalog.categories', { storeId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 1, seed: 5 });
    await sim.faults({ shopId: w.shopId, errorRate: 1 });
    expect(await run('catalog.categories', { storeId: w.storeId })).toMatchObject({ ok: false, error: { code: 'platform_unreachable', message: expect.stringMatching(/^Could not read the category list from Lazada: the platform could not be reached/) } });
    await sim.faults({});
  });
});
