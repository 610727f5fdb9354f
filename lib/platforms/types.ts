// The one interface every platform adapter implements. Adapters are plain TypeScript over
// `fetch`: the same code runs in the service worker and in Node tests against the simulator.
// One method call = the platform calls it documents, no hidden retries except a token refresh;
// waiting, backoff and rate limits belong to the caller (the sync engine, the download job).

export const PLATFORMS = ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Credentials a store holds (platforms/README.md). Secrets: never leave the background. */
export type Credentials =
  | { platform: 'shopee'; partnerId: string; partnerKey: string; shopId: string; accessToken: string; refreshToken: string; accessTokenExpiresAt?: number }
  | { platform: 'lazada'; appKey: string; appSecret: string; accessToken: string; refreshToken: string; accessTokenExpiresAt?: number }
  | { platform: 'tiktok'; appKey: string; appSecret: string; accessToken: string; refreshToken: string; shopCipher: string; accessTokenExpiresAt?: number }
  | { platform: 'shopify'; shopDomain: string; accessToken: string }
  | { platform: 'woocommerce'; consumerKey?: string; consumerSecret?: string; username?: string; applicationPassword?: string };

export type CredentialsOf<P extends Platform> = Extract<Credentials, { platform: P }>;

/** Who a store is on its platform, as the platform names it (not secret: the seller sees these
 *  in their console). Learnt at connect and on re-authorization; tells same-named stores apart
 *  and lets a console URL that names its shop be matched to the store. */
export interface ShopIdentity {
  /** Shopee shop_id, TikTok shop id. */
  shopId?: string;
  /** Lazada seller_id. */
  sellerId?: string;
  /** Lazada short_code, TikTok shop code. */
  shortCode?: string;
  /** TikTok shop_cipher (an identifier the API wants on shop calls, not a credential). */
  cipher?: string;
  /** Shopify {shop}.myshopify.com. */
  domain?: string;
  /** WooCommerce site URL. */
  site?: string;
  /** Country or region code as the platform gives it (SG, US, ...). */
  region?: string;
  /** The shop's name on the platform (the store's name in Shelfsync is the seller's choice). */
  name?: string;
}

/** Where a store's platform lives. Defaults are the production hosts; the simulator overrides. */
export interface PlatformEndpoints {
  /** Base of the documented API paths (Shopee `/api/v2/...` is appended to it, Lazada `/products/get` ...). */
  apiBaseUrl: string;
  /** Lazada: `https://auth.lazada.com` (authorize page `/oauth/authorize`, tokens `/rest/auth/token/*`);
   *  TikTok: `https://auth.tiktok-shops.com` (tokens `/api/v2/token/*`). Others: unused. */
  authBaseUrl?: string;
  /** TikTok: `https://services.tiktokshop.com` (authorize page `/open/authorize`). Others: unused. */
  authorizeBaseUrl?: string;
  /** Shopify Admin API version, e.g. `2026-10` (lib/platforms/shopify/versions.ts). */
  apiVersion?: string;
  /** Shopify: the location whose stock Shelfsync reads and writes (a Location GID); absent = the
   *  shop's primary location. */
  locationId?: string;
}

/** Lets an adapter persist refreshed tokens *before* using them (Shopee's refresh token works once). */
export interface CredentialHolder<P extends Platform = Platform> {
  get(): CredentialsOf<P>;
  save(next: CredentialsOf<P>): Promise<void>;
}

export type PlatformErrorKind = 'auth' | 'rate_limited' | 'temporary' | 'invalid' | 'not_found';

/** Every failure an adapter throws is classified, so the engine can map it to a state change. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    public readonly kind: PlatformErrorKind,
    message: string,
    public readonly opts: { retryAfterMs?: number; platformCode?: string; httpStatus?: number } = {},
  ) {
    super(message);
  }
  get retryAfterMs(): number | undefined {
    return this.opts.retryAfterMs;
  }
}

export type ItemStatus = 'active' | 'inactive' | 'deleted' | 'pending' | 'rejected';

/** What a platform calls one sellable variant, normalised. `ref` carries the platform's own
 *  handles a later stock call needs (Shopify inventory item id, TikTok warehouse ids, Lazada
 *  SellerSku, Shopee location ids): opaque to everything but the adapter that made it. */
export interface PlatformVariant {
  platformVariantId: string;
  sellerSku: string;
  price: number | null;
  stock: number;
  options?: Record<string, string>;
  ref?: Record<string, unknown>;
}

export interface PlatformItem {
  platformItemId: string;
  title: string;
  status: ItemStatus;
  description?: string;
  imageUrls: string[];
  /** Platform's last update time, epoch ms. */
  updatedAt: number;
  variants: PlatformVariant[];
  /** Platform-specific fields worth keeping (category id, brand, weight, ...). */
  extra?: Record<string, unknown>;
}

