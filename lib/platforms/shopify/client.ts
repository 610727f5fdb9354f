// Shopify Admin GraphQL transport: one POST per operation, HTTP and GraphQL-level errors
// classified, THROTTLED turned into a retry-after computed from the cost extension.

import { joinUrl, send, statusError, truncate, type AdapterOptions } from '../http.ts';
import { PlatformError, type PlatformEndpoints } from '../types.ts';
import { arr, num, obj, str } from '../util.ts';
import { shopifyAuthHeaders } from './sign.ts';
import { DEFAULT_SHOPIFY_VERSION } from './versions.ts';

export { DEFAULT_SHOPIFY_VERSION };

export function graphqlUrl(endpoints: PlatformEndpoints): string {
  return joinUrl(endpoints.apiBaseUrl, `/admin/api/${endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION}/graphql.json`);
}

export async function shopifyGraphql(
  endpoints: PlatformEndpoints,
  accessToken: string,
  query: string,
  variables: Record<string, unknown> = {},
  opts: AdapterOptions = {},
  /** Told the version that answered (`X-Shopify-API-Version`): another than asked when the asked
   *  one is out of support, and the documents must then be that version's. */
  onServed?: (version: string) => void,
): Promise<Record<string, unknown>> {
  const res = await send(
    { method: 'POST', url: graphqlUrl(endpoints), headers: shopifyAuthHeaders(accessToken), body: JSON.stringify({ query, variables }) },
    opts,
  );
  const served = res.headers.get('x-shopify-api-version');
  if (served && onServed) onServed(served);
  const body = obj(res.json);
  const errors = arr(body.errors).map(obj);
  const throttled = errors.find((e) => str(obj(e.extensions).code) === 'THROTTLED');
  if (throttled || res.status === 429) {
    const wait = throttleWaitMs(body.extensions) ?? statusError(res, '')?.retryAfterMs ?? 1000;
    throw new PlatformError('rate_limited', 'shopify: throttled', { retryAfterMs: wait, platformCode: 'THROTTLED', httpStatus: res.status });
  }
  const httpErr = statusError(res, `shopify: HTTP ${res.status} ${truncate(res.text)}`);
  if (httpErr) throw httpErr;
  if (res.json === undefined) throw new PlatformError('temporary', `shopify: answer is not JSON: ${truncate(res.text)}`, { httpStatus: res.status });
  // A root field that answered null with an error about it did not run (e.g. a mutation refused
  // for a missing @idempotent): that is the call failing, not a partial answer.
  const data = obj(body.data);
  const rootFailed = errors.find((e) => arr(e.path).length > 0 && data[str(arr(e.path)[0])] == null);
  if (errors.length > 0 && (body.data == null || rootFailed)) {
    const first = rootFailed ?? errors[0] ?? {};
    const code = str(obj(first.extensions).code);
    const what = `shopify: ${code} ${str(first.message)}`.trim();
    if (code === 'ACCESS_DENIED' || code === 'UNAUTHORIZED') throw new PlatformError('auth', what, { platformCode: code });
    if (code === 'INTERNAL_SERVER_ERROR') throw new PlatformError('temporary', what, { platformCode: code });
    throw new PlatformError('invalid', what, { platformCode: code || undefined });
  }
  return obj(body.data);
}

/** `(requested − available) / restoreRate` seconds, from `extensions.cost` (shopify.md). */
export function throttleWaitMs(extensions: unknown): number | undefined {
  const cost = obj(obj(extensions).cost);
  const status = obj(cost.throttleStatus);
  const requested = num(cost.requestedQueryCost);
  const available = num(status.currentlyAvailable);
  const restore = num(status.restoreRate);
  if (requested === null || available === null || !restore) return undefined;
  // Throttled although the bucket covers the request: something other than the cost bucket
  // is limiting (a per-second cap); the formula says nothing, so fall back to 1 s.
  if (requested <= available) return undefined;
  return Math.max(100, Math.ceil(((requested - available) / restore) * 1000));
}
