import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ShelfsyncDB } from '@/lib/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '@/lib/db/versions';

describe('schema upgrades', () => {
  it('upgrades a filled version-1 database to the latest without losing a row', async () => {
    const name = 'upgrade-from-v1';
    await Dexie.delete(name);
    const v1 = new ShelfsyncDB(name, { upTo: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('warehouses').bulkAdd([{ name: 'Main', code: 'MAIN' }, { name: 'Overflow', code: 'OVF' }]);
    // Version 1 compared SKUs as typed: these three were allowed to coexist.
    await v1.table('products').bulkAdd([
      { sku: 'AB-1', name: 'Blue mug' },
      { sku: 'ab-1 ', name: 'Blue mug (typo)' },
      { sku: 'CD-2', name: 'Red mug' },
    ]);
    v1.close();

    const latest = new ShelfsyncDB(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    const products = await latest.products.orderBy('id').toArray();
    expect(products.map((p) => [p.sku, p.skuKey, p.name])).toEqual([
      ['AB-1', 'ab-1', 'Blue mug'],
      ['ab-1 ', `ab-1#duplicate-${products[1]!.id}`, 'Blue mug (typo)'],
      ['CD-2', 'cd-2', 'Red mug'],
    ]);
    expect(products.every((p) => p.price === null && typeof p.createdAt === 'number')).toBe(true);
    expect(await latest.products.where('skuKey').equals('cd-2').count()).toBe(1);
    expect((await latest.warehouses.toArray()).map((w) => w.code)).toEqual(['MAIN', 'OVF']);
    latest.close();
  });

  it('upgrades a version-2 database with stores: every store follows its orders from the upgrade on', async () => {
    const name = 'upgrade-from-v2';
    await Dexie.delete(name);
    const v2 = new ShelfsyncDB(name, { upTo: 2 });
    await v2.open();
    await v2.table('stores').bulkAdd([
      { platform: 'shopee', name: 'S', status: 'active', createdAt: 1, updatedAt: 1 },
      { platform: 'lazada', name: 'L', status: 'disabled', createdAt: 1, updatedAt: 1 },
    ]);
    v2.close();
    const before = Date.now();
    const latest = new ShelfsyncDB(name);
    await latest.open();
    const stores = await latest.stores.orderBy('id').toArray();
    expect(stores.map((s) => s.orders?.enabled)).toEqual([true, false]);
    expect(stores[0]!.orders).toMatchObject({ reserveUnpaid: true, restockReturns: false, intervalSeconds: 30, cursor: null, warehouseId: null });
    expect(stores[0]!.orders!.since).toBeGreaterThanOrEqual(before);
    expect(await latest.orders.count()).toBe(0);
    await latest.orders.add({ storeId: stores[0]!.id, platformOrderId: 'X1', problems: ['unmatched'], unmatchedKeys: ['1|a|b'], updatedAt: 5 } as never);
    expect(await latest.orders.where('unmatchedKeys').equals('1|a|b').count()).toBe(1);
    latest.close();
  });

  it('keeps every released version in order', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