export interface ListItemsOptions {
  /** Opaque cursor returned by the previous page; absent = first page. */
  cursor?: string | null;
  /** Incremental download: only items updated at or after this epoch-ms time. */
  updatedSince?: number;
  /** Defaults to the platform's maximum page size. */
  pageSize?: number;
  /** The caller reads every listing (a full download): an adapter may use the platform's bulk
   *  export (Shopify bulk operations), whose first pages come empty while the platform prepares
   *  it. Without `updatedSince` only; the cursor carries it on. */
  wholeStore?: boolean;
}

export interface ListItemsPage {
  items: PlatformItem[];
  /** null when there is no next page. */
  nextCursor: string | null;
  total?: number;
}

/** A variant's identity within its store: the platform's variant id is only unique within its
 *  item (Shopee's model 0), so rows, stock updates and their results match on both ids. */
export function variantKey(v: { platformItemId: string; platformVariantId: string }): string {
  return `${v.platformItemId}\u0000${v.platformVariantId}`;
}

export interface StockUpdate {
  platformItemId: string;
  platformVariantId: string;
  sellerSku: string;
  /** Absolute quantity to set; never a delta. */
  quantity: number;
  ref?: Record<string, unknown>;
}

export interface StockResult {
  platformItemId: string;
  platformVariantId: string;
  ok: boolean;
  error?: { kind: PlatformErrorKind; code?: string; message: string };
}

export interface NewListing {
  title: string;
  description: string;
  imageUrls: string[];
  price: number;
  categoryId?: string;
  brand?: string;
  weightGrams?: number;
  variants: { sellerSku: string; price: number; stock: number; options?: Record<string, string> }[];
  extra?: Record<string, unknown>;
  /** The images as the platform hosts them (`hostImage`), in order; marketplaces create only from these. */
  images?: HostedImage[];
  /** The category's attributes, values as the platform lists them (an option's id where it has one). */
  attributes?: { id: string; values: { id?: string; name: string }[]; level?: 'product' | 'sku' }[];
  /** A brand of `listBrands`; `NO_BRAND_ID` for "No brand" where the category allows it. */
  brandId?: string;
  /** Shopee: logistics channels to enable on the item. */
  logisticsChannelIds?: string[];
  /** TikTok: the sales warehouse that holds the new SKUs' stock. */
  warehouseId?: string;
}

// ---- What a marketplace needs of a new listing (its catalogue), read per store ----

export interface CatalogCategory {
  id: string;
  /** null for a root. */
  parentId: string | null;
  name: string;
  /** Only leaf categories take listings. */
  leaf: boolean;
}

export type AttributeInput = 'text' | 'number' | 'select' | 'multiselect';

export interface CatalogAttribute {
  /** The platform's attribute id (Lazada: its attribute name). */
  id: string;
  name: string;
  required: boolean;
  inputType: AttributeInput;
  /** Values to choose from (`id` where the platform numbers them). */
  options: { id?: string; name: string }[];
  /** A value outside `options` is accepted too. */
  custom: boolean;
  /** Lazada's SKU-level attributes (package size): sent on every SKU. */
  level?: 'product' | 'sku';
}

export interface CatalogBrand {
  id: string;
  name: string;
}

/** The brand id that means "No brand" on every adapter (Shopee's brand_id 0; Lazada's "No Brand";
 *  TikTok: no brand_id). */
export const NO_BRAND_ID = '0';

export interface CategoryRules {
  attributes: CatalogAttribute[];
  brand: { required: boolean; noBrandAllowed: boolean };
}

export interface LogisticsChannel {
  id: string;
  name: string;
  enabled: boolean;
}

export interface PlatformWarehouse {
  id: string;
  name: string;
  kind: 'sales' | 'return';
  isDefault: boolean;
}

/** An image the platform hosts: Shopee image_id, Lazada URL, TikTok uri (`ref`) and where it shows. */
export interface HostedImage {
  ref: string;
  url: string;
}

export interface CreatedListing {
  platformItemId: string;
  variants: { sellerSku: string; platformVariantId: string }[];
}

/** An order's status in Shelfsync's words (ORDERS.md): what the line state machine needs.
 *  `unpaid` reserves only when the store says so; `open` = paid, ready to ship, packed, on hold;
 *  `shipped` = shipped, in transit, delivered, completed; `cancelled` = cancelled or failed
 *  before it shipped; `returned` = returned, refunded or cancelled after it shipped. */
export type OrderStatus = 'unpaid' | 'open' | 'shipped' | 'cancelled' | 'returned';
export const ORDER_STATUSES = ['unpaid', 'open', 'shipped', 'cancelled', 'returned'] as const;

