// "What this will push", said before it happens (PRODUCT.md: never a surprise on a live listing).
// For a set of store variants: what each listing shows on its platform now (the stock Shelfsync
// last saw there: downloaded, or its last successful push) against the number Shelfsync would
// push, and whether that push goes out now (auto sync on and a rule). Callers compute it inside
// a dry run (lib/db/rollback.ts) after doing the real work, or over the listings a switch touches.
import type { ShelfsyncDB } from '../db/database';
import { storeVariantsAfter } from '../db/tables';
import type { MovementRow, StoreVariantRow } from '../db/types';
import { storeLabel } from '../stores/label';
import { capturedReach, reachParts, variantsOfProducts, type ReachParts } from './capture';
import { movedParts, oneRead, quantitiesFor, rulesForStores } from './quantity';

export interface PushEffect {
  storeVariantId: number;
  storeProductId: number;
  storeId: number;
  title: string;
  sellerSku: string;
  /** What the platform shows now, as far as Shelfsync knows. */
  from: number;
  /** What Shelfsync would push; null when there is no number (no rule, not connected). */
  to: number | null;
  /** True when this push goes out now (auto sync on for the listing, a rule for the store). */
  pushes: boolean;
}

export interface EffectSummary {
  /** The changing pushes first (those going to 0 first of all), at most `limit`. */
  items: PushEffect[];
  /** Variants looked at. */
  total: number;
  /** Pushes that go out now and change what the platform shows. */
  changes: number;
  /** Of those, listings that go from some stock to 0. */
  toZero: number;
  /** Pushes that go out now with the number the platform already shows. */
  unchanged: number;
  /** Variants with a number that are not pushed now (auto sync off). */
  waiting: number;
  /** Variants with no number (no rule for the store, or not connected). */
  noNumber: number;
  /** Listings whose stock changes now, and the stores they are in. */
  listings: number;
  stores: number;
}

export const EFFECT_ITEMS = 200;

export function emptyEffects(): EffectSummary {
  return { items: [], total: 0, changes: 0, toZero: 0, unchanged: 0, waiting: 0, noNumber: 0, listings: 0, stores: 0 };
}

type Variant = Pick<StoreVariantRow, 'id' | 'storeId' | 'storeProductId' | 'productId' | 'sellerSku' | 'platformStock'>;

/** Adds a batch of variants to `into`. `autoSync` forces the listing's switch (a preview of
 *  switching it on); otherwise each listing's own switch decides whether the push goes out. */
export async function addEffects(db: ShelfsyncDB, into: Tracked, variants: Variant[], opts: { autoSync?: boolean; limit?: number } = {}): Promise<EffectSummary> {
  if (!variants.length) return into;
  const quantities = await quantitiesFor(db, variants);
  const listings = new Map((await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))])).filter(Boolean).map((p) => [p!.id, p!]));
  for (const v of variants) {
    const to = quantities.get(v.id)?.quantity ?? null;
    const listing = listings.get(v.storeProductId);
    countEffect(into, v, listing?.title ?? '', to, opts.autoSync ?? listing?.autoSync === 1);
  }
  return trimEffects(into, opts.limit);
}

type Tracked = EffectSummary & { seen?: { listings: Set<number>; stores: Set<number> } };

/** Counts one variant going to `to` (pushed now when `on`); callers that compute the number
 *  themselves (a rule not saved yet) count with this and trim once per batch. */
export function countEffect(into: Tracked, v: Variant, title: string, to: number | null, on: boolean): void {
  const seen = (into.seen ??= { listings: new Set(), stores: new Set() });
  const pushes = on && to !== null;
  into.total++;
  if (to === null) into.noNumber++;
  else if (!pushes) into.waiting++;
  else if (to === v.platformStock) into.unchanged++;
  else {
    into.changes++;
    if (to === 0 && v.platformStock > 0) into.toZero++;
    seen.listings.add(v.storeProductId);
    seen.stores.add(v.storeId);
  }
  into.items.push({ storeVariantId: v.id, storeProductId: v.storeProductId, storeId: v.storeId, title, sellerSku: v.sellerSku, from: v.platformStock, to, pushes });
  into.listings = seen.listings.size;
  into.stores = seen.stores.size;
}

/** Keeps the rows a seller must see: changes going to 0, other changes, then the rest. */
export function trimEffects(into: Tracked, limit = EFFECT_ITEMS): EffectSummary {
  const rank = (e: PushEffect) => (e.pushes && e.to !== e.from ? (e.to === 0 ? 0 : 1) : 2);
  into.items.sort((a, b) => rank(a) - rank(b) || a.storeProductId - b.storeProductId || a.storeVariantId - b.storeVariantId);
  into.items.length = Math.min(into.items.length, limit);
  return into;
}

