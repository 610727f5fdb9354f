// Connecting store variants to system products by SKU (trimmed, case-insensitive). A variant
// that cannot be connected keeps the reason the Unconnected view shows: no SKU, no system product
// with it, or several near-misses (same letters and digits, other punctuation) to choose from.
import type { ShelfsyncDB } from '../db/database';
import type { ConnectReason, ProductRow, StoreVariantRow } from '../db/types';
import { looseKeyOf, skuKeyOf } from '../db/versions';
import { stockTables } from '../inventory/levels';
import { applyWaitingLines } from '../orders/unmatched';
import { markVariants } from '../sync/capture';

export type Match = { productId: number } | { reason: ConnectReason; candidates: number[] };

/** Matches many SKUs with two index queries. Call inside a transaction holding `db.products`. */
export async function matchSkus(db: ShelfsyncDB, skus: string[]): Promise<Map<string, Match>> {
  const keys = [...new Set(skus.map(skuKeyOf).filter(Boolean))];
  const exact = new Map<string, ProductRow>((await db.products.where('skuKey').anyOf(keys).toArray()).map((p) => [p.skuKey, p]));
  const missing = keys.filter((k) => !exact.has(k));
  const loose = new Map<string, number[]>();
  if (missing.length) {
    const looseKeys = [...new Set(missing.map(looseKeyOf).filter(Boolean))];
    for (const p of await db.products.where('looseKey').anyOf(looseKeys).toArray()) {
      loose.set(p.looseKey, [...(loose.get(p.looseKey) ?? []), p.id]);
    }
  }
  const out = new Map<string, Match>();
  for (const sku of skus) {
    const key = skuKeyOf(sku);
    if (!key) out.set(sku, { reason: 'empty_sku', candidates: [] });
    else if (exact.has(key)) out.set(sku, { productId: exact.get(key)!.id });
    else {
      const candidates = loose.get(looseKeyOf(key)) ?? [];
      out.set(sku, { reason: candidates.length > 1 ? 'ambiguous_sku' : 'no_matching_sku', candidates });
    }
  }
  return out;
}

/** The variant's connection fields after (re-)matching; a seller's own connection is kept. */
export function applyMatch(v: Pick<StoreVariantRow, 'productId' | 'connectedBy'>, match: Match): Pick<StoreVariantRow, 'productId' | 'connected' | 'connectedBy' | 'reason' | 'candidateProductIds'> {
  if (v.productId !== null && (v.connectedBy === 'manual' || v.connectedBy === 'created')) {
    // The seller's own connection survives any SKU change on the platform.
    return { productId: v.productId, connected: 1, connectedBy: v.connectedBy, reason: null, candidateProductIds: [] };
  }
  if ('productId' in match) return { productId: match.productId, connected: 1, connectedBy: 'sku', reason: null, candidateProductIds: [] };
  return { productId: null, connected: 0, connectedBy: null, reason: match.reason, candidateProductIds: match.candidates };
}

/** Re-matches every unconnected variant of a store, in chunks; a new connection on an auto-synced
 *  listing is pushed (trigger `connection`). */
export async function autoConnectStore(db: ShelfsyncDB, storeId: number): Promise<{ connected: number; unconnected: number }> {
  const ids = await db.storeVariants.where('[storeId+connected]').equals([storeId, 0]).primaryKeys();
  let connected = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    await db.transaction('rw', stockTables(db), async () => {
      // A variant the seller disconnected on purpose stays disconnected.
      const rows = (await db.storeVariants.bulkGet(ids.slice(i, i + 1000))).filter((r): r is StoreVariantRow => !!r && r.connected === 0 && r.reason !== 'disconnected');
      const matches = await matchSkus(db, rows.map((r) => r.sellerSku));
      const next = rows.map((r) => ({ ...r, ...applyMatch(r, matches.get(r.sellerSku)!) }));
      const made = next.filter((r) => r.connected);
      connected += made.length;
      await db.storeVariants.bulkPut(next);
      const listings = await db.storeProducts.bulkGet([...new Set(made.map((v) => v.storeProductId))]);
      const auto = new Set(listings.filter((p) => p?.autoSync === 1).map((p) => p!.id));
      await markVariants(db, made.filter((v) => auto.has(v.storeProductId)), 'connection', { now: Date.now() });
      await applyWaitingLines(db, made, Date.now());
    });
  }
  return { connected, unconnected: ids.length - connected };
}
