// console.*: the only commands a content script may send. Each acts on the store the sender's
// page belongs to (decided from the browser-stamped sender URL), and only on listings of that
// store; anything else is refused.
import { z } from 'zod';
import { command, CONSOLE_ACCESS, EXTENSION_ONLY, type CommandContext } from '../../commands/define';
import { CommandError } from '../../commands/errors';
import { id } from '../../commands/schemas';
import type { ShelfsyncDB } from '../../db/database';
import type { StoreRow } from '../../db/types';
import { storeIndex } from '../../store-products/listIndex';
import { viewsOf } from '../../store-products/views';
import { readSettings } from '../../settings/commands';
import { storeLabel } from '../../stores/label';
import { bindingKey, identifyConsole } from './identify';
import { consoleActions } from './act';
import { askPage } from './pageState';
import { isUnreadable, readabilityOf } from '../pageReport';
import { pageCounts } from './pageSchemas';
import { setPageBadge } from './tabBadge';
import { t } from '../../i18n';

const itemIds = z.array(z.string().trim().min(1).max(100)).min(1).max(500);

/** The page this message came from: the sender's URL for content scripts, the payload's for the popup. */
function pageUrl(ctx: CommandContext, claimed: string | undefined): string {
  if (ctx.sender.kind === 'content') return ctx.sender.url;
  if (!claimed) throw new CommandError('invalid_input', t('err_console_giveUrl'), [{ field: 'url', message: 'required' }]);
  return claimed;
}

export async function storeOfSender(db: ShelfsyncDB, ctx: CommandContext, claimed?: string): Promise<StoreRow> {
  const found = await identifyConsole(db, pageUrl(ctx, claimed));
  if (!found.store) {
    throw new CommandError('store_not_identified', found.reason === 'ambiguous'
      ? t('err_console_ambiguous')
      : t('err_console_noStore'), { reason: found.reason });
  }
  return found.store;
}

/** Store products of this store for the given platform item ids; unknown ids are just absent. */
export async function productsOf(db: ShelfsyncDB, store: StoreRow, platformItemIds: string[]) {
  const rows = await db.storeProducts.where('[storeId+platformItemId]').anyOf(platformItemIds.map((i) => [store.id, i])).toArray();
  return rows;
}

