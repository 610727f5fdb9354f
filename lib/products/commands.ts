// products.*: the seller's SKU master. SKUs are unique compared trimmed and case-insensitively.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id, page, pageSize, type ListAnswer } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { ProductRow } from '../db/types';
import { looseKeyOf, skuKeyOf } from '../db/versions';
import { createJob, kickJobs } from '../jobs/runner';
import { invalidateAll } from '../store-products/listIndex';
import { exportProductsCsv } from './csv';
import { productFields, productInput } from './fields';
import { t } from '../i18n';

async function assertSkuFree(db: ShelfsyncDB, sku: string, exceptId?: number): Promise<void> {
  const existing = await db.products.where('skuKey').equals(skuKeyOf(sku)).first();
  if (existing && existing.id !== exceptId) {
    throw new CommandError('sku_taken', t('err_product_skuTaken', sku, existing.name, existing.sku), { field: 'sku', productId: existing.id });
  }
}

export const productCommands = {
  'products.list': command({
    summary: 'list system products',
    access: EXTENSION_ONLY,
    schema: z.object({ q: z.string().trim().max(200).optional(), page, pageSize }).strict(),
    async handler({ q, page: p, pageSize: size }, { db }): Promise<ListAnswer<ProductRow>> {
      const start = (p - 1) * size;
      if (!q) {
        const total = await db.products.count();
        return { items: await db.products.orderBy('skuKey').offset(start).limit(size).toArray(), total };
      }
      const needle = q.toLowerCase();
      // SKU prefix matches first (index range), then SKU or name containing the text (one scan).
      const prefix = await db.products.where('skuKey').startsWith(needle).toArray();
      const seen = new Set(prefix.map((x) => x.id));
      const contains = await db.products.filter((x) => !seen.has(x.id) && (x.skuKey.includes(needle) || x.name.toLowerCase().includes(needle))).toArray();
      contains.sort((a, b) => a.skuKey.localeCompare(b.skuKey));
      const all = [...prefix, ...contains];
      return { items: all.slice(start, start + size), total: all.length };
    },
  }),

  'products.get': command({
    summary: 'read a system product',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: pid }, { db }) {
      const row = await db.products.get(pid);
      if (!row) throw notFound('system product', pid);
      return row;
    },
  }),

  'products.create': command({
    summary: 'create a system product',
    access: EXTENSION_ONLY,
    schema: productInput,
    async handler(input, { db, now }): Promise<ProductRow> {
      return db.transaction('rw', db.products, async () => {
        await assertSkuFree(db, input.sku);
        const t = now();
        const row = {
          sku: input.sku, skuKey: skuKeyOf(input.sku), looseKey: looseKeyOf(input.sku), name: input.name, price: input.price ?? null, imageUrl: input.imageUrl ?? null,
          weightGrams: input.weightGrams ?? null, description: input.description ?? null, createdAt: t, updatedAt: t,
        };
        const pid = await db.products.add(row as ProductRow);
        return { ...row, id: pid };
      });
    },
  }),

  'products.update': command({
    summary: 'update a system product',
    access: EXTENSION_ONLY,
    schema: z.object({ id, ...Object.fromEntries(Object.entries(productFields).map(([k, v]) => [k, v.optional()])) } as { id: typeof id } & { [K in keyof typeof productFields]: z.ZodOptional<(typeof productFields)[K]> }).strict(),
    async handler(input, { db, now }): Promise<ProductRow> {
      return db.transaction('rw', db.products, async () => {
        const row = await db.products.get(input.id);
        if (!row) throw notFound('system product', input.id);
        if (input.sku !== undefined) await assertSkuFree(db, input.sku, row.id);
        const next: ProductRow = { ...row, updatedAt: now() };
        for (const key of ['sku', 'name', 'price', 'imageUrl', 'weightGrams', 'description'] as const) {
          if (input[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = input[key];
        }
        next.skuKey = skuKeyOf(next.sku);
        next.looseKey = looseKeyOf(next.sku);
        await db.products.put(next);
        return next;
      }).finally(() => {
        // A renamed system SKU is searchable in every store's list.
        if (input.sku !== undefined) invalidateAll();
      });
    },
  }),

  'products.importCsv': command({
    summary: 'import system products from CSV',
    access: EXTENSION_ONLY,
    schema: z.object({ csv: z.string().min(1, 'the file is empty').max(50_000_000, 'is larger than 50 MB') }).strict(),
    async handler({ csv }, { db, now }) {
      const jobId = await db.transaction('rw', db.jobs, async () => createJob(db, 'products.importCsv', { csv }, 0, now()));
      void kickJobs(db);
      return { jobId };
    },
  }),

  'products.exportCsv': command({
    summary: 'export system products as CSV',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler(_input, { db, now }) {
      const { csv, rows } = await exportProductsCsv(db);
      return { csv, rows, filename: `shelfsync-products-${new Date(now()).toISOString().slice(0, 10)}.csv` };
    },
  }),
};
