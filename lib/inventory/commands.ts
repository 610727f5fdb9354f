// inventory.*: stock levels, the ledger, adjustments and reservations.
import type { Table } from 'dexie';
import { z } from 'zod';
import { stockChangeReach } from '../sync/effects';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { exactlyOne, id, note, page, pageSize, productRef, quantity, type ListAnswer } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { MovementRow, ProductRow, StockLevelRow, WarehouseRow } from '../db/types';
import { skuKeyOf } from '../db/versions';
import { createJob, kickJobs } from '../jobs/runner';
import { groupCommitter } from './groupCommit';
import { once } from './idempotency';
import { applyStockChange, readLevel, sellableOf, stockTables } from './levels';
import { labelOf, resolveProduct, resolveWarehouse } from './resolve';
import { exportStockCsv } from './stockCsv';
import { t as msg } from '../i18n'; // `t` is the clock here

export interface LevelView {
  productId: number;
  sku: string;
  name: string;
  warehouseId: number;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  sellable: number;
  inTransit: number;
  updatedAt: number;
}

async function viewOf(db: ShelfsyncDB, levels: StockLevelRow[]): Promise<LevelView[]> {
  const products = new Map((await db.products.bulkGet([...new Set(levels.map((l) => l.productId))])).filter(Boolean).map((p) => [p!.id, p!]));
  const warehouses = new Map((await db.warehouses.toArray()).map((w) => [w.id, w]));
  return levels.map((l) => levelView(l, products.get(l.productId), warehouses.get(l.warehouseId)));
}

function levelView(l: StockLevelRow, product: ProductRow | undefined, warehouse: WarehouseRow | undefined): LevelView {
  return {
    productId: l.productId,
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    warehouseId: l.warehouseId,
    warehouseCode: warehouse?.code ?? '',
    onHand: l.onHand,
    reserved: l.reserved,
    sellable: sellableOf(l),
    inTransit: l.inTransit,
    updatedAt: l.updatedAt,
  };
}

/** Adjustments share transactions under load (groupCommit.ts); each keeps its own answer. */
const submitAdjust = groupCommitter((db) => [...stockTables(db), db.idempotency] as Table[]);

const quantityRef = z.object({ warehouseId: id, ...productRef, quantity, reference: note.optional() }).strict().superRefine(exactlyOne(['sku', 'productId']));

