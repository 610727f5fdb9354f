// Stock-call planning: the fewest calls each platform allows (SYNC.md guarantee 4).
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import type { Credentials, Platform, StockUpdate } from '../../lib/platforms/types.ts';

const creds: Record<Platform, Credentials> = {
  shopee: { platform: 'shopee', partnerId: '1', partnerKey: 'k', shopId: '2', accessToken: 'a', refreshToken: 'r' },
  lazada: { platform: 'lazada', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r' },
  tiktok: { platform: 'tiktok', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r', shopCipher: 'c' },
  shopify: { platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 'a' },
  woocommerce: { platform: 'woocommerce', consumerKey: 'ck', consumerSecret: 'cs' },
};
const adapter = (p: Platform) =>
  createAdapter(p, { apiBaseUrl: 'http://127.0.0.1:1' }, { get: () => creds[p], save: async () => {} });

function updates(items: number, perItem: number, extra: (i: number) => Partial<StockUpdate> = () => ({})): StockUpdate[] {
  const out: StockUpdate[] = [];
  for (let i = 0; i < items; i++) {
    for (let v = 0; v < perItem; v++) out.push({ platformItemId: `I${i}`, platformVariantId: `I${i}V${v}`, sellerSku: `S${i}-${v}`, quantity: v, ...extra(i) });
  }
  return out;
}
const sizes = (groups: StockUpdate[][]) => groups.map((g) => g.length);

describe('planStockCalls', () => {
  it('lazada: 120 SKUs across items → 50 + 50 + 20', () => {
    expect(sizes(adapter('lazada').planStockCalls(updates(40, 3)))).toEqual([50, 50, 20]);
  });
  it('shopee: 10 models of one item → 1 call; 10 items → 10 calls; 120 models of one item → 50+50+20', () => {
    expect(sizes(adapter('shopee').planStockCalls(updates(1, 10)))).toEqual([10]);
    expect(sizes(adapter('shopee').planStockCalls(updates(10, 1)))).toEqual(Array(10).fill(1));
    expect(sizes(adapter('shopee').planStockCalls(updates(1, 120)))).toEqual([50, 50, 20]);
  });
  it('tiktok: one product per call, ≤100 SKUs', () => {
    const plan = adapter('tiktok').planStockCalls([...updates(3, 2), ...updates(1, 150).map((u) => ({ ...u, platformItemId: 'BIG' }))]);
    expect(sizes(plan)).toEqual([2, 2, 2, 100, 50]);
    for (const g of plan) expect(new Set(g.map((u) => u.platformItemId)).size).toBe(1);
  });
  it('shopify: 600 quantities → 250 + 250 + 100, across products', () => {
    expect(sizes(adapter('shopify').planStockCalls(updates(60, 10)))).toEqual([250, 250, 100]);
  });
  it('woocommerce: simple products share /products/batch, each variable product its own endpoint', () => {
    const simple = updates(130, 1).map((u) => ({ ...u, platformVariantId: u.platformItemId, ref: { kind: 'product' } }));
    const variations = updates(2, 3).map((u) => ({ ...u, ref: { kind: 'variation' } }));
    const plan = adapter('woocommerce').planStockCalls([...variations.slice(0, 2), ...simple, ...variations.slice(2)]);
    expect(sizes(plan)).toEqual([3, 100, 30, 3]);
    for (const g of plan) {
      const kinds = new Set(g.map((u) => (u.ref?.kind === 'product' ? 'batch' : u.platformItemId)));
      expect(kinds.size).toBe(1);
    }
  });
  it('maxStockBatch per platform', () => {
    expect(Object.fromEntries((['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'] as const).map((p) => [p, adapter(p).maxStockBatch]))).toEqual({
      shopee: 50,
      lazada: 50,
      tiktok: 100,
      shopify: 250,
      woocommerce: 100,
    });
  });
});
