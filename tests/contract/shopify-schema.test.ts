// The Shopify simulator validates each document against the requested version's schema, as
// generated from Shopify's published introspection (tests/simulator/platforms/shopify-schema/),
// and refuses what Shopify refuses, with Shopify's answer: one document per rule, over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { HELD_VERSIONS, isSupported, servedVersion } from '../simulator/platforms/shopify-versions.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control, clock } = simulatorForFile();
afterEach(() => clock());

interface Shop {
  shopId: string;
  api: string;
  token: string;
}
let seed = 700;
async function makeShop(body: Record<string, unknown> = {}): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', items: 2, seed: seed++, ...body });
  return { shopId: s.shopId, api: s.apiBaseUrl, token: s.credentials.accessToken };
}
async function gql(sh: Shop, version: string, query: string, variables: Record<string, unknown> = {}): Promise<{ body: any; headers: Headers }> {
  const res = await fetch(`${sh.api}/admin/api/${version}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': sh.token },
    body: JSON.stringify({ query, variables }),
  });
  return { body: await res.json(), headers: res.headers };
}
async function firstItem(sh: Shop): Promise<{ inventoryItemId: string; locationId: string; sku: string }> {
  const r = await gql(sh, '2026-10', '{ location { id } products(first: 1) { nodes { variants(first: 1) { nodes { sku inventoryItem { id } } } } } }');
  const v = r.body.data.products.nodes[0].variants.nodes[0];
  return { inventoryItemId: v.inventoryItem.id, locationId: r.body.data.location.id, sku: v.sku };
}
const SET = (directive = ''): string => `mutation Set($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input)${directive} { inventoryAdjustmentGroup { id } userErrors { code field message } } }`;
const setInput = (q: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ input: { name: 'available', reason: 'correction', quantities: [q], ...extra } });
const stockOf = async (sh: Shop, sku: string): Promise<number> => (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`)).flatMap((i) => i.variants).find((v) => v.sellerSku === sku).stock;

