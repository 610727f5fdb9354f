// drafts.setMany: the bulk "set category / brand / attribute for the selected drafts" of To be
// published — fifty copies to a new marketplace take one choice, not fifty.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
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

describe('drafts.setMany', () => {
  it('sets the category, brand and channels on every chosen draft, merges attributes by id, leaves one being released alone', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 3, seed: 90 });
    const { drafts } = await ok('drafts.fromProducts', { storeId: w.storeId, productIds: [...w.products.values()] });
    const ids = drafts.map((d) => d.id);
    const [mugs] = (await ok('catalog.categories', { storeId: w.storeId, q: 'kitchen mugs' })).items;
    const required = (await ok('catalog.attributes', { storeId: w.storeId, categoryId: mugs!.id })).items.filter((a) => a.required);
    const [brand] = (await ok('catalog.brands', { storeId: w.storeId, categoryId: mugs!.id, q: 'aurora' })).items;
    const channels = (await ok('catalog.logistics', { storeId: w.storeId })).items.filter((c) => c.enabled).map((c) => c.id);
    // One draft already has its own Material; another is being released.
    const first = await ok('drafts.get', { id: ids[0]! });
    await ok('drafts.update', { id: first.id, version: first.version, attributes: [{ id: 'keep-me', value: 'x' }] });
    await db.drafts.update(ids[2]!, { status: 'publishing' });

    const answer = await ok('drafts.setMany', {
      draftIds: [...ids, 999], categoryId: mugs!.id, brandId: brand!.id, brand: brand!.name, logisticsChannelIds: channels,
      attributes: required.map((a) => ({ id: a.id, value: a.options[0]?.id ?? '2' })),
    });
    expect(answer.updated).toEqual(ids.slice(0, 2));
    expect(answer.skipped.map((s) => [s.id, s.code])).toEqual([[ids[2], 'conflict'], [999, 'not_found']]);
    for (const id of ids.slice(0, 2)) {
      const d = await ok('drafts.get', { id });
      expect(d).toMatchObject({ categoryId: mugs!.id, brandId: brand!.id, brand: 'Aurora', logisticsChannelIds: channels });
      expect(d.validation.filter((v) => v.field.startsWith('attributes.') || ['categoryId', 'brand', 'logistics'].includes(v.field))).toEqual([]);
    }
    expect((await ok('drafts.get', { id: ids[0]! })).attributes!.map((a) => a.id)).toEqual(['keep-me', ...required.map((a) => a.id)]);
    expect((await db.drafts.get(ids[2]!))?.categoryId).toBeNull();

    // An empty value removes that attribute from each.
    await ok('drafts.setMany', { draftIds: ids.slice(0, 2), attributes: [{ id: 'keep-me', value: '' }] });
    expect((await ok('drafts.get', { id: ids[0]! })).attributes!.map((a) => a.id)).toEqual(required.map((a) => a.id));
    // An open edit page's version is stale now: its next save is refused, not lost over this.
    expect(await run('drafts.update', { id: ids[1]!, version: 1, title: 'Old tab' })).toMatchObject({ ok: false, error: { code: 'version_conflict' } });
  });

  it('refuses bad input with invalid_input', async () => {
    expect(await run('drafts.setMany', { draftIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await run('drafts.setMany', { draftIds: [1], attributes: [{ id: 'a', value: 'x' }, { id: 'a', value: 'y' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
