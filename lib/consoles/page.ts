// What a console URL tells us: which platform's console, which shop when the URL names it,
// and which page (the product list, one product).
import type { Platform } from '../platforms/types';

export interface ConsolePage {
  platform: Platform;
  /** The shop the URL names (Shopee cross-border shop id, Shopify handle, WooCommerce site...). */
  shopHint: string | null;
  kind: 'list' | 'product' | 'other';
  platformItemId: string | null;
}

/** The simulator mounts each console under /console/{platform}; only the test build knows it. */
export interface Located { path: string; search: URLSearchParams; origin: string; simulated: boolean }
