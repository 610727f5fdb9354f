// warehouses.*: the places that hold stock.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, name } from '../commands/schemas';
import type { WarehouseRow } from '../db/types';
import { t } from '../i18n';

const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore only');

/** A short code from the name ("Main warehouse" → "MAIN-WAREHOUSE"), made unique by the caller. */
function codeFromName(n: string): string {
  const base = n.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30);
  return base || 'WH';
}

export const warehouseCommands = {
  'warehouses.list': command({
    summary: 'list warehouses',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler(_input, { db }) {
      const items = await db.warehouses.orderBy('name').toArray();
      return { items, total: items.length };
    },
  }),

  'warehouses.get': command({
    summary: 'read one warehouse',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: wid }, { db }) {
      const row = await db.warehouses.get(wid);
      if (!row) throw notFound('warehouse', wid);
      return row;
    },
  }),

  'warehouses.create': command({
    summary: 'create a warehouse',
    access: EXTENSION_ONLY,
    schema: z.object({ name: name(100), code: code.optional() }).strict(),
    async handler(input, { db, now }): Promise<WarehouseRow> {
      return db.transaction('rw', db.warehouses, async () => {
        let wcode = input.code?.toUpperCase();
        if (wcode) {
          if (await db.warehouses.where('code').equals(wcode).count()) {
            throw new CommandError('code_taken', t('err_warehouse_codeTaken', wcode), { field: 'code' });
          }
        } else {
          const base = codeFromName(input.name);
          wcode = base;
          for (let n = 2; await db.warehouses.where('code').equals(wcode).count(); n++) wcode = `${base}-${n}`;
        }
        const row = { name: input.name, code: wcode, createdAt: now() };
        const newId = await db.warehouses.add(row as WarehouseRow);
        return { ...row, id: newId };
      });
    },
  }),
};
