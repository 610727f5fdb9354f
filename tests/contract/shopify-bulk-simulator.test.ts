// The simulator's Shopify bulk query operations, over HTTP, as Shopify documents and answers them:
// the operation's shape and progress, the JSONL result at its signed URL, the limits (one
// operation per app and shop before 2026-01, five from 2026-01; another app's does not count),
// the query rules, failure, cancel and the URL's seven days.
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminShop as Shop, adminGql as gql } from './shopifyAdmin.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control, clock } = simulatorForFile();
afterEach(() => clock());

let seed = 1500;
async function makeShop(body: Record<string, unknown> = {}, objectsPerSecond = 1_000_000): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', items: 10, variantsPerItem: 2, seed: seed++, ...body });
  await control('POST', `/__sim/shops/${s.shopId}/bulk-operations`, { objectsPerSecond });
  return { shopId: s.shopId, api: s.apiBaseUrl, token: s.credentials.accessToken };
}
const RUN = 'mutation Run($q: String!, $g: Boolean) { bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { id status } userErrors { code field message } } }';
const RUN_DEFAULT = 'mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { code field message } } }';
const OP = 'query Op($id: ID!) { bulkOperation(id: $id) { id status type errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl query } }';
const PRODUCTS = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';
/** `groupObjects` true unless said; 'default' leaves the argument out. */
async function run(sh: Shop, version = '2026-10', q = PRODUCTS, groupObjects: boolean | 'default' = true, token = sh.token): Promise<any> {
  const r = await gql(sh, version, groupObjects === 'default' ? RUN_DEFAULT : RUN, { q, ...(groupObjects === 'default' ? {} : { g: groupObjects }) }, token);
  return r.body.data.bulkOperationRunQuery;
}
const op = async (sh: Shop, id: string, version = '2026-10'): Promise<any> => (await gql(sh, version, OP, { id })).body.data.bulkOperation;
const advance = (ms: number): Promise<unknown> => control('POST', '/__sim/clock', { advanceMs: ms });
const lines = async (url: string): Promise<any[]> => (await (await fetch(url)).text()).trim().split('\n').map((l) => JSON.parse(l));

