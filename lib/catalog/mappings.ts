// Where a copy goes in the destination's category tree: the category the seller chose last time
// for the same source category between the same two stores (remembered in `settings`, one row per
// store pair — a seller cloning 50 bags picks "Tote Bags" once), else the destination's leaves
// that share the most words with the source listing's category path (or its title when the
// source platform names no category: Shopify, WooCommerce).
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError, notFound } from '../commands/errors';
import { id } from '../commands/schemas';
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow } from '../db/types';
import { categoriesOf, type CategoryNode } from './catalog';
import { t } from '../i18n';

interface Remembered { categoryId: string; path: string[]; at: number }

const mapKey = (sourceStoreId: number, storeId: number) => `categoryMap:${sourceStoreId}:${storeId}`;

/** The source listing's category id as its platform gave it (same fields a same-platform copy keeps). */
export function sourceCategoryId(extra: Record<string, unknown> | null | undefined): string | null {
  const c = extra?.categoryId ?? extra?.primaryCategory;
  return c === undefined || c === null || c === '' ? null : String(c);
}

// Words that say nothing about what a product is.
const STOP = new Set(['and', 'the', 'for', 'with', 'of', 'in', 'on', 'to', 'a', 'an', 'other', 'others', 'accessories', 'dan', 'lain', 'lainnya']);

/** Lower-case words of a text, plural "s" dropped (bags → bag), stop words out. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * Leaves ranked by the words they share with `from`: a word of the leaf's own name counts 2, one
 * of its parents 1. Only leaves with a shared word, best first (the shorter path on a tie).
 */
export function suggestLeaves(list: CategoryNode[], from: string, limit = 5): { node: CategoryNode; score: number }[] {
  const wanted = new Set(wordsOf(from));
  if (!wanted.size) return [];
  const scored: { node: CategoryNode; score: number }[] = [];
  for (const node of list) {
    if (!node.leaf) continue;
    const own = new Set(wordsOf(node.name));
    const above = new Set(node.path.slice(0, -1).flatMap(wordsOf));
    let score = 0;
    for (const w of wanted) score += own.has(w) ? 2 : above.has(w) ? 1 : 0;
    if (score > 0) scored.push({ node, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.node.path.length - b.node.path.length || a.node.path.join(' ').localeCompare(b.node.path.join(' '))).slice(0, limit);
}

/** The copy's source: its store, its category (id, and path when the source tree can be read). */
async function sourceOf(db: ShelfsyncDB, draft: DraftRow, now: number): Promise<{ storeId: number; categoryId: string | null; path: string[] | null; title: string } | null> {
  if (draft.source.kind !== 'clone') return null;
  const product = await db.storeProducts.get(draft.source.storeProductId);
  const categoryId = sourceCategoryId(product?.extra);
  let path: string[] | null = null;
  if (categoryId) {
    // The source store's tree may not be readable (platform down, no tree): the title serves then.
    const tree = await categoriesOf(db, draft.source.storeId, now).catch(() => null);
    path = tree?.supported ? tree.data.byId.get(categoryId)?.path ?? null : null;
  }
  return { storeId: draft.source.storeId, categoryId, path, title: product?.title ?? draft.title };
}

async function draftOf(db: ShelfsyncDB, draftId: number): Promise<DraftRow> {
  const draft = await db.drafts.get(draftId);
  if (!draft) throw notFound('draft', draftId);
  return draft;
}

const view = (n: CategoryNode) => ({ id: n.id, name: n.name, path: n.path });

export const categoryMappingCommands = {
  'catalog.suggestCategory': command({
    summary: 'suggest a draft\'s destination category',
    access: EXTENSION_ONLY,
    schema: z.object({ draftId: id }).strict(),
    async handler({ draftId }, { db, now }) {
      const draft = await draftOf(db, draftId);
      const tree = await categoriesOf(db, draft.storeId, now());
      if (!tree.supported) return { supported: false as const, current: null, source: null, remembered: null, suggestions: [] };
      const source = await sourceOf(db, draft, now());
      const memo = source?.categoryId ? ((await db.settings.get(mapKey(source.storeId, draft.storeId)))?.value as Record<string, Remembered> | undefined)?.[source.categoryId] : undefined;
      // A remembered leaf that is no longer one (the platform moved its tree) is not offered.
      const still = memo ? tree.data.byId.get(memo.categoryId) : undefined;
      const from = source?.path?.join(' ') ?? source?.title ?? draft.title;
      const current = draft.categoryId ? tree.data.byId.get(draft.categoryId) : undefined;
      return {
        supported: true as const,
        // The draft's own category with its path (the picker shows it before its level is opened).
        current: current ? { ...view(current), leaf: current.leaf } : null,
        source: source && { storeId: source.storeId, categoryId: source.categoryId, path: source.path, by: source.path ? ('category' as const) : ('title' as const) },
        remembered: still?.leaf ? view(still) : null,
        suggestions: suggestLeaves(tree.data.list, from).map((s) => ({ ...view(s.node), score: s.score })),
      };
    },
  }),

  'catalog.rememberCategory': command({
    summary: 'remember a destination category for a source category',
    access: EXTENSION_ONLY,
    schema: z.object({ draftId: id, categoryId: z.string().trim().min(1).max(100) }).strict(),
    async handler({ draftId, categoryId }, { db, now }) {
      const draft = await draftOf(db, draftId);
      const tree = await categoriesOf(db, draft.storeId, now());
      if (!tree.supported) return { remembered: false as const, reason: 'no_categories' as const };
      const node = tree.data.byId.get(categoryId);
      if (!node) throw new CommandError('invalid_category', t('err_catalog_noCategory', categoryId), { categoryId });
      if (!node.leaf) throw new CommandError('not_leaf', t('err_catalog_notLeafRemembered', node.path.join(' > ')), { categoryId });
      if (draft.source.kind !== 'clone') return { remembered: false as const, reason: 'not_a_copy' as const };
      const product = await db.storeProducts.get(draft.source.storeProductId);
      const from = sourceCategoryId(product?.extra);
      if (!from) return { remembered: false as const, reason: 'no_source_category' as const };
      const key = mapKey(draft.source.storeId, draft.storeId);
      await db.transaction('rw', db.settings, async () => {
        const map = ((await db.settings.get(key))?.value as Record<string, Remembered> | undefined) ?? {};
        await db.settings.put({ key, value: { ...map, [from]: { categoryId, path: node.path, at: now() } } });
      });
      return { remembered: true as const, sourceCategoryId: from };
    },
  }),
};
