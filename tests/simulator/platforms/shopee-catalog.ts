// Shopee's catalogue and media space (shopee.md § What a new listing needs): get_category,
// get_attributes (the v2 shape of the older call; get_attribute_tree is not played),
// get_brand_list, logistics get_channel_list, media_space/upload_image — and what add_item
// refuses for them: a category with children, a missing mandatory attribute or brand, no enabled
// logistics channel, an image id that is not from the media space.
// Envelopes and the codes error_param / error_invalid_price are Shopee's; the sentences after
// "Wrong parameters, detail:" for these refusals are the simulator's own (not published).
import { type Ctx, type SimResponse, header } from '../http.ts';
import { type AttrDef, type Category, SHOPEE_CHANNELS, attrNumber, brandNumber, brandsOf, categoryTree, leafAttributes, optionNumber } from '../catalog.ts';
import { multipartFile, sniffImage } from '../media.ts';
import type { App, Shop } from '../state.ts';
import { isInt, isObj } from '../util.ts';
import { fail, ok, param } from './shopee-products.ts';

type Body = Record<string, unknown>;
const MAX_IMAGE = 10 * 1024 * 1024;

export function getCategory(_ctx: Ctx, _app: App, _shop: Shop | undefined): SimResponse {
  const { list } = categoryTree('shopee');
  return ok({
    category_list: list.map((c) => ({
      category_id: Number(c.id),
      parent_category_id: Number(c.parentId),
      original_category_name: c.name,
      display_category_name: c.name,
      has_children: !c.leaf,
    })),
  });
}

function inputType(a: AttrDef): string {
  if (a.input === 'multiselect') return 'MULTIPLE_SELECT';
  if (a.input === 'select') return a.custom ? 'COMBO_BOX' : 'DROP_DOWN';
  return 'TEXT_FILED'; // sic: Shopee's spelling
}

function leafOf(ctx: Ctx): Category | SimResponse {
  const id = ctx.req.query.get('category_id');
  if (!id || !/^\d+$/.test(id)) return param('category_id is required');
  const c = categoryTree('shopee').byId.get(id);
  if (!c) return fail(400, 'error_param', 'Wrong parameters, detail: category_id is invalid.');
  if (!c.leaf) return fail(400, 'error_param', 'Wrong parameters, detail: attributes can only be fetched for a category without children.');
  return c;
}

export function getAttributes(ctx: Ctx): SimResponse {
  const c = leafOf(ctx);
  if ('status' in c) return c;
  return ok({
    attribute_list: leafAttributes(c).map((a) => ({
      attribute_id: Number(attrNumber('shopee', a.key)),
      original_attribute_name: a.name,
      display_attribute_name: a.name,
      is_mandatory: a.required,
      input_validation_type: a.input === 'number' ? 'INT_TYPE' : 'STRING_TYPE',
      format_type: 'NORMAL',
      input_type: inputType(a),
      attribute_value_list: a.options.map((o, i) => ({ value_id: Number(optionNumber('shopee', a.key, i)), original_value_name: o, display_value_name: o, value_unit: '' })),
    })),
  });
}

