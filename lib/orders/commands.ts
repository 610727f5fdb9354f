// Order commands (COMMANDS.md): the Orders page's list and detail, and "check now".
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, page, pageSize } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { OrderRow } from '../db/types';
import { createJob, kickJobs, type JobKind } from '../jobs/runner';
import { followsOrders, pollStore } from './poll';
import { movementsOf, PROBLEMS } from './views';
import { t } from '../i18n';

/** The list's status words: `open` covers unpaid and paid-not-shipped. */
const LIST_STATUSES = ['open', 'shipped', 'cancelled', 'returned'] as const;
const statusMatches = (o: OrderRow, s: (typeof LIST_STATUSES)[number]) => (s === 'open' ? o.status === 'open' || o.status === 'unpaid' : o.status === s);

function view(o: OrderRow) {
  return {
    id: o.id, storeId: o.storeId, platformOrderId: o.platformOrderId, displayName: o.displayName, status: o.status, platformStatus: o.platformStatus,
    createdAt: o.createdAt, updatedAt: o.updatedAt, seenAt: o.seenAt, warehouseId: o.warehouseId, before: o.before === 1, problems: o.problems,
    lines: o.lines.map((l) => ({
      platformItemId: l.platformItemId, platformVariantId: l.platformVariantId, sellerSku: l.sellerSku, quantity: l.quantity,
      storeVariantId: l.storeVariantId, productId: l.productId, systemSku: l.systemSku, state: l.state, shortBy: l.shortBy, applied: l.applied,
    })),
  };
}
export type OrderListItem = ReturnType<typeof view>;

async function listOrders(db: ShelfsyncDB, input: { storeId?: number; status?: (typeof LIST_STATUSES)[number]; problem?: (typeof PROBLEMS)[number]; q?: string; page: number; pageSize: number }) {
  const q = input.q?.trim().toLowerCase();
  const base = input.problem
    ? db.orders.where('problems').equals(input.problem)
    : input.storeId !== undefined
      ? db.orders.where('[storeId+updatedAt]').between([input.storeId, -Infinity], [input.storeId, Infinity])
      : db.orders.orderBy('updatedAt');
  const keep = (o: OrderRow) =>
    (input.storeId === undefined || o.storeId === input.storeId)
    && (!input.status || statusMatches(o, input.status))
    && (!q || o.platformOrderId.toLowerCase().includes(q) || !!o.displayName?.toLowerCase().includes(q)
      || o.lines.some((l) => l.sellerSku.toLowerCase().includes(q) || !!l.systemSku?.toLowerCase().includes(q)));
  const start = (input.page - 1) * input.pageSize;
  if (!input.problem && !input.status && !q) {
    // The common case (a store's or every order, newest first) reads one page off the index.
    const items = await base.clone().reverse().offset(start).limit(input.pageSize).toArray();
    return { items: items.map(view), total: await base.count(), page: input.page, pageSize: input.pageSize };
  }
  const rows = (await base.filter(keep).toArray()).sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
  return { items: rows.slice(start, start + input.pageSize).map(view), total: rows.length, page: input.page, pageSize: input.pageSize };
}

/** The `orders.poll` job (registered in lib/background/parts.ts): one store's check, on demand. */
export const ordersPollJob: JobKind = {
  async step(db, job) {
    const { storeId } = job.input as { storeId: number };
    const r = await pollStore(db, storeId);
    if (!r.ok) throw new CommandError(r.code, t('err_orders_checkFailed', r.message));
    return { progress: { done: 1, total: 1 }, result: r };
  },
};

export const orderCommands = {
  'orders.list': command({
    summary: 'list platform orders',
    access: EXTENSION_ONLY,
    schema: z.object({
      storeId: id.optional(), status: z.enum(LIST_STATUSES).optional(), problem: z.enum(PROBLEMS as [string, ...string[]]).optional(),
      q: z.string().max(200).optional(), page, pageSize,
    }).strict(),
    handler: (input, { db }) => listOrders(db, input as Parameters<typeof listOrders>[1]),
  }),

  'orders.get': command({
    summary: 'read one order with its stock movements',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: oid }, { db }) {
      const o = await db.orders.get(oid);
      if (!o) throw notFound('order', oid);
      return { ...view(o), movements: await movementsOf(db, o) };
    },
  }),

  'orders.poll': command({
    summary: "check a store's new orders now",
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id }).strict(),
    async handler({ storeId }, { db, now }) {
      const jobId = await db.transaction('rw', db.stores, db.jobs, async () => {
        const store = await db.stores.get(storeId);
        if (!store) throw notFound('store', storeId);
        if (!followsOrders(store)) {
          throw new CommandError('orders_off', t(store.status === 'disabled' ? 'err_orders_offDisabled' : store.status !== 'active' ? 'err_orders_offReauth' : 'err_orders_offSetting', store.name), { storeId });
        }
        return createJob(db, 'orders.poll', { storeId }, 1, now());
      });
      void kickJobs(db);
      return { jobId };
    },
  }),
};
