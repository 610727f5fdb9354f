// inventory.sources.*: the seller's own stock feeds, pulled on a schedule and on demand.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { notFound } from '../commands/errors';
import { id, name } from '../commands/schemas';
import type { InventorySourceRow } from '../db/types';
import { resolveWarehouse } from './resolve';
import { fetchSourceRows, runPull } from './pull';
import { scheduleSource, unscheduleSource } from './schedule';

const url = z.string().trim().max(2000).url('must be a web address').refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');
const column = z.string().trim().min(1).max(100);
const mapping = z.object({ sku: column, quantity: column, warehouse: column.optional() }).strict();
const fields = {
  name: name(100),
  url,
  format: z.enum(['csv', 'json']),
  mapping,
  warehouseId: id,
  intervalMinutes: z.number().int().min(5, 'must be at least 5 minutes').max(7 * 24 * 60),
  enabled: z.boolean().default(true),
};

export const sourceCommands = {
  'inventory.sources.list': command({
    summary: 'list inventory sources',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler(_i, { db }) {
      const items = await db.inventorySources.toArray();
      return { items, total: items.length };
    },
  }),

  'inventory.sources.create': command({
    summary: 'add an inventory source',
    access: EXTENSION_ONLY,
    schema: z.object(fields).strict(),
    async handler(input, { db, now }): Promise<InventorySourceRow> {
      const row = await db.transaction('rw', db.inventorySources, db.warehouses, async () => {
        await resolveWarehouse(db, input.warehouseId);
        const t = now();
        const r = { ...input, lastRun: null, createdAt: t, updatedAt: t };
        return { ...r, id: await db.inventorySources.add(r as InventorySourceRow) } as InventorySourceRow;
      });
      await scheduleSource(row);
      return row;
    },
  }),

  'inventory.sources.update': command({
    summary: 'change an inventory source',
    access: EXTENSION_ONLY,
    schema: z.object({ id, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodType).optional()])) } as { id: typeof id } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }).strict(),
    async handler(input, { db, now }): Promise<InventorySourceRow> {
      const row = await db.transaction('rw', db.inventorySources, db.warehouses, async () => {
        const current = await db.inventorySources.get(input.id);
        if (!current) throw notFound('inventory source', input.id);
        if (input.warehouseId !== undefined) await resolveWarehouse(db, input.warehouseId);
        const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        const next = { ...current, ...patch, updatedAt: now() } as InventorySourceRow;
        await db.inventorySources.put(next);
        return next;
      });
      await scheduleSource(row);
      return row;
    },
  }),

  'inventory.sources.remove': command({
    summary: 'remove an inventory source',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: sid }, { db }) {
      const current = await db.inventorySources.get(sid);
      if (!current) throw notFound('inventory source', sid);
      await db.inventorySources.delete(sid);
      await unscheduleSource(sid);
      return { removed: sid };
    },
  }),

  'inventory.sources.test': command({
    summary: 'test an inventory source',
    access: EXTENSION_ONLY,
    schema: z.object({ url, format: fields.format, mapping }).strict(),
    async handler(input) {
      // Reads without writing: the seller sees what the mapping finds before saving.
      const rows = await fetchSourceRows(input);
      return { rows: rows.length, sample: rows.slice(0, 10) };
    },
  }),

  'inventory.sources.run': command({
    summary: 'pull an inventory source now',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    handler: ({ id: sid }, { db, now }) => runPull(db, sid, now),
  }),
};
