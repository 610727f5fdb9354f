// The marketplace adapters' catalogue and image hosting over real HTTP against the simulator:
// category trees, a leaf's rules, brands, Shopee channels, TikTok warehouses; images fetched,
// checked and put into each platform's hosting, with a machine code per image that cannot be used;
// a listing created from all of it holds the platform's own images, category, attributes, brand.
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../lib/platforms/index.ts';
import { ImageError } from '../../lib/platforms/media.ts';
import type { CatalogCategory, Credentials, PlatformAdapter } from '../../lib/platforms/types.ts';
import { catalogParts } from './listingParts.ts';
import { simulatorForFile } from './simulatorFile.ts';

const { control } = simulatorForFile();
type Market = 'shopee' | 'lazada' | 'tiktok';
const MARKETS: Market[] = ['shopee', 'lazada', 'tiktok'];

interface Shop { shopId: string; base: string; adapter: PlatformAdapter }
async function shop(platform: Market): Promise<Shop> {
  const s = await control('POST', '/__sim/shops', { platform, items: 1 });
  let creds = { ...s.credentials, platform } as Credentials;
  const adapter = createAdapter(platform, { apiBaseUrl: s.apiBaseUrl, authBaseUrl: s.authBaseUrl, authorizeBaseUrl: s.authorizeBaseUrl }, { get: () => creds as never, save: async (c) => void (creds = c) }, { callsPerSecond: 0 });
  return { shopId: s.shopId, base: s.apiBaseUrl.replace(/\/(shopee|lazada\/rest|tiktok)$/, ''), adapter };
}
const leafNamed = (cats: CatalogCategory[], name: string) => cats.find((c) => c.leaf && c.name === name)!;
const calls = async (shopId: string) => (await control('GET', `/__sim/stats?shopId=${shopId}`)).calls as Record<string, number>;
async function imageError(p: Promise<unknown>): Promise<ImageError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImageError) return err;
    throw err;
  }
  throw new Error('expected an ImageError');
}

describe.each(MARKETS)('%s catalogue', (platform) => {
  it('reads the category tree, a leaf\'s rules and its brands', async () => {
    const { adapter } = await shop(platform);
    const cats = await adapter.listCategories!();
    expect(cats.length).toBeGreaterThan(300);
    const mugs = leafNamed(cats, 'Mugs');
    const parent = cats.find((c) => c.id === mugs.parentId)!;
    expect(parent).toMatchObject({ name: 'Kitchen & Dining', leaf: false });
    expect(cats.find((c) => c.id === parent.parentId)).toMatchObject({ name: 'Home & Living', parentId: null });
    const rules = await adapter.categoryRules!(mugs.id);
    const origin = rules.attributes.find((a) => a.name === 'Country of Origin')!;
    expect(origin).toMatchObject({ required: true, inputType: 'select', custom: false });
    expect(origin.options.map((o) => o.name)).toContain('Vietnam');
    expect(rules.attributes.find((a) => a.name === 'Model Name')).toMatchObject({ required: false, inputType: 'text' });
    expect(rules.brand).toEqual({ required: platform !== 'tiktok', noBrandAllowed: true });
    if (platform === 'lazada') {
      // Lazada's SKU-level package size is mandatory; weight is the draft's own field.
      expect(rules.attributes.filter((a) => a.level === 'sku').map((a) => [a.id, a.required, a.inputType])).toEqual([['package_length', true, 'number'], ['package_width', true, 'number'], ['package_height', true, 'number']]);
    }
    const brands = await adapter.listBrands!(mugs.id);
    expect(brands.length).toBeGreaterThan(20);
    expect(brands.every((b) => b.id && b.name)).toBe(true);
  });
});

describe('shop settings a new listing names', () => {
  it('Shopee: the logistics channels, enabled or not', async () => {
    const { adapter } = await shop('shopee');
    expect(await adapter.listLogisticsChannels!()).toEqual([
      { id: '18025', name: 'Standard Delivery', enabled: true },
      { id: '18028', name: 'Express Delivery', enabled: true },
      { id: '18036', name: 'Self Collection Point', enabled: false },
      { id: '18099', name: 'Bulky Delivery', enabled: false },
    ]);
  });
  it('TikTok: sales and return warehouses', async () => {
    const { adapter } = await shop('tiktok');
    const ws = await adapter.listWarehouses!();
    expect(ws.map((w) => [w.kind, w.isDefault])).toEqual([['sales', true], ['return', false]]);
  });
});

