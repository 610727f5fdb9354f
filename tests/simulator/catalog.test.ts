// The simulator is strict where the marketplaces are for a new listing: images only from the
// platform's own hosting, leaf categories, mandatory attributes and brand, an enabled Shopee
// logistics channel, a TikTok sales warehouse. Signing is the helpers' independent code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './server.ts';
import { brandsOf, categoryTree, findLeaf, leafAttributes } from './catalog.ts';
import { lazadaParts, shopeeParts, tiktokParts } from './catalog-fixtures.ts';
import { http, lazadaParams, newShop, shopeePost, shopeeUrl, sim, tiktokUrl } from './helpers.ts';
import { sniffImage } from './media.ts';

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

async function bytesOf(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}
function form(field: string, bytes: Buffer, type: string, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  f.append(field, new Blob([new Uint8Array(bytes)], { type }), 'image');
  return f;
}

describe('images the simulator serves', () => {
  it('serves valid small JPEG, PNG and GIF sources, padded to a size when asked', async () => {
    const jpg = await bytesOf(`${s.url}/__sim/images/mug.jpg`);
    expect(jpg).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect(sniffImage(jpg.bytes)).toEqual({ type: 'image/jpeg', width: 8, height: 8 });
    expect(jpg.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const png = await bytesOf(`${s.url}/__sim/images/mug.png`);
    expect(sniffImage(png.bytes)).toEqual({ type: 'image/png', width: 8, height: 8 });
    expect((await bytesOf(`${s.url}/__sim/images/mug.gif`)).type).toBe('image/gif');
    expect((await bytesOf(`${s.url}/__sim/images/big.jpg?bytes=2000000`)).bytes.length).toBe(2_000_000);
    expect((await bytesOf(`${s.url}/__sim/images/big.png?bytes=300000`)).bytes.length).toBe(300_000);
    expect((await bytesOf(`${s.url}/__sim/images/mug.txt`)).status).toBe(404);
    // Two names, two images.
    expect((await bytesOf(`${s.url}/__sim/images/cup.jpg`)).bytes.equals(jpg.bytes)).toBe(false);
  });

  it('answers mediaBaseUrl for the marketplaces, and seeded listings show images they host', async () => {
    const sh = await newShop(s, { platform: 'shopee', items: 1 });
    expect(sh.mediaBaseUrl).toBe(`${s.url}/media/shopee`);
    expect((await newShop(s, { platform: 'shopify', items: 0 })).mediaBaseUrl).toBeNull();
    const [item] = (await http(`${s.url}/__sim/shops/${sh.shopId}/items`)).body;
    const detail = (await http(`${s.url}/__sim/shops/${sh.shopId}/items/${item.itemId}`)).body;
    expect(detail.images[0]).toMatch(new RegExp(`^${sh.mediaBaseUrl}/file/sim-`));
    expect((await bytesOf(detail.images[0])).type).toBe('image/jpeg');
  });
});

describe('shopee catalogue and media space', () => {
  async function shop() {
    const sh = await newShop(s, { platform: 'shopee', items: 0 });
    await http(`${s.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shopId: sh.shopId, rateLimitPerSecond: 1000 }) });
    return { shopId: sh.shopId as string, c: sh.credentials, base: sh.apiBaseUrl as string };
  }
  const get = (sh: Awaited<ReturnType<typeof shop>>, path: string, q: Record<string, string> = {}) => http(shopeeUrl(sh.base, path, sh.c, q));

  it('lists a few hundred categories, attributes of a leaf only, brands and logistics channels', async () => {
    const sh = await shop();
    const cats = (await get(sh, '/api/v2/product/get_category', { language: 'en' })).body.response.category_list;
    expect(cats.length).toBeGreaterThan(300);
    const mugs = findLeaf('shopee', 'Kitchen', 'Mugs');
    expect(cats.find((c: { category_id: number }) => c.category_id === Number(mugs.id))).toMatchObject({ has_children: false, original_category_name: 'Mugs' });
    const parent = cats.find((c: { category_id: number }) => c.category_id === Number(mugs.parentId));
    expect(parent.has_children).toBe(true);
    expect((await get(sh, '/api/v2/product/get_attributes', { category_id: String(parent.category_id) })).body.error).toBe('error_param');
    const attrs = (await get(sh, '/api/v2/product/get_attributes', { category_id: mugs.id })).body.response.attribute_list;
    expect(attrs.filter((a: { is_mandatory: boolean }) => a.is_mandatory).map((a: { original_attribute_name: string }) => a.original_attribute_name)).toEqual(leafAttributes(mugs).filter((a) => a.required).map((a) => a.name));
    const page1 = (await get(sh, '/api/v2/product/get_brand_list', { category_id: mugs.id, status: '1', offset: '0', page_size: '10' })).body.response;
    expect(page1).toMatchObject({ has_next_page: true, next_offset: 10, is_mandatory: true });
    expect(page1.brand_list).toHaveLength(10);
    expect((await get(sh, '/api/v2/product/get_brand_list', { category_id: mugs.id, status: '1', offset: '0', page_size: '101' })).body.error).toBe('error_param');
    const channels = (await get(sh, '/api/v2/logistics/get_channel_list')).body.response.logistics_channel_list;
    expect(channels.map((c: { enabled: boolean }) => c.enabled)).toEqual([true, true, false, false]);
  });

  it('upload_image (a public call, multipart) answers an image_id it then serves; refuses GIF and over 10 MB', async () => {
    const sh = await shop();
    const url = shopeeUrl(sh.base, '/api/v2/media_space/upload_image', sh.c, {}, { shop: false });
    const jpg = (await bytesOf(`${s.url}/__sim/images/shirt.jpg`)).bytes;
    const up = await http(url, { method: 'POST', body: form('image', jpg, 'image/jpeg') });
    expect(up.body.error).toBe('');
    const info = up.body.response.image_info;
    expect(info.image_id).toMatch(/^sg-11134201-/);
    expect(up.body.response.image_info_list[0]).toMatchObject({ id: 0, error: '', image_info: info });
    expect((await bytesOf(info.image_url_list[0].image_url)).bytes.equals(jpg)).toBe(true);
    const gif = (await bytesOf(`${s.url}/__sim/images/x.gif`)).bytes;
    expect((await http(shopeeUrl(sh.base, '/api/v2/media_space/upload_image', sh.c, {}, { shop: false }), { method: 'POST', body: form('image', gif, 'image/gif') })).body.message).toMatch(/JPG, JPEG or PNG/);
    const big = (await bytesOf(`${s.url}/__sim/images/big.jpg?bytes=${10 * 1024 * 1024 + 1}`)).bytes;
    expect((await http(shopeeUrl(sh.base, '/api/v2/media_space/upload_image', sh.c, {}, { shop: false }), { method: 'POST', body: form('image', big, 'image/jpeg') })).body.message).toMatch(/10.0 MB/);
  });

  it('add_item refuses a foreign image, a category with children, a missing mandatory attribute or brand, a disabled or missing channel; holds what it accepts', async () => {
    const sh = await shop();
    const jpg = (await bytesOf(`${s.url}/__sim/images/bag.jpg`)).bytes;
    const imageId = (await http(shopeeUrl(sh.base, '/api/v2/media_space/upload_image', sh.c, {}, { shop: false }), { method: 'POST', body: form('image', jpg, 'image/jpeg') })).body.response.image_info.image_id;
    const good: Record<string, unknown> = { item_name: 'Tote', description: 'A bag', original_price: 20, weight: 0.4, image: { image_id_list: [imageId] }, item_sku: 'TOTE-1', seller_stock: [{ stock: 4 }], ...shopeeParts(['Handbags', 'Tote Bags']) };
    const add = (body: Record<string, unknown>) => shopeePost(shopeeUrl(sh.base, '/api/v2/product/add_item', sh.c), body);
    const tote = findLeaf('shopee', 'Handbags', 'Tote Bags');
    const required = leafAttributes(tote).filter((a) => a.required);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['an outside image id', { ...good, image: { image_id_list: ['https://img.example/a.jpg'] } }, /not in the media space/],
      ['a category with children', { ...good, category_id: Number(tote.parentId) }, /Invalid category: category_id \d+ has sub-categories/],
      ['a mandatory attribute missing', { ...good, attribute_list: (good.attribute_list as unknown[]).slice(1) }, new RegExp(`attribute ${required[0]!.name} .* is mandatory`)],
      ['no brand', { ...good, brand: undefined }, /brand is mandatory/],
      ['a brand not in the list', { ...good, brand: { brand_id: 42 } }, /brand_id 42 is not in the brand list/],
      ['no logistics', { ...good, logistic_info: [] }, /at least one enabled logistics channel/],
      ['a disabled channel', { ...good, logistic_info: [{ logistic_id: 18_036, enabled: true }] }, /not enabled for the shop/],
    ];
    for (const [why, body, text] of cases) {
      const r = await add(body);
      expect(r.body.error, why).toBe('error_param');
      expect(r.body.message, why).toMatch(text);
    }
    const ok = await add(good);
    expect(ok.body.error).toBe('');
    const held = (await http(`${s.url}/__sim/shops/${sh.shopId}/items/${ok.body.response.item_id}`)).body;
    expect(held).toMatchObject({ categoryId: tote.id, brand: 'No brand', logistics: ['18025'] });
    expect(held.images).toEqual([`${s.url}/media/shopee/file/${imageId}`]);
    expect(held.attributes.map((a: { id: string }) => a.id)).toHaveLength(required.length);
  });
});

describe('lazada catalogue and image migration', () => {
  async function shop() {
    const sh = await newShop(s, { platform: 'lazada', items: 0 });
    return { api: sh.apiBaseUrl as string, shopId: sh.shopId as string, c: sh.credentials };
  }
  type Sh = Awaited<ReturnType<typeof shop>>;
  const get = (sh: Sh, path: string, params: Record<string, string> = {}) => http(`${sh.api}${path}?${lazadaParams(path, sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, ...params })}`);
  const post = (sh: Sh, path: string, params: Record<string, string>) =>
    http(`${sh.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: lazadaParams(path, sh.c.appKey, sh.c.appSecret, { access_token: sh.c.accessToken, ...params }).toString() });
  const migrate = (sh: Sh, url: string) => post(sh, '/image/migrate', { payload: `<Request><Image><Url>${url}</Url></Image></Request>` });

  it('answers the nested tree, a leaf\'s attributes (brand and package size mandatory), brands by page', async () => {
    const sh = await shop();
    const tree = (await get(sh, '/category/tree/get', { language_code: 'en_US' })).body.data;
    expect(tree).toHaveLength(10);
    expect(tree[0].children[0].children[0]).toMatchObject({ leaf: true, name: 'Mugs' });
    expect(tree[0].leaf).toBe(false);
    const mugs = findLeaf('lazada', 'Kitchen', 'Mugs');
    const attrs = (await get(sh, '/category/attributes/get', { primary_category_id: mugs.id, language_code: 'en_US' })).body.data;
    const mandatory = attrs.filter((a: { is_mandatory: number }) => a.is_mandatory === 1).map((a: { name: string }) => a.name);
    expect(mandatory).toEqual(expect.arrayContaining(['brand', 'package_weight', 'package_length', 'package_width', 'package_height']));
    expect((await get(sh, '/category/attributes/get', { primary_category_id: mugs.parentId })).body.message).toMatch(/not a leaf/);
    const brands = (await get(sh, '/category/brands/query', { startRow: '0', pageSize: '20' })).body.data;
    expect(brands).toMatchObject({ total_record: 36, page_size: 20 });
    expect(brands.module).toHaveLength(20);
  });

  it('migrates a reachable JPG/PNG to a Lazada-hosted URL; refuses unreachable, GIF and over 1 MB; batches of ≤ 8', async () => {
    const sh = await shop();
    const one = await migrate(sh, `${s.url}/__sim/images/lamp.jpg`);
    expect(one.body.code).toBe('0');
    expect(one.body.data.image.url).toMatch(new RegExp(`^${s.url}/media/lazada/p/[0-9a-f]+\\.jpg$`));
    expect((await bytesOf(one.body.data.image.url)).type).toBe('image/jpeg');
    expect((await migrate(sh, 'https://img.example/x.jpg')).body.message).toMatch(/download failed/);
    expect((await migrate(sh, `${s.url}/__sim/images/x.gif`)).body.message).toMatch(/JPG or PNG/);
    expect((await migrate(sh, `${s.url}/__sim/images/big.jpg?bytes=1100000`)).body.message).toMatch(/1MB/);
    const urls = [`${s.url}/__sim/images/a.png`, 'https://img.example/b.jpg'];
    const batch = await post(sh, '/images/migrate', { payload: `<Request><Images>${urls.map((u) => `<Url>${u}</Url>`).join('')}</Images></Request>` });
    const res = (await get(sh, '/image/response/get', { batch_id: batch.body.batch_id })).body.data;
    expect(res.images).toHaveLength(1);
    expect(res.errors).toEqual([{ field: urls[1], msg: expect.stringMatching(/download failed/) }]);
    const nine = Array.from({ length: 9 }, (_, i) => `<Url>${s.url}/__sim/images/n${i}.jpg</Url>`).join('');
    expect((await post(sh, '/images/migrate', { payload: `<Request><Images>${nine}</Images></Request>` })).body.message).toMatch(/8 images/);
  });

  it('product/create refuses outside images, a non-leaf category, a missing brand or package size; holds what it accepts', async () => {
    const sh = await shop();
    const hosted = (await migrate(sh, `${s.url}/__sim/images/pot.jpg`)).body.data.image.url;
    const parts = lazadaParts(['Plant Pots']);
    const payload = (over: { cat?: string; images?: string[]; attrs?: Record<string, string>; sku?: Record<string, number> } = {}) =>
      JSON.stringify({ Request: { Product: { PrimaryCategory: over.cat ?? parts.PrimaryCategory, Images: { Image: over.images ?? [hosted] }, Attributes: { name: 'Pot', ...(over.attrs ?? parts.attributes) }, Skus: { Sku: [{ SellerSku: `POT-${Math.random()}`, quantity: 3, price: 12, ...(over.sku ?? parts.sku) }] } } } });
    const create = (p: string) => post(sh, '/product/create', { payload: p });
    const pot = findLeaf('lazada', 'Plant Pots');
    const { brand: _b, ...noBrand } = parts.attributes;
    const { package_height: _h, ...noHeight } = parts.sku;
    expect((await create(payload({ images: ['https://img.example/pot.jpg'] }))).body.message).toMatch(/not on Lazada's hosts/);
    expect((await create(payload({ images: [`${s.url}/__sim/images/pot.jpg`] }))).body.message).toMatch(/not on Lazada's hosts/);
    expect((await create(payload({ cat: pot.parentId }))).body.message).toMatch(/PrimaryCategory \d+ is not a leaf/);
    expect((await create(payload({ attrs: noBrand }))).body.message).toMatch(/brand is mandatory/);
    expect((await create(payload({ sku: noHeight }))).body.message).toMatch(/package_height is mandatory/);
    const ok = await create(payload());
    expect(ok.body.code).toBe('0');
    const held = (await http(`${s.url}/__sim/shops/${sh.shopId}/items/${ok.body.data.item_id}`)).body;
    expect(held).toMatchObject({ categoryId: pot.id, brand: 'No Brand', images: [hosted] });
  });
});

describe('tiktok catalogue and image upload', () => {
  async function shop() {
    const sh = await newShop(s, { platform: 'tiktok', items: 0 });
    return { shopId: sh.shopId as string, api: sh.apiBaseUrl as string, c: sh.credentials };
  }
  type Sh = Awaited<ReturnType<typeof shop>>;
  const call = (sh: Sh, method: 'GET' | 'POST', path: string, query: Record<string, string> = {}, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    return http(tiktokUrl(sh.api, path, sh.c.appKey, sh.c.appSecret, { shop_cipher: sh.c.shopCipher, ...query }, raw), {
      method, headers: { 'x-tts-access-token': sh.c.accessToken, 'content-type': 'application/json' }, body: method === 'POST' ? raw : undefined,
    });
  };
  const upload = (sh: Sh, bytes: Buffer, type = 'image/jpeg') =>
    http(tiktokUrl(sh.api, '/product/202309/images/upload', sh.c.appKey, sh.c.appSecret, {}), { method: 'POST', headers: { 'x-tts-access-token': sh.c.accessToken }, body: form('data', bytes, type, { use_case: 'MAIN_IMAGE' }) });

  it('lists categories, a leaf\'s attributes (is_requried), brands by page token, a return warehouse', async () => {
    const sh = await shop();
    const cats = (await call(sh, 'GET', '/product/202309/categories')).body.data.categories;
    expect(cats).toHaveLength(categoryTree('tiktok').list.length);
    const mugs = findLeaf('tiktok', 'Kitchen', 'Mugs');
    const attrs = (await call(sh, 'GET', `/product/202309/categories/${mugs.id}/attributes`)).body.data.attributes;
    expect(attrs.filter((a: { is_requried: boolean }) => a.is_requried)).toHaveLength(leafAttributes(mugs).filter((a) => a.required).length);
    expect((await call(sh, 'GET', `/product/202309/categories/${mugs.parentId}/attributes`)).body.code).toBe(12052024);
    const p1 = (await call(sh, 'GET', '/product/202309/brands', { category_id: mugs.id, page_size: '10' })).body.data;
    const p2 = (await call(sh, 'GET', '/product/202309/brands', { category_id: mugs.id, page_size: '10', page_token: p1.next_page_token })).body.data;
    expect(new Set([...p1.brands, ...p2.brands].map((b: { id: string }) => b.id)).size).toBe(20);
    const wh = (await call(sh, 'GET', '/logistics/202309/warehouses')).body.data.warehouses;
    expect(wh.map((w: { type: string }) => w.type)).toEqual(['SALES_WAREHOUSE', 'RETURN_WAREHOUSE']);
  });

  it('images/upload (multipart, body unsigned) answers a uri; create refuses other uris, non-leaf, missing attribute, return warehouse, no inventory', async () => {
    const sh = await shop();
    const up = await upload(sh, (await bytesOf(`${s.url}/__sim/images/cap.png`)).bytes, 'image/png');
    expect(up.body.code).toBe(0);
    expect(up.body.data).toMatchObject({ uri: expect.stringMatching(/^tos-/), width: 8, height: 8, use_case: 'MAIN_IMAGE' });
    expect((await upload(sh, (await bytesOf(`${s.url}/__sim/images/cap.gif`)).bytes, 'image/gif')).body.code).toBe(12052401);
    const wh = (await call(sh, 'GET', '/logistics/202309/warehouses')).body.data.warehouses;
    const parts = tiktokParts(['Men Clothes', 'Caps']);
    const caps = findLeaf('tiktok', 'Men Clothes', 'Caps');
    const body = (over: Record<string, unknown> = {}, inventory: unknown = [{ warehouse_id: wh[0].id, quantity: 2 }]) => ({
      title: 'Cap', description: 'A cap', ...parts, main_images: [{ uri: up.body.data.uri }], package_weight: { value: '0.2', unit: 'KILOGRAM' },
      skus: [{ seller_sku: `CAP-${Math.random()}`, price: { amount: '9.90', currency: 'USD' }, inventory }], ...over,
    });
    const create = (b: unknown) => call(sh, 'POST', '/product/202309/products', {}, b);
    expect((await create(body({ main_images: [{ uri: 'https://img.example/cap.jpg' }] }))).body.code).toBe(12019009);
    expect((await create(body({ category_id: caps.parentId }))).body.code).toBe(12052024);
    expect((await create(body({ product_attributes: [] }))).body).toMatchObject({ code: 12052218, message: expect.stringMatching(/required product attribute/) });
    expect((await create(body({ brand_id: '1' }))).body.code).toBe(12052220);
    expect((await create(body({}, [{ warehouse_id: wh[1].id, quantity: 2 }]))).body.code).toBe(12052099);
    expect((await create(body({}, []))).body.code).toBe(12052098);
    const ok = await create(body());
    expect(ok.body.code).toBe(0);
    const held = (await http(`${s.url}/__sim/shops/${sh.shopId}/items/${ok.body.data.product_id}`)).body;
    expect(held).toMatchObject({ categoryId: caps.id, brand: brandsOf(caps)[0]!.name, images: [up.body.data.url] });
  });
});

describe('woocommerce sideloads images', () => {
  it('downloads each image into the site\'s uploads; one it cannot get refuses the product', async () => {
    const sh = await newShop(s, { platform: 'woocommerce', items: 0 });
    const api = `${sh.apiBaseUrl}/wp-json/wc/v3`;
    const auth = { 'x-forwarded-proto': 'https', authorization: `Basic ${Buffer.from(`${sh.credentials.consumerKey}:${sh.credentials.consumerSecret}`).toString('base64')}`, 'content-type': 'application/json' };
    const create = (images: string[]) => http(`${api}/products`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Mug', regular_price: '9', images: images.map((src) => ({ src })) }) });
    const bad = await create(['https://img.example/mug.jpg']);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'woocommerce_product_image_upload_error', message: expect.stringMatching(/^Error getting remote image https:\/\/img\.example\/mug\.jpg\./) });
    const ok = await create([`${s.url}/__sim/images/mug.jpg`]);
    expect(ok.status).toBe(201);
    expect(ok.body.images[0].src).toMatch(new RegExp(`^${s.url}/woocommerce/${sh.shopId}/wp-content/uploads/`));
    expect((await bytesOf(ok.body.images[0].src)).type).toBe('image/jpeg');
  });
});
