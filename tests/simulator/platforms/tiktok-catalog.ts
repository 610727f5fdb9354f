// TikTok Shop's catalogue and image upload (tiktok.md § What a new listing needs): categories,
// a category's attributes (the field is spelled `is_requried`, as TikTok spells it), brands,
// images/upload (multipart `data`; the body is not signed) — and what Create Product refuses for
// them: a category that is not a leaf, a required attribute missing, a brand not in the list, an
// image URI TikTok did not issue, a SKU without a sales warehouse. Shapes follow the 202309
// references (and the public SDKs' types); error codes for these refusals are the simulator's
// own in TikTok's envelope (TikTok's exact codes are not published in the sources checked).
import { type Ctx, type SimResponse, formParams, header, json } from '../http.ts';
import { type AttrDef, type Category, attrNumber, brandNumber, brandsOf, categoryTree, leafAttributes, optionNumber } from '../catalog.ts';
import { multipartFile, sniffImage } from '../media.ts';
import type { Shop } from '../state.ts';
import { b64urlJson, fromB64urlJson, isObj, requestId } from '../util.ts';

type Body = Record<string, unknown>;
const fail = (status: number, code: number, message: string): SimResponse => json(status, { code, message, request_id: requestId() });
const ok = (data: unknown): SimResponse => json(200, { code: 0, message: 'Success', request_id: requestId(), data });
const MAX_IMAGE = 5 * 1024 * 1024;
const USE_CASES = ['MAIN_IMAGE', 'ATTRIBUTE_IMAGE', 'DESCRIPTION_IMAGE', 'CERTIFICATION_IMAGE', 'SIZE_CHART_IMAGE'];

/** The shop's return warehouse: listed by the warehouses API, never a place to sell from. */
export function returnWarehouseId(shop: Shop): string {
  return `7311${shop.shopId.slice(-14)}9`;
}

export function categoriesGet(): SimResponse {
  return ok({
    categories: categoryTree('tiktok').list.map((c) => ({ id: c.id, parent_id: c.parentId, local_name: c.name, is_leaf: c.leaf, permission_statuses: ['AVAILABLE'] })),
  });
}

function leaf(id: string): Category | SimResponse {
  const c = categoryTree('tiktok').byId.get(id);
  if (!c) return fail(400, 12052023, 'Category does not exist');
  if (!c.leaf) return fail(400, 12052024, 'The category is not a leaf category; choose a category without children.');
  return c;
}

export function attributesGet(_ctx: Ctx, _shop: Shop, _b: Body, m: RegExpExecArray): SimResponse {
  const c = leaf(m[1]!);
  if ('status' in c) return c;
  const product = leafAttributes(c).map((a) => ({
    id: attrNumber('tiktok', a.key),
    name: a.name,
    type: 'PRODUCT_PROPERTY',
    is_requried: a.required,
    is_multiple_selection: a.input === 'multiselect',
    is_customizable: a.custom === true || a.options.length === 0,
    values: a.options.map((o, i) => ({ id: optionNumber('tiktok', a.key, i), name: o })),
    requirement_conditions: [],
    ...(a.input === 'number' ? { value_data_format: 'POSITIVE_INT_OR_DECIMAL' } : {}),
  }));
  const sales = ['Color', 'Size'].map((name, i) => ({ id: String(100_000 + i), name, type: 'SALES_PROPERTY', is_requried: false, is_multiple_selection: false, is_customizable: true, values: [], requirement_conditions: [] }));
  return ok({ attributes: [...product, ...sales] });
}

