// The five platforms as the dashboard shows them: name and colour, from each platform's profile
// (lib/platforms/<platform>/profile.ts).
import type { MessageKey } from '@/lib/i18n';
import { byPlatform, isPlatform } from '@/lib/platforms/profiles';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';

export { isPlatform, PLATFORMS };
export type { Platform };

export const PLATFORM_NAME: Record<Platform, MessageKey> = byPlatform((p) => p.labelKey);

export const PLATFORM_TINT: Record<Platform, string> = byPlatform((p) => p.color);
