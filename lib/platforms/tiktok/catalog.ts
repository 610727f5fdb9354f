// TikTok Shop's catalogue and image upload (tiktok.md § What a new listing needs): categories,
// a category's attributes (`is_requried`, TikTok's spelling), brands by page token, warehouses,
// images/upload (multipart `data`, MAIN_IMAGE).

import type { AdapterOptions } from '../http.ts';
import { fetchImage, imageForm, imageRefused, type ImageRules } from '../media.ts';
import type { CatalogAttribute, CatalogBrand, CatalogCategory, CategoryRules, HostedImage, PlatformWarehouse } from '../types.ts';
import { PlatformError } from '../types.ts';
import { arr, obj, str } from '../util.ts';
import type { TiktokCall } from './client.ts';

type Call = (c: Omit<TiktokCall, 'shopCipher'>) => Promise<Record<string, unknown>>;

/** Product images: JPG, PNG or WEBP up to 5 MB. */
export const TIKTOK_IMAGES: ImageRules = { platform: 'TikTok Shop', maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] };
const BRAND_PAGE = 100;
const BRAND_PAGES_MAX = 50;

export async function tiktokCategories(call: Call): Promise<CatalogCategory[]> {
  const env = await call({ method: 'GET', path: '/product/202309/categories', query: { locale: 'en-US' } });
  return arr(obj(env.data).categories).map((raw) => {
    const c = obj(raw);
    const parent = str(c.parent_id);
    return { id: str(c.id), parentId: parent && parent !== '0' ? parent : null, name: str(c.local_name), leaf: c.is_leaf === true };
  });
}

export async function tiktokCategoryRules(call: Call, categoryId: string): Promise<CategoryRules> {
  const env = await call({ method: 'GET', path: `/product/202309/categories/${encodeURIComponent(categoryId)}/attributes`, query: { locale: 'en-US' } });
  const attributes: CatalogAttribute[] = arr(obj(env.data).attributes)
    .map(obj)
    // Sales properties (colour, size) come from the variants' options.
    .filter((a) => str(a.type) === 'PRODUCT_PROPERTY')
    .map((a) => {
      const options = arr(a.values).map((v) => ({ id: str(obj(v).id), name: str(obj(v).name) }));
      const numeric = /INT|DECIMAL/i.test(str(a.value_data_format));
      return {
        id: str(a.id),
        name: str(a.name),
        required: a.is_requried === true,
        inputType: options.length ? (a.is_multiple_selection === true ? 'multiselect' : 'select') : numeric ? 'number' : 'text',
        options,
        custom: a.is_customizable === true || options.length === 0,
      };
    });
  // A brand is optional on TikTok Shop: without one the product has none.
  return { attributes, brand: { required: false, noBrandAllowed: true } };
}

export async function tiktokBrands(call: Call, categoryId: string): Promise<CatalogBrand[]> {
  const out: CatalogBrand[] = [];
  let token = '';
  for (let page = 0; page < BRAND_PAGES_MAX; page++) {
    const query: Record<string, string> = { category_id: categoryId, page_size: String(BRAND_PAGE) };
    if (token) query.page_token = token;
    const d = obj((await call({ method: 'GET', path: '/product/202309/brands', query })).data);
    for (const b of arr(d.brands)) out.push({ id: str(obj(b).id), name: str(obj(b).name) });
    token = str(d.next_page_token);
    if (!token) break;
  }
  return out;
}

export async function tiktokWarehouses(call: Call): Promise<PlatformWarehouse[]> {
  const env = await call({ method: 'GET', path: '/logistics/202309/warehouses' });
  return arr(obj(env.data).warehouses).map((raw) => {
    const w = obj(raw);
    return { id: str(w.id), name: str(w.name), kind: str(w.type) === 'SALES_WAREHOUSE' ? 'sales' : 'return', isDefault: w.is_default === true };
  });
}

/** Fetch the source, check it, upload it as a main image. Not a shop call (no shop_cipher). */
export async function tiktokHostImage(call: Call, sourceUrl: string, opts: AdapterOptions): Promise<HostedImage> {
  const img = await fetchImage(sourceUrl, TIKTOK_IMAGES, opts);
  let env: Record<string, unknown>;
  try {
    env = await call({ method: 'POST', path: '/product/202309/images/upload', form: imageForm('data', img, { use_case: 'MAIN_IMAGE' }), shopless: true });
  } catch (err) {
    return imageRefused(err, sourceUrl, 'TikTok Shop');
  }
  const d = obj(env.data);
  if (!str(d.uri)) throw new PlatformError('temporary', 'tiktok images/upload: the answer has no uri');
  return { ref: str(d.uri), url: str(d.url) };
}
