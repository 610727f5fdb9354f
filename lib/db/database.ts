// The Dexie database. Only the background service worker writes it (through commands);
// extension pages may read it, e.g. with liveQuery.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { SCHEMA_VERSIONS } from './versions';
import { writeObserver } from './writes';
import type {
  CatalogCacheRow, DraftRow, PushQueueRow, RateLimitRow, RuleStoreRow, StoreMarkRow, SyncLogRow, SyncRuleRow,
  IdempotencyRow, InventorySourceRow, JobRow, MetaRow, MovementRow, OrderRow, ProductRow, PurchaseOrderRow, ReservationRow,
  SettingRow, StockLevelRow, StoreProductRow, StoreRow, StoreVariantRow, WarehouseRow,
} from './types';

export const DB_NAME = 'shelfsync';

export class ShelfsyncDB extends Dexie {
  meta!: Table<MetaRow, string>;
  settings!: Table<SettingRow, string>;
  warehouses!: EntityTable<WarehouseRow, 'id'>;
  products!: EntityTable<ProductRow, 'id'>;
  stockLevels!: Table<StockLevelRow, [number, number]>;
  movements!: EntityTable<MovementRow, 'id'>;
  stores!: EntityTable<StoreRow, 'id'>;
  storeProducts!: EntityTable<StoreProductRow, 'id'>;
  storeVariants!: EntityTable<StoreVariantRow, 'id'>;
  reservations!: EntityTable<ReservationRow, 'id'>;
  purchaseOrders!: EntityTable<PurchaseOrderRow, 'id'>;
  idempotency!: Table<IdempotencyRow, string>;
  inventorySources!: EntityTable<InventorySourceRow, 'id'>;
  jobs!: EntityTable<JobRow, 'id'>;
  syncRules!: EntityTable<SyncRuleRow, 'id'>;
  ruleStores!: Table<RuleStoreRow, number>;
  pushQueue!: Table<PushQueueRow, number>;
  storeMarks!: Table<StoreMarkRow, number>;
  syncLogs!: EntityTable<SyncLogRow, 'id'>;
  rateLimits!: Table<RateLimitRow, number>;
  drafts!: EntityTable<DraftRow, 'id'>;
  orders!: EntityTable<OrderRow, 'id'>;
  catalogCache!: Table<CatalogCacheRow, [number, string, string]>;

  /** `upTo` opens an older schema: only the upgrade tests use it. */
  constructor(name = DB_NAME, opts: { upTo?: number } = {}) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (opts.upTo !== undefined && v.version > opts.upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Who wrote which rows, for in-memory knowledge that must not go stale (writes.ts).
    this.use(writeObserver);
  }
}

let shared: ShelfsyncDB | undefined;

/** The one database instance of this JavaScript context. */
export function getDb(): ShelfsyncDB {
  shared ??= new ShelfsyncDB();
  return shared;
}

/** Tests: forget the instance (after deleting the database). */
export function resetDbForTests(): void {
  shared?.close();
  shared = undefined;
}