export function getBrandList(ctx: Ctx): SimResponse {
  const q = ctx.req.query;
  const c = leafOf(ctx);
  if ('status' in c) return c;
  const status = q.get('status');
  if (status !== '1' && status !== '2') return param('status should be 1 (normal) or 2 (pending)');
  const offset = q.get('offset');
  const ps = q.get('page_size');
  if (offset === null || !/^\d+$/.test(offset)) return param('offset is required');
  if (!ps || !/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return param('page_size should be between 1 and 100');
  const all = status === '2' ? [] : brandsOf(c);
  const page = all.slice(Number(offset), Number(offset) + Number(ps));
  const next = Number(offset) + page.length;
  return ok({
    brand_list: page.map((b) => ({ brand_id: Number(brandNumber('shopee', b.index)), original_brand_name: b.name, display_brand_name: b.name })),
    has_next_page: next < all.length,
    next_offset: next,
    // Brand is mandatory in every leaf here; brand_id 0 ("No brand") is accepted.
    is_mandatory: true,
    input_type: 'DROP_DOWN',
  });
}

export function getChannelList(): SimResponse {
  return ok({
    logistics_channel_list: SHOPEE_CHANNELS.map((c) => ({
      logistics_channel_id: c.id,
      logistics_channel_name: c.name,
      cod_enabled: false,
      enabled: c.enabled,
      fee_type: 'SIZE_INPUT',
      size_list: [],
      item_max_weight: 30,
      item_min_weight: 0.01,
      item_max_dimension: { height: 100, width: 100, length: 100, unit: 'cm', dimension_sum: 300 },
      volume_limit: { item_max_volume: 0, item_min_volume: 0 },
      logistics_description: '',
      force_enable: false,
      mask_channel_id: 0,
    })),
  });
}

/** POST /api/v2/media_space/upload_image: multipart `image` (JPG/PNG, ≤ 10 MB). Signed as a public
 *  call, so the image belongs to the partner's media space, usable by the shops it serves. */
export function uploadImage(ctx: Ctx): SimResponse {
  const file = multipartFile(ctx.req.body, header(ctx.req, 'content-type'), 'image');
  if (!file) return param('image is required (multipart/form-data field "image")');
  if (file.bytes.length === 0) return fail(400, 'error_param', 'Wrong parameters, detail: image is empty.');
  if (file.bytes.length > MAX_IMAGE) return fail(400, 'error_param', 'Wrong parameters, detail: image size should be no more than 10.0 MB.');
  const info = sniffImage(file.bytes);
  if (!info || (info.type !== 'image/jpeg' && info.type !== 'image/png')) return fail(400, 'error_param', 'Wrong parameters, detail: image format should be JPG, JPEG or PNG.');
  const hosted = ctx.state.media.host(ctx.state, 'shopee', { bytes: Buffer.from(file.bytes), ...info });
  const image_info = { image_id: hosted.ref, image_url_list: [{ image_url_region: 'SG', image_url: hosted.url }] };
  return ok({ image_info, image_info_list: [{ id: 0, error: '', message: '', image_info }] });
}

// ---------------- add_item ----------------
interface Checked {
  category: Category;
  attributes: { id: string; value: string }[];
  brand: string;
  logistics: string[];
}

function attributeProblem(a: AttrDef, entry: Body | undefined): string | { id: string; value: string } | null {
  const id = attrNumber('shopee', a.key);
  const values = entry && Array.isArray(entry.attribute_value_list) ? entry.attribute_value_list.filter(isObj) : [];
  if (!values.length) return a.required ? `attribute ${a.name} (attribute_id ${id}) is mandatory for this category` : null;
  const names: string[] = [];
  for (const v of values) {
    const vid = isInt(v.value_id) ? v.value_id : 0;
    const text = typeof v.original_value_name === 'string' ? v.original_value_name.trim() : '';
    if (a.options.length && vid) {
      const n = a.options.findIndex((_, i) => Number(optionNumber('shopee', a.key, i)) === vid);
      if (n < 0) return `value_id ${vid} is not a value of attribute_id ${id}`;
      names.push(a.options[n]!);
    } else if (a.options.length && !a.custom) return `attribute_id ${id} takes a value_id from its attribute_value_list`;
    else if (!text) return `attribute_id ${id} needs original_value_name`;
    else if (a.input === 'number' && !/^\d+$/.test(text)) return `attribute_id ${id} takes a whole number`;
    else names.push(text);
  }
  if (names.length > 1 && a.input !== 'multiselect') return `attribute_id ${id} takes one value`;
  return { id, value: names.join(', ') };
}

/** What add_item checks of the catalogue parts, after the listing's own fields. */
export function checkListing(ctx: Ctx, body: Body): Checked | SimResponse {
  const category = categoryTree('shopee').byId.get(String(body.category_id));
  if (!category) return fail(400, 'error_param', 'Invalid category: category_id does not exist.');
  if (!category.leaf) return fail(400, 'error_param', `Invalid category: category_id ${category.id} has sub-categories; use a category without children.`);
  const ids = (body.image as Body).image_id_list as string[];
  const foreign = ids.find((id) => !ctx.state.media.hasRef('shopee', id));
  if (foreign !== undefined) return param(`image_id ${foreign} is not in the media space; upload it with media_space/upload_image first`);

  const defs = leafAttributes(category);
  const list = Array.isArray(body.attribute_list) ? body.attribute_list : [];
  if (!list.every((e) => isObj(e) && isInt(e.attribute_id))) return param('attribute_list.attribute_id is required');
  const byId = new Map((list as Body[]).map((e) => [String(e.attribute_id), e]));
  for (const id of byId.keys()) if (!defs.some((a) => attrNumber('shopee', a.key) === id)) return param(`attribute_id ${id} does not belong to this category`);
  const attributes: { id: string; value: string }[] = [];
  for (const a of defs) {
    const r = attributeProblem(a, byId.get(attrNumber('shopee', a.key)));
    if (typeof r === 'string') return param(r);
    if (r) attributes.push(r);
  }

  if (!isObj(body.brand) || !isInt(body.brand.brand_id)) return param('brand is mandatory for this category (brand_id 0 for No brand)');
  const brandId = body.brand.brand_id;
  const known = brandsOf(category).find((b) => Number(brandNumber('shopee', b.index)) === brandId);
  if (brandId !== 0 && !known) return param(`brand_id ${brandId} is not in the brand list of this category`);

  const li = Array.isArray(body.logistic_info) ? body.logistic_info : [];
  if (!li.every((e) => isObj(e) && isInt(e.logistic_id))) return param('logistic_info.logistic_id is required');
  const logistics: string[] = [];
  for (const e of li as Body[]) {
    const ch = SHOPEE_CHANNELS.find((c) => c.id === e.logistic_id);
    if (!ch) return param(`logistic_id ${String(e.logistic_id)} is not a logistics channel of the shop`);
    if (e.enabled === true && !ch.enabled) return param(`logistics channel ${ch.id} (${ch.name}) is not enabled for the shop`);
    if (e.enabled === true) logistics.push(String(ch.id));
  }
  if (!logistics.length) return param('logistic_info needs at least one enabled logistics channel of the shop');
  return { category, attributes, brand: brandId === 0 ? 'No brand' : known!.name, logistics };
}
