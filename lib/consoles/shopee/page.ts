// Shopee Seller Centre URLs (CONSOLES.md): /portal/product/list/..., /portal/product/{item_id};
// the cross-border centre names the shop with ?cnsc_shop_id=.
// The console's hosts are in the platform's profile (lib/platforms/shopee/profile.ts).
import type { ConsolePage, Located } from '../page';

export function parseShopee(at: Located): ConsolePage {
  const product = /^\/portal\/product\/(\d+)(?:\/|$)/.exec(at.path);
  return {
    platform: 'shopee',
    shopHint: at.search.get('cnsc_shop_id') ?? at.search.get('shop_id'),
    kind: at.path.startsWith('/portal/product/list') ? 'list' : product ? 'product' : 'other',
    platformItemId: product?.[1] ?? null,
  };
}
