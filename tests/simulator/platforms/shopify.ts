// Shopify Admin GraphQL fake (see docs/platforms/shopify.md), per shop under S/shopify/{shopDomain}.
// Auth: X-Shopify-Access-Token (HTTP 401 otherwise). Rate limit: cost leaky bucket per app+store,
// 2000 points, restoring 100/s; single query max 1000 (cost formula in gql-engine.ts). Throttled
// → HTTP 200 {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}.
// inventorySetQuantities is all-or-nothing: any userError (including a `rejectSkus` fault)
// applies none of the quantities, as Shopify's mutations do.
// Order reads (orders/order/ordersCount) resolve in shopify-orders.ts through this same path.
import { type Ctx, type SimResponse, faultGate, header, isFormBody, json, parseJsonBody } from '../http.ts';
import { CostBucket } from '../ratelimit.ts';
import { buildItem, newVariant } from '../shops.ts';
import type { Shop, Token } from '../state.ts';
import type { Item } from '../store.ts';
import { isInt, isObj, isoSeconds, requestId, round2, safeEqual } from '../util.ts';
import { Engine, FieldError, type GqlError, type Resolvers } from './gql-engine.ts';
import { type Directive, type Doc, type Field, GqlSyntaxError, type Operation, evalValue, parseDocument } from './graphql.ts';
import { STORAGE_HOST, bulkResolvers, serveBulkResult } from './shopify-bulk.ts';
import { countIfOrderCall, orderResolvers } from './shopify-orders.ts';
import { type PNode, SCHEMA, type VNode, gid, gidNum, queryResolvers } from './shopify-schema.ts';
import { coerceVariables, idempotencyRequired, validateDocument } from './shopify-validate.ts';
import { schemaFor, servedVersion } from './shopify-versions.ts';

const MAX_COST = 1000;
const BUCKET_MAX = 2000;
const RESTORE = 100;
const MAX_INPUT = 250;
const SCOPES = 'read_products,write_products,read_inventory,write_inventory,read_locations,read_orders';
const REASONS = new Set(['correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_updated', 'movement_received', 'movement_canceled', 'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock', 'safety_stock', 'shrinkage']);
const unauthorized = (): SimResponse => json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
let adjustmentGroupSeq = 1_000_000;

