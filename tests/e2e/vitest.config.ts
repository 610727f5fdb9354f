import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The browser tier: the built extension in Debian's Chromium. One file at a time (each file
// launches its own browser and profile), generous timeouts, no retries hiding flakiness.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
