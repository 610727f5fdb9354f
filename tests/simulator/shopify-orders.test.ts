// Shopify order reads of the simulator: the `orders` query over Admin GraphQL, orders placed and
// moved through the control API, seen through the same endpoint, token and cost as products.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, newShop, sim } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
afterEach(async () => {
  await ctl(s, 'POST', '/faults', {});
  await ctl(s, 'POST', '/clock', { offsetMs: 0 });
});

interface Shop {
  shopId: string;
  api: string;
  token: string;
  items: { itemId: string; variants: { variantId: string; sellerSku: string; stock: number }[] }[];
}
async function shop(items = 3): Promise<Shop> {
  const sh = await newShop(s, { platform: 'shopify', items });
  // Enough stock for every order a test places.
  const list = (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body;
  for (const it of list) await ctl(s, 'PATCH', `/shops/${sh.shopId}/items/${encodeURIComponent(it.itemId)}`, { variants: it.variants.map((v: any) => ({ variantId: v.variantId, stock: 1000 })) });
  return { shopId: sh.shopId, api: sh.apiBaseUrl, token: sh.credentials.accessToken, items: (await ctl(s, 'GET', `/shops/${sh.shopId}/items`)).body };
}
function gql(sh: Shop, query: string, variables?: unknown, token = sh.token): Promise<any> {
  return http(`${sh.api}/admin/api/2025-10/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({ query, variables }),
  });
}
async function place(sh: Shop, lines: { sellerSku: string; quantity: number }[], status?: 'unpaid' | 'paid'): Promise<string> {
  const r = await ctl(s, 'POST', `/shops/${sh.shopId}/orders`, { lines, ...(status ? { status } : {}) });
  if (r.status !== 201) throw new Error(`order refused: ${r.text}`);
  return r.body.orderId;
}
async function move(sh: Shop, orderId: string, status: string): Promise<void> {
  const r = await ctl(s, 'POST', `/shops/${sh.shopId}/orders/${orderId}/status`, { status });
  if (r.status !== 200) throw new Error(`status refused: ${r.text}`);
}
const v0 = (sh: Shop, i: number) => sh.items[i]!.variants[0]!;

// The shape shopify.md documents (edges/node), with the fields an order reader needs.
const ORDERS = `query Orders($first: Int!, $after: String, $q: String) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $q) {
    edges { node { id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus returnStatus
      lineItems(first: 10) { edges { node { id sku quantity currentQuantity unfulfilledQuantity variant { id } product { id } } } } } }
    pageInfo { hasNextPage endCursor } } }`;
async function orders(sh: Shop, vars: Record<string, unknown> = {}): Promise<{ nodes: any[]; pageInfo: any; body: any }> {
  const r = await gql(sh, ORDERS, { first: 25, ...vars });
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  const c = r.body.data.orders;
  return { nodes: c.edges.map((e: any) => e.node), pageInfo: c.pageInfo, body: r.body };
}
async function orderById(sh: Shop, orderId: string): Promise<any> {
  return (await orders(sh)).nodes.find((n) => n.id === `gid://shopify/Order/${orderId}`);
}
const stats = async (sh: Shop) => (await ctl(s, 'GET', `/stats?shopId=${sh.shopId}`)).body;

