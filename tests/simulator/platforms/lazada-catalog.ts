// Lazada's catalogue and image hosting (lazada.md § What a new listing needs): /category/tree/get,
// /category/attributes/get, /category/brands/query, /image/migrate, /images/migrate +
// /image/response/get — and what /product/create refuses for them: a category that is not a
// leaf, a mandatory attribute missing (brand and the package size SKU attributes included), an
// image not on Lazada's own hosts. Shapes follow Lazada's API reference (the lazop SDKs' response
// entities: data.image{url, hash_code}, batch_id, data{images, errors}); error codes for these
// refusals are the simulator's own (Lazada's exact codes are not published), in Lazada's envelope.
import type { Ctx, SimResponse } from '../http.ts';
import { type AttrDef, type Category, BRANDS, brandNumber, categoryTree, leafAttributes } from '../catalog.ts';
import { resolveImageUrl } from '../media.ts';
import type { App, Shop } from '../state.ts';
import { randomHex, requestId } from '../util.ts';
import { asList, get, parsePayload, str, toNum } from './lazada-payload.ts';

type Params = Map<string, string>;
const err = (code: string, message: string, extra: Record<string, unknown> = {}): SimResponse => ({ status: 200, body: { type: 'ISV', code, message, request_id: requestId(), ...extra } });
const ok = (data: unknown): SimResponse => ({ status: 200, body: { code: '0', data, request_id: requestId() } });

/** A leaf attribute's Lazada name (Lazada names attributes, it does not number them). */
export const LAZADA_NAME: Record<string, string> = {
  origin: 'country_origin_hb', material: 'material', warranty: 'warranty_type', model: 'model', pack: 'quantity_per_pack', power: 'power_source', age: 'recommended_age',
};
/** SKU attributes every category makes mandatory (lazada.md). */
export const PACKAGE_ATTRS = ['package_weight', 'package_length', 'package_width', 'package_height'];
const MAX_MIGRATE = 1024 * 1024; // "The maximum size of an image file is 1MB" (MigrateImage reference)

function node(c: Category, list: Category[]): Record<string, unknown> {
  const out: Record<string, unknown> = { category_id: Number(c.id), name: c.name, leaf: c.leaf, var: c.leaf };
  if (!c.leaf) out.children = list.filter((x) => x.parentId === c.id).map((x) => node(x, list));
  return out;
}

export function categoryTreeGet(): SimResponse {
  const { list } = categoryTree('lazada');
  return ok(list.filter((c) => c.parentId === '0').map((c) => node(c, list)));
}

function inputType(a: AttrDef): string {
  if (a.input === 'multiselect') return 'multiEnumInput';
  if (a.input === 'select') return a.custom ? 'enumInput' : 'singleSelect';
  return a.input === 'number' ? 'numeric' : 'text';
}
const attr = (name: string, label: string, input_type: string, mandatory: boolean, attribute_type: 'normal' | 'sku', options: string[] = [], saleProp = false) =>
  ({ name, label, input_type, is_mandatory: mandatory ? 1 : 0, attribute_type, is_sale_prop: saleProp ? 1 : 0, options: options.map((o) => ({ name: o })), advanced: { is_key_prop: 0 } });

export function categoryAttributesGet(_ctx: Ctx, p: Params): SimResponse {
  const id = p.get('primary_category_id');
  if (!id) return err('MissingParameter', 'the input parameter “primary_category_id” that is mandatory for processing this request is not supplied');
  const c = categoryTree('lazada').byId.get(id);
  if (!c) return err('InvalidCategory', `E0004: Category ${id} does not exist`);
  if (!c.leaf) return err('InvalidCategory', `E0005: Category ${id} is not a leaf category`);
  return ok([
    attr('name', 'Name', 'text', true, 'normal'),
    attr('description', 'Long Description', 'richText', false, 'normal'),
    attr('brand', 'Brand', 'singleSelect', true, 'normal'),
    ...leafAttributes(c).map((a) => attr(LAZADA_NAME[a.key]!, a.name, inputType(a), a.required, 'normal', a.options)),
    attr('SellerSku', 'SellerSKU', 'text', true, 'sku'),
    attr('quantity', 'Quantity', 'numeric', false, 'sku'),
    attr('price', 'Price', 'numeric', true, 'sku'),
    attr('package_weight', 'Package Weight (kg)', 'numeric', true, 'sku'),
    attr('package_length', 'Package Length (cm)', 'numeric', true, 'sku'),
    attr('package_width', 'Package Width (cm)', 'numeric', true, 'sku'),
    attr('package_height', 'Package Height (cm)', 'numeric', true, 'sku'),
    attr('color_family', 'Color Family', 'multiEnumInput', false, 'sku', ['Black', 'White', 'Red', 'Blue', 'Green'], true),
  ]);
}

export function brandsQuery(_ctx: Ctx, p: Params): SimResponse {
  const start = Number(p.get('startRow') ?? '');
  const size = Number(p.get('pageSize') ?? '');
  if (!Number.isInteger(start) || start < 0) return err('MissingParameter', 'the input parameter “startRow” that is mandatory for processing this request is not supplied');
  if (!Number.isInteger(size) || size < 1 || size > 200) return err('InvalidParameter', 'pageSize should be between 1 and 200');
  const all = BRANDS.map((name, i) => ({ brand_id: Number(brandNumber('lazada', i)), name, name_en: name, global_identifier: name.toLowerCase().replace(/[^a-z0-9]+/g, '_') }));
  const module = all.slice(start, start + size);
  return ok({ module, total_record: all.length, start_row: start, page_index: Math.floor(start / size) + 1, page_size: size, total_page: Math.ceil(all.length / size), enable_total: true });
}

