// Shopee authorization (platforms/README.md, shopee.md § Tokens): a signed auth_partner link,
// the redirect brings `code` + `shop_id`, the code is exchanged once for a 4-hour access token
// and a single-use refresh token.

import { checkState, redirectParams, requireParam, withState, type AuthorizationResult } from '../authCommon.ts';
import { joinUrl, queryString, type AdapterOptions } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints } from '../types.ts';
import { arr, int, obj, str } from '../util.ts';
import { shopeePublicCall, shopeeShopCall, type ShopeeApp } from './client.ts';
import { shopeePublicSign } from './sign.ts';

const AUTH_PARTNER = '/api/v2/shop/auth_partner';

/** The page the seller opens. Shopee's link has no state parameter, so the state rides in our
 *  redirect URL's query, which Shopee keeps when it appends `code` and `shop_id`. */
export async function buildAuthorizeUrl(
  app: ShopeeApp,
  endpoints: PlatformEndpoints,
  redirectUri: string,
  state: string,
  opts: AdapterOptions = {},
): Promise<string> {
  const timestamp = Math.floor((opts.now?.() ?? Date.now()) / 1000);
  const sign = await shopeePublicSign(app.partnerKey, app.partnerId, AUTH_PARTNER, timestamp);
  return `${joinUrl(endpoints.apiBaseUrl, AUTH_PARTNER)}?${queryString([
    ['partner_id', app.partnerId],
    ['timestamp', String(timestamp)],
    ['sign', sign],
    ['redirect', withState(redirectUri, state)],
  ])}`;
}

export async function completeAuthorization(
  app: ShopeeApp,
  endpoints: PlatformEndpoints,
  redirectUrl: string,
  expectedState: string,
  opts: AdapterOptions = {},
): Promise<AuthorizationResult<'shopee'>> {
  const params = redirectParams(redirectUrl);
  checkState(params, expectedState);
  const code = requireParam(params, 'code');
  let shopId = params.get('shop_id');
  const mainAccountId = params.get('main_account_id');
  if (!shopId && !mainAccountId) throw new PlatformError('auth', 'shopee authorization: no shop_id in the redirect');
  const body: Record<string, unknown> = { code, partner_id: Number(app.partnerId) };
  if (shopId) body.shop_id = Number(shopId);
  else body.main_account_id = Number(mainAccountId);
  const env = await shopeePublicCall(app, endpoints, { method: 'POST', path: '/api/v2/auth/token/get', body }, opts);
  const t = tokenFields(env);
  // A main account authorizes several shops at once; Shelfsync makes one store per shop.
  shopId ??= str(arr(t.shopIdList)[0]);
  if (!shopId) throw new PlatformError('auth', 'shopee authorization: the token answer names no shop');
  const credentials: CredentialsOf<'shopee'> = {
    platform: 'shopee',
    partnerId: app.partnerId,
    partnerKey: app.partnerKey,
    shopId,
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    accessTokenExpiresAt: expiresAt(t.expireIn, opts),
  };
  const info = await shopInfo(credentials, endpoints, opts).catch(() => ({}));
  return { credentials, ...info };
}

/** Single-use refresh: the answer carries a new refresh token that replaces the old one. */
export async function refreshShopeeToken(
  creds: CredentialsOf<'shopee'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<CredentialsOf<'shopee'>> {
  const env = await shopeePublicCall(
    creds,
    endpoints,
    {
      method: 'POST',
      path: '/api/v2/auth/access_token/get',
      body: { refresh_token: creds.refreshToken, partner_id: Number(creds.partnerId), shop_id: Number(creds.shopId) },
    },
    opts,
  );
  const t = tokenFields(env);
  return {
    ...creds,
    accessToken: t.accessToken,
    refreshToken: t.refreshToken || creds.refreshToken,
    accessTokenExpiresAt: expiresAt(t.expireIn, opts),
  };
}

/** get_shop_info (not in our doc, but the real API has it): shop name and region, best effort. */
export async function shopInfo(
  creds: CredentialsOf<'shopee'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<{ shopName?: string; region?: string }> {
  return parseShopInfo(await shopeeShopCall(creds, endpoints, { method: 'GET', path: SHOP_INFO }, opts));
}

export const SHOP_INFO = '/api/v2/shop/get_shop_info';

/** The real answer has the fields at the top level; accept them under `response` too. */
export function parseShopInfo(env: Record<string, unknown>): { shopName?: string; region?: string } {
  const src = { ...obj(env.response), ...env };
  return { shopName: str(src.shop_name) || undefined, region: str(src.region) || undefined };
}

/** Token answers carry their fields at the top level (real API); some wrap them in `response`. */
function tokenFields(env: Record<string, unknown>) {
  const src = { ...obj(env.response), ...env };
  const accessToken = str(src.access_token);
  if (!accessToken) throw new PlatformError('auth', 'shopee: the token answer has no access_token');
  return {
    accessToken,
    refreshToken: str(src.refresh_token),
    expireIn: int(src.expire_in, 4 * 3600),
    shopIdList: src.shop_id_list,
  };
}

function expiresAt(expireInSeconds: number, opts: AdapterOptions): number {
  return (opts.now?.() ?? Date.now()) + expireInSeconds * 1000;
}
