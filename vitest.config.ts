import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three tiers share this file as vitest projects; the browser tier (tests/e2e) has its own
// config because it needs the built extension and one Chromium at a time.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          // Several files drive the simulator over HTTP; a loaded CI machine needs headroom.
          testTimeout: 60_000,
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'component',
          environment: 'jsdom',
          // A hang guard, not a measure: waits end on what appears (tests/component/setup.ts).
          testTimeout: 180_000,
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        test: {
          // Adapters over real HTTP against the simulator; the simulator's own tests.
          name: 'contract',
          environment: 'node',
          include: ['tests/simulator/**/*.test.ts', 'tests/contract/**/*.test.ts'],
          testTimeout: 30_000,
          setupFiles: ['tests/contract/setup.ts'],
        },
      },
    ],
  },
});
