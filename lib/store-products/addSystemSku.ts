// Add system SKU (PRODUCT.md flow 10) and manual Connect, without surprising a live listing.
// A new system product starts with no stock, so connecting a listing on auto sync to it would
// push 0 at once. The seller chooses where its stock comes from: `platform` (the default) takes
// each listing's platform stock into a warehouse as a ledger intake, so under a 100 % rule the
// listing keeps its number; `zero` starts at 0 and the preview counts the listings going to 0.
// Both commands can run as a dry run: the same work in a transaction that is rolled back,
// answering what it would push (lib/db/rollback.ts).
import { CommandError, notFound } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { rolledBack } from '../db/rollback';
import type { ProductRow, StoreRow, StoreVariantRow, SyncRuleRow } from '../db/types';
import { looseKeyOf, skuKeyOf } from '../db/versions';
import { applyStockChanges, stockTables, type StockChange } from '../inventory/levels';
import { applyWaitingLines, unitsOutsidePlatformStock } from '../orders/unmatched';
import { markVariants } from '../sync/capture';
import { addEffects, effectsAnswer, emptyEffects, type EffectSummary } from '../sync/effects';
import { rulesForStores } from '../sync/quantity';
import { t } from '../i18n';

export type StartingStock = 'platform' | 'zero';

export interface AddSystemSkuInput {
  storeVariantIds: number[];
  startingStock: StartingStock;
  warehouseId?: number;
  dryRun?: boolean;
}

export interface AddSystemSkuAnswer {
  created: { storeVariantId: number; productId: number; sku: string; intake: number }[];
  /** Variants connected to a product this same call created (two listings selling one SKU). */
  joined: { storeVariantId: number; productId: number; sku: string }[];
  errors: { storeVariantId: number; code: string; message: string }[];
  startingStock: StartingStock;
  /** Where the platform stock went, per store (null with `zero`). */
  warehouses: { storeId: number; warehouseId: number; name: string }[];
  effects: EffectSummary;
  /** Stores whose variants were asked about (their list index is stale after a real run). */
  storeIds: number[];
  dryRun: boolean;
}

/** Connected variants on auto sync are pushed now: a connection change moves their number. */
export async function markIfAutoSync(db: ShelfsyncDB, variants: StoreVariantRow[], now: number): Promise<void> {
  const products = await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))]);
  const on = new Set(products.filter((p) => p?.autoSync === 1).map((p) => p!.id));
  await markVariants(db, variants.filter((v) => on.has(v.storeProductId) && v.connected === 1), 'connection', { now });
}

/** The warehouse each store's platform stock goes into: the one asked for, else the store's
 *  rule's first warehouse, else the only warehouse there is. */
async function intakeWarehouses(db: ShelfsyncDB, stores: StoreRow[], rules: Map<number, SyncRuleRow | null>, asked?: number) {
  const all = await db.warehouses.toArray();
  if (asked !== undefined && !all.some((w) => w.id === asked)) throw new CommandError('not_found', t('err_notFound_warehouse', asked), { field: 'warehouseId' });
  if (!all.length) {
    throw new CommandError('no_warehouse', t('err_addSku_noWarehouse'), { field: 'warehouseId' });
  }
  const out = new Map<number, number>();
  for (const s of stores) {
    const w = asked ?? rules.get(s.id)?.warehouseIds[0] ?? (all.length === 1 ? all[0]!.id : undefined);
    if (w === undefined) {
      throw new CommandError('warehouse_required', t('err_addSku_warehouseRequired', s.name), { field: 'warehouseId', storeId: s.id });
    }
    out.set(s.id, w);
  }
  return { byStore: out, names: new Map(all.map((w) => [w.id, w.name])) };
}

function productName(title: string | undefined, sku: string, options: Record<string, string> | null): string {
  const optionText = options ? Object.values(options).filter(Boolean).join(' / ') : '';
  return `${title || sku}${optionText ? ` — ${optionText}` : ''}`.slice(0, 300);
}

