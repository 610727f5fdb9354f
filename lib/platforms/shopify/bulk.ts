// A whole-store download through one Shopify bulk query operation (shopify.dev "Perform bulk
// operations with the GraphQL Admin API"): bulkOperationRunQuery starts it, bulkOperation(id:)
// is polled with a growing wait until it completes, and its JSONL result is read from the URL it
// gives, a page of products at a time, as the download job asks for pages. Bulk operations cost
// no query points, so 50,000 variants come in one file instead of ~30 minutes of paged queries.
//
// The state between pages is the cursor: {b: operation id, n: polls so far} while it runs, then
// {b, o: byte offset of the next product's line, c: objects before it, t: products in all}. The
// result URL is not in it (it reads the shop's catalogue for a week): it is asked again after a
// restart. Read pages keep their HTTP body open between calls; a broken one resumes by Range.
//
// A bulk export that cannot be used — another operation of this app running (one at a time
// before 2026-01, five from 2026-01), a FAILED/CANCELED/EXPIRED operation, an unreadable result —
// throws BulkUnusable; the adapter logs it and downloads page by page instead.

import type { AdapterOptions } from '../http.ts';
import { PlatformError, type ListItemsPage, type PlatformItem } from '../types.ts';
import { arr, encodeCursor, num, obj, sleep, str } from '../util.ts';
import { JsonlReader } from './jsonl.ts';
import { PRODUCT_FIELDS, mapShopifyProduct, variantFields } from './mapping.ts';

/** `bulkOperation(id:)` exists from 2026-01 (2025-10 has only the deprecated currentBulkOperation). */
export const BULK_FROM = '2026-01';

/** groupObjects: each product's variants right after it, so a page is complete when the next
 *  product's line arrives (the default turned false in 2026-01: cheaper for Shopify, but the
 *  children may come anywhere after their parent). */
export const BULK_RUN_MUTATION = `mutation BulkProducts($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: true) { bulkOperation { id status } userErrors { code field message } } }`;

export const BULK_OPERATION_QUERY = `query BulkOperation($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url } }`;

/** The products query of a paged download, as a bulk query: no variables (the location is a
 *  literal), no page sizes, connections through `edges { node }` as bulk queries require. */
export function bulkProductsQuery(locationId: string): string {
  return `{ products { edges { node { ${PRODUCT_FIELDS}
  variants { edges { node { ${variantFields(JSON.stringify(locationId))} } } } } } } }`;
}

export class BulkUnusable extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;

interface BulkCursor {
  b: string;
  n?: number;
  o?: number;
  c?: number;
  t?: number;
}

const PAGE_PRODUCTS = 250;
const PAGE_VARIANTS = 1000;
const POLL_FIRST_MS = 300;
const POLL_MAX_MS = 2000;
const IDLE_MS = 25_000;
/** An open result nobody reads for this long is closed (a stopped job, a removed store). */
const ABANDONED_MS = 120_000;

/** Waits between polls: quick at first (small shops finish in seconds), growing to every 2 s —
 *  a poll costs one point, and the wait after the operation completes is download time. */
export function pollDelayMs(polls: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * 1.5 ** polls));
}

export function isBulkCursor(c: Record<string, unknown> | null): c is Record<string, unknown> & BulkCursor {
  return !!c && typeof c.b === 'string' && c.b.startsWith('gid://shopify/BulkOperation/');
}

/** A refusal of the bulk documents themselves (a token that may not run bulk operations, an
 *  access the paged queries do not need) means the bulk export is not for this store; the paged
 *  download then meets any real authorization problem and reports it. Throttling and passing
 *  faults stay what they are: the job waits and asks again. */
async function bulkCall(gql: Gql, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  try {
    return await gql(query, variables);
  } catch (err) {
    if (err instanceof PlatformError && (err.kind === 'auth' || err.kind === 'invalid' || err.kind === 'not_found')) {
      throw new BulkUnusable(err.opts.platformCode || err.kind.toUpperCase(), err.message);
    }
    throw err;
  }
}

/** Starts the export; the first page is empty, its cursor polls. */
export async function startBulkExport(gql: Gql, locationId: string): Promise<ListItemsPage> {
  const data = await bulkCall(gql, BULK_RUN_MUTATION, { query: bulkProductsQuery(locationId) });
  const payload = obj(data.bulkOperationRunQuery);
  const errors = arr(payload.userErrors).map(obj);
  const id = str(obj(payload.bulkOperation).id);
  if (!id || errors.length > 0) {
    const e = errors[0] ?? {};
    throw new BulkUnusable(str(e.code) || 'NOT_STARTED', str(e.message) || 'Shopify did not start the bulk operation');
  }
  return { items: [], nextCursor: encodeCursor({ b: id, n: 0 }) };
}

interface Operation {
  status: string;
  url: string;
  objects: number;
  roots: number;
}
async function operation(gql: Gql, id: string): Promise<Operation> {
  const op = obj((await bulkCall(gql, BULK_OPERATION_QUERY, { id })).bulkOperation);
  if (!str(op.id)) throw new BulkUnusable('NOT_FOUND', `the bulk operation ${id} is no longer there`);
  const status = str(op.status);
  if (status === 'FAILED') throw new BulkUnusable(`FAILED:${str(op.errorCode) || 'UNKNOWN'}`, `the bulk operation ${id} failed (${str(op.errorCode) || 'no error code'})`);
  if (status === 'CANCELED' || status === 'EXPIRED') throw new BulkUnusable(status, `the bulk operation ${id} is ${status.toLowerCase()}`);
  return { status, url: str(op.url), objects: num(op.objectCount) ?? 0, roots: num(op.rootObjectCount) ?? 0 };
}