/** Fetch and host one image the way Lazada's migration does; an error sentence when it cannot. */
function migrate(ctx: Ctx, url: string): { url: string; hash_code: string } | { code: string; message: string } {
  if (!/^https?:\/\//i.test(url)) return { code: 'InvalidImageUrl', message: `E3001: Image URL "${url}" is not an http(s) URL` };
  const found = resolveImageUrl(ctx.state, url);
  if (found === 'unreachable' || found === 'not_found') return { code: 'ImageDownloadFailed', message: `E3002: Image download failed from ${url}` };
  if (found.type !== 'image/jpeg' && found.type !== 'image/png') return { code: 'InvalidImageFormat', message: 'E3003: Image format should be JPG or PNG' };
  if (found.bytes.length > MAX_MIGRATE) return { code: 'ImageTooLarge', message: 'E3004: Image size should be no more than 1MB' };
  const hosted = ctx.state.media.host(ctx.state, 'lazada', found);
  return { url: hosted.url, hash_code: hosted.ref };
}

export function imageMigrate(ctx: Ctx, p: Params): SimResponse {
  const tree = parsePayload(p.get('payload') ?? '');
  const url = str(get(tree, 'Request', 'Image', 'Url')).trim();
  if (!url) return err('5', 'E005: Invalid Request Format');
  const r = migrate(ctx, url);
  if ('code' in r) return err(r.code, r.message);
  return ok({ image: r });
}

const batches = new WeakMap<Shop, Map<string, { images: unknown[]; errors: unknown[] }>>();

export function imagesMigrate(ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  const tree = parsePayload(p.get('payload') ?? '');
  const urls = asList(get(tree, 'Request', 'Images', 'Url')).map((u) => str(u).trim());
  if (!urls.length) return err('5', 'E005: Invalid Request Format');
  if (urls.length > 8) return err('InvalidParameter', 'A single call can migrate 8 images at most');
  const images: unknown[] = [];
  const errors: unknown[] = [];
  for (const u of urls) {
    const r = migrate(ctx, u);
    if ('code' in r) errors.push({ field: u, msg: r.message });
    else images.push(r);
  }
  const batchId = `${Date.now()}${randomHex(4)}`;
  const m = batches.get(shop) ?? new Map();
  m.set(batchId, { images, errors });
  batches.set(shop, m);
  return { status: 200, body: { code: '0', batch_id: batchId, request_id: requestId() } };
}

export function imageResponseGet(_ctx: Ctx, p: Params, _app: App, shop: Shop): SimResponse {
  const b = batches.get(shop)?.get(p.get('batch_id') ?? '');
  if (!b) return err('InvalidParameter', 'batch_id does not exist');
  return ok(b);
}

// ---------------- /product/create ----------------
export interface LazadaChecked {
  attributes: { id: string; value: string }[];
  brand: string;
}

/** What /product/create checks of the catalogue parts, after the listing's own fields. */
export function checkLazadaListing(ctx: Ctx, prod: unknown, cat: string, images: string[], skus: unknown[]): LazadaChecked | SimResponse {
  const c = categoryTree('lazada').byId.get(cat);
  if (!c) return err('4000', `E0004: PrimaryCategory ${cat} does not exist`);
  if (!c.leaf) return err('4001', `E0005: PrimaryCategory ${cat} is not a leaf category`);
  const skuImages = skus.flatMap((s) => asList(get(s, 'Images', 'Image')).map(str));
  const foreign = [...images, ...skuImages].find((u) => !ctx.state.media.hostsUrl(ctx.state, 'lazada', u));
  if (foreign !== undefined) return err('4184', `BIZ_CHECK_IMAGE_NOT_LAZADA_HOSTED: image ${foreign} is not on Lazada's hosts; migrate it with /image/migrate first`);
  const brand = str(get(prod, 'Attributes', 'brand')).trim();
  if (!brand) return err('4010', 'BIZ_CHECK_MANDATORY_ATTRIBUTE_MISSING: brand is mandatory');
  if (brand.toLowerCase() !== 'no brand' && !BRANDS.includes(brand)) return err('4011', `BIZ_CHECK_BRAND_NOT_EXIST: brand "${brand}" does not exist`);
  const attributes: { id: string; value: string }[] = [];
  for (const a of leafAttributes(c)) {
    const name = LAZADA_NAME[a.key]!;
    const value = str(get(prod, 'Attributes', name)).trim();
    if (!value) {
      if (a.required) return err('4010', `BIZ_CHECK_MANDATORY_ATTRIBUTE_MISSING: ${name} is mandatory`);
      continue;
    }
    const values = a.input === 'multiselect' ? value.split(',').map((v) => v.trim()) : [value];
    if (a.options.length && !a.custom && values.some((v) => !a.options.includes(v))) return err('4012', `BIZ_CHECK_ATTRIBUTE_OPTION_INVALID: "${value}" is not an option of ${name}`);
    if (a.input === 'number' && !(toNum(value) > 0)) return err('4012', `BIZ_CHECK_ATTRIBUTE_OPTION_INVALID: ${name} takes a number`);
    attributes.push({ id: name, value: values.join(', ') });
  }
  for (const s of skus) {
    for (const k of PACKAGE_ATTRS) {
      if (!(toNum(get(s, k)) > 0)) return err('4010', `BIZ_CHECK_MANDATORY_ATTRIBUTE_MISSING: ${k} is mandatory for SKU ${str(get(s, 'SellerSku'))}`);
    }
  }
  return { attributes, brand };
}
