// Shopee product endpoints (listing, details, stock, price, creating) — see shopee.ts for the gateway.
import { type Ctx, type SimResponse, json } from '../http.ts';
import { STATUSES, buildItem, totalStock } from '../shops.ts';
import type { App, Shop } from '../state.ts';
import type { Item, Variant } from '../store.ts';
import { isInt, isObj, requestId, round2 } from '../util.ts';
import { attrNumber, categoryTree, leafAttributes, optionNumber, BRANDS, brandNumber } from '../catalog.ts';
import { checkListing } from './shopee-catalog.ts';

type Body = Record<string, unknown>;
export const fail = (status: number, error: string, message: string): SimResponse =>
  json(status, { error, message, warning: '', request_id: requestId() });
export const ok = (response: unknown, warning = ''): SimResponse => json(200, { error: '', message: '', warning, request_id: requestId(), response });
export const param = (detail: string): SimResponse => fail(400, 'error_param', `Wrong parameters, detail: ${detail}.`);

// ---------------- shapes ----------------
function tiersOf(item: Item): { name: string; options: string[] }[] {
  if (!item.hasVariants) return [];
  return item.tiers ?? [{ name: item.tierName || 'Variation', options: item.variants.map((v) => v.option) }];
}
function tierIndexOf(item: Item, v: Variant): number[] {
  return v.tierIndex ?? [item.variants.indexOf(v)];
}
function stockInfo(shop: Shop, v: Variant): unknown {
  return {
    summary_info: { total_reserved_stock: v.reserved, total_available_stock: Math.max(0, totalStock(v) - v.reserved) },
    seller_stock: shop.locations.map((l, i) => (l.id ? { location_id: l.id, stock: v.stock[i] ?? 0, if_saleable: true } : { stock: v.stock[i] ?? 0, if_saleable: true })),
  };
}
function priceInfo(shop: Shop, v: Variant): unknown {
  return [{ currency: shop.currency, original_price: v.price, current_price: v.price }];
}
function baseInfo(shop: Shop, it: Item): Record<string, unknown> {
  const single = it.variants[0]!;
  const out: Record<string, unknown> = {
    item_id: Number(it.itemId),
    category_id: Number(it.categoryId),
    item_name: it.title,
    description: it.description,
    item_sku: it.hasVariants ? '' : single.sellerSku,
    create_time: Math.floor(it.createdAt / 1000),
    update_time: Math.floor(it.updatedAt / 1000),
    item_status: it.status,
    has_model: it.hasVariants,
    image: { image_url_list: it.images, image_id_list: it.images.map((u, i) => /\/file\/([^/?]+)$/.exec(u)?.[1] ?? `sg-sim-${it.itemId}-${i}`) },
    weight: '1.0',
    condition: 'NEW',
    ...catalogInfo(it),
  };
  if (!it.hasVariants) {
    out.price_info = priceInfo(shop, single);
    out.stock_info_v2 = stockInfo(shop, single);
  }
  return out;
}
/** brand, attribute_list and logistic_info as get_item_base_info answers them. */
function catalogInfo(it: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (it.brand !== undefined) {
    const i = BRANDS.indexOf(it.brand);
    out.brand = { brand_id: i < 0 ? 0 : Number(brandNumber('shopee', i)), original_brand_name: it.brand };
  }
  const cat = categoryTree('shopee').byId.get(it.categoryId);
  if (it.attributes?.length && cat?.leaf) {
    const defs = leafAttributes(cat);
    out.attribute_list = it.attributes.map((a) => {
      const def = defs.find((d) => attrNumber('shopee', d.key) === a.id);
      const values = def?.input === 'multiselect' ? a.value.split(', ') : [a.value];
      return {
        attribute_id: Number(a.id),
        original_attribute_name: def?.name ?? '',
        is_mandatory: def?.required ?? false,
        attribute_value_list: values.map((v) => {
          const n = def ? def.options.indexOf(v) : -1;
          return { value_id: n < 0 || !def ? 0 : Number(optionNumber('shopee', def.key, n)), original_value_name: v, value_unit: '' };
        }),
      };
    });
  }
  if (it.logistics) out.logistic_info = it.logistics.map((id) => ({ logistic_id: Number(id), enabled: true }));
  return out;
}
const gone = (it: Item | undefined): boolean => !it || it.status === 'SELLER_DELETE' || it.status === 'SHOPEE_DELETE';

