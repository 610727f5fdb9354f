// The demo marketplace (the platform simulator under tests/, started by `npm start` on a fixed
// loopback port): make a demo shop there and say how Shelfsync connects to it. Test build only —
// the dashboard imports this behind `import.meta.env.MODE === 'test'`, so the production bundle
// has neither this code nor a loopback address. Plain fetch: the `npm start` seeding uses it from
// Node too.
import { profileOf } from '../platforms/profiles';
import type { Platform } from '../platforms/types';

export const DEMO_SIM_PORT = 4100;
export const DEMO_SIM_URL = `http://127.0.0.1:${DEMO_SIM_PORT}`;

/** What every demo shop is made of: 30 listings × 2 variants, SKUs DEMO-1 … DEMO-60 on each
 *  platform (the same SKU on every store, as a seller lists one product everywhere). */
export const DEMO_SHOP = { items: 30, variantsPerItem: 2, seed: 42, skuPrefix: 'DEMO' } as const;

export const demoStoreName = (platform: Platform) => `Demo ${profileOf(platform).name}`;

/** The simulator's answer to `POST /__sim/shops` (SIMULATOR.md, control API). */
export interface DemoShop {
  shopId: string;
  platform: Platform;
  name: string;
  apiBaseUrl: string;
  authBaseUrl?: string;
  authorizeBaseUrl?: string;
  consoleUrl?: string;
  credentials: Record<string, string>;
}

/** The simulator did not answer at all (not started, or another port). */
export class DemoMarketplaceDown extends Error {
  override name = 'DemoMarketplaceDown';
}

export async function createDemoShop(platform: Platform, opts: { simUrl?: string; fetchImpl?: typeof fetch } = {}): Promise<DemoShop> {
  const doFetch = opts.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${opts.simUrl ?? DEMO_SIM_URL}/__sim/shops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform, ...DEMO_SHOP, name: demoStoreName(platform) }),
    });
  } catch (err) {
    throw new DemoMarketplaceDown(err instanceof Error ? err.message : String(err));
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`The demo marketplace refused to make a ${profileOf(platform).name} shop (HTTP ${res.status}: ${text.slice(0, 200)}).`);
  return JSON.parse(text) as DemoShop;
}

/** The `stores.connect` payload for a demo shop. */
export function demoConnectPayload(shop: DemoShop) {
  return {
    platform: shop.platform,
    name: demoStoreName(shop.platform),
    ...(shop.platform === 'lazada' ? { region: 'sg' } : {}),
    apiBaseUrl: shop.apiBaseUrl,
    ...(shop.authBaseUrl ? { authBaseUrl: shop.authBaseUrl } : {}),
    ...(shop.authorizeBaseUrl ? { authorizeBaseUrl: shop.authorizeBaseUrl } : {}),
    credentials: shop.credentials,
  };
}
