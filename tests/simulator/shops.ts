// Creating shops and items, platform status vocabularies, and the control-API item shape.
import { generateItems, idGens } from './data.ts';
import { MediaStore, resolveImageUrl, sourceImage } from './media.ts';
import { OrderStore } from './orders.ts';
import { type Shop, type SimState, emptyStats } from './state.ts';
import { type Item, ItemStore, type Variant } from './store.ts';
import { type Platform, isInt, isObj, randomAlnum, round2 } from './util.ts';

export const STATUSES: Record<Platform, { active: string; inactive: string; deleted: string; all: string[] }> = {
  shopee: { active: 'NORMAL', inactive: 'UNLIST', deleted: 'SELLER_DELETE', all: ['NORMAL', 'BANNED', 'UNLIST', 'REVIEWING', 'SELLER_DELETE', 'SHOPEE_DELETE'] },
  lazada: { active: 'Active', inactive: 'InActive', deleted: 'Deleted', all: ['Active', 'InActive', 'Deleted', 'Pending QC', 'Rejected'] },
  tiktok: {
    active: 'ACTIVATE',
    inactive: 'SELLER_DEACTIVATED',
    deleted: 'DELETED',
    all: ['ACTIVATE', 'SELLER_DEACTIVATED', 'PLATFORM_DEACTIVATED', 'DRAFT', 'PENDING', 'FAILED', 'FREEZE', 'DELETED'],
  },
  // Shopify has no soft delete: a deleted product is gone.
  shopify: { active: 'ACTIVE', inactive: 'DRAFT', deleted: '', all: ['ACTIVE', 'DRAFT', 'ARCHIVED'] },
  woocommerce: { active: 'publish', inactive: 'draft', deleted: 'trash', all: ['publish', 'draft', 'pending', 'private', 'future', 'trash'] },
};
const CURRENCY: Record<Platform, string> = { shopee: 'SGD', lazada: 'SGD', tiktok: 'USD', shopify: 'USD', woocommerce: 'USD' };
const LABEL: Record<Platform, string> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop', shopify: 'Shopify', woocommerce: 'WooCommerce' };

