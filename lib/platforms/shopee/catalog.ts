// Shopee's catalogue and media space (shopee.md § What a new listing needs): get_category,
// get_attributes (v2; `get_attribute_tree` is the newer call with the same content), get_brand_list
// (100 a page), logistics get_channel_list, media_space/upload_image (a public call, multipart).

import type { AdapterOptions } from '../http.ts';
import { fetchImage, imageForm, imageRefused, type ImageRules } from '../media.ts';
import type { AttributeInput, CatalogAttribute, CatalogBrand, CatalogCategory, CategoryRules, HostedImage, LogisticsChannel } from '../types.ts';
import { PlatformError } from '../types.ts';
import { arr, obj, str } from '../util.ts';
import type { ShopeeCall } from './client.ts';

type Call = (c: ShopeeCall) => Promise<Record<string, unknown>>;

/** upload_image: JPG/PNG up to 10 MB (shopee.md). */
export const SHOPEE_IMAGES: ImageRules = { platform: 'Shopee', maxBytes: 10 * 1024 * 1024, types: ['image/jpeg', 'image/png'] };
const BRAND_PAGE = 100;
/** A category's brand list is paged through at most this far (Shopee's lists are regional). */
const BRAND_PAGES_MAX = 50;

export async function shopeeCategories(call: Call): Promise<CatalogCategory[]> {
  const env = await call({ method: 'GET', path: '/api/v2/product/get_category', query: [['language', 'en']] });
  return arr(obj(env.response).category_list).map((raw) => {
    const c = obj(raw);
    const parent = str(c.parent_category_id);
    return { id: str(c.category_id), parentId: parent && parent !== '0' ? parent : null, name: str(c.display_category_name) || str(c.original_category_name), leaf: c.has_children !== true };
  });
}

function inputOf(a: Record<string, unknown>): { inputType: AttributeInput; custom: boolean } {
  const t = str(a.input_type).toUpperCase();
  if (t === 'MULTIPLE_SELECT') return { inputType: 'multiselect', custom: false };
  if (t === 'MULTIPLE_SELECT_COMBO_BOX') return { inputType: 'multiselect', custom: true };
  if (t === 'DROP_DOWN') return { inputType: 'select', custom: false };
  if (t === 'COMBO_BOX') return { inputType: 'select', custom: true };
  const numeric = /INT|FLOAT/.test(str(a.input_validation_type).toUpperCase());
  return { inputType: numeric ? 'number' : 'text', custom: true };
}

export async function shopeeCategoryRules(call: Call, categoryId: string): Promise<CategoryRules> {
  const env = await call({ method: 'GET', path: '/api/v2/product/get_attributes', query: [['category_id', categoryId], ['language', 'en']] });
  const attributes: CatalogAttribute[] = arr(obj(env.response).attribute_list).map((raw) => {
    const a = obj(raw);
    return {
      id: str(a.attribute_id),
      name: str(a.display_attribute_name) || str(a.original_attribute_name),
      required: a.is_mandatory === true,
      ...inputOf(a),
      options: arr(a.attribute_value_list).map((v) => ({ id: str(obj(v).value_id), name: str(obj(v).display_value_name) || str(obj(v).original_value_name) })),
    };
  });
  // The brand list says whether the category needs a brand; brand_id 0 is "No brand".
  const brands = await call({ method: 'GET', path: '/api/v2/product/get_brand_list', query: brandQuery(categoryId, 0, 1) });
  return { attributes, brand: { required: obj(brands.response).is_mandatory === true, noBrandAllowed: true } };
}

const brandQuery = (categoryId: string, offset: number, size: number): [string, string][] => [['category_id', categoryId], ['status', '1'], ['offset', String(offset)], ['page_size', String(size)]];

export async function shopeeBrands(call: Call, categoryId: string): Promise<CatalogBrand[]> {
  const out: CatalogBrand[] = [];
  let offset = 0;
  for (let page = 0; page < BRAND_PAGES_MAX; page++) {
    const r = obj((await call({ method: 'GET', path: '/api/v2/product/get_brand_list', query: brandQuery(categoryId, offset, BRAND_PAGE) })).response);
    for (const b of arr(r.brand_list)) out.push({ id: str(obj(b).brand_id), name: str(obj(b).display_brand_name) || str(obj(b).original_brand_name) });
    if (r.has_next_page !== true) break;
    offset = Number(r.next_offset) || offset + BRAND_PAGE;
  }
  return out;
}

export async function shopeeChannels(call: Call): Promise<LogisticsChannel[]> {
  const env = await call({ method: 'GET', path: '/api/v2/logistics/get_channel_list' });
  return arr(obj(env.response).logistics_channel_list).map((raw) => {
    const c = obj(raw);
    return { id: str(c.logistics_channel_id), name: str(c.logistics_channel_name), enabled: c.enabled === true };
  });
}

/** Fetch the source, check it, upload it to the media space (`publicCall`: signed without the shop). */
export async function shopeeHostImage(publicCall: Call, sourceUrl: string, opts: AdapterOptions): Promise<HostedImage> {
  const img = await fetchImage(sourceUrl, SHOPEE_IMAGES, opts);
  let env: Record<string, unknown>;
  try {
    env = await publicCall({ method: 'POST', path: '/api/v2/media_space/upload_image', form: imageForm('image', img, { scene: 'normal' }) });
  } catch (err) {
    return imageRefused(err, sourceUrl, 'Shopee');
  }
  const r = obj(env.response);
  // image_info is deprecated in favour of image_info_list (one entry per uploaded file).
  const first = obj(arr(r.image_info_list)[0]);
  if (str(first.error)) return imageRefused(new PlatformError('invalid', `${str(first.error)} ${str(first.message)}`.trim(), { platformCode: str(first.error) }), sourceUrl, 'Shopee');
  const info = obj(first.image_info ?? r.image_info);
  const ref = str(info.image_id);
  if (!ref) throw new PlatformError('temporary', 'shopee upload_image: the answer has no image_id');
  const url = str(obj(arr(info.image_url_list)[0]).image_url) || str(arr(info.image_url_list)[0]);
  return { ref, url };
}
