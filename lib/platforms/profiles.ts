// Every platform's profile (profile.ts): the one table other layers read a platform's facts from.
// Pure data with no browser API, so wxt.config.ts reads it at build time for the manifest.
import { lazadaProfile } from './lazada/profile.ts';
import type { PlatformProfile } from './profile.ts';
import { shopeeProfile } from './shopee/profile.ts';
import { shopifyProfile } from './shopify/profile.ts';
import { tiktokProfile } from './tiktok/profile.ts';
import { PLATFORMS, type Platform } from './types.ts';
import { woocommerceProfile } from './woocommerce/profile.ts';

export type { ListingLimits, PlatformProfile } from './profile.ts';

export const PROFILES: Readonly<Record<Platform, PlatformProfile>> = {
  shopee: shopeeProfile,
  lazada: lazadaProfile,
  tiktok: tiktokProfile,
  shopify: shopifyProfile,
  woocommerce: woocommerceProfile,
};

export function profileOf(platform: Platform): PlatformProfile {
  return PROFILES[platform];
}

/** One fact of every platform, as a table keyed by platform (`byPlatform((p) => p.color)`). */
export function byPlatform<T>(fact: (profile: PlatformProfile) => T): Record<Platform, T> {
  return Object.fromEntries(PLATFORMS.map((p) => [p, fact(PROFILES[p])])) as Record<Platform, T>;
}

/** The production manifest's host_permissions: every platform's API and token hosts. */
export const API_HOST_PERMISSIONS: readonly string[] = PLATFORMS.flatMap((p) => PROFILES[p].api.hostPermissions);

export function isPlatform(value: string | null | undefined): value is Platform {
  return !!value && (PLATFORMS as readonly string[]).includes(value);
}
