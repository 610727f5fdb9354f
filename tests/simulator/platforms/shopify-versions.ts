// Shopify Admin API versions as the simulator serves them, and the per-version schema slices
// generated from Shopify's published introspection (shopify-schema/README.md).
//
// Versioning (shopify.dev "About Shopify API versioning"): a stable version YYYY-MM is released on
// the first of its month at 17:00 UTC and supported for at least 12 months. A request for a
// version that is not supported (too old, or never released) is served by the oldest supported
// stable version, and every answer says in `X-Shopify-API-Version` which version served it; an
// answer that used a deprecated field also carries `X-Shopify-API-Deprecated-Reason`. The release
// candidate (the next quarter's version) and `unstable` are served as asked.
//
// "Now" is the simulator's clock (POST /__sim/clock), so a test can stand on a date where
// 2025-10 is still supported. If the clock is past every version the simulator holds, the
// newest one serves (the slices would need regenerating from a newer @shopify/dev-mcp).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An argument or input field: its type, or [type, default as GraphQL source]. */
export type ValueSpec = string | [string, string];
export interface FieldSpec {
  type: string;
  args?: Record<string, ValueSpec>;
  deprecated?: string;
}
export type TypeSpec =
  | { kind: 'object' | 'interface'; fields?: Record<string, FieldSpec>; others?: string[]; possibleTypes?: string[] }
  | { kind: 'union'; possibleTypes?: string[] }
  | { kind: 'input'; fields: Record<string, ValueSpec>; oneOf?: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'scalar' };
export interface SchemaSlice {
  source: string;
  version: string;
  directives: Record<string, { locations: string[]; args: Record<string, ValueSpec> }>;
  /** Mutations that take `@idempotent(key:)`; the value is the version from which it is required. */
  idempotent: Record<string, string | null>;
  types: Record<string, TypeSpec>;
}

// A file URL under Node; under a test DOM (jsdom) modules have http URLs, their path from the
// root. (Not `new URL('./…', import.meta.url)`: Vite rewrites that pattern as an asset import.)
const moduleUrl = new URL(import.meta.url);
const moduleDir = moduleUrl.protocol === 'file:' ? dirname(fileURLToPath(moduleUrl)) : join(process.cwd(), dirname(decodeURIComponent(moduleUrl.pathname)));
const dir = join(moduleDir, 'shopify-schema');
const index = JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')) as { source: string; versions: string[] };
/** The versions whose schema the simulator holds, oldest first (`unstable` last). */
export const HELD_VERSIONS: readonly string[] = index.versions;
const STABLE = HELD_VERSIONS.filter((v) => v !== 'unstable');

const cache = new Map<string, SchemaSlice>();
export function schemaFor(version: string): SchemaSlice {
  let s = cache.get(version);
  if (!s) {
    s = JSON.parse(readFileSync(join(dir, `admin-${version}.json`), 'utf8')) as SchemaSlice;
    cache.set(version, s);
  }
  return s;
}

function month(version: string): [number, number] {
  const [y, m] = version.split('-').map(Number);
  return [y!, m!];
}
/** Stable versions come out at 17:00 UTC on the first of their month. */
export function releasedAt(version: string): number {
  const [y, m] = month(version);
  return Date.UTC(y, m - 1, 1, 17);
}
/** Supported for 12 months from release. */
export function supportEndsAt(version: string): number {
  const [y, m] = month(version);
  return Date.UTC(y + 1, m - 1, 1, 17);
}
export function isSupported(version: string, now: number): boolean {
  return /^\d{4}-(01|04|07|10)$/.test(version) && releasedAt(version) <= now && now < supportEndsAt(version);
}
/** The next quarter's version, before its release. */
function isReleaseCandidate(version: string, now: number): boolean {
  const at = releasedAt(version);
  return at > now && at - now <= 92 * 24 * 3600 * 1000;
}

/** The version that answers a request for `requested` at `now`. */
export function servedVersion(requested: string, now: number): string {
  if (requested === 'unstable' && HELD_VERSIONS.includes('unstable')) return 'unstable';
  if (STABLE.includes(requested) && (isSupported(requested, now) || isReleaseCandidate(requested, now))) return requested;
  return STABLE.find((v) => isSupported(v, now)) ?? STABLE[STABLE.length - 1]!;
}
