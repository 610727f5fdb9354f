// Lazada's catalogue and image migration (lazada.md § What a new listing needs): the nested
// /category/tree/get, /category/attributes/get (brand is a normal attribute; package size a SKU
// one), /category/brands/query (one list for every category), /image/migrate (Lazada downloads the
// URL itself, so nothing is fetched here).

import { imageRefused } from '../media.ts';
import type { AttributeInput, CatalogAttribute, CatalogBrand, CatalogCategory, CategoryRules, HostedImage } from '../types.ts';
import { PlatformError } from '../types.ts';
import { arr, obj, str, xmlEscape } from '../util.ts';
import type { LazadaCall } from './client.ts';

type Call = (c: LazadaCall) => Promise<Record<string, unknown>>;

/** Attributes a draft holds in its own fields (title, description, SKU, price, stock, weight) or
 *  that the variants' options supply (sale properties). */
const OWN_FIELDS = new Set(['name', 'description', 'short_description', 'SellerSku', 'quantity', 'price', 'special_price', 'special_from_date', 'special_to_date', 'package_weight', 'brand', '__images__']);
const BRAND_PAGE = 200;
/** Lazada lists every brand of the country (tens of thousands): read this many pages at most. */
const BRAND_PAGES_MAX = 25;
/** Hosts Lazada serves its images from: an image there needs no migration. */
const LAZADA_HOSTS = /(^|\.)(slatic\.net|lazcdn\.com)$/i;

export async function lazadaCategories(call: Call): Promise<CatalogCategory[]> {
  const env = await call({ method: 'GET', path: '/category/tree/get', params: { language_code: 'en_US' } });
  const out: CatalogCategory[] = [];
  const walk = (nodes: unknown[], parentId: string | null) => {
    for (const raw of nodes) {
      const n = obj(raw);
      const id = str(n.category_id);
      out.push({ id, parentId, name: str(n.name), leaf: n.leaf === true });
      walk(arr(n.children), id);
    }
  };
  walk(arr(env.data), null);
  return out;
}

function inputOf(t: string): { inputType: AttributeInput; custom: boolean } {
  switch (t) {
    case 'singleSelect':
      return { inputType: 'select', custom: false };
    case 'enumInput':
      return { inputType: 'select', custom: true };
    case 'multiSelect':
      return { inputType: 'multiselect', custom: false };
    case 'multiEnumInput':
      return { inputType: 'multiselect', custom: true };
    case 'numeric':
      return { inputType: 'number', custom: true };
    default:
      return { inputType: 'text', custom: true };
  }
}

export async function lazadaCategoryRules(call: Call, categoryId: string): Promise<CategoryRules> {
  const env = await call({ method: 'GET', path: '/category/attributes/get', params: { primary_category_id: categoryId, language_code: 'en_US' } });
  const all = arr(env.data).map(obj);
  const brand = all.find((a) => str(a.name) === 'brand');
  const attributes: CatalogAttribute[] = all
    .filter((a) => !OWN_FIELDS.has(str(a.name)) && Number(a.is_sale_prop) !== 1)
    .map((a) => ({
      id: str(a.name),
      name: str(a.label) || str(a.name),
      required: Number(a.is_mandatory) === 1,
      ...inputOf(str(a.input_type)),
      options: arr(a.options).map((o) => ({ name: str(obj(o).name) })),
      level: str(a.attribute_type) === 'sku' ? 'sku' : 'product',
    }));
  // "No Brand" is a value Lazada accepts in every category (lazada.md).
  return { attributes, brand: { required: brand ? Number(brand.is_mandatory) === 1 : false, noBrandAllowed: true } };
}

export async function lazadaBrands(call: Call): Promise<CatalogBrand[]> {
  const out: CatalogBrand[] = [];
  for (let page = 0; page < BRAND_PAGES_MAX; page++) {
    const d = obj((await call({ method: 'GET', path: '/category/brands/query', params: { startRow: String(page * BRAND_PAGE), pageSize: String(BRAND_PAGE), languageCode: 'en_US' } })).data);
    const module = arr(d.module);
    for (const b of module) out.push({ id: str(obj(b).brand_id), name: str(obj(b).name_en) || str(obj(b).name) });
    if (module.length < BRAND_PAGE || out.length >= Number(d.total_record)) break;
  }
  return out;
}

/** /image/migrate: Lazada fetches the URL and answers its own. One already on Lazada's hosts stays. */
export async function lazadaHostImage(call: Call, sourceUrl: string): Promise<HostedImage> {
  let host = '';
  try {
    host = new URL(sourceUrl).hostname;
  } catch {
    /* refused below by Lazada */
  }
  if (LAZADA_HOSTS.test(host)) return { ref: sourceUrl, url: sourceUrl };
  let env: Record<string, unknown>;
  try {
    env = await call({ method: 'POST', path: '/image/migrate', params: { payload: `<?xml version="1.0" encoding="UTF-8"?><Request><Image><Url>${xmlEscape(sourceUrl)}</Url></Image></Request>` } });
  } catch (err) {
    return imageRefused(err, sourceUrl, 'Lazada');
  }
  const image = obj(obj(env.data).image);
  const url = str(image.url);
  if (!url) throw new PlatformError('temporary', 'lazada image/migrate: the answer has no image url');
  return { ref: url, url };
}