export interface CreateShopOpts {
  platform: Platform;
  items?: number;
  variantsPerItem?: number;
  seed?: number;
  skuPrefix?: string;
  name?: string;
  locations?: number;
  /** First SKU number (benchmarks lay stores over overlapping windows of one catalogue). */
  firstSkuNo?: number;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

export function createShop(state: SimState, o: CreateShopOpts): Shop {
  const k = ++state.shopCounter;
  const p = o.platform;
  const seed = o.seed ?? 1;
  const name = o.name ?? `${LABEL[p]} Demo ${k}`;
  let shopId: string;
  let domain = '';
  switch (p) {
    case 'shopee':
      shopId = String(300_000_000 + k * 7919);
      break;
    case 'lazada':
      shopId = String(1_000_000_000 + k * 7919);
      break;
    case 'tiktok':
      shopId = `7494${String(100_000_000_000_000 + k * 7_919_011).padStart(15, '0')}`;
      break;
    case 'shopify': {
      let base = o.name ? slug(o.name) || `demo-${k}` : `demo-${k}`;
      const taken = new Set([...state.shops.values()].map((s) => s.domain));
      if (taken.has(`${base}.myshopify.com`)) base = `${base}-${k}`;
      domain = `${base}.myshopify.com`;
      shopId = domain;
      break;
    }
    case 'woocommerce':
      shopId = `site-${k}`;
      break;
  }
  const nLoc = p === 'woocommerce' ? 1 : Math.max(1, Math.min(10, Math.floor(o.locations ?? 1)));
  const locations = [];
  for (let i = 0; i < nLoc; i++) {
    switch (p) {
      case 'shopee': // one location = a shop without warehouses (no location_id)
        locations.push({ id: nLoc === 1 ? '' : `SG${String.fromCharCode(90 - i)}`, name: `Warehouse ${i + 1}` });
        break;
      case 'lazada':
        locations.push({ id: i === 0 ? 'dropshipping' : `wh-${i + 1}`, name: i === 0 ? 'Dropshipping' : `Warehouse ${i + 1}` });
        break;
      case 'tiktok':
        locations.push({ id: `7311${String(500_000_000_000_000 + k * 1000 + i).padStart(15, '0')}`, name: `Warehouse ${i + 1}` });
        break;
      case 'shopify':
        locations.push({ id: String(70_000_000_000 + k * 100 + i), name: i === 0 ? 'Shop location' : `Location ${i + 1}` });
        break;
      case 'woocommerce':
        locations.push({ id: '', name: 'Store' });
        break;
    }
  }
  const app = state.createApp(p, { ownerShopId: shopId });
  const shop: Shop = {
    shopId,
    platform: p,
    name,
    createdAt: state.now(),
    seed,
    skuPrefix: o.skuPrefix ?? 'SKU',
    skuCounter: 0,
    locations,
    items: new ItemStore(),
    ids: idGens(p, seed),
    currency: CURRENCY[p],
    appId: app.appId,
    accessToken: '',
    refreshToken: '',
    cipher: p === 'tiktok' ? `ROW_${randomAlnum(30)}` : '',
    region: p === 'tiktok' ? 'US' : p === 'lazada' ? 'SG' : '',
    sellerId: p === 'lazada' ? shopId : '',
    domain,
    wooKeys: [],
    appPasswords: [],
    userLogin: 'admin',
    usedNonces: new Map(),
    stats: emptyStats(),
    stockEvents: [],
    orders: new OrderStore(),
  };
  if (p === 'woocommerce') {
    shop.wooKeys.push({ consumerKey: `ck_${randomAlnum(40).toLowerCase()}`, consumerSecret: `cs_${randomAlnum(40).toLowerCase()}`, permissions: 'read_write', revoked: false });
  }
  state.shops.set(shopId, shop);
  if (p !== 'woocommerce') {
    const t = state.issueTokens(shop, app.appId);
    shop.accessToken = t.access.token;
    shop.refreshToken = p === 'shopify' ? '' : t.refresh.token;
  }
  const n = Math.max(0, Math.floor(o.items ?? 10));
  if (n > 0) {
    const specs = generateItems({ seed, count: n, variantsPerItem: o.variantsPerItem ?? 1, skuPrefix: shop.skuPrefix, now: state.now(), firstSkuNo: o.firstSkuNo });
    shop.skuCounter = (o.firstSkuNo ?? 1) - 1 + specs.reduce((a, s) => a + s.variants.length, 0);
    shop.items.addMany(
      specs.map((s) =>
        buildItem(shop, {
          title: s.title,
          description: s.description,
          status: s.active ? STATUSES[p].active : STATUSES[p].inactive,
          tierName: s.tierName,
          images: [seededImage(state, p, s.image)],
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
          variants: s.variants,
        }),
      ),
    );
  }
  return shop;
}

/** A seeded listing's image: on a marketplace, an image it hosts (made from the name when asked
 *  for); on Shopify and WooCommerce, a plain URL of the simulator's image source. */
function seededImage(state: SimState, p: Platform, name: string): string {
  if (p === 'shopee' || p === 'lazada' || p === 'tiktok') return MediaStore.seededUrl(state, p, name);
  return `${state.baseUrl}/__sim/images/${name}.jpg`;
}

/** Images of an item the seller lists on the platform directly (control API): a marketplace
 *  hosts them as the seller's upload would (an unreachable URL stands for a file from their
 *  computer, generated from its name); Shopify and WooCommerce keep the URLs. */
function hostedImages(state: SimState, p: Platform, urls: string[]): string[] {
  if (p !== 'shopee' && p !== 'lazada' && p !== 'tiktok') return urls;
  return urls.map((u) => {
    const found = resolveImageUrl(state, u);
    const img = typeof found === 'string' ? sourceImage(`upload-${u.replace(/[^a-z0-9]+/gi, '-').slice(-40)}.jpg`)! : found;
    return state.media.host(state, p, img).url;
  });
}

export interface NewVariant {
  sellerSku: string;
  price: number;
  stock: number | number[];
  option?: string;
}
export interface NewItem {
  title: string;
  description?: string;
  status: string;
  tierName?: string;
  images?: string[];
  categoryId?: string;
  attributes?: { id: string; value: string }[];
  brand?: string;
  logistics?: string[];
  createdAt: number;
  updatedAt: number;
  variants: NewVariant[];
  /** Force variants even for one entry (Shopee init_tier_variation, Woo variable). */
  forceVariants?: boolean;
}

/** Build (not yet add) an item with platform-shaped ids. */
export function buildItem(shop: Shop, n: NewItem): Omit<Item, 'seq'> {
  const p = shop.platform;
  const itemId = shop.ids.item.next();
  const hasVariants = n.forceVariants || n.variants.length > 1;
  const variants = n.variants.map((v) => newVariant(shop, itemId, hasVariants, v, n.createdAt));
  return {
    itemId,
    title: n.title,
    description: n.description ?? '',
    status: n.status,
    hasVariants: p === 'shopee' || p === 'woocommerce' ? hasVariants : variants.length > 1,
    tierName: n.tierName ?? (hasVariants ? 'Variation' : ''),
    variants,
    images: n.images ?? [],
    categoryId: n.categoryId ?? '100001',
    ...(n.attributes ? { attributes: n.attributes } : {}),
    ...(n.brand !== undefined ? { brand: n.brand } : {}),
    ...(n.logistics ? { logistics: n.logistics } : {}),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    gone: false,
  };
}

export function newVariant(shop: Shop, itemId: string, hasVariants: boolean, v: NewVariant, now: number): Variant {
  const p = shop.platform;
  let variantId: string;
  if (!hasVariants && p === 'shopee') variantId = '0';
  else if (!hasVariants && p === 'woocommerce') variantId = itemId;
  else variantId = shop.ids.variant.next();
  const stock = shop.locations.map((_, i) => (Array.isArray(v.stock) ? (v.stock[i] ?? 0) : i === 0 ? v.stock : 0));
  return {
    variantId,
    sellerSku: v.sellerSku,
    price: round2(v.price),
    stock,
    reserved: 0,
    option: v.option ?? '',
    inventoryItemId: p === 'shopify' ? shop.ids.inventory.next() : '',
    createdAt: now,
    updatedAt: now,
  };
}

export function totalStock(v: Variant): number {
  return v.stock.reduce((a, b) => a + b, 0);
}

/** Control-API ids: Shopify ids are GIDs, everything else the platform's own id string. */
export function controlItemId(shop: Shop, item: Item): string {
  return shop.platform === 'shopify' ? `gid://shopify/Product/${item.itemId}` : item.itemId;
}
export function controlVariantId(shop: Shop, v: Variant): string {
  return shop.platform === 'shopify' ? `gid://shopify/ProductVariant/${v.variantId}` : v.variantId;
}
export function toControlItem(shop: Shop, item: Item): Record<string, unknown> {
  return {
    itemId: controlItemId(shop, item),
    title: item.title,
    status: item.status,
    updatedAt: item.updatedAt,
    variants: item.variants.map((v) => ({ variantId: controlVariantId(shop, v), sellerSku: v.sellerSku, stock: totalStock(v), price: v.price })),
  };
}
/** GET /__sim/shops/{id}/items/{itemId}: the item with its images as the platform stores them,
 *  its category, attributes and brand (SIMULATOR.md). */
export function toControlItemDetail(shop: Shop, item: Item): Record<string, unknown> {
  return {
    ...toControlItem(shop, item),
    images: item.images,
    categoryId: item.categoryId,
    attributes: item.attributes ?? [],
    brand: item.brand ?? null,
    ...(shop.platform === 'shopee' ? { logistics: item.logistics ?? [] } : {}),
  };
}

/** Find an item by control id (GID or bare id). */
export function findItem(shop: Shop, id: string): Item | undefined {
  const m = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(id);
  return shop.items.get(m ? m[1]! : id);
}

/** Map a generic or native status to the platform's vocabulary; undefined when unknown. */
export function nativeStatus(p: Platform, s: string): string | undefined {
  const st = STATUSES[p];
  const g = s.toLowerCase();
  if (g === 'active') return st.active;
  if (g === 'inactive') return st.inactive;
  if (g === 'deleted') return st.deleted || 'DELETED';
  return st.all.find((x) => x.toLowerCase() === g);
}

/** PATCH /__sim/shops/{id}/items/{itemId}. Returns an error message or undefined. */
export function patchItem(state: SimState, shop: Shop, item: Item, body: Record<string, unknown>): string | undefined {
  const p = shop.platform;
  if (body.title !== undefined) {
    if (typeof body.title !== 'string' || !body.title) return 'title must be a non-empty string';
    item.title = body.title;
  }
  let toDelete = body.deleted === true;
  if (body.status !== undefined) {
    const ns = typeof body.status === 'string' ? nativeStatus(p, body.status) : undefined;
    if (!ns) return `unknown status for ${p}: ${String(body.status)} (use active|inactive|deleted or one of ${STATUSES[p].all.join(', ')})`;
    if (ns === 'DELETED' && p === 'shopify') toDelete = true;
    else item.status = ns;
  }
  if (body.variants !== undefined) {
    if (!Array.isArray(body.variants)) return 'variants must be an array';
    for (const pv of body.variants) {
      if (!isObj(pv) || typeof pv.variantId !== 'string') return 'each variant patch needs variantId';
      const vid = pv.variantId.replace(/^gid:\/\/shopify\/ProductVariant\//, '');
      const v = item.variants.find((x) => x.variantId === vid);
      if (!v) return `variant ${pv.variantId} not in item`;
      if (pv.sellerSku !== undefined) {
        if (typeof pv.sellerSku !== 'string') return 'sellerSku must be a string';
        shop.items.setSku(item, v, pv.sellerSku);
      }
      if (pv.stock !== undefined) {
        if (!isInt(pv.stock)) return 'stock must be an integer';
        v.stock = v.stock.map((_, i) => (i === 0 ? (pv.stock as number) : 0));
      }
      if (pv.price !== undefined) {
        if (typeof pv.price !== 'number' || !(pv.price >= 0)) return 'price must be a number >= 0';
        v.price = round2(pv.price);
      }
      if (pv.reserved !== undefined) {
        if (!isInt(pv.reserved) || pv.reserved < 0) return 'reserved must be an integer >= 0';
        v.reserved = pv.reserved;
      }
      v.updatedAt = state.now();
    }
  }
  if (toDelete) {
    if (p === 'shopify') shop.items.markGone(item);
    else item.status = STATUSES[p].deleted;
  }
  shop.items.touch(item, state.now());
  return undefined;
}

/** POST /__sim/shops/{id}/items body → NewItem, or an error message. */
export function controlNewItem(state: SimState, shop: Shop, body: Record<string, unknown>): NewItem | string {
  if (typeof body.title !== 'string' || !body.title) return 'title is required';
  const vs = body.variants ?? [{}];
  if (!Array.isArray(vs) || vs.length === 0) return 'variants must be a non-empty array';
  const variants: NewVariant[] = [];
  for (const v of vs) {
    if (!isObj(v)) return 'variant must be an object';
    const sku = v.sellerSku ?? `${shop.skuPrefix}-${++shop.skuCounter}`;
    if (typeof sku !== 'string') return 'sellerSku must be a string';
    const stock = v.stock ?? 0;
    const price = v.price ?? 10;
    // stock: one number (the first location) or one per location (multi-warehouse sellers).
    const stockOk = Array.isArray(stock) ? stock.length > 0 && stock.length <= shop.locations.length && stock.every((n) => isInt(n) && n >= 0) : isInt(stock);
    if (!stockOk || typeof price !== 'number') return 'stock must be an integer (or one per location) and price a number';
    variants.push({ sellerSku: sku, stock: stock as number | number[], price, option: typeof v.option === 'string' ? v.option : variants.length ? `Option ${variants.length + 1}` : vs.length > 1 ? 'Option 1' : '' });
  }
  const status = body.status === undefined ? STATUSES[shop.platform].active : typeof body.status === 'string' ? nativeStatus(shop.platform, body.status) : undefined;
  if (!status) return `unknown status ${String(body.status)}`;
  const images = body.images ?? [];
  if (!Array.isArray(images) || !images.every((u) => typeof u === 'string' && u)) return 'images must be an array of URLs';
  if (body.categoryId !== undefined && typeof body.categoryId !== 'string') return 'categoryId must be a string';
  if (body.brand !== undefined && typeof body.brand !== 'string') return 'brand must be a string';
  const attrs = body.attributes ?? [];
  if (!Array.isArray(attrs) || !attrs.every((a) => isObj(a) && typeof a.id === 'string' && typeof a.value === 'string')) return 'attributes must be [{id, value}] strings';
  const now = state.now();
  return {
    title: body.title, description: typeof body.description === 'string' ? body.description : '', status, createdAt: now, updatedAt: now, variants,
    images: hostedImages(state, shop.platform, images as string[]),
    ...(body.categoryId !== undefined ? { categoryId: body.categoryId as string } : {}),
    ...(attrs.length ? { attributes: attrs as { id: string; value: string }[] } : {}),
    ...(body.brand !== undefined ? { brand: body.brand as string } : {}),
  };
}