/** An open result body, kept between pages. */
interface OpenResult {
  reader: JsonlReader;
  /** The next product's line, read while finishing the page before it. */
  held: { line: Record<string, unknown>; start: number } | null;
  objects: number;
  total: number;
  roots: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}
const open = new Map<string, OpenResult>();

function keep(id: string, r: OpenResult): void {
  clearTimeout(r.timer);
  r.timer = setTimeout(() => close(id), ABANDONED_MS);
  open.set(id, r);
}
function close(id: string): void {
  const r = open.get(id);
  if (!r) return;
  clearTimeout(r.timer);
  r.reader.cancel();
  open.delete(id);
}

/** Closes every open result: what a worker that stops loses (tests stand for a restart with it). */
export function closeBulkReads(): void {
  for (const id of [...open.keys()]) close(id);
}

/** The next page of a running export: a poll while Shopify works, then products from the file. */
export async function continueBulkExport(gql: Gql, c: BulkCursor, opts: AdapterOptions): Promise<ListItemsPage> {
  if (c.o === undefined) {
    await sleep(pollDelayMs(c.n ?? 0));
    const op = await operation(gql, c.b);
    if (op.status !== 'COMPLETED') return { items: [], nextCursor: encodeCursor({ b: c.b, n: (c.n ?? 0) + 1 }) };
    // A shop without products completes with nothing to read.
    if (!op.url || op.objects === 0) return { items: [], nextCursor: null, total: 0 };
    return readPage(c.b, await openResult(op, 0, 0, opts));
  }
  // The body left open by the last page goes on where it stopped; otherwise (a restarted worker,
  // a retried page) the result is opened again from the cursor's offset.
  let r = open.get(c.b);
  if (!r || (r.held?.start ?? r.reader.offset) !== c.o) {
    close(c.b);
    const op = await operation(gql, c.b);
    if (op.status !== 'COMPLETED' || !op.url) throw new BulkUnusable('NO_RESULT', `the bulk operation ${c.b} has no result to read`);
    r = await openResult(op, c.o, c.c ?? 0, opts, true);
  }
  return readPage(c.b, r);
}

async function openResult(op: Operation, offset: number, objects: number, opts: AdapterOptions, resuming = false): Promise<OpenResult> {
  let res: Response;
  try {
    const init: RequestInit = { method: 'GET', headers: offset > 0 ? { Range: `bytes=${offset}-` } : {}, redirect: 'follow' };
    // The global fetch is called without a receiver change ("Illegal invocation" in workers).
    res = opts.fetch ? await opts.fetch(op.url, init) : await fetch(op.url, init);
  } catch (err) {
    // The first read failing says the result cannot be reached from here (a missing host
    // permission, a proxy): no use retrying it. A resumed read is a passing fault.
    const what = `the bulk result could not be fetched: ${err instanceof Error ? err.message : String(err)}`;
    if (resuming) throw new PlatformError('temporary', `shopify: ${what}`);
    throw new BulkUnusable('RESULT_UNREACHABLE', what);
  }
  if (!res.ok || !res.body) {
    void res.body?.cancel().catch(() => undefined);
    if (res.status >= 500) throw new PlatformError('temporary', `shopify: the bulk result answered HTTP ${res.status}`, { httpStatus: res.status });
    throw new BulkUnusable('RESULT_UNREADABLE', `the bulk result answered HTTP ${res.status}`);
  }
  const skip = offset > 0 && res.status !== 206 ? offset : 0;
  return { reader: new JsonlReader(res.body.getReader(), offset, skip, IDLE_MS), held: null, objects, total: op.objects, roots: op.roots, timer: undefined };
}

function parse(text: string): Record<string, unknown> {
  try {
    return obj(JSON.parse(text));
  } catch {
    throw new BulkUnusable('BAD_LINE', `a line of the bulk result is not JSON: ${text.slice(0, 80)}`);
  }
}

/** Up to a page of products with all their variants; the page ends where a product line starts. */
async function readPage(id: string, r: OpenResult): Promise<ListItemsPage> {
  // Being read: not abandoned (keep() starts the clock again when the page is done).
  clearTimeout(r.timer);
  const items: PlatformItem[] = [];
  let variants = 0;
  let current = r.held ? { product: r.held.line, variants: [] as unknown[] } : null;
  // The held line is this page's: counted here, not before the offset.
  if (r.held) r.objects++;
  r.held = null;
  const done = (): PlatformItem => mapShopifyProduct({ ...current!.product, variants: { nodes: current!.variants } });
  try {
    for (;;) {
      const line = await r.reader.next();
      if (!line) break;
      const row = parse(line.text);
      r.objects++;
      const parent = str(row.__parentId);
      if (parent) {
        // groupObjects: a variant follows its product directly; anything else is not what we asked for.
        if (!current || str(current.product.id) !== parent) throw new BulkUnusable('NOT_GROUPED', `variant ${str(row.id)} does not follow its product ${parent}`);
        current.variants.push(row);
        variants++;
        continue;
      }
      if (current) {
        items.push(done());
        if (items.length >= PAGE_PRODUCTS || variants >= PAGE_VARIANTS) {
          r.held = { line: row, start: line.start };
          r.objects--;
          keep(id, r);
          return { items, nextCursor: encodeCursor({ b: id, o: line.start, c: r.objects, t: r.roots }), total: r.roots };
        }
      }
      current = { product: row, variants: [] };
    }
  } catch (err) {
    close(id);
    throw err;
  }
  if (current) items.push(done());
  close(id);
  // Every object Shopify counted must have been read: a body cut short is read again.
  if (r.objects !== r.total) throw new PlatformError('temporary', `shopify: the bulk result ended after ${r.objects} of ${r.total} objects`);
  return { items, nextCursor: null, total: r.roots };
}
