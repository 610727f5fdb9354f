// Lazada Seller Center URLs (CONSOLES.md): /apps/product/list?tab=..., /apps/product/publish?productId=.
// The console's hosts are in the platform's profile (lib/platforms/lazada/profile.ts).
import type { ConsolePage, Located } from '../page';

export function parseLazada(at: Located): ConsolePage {
  const item = at.path.startsWith('/apps/product/publish') ? at.search.get('productId') : null;
  return {
    platform: 'lazada',
    shopHint: at.search.get('seller_id'),
    kind: at.path.startsWith('/apps/product/list') ? 'list' : item ? 'product' : 'other',
    platformItemId: item && /^\d+$/.test(item) ? item : null,
  };
}
