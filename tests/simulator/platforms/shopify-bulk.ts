// Shopify bulk query operations: bulkOperationRunQuery, bulkOperation(id:), currentBulkOperation,
// bulkOperationCancel, and the JSONL result served from a signed URL on Shopify's storage host.
//
// What is Shopify's (Admin API schema in @shopify/dev-mcp 1.16.0, the bulk operations guide,
// changelog "Faster bulk operations" 2025-12-15, answers recorded in airhorns/shopify-draft-proxy):
// - per app and shop, one bulk query operation at a time before 2026-01, five from 2026-01; one
//   more is refused with OPERATION_IN_PROGRESS "A bulk query operation for this app and shop is
//   already in progress: <ids>." (the draft proxy's recorded answer; from 2026-01 the same answer
//   at five is an assumption, as Estuary's Shopify connector also reads it);
// - CREATED → RUNNING → COMPLETED (or FAILED with errorCode TIMEOUT / INTERNAL_SERVER_ERROR /
//   ACCESS_DENIED and a partialDataUrl, or CANCELING → CANCELED); objectCount and rootObjectCount
//   count as it runs (UnsignedInt64, sent as strings); url and partialDataUrl expire seven days
//   after, and the operation then reads EXPIRED;
// - the result lives on storage.googleapis.com under a V2-signed URL (GoogleAccessId, Expires,
//   Signature), readable without the access token, with HTTP Range.
// What is the simulator's: how fast it runs. Shopify publishes no rate; here an operation waits
// 0.5 s queued, then reads DEFAULT_OBJECTS_PER_SECOND objects a second (a product and a variant
// are one object each). POST /__sim/shops/{id}/bulk-operations sets the rate per shop, and a
// failure (errorCode, after how many objects) for tests.
import { createHmac, randomBytes } from 'node:crypto';
import { type Ctx, type SimResponse, header, json } from '../http.ts';
import type { Shop, SimState } from '../state.ts';
import { isObj, isoSeconds } from '../util.ts';
import { Engine, type Resolvers } from './gql-engine.ts';
import { type BulkUserError, bulkLines, checkBulkQuery } from './shopify-bulk-query.ts';
import { SCHEMA, queryResolvers } from './shopify-schema.ts';
import type { SchemaSlice } from './shopify-versions.ts';

export const STORAGE_HOST = 'storage.googleapis.com';
const BUCKET_PATH = '/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/';
export const DEFAULT_OBJECTS_PER_SECOND = 1000;
const QUEUED_MS = 500;
const CANCELING_MS = 500;
const URL_TTL_MS = 7 * 24 * 3600_000;
const KEPT_PER_SHOP = 20;
const ERROR_CODES = ['TIMEOUT', 'INTERNAL_SERVER_ERROR', 'ACCESS_DENIED'] as const;
type ErrorCode = (typeof ERROR_CODES)[number];
type Status = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';
const TERMINAL: ReadonlySet<Status> = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);

interface BulkOp {
  id: string;
  shop: Shop;
  appId: string;
  query: string;
  status: Status;
  errorCode: ErrorCode | null;
  createdAt: number;
  completedAt: number | null;
  canceledAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  rate: number;
  fail: { errorCode: ErrorCode; afterObjects: number } | null;
  lines: string[];
  gen: Generator<{ line: string; root: boolean }> | null;
  /** The result (or the partial data of a failed run) once written, and its storage key. */
  file: Buffer | null;
  key: string;
}
interface ShopBulk {
  ops: BulkOp[];
  rate: number;
  fail: BulkOp['fail'];
}
const perShop = new WeakMap<Shop, ShopBulk>();
const byKey = new Map<string, BulkOp>();
/** Signs result URLs (the simulator's stand-in for Shopify's storage service account). */
const signingKey = randomBytes(32);
let opSeq = 4_046_676_525_000;

function bulkOf(shop: Shop): ShopBulk {
  let b = perShop.get(shop);
  if (!b) perShop.set(shop, (b = { ops: [], rate: DEFAULT_OBJECTS_PER_SECOND, fail: null }));
  return b;
}

/** Moves an operation to where it stands at `now`: its objects read at its rate, then written. */
function advance(op: BulkOp, now: number): void {
  if (op.status === 'COMPLETED' || op.status === 'FAILED') {
    if (op.completedAt !== null && now >= op.completedAt + URL_TTL_MS) expire(op);
    return;
  }
  if (TERMINAL.has(op.status)) return;
  if (op.status === 'CANCELING') {
    if (now >= op.canceledAt! + CANCELING_MS) finish(op, 'CANCELED', now);
    return;
  }
  const running = now - op.createdAt - QUEUED_MS;
  if (running < 0) return;
  op.status = 'RUNNING';
  const due = Math.floor((running / 1000) * op.rate);
  while (op.objectCount < due) {
    if (op.fail && op.objectCount >= op.fail.afterObjects) {
      op.errorCode = op.fail.errorCode;
      return finish(op, 'FAILED', now);
    }
    const next = op.gen!.next();
    if (next.done) return finish(op, 'COMPLETED', Math.min(now, op.createdAt + QUEUED_MS + Math.ceil((op.objectCount / op.rate) * 1000)));
    op.lines.push(next.value.line);
    op.objectCount++;
    if (next.value.root) op.rootObjectCount++;
  }
}

