// Entry point of the platform layer: the adapter for a store, chosen by an explicit switch
// (ARCHITECTURE.md principle 5), production endpoints, and each platform's auth functions.

import type { AdapterOptions } from './http.ts';
import { LazadaAdapter } from './lazada/adapter.ts';
import { LAZADA_API_BY_REGION, LAZADA_AUTH_BASE } from './lazada/profile.ts';
import { SHOPEE_API_BASE, SHOPEE_SANDBOX_BASE } from './shopee/profile.ts';
import { TIKTOK_API_BASE, TIKTOK_AUTH_BASE, TIKTOK_AUTHORIZE_BASE } from './tiktok/profile.ts';
import { ShopeeAdapter } from './shopee/adapter.ts';
import { DEFAULT_SHOPIFY_VERSION } from './shopify/client.ts';
import { ShopifyAdapter } from './shopify/adapter.ts';
import { TiktokAdapter } from './tiktok/adapter.ts';
import {
  PlatformError,
  type CredentialHolder,
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
  credentialStore: CredentialHolder,
  opts: AdapterOptions = {},
): PlatformAdapter {
  const stored = credentialStore.get().platform;
  if (stored !== platform) throw new PlatformError('invalid', `credentials are for ${stored}, not ${platform}`);
  // The check above makes the narrowing casts below true.
  switch (platform) {
    case 'shopee':
      return new ShopeeAdapter(endpoints, credentialStore as CredentialHolder<'shopee'>, opts);
    case 'lazada':
      return new LazadaAdapter(endpoints, credentialStore as CredentialHolder<'lazada'>, opts);
    case 'tiktok':
      return new TiktokAdapter(endpoints, credentialStore as CredentialHolder<'tiktok'>, opts);
    case 'shopify':
      return new ShopifyAdapter(endpoints, credentialStore as CredentialHolder<'shopify'>, opts);
    case 'woocommerce':
      return new WooCommerceAdapter(endpoints, credentialStore as CredentialHolder<'woocommerce'>, opts);
    default: {
      const never: never = platform;
      throw new PlatformError('invalid', `unknown platform ${String(never)}`);
    }
  }
}

/**
 * Production endpoints from the platform docs. `region`: Lazada country (`sg`, `my`, `th`, `vn`,
 * `ph`, `id`; default `sg`), TikTok `us` for the US authorize host, Shopee `sandbox`.
 * `site`: the Shopify shop domain or the WooCommerce site URL (those hosts are the seller's).
 */
export function defaultEndpoints(platform: Platform, region?: string, site?: string): PlatformEndpoints {
  const r = region?.toLowerCase();
  switch (platform) {
    case 'shopee':
      return { apiBaseUrl: r === 'sandbox' ? SHOPEE_SANDBOX_BASE : SHOPEE_API_BASE };
    case 'lazada':
      return { apiBaseUrl: LAZADA_API_BY_REGION[r ?? 'sg'] ?? LAZADA_API_BY_REGION.sg ?? '', authBaseUrl: LAZADA_AUTH_BASE };
    case 'tiktok':
      return {
        apiBaseUrl: TIKTOK_API_BASE,
        authBaseUrl: TIKTOK_AUTH_BASE,
        authorizeBaseUrl: r === 'us' ? TIKTOK_AUTHORIZE_BASE.us : TIKTOK_AUTHORIZE_BASE.global,
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
