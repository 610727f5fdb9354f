import { existsSync } from 'node:fs';
import { findChromium, isCI, MISSING_CHROMIUM } from './chromium';
import { TEST_BUILD } from './extension';

export default function setup(): void {
  if (!findChromium()) {
    if (isCI) throw new Error(`CI=true: the browser tier must run. ${MISSING_CHROMIUM}`);
    console.warn(`\n⚠ Skipping the browser tier: ${MISSING_CHROMIUM}\n`);
  }
  if (!existsSync(`${TEST_BUILD}/manifest.json`)) {
    throw new Error(`No test build at ${TEST_BUILD}. Run \`npm run build:test\` first (npm test does it for you).`);
  }
}
