// Finds Debian's Chromium. With CI=true a missing browser fails the run: the browser tier is
// never skipped there. Locally it is skipped with a message saying how to get it.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

export const MISSING_CHROMIUM =
  'Chromium was not found (looked at CHROMIUM_PATH, /usr/bin/chromium). Install it with ' +
  '`sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.';