describe('versions: supported for 12 months; the rest answered by the oldest supported', () => {
  it('on 2026-12-03 2026-01 … 2026-10 are supported and 2025-10 is not', () => {
    const day = Date.parse('2026-12-03T12:00:00Z');
    expect(HELD_VERSIONS.filter((v) => v !== 'unstable' && isSupported(v, day))).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(servedVersion('2025-10', day)).toBe('2026-01');
    expect(servedVersion('2024-01', day)).toBe('2026-01');
    expect(servedVersion('2026-07', day)).toBe('2026-07');
    // Before 2025-10 left support (2026-10-01, 17:00 UTC) it answered as itself.
    expect(servedVersion('2025-10', Date.parse('2026-10-01T16:59:00Z'))).toBe('2025-10');
  });

  it('a request for 2025-10 today is served by 2026-01 and says so in X-Shopify-API-Version', async () => {
    await clock('2026-12-03T12:00:00Z');
    const sh = await makeShop();
    const it0 = await firstItem(sh);
    const r = await gql(sh, '2025-10', SET(), setInput({ ...it0, sku: undefined, quantity: 4, changeFromQuantity: null }));
    expect(r.headers.get('x-shopify-api-version')).toBe('2026-01');
    // 2026-01's input type has changeFromQuantity: accepted, set.
    expect(r.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(await stockOf(sh, it0.sku)).toBe(4);
  });
});

describe('one refused document per rule', () => {
  it('changeFromQuantity on 2025-10 (while supported): not a field of InventoryQuantityInput; nothing set', async () => {
    await clock('2026-06-01T12:00:00Z');
    const sh = await makeShop();
    const it0 = await firstItem(sh);
    const before = await stockOf(sh, it0.sku);
    const r = await gql(sh, '2025-10', SET(), setInput({ inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity: before + 3, changeFromQuantity: null }));
    expect(r.headers.get('x-shopify-api-version')).toBe('2025-10');
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      {
        message: 'Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.0.changeFromQuantity (Field is not defined on InventoryQuantityInput)',
        locations: [{ line: 1, column: 14 }],
        extensions: { code: 'INVALID_VARIABLE', value: expect.any(Object), problems: [{ path: ['quantities', 0, 'changeFromQuantity'], explanation: 'Field is not defined on InventoryQuantityInput' }] },
      },
    ]);
    expect(await stockOf(sh, it0.sku)).toBe(before);
    // 2025-10's own way: ignoreCompareQuantity, and no @idempotent (the directive does not exist yet).
    const ok = await gql(sh, '2025-10', SET(), setInput({ inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity: before + 3 }, { ignoreCompareQuantity: true }));
    expect(ok.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(await stockOf(sh, it0.sku)).toBe(before + 3);
    const keyed = await gql(sh, '2025-10', SET('@idempotent(key: "k1")'), setInput({ inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity: 1 }, { ignoreCompareQuantity: true }));
    expect(keyed.body.errors[0]).toMatchObject({ message: 'Directive @idempotent is not defined', extensions: { code: 'undefinedDirective' } });
  });

  it.each(['2026-04', '2026-07', '2026-10'])('inventorySetQuantities without @idempotent on %s: BAD_REQUEST, nothing set', async (version) => {
    await clock('2026-12-03T12:00:00Z');
    const sh = await makeShop();
    const it0 = await firstItem(sh);
    const before = await stockOf(sh, it0.sku);
    const q = { inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity: before + 5, changeFromQuantity: null };
    const r = await gql(sh, version, SET(), setInput(q));
    expect(r.body.errors).toEqual([{ message: 'The @idempotent directive is required for this mutation but was not provided.', locations: [{ line: 2, column: 3 }], path: ['inventorySetQuantities'], extensions: { code: 'BAD_REQUEST' } }]);
    expect(r.body.data).toEqual({ inventorySetQuantities: null });
    expect(await stockOf(sh, it0.sku)).toBe(before);
    const ok = await gql(sh, version, SET(`@idempotent(key: "${version}-a")`), setInput(q));
    expect(ok.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(await stockOf(sh, it0.sku)).toBe(before + 5);
  });

  it('an idempotency key is one operation: the same key again changes nothing; with other numbers it is refused', async () => {
    await clock('2026-12-03T12:00:00Z');
    const sh = await makeShop();
    const it0 = await firstItem(sh);
    const q = (quantity: number): Record<string, unknown> => setInput({ inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity, changeFromQuantity: null });
    await gql(sh, '2026-10', SET('@idempotent(key: "same")'), q(20));
    const events = (await control<any[]>('GET', `/__sim/shops/${sh.shopId}/stock-events`)).length;
    const again = await gql(sh, '2026-10', SET('@idempotent(key: "same")'), q(20));
    expect(again.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect((await control<any[]>('GET', `/__sim/shops/${sh.shopId}/stock-events`)).length).toBe(events);
    const other = await gql(sh, '2026-10', SET('@idempotent(key: "same")'), q(21));
    expect(other.body.data.inventorySetQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
    expect(await stockOf(sh, it0.sku)).toBe(20);
  });

  it("a field the version does not have: undefinedField, with Shopify's message", async () => {
    const sh = await makeShop();
    const r = await gql(sh, '2026-10', '{ products(first: 1) { nodes { id stock } } }');
    expect(r.body.errors).toEqual([{ message: "Field 'stock' doesn't exist on type 'Product'", locations: [{ line: 1, column: 35 }], path: ['query', 'products', 'nodes', 'stock'], extensions: { code: 'undefinedField', typeName: 'Product', fieldName: 'stock' } }]);
  });

  it('an input field that left the schema: ignoreCompareQuantity on 2026-04 (removed there)', async () => {
    const sh = await makeShop();
    const it0 = await firstItem(sh);
    const r = await gql(sh, '2026-04', SET('@idempotent(key: "x")'), setInput({ inventoryItemId: it0.inventoryItemId, locationId: it0.locationId, quantity: 1, changeFromQuantity: null }, { ignoreCompareQuantity: true }));
    expect(r.body.errors[0]).toMatchObject({ message: expect.stringContaining('ignoreCompareQuantity (Field is not defined on InventorySetQuantitiesInput)'), extensions: { code: 'INVALID_VARIABLE' } });
  });

  it('a required argument missing, a variable of the wrong type, a literal input field the type lacks', async () => {
    const sh = await makeShop();
    const missing = await gql(sh, '2026-10', '{ product { id } }');
    expect(missing.body.errors[0]).toMatchObject({ message: "Field 'product' is missing required arguments: id", extensions: { code: 'missingRequiredArguments' } });
    const mismatch = await gql(sh, '2026-10', 'query($n: String) { products(first: $n) { nodes { id } } }', { n: '3' });
    expect(mismatch.body.errors[0]).toMatchObject({ message: 'Type mismatch on variable $n and argument first (String / Int)', extensions: { code: 'variableMismatch' } });
    const literal = await gql(sh, '2026-10', 'mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/1", quantity: 1, compareQuantity: 1}]}) @idempotent(key: "l") { userErrors { code } } }');
    expect(literal.body.errors[0]).toMatchObject({ message: "InputObject 'InventoryQuantityInput' doesn't accept argument 'compareQuantity'", extensions: { code: 'argumentNotAccepted' } });
    const noQuantity = await gql(sh, '2026-10', 'mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/1"}]}) @idempotent(key: "l") { userErrors { code } } }');
    expect(noQuantity.body.errors[0]).toMatchObject({ message: "Argument 'quantity' on InputObject 'InventoryQuantityInput' is required. Expected type Int!", extensions: { code: 'missingRequiredInputObjectAttribute' } });
  });

  it('a field Shopify has that the simulator does not serve is said so, not denied', async () => {
    const sh = await makeShop();
    const r = await gql(sh, '2026-10', '{ shop { billingAddress { city } } }');
    expect(r.body.errors[0]).toMatchObject({ extensions: { code: 'SIMULATOR_UNSUPPORTED', typeName: 'Shop', fieldName: 'billingAddress' } });
  });

  it('a deprecated field is answered with X-Shopify-API-Deprecated-Reason', async () => {
    const sh = await makeShop();
    const old = await gql(sh, '2026-10', '{ products(first: 1) { nodes { featuredImage { url } } } }');
    expect(old.headers.get('x-shopify-api-deprecated-reason')).toBe('Product.featuredImage: Use `featuredMedia` instead.');
    const now = await gql(sh, '2026-10', '{ products(first: 1) { nodes { featuredMedia { preview { image { url } } } } } }');
    expect(now.headers.get('x-shopify-api-deprecated-reason')).toBeNull();
    expect(now.body.data.products.nodes[0].featuredMedia.preview.image.url).toBe(old.body.data.products.nodes[0].featuredImage.url);
  });
});

describe('locations as Shopify lists them', () => {
  it('locations(first:) is sorted by name, so its first node is not the primary; location without an id is', async () => {
    const sh = await makeShop({ locations: 2 });
    const r = await gql(sh, '2026-10', '{ location { id name } locations(first: 5) { nodes { id name } } }');
    expect(r.body.data.locations.nodes.map((l: any) => l.name)).toEqual(['Location 2', 'Shop location']);
    expect(r.body.data.location.name).toBe('Shop location');
    expect(r.body.data.locations.nodes[0].id).not.toBe(r.body.data.location.id);
  });
});
