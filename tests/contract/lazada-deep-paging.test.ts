// Lazada refuses offsets above 10,000: a store bigger than that is paged by moving update_after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index';
import type { Credentials } from '../../lib/platforms/types';
import { startSimulator } from '../simulator/server';

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('lazada deep paging', () => {
  it('lists every one of 10,600 products, past the offset limit', async () => {
    const shop = await (await fetch(`${sim.url}/__sim/shops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'lazada', items: 10_600, seed: 4 }) })).json();
    let creds = { platform: 'lazada', ...shop.credentials } as Credentials;
    const adapter = createAdapter('lazada', { apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl }, { get: () => creds as never, save: async (c) => void (creds = c) });
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await adapter.listItems({ cursor });
      for (const item of page.items) ids.add(item.platformItemId);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    expect(ids.size).toBe(10_600);
    const stats = await (await fetch(`${sim.url}/__sim/stats?shopId=${shop.shopId}`)).json();
    expect(stats.rejected['14'] ?? stats.rejected.E014 ?? 0).toBe(0);
  }, 60_000);
});