async function addSystemSkuWork(db: ShelfsyncDB, input: AddSystemSkuInput, t: number): Promise<AddSystemSkuAnswer> {
  const ids = [...new Set(input.storeVariantIds)];
  const rows = await db.storeVariants.bulkGet(ids);
  const answer: AddSystemSkuAnswer = { created: [], joined: [], errors: [], startingStock: input.startingStock, warehouses: [], effects: emptyEffects(), storeIds: [], dryRun: !!input.dryRun };
  const variants = rows.filter((v): v is StoreVariantRow => !!v);
  rows.forEach((v, i) => {
    if (!v) answer.errors.push({ storeVariantId: ids[i]!, code: 'not_found', message: `No store variant with id ${ids[i]} exists.` });
  });
  const stores = (await db.stores.bulkGet([...new Set(variants.map((v) => v.storeId))])).filter((s): s is StoreRow => !!s);
  const storeOf = new Map(stores.map((s) => [s.id, s]));
  answer.storeIds = stores.map((s) => s.id);
  const rules = await rulesForStores(db, stores.map((s) => s.id));
  const intake = input.startingStock === 'platform' ? await intakeWarehouses(db, stores, rules, input.warehouseId) : null;
  if (intake) answer.warehouses = [...intake.byStore].map(([storeId, warehouseId]) => ({ storeId, warehouseId, name: intake.names.get(warehouseId) ?? '' }));
  const listings = new Map((await db.storeProducts.bulkGet([...new Set(variants.map((v) => v.storeProductId))])).filter(Boolean).map((p) => [p!.id, p!]));
  const madeHere = new Map<string, { productId: number; sku: string }>();
  const connected: StoreVariantRow[] = [];
  const changes: StockChange[] = [];
  for (const v of variants) {
    const sku = v.sellerSku.trim();
    if (v.connected === 1) {
      answer.errors.push({ storeVariantId: v.id, code: 'already_connected', message: `${sku || 'This variant'} is already connected to a system product; disconnect it first to connect it elsewhere.` });
      continue;
    }
    if (!sku) {
      answer.errors.push({ storeVariantId: v.id, code: 'empty_sku', message: 'This variant has no seller SKU on the platform, so there is no SKU to create. Give it one on the platform, or connect it manually.' });
      continue;
    }
    const key = skuKeyOf(sku);
    const same = madeHere.get(key);
    if (same) {
      // Two listings selling the same SKU share one product; the stock is taken once (from the
      // first), or it would be counted twice.
      connected.push({ ...v, productId: same.productId, connected: 1, connectedBy: 'created', reason: null, candidateProductIds: [] });
      answer.joined.push({ storeVariantId: v.id, productId: same.productId, sku: same.sku });
      continue;
    }
    const taken = await db.products.where('skuKey').equals(key).first();
    if (taken) {
      answer.errors.push({ storeVariantId: v.id, code: 'sku_taken', message: `The SKU "${sku}" already belongs to the system product "${taken.name}"; connect this variant to it instead.` });
      continue;
    }
    const listing = listings.get(v.storeProductId);
    const row = {
      sku, skuKey: key, looseKey: looseKeyOf(sku), name: productName(listing?.title, sku, v.options),
      price: v.price, imageUrl: listing?.imageUrl && /^https?:\/\//.test(listing.imageUrl) ? listing.imageUrl : null, weightGrams: null,
      description: null, createdAt: t, updatedAt: t,
    };
    const productId = await db.products.add(row as ProductRow);
    madeHere.set(key, { productId, sku });
    const warehouseId = intake?.byStore.get(v.storeId);
    // The platform already lowered its number for sales still waiting on this listing.
    const waiting = warehouseId !== undefined ? await unitsOutsidePlatformStock(db, v, Math.max(listing?.updatedAt ?? 0, v.lastSync?.at ?? 0)) : 0;
    const units = warehouseId !== undefined ? Math.max(0, v.platformStock) + waiting : 0;
    if (warehouseId !== undefined && units > 0) {
      const store = storeOf.get(v.storeId);
      changes.push({
        productId, warehouseId, delta: { onHand: units }, kind: 'intake', now: t,
        reason: `Starting stock: ${store?.name ?? 'the store'} showed ${units} for ${sku} when its system product was created`,
        reference: `listing ${v.platformItemId}/${v.platformVariantId}`,
      });
    }
    connected.push({ ...v, productId, connected: 1, connectedBy: 'created', reason: null, candidateProductIds: [] });
    answer.created.push({ storeVariantId: v.id, productId, sku, intake: units });
  }
  // The intake lands before the variants are connected, so capture marks nothing for it; the
  // connection below is the one push each listing gets (trigger `connection`).
  if (changes.length) await applyStockChanges(db, changes);
  await db.storeVariants.bulkPut(connected);
  await markIfAutoSync(db, connected, t);
  await applyWaitingLines(db, connected, t);
  answer.effects = effectsAnswer(await addEffects(db, emptyEffects(), connected));
  return answer;
}

export async function addSystemSku(db: ShelfsyncDB, input: AddSystemSkuInput, t: number): Promise<AddSystemSkuAnswer> {
  const tables = stockTables(db);
  if (input.dryRun) return rolledBack(db, tables, () => addSystemSkuWork(db, input, t));
  return db.transaction('rw', tables, async () => addSystemSkuWork(db, input, t));
}

export interface ConnectAnswer {
  id: number;
  productId: number;
  connected: true;
  /** The number this connection makes Shelfsync push (null: no rule, nothing is pushed). */
  pushQuantity: number | null;
  /** What the platform shows now, and whether the push goes out at once (auto sync on). */
  from: number;
  pushes: boolean;
  reason: string | null;
  dryRun: boolean;
}

async function connectWork(db: ShelfsyncDB, vid: number, productId: number, t: number, dryRun: boolean): Promise<ConnectAnswer & { storeId: number }> {
  const v = await db.storeVariants.get(vid);
  if (!v) throw notFound('store variant', vid);
  const product = await db.products.get(productId);
  if (!product) throw notFound('system product', productId);
  const next: StoreVariantRow = { ...v, productId, connected: 1, connectedBy: 'manual', reason: null, candidateProductIds: [] };
  await db.storeVariants.put(next);
  await markIfAutoSync(db, [next], t);
  await applyWaitingLines(db, [next], t);
  const [effect] = (await addEffects(db, emptyEffects(), [next])).items;
  const pushQuantity = effect?.to ?? null;
  return {
    // Connected now, so the only way to have no number is a store without a rule.
    id: vid, productId, connected: true, storeId: v.storeId, pushQuantity, from: v.platformStock, pushes: !!effect?.pushes,
    reason: pushQuantity === null ? 'no_sync_rule' : null, dryRun,
  };
}

export async function connectVariant(db: ShelfsyncDB, vid: number, productId: number, t: number, dryRun = false): Promise<ConnectAnswer & { storeId: number }> {
  const tables = stockTables(db);
  if (dryRun) return rolledBack(db, tables, () => connectWork(db, vid, productId, t, true));
  return db.transaction('rw', tables, async () => connectWork(db, vid, productId, t, false));
}
