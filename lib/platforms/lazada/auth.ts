// Lazada authorization (platforms/README.md, lazada.md § Tokens): the authorize page on the
// auth host, a 30-minute code, /auth/token/create signed with the app secret. One
// authorization can cover several country stores (`country_user_info`).

import { checkState, compactIdentity, redirectParams, requireParam, type AuthorizationResult } from '../authCommon.ts';
import { joinUrl, queryString, type AdapterOptions } from '../http.ts';
import { PlatformError, type CredentialsOf, type PlatformEndpoints, type ShopIdentity } from '../types.ts';
import { arr, int, obj, str } from '../util.ts';
import { lazadaCall } from './client.ts';

export interface LazadaApp {
  appKey: string;
  appSecret: string;
}

const DEFAULT_AUTH = 'https://auth.lazada.com';

/** Token calls live under `{authBaseUrl}/rest` and are signed over `/auth/token/...`. */
function tokenBase(endpoints: PlatformEndpoints): string {
  return joinUrl(endpoints.authBaseUrl ?? DEFAULT_AUTH, '/rest');
}

export async function buildAuthorizeUrl(
  app: LazadaApp,
  endpoints: PlatformEndpoints,
  redirectUri: string,
  state: string,
): Promise<string> {
  return `${joinUrl(endpoints.authBaseUrl ?? DEFAULT_AUTH, '/oauth/authorize')}?${queryString([
    ['response_type', 'code'],
    ['force_auth', 'true'],
    ['redirect_uri', redirectUri],
    ['client_id', app.appKey],
    ['state', state],
  ])}`;
}

export async function completeAuthorization(
  app: LazadaApp,
  endpoints: PlatformEndpoints,
  redirectUrl: string,
  expectedState: string,
  opts: AdapterOptions = {},
): Promise<AuthorizationResult<'lazada'>> {
  const params = redirectParams(redirectUrl);
  checkState(params, expectedState);
  const code = requireParam(params, 'code');
  const env = await lazadaCall(tokenBase(endpoints), app, { method: 'GET', path: '/auth/token/create', params: { code } }, opts);
  const t = tokenFields(env, opts);
  const infos = arr(t.src.country_user_info).map(obj);
  const countries = infos.map((o) => ({ country: str(o.country).toLowerCase(), sellerId: str(o.seller_id) || undefined, userId: str(o.user_id) || undefined }));
  const region = countries[0]?.country || str(t.src.country).toLowerCase() || undefined;
  return {
    credentials: { platform: 'lazada', appKey: app.appKey, appSecret: app.appSecret, ...t.tokens },
    shopName: str(t.src.account) || undefined,
    region,
    countries,
    identity: compactIdentity({ sellerId: countries[0]?.sellerId, shortCode: str(infos[0]?.short_code) || undefined, region: region?.toUpperCase() }),
  };
}

/** `/seller/get` (GetSeller): `data{seller_id, short_code, name, name_company, location, ...}`;
 *  seller_id arrives as a number. Not in our contract doc; public SDK models agree on the names. */
export function parseLazadaSeller(env: Record<string, unknown>): { shopName?: string; identity: ShopIdentity } {
  const d = obj(env.data);
  const name = str(d.name) || str(d.name_company) || undefined;
  return { shopName: name, identity: compactIdentity({ sellerId: str(d.seller_id) || undefined, shortCode: str(d.short_code) || undefined, name }) };
}

export async function refreshLazadaToken(
  creds: CredentialsOf<'lazada'>,
  endpoints: PlatformEndpoints,
  opts: AdapterOptions = {},
): Promise<CredentialsOf<'lazada'>> {
  const env = await lazadaCall(
    tokenBase(endpoints),
    { appKey: creds.appKey, appSecret: creds.appSecret },
    { method: 'GET', path: '/auth/token/refresh', params: { refresh_token: creds.refreshToken } },
    opts,
  );
  const t = tokenFields(env, opts);
  return { ...creds, ...t.tokens, refreshToken: t.tokens.refreshToken || creds.refreshToken };
}

/** Lazada puts token fields at the top level of the answer; accept `data` too. */
function tokenFields(env: Record<string, unknown>, opts: AdapterOptions) {
  const src = { ...obj(env.data), ...env };
  const accessToken = str(src.access_token);
  if (!accessToken) throw new PlatformError('auth', 'lazada: the token answer has no access_token');
  const expiresIn = int(src.expires_in, 7 * 86400);
  return {
    src,
    tokens: {
      accessToken,
      refreshToken: str(src.refresh_token),
      accessTokenExpiresAt: (opts.now?.() ?? Date.now()) + expiresIn * 1000,
    },
  };
}
