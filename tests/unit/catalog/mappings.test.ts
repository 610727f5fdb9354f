// catalog.suggestCategory / catalog.rememberCategory: where a copy goes in the destination's tree —
// the seller's last choice for the same source category between the same two stores, else the
// leaves sharing the most words with the source category's path (or the title without one).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { suggestLeaves, wordsOf } from '@/lib/catalog/mappings';
import { treeOf } from '@/lib/catalog/catalog';
import { ok, run } from '../../helpers/background';
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

describe('words', () => {
  it('compares words without case, plural s or filler words, the leaf\'s own name counting double', () => {
    expect(wordsOf('Bags & Travel > Handbags > Tote Bags')).toEqual(['bag', 'travel', 'handbag', 'tote', 'bag']);
    const tree = treeOf([
      { id: '1', parentId: null, name: 'Bags', leaf: false },
      { id: '2', parentId: '1', name: 'Tote Bags', leaf: true },
      { id: '3', parentId: '1', name: 'Wallets', leaf: true },
      { id: '4', parentId: null, name: 'Totes and more', leaf: false },
      { id: '5', parentId: '4', name: 'Other', leaf: true },
    ]);
    expect(suggestLeaves(tree.list, 'canvas tote bag').map((s) => [s.node.id, s.score])).toEqual([['2', 4], ['3', 1], ['5', 1]]);
    expect(suggestLeaves(tree.list, 'and the')).toEqual([]);
  });
});

describe('catalog.suggestCategory and catalog.rememberCategory', () => {
  it('suggests by the source category\'s words, then offers the category the seller chose last time for that source category and store pair', async () => {
    const lazada = await setUpStore(db, sim, { platform: 'lazada', items: 2, seed: 31 });
    const shopee = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 32, skuPrefix: 'DST' });
    const [tote] = (await ok('catalog.categories', { storeId: lazada.storeId, q: 'tote bags' })).items;
    const listings = await db.storeProducts.where('storeId').equals(lazada.storeId).toArray();
    for (const l of listings) await db.storeProducts.update(l.id, { extra: { ...(l.extra ?? {}), primaryCategory: Number(tote!.id) } });
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: listings.map((l) => l.id), destinationStoreIds: [shopee.storeId] });

    const first = await ok('catalog.suggestCategory', { draftId: drafts[0]!.id });
    expect(first).toMatchObject({ supported: true, current: null, remembered: null, source: { storeId: lazada.storeId, categoryId: tote!.id, path: ['Bags & Travel', 'Handbags', 'Tote Bags'], by: 'category' } });
    expect(first.suggestions[0]).toMatchObject({ name: 'Tote Bags', path: ['Bags & Travel', 'Handbags', 'Tote Bags'] });
    // Shopee numbers its categories its own way: the suggestion is Shopee's leaf, not Lazada's id.
    const shopeeTote = (await ok('catalog.categories', { storeId: shopee.storeId, q: 'tote bags' })).items[0]!;
    expect(first.suggestions[0]!.id).toBe(shopeeTote.id);

    // The seller picks another leaf: the next copy of that Lazada category offers it first.
    const [shoulder] = (await ok('catalog.categories', { storeId: shopee.storeId, q: 'shoulder bags' })).items;
    const d0 = await ok('drafts.get', { id: drafts[0]!.id });
    await ok('drafts.update', { id: d0.id, version: d0.version, categoryId: shoulder!.id });
    expect(await ok('catalog.rememberCategory', { draftId: drafts[0]!.id, categoryId: shoulder!.id })).toEqual({ remembered: true, sourceCategoryId: tote!.id });
    const next = await ok('catalog.suggestCategory', { draftId: drafts[1]!.id });
    expect(next.remembered).toEqual({ id: shoulder!.id, name: 'Shoulder Bags', path: ['Bags & Travel', 'Handbags', 'Shoulder Bags'] });
    // The first copy now names that category: answered with its path for the picker.
    expect((await ok('catalog.suggestCategory', { draftId: drafts[0]!.id })).current).toEqual({ id: shoulder!.id, name: 'Shoulder Bags', path: ['Bags & Travel', 'Handbags', 'Shoulder Bags'], leaf: true });
        // Kept in Dexie for that store pair only.
    expect(await db.settings.get(`categoryMap:${lazada.storeId}:${shopee.storeId}`)).toMatchObject({ value: { [tote!.id]: { categoryId: shoulder!.id } } });

    // Only a leaf is remembered; a category the store does not have is refused with a code.
    const handbags = (await ok('catalog.categories', { storeId: shopee.storeId, q: 'handbags' })).items.find((c) => !c.leaf)!;
    expect(await run('catalog.rememberCategory', { draftId: drafts[1]!.id, categoryId: handbags.id })).toMatchObject({ ok: false, error: { code: 'not_leaf' } });
    expect(await run('catalog.rememberCategory', { draftId: drafts[1]!.id, categoryId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_category' } });
    expect(await run('catalog.suggestCategory', { draftId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a copy from a platform without categories is suggested by its title, and nothing is remembered for it', async () => {
    const shopify = await setUpStore(db, sim, { platform: 'shopify', items: 1, seed: 33 });
    const shopee = await setUpStore(db, sim, { platform: 'shopee', items: 1, seed: 34, skuPrefix: 'DST' });
    const [listing] = await db.storeProducts.where('storeId').equals(shopify.storeId).toArray();
    await db.storeProducts.update(listing!.id, { title: 'Ceramic Coffee Mug 350ml' });
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: [listing!.id], destinationStoreIds: [shopee.storeId] });
    const s = await ok('catalog.suggestCategory', { draftId: drafts[0]!.id });
    expect(s.source).toMatchObject({ categoryId: null, by: 'title' });
    expect(s.suggestions[0]).toMatchObject({ path: ['Home & Living', 'Kitchen & Dining', 'Mugs'] });
    expect(await ok('catalog.rememberCategory', { draftId: drafts[0]!.id, categoryId: s.suggestions[0]!.id })).toEqual({ remembered: false, reason: 'no_source_category' });
    // A Shopify destination has no category tree to suggest from.
    const back = await ok('storeProducts.clone', { storeProductIds: [listing!.id], destinationStoreIds: [shopify.storeId] });
    expect(await ok('catalog.suggestCategory', { draftId: back.drafts[0]!.id })).toEqual({ supported: false, current: null, source: null, remembered: null, suggestions: [] });
  });
});
