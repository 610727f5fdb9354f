// Lazada Seller Center URLs (CONSOLES.md): /apps/product/list?tab=..., /apps/product/publish?productId=.
import type { ConsolePage, Located } from '../types';

export const LAZADA_HOSTS = ['sellercenter.lazada.co.id', 'sellercenter.lazada.com.my', 'sellercenter.lazada.vn', 'sellercenter.lazada.co.th', 'sellercenter.lazada.com.ph', 'sellercenter.lazada.sg'];

export function parseLazada(at: Located): ConsolePage {
  const item = at.path.startsWith('/apps/product/publish') ? at.search.get('productId') : null;
  return {
    platform: 'lazada',
    shopHint: at.search.get('seller_id'),
    kind: at.path.startsWith('/apps/product/list') ? 'list' : item ? 'product' : 'other',
    platformItemId: item && /^\d+$/.test(item) ? item : null,
  };
}
