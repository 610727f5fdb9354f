// Entry point of the platform layer: the adapter for a store, chosen by an explicit switch
// (ARCHITECTURE.md principle 5), production endpoints, and each platform's auth functions.

import type { AdapterOptions } from './http.ts';
import { LazadaAdapter } from './lazada/adapter.ts';
import { ShopeeAdapter } from './shopee/adapter.ts';
import { DEFAULT_SHOPIFY_VERSION } from './shopify/client.ts';
import { ShopifyAdapter } from './shopify/adapter.ts';
import { TiktokAdapter } from './tiktok/adapter.ts';
import {
  PlatformError,
  type CredentialStore,
  type CredentialsOf,
  type Platform,
  type PlatformAdapter,
  type PlatformEndpoints,
} from './types.ts';
import { WooCommerceAdapter } from './woocommerce/adapter.ts';

export type { AdapterOptions } from './http.ts';
export type { AuthorizationResult } from './authCommon.ts';
export * as shopeeAuth from './shopee/auth.ts';
export * as lazadaAuth from './lazada/auth.ts';
export * as tiktokAuth from './tiktok/auth.ts';
export * as shopifyAuth from './shopify/auth.ts';
export * as woocommerceAuth from './woocommerce/auth.ts';

export function createAdapter(
  platform: Platform,
  endpoints: PlatformEndpoints,
  credentialStore: CredentialStore,
  opts: AdapterOptions = {},
): PlatformAdapter {
  const stored = credentialStore.get().platform;
  if (stored !== platform) throw new PlatformError('invalid', `credentials are for ${stored}, not ${platform}`);
  // The check above makes the narrowing casts below true.
  switch (platform) {
    case 'shopee':
      return new ShopeeAdapter(endpoints, credentialStore as CredentialStore<'shopee'>, opts);
    case 'lazada':
      return new LazadaAdapter(endpoints, credentialStore as CredentialStore<'lazada'>, opts);
    case 'tiktok':
      return new TiktokAdapter(endpoints, credentialStore as CredentialStore<'tiktok'>, opts);
    case 'shopify':
      return new ShopifyAdapter(endpoints, credentialStore as CredentialStore<'shopify'>, opts);
    case 'woocommerce':
      return new WooCommerceAdapter(endpoints, credentialStore as CredentialStore<'woocommerce'>, opts);
    default: {
      const never: never = platform;
      throw new PlatformError('invalid', `unknown platform ${String(never)}`);
    }
  }
}

const LAZADA_HOSTS: Record<string, string> = {
  sg: 'https://api.lazada.sg/rest',
  my: 'https://api.lazada.com.my/rest',
  th: 'https://api.lazada.co.th/rest',
  vn: 'https://api.lazada.vn/rest',
  ph: 'https://api.lazada.com.ph/rest',
  id: 'https://api.lazada.co.id/rest',
};

/**
 * Production endpoints from the platform docs. `region`: Lazada country (`sg`, `my`, `th`, `vn`,
 * `ph`, `id`; default `sg`), TikTok `us` for the US authorize host, Shopee `sandbox`.
 * `site`: the Shopify shop domain or the WooCommerce site URL (those hosts are the seller's).
 */
export function defaultEndpoints(platform: Platform, region?: string, site?: string): PlatformEndpoints {
  const r = region?.toLowerCase();
  switch (platform) {
    case 'shopee':
      return { apiBaseUrl: r === 'sandbox' ? 'https://openplatform.sandbox.test-stable.shopee.sg' : 'https://partner.shopeemobile.com' };
    case 'lazada':
      return { apiBaseUrl: LAZADA_HOSTS[r ?? 'sg'] ?? LAZADA_HOSTS.sg ?? '', authBaseUrl: 'https://auth.lazada.com' };
    case 'tiktok':
      return {
        apiBaseUrl: 'https://open-api.tiktokglobalshop.com',
        authBaseUrl: 'https://auth.tiktok-shops.com',
        authorizeBaseUrl: r === 'us' ? 'https://services.us.tiktokshop.com' : 'https://services.tiktokshop.com',
      };
    case 'shopify':
      return { apiBaseUrl: site ? `https://${site.replace(/^https?:\/\//, '').replace(/\/+$/, '')}` : '', apiVersion: DEFAULT_SHOPIFY_VERSION };
    case 'woocommerce':
      return { apiBaseUrl: site ? site.replace(/\/+$/, '') : '' };
    default: {
      const never: never = platform;
      throw new PlatformError('invalid', `unknown platform ${String(never)}`);
    }
  }
}

/** Whether stored credentials carry a token that expires (Shopee, Lazada, TikTok). */
export function hasExpiringToken(c: CredentialsOf<Platform>): boolean {
  return c.platform === 'shopee' || c.platform === 'lazada' || c.platform === 'tiktok';
}
