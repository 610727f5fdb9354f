// Where a store's platform lives: production hosts by default; a sandbox, the simulator or a
// seller's own Shopify/WooCommerce domain when given. Hosts outside the manifest's host
// permissions must have been granted (optional permission) before we call them.
import { z } from 'zod';
import { CommandError } from '../commands/errors';
import { hasHostAccess } from '../permissions/hosts';
import { defaultEndpoints } from '../platforms/index';
import type { Platform, PlatformEndpoints } from '../platforms/types';
import { t } from '../i18n';

const baseUrl = z.string().trim().max(500).url('must be a web address').refine((u) => /^https?:\/\//i.test(u), 'must start with https:// (or http:// for a local test site)').transform((u) => u.replace(/\/+$/, ''));

export const endpointFields = {
  apiBaseUrl: baseUrl.optional(),
  authBaseUrl: baseUrl.optional(),
  authorizeBaseUrl: baseUrl.optional(),
  apiVersion: z.string().regex(/^\d{4}-\d{2}$/, 'looks like 2025-10').optional(),
};

export function resolveEndpoints(platform: Platform, region: string | undefined, given: Partial<PlatformEndpoints>, site?: string): PlatformEndpoints {
  const defaults = defaultEndpoints(platform, region, site);
  // Only the endpoint fields: `given` is often the whole command payload, credentials included.
  const picked = Object.fromEntries((['apiBaseUrl', 'authBaseUrl', 'authorizeBaseUrl', 'apiVersion'] as const).filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
  const endpoints: PlatformEndpoints = { ...defaults, ...picked };
  if (!endpoints.apiBaseUrl) {
    throw new CommandError('invalid_input', t(platform === 'woocommerce' ? 'err_store_giveWooAddress' : 'err_store_giveApiAddress'), [{ field: 'apiBaseUrl', message: 'required' }]);
  }
  return endpoints;
}

export async function assertHostAccess(endpoints: PlatformEndpoints): Promise<void> {
  for (const url of [endpoints.apiBaseUrl, endpoints.authBaseUrl].filter((u): u is string => !!u)) {
    if (!(await hasHostAccess(url))) {
      throw new CommandError('permission_needed', t('err_store_hostPermission', new URL(url).host), { url });
    }
  }
}