describe('a bulk query operation', () => {
  it('is CREATED, then RUNNING with its counts growing at the shop\'s rate, then COMPLETED with a JSONL result: products, each followed by its variants with __parentId', async () => {
    const sh = await makeShop({}, 10);
    const started = await run(sh);
    expect(started.userErrors).toEqual([]);
    expect(started.bulkOperation).toMatchObject({ id: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\/\d+$/), status: 'CREATED' });
    const id = started.bulkOperation.id;

    await advance(1500);
    const running = await op(sh, id);
    expect(running).toMatchObject({ status: 'RUNNING', type: 'QUERY', url: null, completedAt: null, query: PRODUCTS });
    // 1 s of running at 10 objects/s (plus the moments the test itself took).
    expect(Number(running.objectCount)).toBeGreaterThanOrEqual(10);
    expect(Number(running.objectCount)).toBeLessThan(30);
    expect(typeof running.objectCount).toBe('string');

    await advance(5000);
    const done = await op(sh, id);
    expect(done).toMatchObject({ status: 'COMPLETED', objectCount: '30', rootObjectCount: '10', errorCode: null, partialDataUrl: null });
    expect(done.url).toMatch(/\/shopify\/storage\.googleapis\.com\/shopify-tiers-assets-prod-us-east1\/bulk-operation-outputs\/[0-9a-f]+-final\?GoogleAccessId=.+&Expires=\d+&Signature=.+/);
    const res = await fetch(done.url);
    const body = await res.text();
    expect(res.headers.get('content-type')).toBe('application/jsonl');
    expect(Buffer.byteLength(body)).toBe(Number(done.fileSize));
    const rows = body.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(30);
    const items = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`);
    // Grouped: a product, then its two variants pointing at it; the connection itself is not in the line.
    rows.forEach((row, i) => {
      const product = rows[i - (i % 3)];
      if (i % 3 === 0) expect(row).toEqual({ id: expect.stringContaining('gid://shopify/Product/'), title: items[i / 3].title });
      else expect(row).toEqual({ id: expect.stringContaining('gid://shopify/ProductVariant/'), sku: items[(i - (i % 3)) / 3].variants[(i % 3) - 1].sellerSku, __parentId: product.id });
    });
  });

  it('serves its result by HTTP Range, and refuses a URL with a wrong signature', async () => {
    const sh = await makeShop();
    const { bulkOperation } = await run(sh);
    await advance(2000);
    const { url } = await op(sh, bulkOperation.id);
    const whole = await (await fetch(url)).text();
    const part = await fetch(url, { headers: { range: 'bytes=100-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-${Buffer.byteLength(whole) - 1}/${Buffer.byteLength(whole)}`);
    expect(await part.text()).toBe(Buffer.from(whole).subarray(100).toString());
    const forged = await fetch(url.replace(/Signature=[^&]+/, 'Signature=AAAA'));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('keeps its URL seven days: then it reads EXPIRED without a url, and the URL answers ExpiredToken', async () => {
    const sh = await makeShop();
    const { bulkOperation } = await run(sh);
    await advance(2000);
    const { url } = await op(sh, bulkOperation.id);
    expect((await fetch(url)).status).toBe(200);
    await advance(7 * 24 * 3600_000 + 1000);
    expect(await op(sh, bulkOperation.id)).toMatchObject({ status: 'EXPIRED', url: null });
    const late = await fetch(url);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('<Code>ExpiredToken</Code>');
  });

  it('FAILED with the errorCode set for the shop, its partial data at partialDataUrl', async () => {
    const sh = await makeShop();
    await control('POST', `/__sim/shops/${sh.shopId}/bulk-operations`, { fail: { errorCode: 'TIMEOUT', afterObjects: 5 } });
    const { bulkOperation } = await run(sh);
    await advance(2000);
    const failed = await op(sh, bulkOperation.id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'TIMEOUT', url: null, objectCount: '5', completedAt: null });
    expect(await lines(failed.partialDataUrl)).toHaveLength(5);
  });

  it('is canceled: CANCELING, then CANCELED; a finished one cannot be', async () => {
    const sh = await makeShop({}, 1);
    const { bulkOperation } = await run(sh);
    const CANCEL = 'mutation Cancel($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } } }';
    expect((await gql(sh, '2026-10', CANCEL, { id: bulkOperation.id })).body.data.bulkOperationCancel).toEqual({ bulkOperation: { id: bulkOperation.id, status: 'CANCELING' }, userErrors: [] });
    await advance(1000);
    expect((await op(sh, bulkOperation.id)).status).toBe('CANCELED');
    expect((await gql(sh, '2026-10', CANCEL, { id: bulkOperation.id })).body.data.bulkOperationCancel.userErrors).toEqual([{ field: null, message: 'A bulk operation cannot be canceled when it is canceled' }]);
    expect((await gql(sh, '2026-10', CANCEL, { id: 'gid://shopify/BulkOperation/1' })).body.data.bulkOperationCancel).toEqual({ bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] });
  });
});

