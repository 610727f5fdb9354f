// TikTok Shop Seller Center URLs (CONSOLES.md): /product/manage, /product/edit/{product_id}.
import type { ConsolePage, Located } from '../types';

export function isTiktokHost(host: string): boolean {
  return /^seller(-[a-z]{2})?\.tiktok\.com$/.test(host) || host === 'seller.tiktokglobalshop.com';
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
