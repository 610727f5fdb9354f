// The dashboard's routes live in the URL hash (`#/inventory/warehouses?x=y`) so a reload or a
// shared link lands in the same place; an extension page has no server to route paths.
import { useEffect, useState } from 'react';
import type { MessageKey } from '@/lib/i18n';

export type RouteKey =
  | 'store-products'
  | 'inventory/products'
  | 'inventory/warehouses'
  | 'inventory/stock'
  | 'inventory/purchase-orders'
  | 'inventory/sources'
  | 'stores'
  | 'orders'
  | 'sync-rules'
  | 'sync-log'
  | 'settings';

export interface Route {
  key: RouteKey;
  params: URLSearchParams;
}

export const ROUTE_LABELS: Record<RouteKey, MessageKey> = {
  'store-products': 'nav_storeProducts',
  'inventory/products': 'nav_products',
  'inventory/warehouses': 'nav_warehouses',
  'inventory/stock': 'nav_stock',
  'inventory/purchase-orders': 'nav_purchaseOrders',
  'inventory/sources': 'sources_nav',
  stores: 'nav_stores',
  orders: 'nav_orders',
  'sync-rules': 'nav_syncRules',
  'sync-log': 'nav_syncLog',
  settings: 'nav_settings',
};

export const DEFAULT_ROUTE: RouteKey = 'store-products';

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const key = (Object.hasOwn(ROUTE_LABELS, path) ? path : DEFAULT_ROUTE) as RouteKey;
  return { key, params: new URLSearchParams(query) };
}

export function hrefOf(key: RouteKey, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${key}${query ? `?${query}` : ''}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
