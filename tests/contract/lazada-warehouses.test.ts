// A Lazada seller with several warehouses (lazada.md: stock per `warehouseCode`): Shelfsync reads
// and writes the first warehouse Lazada lists for the SKU, through MultiWarehouseInventories, and
// never moves the units in the others. Over HTTP against the simulator.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import type { Credentials, PlatformItem } from '../../lib/platforms/types.ts';

let sim: { url: string; close(): unknown };
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(sim.url + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function shopWith(locations: number) {
  const s = await control<{ shopId: string; apiBaseUrl: string; credentials: Record<string, unknown> }>('POST', '/__sim/shops', { platform: 'lazada', items: 0, seed: 11, locations });
  await control('POST', `/__sim/shops/${s.shopId}/items`, { title: 'Two warehouses', variants: [{ sellerSku: 'MW-1', stock: locations > 1 ? [5, 8] : 5, price: 10 }] });
  let creds = { ...s.credentials, platform: 'lazada' } as Credentials;
  const adapter = createAdapter('lazada', { apiBaseUrl: s.apiBaseUrl }, { get: () => creds as never, save: async (c) => void (creds = c) });
  const total = async () => (await control<{ variants: { sellerSku: string; stock: number }[] }[]>('GET', `/__sim/shops/${s.shopId}/items`))[0]!.variants[0]!.stock;
  const listed = async () => {
    const items: PlatformItem[] = [];
    for (let cursor: string | null = null; ;) {
      const page = await adapter.listItems({ cursor });
      items.push(...page.items);
      if (!(cursor = page.nextCursor)) break;
    }
    return items.flatMap((i) => i.variants.map((v) => ({ ...v, platformItemId: i.platformItemId })))[0]!;
  };
  return { adapter, total, listed };
}

it('several warehouses: the first one is read and written alone; the other keeps its units', async () => {
  const { adapter, total, listed } = await shopWith(2);
  const v = await listed();
  expect(v.stock).toBe(5); // the synced warehouse, not the 13 over both
  expect(v.ref).toMatchObject({ warehouseCodes: ['dropshipping', 'wh-2'] });

  const results = await adapter.setStock([{ platformItemId: v.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, quantity: 9, ref: v.ref }]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await total()).toBe(9 + 8);
  expect(await adapter.readStock([{ platformItemId: v.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, ref: v.ref }])).toEqual([{ platformVariantId: v.platformVariantId, stock: 9 }]);
});

it('one warehouse: the plain Quantity, as before', async () => {
  const { adapter, total, listed } = await shopWith(1);
  const v = await listed();
  expect(v.stock).toBe(5);
  const results = await adapter.setStock([{ platformItemId: v.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, quantity: 2, ref: v.ref }]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await total()).toBe(2);
});
