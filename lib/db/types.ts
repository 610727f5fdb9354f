// Row types of the local database. Times are epoch milliseconds; ids are Dexie auto-increment
// numbers unless a platform gives us the id (then it is a string field beside our own id).
import type { ItemStatus, OrderStatus, Platform, PlatformEndpoints, ShopIdentity } from '../platforms/types';

export interface MetaRow { key: string; value: unknown }

export interface WarehouseRow { id: number; name: string; code: string; createdAt: number }

export interface ProductRow {
  id: number;
  sku: string;
  /** sku trimmed and lower-cased: the unique key (`ab-1` and `AB-1 ` are the same SKU). */
  skuKey: string;
  /** Letters and digits of the SKU, lower-cased: near-miss suggestions for unconnected variants. */
  looseKey: string;
  name: string;
  price: number | null;
  imageUrl: string | null;
  weightGrams: number | null;
  description: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface StockLevelRow {
  productId: number;
  warehouseId: number;
  onHand: number;
  reserved: number;
  inTransit: number;
  updatedAt: number;
}

export interface MovementRow {
  id: number;
  productId: number;
  warehouseId: number;
  /** `intake`: stock taken over from a listing's platform stock when Add system SKU creates its product. */
  kind: 'adjust' | 'count' | 'reserve' | 'release' | 'fulfil' | 'po_order' | 'po_receive' | 'po_cancel' | 'import' | 'inventory_pull' | 'intake'
    /** A platform order's line (ORDERS.md): reference = `order:<storeId>:<platformOrderId>`. */
    | 'order_reserved' | 'order_fulfilled' | 'order_released' | 'order_returned';
  reason: string | null;
  reference: string | null;
  before: { onHand: number; reserved: number; inTransit: number };
  after: { onHand: number; reserved: number; inTransit: number };
  createdAt: number;
}

export type StoreStatus = 'active' | 'needs_reauthorization' | 'disabled';

export interface StoreDownloadState {
  /** Start time of the last finished download: the next incremental asks for changes since then. */
  lastCompletedStartedAt: number | null;
  last: { at: number; mode: 'full' | 'incremental'; ok: boolean; items: number; message: string } | null;
}

export interface StoreRow {
  id: number;
  platform: Platform;
  name: string;
  region: string | null;
  status: StoreStatus;
  statusReason: string | null;
  endpoints: PlatformEndpoints;
  /** Who this store is on its platform (shop id, seller id, shop domain, site URL): not secret;
   *  lets a console page be matched to its store. */
  shopRef: string;
  /** The shop's ids, region and platform name as the platform answered them (lib/stores/identity.ts).
   *  Absent on stores connected before it was learnt: the next test or download fills it. */
  identity?: ShopIdentity;
  /** Encrypted credentials (AES-GCM, non-extractable key); never leaves the background. */
  secret: { iv: string; data: string };
  autoSyncDefault: boolean;
  download: StoreDownloadState;
  /** Order polling and its settings (ORDERS.md); absent on rows written before orders existed
   *  until the version-3 upgrade fills it (lib/orders/settings.ts#ordersOf answers the defaults). */
  orders?: StoreOrders;
  /** Drift that stayed after the store's orders were seen: something else writes its stock. */
  foreignWrites?: ForeignWrites | null;
  createdAt: number;
  updatedAt: number;
}

export interface StoreOrders {
  enabled: boolean;
  /** Where the store's orders hold and take stock; null = the rule's first warehouse, else the only one. */
  warehouseId: number | null;
  reserveUnpaid: boolean;
  restockReturns: boolean;
  intervalSeconds: number;
  /** Orders placed before this time were already in the counts when Shelfsync began following
   *  the store's orders: they are listed, never applied. */
  since: number;
  /** Latest platform update time fully read (epoch ms); the next check asks from it minus the overlap. */
  cursor: number | null;
  lastCheckedAt: number | null;
  lastAttemptAt: number | null;
  lastError: { at: number; code: string; message: string } | null;
  lastResult: { seen: number; new: number; changed: number } | null;
  /** A check that stopped before its last page: where the next check resumes (adapter cursor). */
  scan?: { startedAt: number; updatedSince: number; cursor: string; maxSeen: number } | null;
}

export interface ForeignWrites {
  at: number;
  listings: { storeVariantId: number; sellerSku: string; platformStock: number; expected: number }[];
}

/** An order line's units by state (ORDERS.md state machine); units in none of them are `none`. */
export interface LineUnits { reserved: number; fulfilled: number; released: number; returned: number }
export type LineState = 'none' | keyof LineUnits;

export interface OrderLineRow {
  platformItemId: string;
  platformVariantId: string;
  sellerSku: string;
  quantity: number;
  /** Units per platform status as last seen (a per-unit platform may cancel one of three). */
  statusUnits: Partial<Record<OrderStatus, number>>;
  storeVariantId: number | null;
  productId: number | null;
  systemSku: string | null;
  /** What has been applied to stock, exactly once per unit and state. */
  applied: LineUnits;
  state: LineState;
  /** Units reserved beyond what was sellable when they were reserved (problem `short`). */
  shortBy: number;
}

export type OrderProblem = 'unmatched' | 'short' | 'no_warehouse';

export interface OrderRow {
  id: number;
  storeId: number;
  platformOrderId: string;
  displayName: string | null;
  status: OrderStatus;
  platformStatus: string;
  createdAt: number;
  updatedAt: number;
  /** When Shelfsync first saw it. */
  seenAt: number;
  /** The warehouse its lines hold stock in (fixed once a line is applied). */
  warehouseId: number | null;
  /** 1 when placed before the store's orders were followed: listed, never applied. */
  before: 0 | 1;
  problems: OrderProblem[];
  /** `storeId|platformItemId|platformVariantId` of lines not connected yet (multi-entry index):
   *  connecting that listing finds its orders at once. */
  unmatchedKeys: string[];
  lines: OrderLineRow[];
}

export interface StoreProductRow {
  id: number;
  storeId: number;
  platformItemId: string;
  title: string;
  status: ItemStatus;
  /** 1 when a full download no longer found it on the platform. */
  gone: 0 | 1;
  imageUrl: string | null;
  /** Every image the platform lists, first = main (clone copies them all). */
  imageUrls?: string[];
  description: string | null;
  autoSync: 0 | 1;
  platformUpdatedAt: number;
  extra: Record<string, unknown> | null;
  /** The download job that last saw it (vanished = not seen by the latest full download). */
  lastSeenJob: number;
  updatedAt: number;
}

/** Why a variant is not connected; `disconnected` = the seller undid it (auto-connect leaves it). */
export type ConnectReason = 'no_matching_sku' | 'empty_sku' | 'ambiguous_sku' | 'disconnected';

export interface StoreVariantRow {
  id: number;
  storeId: number;
  storeProductId: number;
  platformItemId: string;
  platformVariantId: string;
  sellerSku: string;
  sellerSkuKey: string;
  productId: number | null;
  /** 1 when connected to a system product (indexed with storeId for the Unconnected view). */
  connected: 0 | 1;
  /** How the connection was made: by SKU (re-matched when the SKU changes), or by the seller. */
  connectedBy: 'sku' | 'manual' | 'created' | null;
  reason: ConnectReason | null;
  /** Near-miss system products to suggest (loose SKU match). */
  candidateProductIds: number[];
  price: number | null;
  platformStock: number;
  options: Record<string, string> | null;
  /** The adapter's handles for stock calls (PlatformVariant.ref). */
  ref: Record<string, unknown> | null;
  /** The last push that reached the platform, and how the last attempt ended. */
  lastPushedQuantity?: number | null;
  lastSync?: { at: number; quantity: number | null; status: SyncLogStatus; error: string | null } | null;
  /** 1 while the last push failed (indexed: the toolbar badge counts them). */
  failing?: 0 | 1;
  /** Drift check: what the platform showed when we last compared, if it differed. */
  drift?: { at: number; platformStock: number; expected: number } | null;
}

export interface JobRow {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number };
  input: unknown;
  /** The checkpoint a resumed job continues from. */
  state?: unknown;
  result?: unknown;
  error?: { code: string; message: string };
  createdAt: number;
  updatedAt: number;
}

