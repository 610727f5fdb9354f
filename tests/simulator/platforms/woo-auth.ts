// WooCommerce REST authentication, as WooCommerce's WC_REST_Authentication does it:
//  - Over HTTPS: HTTP Basic with consumer key/secret (or ?consumer_key=&consumer_secret=), or a
//    WordPress username + application password. The simulator is plain HTTP, so it treats a
//    request carrying `X-Forwarded-Proto: https` as HTTPS (it stands in for an HTTPS site).
//  - Otherwise (and also over HTTPS): one-legged OAuth 1.0a. Parameters come from the query
//    string, a urlencoded body and an `Authorization: OAuth` header. Base string =
//    METHOD & rawurlencode(site URL + path) & the params (minus oauth_signature) sorted by key,
//    each key and value rawurlencoded, joined "k=v", each pair rawurlencoded again, joined "%26".
//    Key = consumer_secret + "&"; HMAC-SHA1 or HMAC-SHA256; base64. Timestamp ±15 min;
//    a nonce may not be reused within that window. The site URL is the one the client used
//    (Host header), scheme http unless X-Forwarded-Proto is https.
//  - Basic credentials over plain HTTP are ignored, as WooCommerce ignores them: the request is
//    then unauthenticated (401 woocommerce_rest_cannot_view and friends).
import { type Ctx, type SimResponse, formParams, header, json } from '../http.ts';
import type { Shop, WooKey } from '../state.ts';
import { hmacB64, safeEqual } from '../util.ts';

export function rawurlencode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
const WINDOW_S = 15 * 60;
const authError = (message: string): SimResponse => json(401, { code: 'woocommerce_rest_authentication_error', message, data: { status: 401 } });

export type AuthResult = { user: 'key'; key: WooKey } | { user: 'app_password' } | { user: 'none' };

function parseOAuthHeader(h: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = h.replace(/^OAuth\s+/i, '');
  for (const m of body.matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!);
  return out;
}

export function oauthBaseString(method: string, url: string, params: Record<string, string>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'oauth_signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pairs = keys.map((k) => rawurlencode(`${rawurlencode(k)}=${rawurlencode(params[k]!)}`));
  return `${method.toUpperCase()}&${rawurlencode(url)}&${pairs.join('%26')}`;
}

/** Authenticate a WooCommerce REST request; a response means "refuse with this". */
export function wooAuthenticate(ctx: Ctx, shop: Shop): AuthResult | SimResponse {
  const { req, state } = ctx;
  const https = (header(req, 'x-forwarded-proto') ?? '').toLowerCase() === 'https';
  const findKey = (ck: string): WooKey | undefined => shop.wooKeys.find((k) => k.consumerKey === ck && !k.revoked);
  if (https) {
    const auth = header(req, 'authorization') ?? '';
    let user: string | undefined;
    let pass: string | undefined;
    if (/^basic\s+/i.test(auth)) {
      const dec = Buffer.from(auth.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
      const i = dec.indexOf(':');
      if (i >= 0) ((user = dec.slice(0, i)), (pass = dec.slice(i + 1)));
    } else if (req.query.get('consumer_key') && req.query.get('consumer_secret')) {
      user = req.query.get('consumer_key')!;
      pass = req.query.get('consumer_secret')!;
    }
    if (user !== undefined && pass !== undefined) {
      if (user.startsWith('ck_')) {
        const k = findKey(user);
        if (!k) return authError('Consumer key is invalid.');
        if (!safeEqual(k.consumerSecret, pass)) return authError('Consumer secret is invalid.');
        return { user: 'key', key: k };
      }
      if (user !== shop.userLogin) return json(401, { code: 'invalid_username', message: 'Unknown username. Check again or try your email address.', data: null });
      const norm = pass.replace(/[^a-z\d]/gi, '');
      if (shop.appPasswords.some((a) => !a.revoked && a.userLogin === user && safeEqual(a.password, norm))) return { user: 'app_password' };
      return json(401, { code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: null });
    }
  }
  // OAuth 1.0a one-legged
  const params: Record<string, string> = {};
  for (const [k, v] of req.query) params[k] = v;
  if (req.method !== 'GET') for (const [k, v] of formParams(req) ?? []) params[k] = v;
  const ah = header(req, 'authorization') ?? '';
  if (/^oauth\s/i.test(ah)) Object.assign(params, parseOAuthHeader(ah));
  if (!Object.keys(params).some((k) => k.startsWith('oauth_'))) return { user: 'none' };
  for (const p of ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method']) {
    if (!params[p]) return authError(`${p} parameter is missing`);
  }
  const key = findKey(params.oauth_consumer_key!);
  if (!key) return authError('Consumer key is invalid.');
  const method = params.oauth_signature_method;
  if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') return authError('Invalid signature - signature method is invalid.');
  const url = `${https ? 'https' : 'http'}://${header(req, 'host') ?? '127.0.0.1'}${req.url.pathname}`;
  const expected = hmacB64(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${key.consumerSecret}&`, oauthBaseString(req.method, url, params));
  const given = params.oauth_signature!.replace(/ /g, '+');
  if (!safeEqual(expected, given)) return authError('Invalid signature - provided signature does not match.');
  const ts = Number(params.oauth_timestamp);
  const now = state.now() / 1000;
  if (!Number.isFinite(ts) || ts < now - WINDOW_S || ts > now + WINDOW_S) return authError('Invalid timestamp.');
  const nonces = shop.usedNonces;
  for (const [n, t] of nonces) if (t < now - WINDOW_S) nonces.delete(n);
  const nk = `${key.consumerKey}:${params.oauth_nonce}`;
  if (nonces.has(nk)) return authError('Invalid nonce - nonce has already been used.');
  nonces.set(nk, ts);
  return { user: 'key', key };
}
