// purchaseOrders.*: what the seller bought and has not received yet. The open quantity of each
// line (ordered − received, while the order is not cancelled) is the warehouse's *in transit*.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { exactlyOne, id, note, page, pageSize, productRef, quantity, type ListAnswer } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { PurchaseOrderLine, PurchaseOrderRow, PurchaseOrderStatus } from '../db/types';
import { applyStockChange, stockTables } from '../inventory/levels';
import { labelOf, resolveProduct, resolveWarehouse } from '../inventory/resolve';
import { t as msg } from '../i18n'; // `t` is the clock here

const lineInput = z.object({ ...productRef, quantity }).strict().superRefine(exactlyOne(['sku', 'productId']));

function statusOf(lines: PurchaseOrderLine[]): PurchaseOrderStatus {
  const received = lines.reduce((s, l) => s + l.received, 0);
  if (received === 0) return 'ordered';
  return lines.every((l) => l.received >= l.quantity) ? 'received' : 'partially_received';
}

async function poTransaction<T>(db: ShelfsyncDB, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...stockTables(db), db.purchaseOrders], fn);
}

async function getOpenOrder(db: ShelfsyncDB, poId: number): Promise<PurchaseOrderRow> {
  const po = await db.purchaseOrders.get(poId);
  if (!po) throw notFound('purchase order', poId);
  if (po.status === 'cancelled' || po.status === 'received') {
    throw new CommandError('conflict', msg(po.status === 'cancelled' ? 'err_po_cancelled' : 'err_po_received', poId), { status: po.status });
  }
  return po;
}

export const purchasingCommands = {
  'purchaseOrders.list': command({
    summary: 'list purchase orders',
    access: EXTENSION_ONLY,
    schema: z.object({ status: z.enum(['ordered', 'partially_received', 'received', 'cancelled']).optional(), warehouseId: id.optional(), page, pageSize }).strict(),
    async handler(input, { db }): Promise<ListAnswer<PurchaseOrderRow>> {
      let collection = input.status ? db.purchaseOrders.where('status').equals(input.status) : db.purchaseOrders.toCollection();
      if (input.warehouseId !== undefined) collection = collection.filter((po) => po.warehouseId === input.warehouseId);
      const total = await collection.clone().count();
      const items = await collection.reverse().offset((input.page - 1) * input.pageSize).limit(input.pageSize).toArray();
      return { items, total };
    },
  }),

  'purchaseOrders.get': command({
    summary: 'read a purchase order',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: poId }, { db }) {
      const po = await db.purchaseOrders.get(poId);
      if (!po) throw notFound('purchase order', poId);
      return po;
    },
  }),

  'purchaseOrders.create': command({
    summary: 'create a purchase order',
    access: EXTENSION_ONLY,
    schema: z.object({ warehouseId: id, supplier: note.optional(), reference: note.optional(), lines: z.array(lineInput).min(1, 'needs at least one line').max(1000) }).strict(),
    async handler(input, { db, now }): Promise<PurchaseOrderRow> {
      return poTransaction(db, async () => {
        const warehouse = await resolveWarehouse(db, input.warehouseId);
        const lines: PurchaseOrderLine[] = [];
        for (const l of input.lines) {
          const product = await resolveProduct(db, l);
          const same = lines.find((x) => x.productId === product.id);
          if (same) same.quantity += l.quantity;
          else lines.push({ productId: product.id, sku: product.sku, quantity: l.quantity, received: 0 });
        }
        const t = now();
        const row = { warehouseId: warehouse.id, supplier: input.supplier || null, reference: input.reference || null, status: 'ordered' as const, lines, createdAt: t, updatedAt: t };
        const poId = await db.purchaseOrders.add(row as PurchaseOrderRow);
        for (const l of lines) {
          const product = await resolveProduct(db, { productId: l.productId });
          await applyStockChange(db, { productId: l.productId, warehouseId: warehouse.id, delta: { inTransit: l.quantity }, kind: 'po_order', reference: `PO ${poId}`, now: t, label: labelOf(product, warehouse) });
        }
        return { ...row, id: poId };
      });
    },
  }),

  'purchaseOrders.receive': command({
    summary: 'receive a purchase order',
    access: EXTENSION_ONLY,
    schema: z.object({ id, lines: z.array(lineInput).min(1).max(1000) }).strict(),
    async handler(input, { db, now }): Promise<PurchaseOrderRow> {
      return poTransaction(db, async () => {
        const po = await getOpenOrder(db, input.id);
        const warehouse = await resolveWarehouse(db, po.warehouseId);
        const lines = po.lines.map((l) => ({ ...l }));
        const t = now();
        // Check every line before moving any stock: a refused receipt changes nothing.
        const moves: { line: PurchaseOrderLine; qty: number }[] = [];
        for (const r of input.lines) {
          const product = await resolveProduct(db, r);
          const line = lines.find((l) => l.productId === product.id);
          if (!line) throw new CommandError('not_found', msg('err_po_noLine', po.id, product.sku), { sku: product.sku });
          const open = line.quantity - line.received - moves.filter((m) => m.line === line).reduce((s, m) => s + m.qty, 0);
          if (r.quantity > open) {
            throw new CommandError('over_receipt', msg('err_po_overReceipt', open, product.sku, po.id, r.quantity), { sku: product.sku, open, requested: r.quantity });
          }
          moves.push({ line, qty: r.quantity });
        }
        for (const { line, qty } of moves) {
          line.received += qty;
          const product = await resolveProduct(db, { productId: line.productId });
          await applyStockChange(db, { productId: line.productId, warehouseId: warehouse.id, delta: { inTransit: -qty, onHand: qty }, kind: 'po_receive', reference: `PO ${po.id}`, now: t, label: labelOf(product, warehouse) });
        }
        const next: PurchaseOrderRow = { ...po, lines, status: statusOf(lines), updatedAt: t };
        await db.purchaseOrders.put(next);
        return next;
      });
    },
  }),

  'purchaseOrders.cancel': command({
    summary: 'cancel a purchase order',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: poId }, { db, now }): Promise<PurchaseOrderRow> {
      return poTransaction(db, async () => {
        const po = await getOpenOrder(db, poId);
        const warehouse = await resolveWarehouse(db, po.warehouseId);
        const t = now();
        for (const line of po.lines) {
          const open = line.quantity - line.received;
          if (open <= 0) continue;
          const product = await resolveProduct(db, { productId: line.productId });
          await applyStockChange(db, { productId: line.productId, warehouseId: warehouse.id, delta: { inTransit: -open }, kind: 'po_cancel', reference: `PO ${po.id}`, now: t, label: labelOf(product, warehouse) });
        }
        const next: PurchaseOrderRow = { ...po, status: 'cancelled', updatedAt: t };
        await db.purchaseOrders.put(next);
        return next;
      });
    },
  }),
};