/** The summary without its bookkeeping, for an answer. */
export function effectsAnswer(e: EffectSummary & { seen?: unknown }): EffectSummary {
  const { seen: _seen, ...rest } = e;
  return rest;
}

const WALK = 2000;

/** What switching auto sync on for these listings (or the whole store) pushes now: every
 *  connected variant gets its number. A large store is walked a page of variants at a time. */
export async function autoSyncOnEffects(db: ShelfsyncDB, storeId: number, target: { storeProductIds?: number[]; all?: true }): Promise<EffectSummary> {
  const into = emptyEffects();
  if (target.storeProductIds) {
    for (let i = 0; i < target.storeProductIds.length; i += 500) {
      const variants = await db.storeVariants.where('storeProductId').anyOf(target.storeProductIds.slice(i, i + 500)).toArray();
      await addEffects(db, into, variants.filter((v) => v.storeId === storeId && v.connected === 1), { autoSync: true });
    }
    return effectsAnswer(into);
  }
  let after: [string, string] = ['', ''];
  for (;;) {
    const page = await storeVariantsAfter(db, storeId, after, WALK);
    await addEffects(db, into, page.filter((v) => v.connected === 1), { autoSync: true });
    if (page.length < WALK) return effectsAnswer(into);
    const last = page[page.length - 1]!;
    after = [last.platformItemId, last.platformVariantId];
  }
}

export interface StockReach {
  /** Listings on auto sync whose number this change moved: marked for a push with it. */
  pushed: { variants: number; listings: number; stores: number };
  /** Stores whose rule counts the change but whose listings of it have auto sync off: stale. */
  autoSyncOff: { storeId: number; name: string; label: string; platform: string; storeProductIds: number[] }[];
  /** Stores selling the product with no rule: nothing is pushed there. */
  noRule: { storeId: number; name: string; label: string; platform: string }[];
}

/** Where one stock change went (after it committed): the same reach as change capture, also
 *  naming what it did not reach, so the seller is not left to guess which stores went stale.
 *  Capture recorded it inside the change's transaction; only a movement it did not see (an
 *  idempotent repeat answers a stored copy) is read again. Store rows are read only to name the
 *  stores left stale or without a rule. */
export async function stockChangeReach(db: ShelfsyncDB, movement: MovementRow): Promise<StockReach> {
  const reach: StockReach = { pushed: { variants: 0, listings: 0, stores: 0 }, autoSyncOff: [], noRule: [] };
  const moved = movedParts(movement);
  if (!moved.sellable && !moved.inTransit) return reach;
  const parts = capturedReach(movement) ?? (await readReach(db, movement));
  reach.pushed = {
    variants: parts.pushed.length,
    listings: new Set(parts.pushed.map((v) => v.storeProductId)).size,
    stores: new Set(parts.pushed.map((v) => v.storeId)).size,
  };
  const off = new Map<number, Set<number>>();
  for (const v of parts.off) (off.get(v.storeId) ?? off.set(v.storeId, new Set()).get(v.storeId)!).add(v.storeProductId);
  if (!off.size && !parts.noRuleStores.length) return reach;
  const stores = await db.stores.bulkGet([...new Set([...off.keys(), ...parts.noRuleStores])]);
  const storeOf = new Map(stores.filter(Boolean).map((s) => [s!.id, s!]));
  for (const [storeId, ids] of off) {
    const store = storeOf.get(storeId);
    if (store) reach.autoSyncOff.push({ storeId, name: store.name, label: storeLabel(store), platform: store.platform, storeProductIds: [...ids] });
  }
  for (const storeId of parts.noRuleStores) {
    const store = storeOf.get(storeId);
    if (store) reach.noRule.push({ storeId, name: store.name, label: storeLabel(store), platform: store.platform });
  }
  return reach;
}

/** The reach read from the database, in one read transaction. */
async function readReach(db: ShelfsyncDB, movement: MovementRow): Promise<ReachParts> {
  return oneRead(db, [db.storeVariants, db.ruleStores, db.syncRules, db.storeProducts], async () => {
    const variants = (await variantsOfProducts(db, [movement.productId])).get(movement.productId)!;
    const [rules, listings] = await Promise.all([
      rulesForStores(db, variants.map((v) => v.storeId)),
      db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]),
    ]);
    const autoSync = new Set(listings.filter((p) => p?.autoSync === 1).map((p) => p!.id));
    return reachParts(movement, variants, (id) => rules.get(id), (id) => autoSync.has(id));
  });
}
