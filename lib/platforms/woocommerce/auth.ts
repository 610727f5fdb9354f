// WooCommerce authorization (platforms/README.md): WordPress Application Passwords. The
// authorize page redirects to `success_url` with `site_url, user_login, password`; there is no
// code exchange and no token expiry. REST API keys pasted by the seller are the alternative.

import { checkState, redirectParams, requireParam, withState, type AuthorizationResult } from '../authCommon.ts';
import { joinUrl, queryString } from '../http.ts';
import { PlatformError, type PlatformEndpoints } from '../types.ts';

export interface WooApp {
  /** Shown to the seller on the WordPress approval page. */
  appName: string;
  /** A UUID identifying Shelfsync's passwords on that site. */
  appId?: string;
}

export async function buildAuthorizeUrl(
  app: WooApp,
  endpoints: PlatformEndpoints,
  redirectUri: string,
  state: string,
): Promise<string> {
  // WordPress has no state parameter; ours rides in success_url / reject_url, which it keeps.
  const back = withState(redirectUri, state);
  const q: [string, string][] = [['app_name', app.appName]];
  if (app.appId) q.push(['app_id', app.appId]);
  q.push(['success_url', back], ['reject_url', back]);
  return `${joinUrl(endpoints.apiBaseUrl, '/wp-admin/authorize-application.php')}?${queryString(q)}`;
}

export async function completeAuthorization(
  _app: WooApp,
  endpoints: PlatformEndpoints,
  redirectUrl: string,
  expectedState: string,
): Promise<AuthorizationResult<'woocommerce'>> {
  const params = redirectParams(redirectUrl);
  checkState(params, expectedState);
  if (params.get('success') === 'false') throw new PlatformError('auth', 'woocommerce: the seller declined the connection');
  const siteUrl = params.get('site_url');
  if (siteUrl && normalize(siteUrl) !== normalize(endpoints.apiBaseUrl)) {
    throw new PlatformError('auth', `woocommerce: the password is for ${siteUrl}, not ${endpoints.apiBaseUrl}`);
  }
  return {
    credentials: {
      platform: 'woocommerce',
      username: requireParam(params, 'user_login'),
      applicationPassword: requireParam(params, 'password'),
    },
  };
}

function normalize(url: string): string {
  return url.replace(/\/+$/, '').toLowerCase();
}
