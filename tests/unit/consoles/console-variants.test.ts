// Sync now of one variant from its own line of a console row (Shopee's expanded models):
// console.status names each variant's platform id; console.act {action:'sync', platformVariantIds}
// pushes only those variants of the one listing, and refuses variants of another listing, several
// listings at once, or ids the store does not have — with a code and a sentence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sender } from '@/lib/commands/define';
import type { ShelfsyncDB } from '@/lib/db/database';
import { ok, raw } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle, setUpStore } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

const fromPage = (url: string): Sender => ({ kind: 'content', url, tabId: 4, frameId: 0 });

describe('Sync now of one variant from the console', () => {
  it('pushes that variant only; refuses what is not one listing\'s own variants', async () => {
    const w = await setUpStore(db, sim, { platform: 'shopee', items: 2, variantsPerItem: 3, seed: 80, skuPrefix: 'VV' });
    const url = ((await sim.control<any[]>('GET', '/__sim/shops')).find((s) => s.shopId === w.shopId) as { consoleUrl: string }).consoleUrl;
    const page = (type: string, payload: unknown) => raw({ type, payload }, fromPage(url));
    await ok('syncRules.create', { name: 'R', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [w.warehouses[0]!], storeIds: [w.storeId] });
    const [item, other] = w.items;
    const itemId = String(item!.itemId);
    const before = await platformStock(sim, w.shopId);

    const status = await page('console.status', { platformItemIds: [itemId] });
    expect(status).toMatchObject({ ok: true, data: { items: [{ platformItemId: itemId, variants: item!.variants.map((v) => expect.objectContaining({ platformVariantId: String(v.variantId), sellerSku: v.sellerSku })) }] } });

    for (const v of item!.variants) await ok('inventory.adjust', { warehouseId: w.warehouses[0]!, sku: v.sellerSku, onHand: 41 });
    // Nothing pushes by itself (auto sync is off for these listings).
    await settle(db);
    expect((await platformStock(sim, w.shopId)).get(item!.variants[1]!.sellerSku)).toBe(before.get(item!.variants[1]!.sellerSku));

    const answer = await page('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: [String(item!.variants[1]!.variantId)] });
    expect(answer).toMatchObject({ ok: true, data: { listings: 1, variants: 1 } });
    await settle(db);
    const after = await platformStock(sim, w.shopId);
    expect(after.get(item!.variants[1]!.sellerSku)).toBe(41);
    expect(after.get(item!.variants[0]!.sellerSku)).toBe(before.get(item!.variants[0]!.sellerSku));
    expect(after.get(item!.variants[2]!.sellerSku)).toBe(before.get(item!.variants[2]!.sellerSku));

    // Another listing's variant, two listings at once, an id of nothing, bad input.
    expect(await page('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: [String(other!.variants[0]!.variantId)] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await page('console.act', { action: 'sync', platformItemIds: [itemId, String(other!.itemId)], platformVariantIds: [String(item!.variants[0]!.variantId)] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await page('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await page('console.act', { action: 'autoSyncOff', platformItemIds: [itemId], platformVariantIds: ['1'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const refused = await page('console.act', { action: 'sync', platformItemIds: [itemId], platformVariantIds: ['999'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/no variant 999/);
  });
});
