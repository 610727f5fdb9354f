// A store's platform catalogue as the rest of Shelfsync uses it: the category tree with paths, a
// leaf's rules (attributes and brand), brands, Shopee logistics channels, TikTok warehouses —
// read through the adapter and cached a day (cache.ts). Platforms without one (Shopify,
// WooCommerce: no required category, attributes or brand) answer `supported: false`.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import { platformName } from '../drafts/limits';
import { PlatformError, type CatalogBrand, type CatalogCategory, type CategoryRules, type LogisticsChannel, type PlatformAdapter, type PlatformWarehouse } from '../platforms/types';
import { platformMessage } from '../stores/save';
import { adapterFor } from '../stores/session';
import { cachedRead, peek, type Cached } from './cache';
import { t } from '../i18n';

export interface CategoryNode extends CatalogCategory {
  /** Names from the root down, the category's own last. */
  path: string[];
}

export interface CategoryTree {
  list: CategoryNode[];
  byId: Map<string, CategoryNode>;
}

/** Paths and an index of a flat list (parents may come after children). */
export function treeOf(list: CatalogCategory[]): CategoryTree {
  const raw = new Map(list.map((c) => [c.id, c]));
  const paths = new Map<string, string[]>();
  const pathOf = (c: CatalogCategory, depth = 0): string[] => {
    const known = paths.get(c.id);
    if (known) return known;
    const parent = c.parentId ? raw.get(c.parentId) : undefined;
    const p = parent && depth < 20 ? [...pathOf(parent, depth + 1), c.name] : [c.name];
    paths.set(c.id, p);
    return p;
  };
  const nodes = list.map((c) => ({ ...c, path: pathOf(c) }));
  return { list: nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
}

/** Trees built from the cache, per store and copy: a search or a list of drafts builds one. */
const trees = new Map<number, { copy: string; tree: CategoryTree }>();
function treeFor(storeId: number, fetchedAt: number, list: CatalogCategory[]): CategoryTree {
  // Which copy: its time, size and first id (a store id is never reused, a database may be).
  const copy = `${fetchedAt}:${list.length}:${list[0]?.id ?? ''}`;
  const memo = trees.get(storeId);
  if (memo && memo.copy === copy) return memo.tree;
  const tree = treeOf(list);
  trees.set(storeId, { copy, tree });
  return tree;
}

async function storeOf(db: ShelfsyncDB, storeId: number): Promise<StoreRow> {
  const store = await db.stores.get(storeId);
  if (!store) throw new CommandError('not_found', t('err_notFound_store', storeId), { id: storeId });
  return store;
}

/** Platform failures become a sentence with a stable code; an auth failure flags the store. */
async function asked<T>(db: ShelfsyncDB, store: StoreRow, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof PlatformError)) throw err;
    if (err.kind === 'auth') await db.stores.update(store.id, { status: 'needs_reauthorization', statusReason: err.message, updatedAt: Date.now() });
    const code = err.kind === 'auth' ? 'auth_failed' : err.kind === 'invalid' || err.kind === 'not_found' ? 'platform_refused' : 'platform_unreachable';
    throw new CommandError(code, t('err_catalog_readFailed', what, platformName(store.platform), platformMessage(err)), { kind: err.kind });
  }
}

type Need = 'listCategories' | 'categoryRules' | 'listBrands' | 'listLogisticsChannels' | 'listWarehouses';

/** The adapter when the store's platform has this part of a catalogue, else null. */
async function adapterWith(db: ShelfsyncDB, store: StoreRow, need: Need): Promise<PlatformAdapter | null> {
  const adapter = await adapterFor(db, store);
  return adapter[need] ? adapter : null;
}

export type Answer<T> = (Cached<T> & { supported: true }) | { supported: false };

export async function categoriesOf(db: ShelfsyncDB, storeId: number, now: number, force = false): Promise<Answer<CategoryTree>> {
  const store = await storeOf(db, storeId);
  const adapter = await adapterWith(db, store, 'listCategories');
  if (!adapter) return { supported: false };
  const r = await cachedRead(db, store, 'categories', '', () => asked(db, store, t('err_catalog_what_categories'), () => adapter.listCategories!()), now, force);
  return { ...r, data: treeFor(storeId, r.fetchedAt, r.data), supported: true };
}