describe('shopify orders query', () => {
  it('GIDs, #names, ISO Z seconds; line items carry the products API variant and product ids', async () => {
    const sh = await shop();
    const id = await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 2 }, { sellerSku: v0(sh, 1).sellerSku, quantity: 1 }]);
    const o = await orderById(sh, id);
    expect(o).toMatchObject({ name: expect.stringMatching(/^#\d{4,}$/), cancelledAt: null, displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED', returnStatus: 'NO_RETURN' });
    expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(o.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const lines = o.lineItems.edges.map((e: any) => e.node);
    expect(lines.map((l: any) => [l.sku, l.quantity, l.currentQuantity, l.unfulfilledQuantity])).toEqual([
      [v0(sh, 0).sellerSku, 2, 2, 2],
      [v0(sh, 1).sellerSku, 1, 1, 1],
    ]);
    expect(lines[0].id).toMatch(/^gid:\/\/shopify\/LineItem\/\d+$/);
    // The same ids the products query gives for that variant.
    const p = await gql(sh, '{ products(first: 10) { nodes { id variants(first: 5) { nodes { id sku } } } } }');
    const prod = p.body.data.products.nodes.find((n: any) => n.variants.nodes.some((v: any) => v.sku === v0(sh, 0).sellerSku));
    expect(lines[0].variant.id).toBe(prod.variants.nodes[0].id);
    expect(lines[0].product.id).toBe(prod.id);
  });

  it('statuses in Shopify enums: pending, paid, fulfilled, cancelled (restocked), returned (refunded)', async () => {
    const sh = await shop();
    const sku = v0(sh, 0).sellerSku;
    const look = async (id: string) => {
      const o = await orderById(sh, id);
      const l = o.lineItems.edges[0].node;
      return [o.displayFinancialStatus, o.displayFulfillmentStatus, o.cancelledAt !== null, o.returnStatus, l.currentQuantity];
    };
    const unpaid = await place(sh, [{ sellerSku: sku, quantity: 2 }], 'unpaid');
    expect(await look(unpaid)).toEqual(['PENDING', 'UNFULFILLED', false, 'NO_RETURN', 2]);
    await move(sh, unpaid, 'paid');
    expect(await look(unpaid)).toEqual(['PAID', 'UNFULFILLED', false, 'NO_RETURN', 2]);
    await move(sh, unpaid, 'shipped');
    expect(await look(unpaid)).toEqual(['PAID', 'FULFILLED', false, 'NO_RETURN', 2]);
    await move(sh, unpaid, 'delivered');
    expect(await look(unpaid)).toEqual(['PAID', 'FULFILLED', false, 'NO_RETURN', 2]);
    await move(sh, unpaid, 'returned');
    expect(await look(unpaid)).toEqual(['REFUNDED', 'FULFILLED', false, 'RETURNED', 0]);
    const cancelled = await place(sh, [{ sellerSku: sku, quantity: 1 }]);
    await move(sh, cancelled, 'cancelled');
    expect(await look(cancelled)).toEqual(['REFUNDED', 'UNFULFILLED', true, 'NO_RETURN', 0]);
    expect((await orderById(sh, cancelled)).cancelledAt).toMatch(/Z$/);
  });

  it('sortKey UPDATED_AT + updated_at:> (second precision) + cursor pages: every order once, a moved order comes back later', async () => {
    const sh = await shop();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await place(sh, [{ sellerSku: v0(sh, i % 3).sellerSku, quantity: 1 }]));
    await ctl(s, 'POST', '/clock', { advanceMs: 5_000 });
    const since = new Date((await ctl(s, 'GET', '/clock')).body.now - 1_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await move(sh, ids[2]!, 'shipped');
    const newer = await orders(sh, { q: `updated_at:>'${since}'` });
    expect(newer.nodes.map((n) => n.id)).toEqual([`gid://shopify/Order/${ids[2]}`]);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const pg = await orders(sh, { first: 3, after });
      seen.push(...pg.nodes.map((n) => n.id.replace('gid://shopify/Order/', '')));
      after = pg.pageInfo.hasNextPage ? pg.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    // Update order: the shipped one last.
    expect(seen).toEqual([...ids.filter((x) => x !== ids[2]), ids[2]]);
  });

  it('limits: first ≤ 250, first/last required, sortKey enum, single-query max cost 1000; cost reported', async () => {
    const sh = await shop(1);
    await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 1 }]);
    const big = await gql(sh, '{ orders(first: 251) { nodes { id } } }');
    expect(big.body.data).toBeUndefined();
    expect(big.body.errors[0].message).toContain('250');
    expect((await gql(sh, '{ orders { nodes { id } } }')).body.errors[0].message).toBe('you must provide one of first or last');
    const badKey = await gql(sh, '{ orders(first: 1, sortKey: MODIFIED) { nodes { id } } }');
    expect(badKey.body.errors[0].message).toContain("Expected type 'OrderSortKeys'");
    // 2 + 250 × (order 1 + lineItems 2 + 1 × line item 1) = 1002 > 1000.
    const before = (await stats(sh)).orderCalls;
    const costly = await gql(sh, '{ orders(first: 250) { nodes { id lineItems(first: 1) { nodes { id } } } } }');
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', cost: 1002, maxCost: 1000 });
    expect((await stats(sh)).orderCalls).toBe(before);
    // Requested: 2 + first × (order 1 + lineItems 2 + 10 × (line 1 + variant 1 + product 1)); actual: what came back.
    const r = await gql(sh, ORDERS, { first: 20 });
    expect(r.body.extensions.cost.requestedQueryCost).toBe(2 + 20 * (1 + 2 + 10 * 3));
    expect(r.body.extensions.cost.actualQueryCost).toBe(2 + 1 * (1 + 2 + 1 * 3));
  });

  it('token required (401); revoked tokens refused; THROTTLED and internal errors as for products', async () => {
    const sh = await shop(1);
    await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 1 }]);
    expect((await gql(sh, ORDERS, { first: 5 }, 'shpat_nope')).status).toBe(401);
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 1 });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await gql(sh, ORDERS, { first: 5 })).body.errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toContain('THROTTLED');
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, errorRate: 1 });
    expect((await gql(sh, ORDERS, { first: 5 })).body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    await ctl(s, 'POST', '/faults', {});
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, expireTokens: true });
    expect((await gql(sh, ORDERS, { first: 5 })).status).toBe(401);
  });

  it('stock through the API: lowered at order, given back at cancel, not at return', async () => {
    const sh = await shop(2);
    const stockOf = async (i: number): Promise<number> => {
      const r = await gql(sh, 'query($id: ID!) { productVariant(id: $id) { inventoryQuantity } }', { id: v0(sh, i).variantId });
      return r.body.data.productVariant.inventoryQuantity;
    };
    const a = await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 3 }]);
    const b = await place(sh, [{ sellerSku: v0(sh, 1).sellerSku, quantity: 4 }]);
    expect([await stockOf(0), await stockOf(1)]).toEqual([997, 996]);
    await move(sh, a, 'cancelled');
    expect(await stockOf(0)).toBe(1000);
    await move(sh, b, 'shipped');
    await move(sh, b, 'returned');
    expect(await stockOf(1)).toBe(996);
  });

  it('orderCalls counts each order request once; product queries are not order calls', async () => {
    const sh = await shop(1);
    await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 1 }]);
    await gql(sh, '{ products(first: 1) { nodes { id } } }');
    await orders(sh);
    await orders(sh);
    await gql(sh, '{ a: orders(first: 1) { nodes { id } } b: ordersCount { count } }');
    expect((await stats(sh)).orderCalls).toBe(3);
    const c = await gql(sh, '{ ordersCount { count precision } }');
    expect(c.body.data.ordersCount).toEqual({ count: 1, precision: 'EXACT' });
  });

  it('only the last 60 days of orders are readable (no read_all_orders)', async () => {
    const sh = await shop(1);
    const id = await place(sh, [{ sellerSku: v0(sh, 0).sellerSku, quantity: 1 }]);
    await ctl(s, 'POST', '/clock', { advanceMs: 59 * 86_400_000 });
    expect(await orderById(sh, id)).toBeDefined();
    await ctl(s, 'POST', '/clock', { advanceMs: 2 * 86_400_000 });
    expect(await orderById(sh, id)).toBeUndefined();
    expect((await gql(sh, 'query($id: ID!) { order(id: $id) { id } }', { id: `gid://shopify/Order/${id}` })).body.data.order).toBeNull();
  });
});