export const consoleCommands = {
  'console.identify': command({
    summary: 'identify this console',
    access: CONSOLE_ACCESS,
    schema: z.object({ url: z.string().max(4000).optional() }).strict(),
    async handler({ url }, ctx) {
      const found = await identifyConsole(ctx.db, pageUrl(ctx, url));
      const brief = (s: StoreRow) => ({ id: s.id, name: s.name, label: storeLabel(s), platform: s.platform, status: s.status });
      if (!found.page) return { console: null, store: null, candidates: [], reason: found.reason };
      const page = { platform: found.page.platform, kind: found.page.kind, platformItemId: found.page.platformItemId };
      const features = (await readSettings(ctx.db)).consoleFeatures;
      if (found.store) {
        const rule = await ctx.db.ruleStores.get(found.store.id);
        const ruleRow = rule ? await ctx.db.syncRules.get(rule.ruleId) : undefined;
        return { console: page, store: { ...brief(found.store), autoSyncDefault: found.store.autoSyncDefault, rule: ruleRow ? { id: ruleRow.id, name: ruleRow.name } : null }, candidates: [], reason: null, features };
      }
      return { console: page, store: null, candidates: found.candidates.map(brief), reason: found.reason, features };
    },
  }),

  'console.status': command({
    summary: 'read the status of listings on this page',
    access: CONSOLE_ACCESS,
    schema: z.object({ platformItemIds: itemIds }).strict(),
    async handler({ platformItemIds }, ctx) {
      const store = await storeOfSender(ctx.db, ctx);
      const rows = await productsOf(ctx.db, store, platformItemIds);
      const index = await storeIndex(ctx.db, store.id);
      const views = await viewsOf(ctx.db, rows, new Map(rows.map((r) => [r.id, index.get(r.id)?.syncStatus ?? 'never'])));
      return {
        storeId: store.id,
        items: views.map((v) => ({
          platformItemId: v.platformItemId,
          storeProductId: v.id,
          title: v.title,
          autoSync: v.autoSync,
          syncStatus: v.syncStatus,
          connected: v.variants.every((x) => x.productId !== null) ? 'all' : v.variants.some((x) => x.productId !== null) ? 'some' : 'none',
          // platformVariantId: a console line of one variant (Shopee's models) finds its own status.
          variants: v.variants.map((x) => ({ id: x.id, platformVariantId: x.platformVariantId, sellerSku: x.sellerSku, systemSku: x.systemSku, pushQuantity: x.pushQuantity, pushQuantityReason: x.pushQuantityReason, lastSync: x.lastSync, reason: x.reason })),
        })),
      };
    },
  }),

  'console.act': command({
    summary: 'act on listings of this console',
    access: CONSOLE_ACCESS,
    schema: z.discriminatedUnion('action', [
      // Sync now of single variants (a model line): their platform variant ids, all of one listing (act.ts checks).
      z.object({ action: z.literal('sync'), platformItemIds: itemIds, platformVariantIds: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional() }).strict(),
      z.object({ action: z.literal('autoSyncOff'), platformItemIds: itemIds }).strict(),
      z.object({ action: z.literal('autoSyncOn'), platformItemIds: itemIds, dryRun: z.boolean().optional() }).strict(),
      // Add system SKU and Connect change live stock: the controls ask with dryRun first and show
      // what would be pushed; `warehouses` in the dry run's answer feeds the warehouse choice.
      z.object({ action: z.literal('addSystemSku'), platformItemIds: itemIds, startingStock: z.enum(['platform', 'zero']).default('platform'), warehouseId: id.optional(), dryRun: z.boolean().optional() }).strict(),
      z.object({ action: z.literal('clone'), platformItemIds: itemIds, destinationStoreIds: z.array(id).min(1).max(100) }).strict(),
      z.object({ action: z.literal('connect'), platformItemIds: itemIds.max(1), productId: id, storeVariantId: id.optional(), dryRun: z.boolean().optional() }).strict(),
    ]),
    async handler(input, ctx) {
      const store = await storeOfSender(ctx.db, ctx);
      return consoleActions(ctx, store, input);
    },
  }),

  'console.searchProducts': command({
    summary: 'search system products',
    access: CONSOLE_ACCESS,
    schema: z.object({ q: z.string().trim().max(100) }).strict(),
    async handler({ q }, ctx) {
      await storeOfSender(ctx.db, ctx);
      const needle = q.toLowerCase();
      const prefix = await ctx.db.products.where('skuKey').startsWith(needle).limit(20).toArray();
      const more = prefix.length < 20 ? await ctx.db.products.filter((p) => p.name.toLowerCase().includes(needle) && !p.skuKey.startsWith(needle)).limit(20 - prefix.length).toArray() : [];
      return { items: [...prefix, ...more].map((p) => ({ id: p.id, sku: p.sku, name: p.name })) };
    },
  }),

  'console.stores': command({
    summary: 'list clone destinations',
    access: CONSOLE_ACCESS,
    schema: z.object({}).strict().default({}),
    async handler(_i, ctx) {
      const store = await storeOfSender(ctx.db, ctx);
      const all = await ctx.db.stores.toArray();
      // Named with shop and region: two destinations the seller called alike are still told apart.
      return { items: all.filter((s) => s.id !== store.id).map((s) => ({ id: s.id, name: s.name, label: storeLabel(s), platform: s.platform })) };
    },
  }),

  'console.reportPage': command({
    summary: 'note whether this page\'s listings can be read',
    // Only the console page itself: the tab is the one the browser stamped on the message.
    access: ['content'] as const,
    schema: pageCounts,
    async handler({ shown, read }, ctx) {
      if (ctx.sender.kind !== 'content') throw new CommandError('forbidden', t('err_console_onlyPage'));
      const state = readabilityOf(shown, read);
      // The console's frames are not the page: only the top frame speaks for the tab.
      if (ctx.sender.frameId !== 0) return { state, badge: false };
      // A warning only on a connected store's console; taking one back needs no store.
      if (isUnreadable(state)) await storeOfSender(ctx.db, ctx);
      await setPageBadge(ctx.sender.tabId, state);
      return { state, badge: true };
    },
  }),

  'consoles.pageState': command({
    summary: 'tell whether Shelfsync reads the listings on a tab',
    access: EXTENSION_ONLY,
    schema: z.object({ tabId: z.number().int().min(0).max(2 ** 31) }).strict(),
    async handler({ tabId }) {
      return askPage(tabId);
    },
  }),

  'consoles.bind': command({
    summary: 'say which store a console is',
    access: EXTENSION_ONLY,
    schema: z.object({ url: z.string().max(4000), storeId: id }).strict(),
    async handler({ url, storeId }, { db }) {
      const found = await identifyConsole(db, url);
      if (!found.page) throw new CommandError('not_a_console', t('err_console_notConsole'));
      const store = await db.stores.get(storeId);
      if (!store || store.platform !== found.page.platform) throw new CommandError('invalid_input', t('err_console_wrongPlatform', found.page.platform));
      await db.settings.put({ key: bindingKey(found.page), value: storeId });
      return { storeId };
    },
  }),
};
