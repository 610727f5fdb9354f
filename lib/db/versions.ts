// Every schema version the extension has ever shipped, oldest first. Never edit a released
// entry: add a new one with its upgrade. Dexie only needs the stores that change, but each
// entry lists them all so a reader sees the whole schema of that version in one place.
// Index choices (why each index exists) are written down in ARCHITECTURE.md.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Trimmed, lower-cased: how SKUs are compared everywhere (PRODUCT.md, "system SKU"). */
export function skuKeyOf(sku: string): string {
  return sku.trim().toLowerCase();
}

/** Letters and digits only: finds near-misses ("AB 1" vs "ab-1") to suggest, never to auto-connect. */
export function looseKeyOf(sku: string): string {
  return sku.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    // 0.0.x: the first sketch — products keyed only by id, SKUs compared as typed.
    version: 1,
    stores: {
      meta: 'key',
      warehouses: '++id, &code',
      products: '++id, sku, name',
    },
  },
  {
    // 0.1.0: SKUs compared trimmed and case-insensitively through `skuKey` (unique); the rest of
    // the product's tables sketched (they grow with their issues).
    version: 2,
    stores: {
      meta: 'key',
      settings: 'key',
      warehouses: '++id, &code, name',
      products: '++id, &skuKey, looseKey, name, updatedAt',
      stockLevels: '[productId+warehouseId], warehouseId',
      movements: '++id, [productId+createdAt], [warehouseId+createdAt], createdAt',
      stores: '++id, platform',
      storeProducts: '++id, &[storeId+platformItemId], [storeId+updatedAt], [storeId+autoSync]',
      storeVariants: '++id, &[storeId+platformItemId+platformVariantId], [storeId+sellerSkuKey], [storeId+connected], storeProductId, productId, failing',
      reservations: '++id, [productId+warehouseId], status, reference',
      purchaseOrders: '++id, status, warehouseId, createdAt',
      idempotency: 'key, createdAt',
      inventorySources: '++id',
      jobs: '++id, [kind+status], status, createdAt',
      syncRules: '++id',
      ruleStores: 'storeId, ruleId',
      pushQueue: 'storeVariantId, [storeId+dueAt], leaseOwner',
      storeMarks: 'storeId',
      syncLogs: '++id, [storeVariantId+createdAt], [storeId+status], [storeId+createdAt], jobId, createdAt',
      rateLimits: 'storeId',
      drafts: '++id, [storeId+status], [storeId+updatedAt]',
    },
    async upgrade(tx) {
      // Version 1 compared SKUs as typed, so `ab-1` and `AB-1 ` could both exist. Keep every
      // row (never lose data): the first keeps the plain key, a later twin gets a marked key
      // and its SKU is left as it was so the seller can see and rename it.
      const seen = new Set<string>();
      const now = Date.now();
      await tx.table('products').toCollection().modify((p: Record<string, unknown>) => {
        const sku = String(p.sku ?? '');
        let key = skuKeyOf(sku);
        if (seen.has(key)) key = `${key}#duplicate-${String(p.id)}`;
        seen.add(key);
        p.sku = sku;
        p.skuKey = key;
        p.looseKey = looseKeyOf(sku);
        p.price ??= null;
        p.imageUrl ??= null;
        p.weightGrams ??= null;
        p.description ??= null;
        p.createdAt ??= now;
        p.updatedAt ??= now;
      });
      await tx.table('warehouses').toCollection().modify((w: Record<string, unknown>) => {
        w.createdAt ??= now;
      });
    },
  },
  {
    // 0.2.0: platform orders (ORDERS.md). Existing stores start following their orders from the
    // upgrade on: orders placed before it are already in the seller's counts.
    version: 3,
    stores: {
      orders: '++id, &[storeId+platformOrderId], [storeId+updatedAt], updatedAt, *problems, *unmatchedKeys',
    },
    async upgrade(tx) {
      const now = Date.now();
      await tx.table('stores').toCollection().modify((s: Record<string, unknown>) => {
        s.orders ??= {
          enabled: s.status !== 'disabled', warehouseId: null, reserveUnpaid: true, restockReturns: false, intervalSeconds: 30,
          since: now, cursor: null, lastCheckedAt: null, lastAttemptAt: null, lastError: null, lastResult: null,
        };
        s.foreignWrites ??= null;
      });
    },
  },
  {
    // 0.3.0: each store's platform catalogue (category tree, a category's attributes and brand
    // rule, brands, logistics channels, warehouses) cached for a day (lib/catalog).
    version: 4,
    stores: {
      catalogCache: '[storeId+kind+key], storeId',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
