// Every GraphQL document the Shopify adapter can send, recorded off the wire while it does each
// of its jobs against the simulator, validates against each supported Admin API version's
// schema as Shopify published it (tests/simulator/platforms/shopify-schema/, from
// @shopify/dev-mcp): the same check Shopify's server makes, variables included, and the query a
// bulk operation runs (sent as a string variable) too. 2025-10 is checked on a day it was still
// supported (a store connected with it keeps sending it; it has no bulkOperation(id:), so its
// downloads stay paged).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../simulator/platforms/graphql.ts';
import { coerceVariables, validateDocument } from '../simulator/platforms/shopify-validate.ts';
import { schemaFor } from '../simulator/platforms/shopify-versions.ts';
import { createAdapter } from '../../lib/platforms/index.ts';
import { supportedVersions } from '../../lib/platforms/shopify/versions.ts';
import type { Credentials, CredentialHolder, PlatformAdapter } from '../../lib/platforms/types.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control, clock } = simulatorForFile();

interface Sent {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  answer: { errors?: unknown[] };
  served: string | null;
}

/** An adapter on `version` whose every request (and the simulator's answer) is recorded. */
async function recordingAdapter(version: string, seed: number): Promise<{ adapter: PlatformAdapter; sent: Sent[]; shopId: string }> {
  const s = await control('POST', '/__sim/shops', { platform: 'shopify', items: 4, variantsPerItem: 3, locations: 2, seed });
  await control('POST', `/__sim/shops/${s.shopId}/bulk-operations`, { objectsPerSecond: 1_000_000 });
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    // The bulk result's GET on the storage host is not a GraphQL document.
    if (init?.method !== 'POST') return res;
    const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown> };
    const answer = (await res.clone().json()) as { errors?: unknown[] };
    sent.push({ operation: /^(query|mutation)\s+(\w+)/.exec(body.query)?.[2] ?? '?', query: body.query, variables: body.variables ?? {}, answer, served: res.headers.get('x-shopify-api-version') });
    return res;
  };
  const creds = { ...s.credentials, platform: 'shopify' } as Credentials;
  const store: CredentialHolder = { get: () => creds as never, save: async () => {} };
  return { adapter: createAdapter('shopify', { apiBaseUrl: s.apiBaseUrl, apiVersion: version }, store, { fetch: recording }), sent, shopId: s.shopId };
}

/** Each of the adapter's jobs once, on paths that reach every document it has. */
async function everyJob(adapter: PlatformAdapter, shopId: string, now: number): Promise<void> {
  await adapter.testConnection();
  await adapter.listLocations!();
  // A whole-store download: a bulk operation from 2026-01, polled until its file is read.
  let cursor: string | null = null;
  do cursor = (await adapter.listItems({ wholeStore: true, cursor })).nextCursor;
  while (cursor);
  // Page size 100 leaves one variant per product in the page: the rest come by MoreVariants.
  const page = await adapter.listItems({ pageSize: 100 });
  await adapter.listItems({ updatedSince: now - 3600_000 });
  const variants = page.items.flatMap((i) => i.variants.map((v) => ({ platformItemId: i.platformItemId, platformVariantId: v.platformVariantId, sellerSku: v.sellerSku, ref: v.ref })));
  expect((await adapter.setStock(variants.map((v) => ({ ...v, quantity: 9 })))).every((r) => r.ok)).toBe(true);
  expect((await adapter.readStock(variants)).map((r) => r.stock)).toEqual(variants.map(() => 9));
  await adapter.createListing({ title: 'Recorded', description: 'd', imageUrls: [], price: 5, variants: [{ sellerSku: `REC-${shopId.slice(0, 6)}-S`, price: 5, stock: 2, options: { Size: 'S' } }, { sellerSku: `REC-${shopId.slice(0, 6)}-M`, price: 5, stock: 3, options: { Size: 'M' } }] });
  await adapter.findItemBySellerSku!(variants[0]!.sellerSku);
  // An order with more lines than a page's share: its other lines come by OrderLines.
  await control('POST', `/__sim/shops/${shopId}/orders`, { lines: variants.slice(0, 3).map((v) => ({ sellerSku: v.sellerSku, quantity: 1 })) });
  await adapter.listOrders({ updatedSince: now - 3600_000, pageSize: 100 });
}