describe('how many at once: per app and shop, by API version', () => {
  it('2025-10 (while supported): one; the next is refused naming the running one; bulkOperation(id:) does not exist there, currentBulkOperation does (deprecated)', async () => {
    await clock('2026-06-01T12:00:00Z');
    const sh = await makeShop({}, 1);
    const first = await run(sh, '2025-10');
    expect(first.userErrors).toEqual([]);
    const second = await run(sh, '2025-10');
    expect(second).toEqual({ bulkOperation: null, userErrors: [{ code: 'OPERATION_IN_PROGRESS', field: null, message: `A bulk query operation for this app and shop is already in progress: ${first.bulkOperation.id}.` }] });
    const byId = await gql(sh, '2025-10', OP, { id: first.bulkOperation.id });
    expect(byId.body.errors[0].message).toBe("Field 'bulkOperation' doesn't exist on type 'QueryRoot'");
    const current = await gql(sh, '2025-10', '{ currentBulkOperation { id status } }');
    expect(current.body.data.currentBulkOperation).toEqual({ id: first.bulkOperation.id, status: expect.stringMatching(/CREATED|RUNNING/) });
    expect(current.headers.get('x-shopify-api-deprecated-reason')).toContain('currentBulkOperation');
  });

  it('2026-10: five; the sixth is refused naming the five', async () => {
    const sh = await makeShop({}, 1);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await run(sh);
      expect(r.userErrors).toEqual([]);
      ids.push(r.bulkOperation.id);
    }
    expect((await run(sh)).userErrors).toEqual([{ code: 'OPERATION_IN_PROGRESS', field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids.join(', ')}.` }]);
  });

  it("another app's operation does not count against this app's", async () => {
    await clock('2026-06-01T12:00:00Z');
    const sh = await makeShop({}, 1);
    const app = await control('POST', '/__sim/apps', { platform: 'shopify', shopId: sh.shopId });
    const token = await fetch(`${sh.api}/admin/oauth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'client_credentials' }) });
    const other = ((await token.json()) as { access_token: string }).access_token;
    expect((await run(sh, '2025-10', PRODUCTS, true, other)).userErrors).toEqual([]);
    expect((await run(sh, '2025-10')).userErrors).toEqual([]);
    // Each app sees its own operations only.
    const mine = await gql(sh, '2025-10', '{ currentBulkOperation { id } }');
    const theirs = await gql(sh, '2025-10', '{ currentBulkOperation { id } }', {}, other);
    expect(mine.body.data.currentBulkOperation.id).not.toBe(theirs.body.data.currentBulkOperation.id);
  });
});

describe('groupObjects and the query rules', () => {
  it('groupObjects defaults to true on 2025-10 and to false from 2026-01: ungrouped, variants come after a batch of products', async () => {
    const sh = await makeShop({ items: 60, variantsPerItem: 1 });
    const ungrouped = await run(sh, '2026-10', PRODUCTS, 'default');
    await advance(2000);
    const rows = await lines((await op(sh, ungrouped.bulkOperation.id)).url);
    expect(rows.slice(0, 50).every((r) => r.__parentId === undefined)).toBe(true);
    expect(rows[50].__parentId).toBe(rows[0].id);
    // Every variant still after its product.
    const at = new Map(rows.map((r, i) => [r.id, i]));
    expect(rows.every((r, i) => r.__parentId === undefined || at.get(r.__parentId)! < i)).toBe(true);

    await clock('2026-06-01T12:00:00Z');
    const grouped = await run(sh, '2025-10', PRODUCTS, 'default');
    await advance(2000);
    const g = await lines((await gql(sh, '2025-10', '{ currentBulkOperation { id url } }')).body.data.currentBulkOperation.url);
    expect(g.filter((_, i) => i % 2 === 1).every((r, k) => r.__parentId === g[k * 2].id)).toBe(true);
    expect(grouped.userErrors).toEqual([]);
  });

  it.each([
    ['nodes instead of edges', '{ products { nodes { id } } }', "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'products { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'products'."],
    ['a mutation', 'mutation { productCreate(input: { title: "x" }) { product { id } } }', 'Invalid operation type. Only `query` operations are supported.'],
    ['no connection', '{ shop { name } }', 'Bulk queries must contain at least one connection.'],
    ['a nested connection whose parent has no id', '{ products { edges { node { title variants { edges { node { id } } } } } } }', "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': products."],
    ['three levels of connections', '{ products { edges { node { id variants { edges { node { id inventoryItem { inventoryLevels { edges { node { id } } } } } } } } } } }', 'Bulk queries cannot contain connections with a nesting depth greater than 2.'],
    ['a field the version does not have', '{ products { edges { node { id colour } } } }', "Invalid bulk query: Field 'colour' doesn't exist on type 'Product'"],
  ])('refuses %s with INVALID on query', async (_name, query, message) => {
    const sh = await makeShop({ items: 1 });
    expect(await run(sh, '2026-10', query)).toEqual({ bulkOperation: null, userErrors: [{ code: 'INVALID', field: ['query'], message }] });
  });
});
