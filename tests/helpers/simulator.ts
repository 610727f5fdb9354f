// Starts the platform simulator for a test file and wraps its control API.
import { startSimulator } from '../simulator/server';
import type { Platform } from '@/lib/platforms/types';

export interface SimShop {
  shopId: string;
  platform: Platform;
  name: string;
  apiBaseUrl: string;
  authBaseUrl: string;
  authorizeBaseUrl: string;
  consoleUrl: string;
  credentials: Record<string, string>;
}

export interface SimItem { itemId: string; title: string; status: string; variants: { variantId: string; sellerSku: string; stock: number; price: number }[] }

export async function useSimulator() {
  const sim = await startSimulator({ port: 0 });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url: sim.url,
    close: () => sim.close(),
    control,
    createShop: (body: { platform: Platform; items?: number; variantsPerItem?: number; seed?: number; skuPrefix?: string; name?: string }) => control<SimShop>('POST', '/__sim/shops', body),
    items: (shopId: string) => control<SimItem[]>('GET', `/__sim/shops/${encodeURIComponent(shopId)}/items`),
    patchItem: (shopId: string, itemId: string, patch: unknown) => control<unknown>('PATCH', `/__sim/shops/${encodeURIComponent(shopId)}/items/${encodeURIComponent(itemId)}`, patch),
    faults: (body: unknown) => control<unknown>('POST', '/__sim/faults', body),
    stats: (shopId?: string) => control<{ calls: Record<string, number>; stockUpdateCalls: number; stockUpdateEntries: number; rejected: Record<string, number> }>('GET', `/__sim/stats${shopId ? `?shopId=${encodeURIComponent(shopId)}` : ''}`),
    reset: () => control<unknown>('POST', '/__sim/reset'),
  };
}

export type Simulator = Awaited<ReturnType<typeof useSimulator>>;
