// Every command against malformed, oversized, wrongly typed and hostile payloads, from an
// extension page and from a content script: an envelope with a known code every time, never a
// crash, never a change in the database when the answer is a refusal.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commands } from '@/lib/background/catalog';
import { drainJobs } from '@/lib/jobs/runner';
import type { ShelfsyncDB } from '@/lib/db/database';
import { CONTENT_SCRIPT, EXTENSION_PAGE, freshDb, ok, raw } from '../../helpers/background';

let db: ShelfsyncDB;
beforeAll(async () => {
  db = await freshDb();
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => false };
  const w = await ok('warehouses.create', { name: 'Main', code: 'MAIN' });
  await ok('products.create', { sku: 'A-1', name: 'Mug' });
  await ok('inventory.adjust', { warehouseId: w.id, sku: 'A-1', onHand: 5 });
});

async function digest(): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) {
    if (table.name === 'meta') continue;
    parts.push(`${table.name}:${JSON.stringify(await table.toArray())}`);
  }
  return parts.join('|');
}

const KNOWN = new Set(['invalid_input', 'unknown_command', 'forbidden', 'not_found', 'conflict', 'sku_taken', 'code_taken', 'insufficient_stock', 'negative_stock',
  'store_already_covered', 'no_sync_rule', 'version_conflict', 'idempotency_key_reused', 'over_receipt', 'permission_needed', 'store_not_identified', 'not_a_console',
  'store_not_active', 'unavailable', 'auth_failed', 'platform_unreachable', 'authorization_cancelled', 'source_unreachable', 'invalid_csv',
  'invalid_backup', 'not_empty', 'passphrase_needed', 'wrong_passphrase']);

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', '__proto__', 'constructor', '\u0000', '../../etc/passwd', 'DROP TABLE stores;--', '=HYPERLINK("http://x")'),
  fc.string({ minLength: 5000, maxLength: 6000 }),
);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, Number.NaN, 1e308),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('id', 'storeId', 'sku', 'name', 'quantity', 'warehouseId', 'productId', '__proto__')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

const names = Object.keys(commands);
/** Any value, and objects shaped like a message whose `type` names no command; never a real command. */
const notACommand = fc
  .oneof(anyValue, fc.record({ type: hostileString, payload: anyValue }, { requiredKeys: ['type'] }))
  .filter((m) => !(m && typeof m === 'object' && names.includes((m as { type?: unknown }).type as string)));

describe('bad input to every command', () => {
  it.each([['an extension page', EXTENSION_PAGE], ['a content script', CONTENT_SCRIPT]] as const)('from %s: a known code, no crash, no change on refusal', async (_label, sender) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), anyValue, async (type, payload) => {
        const before = await digest();
        const answer = await raw({ type, payload }, sender);
        expect(typeof answer.ok).toBe('boolean');
        // A valid command may start a job (a drift check): let it finish before the next digest.
        if (answer.ok) await drainJobs(db);
        if (!answer.ok) {
          expect(KNOWN.has(answer.error.code), `${type}: unexpected code ${answer.error.code}: ${answer.error.message}`).toBe(true);
          expect(answer.error.message.length).toBeGreaterThan(10);
          expect(await digest()).toBe(before);
          if (sender.kind === 'content' && !type.startsWith('console.')) expect(answer.error.code).toBe('forbidden');
        }
      }),
      { numRuns: 200, seed: 20261126 },
    );
  }, 120_000);

  it('plausible payloads (real field names, nearby ids, hostile values) reach the handlers and never break them', async () => {
    const small = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -2, max: 0 }), fc.constant(1.5));
    const field = fc.oneof(small, hostileString, fc.boolean(), fc.array(small, { maxLength: 3 }), fc.constant(null), fc.constantFrom('shopee', 'lazada', 'sellable', 'full', 'sync', 'A-1', 'MAIN'));
    const keys = ['id', 'storeId', 'sku', 'productId', 'warehouseId', 'quantity', 'delta', 'onHand', 'name', 'code', 'q', 'page', 'pageSize', 'platform', 'storeProductIds', 'all', 'enabled',
      'draftIds', 'version', 'title', 'url', 'platformItemIds', 'action', 'mode', 'destinationStoreIds', 'productIds', 'storeVariantIds', 'ids', 'status', 'inventoryType', 'ratioPercent',
      'warehouseIds', 'storeIds', 'reference', 'reason', 'idempotencyKey', 'csv'];
    const payload = fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), payload, async (type, p) => {
        const before = await digest();
        const answer = await raw({ type, payload: p }, EXTENSION_PAGE);
        if (answer.ok) {
          await drainJobs(db);
          return;
        }
        expect(KNOWN.has(answer.error.code), `${type} ${JSON.stringify(p)}: unexpected code ${answer.error.code}: ${answer.error.message}`).toBe(true);
        expect(await digest()).toBe(before);
      }),
      { numRuns: 300, seed: 11 },
    );
  }, 120_000);

  it('refuses messages that are not commands at all', async () => {
    await fc.assert(
      fc.asyncProperty(notACommand, async (message) => {
        const answer = await raw(message, EXTENSION_PAGE);
        // Refused, every time, with one of the two codes that say "this is not a command".
        expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid_input|unknown_command)$/) } });
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
