// A Shopify shop with several locations, over HTTP against the simulator: Shelfsync downloads,
// pushes and reads back stock at one location — the store's chosen one, else the shop's primary
// one — and the other location keeps its units. What each location holds is read back through
// Shopify's own API (inventoryLevels), not through the adapter under test.
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { PlatformError, type Credentials, type CredentialHolder, type PlatformAdapter, type PlatformEndpoints, type StockUpdate } from '../../lib/platforms/types.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control } = simulatorForFile();

interface Shop {
  shopId: string;
  api: string;
  creds: Credentials;
  adapter(extra?: Partial<PlatformEndpoints>): PlatformAdapter;
}
let seed = 1200;
async function twoLocationShop(): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', items: 0, locations: 2, seed: seed++ });
  const creds = { ...s.credentials, platform: 'shopify' } as Credentials;
  const store: CredentialHolder = { get: () => creds as never, save: async () => {} };
  return { shopId: s.shopId, api: s.apiBaseUrl, creds, adapter: (extra = {}) => createAdapter('shopify', { apiBaseUrl: s.apiBaseUrl, apiVersion: '2026-10', ...extra }, store) };
}

/** `available` per location name, as Shopify's own inventoryLevels answer it. */
async function levels(sh: Shop, variantId: string): Promise<Record<string, number>> {
  const res = await fetch(`${sh.api}/admin/api/2026-10/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': (sh.creds as { accessToken: string }).accessToken },
    body: JSON.stringify({ query: 'query($id: ID!) { productVariant(id: $id) { inventoryQuantity inventoryItem { inventoryLevels(first: 10) { nodes { location { name } quantities(names: ["available"]) { quantity } } } } } }', variables: { id: variantId } }),
  });
  const v = ((await res.json()) as any).data.productVariant;
  return Object.fromEntries(v.inventoryItem.inventoryLevels.nodes.map((n: any) => [n.location.name, n.quantities[0].quantity]));
}

describe('a Shopify shop with two locations syncs one location', () => {
  it('by default the primary one: download, push and read there; the other location untouched', async () => {
    const sh = await twoLocationShop();
    await control('POST', `/__sim/shops/${sh.shopId}/items`, { title: 'Lamp', variants: [{ sellerSku: 'LAMP-1', stock: [5, 40], price: 20 }] });
    const a = sh.adapter();
    const locations = await a.listLocations!();
    expect(locations.map((l) => [l.name, l.primary])).toEqual([['Location 2', false], ['Shop location', true]]);

    const [item] = (await a.listItems()).items;
    const variant = item!.variants[0]!;
    // The primary location's available, not the 45 the shop holds over both.
    expect(variant.stock).toBe(5);
    const update: StockUpdate = { platformItemId: item!.platformItemId, platformVariantId: variant.platformVariantId, sellerSku: 'LAMP-1', quantity: 7, ref: variant.ref };
    expect((await a.setStock([update]))[0]?.ok).toBe(true);
    expect(await levels(sh, variant.platformVariantId)).toEqual({ 'Shop location': 7, 'Location 2': 40 });
    expect(await a.readStock([update])).toEqual([{ platformVariantId: variant.platformVariantId, stock: 7 }]);

    // The engine makes an adapter per push turn: the location is not looked up again each turn.
    const before = (await control('GET', `/__sim/stats?shopId=${encodeURIComponent(sh.shopId)}`)).calls;
    expect((await sh.adapter().setStock([{ ...update, quantity: 8 }]))[0]?.ok).toBe(true);
    const after = (await control('GET', `/__sim/stats?shopId=${encodeURIComponent(sh.shopId)}`)).calls;
    expect(after['graphql:location'] ?? 0).toBe(before['graphql:location'] ?? 0);
    expect(after['graphql:inventorySetQuantities']).toBe(before['graphql:inventorySetQuantities'] + 1);
    expect(await levels(sh, variant.platformVariantId)).toEqual({ 'Shop location': 8, 'Location 2': 40 });
  });

  it('the chosen location when the store names one: the primary keeps its units', async () => {
    const sh = await twoLocationShop();
    await control('POST', `/__sim/shops/${sh.shopId}/items`, { title: 'Desk', variants: [{ sellerSku: 'DESK-1', stock: [5, 40], price: 90 }] });
    const second = (await sh.adapter().listLocations!()).find((l) => !l.primary)!;
    const a = sh.adapter({ locationId: second.id });

    const [item] = (await a.listItems()).items;
    const variant = item!.variants[0]!;
    expect(variant.stock).toBe(40);
    const update: StockUpdate = { platformItemId: item!.platformItemId, platformVariantId: variant.platformVariantId, sellerSku: 'DESK-1', quantity: 12, ref: variant.ref };
    expect((await a.setStock([update]))[0]?.ok).toBe(true);
    expect(await levels(sh, variant.platformVariantId)).toEqual({ 'Shop location': 5, 'Location 2': 12 });
    expect(await a.readStock([update])).toEqual([{ platformVariantId: variant.platformVariantId, stock: 12 }]);
    // The primary location's adapter reads its own, unchanged, number: drift compares like with like.
    expect((await sh.adapter().readStock([update]))[0]?.stock).toBe(5);

    // A new listing's starting stock goes to the chosen location too.
    const created = await a.createListing({ title: 'Chair', description: '', imageUrls: [], price: 30, variants: [{ sellerSku: 'CHAIR-1', price: 30, stock: 3 }] });
    expect(await levels(sh, created.variants[0]!.platformVariantId)).toEqual({ 'Shop location': 0, 'Location 2': 3 });
  });

  it('a chosen location the shop no longer has is refused with a sentence, nothing pushed', async () => {
    const sh = await twoLocationShop();
    await control('POST', `/__sim/shops/${sh.shopId}/items`, { title: 'Rug', variants: [{ sellerSku: 'RUG-1', stock: [2, 2], price: 9 }] });
    const [item] = (await sh.adapter().listItems()).items;
    const v = item!.variants[0]!;
    const gone = sh.adapter({ locationId: 'gid://shopify/Location/999999' });
    const err = await gone.setStock([{ platformItemId: item!.platformItemId, platformVariantId: v.platformVariantId, sellerSku: 'RUG-1', quantity: 1, ref: v.ref }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as PlatformError).kind).toBe('invalid');
    expect((err as PlatformError).message).toContain("no longer in the shop; choose another in the store's settings");
    expect(await levels(sh, v.platformVariantId)).toEqual({ 'Shop location': 2, 'Location 2': 2 });
  });
});
