// Authorization flows end to end against the simulator's approval pages, driven the way a
// seller would (open the page, press Authorize), then the adapter works with the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server.ts';
import { createAdapter, lazadaAuth, shopeeAuth, tiktokAuth, woocommerceAuth } from '../../lib/platforms/index.ts';
import type { Credentials, Platform, PlatformEndpoints } from '../../lib/platforms/types.ts';

let sim: { url: string; close(): unknown };
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

/** Open the approval page, submit its first "Authorize" form, answer where it redirects. */
async function approve(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status, html.slice(0, 300)).toBe(200);
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1] || form[2] === undefined) throw new Error(`no form on the approval page: ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const m of form[2].matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.append(m[1] ?? '', m[2] ?? '');
  const res = await fetch(new URL(form[1], authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (!location) throw new Error(`approval did not redirect: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return new URL(location, authorizeUrl).toString();
}

interface Flow {
  build(app: Record<string, string>, ep: PlatformEndpoints, redirect: string, state: string): Promise<string>;
  complete(app: Record<string, string>, ep: PlatformEndpoints, redirectUrl: string, state: string): Promise<{ credentials: Credentials }>;
  app(creds: Record<string, string>): Record<string, string>;
}
const flows: Partial<Record<Platform, Flow>> = {
  shopee: {
    build: (a, ep, r, s) => shopeeAuth.buildAuthorizeUrl({ partnerId: a.partnerId ?? '', partnerKey: a.partnerKey ?? '' }, ep, r, s),
    complete: (a, ep, u, s) => shopeeAuth.completeAuthorization({ partnerId: a.partnerId ?? '', partnerKey: a.partnerKey ?? '' }, ep, u, s),
    app: (c) => ({ partnerId: c.partnerId ?? '', partnerKey: c.partnerKey ?? '' }),
  },
  lazada: {
    build: (a, ep, r, s) => lazadaAuth.buildAuthorizeUrl({ appKey: a.appKey ?? '', appSecret: a.appSecret ?? '' }, ep, r, s),
    complete: (a, ep, u, s) => lazadaAuth.completeAuthorization({ appKey: a.appKey ?? '', appSecret: a.appSecret ?? '' }, ep, u, s),
    app: (c) => ({ appKey: c.appKey ?? '', appSecret: c.appSecret ?? '' }),
  },
  tiktok: {
    // The simulator registers the service under the app key.
    build: (a, ep, r, s) => tiktokAuth.buildAuthorizeUrl({ appKey: a.appKey ?? '', appSecret: a.appSecret ?? '', serviceId: a.appKey ?? '' }, ep, r, s),
    complete: (a, ep, u, s) => tiktokAuth.completeAuthorization({ appKey: a.appKey ?? '', appSecret: a.appSecret ?? '', serviceId: a.appKey ?? '' }, ep, u, s),
    app: (c) => ({ appKey: c.appKey ?? '', appSecret: c.appSecret ?? '' }),
  },
  woocommerce: {
    build: (_a, ep, r, s) => woocommerceAuth.buildAuthorizeUrl({ appName: 'Shelfsync', appId: '0d5e0c2e-5c55-4d8e-9d3e-2f1f2d0e0a11' }, ep, r, s),
    complete: (_a, ep, u, s) => woocommerceAuth.completeAuthorization({ appName: 'Shelfsync' }, ep, u, s),
    app: () => ({}),
  },
};

describe.each(Object.keys(flows) as Platform[])('%s authorization against the simulator', (platform) => {
  it('authorize page → approve → redirect → credentials that work', async () => {
    const flow = flows[platform];
    if (!flow) throw new Error('no flow');
    const res = await fetch(`${sim.url}/__sim/shops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform, items: 3, variantsPerItem: 1, seed: 77 }),
    });
    const shop = (await res.json()) as { apiBaseUrl: string; authBaseUrl?: string; authorizeBaseUrl?: string; credentials: Record<string, string> };
    const ep: PlatformEndpoints = { apiBaseUrl: shop.apiBaseUrl, authBaseUrl: shop.authBaseUrl, authorizeBaseUrl: shop.authorizeBaseUrl };
    const app = flow.app(shop.credentials);
    const redirect = `https://abcdefghijklmnop.chromiumapp.org/${platform}`;
    const state = `state-${platform}-${Date.now()}`;
    const back = await approve(await flow.build(app, ep, redirect, state));
    expect(back.startsWith(redirect)).toBe(true);
    await expect(flow.complete(app, ep, back, 'another-state')).rejects.toMatchObject({ kind: 'auth' });
    const result = await flow.complete(app, ep, back, state);
    expect(result.credentials.platform).toBe(platform);
    if (platform === 'woocommerce') {
      expect(result.credentials).toMatchObject({ username: expect.any(String), applicationPassword: expect.any(String) });
      // WordPress only allows application passwords over HTTPS; the simulator site is plain
      // HTTP and refuses Basic with them (401), as a real site would. Over HTTP the seller
      // pastes REST API keys instead (OAuth 1.0a), covered by simulator.test.ts.
      return;
    }
    let creds: Credentials = result.credentials;
    const adapter = createAdapter(platform, ep, { get: () => creds as never, save: async (c) => { creds = c; } });
    const page = await adapter.listItems();
    expect(page.items.length).toBe(3);
    // The authorization and a later test name the same shop (Lazada seller id, TikTok shop id).
    const learnt = (result as { identity?: { sellerId?: string; shopId?: string } }).identity;
    if (platform === 'lazada') expect((await adapter.testConnection()).identity?.sellerId).toBe(learnt?.sellerId ?? 'missing');
    if (platform === 'tiktok') expect((await adapter.testConnection()).identity).toMatchObject({ shopId: learnt?.shopId ?? 'missing', cipher: (creds as { shopCipher: string }).shopCipher });
  });
});