export interface SettingRow { key: string; value: unknown }

export interface ReservationRow {
  id: number;
  productId: number;
  warehouseId: number;
  quantity: number;
  reference: string | null;
  status: 'open' | 'released' | 'fulfilled';
  createdAt: number;
  closedAt: number | null;
}

export interface PurchaseOrderLine {
  productId: number;
  sku: string;
  quantity: number;
  received: number;
}

export type PurchaseOrderStatus = 'ordered' | 'partially_received' | 'received' | 'cancelled';

export interface PurchaseOrderRow {
  id: number;
  warehouseId: number;
  supplier: string | null;
  reference: string | null;
  status: PurchaseOrderStatus;
  lines: PurchaseOrderLine[];
  createdAt: number;
  updatedAt: number;
}

/** A command answered once under an idempotency key; the second call repeats this answer. */
export interface IdempotencyRow {
  key: string;
  command: string;
  requestHash: string;
  answer: unknown;
  createdAt: number;
}

export interface InventorySourceRow {
  id: number;
  name: string;
  url: string;
  format: 'csv' | 'json';
  /** Column (CSV header) or property (JSON) names holding each field. */
  mapping: { sku: string; quantity: string; warehouse?: string };
  /** Where rows without a warehouse column land. */
  warehouseId: number;
  intervalMinutes: number;
  enabled: boolean;
  lastRun: InventoryPullResult | null;
  createdAt: number;
  updatedAt: number;
}

