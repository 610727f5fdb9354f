// Signing on fixed inputs. Every expected value was computed outside this code base
// (python3 hmac / `openssl dgst -sha256 -hmac`), or is a published example: Shopify's OAuth
// callback example, RFC 5849 §1.2 and §3.4.1, Twitter's "Creating a signature" guide.
import { describe, expect, it } from 'vitest';
import { hmacBase64, hmacHex } from '../../lib/platforms/hmac.ts';
import { lazadaBaseString, lazadaSign } from '../../lib/platforms/lazada/sign.ts';
import { shopeePublicSign, shopeeShopBaseString, shopeeShopSign } from '../../lib/platforms/shopee/sign.ts';
import { shopifyCallbackMessage, verifyShopifyCallback } from '../../lib/platforms/shopify/sign.ts';
import { tiktokBaseString, tiktokSign } from '../../lib/platforms/tiktok/sign.ts';
import {
  basicAuthHeader,
  oauthBaseString,
  oauthBaseUri,
  oauthNormalizedParams,
  oauthPercentEncode,
  oauthSignature,
  wooOAuthParams,
} from '../../lib/platforms/woocommerce/sign.ts';

describe('hmac', () => {
  it('HMAC-SHA256 hex (RFC 4231 test case 2)', async () => {
    expect(await hmacHex('SHA-256', 'Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('HMAC-SHA1 hex (RFC 2202 test case 2) and base64', async () => {
    expect(await hmacHex('SHA-1', 'Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(await hmacBase64('SHA-1', 'Jefe', 'what do ya want for nothing?')).toBe('7/zfauXrL6LSdBbV8YTfnCWafHk=');
  });
});

describe('shopee', () => {
  it('shop call: partner_id + path + timestamp + access_token + shop_id, lowercase hex', async () => {
    expect(shopeeShopBaseString('2001887', '/api/v2/product/update_stock', 1655714431, 'abc123token', '14701711')).toBe(
      '2001887/api/v2/product/update_stock1655714431abc123token14701711',
    );
    expect(await shopeeShopSign('partnerkey-test', '2001887', '/api/v2/product/update_stock', 1655714431, 'abc123token', '14701711')).toBe(
      '3c456f53c5298717019e39abcd4b4f228373f75b9d0bb5337a6df3cc9a55e474',
    );
  });
  it('public call: partner_id + path + timestamp', async () => {
    expect(await shopeePublicSign('partnerkey-test', '2001887', '/api/v2/auth/token/get', 1655714431)).toBe(
      '248e41dc4ee052a9178fffc04b2d75947ff2077cfcc758b5d48b9eaf06c34c2d',
    );
    expect(await shopeePublicSign('partnerkey-test', '2001887', '/api/v2/shop/auth_partner', 1655714431)).toBe(
      '5bdc4e91bac413e452a8fd92325c88490cd45a708a15c575c5484fc7ce5acd83',
    );
  });
});

describe('lazada', () => {
  const params = {
    app_key: '123456',
    timestamp: '1517820392000',
    sign_method: 'sha256',
    access_token: '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg',
    filter: 'all',
    limit: '50',
    offset: '0',
    update_after: '2026-01-01T00:00:00Z',
  };
  it('path + sorted key/value pairs, sign excluded', () => {
    expect(lazadaBaseString('/products/get', { ...params, sign: 'IGNORED' })).toBe(
      '/products/getaccess_token50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBgapp_key123456filteralllimit50offset0sign_methodsha256timestamp1517820392000update_after2026-01-01T00:00:00Z',
    );
  });
  it('HMAC-SHA256 with the app secret, UPPERCASE hex', async () => {
    expect(await lazadaSign('helloworld', '/products/get', params)).toBe('46B0984EF326AE705242EA1F15D337E1BF72EB769236A62A4F0187BDD06256F7');
  });
  it('signs the raw (unencoded) payload parameter', async () => {
    const payload =
      '<Request><Product><Skus><Sku><ItemId>1</ItemId><SkuId>2</SkuId><SellerSku>A&amp;B</SellerSku><Quantity>10</Quantity></Sku></Skus></Product></Request>';
    const p = { app_key: '123456', timestamp: '1517820392000', sign_method: 'sha256', access_token: 'tok', payload };
    expect(await lazadaSign('helloworld', '/product/price_quantity/update', p)).toBe(
      '3C028B8FC90E1EB27FD48355C14685C021A1E216B2FDCDAAC0840AE8C22803B9',
    );
  });
  it('sorts by ASCII, not locale', () => {
    expect(lazadaBaseString('/x', { b: '1', B: '2', _a: '3', a: '4' })).toBe('/xB2_a3a4b1');
  });
});

describe('tiktok', () => {
  const secret = 'e59af819cc';
  const query = {
    app_key: '29a39h',
    timestamp: '1700000000',
    shop_cipher: 'GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3',
    page_size: '100',
    access_token: 'shouldbeignored',
    sign: 'x',
  };
  const body = '{"status":"ALL","update_time_ge":1699990000}';
  it('secret + path + sorted params (no sign, no access_token) + body + secret', () => {
    expect(tiktokBaseString(secret, '/product/202309/products/search', query, body)).toBe(
      'e59af819cc/product/202309/products/searchapp_key29a39hpage_size100shop_cipherGCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3timestamp1700000000{"status":"ALL","update_time_ge":1699990000}e59af819cc',
    );
  });
  it('HMAC-SHA256 keyed with the secret, lowercase hex', async () => {
    expect(await tiktokSign(secret, '/product/202309/products/search', query, body)).toBe(
      '93bd4ca524d1f783414363f4c94aa97beca6b1ca26e07d19600f56a0899317bc',
    );
    expect(await tiktokSign(secret, '/authorization/202309/shops', { timestamp: '1700000000', app_key: '29a39h' }, '')).toBe(
      '33daa8f51a9d5ee1bf8277e539917aa7f34b070d20ea76efc98fb3e569bb9ce8',
    );
  });
  it('leaves the body out for multipart', () => {
    expect(tiktokBaseString('s', '/p', { a: '1' }, 'BODY', true)).toBe('s/pa1s');
  });
});

describe('shopify OAuth callback hmac (Shopify docs example)', () => {
  const url = new URL(
    'https://example.org/cb?code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173',
  );
  it('message is the other params sorted and joined', () => {
    expect(shopifyCallbackMessage(url.searchParams)).toBe(
      'code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173',
    );
  });
  it('verifies with the right secret only', async () => {
    expect(await verifyShopifyCallback(url.searchParams, 'hush')).toBe(true);
    expect(await verifyShopifyCallback(url.searchParams, 'wrong')).toBe(false);
  });
});

describe('OAuth 1.0a (RFC 5849) for WooCommerce over HTTP', () => {
  it('percent-encodes per RFC 3986 (unreserved kept, UTF-8, uppercase hex)', () => {
    expect(oauthPercentEncode("!'()* ~ä/")).toBe('%21%27%28%29%2A%20~%C3%A4%2F');
    expect(oauthPercentEncode('Ladies + Gentlemen')).toBe('Ladies%20%2B%20Gentlemen');
    expect(oauthPercentEncode('-._~AZaz09')).toBe('-._~AZaz09');
  });
  it('base string URI (§3.4.1.2 examples)', () => {
    expect(oauthBaseUri('HTTP://EXAMPLE.com:80/r%20v/X?id=123')).toBe('http://example.com/r%20v/X');
    expect(oauthBaseUri('https://www.example.net:8080/?q=1')).toBe('https://www.example.net:8080/');
  });
  it('normalized parameters and base string (§3.4.1.1 example)', () => {
    const params: [string, string][] = [
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['c2', ''],
      ['a3', '2 q'],
    ];
    expect(oauthNormalizedParams(params)).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
    );
    expect(oauthBaseString('post', 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b', params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });
  it('HMAC-SHA1 signature (RFC 5849 §1.2 photos example)', async () => {
    const base = oauthBaseString('GET', 'http://photos.example.net/photos', [
      ['file', 'vacation.jpg'],
      ['size', 'original'],
      ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
      ['oauth_token', 'nnch734d00sl2jdk'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1191242096'],
      ['oauth_nonce', 'kllo9940pd9333jh'],
      ['oauth_version', '1.0'],
    ]);
    expect(await oauthSignature('SHA-1', base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });
  it('HMAC-SHA1 signature (Twitter guide example)', async () => {
    const base = oauthBaseString('POST', 'https://api.twitter.com/1.1/statuses/update.json', [
      ['include_entities', 'true'],
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
      ['oauth_consumer_key', 'xvz1evFS4wEEPTGEFPHBog'],
      ['oauth_nonce', 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1318622958'],
      ['oauth_token', '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb'],
      ['oauth_version', '1.0'],
    ]);
    expect(await oauthSignature('SHA-1', base, 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw', 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE')).toBe(
      'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
    );
  });
  it('one-legged HMAC-SHA256 over the full site URL (prefix included) with key consumer_secret&', async () => {
    const url = 'http://127.0.0.1:4100/woocommerce/site1/wp-json/wc/v3/products?per_page=100&page=1&status=any&modified_after=2026-01-01T00%3A00%3A00Z';
    const oauth = await wooOAuthParams({ method: 'GET', url, consumerKey: 'ck_abc', consumerSecret: 'cs_secret', timestamp: 1700000000, nonce: 'n0nce' });
    expect(Object.fromEntries(oauth)).toEqual({
      oauth_consumer_key: 'ck_abc',
      oauth_nonce: 'n0nce',
      oauth_signature_method: 'HMAC-SHA256',
      oauth_timestamp: '1700000000',
      oauth_signature: 'oITZHNBdxYRakkiZ0b30bs/KjCfLd8WhETaAPi7wIt8=',
    });
  });
  it('Basic auth header is base64 of user:password (UTF-8)', () => {
    expect(basicAuthHeader('ck_1', 'cs_2')).toBe('Basic Y2tfMTpjc18y');
  });
});
