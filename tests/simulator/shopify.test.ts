import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { approve, ctl, http, newShop, sim } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
interface Shop {
  shopId: string;
  api: string;
  token: string;
}
async function shop(opts: Record<string, unknown> = {}): Promise<Shop> {
  const sh = await newShop(s, { platform: 'shopify', items: 30, ...opts });
  return { shopId: sh.shopId, api: sh.apiBaseUrl, token: sh.credentials.accessToken };
}
function gql(sh: Shop, query: string, variables?: unknown, opts: { token?: string; version?: string } = {}): Promise<any> {
  return http(`${sh.api}/admin/api/${opts.version ?? '2025-10'}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': opts.token ?? sh.token },
    body: JSON.stringify({ query, variables }),
  });
}
const PRODUCTS = `query($first: Int!, $cursor: String, $q: String) {
  products(first: $first, after: $cursor, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes { id title status updatedAt featuredImage { url }
      variants(first: 10) { nodes { id sku price inventoryQuantity inventoryItem { id } } } } } }`;

describe('shopify graphql', () => {
  it('401 on a bad token; 404 on an unknown shop', async () => {
    const sh = await shop({ items: 1 });
    const r = await gql(sh, '{ shop { name } }', undefined, { token: 'shpat_nope' });
    expect(r.status).toBe(401);
    expect(r.body.errors).toContain('Invalid API key or access token');
    expect((await http(`${s.url}/shopify/none.myshopify.com/admin/api/2025-10/graphql.json`, { method: 'POST' })).status).toBe(404);
  });

  it('products with variables and cursors; GIDs; extensions.cost on every answer', async () => {
    const sh = await shop({ items: 45, variantsPerItem: 2 });
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await gql(sh, PRODUCTS, { first: 20, cursor });
      expect(r.body.errors).toBeUndefined();
      const c = r.body.extensions.cost;
      expect(c).toMatchObject({ requestedQueryCost: 2 + 20 * (1 + 1 + 2 + 10 * 2), throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } });
      expect(c.actualQueryCost).toBeLessThanOrEqual(c.requestedQueryCost);
      const p = r.body.data.products;
      ids.push(...p.nodes.map((n: any) => n.id));
      cursor = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(45);
    expect(ids[0]).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    const first = (await gql(sh, PRODUCTS, { first: 1 })).body.data.products.nodes[0];
    const ctlItem = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body[0];
    expect(first.id).toBe(ctlItem.itemId);
    expect(first.variants.nodes[0]).toMatchObject({ id: ctlItem.variants[0].variantId, sku: ctlItem.variants[0].sellerSku, inventoryQuantity: ctlItem.variants[0].stock, price: ctlItem.variants[0].price.toFixed(2) });
    expect(first.variants.nodes[0].inventoryItem.id).toMatch(/^gid:\/\/shopify\/InventoryItem\/\d+$/);
  });

  it('first > 250 is refused; missing first/last refused; unknown fields refused', async () => {
    const sh = await shop({ items: 1 });
    const big = await gql(sh, '{ products(first: 251) { nodes { id } } }');
    expect(big.body.data).toBeUndefined();
    expect(big.body.errors[0].message).toContain('250');
    expect((await gql(sh, '{ products { nodes { id } } }')).body.errors[0].message).toBe('you must provide one of first or last');
    const unk = await gql(sh, '{ products(first: 1) { nodes { id stock } } }');
    expect(unk.body.errors[0]).toMatchObject({ message: "Field 'stock' doesn't exist on type 'Product'", extensions: { code: 'undefinedField' } });
    expect((await gql(sh, '{ products(first: 1) { nodes { id ')).body.errors[0].message).toContain('Parse error');
  });

  it('query updated_at:>ISO filters incrementally (second precision)', async () => {
    const sh = await shop({ items: 20 });
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    const since = new Date(Date.now() + 5000).toISOString().replace(/\.\d+Z$/, 'Z');
    await ctl(s, 'POST', '/clock', { advanceMs: 10_000 });
    await ctl(s, 'PATCH', `/shops/${encodeURIComponent(sh.shopId)}/items/${encodeURIComponent(items[4].itemId)}`, { title: 'changed' });
    await ctl(s, 'POST', '/clock', { offsetMs: 0 });
    const r = await gql(sh, PRODUCTS, { first: 30, q: `updated_at:>'${since}'` });
    expect(r.body.data.products.nodes.map((n: any) => n.id)).toEqual([items[4].itemId]);
    const active = await gql(sh, '{ productsCount(query: "status:active") { count } }');
    expect(active.body.data.productsCount.count).toBe(items.filter((i: any) => i.status === 'ACTIVE').length);
  });

  it('nested connections multiply cost: 100 × 100 exceeds the single query max (1000)', async () => {
    const sh = await shop({ items: 1 });
    const r = await gql(sh, '{ products(first: 100) { nodes { id variants(first: 100) { nodes { id sku } } } } }');
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 1000 });
    expect(r.body.errors[0].extensions.cost).toBe(2 + 100 * (1 + 2 + 100));
  });

  it('leaky bucket: 2000 points, restores 100/s; throttled answer is THROTTLED', async () => {
    const sh = await shop({ items: 100 });
    const q = '{ products(first: 80) { nodes { id variants(first: 9) { nodes { id } } } } }'; // 2 + 80 × (1 + 2 + 9) = 962
    const a = await gql(sh, q);
    expect(a.body.extensions.cost.requestedQueryCost).toBe(962);
    // the difference to the actual cost (80 products × 1 variant) is refunded
    expect(a.body.extensions.cost.actualQueryCost).toBe(2 + 80 * (1 + 2 + 1));
    expect(a.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(2000 - 322 + 10);
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await gql(sh, q));
    const throttled = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'THROTTLED');
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0].status).toBe(200);
    expect(throttled[0].body).toMatchObject({ errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] });
    expect(throttled[0].body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(962);
    // waiting (requested − available) / restoreRate seconds is enough
    const st = throttled[throttled.length - 1].body.extensions.cost.throttleStatus;
    await new Promise((r) => setTimeout(r, ((962 - st.currentlyAvailable) / st.restoreRate) * 1000 + 50));
    expect((await gql(sh, q)).body.errors).toBeUndefined();
  });

  it('inventorySetQuantities: ≤ 250 quantities, absolute; userErrors apply nothing', async () => {
    const sh = await shop({ items: 3, variantsPerItem: 2 });
    const loc = (await gql(sh, '{ locations(first: 5) { nodes { id name } } }')).body.data.locations.nodes[0].id;
    const prods = (await gql(sh, PRODUCTS, { first: 3 })).body.data.products.nodes;
    const inv = prods.flatMap((p: any) => p.variants.nodes.map((v: any) => v.inventoryItem.id));
    const M = `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id changes { name delta } } userErrors { code field message } } }`;
    const input = (qs: any[]): any => ({ input: { name: 'available', reason: 'correction', quantities: qs } });
    const ok = await gql(sh, M, input(inv.map((id: string, i: number) => ({ inventoryItemId: id, locationId: loc, quantity: 10 + i, changeFromQuantity: null }))));
    expect(ok.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(ok.body.data.inventorySetQuantities.inventoryAdjustmentGroup.id).toMatch(/^gid:\/\/shopify\/InventoryAdjustmentGroup\//);
    expect(ok.body.extensions.cost.requestedQueryCost).toBeGreaterThanOrEqual(10);
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    expect(items.flatMap((i: any) => i.variants.map((v: any) => v.stock))).toEqual([10, 11, 12, 13, 14, 15]);
    const sku = items[0].variants[1].sellerSku;
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rejectSkus: [sku] });
    const part = await gql(sh, M, input(inv.map((id: string) => ({ inventoryItemId: id, locationId: loc, quantity: 1, changeFromQuantity: null }))));
    expect(part.body.data.inventorySetQuantities.inventoryAdjustmentGroup).toBeNull();
    expect(part.body.data.inventorySetQuantities.userErrors).toEqual([{ code: 'NON_MUTABLE_INVENTORY_ITEM', field: ['input', 'quantities', '1', 'inventoryItemId'], message: expect.any(String) }]);
    expect((await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body[0].variants.map((v: any) => v.stock)).toEqual([10, 11]);
    const over = await gql(sh, M, input(Array.from({ length: 251 }, () => ({ inventoryItemId: inv[0], locationId: loc, quantity: 1, changeFromQuantity: null }))));
    expect(over.body.errors[0]).toMatchObject({ extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } });
    const badLoc = await gql(sh, M, input([{ inventoryItemId: inv[0], locationId: 'gid://shopify/Location/1', quantity: 1, changeFromQuantity: null }]));
    expect(badLoc.body.data.inventorySetQuantities.userErrors[0].code).toBe('INVALID_LOCATION');
    const stale = await gql(sh, M, input([{ inventoryItemId: inv[2], locationId: loc, quantity: 1, changeFromQuantity: 999 }]));
    expect(stale.body.data.inventorySetQuantities.userErrors[0].code).toBe('CHANGE_FROM_QUANTITY_STALE');
    // from 2026-04 changeFromQuantity must be present (and the mutation needs @idempotent)
    const M26 = M.replace('inventorySetQuantities(input: $input)', 'inventorySetQuantities(input: $input) @idempotent(key: "k-26")');
    const v26 = await gql(sh, M26, input([{ inventoryItemId: inv[2], locationId: loc, quantity: 1 }]), { version: '2026-04' });
    expect(v26.body.data.inventorySetQuantities.userErrors[0].field).toEqual(['input', 'quantities', '0', 'changeFromQuantity']);
    const missingVar = await gql(sh, M, {});
    expect(missingVar.body.errors[0].extensions.code).toBe('INVALID_VARIABLE');
  });

  it('productSet creates a product with variants and stock', async () => {
    const sh = await shop({ items: 0 });
    const loc = (await gql(sh, '{ locations(first: 1) { nodes { id } } }')).body.data.locations.nodes[0].id;
    const M = `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id title variants(first: 5) { nodes { sku inventoryQuantity } } } userErrors { code field message } } }`;
    const r = await gql(sh, M, {
      input: {
        title: 'Hoodie',
        productOptions: [{ name: 'Size', values: [{ name: 'S' }, { name: 'M' }] }],
        variants: [
          { optionValues: [{ optionName: 'Size', name: 'S' }], sku: 'H-S', price: '30.00', inventoryQuantities: [{ locationId: loc, name: 'available', quantity: 4 }] },
          { optionValues: [{ optionName: 'Size', name: 'M' }], inventoryItem: { sku: 'H-M' }, price: '30.00', inventoryQuantities: [{ locationId: loc, name: 'available', quantity: 6 }] },
        ],
      },
    });
    expect(r.body.data.productSet.userErrors).toEqual([]);
    expect(r.body.data.productSet.product.variants.nodes).toEqual([{ sku: 'H-S', inventoryQuantity: 4 }, { sku: 'H-M', inventoryQuantity: 6 }]);
    const dup = await gql(sh, M, { input: { title: 'X', productOptions: [{ name: 'Size', values: [{ name: 'S' }] }], variants: [{ optionValues: [{ optionName: 'Size', name: 'S' }], price: '1' }, { optionValues: [{ optionName: 'Size', name: 'S' }], price: '1' }] } });
    expect(dup.body.data.productSet.userErrors[0].code).toBe('DUPLICATE_VARIANT');
  });
});

describe('shopify more operations', () => {
  it('productCreate + productVariantsBulkCreate; productVariants by sku; inventory levels', async () => {
    const sh = await shop({ items: 2 });
    const loc = (await gql(sh, '{ locations(first: 1) { nodes { id } } }')).body.data.locations.nodes[0].id;
    const c = await gql(sh, 'mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { id variants(first: 5) { nodes { id title } } } userErrors { field message } } }', { p: { title: 'Bag' } });
    const pid = c.body.data.productCreate.product.id;
    expect(c.body.data.productCreate.product.variants.nodes[0].title).toBe('Default Title');
    const b = await gql(sh, 'mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { sku inventoryQuantity } userErrors { code message } } }', {
      id: pid,
      v: [{ optionValues: [{ optionName: 'Color', name: 'Red' }], price: '20.00', inventoryItem: { sku: 'BAG-R' }, inventoryQuantities: [{ locationId: loc, availableQuantity: 7 }] }],
    });
    expect(b.body.data.productVariantsBulkCreate).toEqual({ productVariants: [{ sku: 'BAG-R', inventoryQuantity: 7 }], userErrors: [] });
    const v = await gql(sh, '{ productVariants(first: 5, query: "sku:BAG-R") { nodes { id product { id } inventoryItem { inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } } } } } }');
    const node = v.body.data.productVariants.nodes[0];
    expect(node.product.id).toBe(pid);
    expect(node.inventoryItem.inventoryLevels.nodes[0]).toEqual({ location: { id: loc }, quantities: [{ name: 'available', quantity: 7 }, { name: 'on_hand', quantity: 7 }] });
    const items = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
    expect(items.find((i: any) => i.itemId === pid).variants).toEqual([expect.objectContaining({ sellerSku: 'BAG-R', stock: 7 })]);
  });
});

describe('shopify OAuth', () => {
  it('authorize → approve → hmac verifies → code exchange (single use)', async () => {
    const sh = await shop({ items: 2 });
    const app = (await ctl(s, 'POST', '/apps', { platform: 'shopify', redirectUri: 'https://abc.chromiumapp.org/shopify' })).body;
    const url = `${sh.api}/admin/oauth/authorize?client_id=${app.clientId}&scope=read_products,write_inventory&redirect_uri=${encodeURIComponent(app.redirectUri)}&state=nonce123`;
    const { location } = await approve(url);
    const back = new URL(location);
    const params = Object.fromEntries(back.searchParams);
    expect(Object.keys(params).sort()).toEqual(['code', 'hmac', 'host', 'shop', 'state', 'timestamp']);
    expect(params.shop).toBe(sh.shopId);
    expect(params.state).toBe('nonce123');
    const { hmac, ...rest } = params;
    const msg = Object.keys(rest).sort().map((k) => `${k}=${rest[k]}`).join('&');
    expect(createHmac('sha256', app.clientSecret).update(msg).digest('hex')).toBe(hmac);
    const ex = (body: unknown): Promise<any> => http(`${sh.api}/admin/oauth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await ex({ client_id: app.clientId, client_secret: 'wrong', code: params.code })).status).toBe(400);
    const tok = await ex({ client_id: app.clientId, client_secret: app.clientSecret, code: params.code });
    expect(tok.status).toBe(200);
    expect(tok.body.access_token).toMatch(/^shpat_/);
    expect((await ex({ client_id: app.clientId, client_secret: app.clientSecret, code: params.code })).body.error).toBe('invalid_request');
    expect((await gql(sh, '{ shop { name myshopifyDomain } }', undefined, { token: tok.body.access_token })).body.data.shop.myshopifyDomain).toBe(sh.shopId);
    // the token is for this shop only
    const other = await shop({ items: 0 });
    expect((await gql(other, '{ shop { name } }', undefined, { token: tok.body.access_token })).status).toBe(401);
  });

  it('expireTokens revokes (Shopify offline tokens do not expire) → 401', async () => {
    const sh = await shop({ items: 0 });
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await gql(sh, '{ shop { name } }')).status).toBe(401);
  });
});
