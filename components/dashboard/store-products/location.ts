// Where the seller is inside the module, kept in the URL hash so a reload or a shared link lands
// in the same place: `#/store-products?platform=shopee&store=3&view=unconnected&item=12`; a draft's
// edit page inside To be published is `view=drafts&draft=7`.
import { hrefOf } from '../routes';
import { isPlatform, type Platform } from '@/components/common/platforms';

export type ModuleView = 'products' | 'drafts' | 'unconnected';
const VIEWS: ModuleView[] = ['products', 'drafts', 'unconnected'];

export interface ModuleLocation {
  platform?: Platform;
  storeId?: number;
  view: ModuleView;
  /** A listing whose detail drawer is open. */
  item?: number;
  /** A draft whose edit page is open (To be published). */
  draft?: number;
}

export function readLocation(params: URLSearchParams): ModuleLocation {
  const platform = params.get('platform');
  const store = Number(params.get('store'));
  const view = params.get('view') as ModuleView | null;
  const item = Number(params.get('item'));
  const draft = Number(params.get('draft'));
  return {
    platform: isPlatform(platform) ? platform : undefined,
    storeId: Number.isInteger(store) && store > 0 ? store : undefined,
    view: view && VIEWS.includes(view) ? view : 'products',
    item: Number.isInteger(item) && item > 0 ? item : undefined,
    draft: Number.isInteger(draft) && draft > 0 ? draft : undefined,
  };
}

export function moduleHref(loc: Partial<ModuleLocation>): string {
  const params: Record<string, string> = {};
  if (loc.platform) params.platform = loc.platform;
  if (loc.platform && loc.storeId) params.store = String(loc.storeId);
  if (loc.platform && loc.storeId && loc.view && loc.view !== 'products') params.view = loc.view;
  if (loc.platform && loc.storeId && loc.item) params.item = String(loc.item);
  if (loc.platform && loc.storeId && loc.draft) params.draft = String(loc.draft);
  return hrefOf('store-products', params);
}

/** Moves inside the module with a history entry (Back goes to the previous place). */
export function goTo(loc: Partial<ModuleLocation>): void {
  window.location.hash = moduleHref(loc);
}
