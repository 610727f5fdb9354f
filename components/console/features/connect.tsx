// Connect / Add system SKU: tie a listing's variants to system products. On each row (and beside
// a product page's title) the button shows the system SKU — or Connect… — and opens ConnectPicker
// (search a system product; or Add system SKU from there); in the toolbar and the menu, Add system
// SKU for several listings at once (AddSkuPicker). Both change live stock, so each asks with a dry
// run first and shows what it would push before the seller confirms.
// Background half: console.act {action: 'connect' | 'addSystemSku'}, console.searchProducts.
import { send } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import type { ActionResult, Preview } from '@/lib/consoles/runtime/actions';
import type { Session } from '@/lib/consoles/runtime/session';
import type { ItemStatus } from '@/lib/consoles/runtime/state';
import type { EffectSummary } from '@/lib/sync/effects';
import { definePageFeature, menuOpened, menuResult } from './define';

type Scope = Pick<Session, 'state' | 'feed' | 'actions'>;

export type StartingStock = 'platform' | 'zero';
export interface AddSkuPreview {
  created: unknown[];
  joined: unknown[];
  errors: { storeVariantId: number; message: string }[];
  warehouses: { storeId: number; warehouseId: number; name: string }[];
  warehouseChoices?: { id: number; name: string; code: string }[];
  effects: EffectSummary;
  message?: string;
}
export interface ConnectPreview { pushQuantity: number | null; from: number; pushes: boolean; reason: string | null }
export type ProductHit = { id: number; sku: string; name: string };

/** The button's text: the system SKU (or how many), how many are connected, or Connect…. */
export function connectionLabel(s: ItemStatus): string {
  const connected = s.variants.filter((v) => v.systemSku);
  if (s.connected === 'all') return connected.length === 1 ? connected[0]!.systemSku! : tn('console_nSkus', connected.length);
  if (s.connected === 'some') return t('console_someConnected', connected.length, s.variants.length);
  return t('console_connect');
}

const warehouse = (warehouseId?: number) => (warehouseId !== undefined ? { warehouseId } : {});

/** Add system SKU as a dry run: what each listing would be pushed, and the warehouses to choose from. */
export async function previewAddSystemSku(ids: string[], startingStock: StartingStock, warehouseId?: number): Promise<Preview<AddSkuPreview>> {
  const answer = await send('console.act', { action: 'addSystemSku', platformItemIds: ids, startingStock, ...warehouse(warehouseId), dryRun: true });
  return answer.ok ? { ok: true, data: answer.data as unknown as AddSkuPreview } : { ok: false, message: answer.error.message };
}

export async function addSystemSku(s: Scope, ids: string[], startingStock: StartingStock = 'platform', warehouseId?: number): Promise<ActionResult> {
  const marked = s.actions.saving(ids);
  const answer = await send('console.act', { action: 'addSystemSku', platformItemIds: ids, startingStock, ...warehouse(warehouseId) });
  await s.feed.refresh(ids);
  s.state.setBusy(marked, null);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  const data = answer.data as { created?: unknown[]; joined?: unknown[]; errors?: { message?: string }[]; message?: string };
  const created = (data.created?.length ?? 0) + (data.joined?.length ?? 0);
  if (!created && data.errors?.length) return { ok: false, message: data.errors[0]?.message ?? t('console_resultAddSkuNone') };
  return { ok: true, message: created ? tn('unc_addCreatedN', created) : t('console_resultAddSkuNone') };
}

/** Connect as a dry run: the number it would push, and whether it goes out now. */
export async function previewConnect(id: string, productId: number, storeVariantId?: number): Promise<Preview<ConnectPreview>> {
  const answer = await send('console.act', { action: 'connect', platformItemIds: [id], productId, dryRun: true, ...(storeVariantId !== undefined ? { storeVariantId } : {}) });
  return answer.ok ? { ok: true, data: answer.data as unknown as ConnectPreview } : { ok: false, message: answer.error.message };
}

export async function connectListing(s: Scope, id: string, productId: number, storeVariantId?: number): Promise<ActionResult> {
  const answer = await send('console.act', { action: 'connect', platformItemIds: [id], productId, ...(storeVariantId !== undefined ? { storeVariantId } : {}) });
  await s.feed.refresh([id]);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  return { ok: true, message: t('console_connectDone') };
}

export async function searchProducts(q: string): Promise<ProductHit[]> {
  const answer = await send('console.searchProducts', { q });
  return answer.ok ? answer.data.items : [];
}

export const connect = definePageFeature({
  id: 'connect',
  row: ({ id, status, session }) => (
    <button
      type="button"
      className={status.connected === 'all' ? 'ss-btn ss-btn--sku' : 'ss-btn'}
      data-shelfsync="connect"
      data-connected={status.connected}
      aria-haspopup="dialog"
      title={status.variants.map((v) => `${v.sellerSku || '—'} → ${v.systemSku ?? t('console_unconnected')}`).join('\n')}
      onClick={(e) => session.actions.openPicker('connect', [id], e.currentTarget)}
    >
      <span className="ss-label">{connectionLabel(status)}</span>
    </button>
  ),
  toolbar: ({ ids, working, session }) => (
    <button type="button" className="ss-btn" data-shelfsync="toolbar-add-sku" disabled={working} aria-haspopup="dialog" onClick={(e) => session.actions.openPicker('addSku', ids, e.currentTarget)}>
      {t('console_toolbarAddSku')}
    </button>
  ),
  menu: {
    connect: async (s, ids) => {
      // One listing Shelfsync knows: the picker (connect, or Add system SKU from it).
      if (ids.length === 1 && s.state.status.get(ids[0]!)) return menuOpened(s, 'connect', ids);
      // Several listings: Add system SKU, asked in the page with what it pushes — unless the
      // listings are refused outright (starting at 0 needs no warehouse, so only that is asked).
      const asked = await previewAddSystemSku(ids, 'zero');
      return asked.ok ? menuOpened(s, 'addSku', ids) : menuResult(asked, ids);
    },
  },
});
