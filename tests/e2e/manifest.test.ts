import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
        "content_scripts": [],
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
          "alarms",
          "identity",
          "storage",
          "unlimitedStorage",
        ],
      }
    `);
  });

  it('has no all-URLs or loopback access, which only the test build gets', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\/|127\.0\.0\.1|localhost/);
    expect(read(TEST_BUILD).host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']));
  });
});