/** A leaf's rules; a category that is not a leaf (or not in the tree) is refused with a sentence. */
export async function rulesOf(db: ShelfsyncDB, storeId: number, categoryId: string, now: number): Promise<Answer<CategoryRules>> {
  const store = await storeOf(db, storeId);
  const tree = await categoriesOf(db, storeId, now);
  if (!tree.supported) return { supported: false };
  const node = tree.data.byId.get(categoryId);
  const name = platformName(store.platform);
  if (!node) throw new CommandError('invalid_category', t('err_catalog_unknownCategory', name, categoryId, new Date(tree.fetchedAt).toISOString().slice(0, 10)), { categoryId });
  if (!node.leaf) throw new CommandError('not_leaf', t('err_catalog_notLeaf', node.path.join(' > '), name), { categoryId });
  const adapter = (await adapterWith(db, store, 'categoryRules'))!;
  const r = await cachedRead(db, store, 'rules', categoryId, () => asked(db, store, t('err_catalog_what_attributes', node.name), () => adapter.categoryRules!(categoryId)), now);
  return { ...r, supported: true };
}

export async function brandsOf(db: ShelfsyncDB, storeId: number, categoryId: string, now: number): Promise<Answer<CatalogBrand[]>> {
  const store = await storeOf(db, storeId);
  const adapter = await adapterWith(db, store, 'listBrands');
  if (!adapter) return { supported: false };
  // Lazada has one list for every category; the others list per category.
  const key = store.platform === 'lazada' ? '' : categoryId;
  const r = await cachedRead(db, store, 'brands', key, () => asked(db, store, t('err_catalog_what_brands'), () => adapter.listBrands!(categoryId)), now);
  return { ...r, supported: true };
}

/** A store-wide list (Shopee channels, TikTok warehouses): the adapter's method when it has one. */
async function storeList<K extends 'listLogisticsChannels' | 'listWarehouses'>(db: ShelfsyncDB, storeId: number, now: number, need: K, kind: 'logistics' | 'warehouses', what: string): Promise<Answer<Awaited<ReturnType<NonNullable<PlatformAdapter[K]>>>>> {
  const store = await storeOf(db, storeId);
  const adapter = await adapterWith(db, store, need);
  if (!adapter) return { supported: false };
  const r = await cachedRead(db, store, kind, '', () => asked(db, store, what, () => (adapter[need] as () => Promise<Awaited<ReturnType<NonNullable<PlatformAdapter[K]>>>>)()), now);
  return { ...r, supported: true };
}

export function channelsOf(db: ShelfsyncDB, storeId: number, now: number): Promise<Answer<LogisticsChannel[]>> {
  return storeList(db, storeId, now, 'listLogisticsChannels', 'logistics', t('err_catalog_what_logistics'));
}

export function warehousesOf(db: ShelfsyncDB, storeId: number, now: number): Promise<Answer<PlatformWarehouse[]>> {
  return storeList(db, storeId, now, 'listWarehouses', 'warehouses', t('err_catalog_what_warehouses'));
}

/** What validation may know without asking the platform: whatever is cached, whatever its age. */
export interface KnownCatalog {
  tree?: CategoryTree;
  rules?: CategoryRules;
  channels?: LogisticsChannel[];
  warehouses?: PlatformWarehouse[];
}

export async function knownCatalog(db: ShelfsyncDB, storeId: number, categoryId: string | null): Promise<KnownCatalog> {
  const [row, rules, channels, warehouses] = await Promise.all([
    db.catalogCache.get([storeId, 'categories', '']),
    categoryId ? peek<CategoryRules>(db, storeId, 'rules', categoryId) : undefined,
    peek<LogisticsChannel[]>(db, storeId, 'logistics'),
    peek<PlatformWarehouse[]>(db, storeId, 'warehouses'),
  ]);
  return { tree: row ? treeFor(storeId, row.fetchedAt, row.data as CatalogCategory[]) : undefined, rules, channels, warehouses };
}
