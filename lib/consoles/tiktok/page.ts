// TikTok Shop Seller Center URLs (CONSOLES.md): /product/manage, /product/edit/{product_id}.
// Indonesian sellers work in the same seller centre under Tokopedia's host (since TikTok Shop and
// Tokopedia merged): seller-id.tokopedia.com, with the same paths.
import type { ConsolePage, Located } from '../types';

/** Tokopedia's host of the TikTok Shop seller centre (Indonesia). */
export const TOKOPEDIA_SELLER_HOST = 'seller-id.tokopedia.com';

export function isTiktokHost(host: string): boolean {
  return /^seller(-[a-z]{2})?\.tiktok\.com$/.test(host) || host === 'seller.tiktokglobalshop.com' || host === TOKOPEDIA_SELLER_HOST;
}

export function parseTiktok(at: Located): ConsolePage {
  const edit = /^\/product\/edit\/(\d+)/.exec(at.path);
  return {
    platform: 'tiktok',
    shopHint: at.search.get('shop_id'),
    kind: at.path.startsWith('/product/manage') ? 'list' : edit ? 'product' : 'other',
    platformItemId: edit?.[1] ?? null,
  };
}
