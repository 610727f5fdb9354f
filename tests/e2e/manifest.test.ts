import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../lib/platforms/profiles';
import { PLATFORMS } from '../../lib/platforms/types';
import { PROD_BUILD, TEST_BUILD } from './support/extension';

const read = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

// Widening what Shelfsync may touch is a reviewed change: update this snapshot and the
// permissions table in the README together.
describe('the production manifest', () => {
  const manifest = read(PROD_BUILD);

  it('asks for exactly the reviewed permissions', () => {
    expect({
      permissions: [...(manifest.permissions ?? [])].sort(),
      host_permissions: manifest.host_permissions ?? [],
      optional_permissions: manifest.optional_permissions ?? [],
      optional_host_permissions: manifest.optional_host_permissions ?? [],
      content_scripts: (manifest.content_scripts ?? []).map((c: { matches: string[] }) => c.matches),
      externally_connectable: manifest.externally_connectable ?? null,
    }).toMatchInlineSnapshot(`
      {
        "content_scripts": [
          [
            "https://sellercenter.lazada.co.id/*",
            "https://sellercenter.lazada.co.th/*",
            "https://sellercenter.lazada.com.my/*",
            "https://sellercenter.lazada.com.ph/*",
            "https://sellercenter.lazada.sg/*",
            "https://sellercenter.lazada.vn/*",
          ],
          [
            "https://banhang.shopee.vn/*",
            "https://seller.shopee.cn/*",
            "https://seller.shopee.co.id/*",
            "https://seller.shopee.co.th/*",
            "https://seller.shopee.com.br/*",
            "https://seller.shopee.com.my/*",
            "https://seller.shopee.ph/*",
            "https://seller.shopee.sg/*",
            "https://seller.shopee.tw/*",
          ],
          [
            "https://*.myshopify.com/admin/*",
            "https://admin.shopify.com/store/*",
          ],
          [
            "https://seller-id.tiktok.com/*",
            "https://seller-id.tokopedia.com/*",
            "https://seller-mx.tiktok.com/*",
            "https://seller-my.tiktok.com/*",
            "https://seller-ph.tiktok.com/*",
            "https://seller-sg.tiktok.com/*",
            "https://seller-th.tiktok.com/*",
            "https://seller-uk.tiktok.com/*",
            "https://seller-us.tiktok.com/*",
            "https://seller-vn.tiktok.com/*",
            "https://seller.tiktokglobalshop.com/*",
          ],
        ],
        "externally_connectable": null,
        "host_permissions": [
          "https://partner.shopeemobile.com/*",
          "https://api.lazada.sg/*",
          "https://api.lazada.com.my/*",
          "https://api.lazada.co.th/*",
          "https://api.lazada.vn/*",
          "https://api.lazada.com.ph/*",
          "https://api.lazada.co.id/*",
          "https://auth.lazada.com/*",
          "https://open-api.tiktokglobalshop.com/*",
          "https://auth.tiktok-shops.com/*",
          "https://*.myshopify.com/*",
        ],
        "optional_host_permissions": [
          "https://*/*",
          "http://*/*",
        ],
        "optional_permissions": [],
        "permissions": [
          "activeTab",
          "alarms",
          "contextMenus",
          "identity",
          "notifications",
          "scripting",
          "storage",
          "unlimitedStorage",
        ],
      }
    `);
  });

  it("takes its API hosts and each console script's pages from the platform profiles", () => {
    expect(manifest.host_permissions).toEqual(PLATFORMS.flatMap((p) => PROFILES[p].api.hostPermissions));
    const byScript = Object.fromEntries((manifest.content_scripts ?? []).map((c: { js: string[]; matches: string[] }) => [c.js[0], [...c.matches].sort()]));
    for (const p of PLATFORMS) {
      const pages = [...PROFILES[p].console.matches].sort();
      // WooCommerce's is registered at run time, per connected site.
      expect(byScript[`content-scripts/${p}.js`], p).toEqual(pages.length ? pages : undefined);
    }
  });

  it('runs the WooCommerce script only where the seller connected a site, and no content script on loopback', () => {
    const files = (manifest.content_scripts ?? []).flatMap((c: { js: string[] }) => c.js);
    expect(files).not.toContain('content-scripts/woocommerce.js'); // registered at run time per site
    expect(existsSync(path.join(PROD_BUILD, 'content-scripts/woocommerce.js'))).toBe(true);
    expect(manifest.web_accessible_resources ?? null).toBeNull();
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('keeps each console script small: React and our UI, never antd, Dexie or zod', () => {
    for (const p of ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce']) {
      const file = path.join(PROD_BUILD, `content-scripts/${p}.js`);
      const code = readFileSync(file, 'utf8');
      console.log(`[bundle] content-scripts/${p}.js ${(statSync(file).size / 1024).toFixed(1)} KiB (${(gzipSync(code).length / 1024).toFixed(1)} KiB gzipped)`);
      expect(statSync(file).size).toBeLessThan(350 * 1024);
      expect(code).not.toMatch(/\bDexie\b|IDBKeyRange|ZodError|ant-btn|rc-motion/);
    }
  });

  it('gives the test build the simulator\'s fake consoles, one script per console', () => {
    const test = read(TEST_BUILD);
    const byScript = Object.fromEntries((test.content_scripts ?? []).map((c: { js: string[]; matches: string[] }) => [c.js[0], c.matches]));
    for (const p of ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce']) {
      expect(byScript[`content-scripts/${p}.js`]).toEqual(expect.arrayContaining([`http://127.0.0.1/console/${p}/*`, `http://localhost/console/${p}/*`]));
    }
  });

  it('has no all-URLs or loopback access, which only the test build gets', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\/|127\.0\.0\.1|localhost/);
    expect(read(TEST_BUILD).host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']));
  });
});