export function brandsGet(ctx: Ctx): SimResponse {
  const q = ctx.req.query;
  const ps = q.get('page_size') ?? '';
  if (!/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return fail(400, 36009004, 'invalid param error: page_size should be between 1 and 100');
  const catId = q.get('category_id');
  let c: Category | undefined;
  if (catId) {
    const l = leaf(catId);
    if ('status' in l) return l;
    c = l;
  }
  const name = (q.get('brand_name') ?? '').toLowerCase();
  const all = brandsOf(c).filter((b) => !name || b.name.toLowerCase().includes(name));
  let start = 0;
  const token = q.get('page_token');
  if (token) {
    const t = fromB64urlJson(token) as { o?: number } | undefined;
    if (!t || typeof t.o !== 'number') return fail(400, 36009004, 'invalid param error: page_token is invalid');
    start = t.o;
  }
  const page = all.slice(start, start + Number(ps));
  const next = start + page.length;
  return ok({
    brands: page.map((b) => ({ id: brandNumber('tiktok', b.index), name: b.name, authorized_status: 'UNAUTHORIZED', is_t1_brand: false, brand_status: 'AVAILABLE' })),
    total_count: all.length,
    next_page_token: next < all.length ? b64urlJson({ o: next }) : '',
  });
}

/** POST /product/202309/images/upload: multipart `data` (JPG, PNG or WEBP; ≤ 5 MB) and `use_case`. */
export function imagesUpload(ctx: Ctx): SimResponse {
  const ct = header(ctx.req, 'content-type');
  const useCase = formParams(ctx.req)?.get('use_case') ?? 'MAIN_IMAGE';
  if (!USE_CASES.includes(useCase)) return fail(400, 36009004, 'invalid param error: use_case is invalid');
  const file = multipartFile(ctx.req.body, ct, 'data');
  if (!file || file.bytes.length === 0) return fail(400, 12052400, 'The image file is required (multipart/form-data field "data").');
  if (file.bytes.length > MAX_IMAGE) return fail(400, 12052402, 'The image size exceeds the 5 MB limit.');
  const info = sniffImage(file.bytes);
  if (!info || info.type === 'image/gif') return fail(400, 12052401, 'The image format is not supported; use JPG, PNG or WEBP.');
  const hosted = ctx.state.media.host(ctx.state, 'tiktok', { bytes: Buffer.from(file.bytes), ...info });
  return ok({ uri: hosted.ref, url: hosted.url, width: info.width, height: info.height, use_case: useCase });
}

// ---------------- create ----------------
export interface TiktokChecked {
  attributes: { id: string; value: string }[];
  brand?: string;
}

function attributeProblem(a: AttrDef, entry: Body | undefined): string | { id: string; value: string } | null {
  const id = attrNumber('tiktok', a.key);
  const values = entry && Array.isArray(entry.values) ? entry.values.filter(isObj) : [];
  if (!values.length) return a.required ? `The required product attribute "${a.name}" (${id}) is missing.` : null;
  const names: string[] = [];
  for (const v of values) {
    if (typeof v.id === 'string' && v.id) {
      const n = a.options.findIndex((_, i) => optionNumber('tiktok', a.key, i) === v.id);
      if (n < 0) return `The value id ${v.id} does not belong to the product attribute "${a.name}" (${id}).`;
      names.push(a.options[n]!);
    } else if (typeof v.name === 'string' && v.name.trim() && (a.custom || !a.options.length)) {
      if (a.input === 'number' && !(Number(v.name) > 0)) return `The product attribute "${a.name}" (${id}) takes a positive number.`;
      names.push(v.name.trim());
    } else return `The product attribute "${a.name}" (${id}) takes a value id from its values.`;
  }
  if (names.length > 1 && a.input !== 'multiselect') return `The product attribute "${a.name}" (${id}) takes one value.`;
  return { id, value: names.join(', ') };
}

/** What Create Product checks of the catalogue parts, after the listing's own fields. */
export function checkTiktokListing(ctx: Ctx, _shop: Shop, b: Body): TiktokChecked | SimResponse {
  const c = leaf(String(b.category_id));
  if ('status' in c) return c;
  const uris = (b.main_images as Body[]).map((x) => String(x.uri));
  const foreign = uris.find((u) => !ctx.state.media.hasRef('tiktok', u));
  if (foreign !== undefined) return fail(400, 12019009, `product image list is invalid: the uri "${foreign}" was not issued by the image upload API.`);
  const defs = leafAttributes(c);
  const list = Array.isArray(b.product_attributes) ? b.product_attributes : [];
  if (!list.every((e) => isObj(e) && typeof e.id === 'string')) return fail(400, 36009004, 'invalid param error: product_attributes.id is required');
  const byId = new Map((list as Body[]).map((e) => [e.id as string, e]));
  for (const id of byId.keys()) if (!defs.some((a) => attrNumber('tiktok', a.key) === id)) return fail(400, 12052219, `The product attribute ${id} does not belong to this category.`);
  const attributes: { id: string; value: string }[] = [];
  for (const a of defs) {
    const r = attributeProblem(a, byId.get(attrNumber('tiktok', a.key)));
    if (typeof r === 'string') return fail(400, 12052218, r);
    if (r) attributes.push(r);
  }
  let brand: string | undefined;
  if (b.brand_id !== undefined && b.brand_id !== '') {
    const known = brandsOf(c).find((x) => brandNumber('tiktok', x.index) === String(b.brand_id));
    if (!known) return fail(400, 12052220, `The brand ${String(b.brand_id)} is not available for this category.`);
    brand = known.name;
  }
  for (const s of b.skus as Body[]) {
    const inv = Array.isArray(s.inventory) ? s.inventory.filter(isObj) : [];
    // A return warehouse is refused earlier, with the SKU's other inventory checks (tiktok.ts).
    if (!inv.length) return fail(400, 12052098, `The SKU "${String(s.seller_sku ?? '')}" needs inventory in a sales warehouse.`);
  }
  return { attributes, ...(brand ? { brand } : {}) };
}