export interface InventoryPullResult {
  at: number;
  ok: boolean;
  rows: number;
  changed: number;
  unchanged: number;
  errors: { line: number; reason: string }[];
  message: string;
}

export type InventoryType = 'sellable' | 'sellable_in_transit';

export interface SyncRuleRow {
  id: number;
  name: string;
  inventoryType: InventoryType;
  ratioPercent: number;
  warehouseIds: number[];
  storeIds: number[];
  createdAt: number;
  updatedAt: number;
}

/** One row per store governed by a rule: the primary key makes "one rule per store" hold. */
export interface RuleStoreRow { storeId: number; ruleId: number }

export type SyncTrigger =
  | 'manual' | 'stock_change' | 'reservation' | 'purchase_order' | 'inventory_pull' | 'rule_change'
  | 'connection' | 'auto_sync_enabled' | 'retry' | 'reconcile' | 'order';

/** A store variant that needs a push. Marking twice is still one row (coalescing). */
export interface PushQueueRow {
  storeVariantId: number;
  storeId: number;
  /** Bumped on every mark: a push finishing with an older seq leaves the row for one more push. */
  seq: number;
  trigger: SyncTrigger;
  manual: 0 | 1;
  /** The pending sync-log row this push will complete. */
  logId: number;
  dueAt: number;
  leaseOwner: string | null;
  leaseUntil: number;
  attempts: number;
  lastError: string | null;
  firstQueuedAt: number;
}

/** A whole store to re-push (rule edited, auto sync on for all items): expanded lazily in chunks. */
export interface StoreMarkRow { storeId: number; trigger: SyncTrigger; seq: number; onlyAutoSync: 0 | 1; createdAt: number }

export type SyncLogStatus = 'pending' | 'success' | 'failed' | 'skipped';