function finish(op: BulkOp, status: Status, at: number): void {
  op.status = status;
  op.gen = null;
  // A failed run leaves what it read as partial data; a canceled one leaves nothing.
  if ((status === 'COMPLETED' || status === 'FAILED') && (status === 'COMPLETED' || op.lines.length > 0)) {
    op.file = Buffer.from(op.lines.length ? `${op.lines.join('\n')}\n` : '', 'utf8');
    byKey.set(op.key, op);
  }
  op.lines = [];
  op.completedAt = at;
}

function expire(op: BulkOp): void {
  op.status = 'EXPIRED';
  op.file = null;
  byKey.delete(op.key);
}

function signature(key: string, expires: number): string {
  return encodeURIComponent(createHmac('sha256', signingKey).update(`GET\n\n\n${expires}\n${BUCKET_PATH}${key}`).digest('base64'));
}
function resultUrl(state: SimState, op: BulkOp): string | null {
  if (!op.file || op.completedAt === null) return null;
  const expires = Math.floor((op.completedAt + URL_TTL_MS) / 1000);
  const name = `bulk-${op.id.split('/').pop()}.jsonl`;
  return `${state.baseUrl}/shopify/${STORAGE_HOST}${BUCKET_PATH}${op.key}?GoogleAccessId=assets-us-prod%40shopify-tiers.iam.gserviceaccount.com&Expires=${expires}&Signature=${signature(op.key, expires)}&response-content-disposition=attachment%3B+filename%3D%22${name}%22&response-content-type=application%2Fjsonl`;
}

/** The BulkOperation object as the API answers it. */
function view(state: SimState, op: BulkOp): Record<string, unknown> {
  const url = resultUrl(state, op);
  return {
    id: op.id,
    status: op.status,
    type: 'QUERY',
    errorCode: op.errorCode,
    createdAt: isoSeconds(op.createdAt),
    completedAt: op.status === 'COMPLETED' && op.completedAt !== null ? isoSeconds(op.completedAt) : null,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.status === 'COMPLETED' && op.file ? String(op.file.length) : null,
    url: op.status === 'COMPLETED' ? url : null,
    partialDataUrl: op.status === 'FAILED' ? url : null,
    query: op.query,
  };
}

/** Bulk operations an app has not finished on the shop, as of now. */
function inProgress(state: SimState, shop: Shop, appId: string): BulkOp[] {
  return bulkOf(shop).ops.filter((op) => op.appId === appId && (advance(op, state.now()), !TERMINAL.has(op.status)));
}

