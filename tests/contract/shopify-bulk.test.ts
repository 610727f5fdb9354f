// A whole-store Shopify download through a bulk operation, over HTTP against the simulator: the
// adapter's pages equal the paged download's for the same shop; when the bulk export cannot be
// used (this app's operations already running, a FAILED or EXPIRED one, a result not grouped as
// asked) it says why in a log line with the code and downloads page by page; a restarted worker
// resumes reading the result where it stopped (HTTP Range); incremental downloads stay paged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../lib/log/logger.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { closeBulkReads } from '../../lib/platforms/shopify/bulk.ts';
import type { Credentials, CredentialHolder, ListItemsOptions, PlatformAdapter, PlatformItem } from '../../lib/platforms/types.ts';
import { type AdminShop, adminGql } from './shopifyAdmin.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control, clock } = simulatorForFile();
const logged: string[] = [];
beforeEach(() => setLogSink((level, scope, message) => void logged.push(`${level} ${scope} ${message}`)));
afterEach(async () => {
  setLogSink(null);
  logged.length = 0;
  closeBulkReads();
  await clock();
});

interface Shop extends AdminShop {
  adapter(opts?: { version?: string; locationId?: string; fetch?: typeof fetch }): PlatformAdapter;
}
let seed = 1600;
async function makeShop(body: Record<string, unknown>, objectsPerSecond = 1_000_000): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', seed: seed++, ...body });
  await control('POST', `/__sim/shops/${s.shopId}/bulk-operations`, { objectsPerSecond });
  const creds = { ...s.credentials, platform: 'shopify' } as Credentials;
  const store: CredentialHolder = { get: () => creds as never, save: async () => {} };
  return {
    shopId: s.shopId,
    api: s.apiBaseUrl,
    token: s.credentials.accessToken,
    adapter: (o = {}) => createAdapter('shopify', { apiBaseUrl: s.apiBaseUrl, apiVersion: o.version ?? '2026-10', ...(o.locationId ? { locationId: o.locationId } : {}) }, store, o.fetch ? { fetch: o.fetch } : {}),
  };
}
/** Every page until the cursor runs out; the pages' sizes too. */
async function download(a: PlatformAdapter, opts: ListItemsOptions = {}, from: string | null = null): Promise<{ items: PlatformItem[]; sizes: number[] }> {
  const items: PlatformItem[] = [];
  const sizes: number[] = [];
  let cursor = from;
  do {
    const page = await a.listItems({ ...opts, cursor });
    items.push(...page.items);
    sizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, sizes };
}
const calls = async (sh: Shop): Promise<Record<string, number>> => (await control('GET', `/__sim/stats?shopId=${encodeURIComponent(sh.shopId)}`)).calls;
const bulkRun = 'mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { code message } } }';