export async function handleShopify(ctx: Ctx, domain: string): Promise<SimResponse> {
  const { state, req } = ctx;
  // Bulk operation results live on Shopify's storage host, served here as S/shopify/storage.googleapis.com/….
  if (domain === STORAGE_HOST) return serveBulkResult(ctx);
  const shop = [...state.shops.values()].find((s) => s.platform === 'shopify' && s.domain === domain);
  ctx.endpoint = ctx.sub;
  if (!shop) return ((ctx.rejected = 'unknown_shop'), json(404, { errors: 'Not Found' }));
  ctx.shop = shop;
  if (ctx.sub === '/admin/oauth/access_token') return accessToken(ctx, shop);
  const m = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/.exec(ctx.sub);
  if (!m) return ((ctx.rejected = 'not_found'), json(404, { errors: 'Not Found' }));
  // An unsupported version is answered by the oldest supported one (shopify-versions.ts).
  const version = servedVersion(m[1]!, state.now());
  const slice = schemaFor(version);
  const headers: Record<string, string> = { 'X-Shopify-API-Version': version };
  ctx.endpoint = 'graphql';
  if (req.method !== 'POST') return ((ctx.rejected = 'method'), json(405, { errors: 'Method Not Allowed' }));
  const tok = state.checkAccess('shopify', header(req, 'x-shopify-access-token'));
  if (typeof tok === 'string' || tok.shopId !== shop.shopId) return ((ctx.rejected = 'unauthorized'), unauthorized());

  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  const ctype = (header(req, 'content-type') ?? '').toLowerCase();
  if (ctype.startsWith('application/graphql')) query = req.bodyText;
  else {
    const b = parseJsonBody(req);
    if (isObj(b)) ({ query, variables, operationName } = b);
  }
  if (typeof query !== 'string' || !query.trim()) return ((ctx.rejected = 'bad_request'), json(400, { errors: { query: 'Required parameter missing or invalid' } }));
  if (variables !== undefined && variables !== null && !isObj(variables)) return ((ctx.rejected = 'bad_request'), json(400, { errors: { variables: 'Invalid variables' } }));
  const vars = (variables ?? {}) as Record<string, unknown>;
  const gqlErr = (errors: GqlError[]): SimResponse => ((ctx.rejected = 'graphql_error'), json(200, { errors }, headers));
  let doc;
  try {
    doc = parseDocument(query);
  } catch (e) {
    if (e instanceof GqlSyntaxError) return gqlErr([{ message: `${e.message} at [${e.line}, ${e.column}]`, locations: [{ line: e.line, column: e.column }] }]);
    throw e;
  }
  const op = typeof operationName === 'string' && operationName ? doc.operations.find((o) => o.name === operationName) : doc.operations.length === 1 ? doc.operations[0] : undefined;
  if (!op) return gqlErr([{ message: doc.operations.length > 1 ? 'An operation name is required' : `No operation named "${String(operationName)}"` }]);
  const checked = validateDocument(doc, slice);
  if (checked.errors.length) return gqlErr(checked.errors);
  const varErrors = coerceVariables(op, vars, slice);
  if (varErrors.length) return gqlErr(varErrors);
  if (checked.deprecations.length) headers['X-Shopify-API-Deprecated-Reason'] = checked.deprecations.join('; ');
  const q = queryResolvers(shop);
  const o = orderResolvers(shop, () => state.now());
  const b = bulkResolvers(ctx, shop, (tok as Token).appId, version, slice);
  const roots = [...engine0(op, doc, vars).values()];
  const idempotencyKey = new Map(roots.map((f) => [f.name, f.directives.find((d) => d.name === 'idempotent')]));
  const engine = new Engine(SCHEMA, { ...q, ...o, QueryRoot: { ...q.QueryRoot, ...o.QueryRoot, ...b.QueryRoot }, Mutation: { ...mutations(ctx, shop, version, (field) => keyOf(idempotencyKey.get(field), vars)), ...b.Mutation } } as Resolvers);
  const rootFields = roots.map((f) => f.name);
  ctx.endpoint = `graphql:${rootFields.join(',')}`;
  const verrors = engine.connectionChecks(op, doc, vars);
  if (verrors.length) return gqlErr(verrors);

  const bucketKey = `${shop.shopId}:${(tok as Token).appId}`;
  let bucket = state.costBuckets.get(bucketKey);
  if (!bucket) state.costBuckets.set(bucketKey, (bucket = new CostBucket(BUCKET_MAX, RESTORE)));
  const requested = engine.requestedCost(op, doc, vars);
  const cost = (actual: number | null): unknown => ({ cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } });
  if (requested > MAX_COST) {
    ctx.rejected = 'max_cost_exceeded';
    return json(200, {
      errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_COST } }],
    }, headers);
  }
  const throttled = (): SimResponse => ((ctx.rejected = 'throttled'), json(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: cost(null) }, headers));
  const rate = state.faultFor('shopify', shop.shopId).rateLimitPerSecond;
  if (rate !== undefined && !state.buckets.take(`shopify:${bucketKey}`, rate)) return throttled();
  if (!bucket.take(requested)) return throttled();
  const f = await faultGate(ctx, shop, () => {
    const rid = requestId();
    return json(200, { errors: [{ message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${rid} (include this in support requests).`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: rid } }] });
  });
  if (f) {
    bucket.refund(requested);
    return f;
  }
  // From 2026-04 the inventory mutations refuse to run without @idempotent(key:) (the schema
  // does not mark it required; Shopify checks when the field runs). Nothing runs, nothing is charged.
  const unkeyed = op.kind === 'mutation' ? roots.filter((f) => idempotencyRequired(slice, f.name) && !idempotencyKey.get(f.name)) : [];
  if (unkeyed.length) {
    bucket.refund(requested);
    ctx.rejected = 'idempotency_key_missing';
    return json(200, {
      errors: unkeyed.map((f) => ({ message: 'The @idempotent directive is required for this mutation but was not provided.', locations: [{ line: f.line, column: f.column }], path: [f.alias ?? f.name], extensions: { code: 'BAD_REQUEST' } })),
      data: Object.fromEntries(unkeyed.map((f) => [f.alias ?? f.name, null])),
      extensions: cost(0),
    }, headers);
  }
  const blankKey = roots.find((f) => idempotencyKey.get(f.name) && !keyOf(idempotencyKey.get(f.name), vars)?.trim());
  if (blankKey) {
    bucket.refund(requested);
    ctx.rejected = 'idempotency_key_blank';
    return json(200, { errors: [{ message: 'The idempotency key cannot be an empty string or whitespace only.', locations: [{ line: blankKey.line, column: blankKey.column }], path: [blankKey.alias ?? blankKey.name], extensions: { code: 'BAD_REQUEST' } }], data: { [blankKey.alias ?? blankKey.name]: null }, extensions: cost(0) }, headers);
  }
  countIfOrderCall(shop, rootFields);
  const out = engine.execute(op, doc, vars);
  const actual = Math.min(out.cost, requested);
  bucket.refund(requested - actual);
  return json(200, { ...(out.errors.length ? { errors: out.errors } : {}), data: out.data, extensions: cost(actual) }, headers);
}

/** The root fields of an operation (skip/include applied), before resolvers exist. */
function engine0(op: Operation, doc: Doc, vars: Record<string, unknown>): Map<string, Field> {
  return new Engine(SCHEMA, {}).collect(op.kind === 'mutation' ? 'Mutation' : 'QueryRoot', op.selections, doc, vars);
}
function keyOf(d: Directive | undefined, vars: Record<string, unknown>): string | undefined {
  const arg = d?.args.find((a) => a.name === 'key');
  const v = arg ? evalValue(arg.value, vars) : undefined;
  return typeof v === 'string' ? v : undefined;
}

// ---------------- OAuth token exchange ----------------
function accessToken(ctx: Ctx, shop: Shop): SimResponse {
  const { state, req } = ctx;
  ctx.endpoint = '/admin/oauth/access_token';
  if (req.method !== 'POST') return json(405, { errors: 'Method Not Allowed' });
  const parsed = isFormBody(req) ? Object.fromEntries(new URLSearchParams(req.bodyText)) : parseJsonBody(req);
  const b = isObj(parsed) ? parsed : {};
  const app = state.appByKey('shopify', typeof b.client_id === 'string' ? b.client_id : '');
  const bad = (error: string, description: string): SimResponse => ((ctx.rejected = error), json(400, { error, error_description: description }));
  if (!app || typeof b.client_secret !== 'string' || !safeEqual(b.client_secret, app.secret)) return bad('invalid_client', 'Client authentication failed: the client_id or client_secret is invalid.');
  if (b.grant_type === 'client_credentials') {
    if (app.ownerShopId !== shop.shopId) return bad('unauthorized_client', 'The client credentials grant is only available to apps owned by the store’s organization.');
    const t = state.issueTokens(shop, app.appId, { access: 86_399_000, refresh: 1 });
    state.tokens.delete(t.refresh.token);
    return json(200, { access_token: t.access.token, scope: SCOPES, expires_in: 86399 });
  }
  const c = state.takeCode('shopify', typeof b.code === 'string' ? b.code : '', app.appId);
  if (!c || c.shopId !== shop.shopId) return bad('invalid_request', 'The authorization code was not found or was already used');
  const t = state.issueTokens(shop, app.appId);
  state.tokens.delete(t.refresh.token);
  if (app.appId === shop.appId) shop.accessToken = t.access.token;
  return json(200, { access_token: t.access.token, scope: SCOPES });
}

// ---------------- mutations ----------------
type UE = { code?: string; field: string[]; message: string };
/** Answers kept per idempotency key, per shop (Shopify keeps them for a while; a bounded map here). */
const replays = new WeakMap<Shop, Map<string, { params: string; payload: unknown }>>();
const REPLAYS_KEPT = 10_000;

function mutations(ctx: Ctx, shop: Shop, version: string, keyFor: (field: string) => string | undefined): Resolvers['Mutation'] {
  const { state } = ctx;
  const now = (): number => state.now();
  const P = (item: Item): PNode => ({ shop, item });
  const locIdx = (id: unknown): number => shop.locations.findIndex((l) => gid('Location', l.id) === id);
  const addProduct = (title: string, status: string, desc: string, variants: Parameters<typeof buildItem>[1]['variants'], tierName: string): Item =>
    shop.items.add(buildItem(shop, { title, status, description: desc, tierName, createdAt: now(), updatedAt: now(), variants, images: [] }));

  const setQuantities = (a: Record<string, unknown>): unknown => {
    const input = a.input;
    if (!isObj(input)) throw new FieldError('Variable input was provided invalid value', { code: 'INVALID_VARIABLE' });
    const qs = input.quantities;
    if (!Array.isArray(qs)) throw new FieldError('Expected input.quantities to be a list', { code: 'INVALID_VARIABLE' });
    if (qs.length > MAX_INPUT) throw new FieldError(`The input array size of ${qs.length} is greater than the maximum allowed of ${MAX_INPUT}.`, { code: 'MAX_INPUT_SIZE_EXCEEDED' });
    const errs: UE[] = [];
    if (input.name !== 'available' && input.name !== 'on_hand') errs.push({ code: 'INVALID_NAME', field: ['input', 'name'], message: "The quantity name must be either 'available' or 'on_hand'." });
    if (typeof input.reason !== 'string' || !REASONS.has(input.reason)) errs.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The specified reason is invalid.' });
    // 2026-04 on: changeFromQuantity must be given (null = no compare). Before: a compare value
    // (changeFromQuantity from 2026-01, or compareQuantity) unless ignoreCompareQuantity is true.
    const strictCompare = version === 'unstable' || version >= '2026-04';
    const reject = state.faultFor('shopify', shop.shopId).rejectSkus;
    const seen = new Set<string>();
    const plan: { ref: VNode; idx: number; qty: number }[] = [];
    qs.forEach((q, i) => {
      const f = (k: string): string[] => ['input', 'quantities', String(i), k];
      if (!isObj(q)) return void errs.push({ code: 'INVALID_INVENTORY_ITEM', field: f('inventoryItemId'), message: 'The specified inventory item could not be found.' });
      const invId = gidNum('InventoryItem', q.inventoryItemId);
      const r = invId ? shop.items.inventoryItem(invId) : undefined;
      const idx = locIdx(q.locationId);
      if (!r) return void errs.push({ code: 'INVALID_INVENTORY_ITEM', field: f('inventoryItemId'), message: 'The specified inventory item could not be found.' });
      if (idx < 0) return void errs.push({ code: 'INVALID_LOCATION', field: f('locationId'), message: 'The specified location could not be found.' });
      if (!isInt(q.quantity)) return void errs.push({ code: 'INVALID_QUANTITY_TOO_LOW', field: f('quantity'), message: 'The quantity must be an integer.' });
      if (q.quantity > 1_000_000_000) return void errs.push({ code: 'INVALID_QUANTITY_TOO_HIGH', field: f('quantity'), message: "The quantity can't be higher than 1,000,000,000." });
      if (q.quantity < -1_000_000_000) return void errs.push({ code: 'INVALID_QUANTITY_TOO_LOW', field: f('quantity'), message: "The quantity can't be lower than -1,000,000,000." });
      const key = `${invId}@${idx}`;
      if (seen.has(key)) return void errs.push({ code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR', field: f('locationId'), message: 'The combination of inventoryItemId and locationId must be unique.' });
      seen.add(key);
      const current = (r.variant.stock[idx] ?? 0) + (input.name === 'on_hand' && idx === 0 ? r.variant.reserved : 0);
      if (strictCompare && !('changeFromQuantity' in q)) return void errs.push({ code: 'INVALID', field: f('changeFromQuantity'), message: 'changeFromQuantity is required (pass null to skip the compare check).' });
      if (isInt(q.changeFromQuantity) && q.changeFromQuantity !== current) return void errs.push({ code: 'CHANGE_FROM_QUANTITY_STALE', field: f('changeFromQuantity'), message: 'The changeFromQuantity no longer matches the persisted quantity.' });
      if (!strictCompare && input.ignoreCompareQuantity !== true && !('changeFromQuantity' in q) && !isInt(q.compareQuantity)) return void errs.push({ code: 'COMPARE_QUANTITY_REQUIRED', field: f('compareQuantity'), message: 'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.' });
      if (input.ignoreCompareQuantity !== true && isInt(q.compareQuantity) && q.compareQuantity !== current) return void errs.push({ code: 'COMPARE_QUANTITY_STALE', field: f('compareQuantity'), message: 'The compareQuantity value no longer matches the persisted value.' });
      if (reject.has(r.variant.sellerSku)) return void errs.push({ code: 'NON_MUTABLE_INVENTORY_ITEM', field: f('inventoryItemId'), message: 'The specified inventory item is not allowed to be adjusted via API. Example: if the inventory item is a parent bundle.' });
      const qty = input.name === 'on_hand' && idx === 0 ? q.quantity - r.variant.reserved : q.quantity;
      plan.push({ ref: { shop, item: r.item, v: r.variant }, idx, qty });
    });
    state.countStockCall(shop, qs.length);
    if (errs.length) {
      state.countRejected(shop, 'entry_failed', errs.length);
      return { inventoryAdjustmentGroup: null, userErrors: errs };
    }
    const changes = plan.map(({ ref, idx, qty }) => {
      const before = ref.v.stock[idx] ?? 0;
      ref.v.stock[idx] = qty;
      ref.v.updatedAt = now();
      state.stockEvent(shop, ref.item, ref.v);
      shop.items.touch(ref.item, now());
      return { name: String(input.name), delta: qty - before, quantityAfterChange: null, item: ref, location: { shop, idx }, ledgerDocumentUri: null };
    });
    return {
      inventoryAdjustmentGroup: { id: gid('InventoryAdjustmentGroup', ++adjustmentGroupSeq), createdAt: isoSeconds(now()), reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null, changes },
      userErrors: [],
    };
  };

  return {
    inventorySetQuantities: (_p, a) => {
      // @idempotent(key:): the same key with the same input answers the first result again and
      // changes nothing; with another input it is refused (a key is one operation).
      const key = keyFor('inventorySetQuantities');
      let kept = replays.get(shop);
      if (!kept) replays.set(shop, (kept = new Map()));
      const params = JSON.stringify(a.input);
      const seen = key ? kept.get(key) : undefined;
      if (seen && seen.params === params) return seen.payload;
      if (seen) return { inventoryAdjustmentGroup: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', field: null, message: 'The same idempotency key cannot be used with different operation parameters.' }] };
      const payload = setQuantities(a);
      if (key) {
        kept.set(key, { params, payload });
        if (kept.size > REPLAYS_KEPT) kept.delete(kept.keys().next().value!);
      }
      return payload;
    },
    productSet: (_p, a) => {
      const input = a.input;
      if (!isObj(input)) throw new FieldError('Variable input was provided invalid value', { code: 'INVALID_VARIABLE' });
      const errs: UE[] = [];
      if (input.id !== undefined || a.identifier !== undefined) errs.push({ code: 'INVALID_PRODUCT', field: ['input', 'id'], message: 'The simulator only supports creating products with productSet.' });
      if (typeof input.title !== 'string' || !input.title.trim()) errs.push({ code: 'BLANK', field: ['input', 'title'], message: "Title can't be blank" });
      const vin = Array.isArray(input.variants) ? input.variants : [];
      if (vin.length > 2048) errs.push({ code: 'VARIANTS_OVER_LIMIT', field: ['input', 'variants'], message: 'Product can have at most 2048 variants.' });
      const options = Array.isArray(input.productOptions) ? input.productOptions.filter(isObj) : [];
      if (vin.length > 1 && options.length === 0) errs.push({ code: 'INVALID_VARIANT', field: ['input', 'productOptions'], message: 'Product options are required when a product has several variants.' });
      const combos = new Set<string>();
      const variants = vin.map((v, i) => {
        const f = (k: string): string[] => ['input', 'variants', String(i), k];
        const ov = isObj(v) && Array.isArray(v.optionValues) ? v.optionValues.filter(isObj).map((o) => String(o.name ?? '')) : [];
        if (options.length && ov.length !== options.length) errs.push({ code: 'INVALID_VARIANT', field: f('optionValues'), message: 'Each variant needs one option value per product option.' });
        const combo = ov.join(' / ');
        if (combos.has(combo)) errs.push({ code: 'DUPLICATE_VARIANT', field: f('optionValues'), message: `The variant '${combo || 'Default Title'}' already exists.` });
        combos.add(combo);
        const vv = isObj(v) ? v : {};
        const sku = typeof vv.sku === 'string' ? vv.sku : isObj(vv.inventoryItem) && typeof vv.inventoryItem.sku === 'string' ? vv.inventoryItem.sku : '';
        const price = Number(vv.price ?? 0);
        if (!(price >= 0)) errs.push({ code: 'INVALID_PRICE', field: f('price'), message: 'Price must be a number >= 0.' });
        const stock = shop.locations.map(() => 0);
        (Array.isArray(vv.inventoryQuantities) ? vv.inventoryQuantities : []).forEach((iq, k) => {
          const idx = isObj(iq) ? locIdx(iq.locationId) : -1;
          if (idx < 0) return void errs.push({ code: 'INVALID_LOCATION', field: [...f('inventoryQuantities'), String(k), 'locationId'], message: 'The specified location could not be found.' });
          const q = (iq as Record<string, unknown>).quantity;
          if (!isInt(q)) return void errs.push({ code: 'INVALID_QUANTITY', field: [...f('inventoryQuantities'), String(k), 'quantity'], message: 'Quantity must be an integer.' });
          stock[idx] = q;
        });
        return { sellerSku: sku, price, stock, option: combo };
      });
      if (errs.length) return { product: null, productSetOperation: null, userErrors: errs };
      const status = typeof input.status === 'string' && ['ACTIVE', 'DRAFT', 'ARCHIVED'].includes(input.status) ? input.status : 'ACTIVE';
      const it = addProduct(String(input.title), status, typeof input.descriptionHtml === 'string' ? input.descriptionHtml.replace(/<[^>]+>/g, '') : '', variants.length ? variants : [{ sellerSku: '', price: 0, stock: 0, option: '' }], options.map((o) => String(o.name ?? '')).join(' / '));
      return { product: P(it), productSetOperation: null, userErrors: [] };
    },
    productCreate: (_p, a) => {
      const input = isObj(a.product) ? a.product : isObj(a.input) ? a.input : undefined;
      if (!input) throw new FieldError('Variable product was provided invalid value', { code: 'INVALID_VARIABLE' });
      if (typeof input.title !== 'string' || !input.title.trim()) return { product: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] };
      if (input.variants !== undefined) return { product: null, userErrors: [{ field: ['variants'], message: 'Variants are created with productVariantsBulkCreate or productSet (API 2024-04 and later).' }] };
      const status = typeof input.status === 'string' && ['ACTIVE', 'DRAFT', 'ARCHIVED'].includes(input.status) ? input.status : 'ACTIVE';
      return { product: P(addProduct(input.title, status, typeof input.descriptionHtml === 'string' ? input.descriptionHtml.replace(/<[^>]+>/g, '') : '', [{ sellerSku: '', price: 0, stock: 0, option: '' }], '')), userErrors: [] };
    },
    productVariantsBulkCreate: (_p, a) => {
      const pid = gidNum('Product', a.productId);
      const it = pid ? shop.items.get(pid) : undefined;
      if (!it) return { product: null, productVariants: null, userErrors: [{ code: 'PRODUCT_DOES_NOT_EXIST', field: ['productId'], message: 'Product does not exist' }] };
      const list = Array.isArray(a.variants) ? a.variants.filter(isObj) : [];
      const errs: UE[] = [];
      const made = list.map((v, i) => {
        const sku = isObj(v.inventoryItem) && typeof v.inventoryItem.sku === 'string' ? v.inventoryItem.sku : typeof v.sku === 'string' ? v.sku : '';
        const stock = shop.locations.map(() => 0);
        for (const iq of Array.isArray(v.inventoryQuantities) ? v.inventoryQuantities.filter(isObj) : []) {
          const idx = locIdx(iq.locationId);
          const q = iq.availableQuantity ?? iq.quantity;
          if (idx < 0 || !isInt(q)) errs.push({ code: 'INVALID_INPUT', field: ['variants', String(i), 'inventoryQuantities'], message: 'Invalid inventory quantities.' });
          else stock[idx] = q;
        }
        const ov = Array.isArray(v.optionValues) ? v.optionValues.filter(isObj).map((o) => String(o.name ?? '')).join(' / ') : '';
        return { sellerSku: sku, price: Number(v.price ?? 0), stock, option: ov || `Option ${it.variants.length + i + 1}` };
      });
      if (errs.length) return { product: null, productVariants: null, userErrors: errs };
      if (!it.hasVariants) for (const v of it.variants.splice(0)) shop.items.unindexVariant(it, v);
      const created = made.map((m) => newVariant(shop, it.itemId, true, m, now()));
      for (const v of created) (it.variants.push(v), shop.items.indexVariant(it, v));
      it.hasVariants = it.variants.length > 1 || created.length > 0;
      shop.items.touch(it, now());
      return { product: P(it), productVariants: created.map((v) => ({ shop, item: it, v })), userErrors: [] };
    },
    productVariantsBulkUpdate: (_p, a) => {
      const pid = gidNum('Product', a.productId);
      const it = pid ? shop.items.get(pid) : undefined;
      if (!it) return { product: null, productVariants: null, userErrors: [{ code: 'PRODUCT_DOES_NOT_EXIST', field: ['productId'], message: 'Product does not exist' }] };
      const list = Array.isArray(a.variants) ? a.variants.filter(isObj) : [];
      const errs: UE[] = [];
      const updates = list.map((v, i) => {
        const vid = gidNum('ProductVariant', v.id);
        const variant = it.variants.find((x) => x.variantId === vid);
        if (!variant) errs.push({ code: 'PRODUCT_VARIANT_DOES_NOT_EXIST', field: ['variants', String(i), 'id'], message: 'Product variant does not exist' });
        if (v.inventoryQuantities !== undefined) errs.push({ code: 'NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE', field: ['variants', String(i), 'inventoryQuantities'], message: 'Inventory quantities can only be provided during create. To update inventory for existing variants, use inventorySetQuantities.' });
        return { v, variant };
      });
      if (errs.length) return { product: P(it), productVariants: null, userErrors: errs };
      for (const { v, variant } of updates) {
        if (v.price !== undefined) variant!.price = round2(Number(v.price));
        if (isObj(v.inventoryItem) && typeof v.inventoryItem.sku === 'string') shop.items.setSku(it, variant!, v.inventoryItem.sku);
      }
      shop.items.touch(it, now());
      return { product: P(it), productVariants: updates.map((u) => ({ shop, item: it, v: u.variant! })), userErrors: [] };
    },
  };
}
