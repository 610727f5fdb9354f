// Pieces every platform's authorization flow shares: the result shape and the redirect checks.

import { PlatformError, type CredentialsOf, type Platform, type ShopIdentity } from './types.ts';

export interface AuthorizationResult<P extends Platform> {
  credentials: CredentialsOf<P>;
  shopName?: string;
  /** Lazada country (`sg`, `my`, ...), TikTok region (`US`, `GB`, ...), Shopee region when known. */
  region?: string;
  /** Lazada: every country store the seller authorized (one Shelfsync store per country). */
  countries?: { country: string; sellerId?: string; userId?: string }[];
  /** The authorized shop's ids as the platform answered them (Lazada: its first country store). */
  identity?: ShopIdentity;
}

/** Drops empty fields, so merging a newer answer never erases what an older one said. */
export function compactIdentity(identity: ShopIdentity): ShopIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => typeof v === 'string' && v !== '')) as ShopIdentity;
}

/** Query parameters of the URL the platform redirected back to (from launchWebAuthFlow). */
export function redirectParams(redirectUrl: string): URLSearchParams {
  try {
    return new URL(redirectUrl).searchParams;
  } catch {
    throw new PlatformError('invalid', 'authorization: the redirect URL is not a URL');
  }
}

/** CSRF check: the state we sent must come back unchanged. */
export function checkState(params: URLSearchParams, expectedState: string): void {
  const state = params.get('state');
  if (state !== expectedState) throw new PlatformError('auth', 'authorization: state mismatch (possible forged redirect)');
  const error = params.get('error');
  if (error) throw new PlatformError('auth', `authorization refused: ${error} ${params.get('error_description') ?? ''}`.trim());
}

export function requireParam(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (!v) throw new PlatformError('auth', `authorization: the redirect carries no ${name}`);
  return v;
}

/** Adds `state` to a redirect URL for platforms whose authorize page has no state parameter
 *  (Shopee, WordPress): the platform keeps our query string and appends its own. */
export function withState(redirectUri: string, state: string): string {
  const u = new URL(redirectUri);
  u.searchParams.set('state', state);
  return u.toString();
}