describe('a whole-store Shopify download through a bulk operation', () => {
  it('gives exactly the paged download\'s items (at the store\'s chosen location), from one operation and its file', async () => {
    const sh = await makeShop({ items: 40, variantsPerItem: 3, locations: 2 });
    // More variants than a page's share: the paged download completes it with MoreVariants.
    await control('POST', `/__sim/shops/${sh.shopId}/items`, { title: 'Many sizes', variants: Array.from({ length: 14 }, (_, i) => ({ sellerSku: `MANY-${i}`, stock: [i, 100 + i], price: 10 + i })) });
    const locations = await sh.adapter().listLocations!();
    const second = locations.find((l) => !l.primary)!.id;

    const before = await calls(sh);
    const bulk = await download(sh.adapter({ locationId: second }), { wholeStore: true });
    const after = await calls(sh);
    expect(after['graphql:bulkOperationRunQuery']).toBe((before['graphql:bulkOperationRunQuery'] ?? 0) + 1);
    expect(after['graphql:products'] ?? 0).toBe(before['graphql:products'] ?? 0);
    expect(after['bulk:result']).toBe(1);
    // While it runs the pages are empty; then the products come.
    expect(bulk.sizes[0]).toBe(0);

    const paged = await download(sh.adapter({ locationId: second }));
    expect(paged.items).toHaveLength(41);
    expect(bulk.items).toEqual(paged.items);
    // The chosen location's stock, not the primary's.
    expect(bulk.items.find((i) => i.title === 'Many sizes')!.variants.map((v) => v.stock)).toEqual(Array.from({ length: 14 }, (_, i) => 100 + i));
  });

  it('reads the file a page at a time, and a restarted worker resumes from the cursor with an HTTP Range', async () => {
    const sh = await makeShop({ items: 600, variantsPerItem: 1 });
    const a = sh.adapter();
    let page = await a.listItems({ wholeStore: true });
    while (page.items.length === 0) page = await a.listItems({ cursor: page.nextCursor });
    expect(page.items).toHaveLength(250);
    expect(page.total).toBe(600);
    // The worker stops: its open body is gone; a new adapter goes on from the saved cursor.
    closeBulkReads();
    const rest = await download(sh.adapter(), {}, page.nextCursor);
    expect(rest.sizes).toEqual([250, 100]);
    const ranged = (await control<any[]>('GET', `/__sim/requests?shopId=${encodeURIComponent(sh.shopId)}&limit=100`)).filter((r) => r.endpoint === 'bulk:result');
    expect(ranged.map((r) => r.status)).toEqual([200, 206]);
    // Every product once, in the shop's order (the paged comparison is the first test's: 600
    // products page by page would wait minutes on the cost bucket).
    const held = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`);
    expect([...page.items, ...rest.items].map((i) => [i.platformItemId, i.variants[0]!.sellerSku])).toEqual(held.map((i) => [i.itemId, i.variants[0].sellerSku]));
  });

  it('incremental downloads (updatedSince) stay paged', async () => {
    const sh = await makeShop({ items: 5, variantsPerItem: 2 });
    const [one] = await control<any[]>('GET', `/__sim/shops/${sh.shopId}/items`);
    await control('POST', '/__sim/clock', { advanceMs: 60_000 });
    await control('PATCH', `/__sim/shops/${sh.shopId}/items/${one.itemId}`, { title: 'Changed' });
    const changed = await download(sh.adapter(), { updatedSince: Date.now() + 30_000, wholeStore: true });
    expect(changed.items.map((i) => i.title)).toEqual(['Changed']);
    expect((await calls(sh))['graphql:bulkOperationRunQuery']).toBeUndefined();
  });

  it('a store on 2025-10 (while it was supported) downloads page by page: bulkOperation(id:) came in 2026-01', async () => {
    await clock('2026-06-01T12:00:00Z');
    const sh = await makeShop({ items: 3 });
    expect((await download(sh.adapter({ version: '2025-10' }), { wholeStore: true })).items).toHaveLength(3);
    expect((await calls(sh))['graphql:bulkOperationRunQuery']).toBeUndefined();
  });
});

describe('when the bulk export cannot be used, the download goes page by page and says why', () => {
  const saidWhy = (code: string): boolean => logged.some((l) => l.startsWith('warn shopify') && l.includes(`(${code}:`) && l.includes('downloading page by page instead'));

  it('five operations of this app already running (the limit from 2026-01): OPERATION_IN_PROGRESS', async () => {
    const sh = await makeShop({ items: 30, variantsPerItem: 2 }, 1);
    for (let i = 0; i < 4; i++) expect((await adminGql(sh, '2026-10', bulkRun, { q: '{ products { edges { node { id } } } }' })).body.data.bulkOperationRunQuery.userErrors).toEqual([]);
    // Four running leave room for Shelfsync's: it is started (an empty first page, a bulk cursor).
    const fifth = await sh.adapter().listItems({ wholeStore: true });
    expect(fifth.items).toEqual([]);
    expect(fifth.nextCursor).toContain('gid://shopify/BulkOperation/');
    // With five running, the next download starts page by page at once.
    const first = await sh.adapter().listItems({ wholeStore: true });
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.nextCursor ?? '').not.toContain('BulkOperation');
    expect(saidWhy('OPERATION_IN_PROGRESS')).toBe(true);
    const rest = await download(sh.adapter(), {}, first.nextCursor);
    expect([...first.items, ...rest.items]).toEqual((await download(sh.adapter())).items);
  });

  it('the operation FAILED (TIMEOUT): FAILED:TIMEOUT, and every listing still comes', async () => {
    const sh = await makeShop({ items: 12, variantsPerItem: 2 });
    await control('POST', `/__sim/shops/${sh.shopId}/bulk-operations`, { fail: { errorCode: 'TIMEOUT', afterObjects: 10 } });
    const got = await download(sh.adapter(), { wholeStore: true });
    expect(saidWhy('FAILED:TIMEOUT')).toBe(true);
    expect(got.items).toEqual((await download(sh.adapter())).items);
    expect(got.items).toHaveLength(12);
  });

  it('a download resumed after the result expired (7 days): EXPIRED, started over page by page', async () => {
    const sh = await makeShop({ items: 300, variantsPerItem: 1 });
    const a = sh.adapter();
    let page = await a.listItems({ wholeStore: true });
    while (page.items.length === 0) page = await a.listItems({ cursor: page.nextCursor });
    closeBulkReads();
    await control('POST', '/__sim/clock', { advanceMs: 8 * 24 * 3600_000 });
    const again = await sh.adapter().listItems({ cursor: page.nextCursor });
    expect(saidWhy('EXPIRED')).toBe(true);
    // Page by page from the first listing (the job's listings seen so far are simply seen again).
    expect(again.items[0]!.platformItemId).toBe(page.items[0]!.platformItemId);
  });

  it('a token that may not run bulk operations (ACCESS_DENIED on the mutation): the listings come page by page, the store is not reported unauthorized', async () => {
    const sh = await makeShop({ items: 8, variantsPerItem: 2 });
    // Shopify's answer to a field the token may not use, in place of the simulator's for this one document.
    const denying: typeof fetch = (input, init) =>
      String(init?.body ?? '').includes('bulkOperationRunQuery')
        ? Promise.resolve(new Response(JSON.stringify({ errors: [{ message: 'Access denied for bulkOperationRunQuery field.', locations: [{ line: 2, column: 3 }], path: ['bulkOperationRunQuery'], extensions: { code: 'ACCESS_DENIED' } }], data: { bulkOperationRunQuery: null } }), { status: 200, headers: { 'content-type': 'application/json' } }))
        : fetch(input, init);
    const got = await download(sh.adapter({ fetch: denying }), { wholeStore: true });
    expect(saidWhy('ACCESS_DENIED')).toBe(true);
    expect(got.items).toEqual((await download(sh.adapter())).items);
  });

  it('a result whose variants do not follow their product (groupObjects not honoured): NOT_GROUPED', async () => {
    const sh = await makeShop({ items: 60, variantsPerItem: 1 });
    // As if Shopify ignored groupObjects: true (the 2026-01 default is false).
    const ungrouping: typeof fetch = (input, init) => fetch(input, init?.body ? { ...init, body: String(init.body).replace('groupObjects: true', 'groupObjects: false') } : init);
    const got = await download(sh.adapter({ fetch: ungrouping }), { wholeStore: true });
    expect(saidWhy('NOT_GROUPED')).toBe(true);
    expect(got.items).toEqual((await download(sh.adapter())).items);
  });
});
