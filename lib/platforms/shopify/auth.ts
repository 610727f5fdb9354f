// Shopify authorization (platforms/README.md): the shop's /admin/oauth/authorize page, a
// callback verified by `hmac` and `state`, the code exchanged for an offline token (no
// expiry, no refresh). A store of the seller's own organization can instead use the
// client-credentials grant, or paste an existing custom-app token.

import { checkState, redirectParams, requireParam, type AuthorizationResult } from '../authCommon.ts';
import { joinUrl, queryString, requireJsonObject, send, type AdapterOptions } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints } from '../types.ts';
import { obj, str } from '../util.ts';
import { shopifyGraphql } from './client.ts';
import { SHOP_QUERY } from './mapping.ts';
import { verifyShopifyCallback } from './sign.ts';

export interface ShopifyApp {
  clientId: string;
  clientSecret: string;
  /** e.g. `read_products,write_products,read_inventory,write_inventory,read_locations`. */
  scopes: string | string[];
  /** `{shop}.myshopify.com`. */
  shopDomain: string;
}

export const DEFAULT_SCOPES = 'read_products,write_products,read_inventory,write_inventory,read_locations,read_orders';

export async function buildAuthorizeUrl(
  app: ShopifyApp,
  endpoints: PlatformEndpoints,
  redirectUri: string,
  state: string,
): Promise<string> {
  const scope = Array.isArray(app.scopes) ? app.scopes.join(',') : app.scopes || DEFAULT_SCOPES;
  return `${joinUrl(endpoints.apiBaseUrl, '/admin/oauth/authorize')}?${queryString([
    ['client_id', app.clientId],
    ['scope', scope],
    ['redirect_uri', redirectUri],
    ['state', state],
  ])}`;
}

export async function completeAuthorization(
  app: ShopifyApp,
  endpoints: PlatformEndpoints,
  redirectUrl: string,
  expectedState: string,
  opts: AdapterOptions = {},
): Promise<AuthorizationResult<'shopify'>> {
  const params = redirectParams(redirectUrl);
  checkState(params, expectedState);
  if (!(await verifyShopifyCallback(params, app.clientSecret))) {
    throw new PlatformError('auth', 'shopify authorization: the callback hmac does not verify');
  }
  const shop = params.get('shop');
  if (shop && shop.toLowerCase() !== app.shopDomain.toLowerCase()) {
    throw new PlatformError('auth', `shopify authorization: answered for ${shop}, expected ${app.shopDomain}`);
  }
  const code = requireParam(params, 'code');
  const accessToken = await tokenRequest(endpoints, { client_id: app.clientId, client_secret: app.clientSecret, code }, opts);
  return withShopName({ platform: 'shopify', shopDomain: app.shopDomain, accessToken }, endpoints, opts);
}

/** Client-credentials grant: a store of the seller's own organization, no browser step. */
export async function clientCredentialsToken(
  app: Omit<ShopifyApp, 'scopes'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<AuthorizationResult<'shopify'>> {
  const accessToken = await tokenRequest(
    endpoints,
    { client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'client_credentials' },
    opts,
  );
  return withShopName({ platform: 'shopify', shopDomain: app.shopDomain, accessToken }, endpoints, opts);
}

async function tokenRequest(endpoints: PlatformEndpoints, body: Record<string, string>, opts: AdapterOptions): Promise<string> {
  const res = await send(
    {
      method: 'POST',
      url: joinUrl(endpoints.apiBaseUrl, '/admin/oauth/access_token'),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    },
    opts,
  );
  const json = requireJsonObject(res, 'shopify access_token');
  const token = str(json.access_token);
  if (!token) {
    // A bad code or secret is a 400 with {error, error_description}: re-authorize.
    throw new PlatformError('auth', `shopify: no access token: ${str(json.error_description) || str(json.error) || `HTTP ${res.status}`}`);
  }
  return token;
}

async function withShopName(
  credentials: CredentialsOf<'shopify'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions,
): Promise<AuthorizationResult<'shopify'>> {
  const data = await shopifyGraphql(endpoints, credentials.accessToken, SHOP_QUERY, {}, opts).catch(() => ({}));
  return { credentials, shopName: str(obj(obj(data).shop).name) || undefined };
}