/** Units of one listing variant in one order, all in one status. Per-unit platforms (Lazada,
 *  TikTok) are folded into one line per (variant, status); a variant whose units differ in
 *  status (one of three cancelled) gives one line per status. */
export interface PlatformOrderLine {
  platformItemId: string;
  platformVariantId: string;
  sellerSku: string;
  quantity: number;
  status: OrderStatus;
}

export interface PlatformOrder {
  platformOrderId: string;
  /** What the seller calls the order in the console (Shopify #1001, Lazada order number). */
  displayName?: string;
  status: OrderStatus;
  /** The platform's own status word(s), for the seller to recognise. */
  platformStatus: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  lines: PlatformOrderLine[];
}

export interface ListOrdersOptions {
  /** Orders updated at or after this epoch-ms time (the caller keeps the overlap). */
  updatedSince: number;
  /** Opaque cursor from the previous page of the same scan; absent = first page. */
  cursor?: string | null;
  pageSize?: number;
}

export interface ListOrdersPage {
  /** In the platform's update order (oldest change first). */
  orders: PlatformOrder[];
  /** null when the scan is complete. */
  nextCursor: string | null;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /** The most variants one stock-update call may carry (Lazada 50, Shopee 50 models of one item,
   *  TikTok 100 SKUs of one product, Shopify 250, WooCommerce 100). */
  readonly maxStockBatch: number;
  /** Cheap authenticated call; answers the shop's display name and what the platform says of
   *  the shop's identity, when it gives them. */
  testConnection(): Promise<{ shopName?: string; identity?: ShopIdentity }>;
  listItems(opts?: ListItemsOptions): Promise<ListItemsPage>;
  /** Groups updates into the fewest calls the platform allows; each group is one `setStock` call. */
  planStockCalls(updates: StockUpdate[]): StockUpdate[][];
  /** Exactly one platform stock call for one planned group; a result per entry. Throws
   *  PlatformError when the whole call fails (auth, throttling, outage). */
  setStock(group: StockUpdate[]): Promise<StockResult[]>;
  /** Reads current stock of the given variants (drift check). */
  readStock(refs: Omit<StockUpdate, 'quantity'>[]): Promise<{ platformVariantId: string; stock: number; platformItemId?: string }[]>;
  /** Release: create the item with its variants (two steps where the platform needs them). */
  createListing(listing: NewListing): Promise<CreatedListing>;
  /** Release recovery: the listing that carries this seller SKU (item or variant), or null.
   *  Lets a retried release find a create that landed before the worker stopped. */
  findItemBySellerSku?(sku: string): Promise<PlatformItem | null>;
  /** Release recovery on two-step platforms (Shopee, WooCommerce variable products): the item
   *  exists, its variants step did not finish — add the missing variants. */
  completeListing?(platformItemId: string, listing: NewListing): Promise<CreatedListing>;
  /** One page of the shop's orders changed since a time, oldest change first, with their lines
   *  (detail calls included: one page may be several platform calls). Paging stays within the
   *  platform's limits (Shopee's 15-day window, Lazada's 5,000 offset) by moving the window. */
  listOrders(opts: ListOrdersOptions): Promise<ListOrdersPage>;
  /** Shopify: the shop's locations, the primary one marked, for the store's location setting. */
  listLocations?(): Promise<PlatformLocation[]>;
  /** One listing in full, where the list call leaves parts out (TikTok's search has no images,
   *  brand or attributes): what a copy of it carries over. */
  getItem?(platformItemId: string): Promise<PlatformItem | null>;
  /** Marketplaces: the whole category tree (lib/catalog caches it per store). */
  listCategories?(): Promise<CatalogCategory[]>;
  /** A leaf category's attributes and brand rule. */
  categoryRules?(categoryId: string): Promise<CategoryRules>;
  /** Brands a category takes (all pages; "No brand" is not listed, see `NO_BRAND_ID`). */
  listBrands?(categoryId: string): Promise<CatalogBrand[]>;
  /** Shopee: the shop's logistics channels. */
  listLogisticsChannels?(): Promise<LogisticsChannel[]>;
  /** TikTok: the shop's warehouses (sales and return). */
  listWarehouses?(): Promise<PlatformWarehouse[]>;
  /** Marketplaces: put one image into the platform's own hosting (Shopee and TikTok upload the
   *  bytes, fetched here; Lazada migrates the URL itself). Throws `ImageError` (lib/platforms/media.ts)
   *  for an image that cannot be used, PlatformError for the call. */
  hostImage?(sourceUrl: string): Promise<HostedImage>;
}

export interface PlatformLocation {
  id: string;
  name: string;
  primary: boolean;
  active: boolean;
}