// ---------------- endpoints ----------------
export function getItemList(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const q = ctx.req.query;
  const s = shop!;
  const offset = q.get('offset');
  const ps = q.get('page_size');
  if (offset === null) return param('offset is required');
  if (!/^\d+$/.test(offset)) return param('offset is invalid');
  if (!ps || !/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return param('page_size should be between 1 and 100');
  const statuses = q.getAll('item_status');
  if (statuses.length === 0) return param('item_status is required');
  for (const st of statuses) if (!STATUSES.shopee.all.includes(st)) return param(`item_status ${st} is invalid`);
  const from = q.get('update_time_from');
  const to = q.get('update_time_to');
  if ((from !== null && !/^\d+$/.test(from)) || (to !== null && !/^\d+$/.test(to))) return param('update_time_from/update_time_to must be unix seconds');
  if (from !== null && to !== null && Number(from) > Number(to)) return param('update_time_from must be earlier than update_time_to');
  const set = new Set(statuses);
  const all = STATUSES.shopee.all.every((x) => set.has(x));
  const view = s.items.view({
    order: 'seq',
    fromMs: from === null ? undefined : Number(from) * 1000,
    toMs: to === null ? undefined : (Number(to) + 1) * 1000,
    pred: all ? undefined : (it) => set.has(it.status),
    key: [...set].sort().join(','),
  });
  const off = Number(offset);
  const end = Math.min(view.length, off + Number(ps));
  const item = [];
  for (let i = off; i < end; i++) {
    const it = view.at(i);
    item.push({ item_id: Number(it.itemId), item_status: it.status, update_time: Math.floor(it.updatedAt / 1000) });
  }
  return ok({ item, total_count: view.length, has_next_page: end < view.length, next_offset: end < view.length ? end : view.length });
}

function parseIdList(v: string | null, max: number): number[] | string {
  if (!v) return 'item_id_list is required';
  const parts = v.split(',').map((x) => x.trim());
  if (parts.length > max) return `item_id_list length should be between 1 and ${max}`;
  if (!parts.every((x) => /^\d+$/.test(x))) return 'item_id_list is invalid';
  return parts.map(Number);
}

/** Shopee documents list parameters as ONE comma-separated value (`item_id_list=1,2,3`; public
 *  clients say JSON `[1,2,3]` is refused). Whether Shopee merges a repeated parameter is not
 *  documented, so the simulator refuses it rather than silently answering for the first value. */
export function repeatedListParam(ctx: Ctx, name: string): SimResponse | null {
  return ctx.req.query.getAll(name).length > 1 ? param(`${name} must be one comma-separated value, not a repeated parameter`) : null;
}

export function getItemBaseInfo(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const repeated = repeatedListParam(ctx, 'item_id_list');
  if (repeated) return repeated;
  const ids = parseIdList(ctx.req.query.get('item_id_list'), 50);
  if (typeof ids === 'string') return param(ids);
  const list = [];
  const missing = [];
  for (const id of ids) {
    const it = shop!.items.get(String(id));
    if (it) list.push(baseInfo(shop!, it));
    else missing.push(id);
  }
  return ok({ item_list: list }, missing.length ? `item_id not found: ${missing.join(',')}` : '');
}

export function getModelList(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const id = ctx.req.query.get('item_id');
  if (!id || !/^\d+$/.test(id)) return param('item_id is required');
  const it = shop!.items.get(id);
  if (!it) return fail(200, 'error_item_not_found', 'Product not found');
  const tiers = tiersOf(it);
  return ok({
    tier_variation: tiers.map((t) => ({ name: t.name, option_list: t.options.map((o) => ({ option: o })) })),
    model: it.hasVariants
      ? it.variants.map((v) => ({
          model_id: Number(v.variantId),
          model_sku: v.sellerSku,
          model_status: 'MODEL_NORMAL',
          tier_index: tierIndexOf(it, v),
          price_info: priceInfo(shop!, v),
          stock_info_v2: stockInfo(shop!, v),
        }))
      : [],
  });
}

export function searchItem(ctx: Ctx, _app: App, shop: Shop | undefined): SimResponse {
  const q = ctx.req.query;
  const sku = q.get('item_sku');
  const ps = q.get('page_size');
  const offset = q.get('offset') ?? '0';
  if (!ps || !/^\d+$/.test(ps) || Number(ps) < 1 || Number(ps) > 100) return param('page_size should be between 1 and 100');
  if (!/^\d+$/.test(offset)) return param('offset is invalid');
  if (!sku) return param('item_sku is required');
  const ids = [...new Set(shop!.items.bySku(sku).filter((r) => !gone(r.item)).map((r) => Number(r.item.itemId)))].sort((a, b) => a - b);
  const off = Number(offset);
  const page = ids.slice(off, off + Number(ps));
  const next = off + page.length;
  return ok({ item_id_list: page, total_count: ids.length, ...(next < ids.length ? { next_offset: String(next) } : {}) });
}

export function updateStock(ctx: Ctx, _app: App, shop: Shop | undefined, body: Body): SimResponse {
  const s = shop!;
  if (!isInt(body.item_id)) return param('item_id is required and must be an integer');
  const list = body.stock_list;
  if (!Array.isArray(list) || list.length < 1 || list.length > 50) return param('stock_list length should be between 1 and 50');
  const it = s.items.get(String(body.item_id));
  if (gone(it)) return fail(200, 'error_item_not_found', 'Product not found');
  const item = it!;
  const reject = ctx.state.faultFor('shopee', s.shopId).rejectSkus;
  const success_list: unknown[] = [];
  const failure_list: unknown[] = [];
  const hasWarehouses = s.locations.some((l) => l.id);
  let changed = false;
  if (!list.every((e) => isObj(e) && isInt(e.model_id))) return param('stock_list.model_id is required');
  for (const e of list as Body[]) {
    const mid = e.model_id as number;
    const failEntry = (reason: string): void => void failure_list.push({ model_id: mid, failed_reason: reason });
    const v = item.hasVariants ? item.variants.find((x) => x.variantId === String(mid)) : mid === 0 ? item.variants[0] : undefined;
    if (!v) {
      failEntry(item.hasVariants && mid === 0 ? 'This item has models, model_id should not be 0.' : 'model_id is invalid.');
      continue;
    }
    if (!Array.isArray(e.seller_stock) || e.seller_stock.length === 0) {
      failEntry('seller_stock is required.');
      continue;
    }
    const sets: [number, number][] = [];
    let err = '';
    for (const ss of e.seller_stock) {
      if (!isObj(ss) || !isInt(ss.stock) || ss.stock < 0 || ss.stock > 999_999) {
        err = 'stock is invalid, should be an integer between 0 and 999999.';
        break;
      }
      const loc = ss.location_id;
      let idx: number;
      if (hasWarehouses) {
        if (typeof loc !== 'string' || !loc) {
          err = 'Lack of location_id, please double check.';
          break;
        }
        idx = s.locations.findIndex((l) => l.id === loc);
      } else idx = loc === undefined || loc === '' ? 0 : -1;
      if (idx < 0) {
        err = "The location_id input is not matched the shop's location_id(more/wrong). Please double check.";
        break;
      }
      sets.push([idx, ss.stock]);
    }
    if (!err && reject.has(v.sellerSku)) err = 'Stock update is rejected for this model (simulated rejection).';
    if (!err) {
      const next = v.stock.slice();
      for (const [i, n] of sets) next[i] = n;
      if (next.reduce((a, b) => a + b, 0) < v.reserved) err = 'Total stock must be more than reserved stock.';
      else {
        v.stock = next;
        v.updatedAt = ctx.state.now();
        changed = true;
        ctx.state.stockEvent(s, item, v);
        for (const [i, n] of sets) success_list.push({ model_id: mid, location_id: s.locations[i]!.id, stock: n });
      }
    }
    if (err) {
      failEntry(err);
      ctx.state.countRejected(s, 'entry_failed');
    }
  }
  ctx.state.countStockCall(s, list.length);
  if (changed) s.items.touch(item, ctx.state.now());
  return ok({ success_list, failure_list });
}

export function updatePrice(ctx: Ctx, _app: App, shop: Shop | undefined, body: Body): SimResponse {
  const s = shop!;
  if (!isInt(body.item_id)) return param('item_id is required and must be an integer');
  const list = body.price_list;
  if (!Array.isArray(list) || list.length < 1 || list.length > 50) return param('price_list length should be between 1 and 50');
  const it = s.items.get(String(body.item_id));
  if (gone(it)) return fail(200, 'error_item_not_found', 'Product not found');
  const item = it!;
  const success_list: unknown[] = [];
  const failure_list: unknown[] = [];
  if (!list.every((e) => isObj(e) && isInt(e.model_id))) return param('price_list.model_id is required');
  for (const e of list as Body[]) {
    const v = item.hasVariants ? item.variants.find((x) => x.variantId === String(e.model_id)) : e.model_id === 0 ? item.variants[0] : undefined;
    if (!v) failure_list.push({ model_id: e.model_id, failed_reason: 'model_id is invalid.' });
    else if (typeof e.original_price !== 'number' || !(e.original_price > 0)) failure_list.push({ model_id: e.model_id, failed_reason: 'Invalid price, please use the correct format' });
    else {
      v.price = round2(e.original_price);
      success_list.push({ model_id: e.model_id, original_price: v.price });
    }
  }
  if (success_list.length) s.items.touch(item, ctx.state.now());
  return ok({ success_list, failure_list });
}

export function addItem(ctx: Ctx, _app: App, shop: Shop | undefined, body: Body): SimResponse {
  const s = shop!;
  const name = body.item_name;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 120) return param('item_name length should be between 1 and 120');
  if (typeof body.description !== 'string' || !body.description) return param('description is required');
  if (typeof body.original_price !== 'number' || !(body.original_price > 0)) return fail(200, 'error_invalid_price', 'Invalid price, please use the correct format');
  if (typeof body.weight !== 'number' || !(body.weight > 0)) return fail(400, 'error_param', 'Invalid Weight.');
  if (!isInt(body.category_id)) return fail(400, 'error_param', 'Invalid category.');
  const img = isObj(body.image) ? body.image.image_id_list : undefined;
  if (!Array.isArray(img) || img.length < 1 || img.length > 9 || !img.every((x) => typeof x === 'string')) return param('image.image_id_list should have 1 to 9 images');
  const ss = body.seller_stock;
  if (!Array.isArray(ss) || ss.length === 0 || !ss.every((x) => isObj(x) && isInt(x.stock) && x.stock >= 0)) return param('seller_stock is required');
  const status = body.item_status ?? 'NORMAL';
  if (status !== 'NORMAL' && status !== 'UNLIST') return param('item_status should be NORMAL or UNLIST');
  const checked = checkListing(ctx, body);
  if ('status' in checked) return checked;
  const sku = typeof body.item_sku === 'string' ? body.item_sku : '';
  const now = ctx.state.now();
  const it = s.items.add(
    buildItem(s, {
      title: name,
      description: body.description,
      status,
      images: (img as string[]).map((ref) => ctx.state.media.urlOfRef(ctx.state, 'shopee', ref)),
      categoryId: String(body.category_id),
      attributes: checked.attributes,
      brand: checked.brand,
      logistics: checked.logistics,
      createdAt: now,
      updatedAt: now,
      variants: [{ sellerSku: sku, price: body.original_price, stock: (ss[0] as { stock: number }).stock }],
    }),
  );
  return ok({ item_id: Number(it.itemId), item_name: it.title, item_status: it.status, item_sku: sku, price_info: priceInfo(s, it.variants[0]!) });
}

