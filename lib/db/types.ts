// Row types of the local database. Times are epoch milliseconds; ids are Dexie auto-increment
// numbers unless a platform gives us the id (then it is a string field beside our own id).
import type { Platform } from '../platforms/types';

export interface MetaRow { key: string; value: unknown }

export interface WarehouseRow { id: number; name: string; code: string; createdAt: number }

export interface ProductRow {
  id: number;
  sku: string;
  /** sku trimmed and lower-cased: the unique key (`ab-1` and `AB-1 ` are the same SKU). */
  skuKey: string;
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
  kind: 'adjust' | 'count' | 'reserve' | 'release' | 'fulfil' | 'po_order' | 'po_receive' | 'po_cancel' | 'import' | 'inventory_pull';
  reason: string | null;
  reference: string | null;
  before: { onHand: number; reserved: number; inTransit: number };
  after: { onHand: number; reserved: number; inTransit: number };
  createdAt: number;
}

export type StoreStatus = 'active' | 'needs_reauthorization' | 'disabled';

export interface StoreRow {
  id: number;
  platform: Platform;
  name: string;
  region: string | null;
  status: StoreStatus;
  apiBaseUrl: string | null;
  /** Encrypted credentials (AES-GCM with a non-extractable key); never leaves the background. */
  secret: { iv: string; data: string } | null;
  autoSyncDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StoreProductRow {
  id: number;
  storeId: number;
  platformItemId: string;
  title: string;
  status: string;
  imageUrl: string | null;
  autoSync: 0 | 1;
  updatedAt: number;
}

export interface StoreVariantRow {
  id: number;
  storeId: number;
  storeProductId: number;
  platformVariantId: string;
  sellerSku: string;
  sellerSkuKey: string;
  productId: number | null;
  price: number | null;
  platformStock: number;
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