/** The query and mutation fields, for the app (`appId`) calling on `version`. */
export function bulkResolvers(ctx: Ctx, shop: Shop, appId: string, version: string, slice: SchemaSlice): Resolvers {
  const { state } = ctx;
  const mine = (id: unknown): BulkOp | undefined => bulkOf(shop).ops.find((op) => op.id === id && op.appId === appId);
  const seen = (op: BulkOp | undefined): Record<string, unknown> | null => (op ? (advance(op, state.now()), view(state, op)) : null);
  const refused = (userErrors: BulkUserError[]): unknown => ((ctx.rejected = `bulk_${userErrors[0]!.code.toLowerCase()}`), { bulkOperation: null, userErrors });
  return {
    QueryRoot: {
      bulkOperation: (_p, a) => seen(mine(a.id)),
      currentBulkOperation: (_p, a) => ((a.type ?? 'QUERY') === 'QUERY' ? seen(bulkOf(shop).ops.filter((op) => op.appId === appId).at(-1)) : null),
    },
    Mutation: {
      bulkOperationRunQuery: (_p, a) => {
        const engine = new Engine(SCHEMA, queryResolvers(shop));
        const checked = checkBulkQuery(String(a.query ?? ''), engine, slice);
        if (Array.isArray(checked)) return refused(checked);
        const running = inProgress(state, shop, appId);
        const limit = version === 'unstable' || version >= '2026-01' ? 5 : 1;
        if (running.length >= limit) return refused([{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${running.map((op) => op.id).join(', ')}.`, code: 'OPERATION_IN_PROGRESS' }]);
        // groupObjects defaults as the version says (true on 2025-10, false from 2026-01).
        const def = slice.types.Mutation?.kind === 'object' ? slice.types.Mutation.fields?.bulkOperationRunQuery?.args?.groupObjects : undefined;
        const grouped = typeof a.groupObjects === 'boolean' ? a.groupObjects : Array.isArray(def) && def[1] === 'true';
        const b = bulkOf(shop);
        const op: BulkOp = {
          id: `gid://shopify/BulkOperation/${++opSeq}`, shop, appId, query: String(a.query), status: 'CREATED', errorCode: null,
          createdAt: state.now(), completedAt: null, canceledAt: null, objectCount: 0, rootObjectCount: 0, rate: b.rate, fail: b.fail,
          lines: [], gen: bulkLines(engine, checked, grouped), file: null, key: `${randomBytes(15).toString('hex')}-final`,
        };
        b.ops.push(op);
        for (const old of b.ops.splice(0, Math.max(0, b.ops.length - KEPT_PER_SHOP))) byKey.delete(old.key);
        return { bulkOperation: view(state, op), userErrors: [] };
      },
      bulkOperationCancel: (_p, a) => {
        const op = mine(a.id);
        if (!op) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
        advance(op, state.now());
        if (TERMINAL.has(op.status)) return { bulkOperation: view(state, op), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}` }] };
        if (op.status !== 'CANCELING') ((op.status = 'CANCELING'), (op.canceledAt = state.now()));
        return { bulkOperation: view(state, op), userErrors: [] };
      },
    },
  };
}

const storageError = (status: number, code: string, message: string): SimResponse => ({
  status,
  contentType: 'application/xml; charset=UTF-8',
  body: `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

/** GET of a result URL on the storage host: signature and expiry checked, Range honoured. */
export function serveBulkResult(ctx: Ctx): SimResponse {
  const { state, req } = ctx;
  ctx.endpoint = 'bulk:result';
  if (req.method !== 'GET' && req.method !== 'HEAD') return storageError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  const key = ctx.sub.startsWith(BUCKET_PATH) ? ctx.sub.slice(BUCKET_PATH.length) : '';
  // As a signed URL is checked: its signature, then its expiry, then whether the object exists.
  const expires = Number(req.query.get('Expires'));
  if (!key || !Number.isFinite(expires) || encodeURIComponent(req.query.get('Signature') ?? '') !== signature(key, expires)) {
    return ((ctx.rejected = 'signature'), storageError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'));
  }
  if (state.now() >= expires * 1000) return ((ctx.rejected = 'expired'), storageError(400, 'ExpiredToken', `The provided token has expired. Request signature expired at: ${new Date(expires * 1000).toISOString()}`));
  const op = byKey.get(key);
  if (!op || !op.file || state.shops.get(op.shop.shopId) !== op.shop) {
    byKey.delete(key);
    return ((ctx.rejected = 'no_such_key'), storageError(404, 'NoSuchKey', 'The specified key does not exist.'));
  }
  ctx.shop = op.shop;
  const size = op.file.length;
  const headers: Record<string, string> = { 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d+)-(\d*)$/.exec(header(req, 'range') ?? '');
  if (!range) return { status: 200, headers, contentType: 'application/jsonl', body: req.method === 'HEAD' ? '' : op.file };
  const from = Number(range[1]);
  const to = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
  if (from >= size || to < from) return { ...storageError(416, 'InvalidRange', 'The requested range cannot be satisfied.'), headers: { 'content-range': `bytes */${size}` } };
  return { status: 206, headers: { ...headers, 'content-range': `bytes ${from}-${to}/${size}` }, contentType: 'application/jsonl', body: req.method === 'HEAD' ? '' : op.file.subarray(from, to + 1) };
}

/** POST/GET /__sim/shops/{id}/bulk-operations: how the shop's next operations run, and the list. */
export function bulkControl(state: SimState, shop: Shop, method: string, body: Record<string, unknown>): SimResponse | undefined {
  const b = bulkOf(shop);
  if (method === 'GET') return json(200, b.ops.map((op) => (advance(op, state.now()), { ...view(state, op), appId: op.appId })));
  if (method !== 'POST') return undefined;
  const rate = body.objectsPerSecond;
  if (rate !== undefined && !(typeof rate === 'number' && rate > 0 && rate <= 10_000_000)) return json(400, { error: 'objectsPerSecond must be > 0' });
  const fail = body.fail;
  if (fail !== undefined && fail !== null && !(isObj(fail) && ERROR_CODES.includes(fail.errorCode as ErrorCode) && (fail.afterObjects === undefined || (typeof fail.afterObjects === 'number' && fail.afterObjects >= 0)))) {
    return json(400, { error: `fail must be null or {errorCode: ${ERROR_CODES.join('|')}, afterObjects?: n}` });
  }
  if (typeof rate === 'number') b.rate = rate;
  if (fail !== undefined) b.fail = fail === null ? null : { errorCode: (fail as { errorCode: ErrorCode }).errorCode, afterObjects: Number((fail as { afterObjects?: number }).afterObjects ?? 0) };
  return json(200, { objectsPerSecond: b.rate, fail: b.fail });
}
