// What each destination platform refuses in a new listing: the create calls' refusals the
// simulator plays (tests/simulator/platforms/*.ts) and the limits the platforms' references
// document (docs/platforms/*.md; TikTok's Create Product reference for SKU, option and
// description lengths). Validation checks every one before release; tests/contract/
// create-refusals.test.ts sends the same payloads to the simulator to keep both in step.
import { byPlatform, profileOf, type ListingLimits } from '../platforms/profiles';
import type { Platform } from '../platforms/types';

export type { ListingLimits };

/** Each platform's rules, from its profile (lib/platforms/<platform>/profile.ts, where each
 *  number's source is said). */
export const LIMITS: Record<Platform, ListingLimits> = byPlatform((p) => p.listing);

/** The platform's name as sellers know it, for sentences the background writes. */
export function platformName(platform: Platform): string {
  return profileOf(platform).name;
}