export const inventoryCommands = {
  'inventory.list': command({
    summary: 'list stock levels',
    access: EXTENSION_ONLY,
    schema: z.object({ warehouseId: id.optional(), sku: z.string().trim().max(100).optional(), productId: id.optional(), q: z.string().trim().max(100).optional(), page, pageSize }).strict(),
    async handler(input, { db }): Promise<ListAnswer<LevelView>> {
      let levels: StockLevelRow[];
      let productId = input.productId;
      if (input.sku) {
        const p = await db.products.where('skuKey').equals(skuKeyOf(input.sku)).first();
        if (!p) return { items: [], total: 0 };
        productId = p.id;
      }
      if (productId !== undefined) {
        levels = await db.stockLevels.where('[productId+warehouseId]').between([productId, 0], [productId, Infinity]).toArray();
      } else if (input.warehouseId !== undefined) {
        levels = await db.stockLevels.where('warehouseId').equals(input.warehouseId).toArray();
      } else {
        levels = await db.stockLevels.toArray();
      }
      if (input.warehouseId !== undefined) levels = levels.filter((l) => l.warehouseId === input.warehouseId);
      let views = await viewOf(db, levels);
      if (input.q) {
        const q = input.q.toLowerCase();
        views = views.filter((v) => v.sku.toLowerCase().includes(q) || v.name.toLowerCase().includes(q));
      }
      views.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouseCode.localeCompare(b.warehouseCode));
      const start = (input.page - 1) * input.pageSize;
      return { items: views.slice(start, start + input.pageSize), total: views.length };
    },
  }),

  'inventory.adjust': command({
    summary: 'adjust stock',
    access: EXTENSION_ONLY,
    schema: z
      .object({
        warehouseId: id,
        ...productRef,
        delta: z.number().int('must be a whole number').min(-1_000_000_000).max(1_000_000_000).refine((d) => d !== 0, 'must not be 0').optional(),
        onHand: z.number().int('must be a whole number').min(0, 'cannot be below 0').max(1_000_000_000).optional(),
        reason: note.optional(),
        reference: note.optional(),
        idempotencyKey: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .superRefine(exactlyOne(['sku', 'productId']))
      .superRefine(exactlyOne(['delta', 'onHand'])),
    async handler(input, { db, now }) {
      const { idempotencyKey, ...request } = input;
      const answer = await submitAdjust(db, () =>
        once(db, 'inventory.adjust', idempotencyKey, request, now(), async () => {
          const product = await resolveProduct(db, input);
          const warehouse = await resolveWarehouse(db, input.warehouseId);
          const before = await readLevel(db, product.id, warehouse.id);
          const delta = input.delta ?? input.onHand! - before.onHand;
          const { level, movement } = await applyStockChange(db, {
            productId: product.id,
            warehouseId: warehouse.id,
            delta: { onHand: delta },
            kind: input.onHand !== undefined ? 'count' : 'adjust',
            reason: input.reason ?? null,
            reference: input.reference ?? null,
            now: now(),
            label: labelOf(product, warehouse),
            // Read just above in this transaction: not read again (a stream of adjustments is
            // hundreds a second, and every request to IndexedDB costs the worker).
            current: before,
          });
          return { movement: movement!, level: levelView(level, product, warehouse) };
        }),
      );
      // Read after the commit: which listings the change is pushed to, and which stores it did
      // not reach (auto sync off, no rule), so the seller sees the effect instead of guessing.
      return { ...answer, reach: await stockChangeReach(db, answer.movement) };
    },
  }),

  'inventory.movements': command({
    summary: 'read the stock ledger',
    access: EXTENSION_ONLY,
    schema: z.object({ productId: id.optional(), warehouseId: id.optional(), page, pageSize }).strict(),
    async handler(input, { db }): Promise<ListAnswer<MovementRow>> {
      const start = (input.page - 1) * input.pageSize;
      let collection;
      if (input.productId !== undefined) {
        collection = db.movements.where('[productId+createdAt]').between([input.productId, 0], [input.productId, Infinity]).reverse();
        if (input.warehouseId !== undefined) collection = collection.filter((m) => m.warehouseId === input.warehouseId);
      } else if (input.warehouseId !== undefined) {
        collection = db.movements.where('[warehouseId+createdAt]').between([input.warehouseId, 0], [input.warehouseId, Infinity]).reverse();
      } else {
        collection = db.movements.orderBy('createdAt').reverse();
      }
      const total = await collection.clone().count();
      const items = await collection.offset(start).limit(input.pageSize).toArray();
      return { items, total };
    },
  }),

  'inventory.reserve': command({
    summary: 'reserve stock',
    access: EXTENSION_ONLY,
    schema: quantityRef,
    async handler(input, { db, now }) {
      return db.transaction('rw', [...stockTables(db), db.reservations], async () => {
        const product = await resolveProduct(db, input);
        const warehouse = await resolveWarehouse(db, input.warehouseId);
        const level = await readLevel(db, product.id, warehouse.id);
        const sellable = sellableOf(level);
        if (sellable < input.quantity) {
          throw new CommandError('insufficient_stock', msg('err_stock_insufficient', sellable, labelOf(product, warehouse), input.quantity), { sellable, requested: input.quantity });
        }
        const t = now();
        const row = { productId: product.id, warehouseId: warehouse.id, quantity: input.quantity, reference: input.reference ?? null, status: 'open' as const, createdAt: t, closedAt: null };
        const rid = await db.reservations.add(row as never);
        await applyStockChange(db, {
          productId: product.id, warehouseId: warehouse.id, delta: { reserved: input.quantity }, kind: 'reserve',
          reason: null, reference: input.reference ?? `reservation ${rid}`, now: t, label: labelOf(product, warehouse),
        });
        return { ...row, id: rid };
      });
    },
  }),

  'inventory.release': command({
    summary: 'release a reservation',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    handler: ({ id: rid }, { db, now }) => closeReservation(db, rid, 'released', now()),
  }),

  'inventory.fulfil': command({
    summary: 'fulfil a reservation',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    handler: ({ id: rid }, { db, now }) => closeReservation(db, rid, 'fulfilled', now()),
  }),

  'inventory.importCsv': command({
    summary: 'import stock levels from CSV',
    access: EXTENSION_ONLY,
    schema: z.object({ csv: z.string().min(1, 'the file is empty').max(50_000_000, 'is larger than 50 MB') }).strict(),
    async handler({ csv }, { db, now }) {
      const jobId = await db.transaction('rw', db.jobs, async () => createJob(db, 'inventory.importCsv', { csv }, 0, now()));
      void kickJobs(db);
      return { jobId };
    },
  }),

  'inventory.exportCsv': command({
    summary: 'export stock levels as CSV',
    access: EXTENSION_ONLY,
    schema: z.object({ warehouseId: id.optional() }).strict(),
    async handler({ warehouseId }, { db, now }) {
      const { csv, rows } = await exportStockCsv(db, warehouseId);
      return { csv, rows, filename: `shelfsync-stock-${new Date(now()).toISOString().slice(0, 10)}.csv` };
    },
  }),

  'inventory.reservations': command({
    summary: 'list reservations',
    access: EXTENSION_ONLY,
    schema: z.object({ status: z.enum(['open', 'released', 'fulfilled']).optional(), page, pageSize }).strict(),
    async handler(input, { db }) {
      const collection = input.status ? db.reservations.where('status').equals(input.status) : db.reservations.toCollection();
      const total = await collection.clone().count();
      const items = await collection.reverse().offset((input.page - 1) * input.pageSize).limit(input.pageSize).toArray();
      return { items, total };
    },
  }),
};

async function closeReservation(db: ShelfsyncDB, rid: number, status: 'released' | 'fulfilled', t: number) {
  return db.transaction('rw', [...stockTables(db), db.reservations], async () => {
    const r = await db.reservations.get(rid);
    if (!r) throw notFound('reservation', rid);
    if (r.status !== 'open') {
      throw new CommandError('conflict', msg('err_stock_reservationClosed', rid, msg(r.status === 'released' ? 'err_stock_resv_released' : 'err_stock_resv_fulfilled'), msg(status === 'released' ? 'err_stock_resv_released' : 'err_stock_resv_fulfilled')), { status: r.status });
    }
    const product = await resolveProduct(db, { productId: r.productId });
    const warehouse = await resolveWarehouse(db, r.warehouseId);
    // Shipped: the units leave on hand as they leave reserved.
    const delta = status === 'fulfilled' ? { reserved: -r.quantity, onHand: -r.quantity } : { reserved: -r.quantity };
    await applyStockChange(db, {
      productId: r.productId, warehouseId: r.warehouseId, delta, kind: status === 'fulfilled' ? 'fulfil' : 'release',
      reason: null, reference: r.reference ?? `reservation ${rid}`, now: t, label: labelOf(product, warehouse),
    });
    const closed = { ...r, status, closedAt: t };
    await db.reservations.put(closed);
    return closed;
  });
}
