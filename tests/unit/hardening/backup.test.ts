import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, setUpStore } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());

describe('backup', () => {
  it('exports the whole database and imports it into a fresh profile, credentials sealed with a passphrase', async () => {
    let db = await freshWorld();
    const w = await setUpStore(db, sim, { platform: 'tiktok', items: 5, variantsPerItem: 2, seed: 80 });
    await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: w.items[0]!.variants[0]!.sellerSku, onHand: 12 });
    await ok('syncRules.create', { name: 'Keep me', inventoryType: 'sellable_in_transit', ratioPercent: 75, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
    const counts = async () => Object.fromEntries(await Promise.all(['products', 'warehouses', 'stockLevels', 'movements', 'stores', 'storeProducts', 'storeVariants', 'syncRules', 'ruleStores'].map(async (t) => [t, await db.table(t).count()])));
    const before = await counts();
    const exported = await ok('backup.export', { passphrase: 'correct horse battery' });
    expect(exported.json).not.toMatch(/"accessToken"/);
    const shop = (await sim.control<any[]>('GET', '/__sim/shops')).find((s) => s.shopId === w.shopId);
    expect(exported.json).not.toContain(shop.credentials.accessToken);
    expect(exported.json).not.toContain(shop.credentials.appSecret);

    db = await freshWorld(); // a fresh profile: new database, new credential key
    expect(await run('backup.import', { json: exported.json })).toMatchObject({ ok: false, error: { code: 'passphrase_needed' } });
    expect(await run('backup.import', { json: exported.json, passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(await db.products.count()).toBe(0);
    const imported = await ok('backup.import', { json: exported.json, passphrase: 'correct horse battery' });
    expect(imported).toMatchObject({ stores: 1, storesWithCredentials: 1 });
    expect(await counts()).toEqual(before);
    expect(await ok('stores.test', { id: w.storeId })).toMatchObject({ ok: true });
    const level = (await ok('inventory.list', { sku: w.items[0]!.variants[0]!.sellerSku })).items[0];
    expect(level).toMatchObject({ onHand: 12 });
    expect((await ok('syncRules.list', {})).items[0]).toMatchObject({ name: 'Keep me', ratioPercent: 75 });
    expect(await run('backup.import', { json: exported.json, passphrase: 'correct horse battery' })).toMatchObject({ ok: false, error: { code: 'not_empty' } });
  });

  it('without a passphrase the stores come back needing re-authorization; a foreign file is refused', async () => {
    let db = await freshWorld();
    await setUpStore(db, sim, { platform: 'shopify', items: 1, seed: 81 });
    const { json } = await ok('backup.export', {});
    db = await freshWorld();
    expect(await ok('backup.import', { json })).toMatchObject({ storesWithCredentials: 0 });
    expect((await db.stores.toArray())[0]?.status).toBe('needs_reauthorization');
    db = await freshWorld();
    expect(await run('backup.import', { json: '{"format":"other"}' })).toMatchObject({ ok: false, error: { code: 'invalid_backup' } });
    expect(await run('backup.import', { json: 'not json' })).toMatchObject({ ok: false, error: { code: 'invalid_backup' } });
  });
});
