// The exact requests adapters send (scripted fetch): where parameters go and what is signed.
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { lazadaSign } from '../../lib/platforms/lazada/sign.ts';
import { shopeeShopSign } from '../../lib/platforms/shopee/sign.ts';
import { tiktokSign } from '../../lib/platforms/tiktok/sign.ts';
import { oauthBaseString, oauthSignature } from '../../lib/platforms/woocommerce/sign.ts';
import type { Credentials } from '../../lib/platforms/types.ts';
import { scripted } from './scripted.ts';

const now = () => 1_700_000_000_000;
const store = (c: Credentials) => ({ get: () => c as never, save: async () => {} });

describe('request shapes', () => {
  it('shopee update_stock: common params in the query, signed over the documented path only', async () => {
    const c: Credentials = { platform: 'shopee', partnerId: '7', partnerKey: 'pk', shopId: '99', accessToken: 'at', refreshToken: 'rt' };
    const { fetchFn, calls } = scripted([{ body: { error: '', response: { success_list: [], failure_list: [{ model_id: 2, failed_reason: 'stock below reserved' }] } } }]);
    const a = createAdapter('shopee', { apiBaseUrl: 'http://sim:1/shopee' }, store(c), { fetch: fetchFn, now });
    const r = await a.setStock([
      { platformItemId: '5', platformVariantId: '1', sellerSku: 'A', quantity: 3, ref: { locationIds: ['SGZ'] } },
      { platformItemId: '5', platformVariantId: '2', sellerSku: 'B', quantity: 4 },
    ]);
    expect(r.map((x) => x.ok)).toEqual([true, false]);
    expect(r[1]?.error?.message).toBe('stock below reserved');
    const u = new URL(calls[0]?.url ?? '');
    expect(u.pathname).toBe('/shopee/api/v2/product/update_stock');
    expect(u.searchParams.get('sign')).toBe(await shopeeShopSign('pk', '7', '/api/v2/product/update_stock', 1700000000, 'at', '99'));
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      item_id: 5,
      stock_list: [
        { model_id: 1, seller_stock: [{ location_id: 'SGZ', stock: 3 }] },
        { model_id: 2, seller_stock: [{ stock: 4 }] },
      ],
    });
  });

  it('lazada price_quantity/update: system params in the query, payload in the form body, both signed', async () => {
    const c: Credentials = { platform: 'lazada', appKey: 'ak', appSecret: 'as', accessToken: 'at', refreshToken: 'rt' };
    const { fetchFn, calls } = scripted([{ body: { code: '501', message: 'partial', detail: [{ field: 'Quantity', message: 'below reserved', seller_sku: 'B' }] } }]);
    const a = createAdapter('lazada', { apiBaseUrl: 'http://sim:1/lazada/rest' }, store(c), { fetch: fetchFn, now });
    const r = await a.setStock([
      { platformItemId: '1', platformVariantId: '11', sellerSku: 'A', quantity: 1 },
      { platformItemId: '2', platformVariantId: '22', sellerSku: 'B', quantity: 2 },
    ]);
    expect(r.map((x) => x.ok)).toEqual([true, false]);
    const u = new URL(calls[0]?.url ?? '');
    expect(u.pathname).toBe('/lazada/rest/product/price_quantity/update');
    const form = new URLSearchParams(String(calls[0]?.init?.body));
    const all = { ...Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'sign')), ...Object.fromEntries(form) };
    expect(all).toMatchObject({ app_key: 'ak', access_token: 'at', sign_method: 'sha256', timestamp: '1700000000000' });
    expect(form.get('payload')).toContain('<SellerSku>B</SellerSku><Quantity>2</Quantity>');
    expect(u.searchParams.get('sign')).toBe(await lazadaSign('as', '/product/price_quantity/update', all));
  });

  it('tiktok inventory/update: token header, cipher in the query, the sent body signed', async () => {
    const c: Credentials = { platform: 'tiktok', appKey: 'ak', appSecret: 'as', accessToken: 'at', refreshToken: 'rt', shopCipher: 'ciph' };
    const { fetchFn, calls } = scripted([{ body: { code: 0, data: { errors: [{ code: 1, message: 'bad sku', detail: { sku_id: 's2' } }] } } }]);
    const a = createAdapter('tiktok', { apiBaseUrl: 'http://sim:1/tiktok' }, store(c), { fetch: fetchFn, now });
    const r = await a.setStock([
      { platformItemId: 'p', platformVariantId: 's1', sellerSku: 'A', quantity: 5, ref: { warehouseIds: ['W1', 'W2'] } },
      { platformItemId: 'p', platformVariantId: 's2', sellerSku: 'B', quantity: 6, ref: { warehouseIds: ['W1'] } },
    ]);
    expect(r.map((x) => x.ok)).toEqual([true, false]);
    const u = new URL(calls[0]?.url ?? '');
    const body = String(calls[0]?.init?.body);
    expect(u.pathname).toBe('/tiktok/product/202309/products/p/inventory/update');
    expect(new Headers(calls[0]?.init?.headers).get('x-tts-access-token')).toBe('at');
    expect(u.searchParams.get('shop_cipher')).toBe('ciph');
    const q = Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'sign'));
    expect(u.searchParams.get('sign')).toBe(await tiktokSign('as', '/product/202309/products/p/inventory/update', q, body));
    expect(JSON.parse(body)).toEqual({
      skus: [
        { id: 's1', inventory: [{ warehouse_id: 'W1', quantity: 5 }, { warehouse_id: 'W2', quantity: 0 }] },
        { id: 's2', inventory: [{ warehouse_id: 'W1', quantity: 6 }] },
      ],
    });
  });

  it('shopify inventorySetQuantities: header token, versioned endpoint, the primary location, a fresh @idempotent key, userErrors per index', async () => {
    const c: Credentials = { platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 'shpat' };
    const answer = { body: { data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: 'g' }, userErrors: [{ code: 'NOPE', field: ['input', 'quantities', '1', 'quantity'], message: 'bad' }] } } } };
    const { fetchFn, calls } = scripted([{ body: { data: { location: { id: 'gid://shopify/Location/7', name: 'Main' } } } }, answer, answer]);
    const a = createAdapter('shopify', { apiBaseUrl: 'http://sim:1/shopify/x.myshopify.com', apiVersion: '2026-10' }, store(c), { fetch: fetchFn });
    const group = [
      // A location a download once noted is not used: the store's location (here the primary) is.
      { platformItemId: 'P', platformVariantId: 'V1', sellerSku: 'A', quantity: 1, ref: { inventoryItemId: 'I1', locationId: 'L-old' } },
      { platformItemId: 'P', platformVariantId: 'V2', sellerSku: 'B', quantity: 2, ref: { inventoryItemId: 'I2' } },
    ];
    const r = await a.setStock(group);
    expect(r.map((x) => x.ok)).toEqual([true, false]);
    expect(JSON.parse(String(calls[0]?.init?.body)).query).toMatch(/^query PrimaryLocation \{ location \{ id name \} \}$/);
    expect(calls[1]?.url).toBe('http://sim:1/shopify/x.myshopify.com/admin/api/2026-10/graphql.json');
    expect(new Headers(calls[1]?.init?.headers).get('x-shopify-access-token')).toBe('shpat');
    const sent = JSON.parse(String(calls[1]?.init?.body)) as { query: string; variables: { key: string; input: { quantities: unknown[] } } };
    expect(sent.query).toContain('inventorySetQuantities(input: $input) @idempotent(key: $key)');
    expect(sent.variables.input.quantities[1]).toEqual({ inventoryItemId: 'I2', locationId: 'gid://shopify/Location/7', quantity: 2, changeFromQuantity: null });
    await a.setStock(group);
    const again = JSON.parse(String(calls[2]?.init?.body)) as { variables: { key: string } };
    expect(again.variables.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.variables.key).not.toBe(sent.variables.key);
  });

  it('woocommerce over HTTP signs with OAuth 1.0a in the query; over HTTPS uses Basic', async () => {
    const c: Credentials = { platform: 'woocommerce', consumerKey: 'ck_1', consumerSecret: 'cs_1' };
    const http = scripted([{ body: { update: [{ id: 10, stock_quantity: 3 }, { id: 0, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } }] } }]);
    const a = createAdapter('woocommerce', { apiBaseUrl: 'http://sim:1/woocommerce/site1' }, store(c), { fetch: http.fetchFn, now });
    const r = await a.setStock([
      { platformItemId: '10', platformVariantId: '10', sellerSku: 'A', quantity: 3, ref: { kind: 'product' } },
      { platformItemId: '11', platformVariantId: '11', sellerSku: 'B', quantity: 4, ref: { kind: 'product' } },
    ]);
    expect(r.map((x) => [x.ok, x.error?.code])).toEqual([[true, undefined], [false, 'woocommerce_rest_product_invalid_id']]);
    const u = new URL(http.calls[0]?.url ?? '');
    expect(u.pathname).toBe('/woocommerce/site1/wp-json/wc/v3/products/batch');
    expect(new Headers(http.calls[0]?.init?.headers).get('authorization')).toBeNull();
    const params = [...u.searchParams].filter(([k]) => k !== 'oauth_signature');
    expect(u.searchParams.get('oauth_signature_method')).toBe('HMAC-SHA256');
    expect(u.searchParams.get('oauth_signature')).toBe(await oauthSignature('SHA-256', oauthBaseString('POST', u.toString(), params), 'cs_1'));

    const https = scripted([{ body: [] }]);
    await createAdapter('woocommerce', { apiBaseUrl: 'https://shop.example' }, store(c), { fetch: https.fetchFn }).testConnection();
    expect(new Headers(https.calls[0]?.init?.headers).get('authorization')).toBe(`Basic ${btoa('ck_1:cs_1')}`);
    expect(https.calls[0]?.url).not.toContain('oauth_');
  });
});
