// console.act: the console's per-row and toolbar actions, each the same command the dashboard
// uses, limited to listings of the sender's own store.
import type { CommandContext } from '../../commands/define';
import { CommandError } from '../../commands/errors';
import type { StoreRow } from '../../db/types';
import { draftCommands } from '../../drafts/commands';
import { storeProductCommands } from '../../store-products/commands';
import { startManualSync, syncCommands } from '../../sync/commands';
import { t } from '../../i18n';

export type ConsoleAction =
  | { action: 'sync'; platformItemIds: string[]; platformVariantIds?: string[] }
  | { action: 'autoSyncOff'; platformItemIds: string[] }
  | { action: 'autoSyncOn'; platformItemIds: string[]; dryRun?: boolean }
  | { action: 'addSystemSku'; platformItemIds: string[]; startingStock: 'platform' | 'zero'; warehouseId?: number; dryRun?: boolean }
  | { action: 'clone'; platformItemIds: string[]; destinationStoreIds: number[] }
  | { action: 'connect'; platformItemIds: string[]; productId: number; storeVariantId?: number; dryRun?: boolean };

export async function consoleActions(ctx: CommandContext, store: StoreRow, input: ConsoleAction): Promise<Record<string, unknown>> {
  const { db } = ctx;
  const products = await db.storeProducts.where('[storeId+platformItemId]').anyOf(input.platformItemIds.map((i) => [store.id, i])).toArray();
  if (!products.length) {
    throw new CommandError('not_found', t('err_console_noneDownloaded', store.name), { platformItemIds: input.platformItemIds });
  }
  const storeProductIds = products.map((p) => p.id);
  const unknown = input.platformItemIds.filter((i) => !products.some((p) => p.platformItemId === i));
  switch (input.action) {
    case 'sync':
      if (input.platformVariantIds) return syncVariants(ctx, store, products[0]!.id, input.platformItemIds, input.platformVariantIds);
      return { ...(await syncCommands['storeProducts.sync'].handler({ storeId: store.id, storeProductIds }, ctx)), listings: products.length, unknown };
    case 'autoSyncOn':
    case 'autoSyncOff':
      return { ...(await syncCommands['storeProducts.setAutoSync'].handler({ storeId: store.id, storeProductIds, enabled: input.action === 'autoSyncOn', dryRun: input.action === 'autoSyncOn' ? input.dryRun : undefined }, ctx)), unknown };
    case 'clone':
      return draftCommands['storeProducts.clone'].handler({ storeProductIds, destinationStoreIds: input.destinationStoreIds }, ctx);
    case 'addSystemSku': {
      const variants = (await db.storeVariants.where('storeProductId').anyOf(storeProductIds).toArray()).filter((v) => v.connected === 0);
      if (!variants.length) return { created: [], errors: [], message: 'Every variant of these listings is already connected.' };
      const answer = await storeProductCommands['storeVariants.createSystemProducts'].handler({ storeVariantIds: variants.map((v) => v.id), startingStock: input.startingStock, warehouseId: input.warehouseId, dryRun: input.dryRun }, ctx);
      // The warehouse choice of the in-page dialog: a content script may not list warehouses itself.
      const warehouses = input.dryRun ? (await db.warehouses.toArray()).map((w) => ({ id: w.id, name: w.name, code: w.code })) : undefined;
      return { ...answer, warehouseChoices: warehouses };
    }
    case 'connect': {
      const variants = await db.storeVariants.where('storeProductId').equals(products[0]!.id).toArray();
      const target = input.storeVariantId !== undefined ? variants.find((v) => v.id === input.storeVariantId) : variants.length === 1 ? variants[0] : variants.filter((v) => v.connected === 0).length === 1 ? variants.find((v) => v.connected === 0) : undefined;
      if (!target) throw new CommandError('invalid_input', t('err_console_whichVariant'), [{ field: 'storeVariantId', message: 'required for a listing with several variants' }]);
      return { ...(await storeProductCommands['storeVariants.connect'].handler({ id: target.id, productId: input.productId, dryRun: input.dryRun }, ctx)) };
    }
  }
}

/** Sync now of some variants of one listing (a console's model lines): only those variants are pushed. */
async function syncVariants(ctx: CommandContext, store: StoreRow, storeProductId: number, platformItemIds: string[], platformVariantIds: string[]): Promise<Record<string, unknown>> {
  if (platformItemIds.length !== 1) {
    throw new CommandError('invalid_input', t('err_console_oneListing'), [{ field: 'platformVariantIds', message: 'give exactly one platformItemIds with platformVariantIds' }]);
  }
  const variants = await ctx.db.storeVariants.where('storeProductId').equals(storeProductId).toArray();
  const chosen = variants.filter((v) => platformVariantIds.includes(v.platformVariantId));
  const unknown = platformVariantIds.filter((id) => !chosen.some((v) => v.platformVariantId === id));
  if (unknown.length) {
    throw new CommandError('not_found', t('err_console_unknownVariant', unknown.join(', '), store.name), { platformVariantIds: unknown });
  }
  const { jobId } = await startManualSync(ctx.db, { storeId: store.id, storeVariantIds: chosen.map((v) => v.id) }, ctx.now());
  return { jobId, listings: 1, variants: chosen.length, unknown: [] };
}
