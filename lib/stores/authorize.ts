// stores.authorize: the platform's own authorization, run by the background with the seller's
// app key and secret (no Shelfsync server): build the authorize link, open it with
// identity.launchWebAuthFlow, check the state that comes back, exchange the code, save the store.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { keepAliveWhile } from '../jobs/keepalive';
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { lazadaAuth, shopeeAuth, shopifyAuth, tiktokAuth, woocommerceAuth, type AuthorizationResult } from '../platforms/index';
import { SHOPIFY_SHOP_DOMAIN, SHOPIFY_SHOP_EXAMPLE } from '../platforms/shopify/profile';
import { PlatformError, type Credentials, type Platform, type PlatformEndpoints } from '../platforms/types';
import { assertHostAccess, endpointFields, resolveEndpoints } from './endpoints';
import { platformMessage, saveStore } from './save';
import type { StoreView } from './session';
import { t } from '../i18n';

const key = z.union([z.string().trim().min(1).max(500), z.number().int().positive()]).transform(String);
const region = z.string().trim().toLowerCase().regex(/^[a-z]{2,10}$/).optional();
const common = { name: z.string().trim().min(1).max(100).optional(), region, ...endpointFields, storeId: z.number().int().positive().optional() };

export const authorizeInput = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('shopee'), appCredentials: z.object({ partnerId: key, partnerKey: key }).strict(), ...common }).strict(),
  z.object({ platform: z.literal('lazada'), appCredentials: z.object({ appKey: key, appSecret: key }).strict(), ...common }).strict(),
  z.object({ platform: z.literal('tiktok'), appCredentials: z.object({ appKey: key, appSecret: key, serviceId: key }).strict(), ...common }).strict(),
  z.object({ platform: z.literal('shopify'), appCredentials: z.object({ clientId: key, clientSecret: key, shopDomain: z.string().trim().toLowerCase().regex(SHOPIFY_SHOP_DOMAIN, `must look like ${SHOPIFY_SHOP_EXAMPLE}`) }).strict(), ...common }).strict(),
  z.object({ platform: z.literal('woocommerce'), appCredentials: z.object({}).strict().default({}), ...common }).strict(),
]);
export type AuthorizeInput = z.output<typeof authorizeInput>;

/** The URL the seller registers as the app's callback (shown in the dashboard with a copy button). */
export function redirectUrlFor(platform: Platform): string {
  return browser.identity.getRedirectURL(platform);
}

function randomState(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type AnyAuthorization = Omit<AuthorizationResult<Platform>, 'credentials'> & { credentials: Credentials };

async function runFlow(input: AuthorizeInput, endpoints: PlatformEndpoints, state: string): Promise<AnyAuthorization> {
  const redirect = redirectUrlFor(input.platform);
  const launch = (url: string) => keepAliveWhile(async () => {
    const back = await browser.identity.launchWebAuthFlow({ url, interactive: true });
    if (!back) throw new CommandError('authorization_cancelled', t('err_store_authWindowClosed'));
    return back;
  });
  switch (input.platform) {
    case 'shopee': {
      const back = await launch(await shopeeAuth.buildAuthorizeUrl(input.appCredentials, endpoints, redirect, state));
      return shopeeAuth.completeAuthorization(input.appCredentials, endpoints, back, state);
    }
    case 'lazada': {
      const back = await launch(await lazadaAuth.buildAuthorizeUrl(input.appCredentials, endpoints, redirect, state));
      return lazadaAuth.completeAuthorization(input.appCredentials, endpoints, back, state);
    }
    case 'tiktok': {
      const back = await launch(await tiktokAuth.buildAuthorizeUrl(input.appCredentials, endpoints, redirect, state));
      return tiktokAuth.completeAuthorization(input.appCredentials, endpoints, back, state);
    }
    case 'shopify': {
      const app = { ...input.appCredentials, scopes: shopifyAuth.DEFAULT_SCOPES };
      const back = await launch(await shopifyAuth.buildAuthorizeUrl(app, endpoints, redirect, state));
      return shopifyAuth.completeAuthorization(app, endpoints, back, state);
    }
    case 'woocommerce': {
      const app = { appName: 'Shelfsync' };
      const back = await launch(await woocommerceAuth.buildAuthorizeUrl(app, endpoints, redirect, state));
      return woocommerceAuth.completeAuthorization(app, endpoints, back, state);
    }
  }
}

export async function authorizeStore(db: ShelfsyncDB, input: AuthorizeInput, now: () => number): Promise<StoreView> {
  const site = input.platform === 'shopify' ? input.appCredentials.shopDomain : undefined;
  const endpoints = resolveEndpoints(input.platform, input.region, input, site);
  await assertHostAccess(endpoints);
  let result: AnyAuthorization;
  try {
    result = await runFlow(input, endpoints, randomState());
  } catch (err) {
    if (err instanceof PlatformError) throw new CommandError(err.kind === 'auth' ? 'auth_failed' : 'platform_unreachable', t('err_store_authUnfinished', platformMessage(err)), { kind: err.kind });
    if (err instanceof CommandError) throw err;
    // launchWebAuthFlow rejects when the seller closes the window or the page cannot load.
    throw new CommandError('authorization_cancelled', t('err_store_authUnfinished', err instanceof Error ? err.message : String(err)));
  }
  return saveStore(db, {
    platform: input.platform,
    name: input.name ?? result.shopName ?? `${input.platform} store`,
    region: result.region?.toLowerCase() ?? input.region ?? null,
    endpoints,
    credentials: result.credentials,
    identity: { region: result.region?.toUpperCase(), ...result.identity },
    storeId: input.storeId,
  }, now());
}
