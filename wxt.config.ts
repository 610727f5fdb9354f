import { defineConfig } from 'wxt';
import { API_HOST_PERMISSIONS } from './lib/platforms/profiles';

// Production permissions are minimal and each one is explained in the README; a test
// (tests/e2e/manifest.test.ts) snapshots them so widening them is a reviewed change.
// The test build (`--mode test`, SIMULATOR.md) adds loopback so the extension can reach the
// local platform simulator and its fake consoles; the production build never has it.
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

// The platforms' documented API and token hosts come from their profiles
// (lib/platforms/<platform>/profile.ts, ../shared/docs/platforms/*.md); a sandbox or a seller's own
// WooCommerce site is an optional permission asked for when the store is added.
const PLATFORM_API_HOSTS = [...API_HOST_PERMISSIONS];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    minimum_chrome_version: '116',
    // contextMenus + notifications: the console context menu and its result; scripting: the
    // WooCommerce console script registered at run time for each connected site; activeTab: the
    // popup reads the URL of the tab it was opened on (no broad `tabs` permission).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'identity', 'contextMenus', 'notifications', 'scripting', 'activeTab'],
    host_permissions: mode === 'test' ? [...PLATFORM_API_HOSTS, ...LOOPBACK] : PLATFORM_API_HOSTS,
    // Asked for at run time, one host at a time, when the seller adds an inventory source URL
    // or their own WooCommerce/Shopify domain; nothing is granted by installing.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
  }),
  // Explicit imports everywhere: a reader sees where `browser` and `define*` come from.
  imports: false,
  hooks: {
    // Every entrypoint is built as production code in every mode, so the test build's browser
    // tests and the benchmarks exercise (and time) the React that ships, not React's development
    // build (2-3x slower to render: the store product list's first 50 rows took ~600 ms in it).
    'vite:build:extendConfig': (_entrypoints, config) => {
      config.define = { ...config.define, 'process.env.NODE_ENV': JSON.stringify('production') };
      const oxc = typeof config.oxc === 'object' && config.oxc ? config.oxc : {};
      config.oxc = { ...oxc, jsx: { ...(typeof oxc.jsx === 'object' ? oxc.jsx : {}), development: false } };
      // SHELFSYNC_NO_MINIFY=1: readable function names in CPU profiles (BENCH_PROFILE), same code.
      if (process.env.SHELFSYNC_NO_MINIFY) config.build = { ...config.build, minify: false };
    },
  },
  webExt: { disabled: true },
});
