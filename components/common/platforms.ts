// The five platforms as the store product module shows them: name and colour.
import type { MessageKey } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';

export { PLATFORMS };
export type { Platform };

export const PLATFORM_NAME: Record<Platform, MessageKey> = {
  shopee: 'sp_platform_shopee',
  lazada: 'sp_platform_lazada',
  tiktok: 'sp_platform_tiktok',
  shopify: 'sp_platform_shopify',
  woocommerce: 'sp_platform_woocommerce',
};

export const PLATFORM_TINT: Record<Platform, string> = {
  shopee: '#ee4d2d',
  lazada: '#0f146d',
  tiktok: '#111111',
  shopify: '#5e8e3e',
  woocommerce: '#7f54b3',
};

export function isPlatform(value: string | null | undefined): value is Platform {
  return !!value && (PLATFORMS as readonly string[]).includes(value);
}