describe.each(MARKETS)('%s image hosting', (platform) => {
  it('puts a source image into the platform\'s hosting, where it is then served', async () => {
    const s = await shop(platform);
    const src = `${s.base}/__sim/images/contract-${platform}.png`;
    const hosted = await s.adapter.hostImage!(src);
    expect(hosted.url.startsWith(`${s.base}/media/${platform}/`)).toBe(true);
    const [a, b] = await Promise.all([fetch(src), fetch(hosted.url)]);
    expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);
    if (platform === 'shopee') expect(hosted.ref).toMatch(/^sg-11134201-/);
    if (platform === 'tiktok') expect(hosted.ref).toMatch(/^tos-/);
  });

  it('an image that cannot be used is an ImageError with a machine code, one per cause', async () => {
    const s = await shop(platform);
    const limit = { shopee: 10 * 1024 * 1024, lazada: 1024 * 1024, tiktok: 5 * 1024 * 1024 }[platform];
    const unreachable = await imageError(s.adapter.hostImage!('https://img.example/nowhere.jpg'));
    expect(unreachable).toMatchObject({ code: 'image_unreachable', sourceUrl: 'https://img.example/nowhere.jpg', kind: 'invalid' });
    expect((await imageError(s.adapter.hostImage!(`${s.base}/__sim/images/missing.txt`))).code).toBe('image_unreachable');
    const big = await imageError(s.adapter.hostImage!(`${s.base}/__sim/images/big.jpg?bytes=${limit + 1}`));
    expect(big.code).toBe('image_too_large');
    expect((await imageError(s.adapter.hostImage!(`${s.base}/__sim/images/anim.gif`))).code).toBe('image_type');
    // Shopee and TikTok take bytes: what Shelfsync can see is refused before any upload call.
    const uploads = (await calls(s.shopId))[platform === 'shopee' ? '/api/v2/media_space/upload_image' : '/product/202309/images/upload'] ?? 0;
    if (platform !== 'lazada') expect(uploads).toBe(0);
    else expect(big.message).toMatch(/Lazada refused the image .*1MB/);
  });
});

describe.each(MARKETS)('%s createListing with the catalogue parts', (platform) => {
  it('creates an item the platform holds with its own images, the category, attributes and brand', async () => {
    const s = await shop(platform);
    const images = [];
    for (const n of [1, 2, 3]) images.push(await s.adapter.hostImage!(`${s.base}/__sim/images/tote-${n}.jpg`));
    const listing = {
      title: `Tote on ${platform}`, description: 'Canvas tote', imageUrls: [], price: 20, weightGrams: 400, images, ...(await catalogParts(s.adapter, 'Tote Bags')),
      variants: [
        { sellerSku: `TOTE-${platform}-N`, price: 20, stock: 3, options: { Colour: 'Natural' } },
        { sellerSku: `TOTE-${platform}-B`, price: 21, stock: 5, options: { Colour: 'Black' } },
      ],
    };
    const created = await s.adapter.createListing(listing);
    const held = await control('GET', `/__sim/shops/${s.shopId}/items/${created.platformItemId}`);
    expect(held.images).toEqual(listing.images!.map((i) => i.url));
    expect(held.categoryId).toBe(listing.categoryId);
    expect(held.attributes.map((a: { id: string }) => a.id).sort()).toEqual(listing.attributes!.filter((a) => a.level !== 'sku').map((a) => a.id).sort());
    expect(held.brand).toBe(listing.brand);
    expect(held.variants.map((v: { sellerSku: string; stock: number }) => [v.sellerSku, v.stock]).sort()).toEqual([[`TOTE-${platform}-B`, 5], [`TOTE-${platform}-N`, 3]]);
    if (platform === 'shopee') expect(held.logistics).toEqual(listing.logisticsChannelIds);
  });
});