export interface SyncLogRow {
  id: number;
  storeId: number;
  storeProductId: number;
  storeVariantId: number;
  quantity: number | null;
  trigger: SyncTrigger;
  status: SyncLogStatus;
  error: string | null;
  jobId: number | null;
  attempts: number;
  createdAt: number;
  sentAt: number | null;
}

/** Per-store call pacing, kept in the database so a restarted worker keeps honouring it. */
export interface RateLimitRow { storeId: number; nextCallAt: number; blockedUntil: number; reason: string | null }

export interface DraftVariant {
  sellerSku: string;
  price: number;
  stock: number;
  options: Record<string, string> | null;
  /** The system product it will be connected to, when known. */
  productId: number | null;
  /** Where the starting stock came from: the destination's rule, or 0 because nothing governs it
   *  (unconnected, or no rule in that store). Absent on drafts made before it existed, and once
   *  the seller types a stock. */
  stockSource?: DraftStockSource | null;
}

export type DraftStockSource = 'rule' | 'not_connected' | 'no_rule';

/** A release's refusal: the sentence (`message`), the field it concerns and the platform's own text. */
export interface DraftFailure {
  message: string;
  at: number;
  /** `title`, `variants.2.sellerSku`…; absent when the refusal concerns no one field. */
  field?: string | null;
  /** The platform's raw answer, kept for support. */
  details?: string | null;
  /** The field's value when it was refused: the field stops showing the refusal once it changes. */
  fieldValue?: unknown;
}

export type DraftStatus = 'draft' | 'publishing' | 'failed';

/** One piece of a store's platform catalogue as last read (lib/catalog/cache.ts). */
export interface CatalogCacheRow {
  storeId: number;
  kind: 'categories' | 'rules' | 'brands' | 'logistics' | 'warehouses';
  /** The category id for `rules` and `brands`; '' otherwise. */
  key: string;
  fetchedAt: number;
  data: unknown;
}

/** A category attribute's value on a draft: an option's id or name, or typed text; several for a
 *  multiple choice. */
export interface DraftAttribute {
  id: string;
  value: string | string[];
}

/** A draft image put into the destination's hosting (kept by source URL, so a retried release
 *  uploads each image once). */
export interface DraftUpload {
  ref: string;
  url: string;
  at: number;
}

/** The last image a release could not use: which one, and why (a machine code). */
export interface DraftImageProblem {
  sourceUrl: string;
  index: number;
  code: string;
  message: string;
}

/** A whole listing being prepared for one destination store (To be published). */
export interface DraftRow {
  id: number;
  storeId: number;
  /** Optimistic concurrency: every saved change bumps it; a stale write is refused. */
  version: number;
  status: DraftStatus;
  source: { kind: 'clone'; storeId: number; storeProductId: number; platformItemId: string } | { kind: 'products'; productIds: number[] };
  title: string;
  description: string;
  imageUrls: string[];
  price: number;
  categoryId: string | null;
  brand: string | null;
  weightGrams: number | null;
  variants: DraftVariant[];
  /** Platform-specific fields carried over from a same-platform source (logistics, image ids...). */
  extra: Record<string, unknown>;
  failure: DraftFailure | null;
  /** Set once the platform created the item, so a retried release completes it, never doubles it. */
  release: { platformItemId: string | null; startedAt: number } | null;
  createdAt: number;
  updatedAt: number;
  // What a marketplace needs besides the listing's own content (COMMANDS.md `drafts.update`).
  // Absent on drafts made before they existed.
  attributes?: DraftAttribute[];
  /** A brand of `catalog.brands` ('0' = No brand). `brand` keeps its name. */
  brandId?: string | null;
  /** Shopee: the logistics channels to enable. */
  logisticsChannelIds?: string[];
  /** TikTok: the sales warehouse of the new SKUs. */
  warehouseId?: string | null;
  /** Images already in the destination's hosting, by source URL (release uploads the rest). */
  uploads?: Record<string, DraftUpload>;
  /** The image the last release could not use. */
  imageProblem?: DraftImageProblem | null;
}
