// Which connected store a console page belongs to — decided from the URL the browser stamped on
// the message, never from what the page says. A page can only ever be matched to a store of the
// platform whose console it is, and only act on that store's own listings.
import type { ShelfsyncDB } from '../../db/database';
import type { StoreRow } from '../../db/types';
import { shopKeyOf, storedIdentity } from '../../stores/label';
import { parseConsoleUrl, type ConsolePage } from '../index';
import { sameWooSite } from '../woocommerce/site';

export type Identified =
  | { page: ConsolePage; store: StoreRow }
  | { page: ConsolePage; store: null; candidates: StoreRow[]; reason: 'not_connected' | 'ambiguous' }
  | { page: null; store: null; candidates: []; reason: 'not_a_console' };

/** The ids a console URL may name the shop by: the shop id the platform answered at connect
 *  (Lazada seller id, TikTok shop id — learnt from /seller/get and /authorization/shops), its
 *  short code, or what older rows kept in shopRef. */
function shopIds(store: StoreRow): string[] {
  const identity = storedIdentity(store);
  return [shopKeyOf(store.platform, identity), identity.shortCode, store.shopRef].filter((v): v is string => !!v).map((v) => v.toLowerCase());
}

function matchesHint(store: StoreRow, page: ConsolePage): boolean {
  if (!page.shopHint) return false;
  if (store.platform === 'woocommerce') {
    // The site as saved, with or without www.; in the simulator, its /woocommerce/{siteId}.
    const base = store.endpoints.apiBaseUrl;
    return sameWooSite(base, page.shopHint) || base.replace(/\/+$/, '').toLowerCase().endsWith(`/woocommerce/${page.shopHint.toLowerCase()}`);
  }
  return shopIds(store).includes(page.shopHint.toLowerCase());
}

export function bindingKey(page: ConsolePage): string {
  return `consoleBinding:${page.platform}:${page.shopHint ?? ''}`;
}

export async function identifyConsole(db: ShelfsyncDB, url: string): Promise<Identified> {
  const stores = await db.stores.toArray();
  const page = parseConsoleUrl(url, stores.filter((s) => s.platform === 'woocommerce').map((s) => s.endpoints.apiBaseUrl));
  if (!page) return { page: null, store: null, candidates: [], reason: 'not_a_console' };
  const ofPlatform = stores.filter((s) => s.platform === page.platform);
  const exact = ofPlatform.filter((s) => matchesHint(s, page));
  if (exact.length === 1) return { page, store: exact[0]! };
  // The seller said which store this console is (popup), for consoles whose URL does not say.
  const bound = (await db.settings.get(bindingKey(page)))?.value;
  const boundStore = ofPlatform.find((s) => s.id === bound);
  if (boundStore) return { page, store: boundStore };
  // The URL does not name the shop (Shopee, Lazada and TikTok main consoles): one store of that
  // platform is the only possibility.
  if (!page.shopHint && ofPlatform.length === 1) return { page, store: ofPlatform[0]! };
  // The URL names a shop no store is known to be; a store whose shop id we never learnt (pasted
  // credentials) may be it when it is the only one of its platform.
  const unknownShop = ofPlatform.filter((s) => !shopKeyOf(s.platform, storedIdentity(s)));
  if (page.shopHint && exact.length === 0 && ofPlatform.length === 1 && unknownShop.length === 1) return { page, store: ofPlatform[0]! };
  return { page, store: null, candidates: ofPlatform, reason: ofPlatform.length ? 'ambiguous' : 'not_connected' };
}
