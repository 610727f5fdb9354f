// TikTok Shop authorization (platforms/README.md, tiktok.md § Tokens): the service's authorize
// page, a code exchanged with app key + secret on the auth host (GET, unsigned), then
// /authorization/202309/shops for the shop's cipher, name and region.

import { checkState, compactIdentity, redirectParams, type AuthorizationResult } from '../authCommon.ts';
import { joinUrl, queryString, send, type AdapterOptions } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints, type ShopIdentity } from '../types.ts';
import { arr, epochMs, num, obj, str } from '../util.ts';
import { tiktokCall, tiktokError } from './client.ts';

export interface TiktokApp {
  appKey: string;
  appSecret: string;
  /** The app's service id (Partner Center); the authorize page is per service. */
  serviceId: string;
}

const DEFAULT_AUTH = 'https://auth.tiktok-shops.com';
const DEFAULT_AUTHORIZE = 'https://services.tiktokshop.com';

/** TikTok redirects to the URL registered for the app; `redirect_uri` is added for hosts (the
 *  simulator) that have no registration. */
export async function buildAuthorizeUrl(
  app: TiktokApp,
  endpoints: PlatformEndpoints,
  redirectUri: string,
  state: string,
): Promise<string> {
  return `${joinUrl(endpoints.authorizeBaseUrl ?? DEFAULT_AUTHORIZE, '/open/authorize')}?${queryString([
    ['service_id', app.serviceId],
    ['state', state],
    ['redirect_uri', redirectUri],
  ])}`;
}

export async function completeAuthorization(
  app: TiktokApp,
  endpoints: PlatformEndpoints,
  redirectUrl: string,
  expectedState: string,
  opts: AdapterOptions = {},
): Promise<AuthorizationResult<'tiktok'>> {
  const params = redirectParams(redirectUrl);
  checkState(params, expectedState);
  const code = params.get('code') ?? params.get('auth_code');
  if (!code) throw new PlatformError('auth', 'tiktok authorization: the redirect carries no code');
  const tokens = await tokenCall(endpoints, '/api/v2/token/get', {
    app_key: app.appKey,
    app_secret: app.appSecret,
    auth_code: code,
    grant_type: 'authorized_code',
  }, opts);
  const shopsEnv = await tiktokCall(
    endpoints.apiBaseUrl,
    { appKey: app.appKey, appSecret: app.appSecret, accessToken: tokens.accessToken },
    { method: 'GET', path: '/authorization/202309/shops' },
    opts,
  );
  const shop = obj(arr(obj(shopsEnv.data).shops)[0]);
  const cipher = str(shop.cipher);
  if (!cipher) throw new PlatformError('auth', 'tiktok authorization: no authorized shop (no cipher)');
  return {
    credentials: { platform: 'tiktok', appKey: app.appKey, appSecret: app.appSecret, shopCipher: cipher, ...tokens },
    shopName: str(shop.name) || undefined,
    region: str(shop.region) || undefined,
    identity: shopIdentity(shop),
  };
}

/** One entry of `/authorization/202309/shops`: `{id, name, region, cipher, code, seller_type}`
 *  (tiktok.md; `code` as in TikTok's SDK models — the shop code Seller Center shows). */
function shopIdentity(shop: Record<string, unknown>): ShopIdentity {
  return compactIdentity({ shopId: str(shop.id), cipher: str(shop.cipher), shortCode: str(shop.code), name: str(shop.name), region: str(shop.region).toUpperCase() });
}

export async function refreshTiktokToken(
  creds: CredentialsOf<'tiktok'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<CredentialsOf<'tiktok'>> {
  const tokens = await tokenCall(endpoints, '/api/v2/token/refresh', {
    app_key: creds.appKey,
    app_secret: creds.appSecret,
    refresh_token: creds.refreshToken,
    grant_type: 'refresh_token',
  }, opts);
  return { ...creds, ...tokens, refreshToken: tokens.refreshToken || creds.refreshToken };
}

async function tokenCall(
  endpoints: PlatformEndpoints,
  path: string,
  params: Record<string, string>,
  opts: AdapterOptions,
): Promise<{ accessToken: string; refreshToken: string; accessTokenExpiresAt: number }> {
  const url = `${joinUrl(endpoints.authBaseUrl ?? DEFAULT_AUTH, path)}?${queryString(Object.entries(params))}`;
  const res = await send({ method: 'GET', url }, opts);
  const err = tiktokError(res, path);
  if (err) throw err;
  const data = obj(obj(res.json).data);
  const accessToken = str(data.access_token);
  if (!accessToken) throw new PlatformError('auth', 'tiktok: the token answer has no access_token');
  // access_token_expire_in is an absolute Unix time, not a duration; a small number can only
  // be a duration (a host that answers seconds-from-now), so read it as one.
  const now = opts.now?.() ?? Date.now();
  const raw = num(data.access_token_expire_in);
  const exp = raw === null || raw <= 0 ? now + 7 * 86400_000 : raw < 1e9 ? now + raw * 1000 : epochMs(raw);
  return { accessToken, refreshToken: str(data.refresh_token), accessTokenExpiresAt: exp };
}

/** Shop name and ids for an existing connection (testConnection): the shop whose cipher the
 *  store holds. The shops call itself takes no cipher, so this is also where a cipher that the
 *  token does not cover is found out — before any shop call fails on it. */
export async function tiktokShopInfo(
  creds: CredentialsOf<'tiktok'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<{ shopName?: string; identity: ShopIdentity }> {
  const env = await tiktokCall(endpoints.apiBaseUrl, creds, { method: 'GET', path: '/authorization/202309/shops' }, opts);
  const shop = arr(obj(env.data).shops).map(obj).find((s) => str(s.cipher) === creds.shopCipher);
  if (!shop) throw new PlatformError('auth', 'tiktok: the shop cipher is not one of the shops this authorization covers');
  return { shopName: str(shop.name) || undefined, identity: shopIdentity(shop) };
}
