// Shopee Seller Centre URLs (CONSOLES.md): /portal/product/list/..., /portal/product/{item_id};
// the cross-border centre names the shop with ?cnsc_shop_id=.
import type { ConsolePage, Located } from '../types';

export const SHOPEE_HOSTS = ['seller.shopee.co.id', 'seller.shopee.com.my', 'seller.shopee.ph', 'seller.shopee.sg', 'seller.shopee.co.th', 'seller.shopee.tw', 'seller.shopee.com.br', 'banhang.shopee.vn', 'seller.shopee.cn'];

export function parseShopee(at: Located): ConsolePage {
  const product = /^\/portal\/product\/(\d+)(?:\/|$)/.exec(at.path);
  return {
    platform: 'shopee',
    shopHint: at.search.get('cnsc_shop_id') ?? at.search.get('shop_id'),
    kind: at.path.startsWith('/portal/product/list') ? 'list' : product ? 'product' : 'other',
    platformItemId: product?.[1] ?? null,
  };
}
