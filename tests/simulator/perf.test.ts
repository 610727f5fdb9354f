// The simulator at scale: a 100,000-item shop, deep pages, writes between reads. What is asserted
// is what the pages hold; how long they took is logged, never asserted (a busy machine is slow —
// timings belong to `npm run bench`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { ctl, http, lazadaParams, newShop, shopeeUrl, sim } from './helpers.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

describe('scale', () => {
  it('100,000 items in one shop: deep pages answer whole, also between writes', async () => {
    let t = Date.now();
    const sh = await newShop(s, { platform: 'shopee', items: 100_000 });
    console.log(`[sim scale] 100,000 shopee items created in ${Date.now() - t} ms`);
    await ctl(s, 'POST', '/faults', { shopId: sh.shopId, rateLimitPerSecond: 100_000 });
    const page = (offset: number): Promise<any> => http(shopeeUrl(`${s.url}/shopee`, '/api/v2/product/get_item_list', sh.credentials, { offset: String(offset), page_size: '100', item_status: ['NORMAL', 'UNLIST'] }));
    await page(0); // warm the filtered view
    t = Date.now();
    for (let i = 0; i < 50; i++) {
      const r = await page(99_000 - i * 1000);
      expect(r.body.response.item).toHaveLength(100);
    }
    console.log(`[sim scale] 50 deep pages of 100 in ${Date.now() - t} ms`);
    // interleaved writes (each invalidates cached views) still keep pages fast
    const store = s.state.shops.get(sh.shopId)!.items;
    t = Date.now();
    for (let i = 0; i < 200; i++) {
      store.touch(store.bySeq[i * 300]!, s.state.now());
      const v = store.view({ order: 'update', fromMs: s.state.now() - 1000, key: 'x' });
      expect(v.length).toBeGreaterThan(0);
    }
    console.log(`[sim scale] 200 writes each followed by a filtered view in ${Date.now() - t} ms`);
  });

  it('lazada: moving offsets over a large shop with update_after answer whole pages', async () => {
    const sh = await newShop(s, { platform: 'lazada', items: 20_000 });
    const c = sh.credentials;
    const t = Date.now();
    for (let i = 0; i < 30; i++) {
      const q = lazadaParams('/products/get', c.appKey, c.appSecret, { access_token: c.accessToken, filter: 'all', limit: '50', offset: String(i * 300), update_after: '2000-01-01T00:00:00Z' });
      const r = await http(`${sh.apiBaseUrl}/products/get?${q}`);
      expect(r.body.data.products).toHaveLength(50);
    }
    console.log(`[sim scale] 30 lazada pages of 50 over 20,000 items in ${Date.now() - t} ms`);
  });
});
