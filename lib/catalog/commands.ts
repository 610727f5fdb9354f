// catalog.*: what a destination marketplace offers a new listing (COMMANDS.md) — shaped for a
// category picker (a level at a time, or a search over the whole tree with paths), the attribute
// form of a leaf (required first, input type, options), a brand picker with "No brand" where the
// category allows it, and the Shopee channels / TikTok warehouses a draft names.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { id, page, pageSize } from '../commands/schemas';
import { NO_BRAND_ID } from '../platforms/types';
import { forgetCatalog } from './cache';
import { categoryMappingCommands } from './mappings';
import type { ShelfsyncDB } from '../db/database';
import { brandsOf, categoriesOf, channelsOf, rulesOf, warehousesOf, type Answer, type CategoryNode } from './catalog';

const categoryId = z.string().trim().min(1).max(100);
const query = z.string().trim().max(200);

/** Every word of the query in the category's path (case-insensitive), leaves and name hits first. */
function search(list: CategoryNode[], q: string): CategoryNode[] {
  const words = q.toLowerCase().split(/[\s>/&,]+/).filter(Boolean);
  const hits = list.filter((c) => {
    const path = c.path.join(' ').toLowerCase();
    return words.every((w) => path.includes(w));
  });
  const score = (c: CategoryNode) => (c.leaf ? 0 : 2) + (words.every((w) => c.name.toLowerCase().includes(w)) ? 0 : 1);
  return hits.sort((a, b) => score(a) - score(b) || a.path.join(' ').localeCompare(b.path.join(' ')));
}

const view = (c: CategoryNode) => ({ id: c.id, name: c.name, path: c.path, leaf: c.leaf, parentId: c.parentId });
const NO_BRAND = { id: NO_BRAND_ID, name: 'No brand' };

/** A command answering a store-wide list (Shopee channels, TikTok warehouses), or supported: false. */
function storeListCommand<T>(summary: string, read: (db: ShelfsyncDB, storeId: number, now: number) => Promise<Answer<T[]>>) {
  return command({
    summary,
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id }).strict(),
    async handler({ storeId }, { db, now }) {
      const r = await read(db, storeId, now());
      if (!r.supported) return { supported: false as const, items: [] as T[] };
      return { supported: true as const, items: r.data, fetchedAt: r.fetchedAt, stale: r.stale };
    },
  });
}

export const catalogCommands = {
  ...categoryMappingCommands,
  'catalog.categories': command({
    summary: 'list a store\'s platform categories',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, parentId: categoryId.optional(), q: query.optional(), page, pageSize }).strict(),
    async handler({ storeId, parentId, q, page: p, pageSize: size }, { db, now }) {
      const tree = await categoriesOf(db, storeId, now());
      if (!tree.supported) return { supported: false as const, items: [], total: 0 };
      const all = q ? search(tree.data.list, q) : tree.data.list.filter((c) => (c.parentId ?? null) === (parentId ?? null));
      return { supported: true as const, items: all.slice((p - 1) * size, p * size).map(view), total: all.length, fetchedAt: tree.fetchedAt, stale: tree.stale };
    },
  }),

  'catalog.attributes': command({
    summary: 'list a category\'s attributes',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, categoryId }).strict(),
    async handler({ storeId, categoryId: cid }, { db, now }) {
      const rules = await rulesOf(db, storeId, cid, now());
      if (!rules.supported) return { supported: false as const, items: [], brand: { required: false, noBrandAllowed: true } };
      // Required ones first, in the platform's order within each group.
      const items = [...rules.data.attributes].sort((a, b) => Number(b.required) - Number(a.required));
      return { supported: true as const, items, brand: rules.data.brand, fetchedAt: rules.fetchedAt, stale: rules.stale };
    },
  }),

  'catalog.brands': command({
    summary: 'list the brands a category takes',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id, categoryId: categoryId.optional(), q: query.optional(), page, pageSize }).strict(),
    async handler({ storeId, categoryId: cid, q, page: p, pageSize: size }, { db, now }) {
      const t = now();
      const brands = await brandsOf(db, storeId, cid ?? '', t);
      if (!brands.supported) return { supported: false as const, items: [], total: 0 };
      // "No brand" is offered where the category's rules allow it (every category when none is named).
      let noBrand = true;
      if (cid) {
        const rules = await rulesOf(db, storeId, cid, t);
        noBrand = !rules.supported || rules.data.brand.noBrandAllowed;
      }
      const words = (q ?? '').toLowerCase();
      const all = [...(noBrand ? [NO_BRAND] : []), ...brands.data].filter((b) => !words || b.name.toLowerCase().includes(words));
      return { supported: true as const, items: all.slice((p - 1) * size, p * size), total: all.length, fetchedAt: brands.fetchedAt, stale: brands.stale };
    },
  }),

  'catalog.logistics': storeListCommand('list a store\'s logistics channels', channelsOf),
  'catalog.warehouses': storeListCommand('list a store\'s platform warehouses', warehousesOf),

  'catalog.refresh': command({
    summary: 'read a store\'s catalogue again',
    access: EXTENSION_ONLY,
    schema: z.object({ storeId: id }).strict(),
    async handler({ storeId }, { db }) {
      return { removed: await forgetCatalog(db, storeId) };
    },
  }),
};