const PAGED_OPERATIONS = ['Shop', 'Locations', 'PrimaryLocation', 'Products', 'MoreVariants', 'SetQuantities', 'VariantStock', 'ProductSet', 'Orders', 'OrderLines'];
const EXPECTED_OPERATIONS = [...PAGED_OPERATIONS, 'BulkProducts', 'BulkOperation'];

function check(sent: Sent[], version: string, expected = EXPECTED_OPERATIONS): void {
  const slice = schemaFor(version);
  expect([...new Set(sent.map((s) => s.operation))].sort()).toEqual([...expected].sort());
  for (const s of sent) {
    const doc = parseDocument(s.query);
    const op = doc.operations[0]!;
    const problems = [...validateDocument(doc, slice).errors, ...coerceVariables(op, s.variables, slice)];
    expect(problems, `${s.operation} on ${version}`).toEqual([]);
    if (s.operation === 'BulkProducts') {
      // The bulk query itself, against the same version (the simulator also answers with no userErrors).
      const inner = parseDocument(String(s.variables.query));
      expect(validateDocument(inner, slice), `the bulk query on ${version}`).toEqual({ errors: [], deprecations: [] });
      expect((s.answer as { data?: { bulkOperationRunQuery?: { userErrors?: unknown[] } } }).data?.bulkOperationRunQuery?.userErrors).toEqual([]);
    }
    expect(validateDocument(doc, slice).deprecations, `${s.operation} on ${version} uses nothing deprecated`).toEqual([]);
    expect(s.answer.errors, `${s.operation} answered without errors`).toBeUndefined();
    expect(s.served).toBe(version);
  }
}

describe('every document the Shopify adapter sends validates against each supported version', () => {
  const day = Date.parse('2026-12-03T12:00:00Z');
  it('the supported versions on 2026-12-03 are 2026-01 … 2026-10', () => {
    expect(supportedVersions(day)).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
  });

  it.each(supportedVersions(day))('%s', async (version) => {
    await clock('2026-12-03T12:00:00Z');
    const { adapter, sent, shopId } = await recordingAdapter(version, 900 + Number(version.slice(5)));
    await everyJob(adapter, shopId, day);
    check(sent, version);
    // The stock mutation carries a fresh idempotency key each time where the directive exists.
    const keys = sent.filter((s) => s.operation === 'SetQuantities').map((s) => s.variables.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => typeof k === 'string' && k.length >= 32)).toBe(true);
  });

  it('2025-10, on a day it was supported (a store connected with it keeps sending it)', async () => {
    const june = Date.parse('2026-06-01T12:00:00Z');
    await clock('2026-06-01T12:00:00Z');
    const { adapter, sent, shopId } = await recordingAdapter('2025-10', 990);
    await everyJob(adapter, shopId, june);
    check(sent, '2025-10', PAGED_OPERATIONS);
    expect(sent.find((s) => s.operation === 'SetQuantities')?.query).not.toContain('@idempotent');
  });

  it('after 2025-10 left support the answers come from 2026-01, and the adapter writes for 2026-01 from then on', async () => {
    await clock('2026-12-03T12:00:00Z');
    const { adapter, sent, shopId } = await recordingAdapter('2025-10', 991);
    await everyJob(adapter, shopId, day);
    expect(sent.every((s) => s.served === '2026-01' && s.answer.errors === undefined)).toBe(true);
    const set = sent.find((s) => s.operation === 'SetQuantities')!;
    expect(set.query).toContain('@idempotent(key: $key)');
    expect(JSON.stringify(set.variables)).toContain('"changeFromQuantity":null');
  });
});
