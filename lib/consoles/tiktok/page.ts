// TikTok Shop Seller Center URLs (CONSOLES.md): /product/manage, /product/edit/{product_id}.
// Indonesian sellers work in the same seller centre under Tokopedia's host, with the same paths;
// the hosts are in the platform's profile (lib/platforms/tiktok/profile.ts).
import type { ConsolePage, Located } from '../page';

export function parseTiktok(at: Located): ConsolePage {
  const edit = /^\/product\/edit\/(\d+)/.exec(at.path);
  return {
    platform: 'tiktok',
    shopHint: at.search.get('shop_id'),
    kind: at.path.startsWith('/product/manage') ? 'list' : edit ? 'product' : 'other',
    platformItemId: edit?.[1] ?? null,
  };
}