export function initTierVariation(ctx: Ctx, _app: App, shop: Shop | undefined, body: Body): SimResponse {
  const s = shop!;
  if (!isInt(body.item_id)) return param('item_id is required and must be an integer');
  const it = s.items.get(String(body.item_id));
  if (gone(it)) return fail(200, 'error_item_not_found', 'Product not found');
  const item = it!;
  if (item.hasVariants) return param('tier_variation already exists for this item, use update_tier_variation');
  const tv = body.tier_variation;
  if (!Array.isArray(tv) || tv.length < 1 || tv.length > 2) return param('tier_variation should have 1 or 2 tiers');
  const tiers: { name: string; options: string[] }[] = [];
  for (const t of tv) {
    if (!isObj(t) || typeof t.name !== 'string' || !t.name || !Array.isArray(t.option_list) || t.option_list.length === 0) return param('tier_variation.name and option_list are required');
    const opts = t.option_list.map((o) => (isObj(o) && typeof o.option === 'string' ? o.option : ''));
    if (opts.some((o) => !o)) return param('option_list.option is required');
    tiers.push({ name: t.name, options: opts });
  }
  const models = body.model;
  if (!Array.isArray(models) || models.length < 1 || models.length > 50) return param('model length should be between 1 and 50');
  const seen = new Set<string>();
  const specs: { idx: number[]; price: number; sku: string; stock: number }[] = [];
  for (const m of models) {
    if (!isObj(m) || !Array.isArray(m.tier_index) || m.tier_index.length !== tiers.length) return param('model.tier_index does not match tier_variation');
    const idx = m.tier_index as unknown[];
    if (!idx.every((x, i) => isInt(x) && x >= 0 && x < tiers[i]!.options.length)) return param('model.tier_index is out of range');
    const key = idx.join(',');
    if (seen.has(key)) return param('model.tier_index is duplicated');
    seen.add(key);
    if (typeof m.original_price !== 'number' || !(m.original_price > 0)) return fail(200, 'error_invalid_price', 'Invalid price, please use the correct format');
    const st = Array.isArray(m.seller_stock) && isObj(m.seller_stock[0]) && isInt(m.seller_stock[0].stock) ? m.seller_stock[0].stock : NaN;
    if (!(st >= 0)) return param('model.seller_stock is required');
    specs.push({ idx: idx as number[], price: m.original_price, sku: typeof m.model_sku === 'string' ? m.model_sku : '', stock: st });
  }
  for (const v of item.variants) s.items.unindexVariant(item, v);
  const now = ctx.state.now();
  item.hasVariants = true;
  item.tiers = tiers;
  item.tierName = tiers.map((t) => t.name).join(' / ');
  item.variants = specs.map((sp) => {
    const v: Variant = {
      variantId: s.ids.variant.next(),
      sellerSku: sp.sku,
      price: round2(sp.price),
      stock: s.locations.map((_, i) => (i === 0 ? sp.stock : 0)),
      reserved: 0,
      option: sp.idx.map((k, i) => tiers[i]!.options[k]).join(', '),
      inventoryItemId: '',
      tierIndex: sp.idx,
      createdAt: now,
      updatedAt: now,
    };
    s.items.indexVariant(item, v);
    return v;
  });
  s.items.touch(item, now);
  return ok({
    item_id: Number(item.itemId),
    tier_variation: tv,
    model: item.variants.map((v) => ({ model_id: Number(v.variantId), tier_index: v.tierIndex, model_sku: v.sellerSku, original_price: v.price, seller_stock: [{ stock: totalStock(v) }] })),
  });
}

