// A WooCommerce store's console is its own site's wp-admin, reached with or without www.: a store
// saved as https://shop.example.com is the console at https://www.shop.example.com/wp-admin/…
// and the other way round — recognised, identified as that store among others, and given the
// content script on both spellings once both hosts are granted. Nothing else passes for the site.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originsToRequest } from '@/components/dashboard/stores/hosts';
import type { Sender } from '@/lib/commands/define';
import { parseConsoleUrl } from '@/lib/consoles';
import { grantedWooPatterns, syncWooScripts } from '@/lib/consoles/background/wooScripts';
import { sameWooSite, wooSiteTwins } from '@/lib/consoles/woocommerce/site';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreRow } from '@/lib/db/types';
import { freshDb, raw } from '../../helpers/background';

const LIST = '/wp-admin/edit.php?post_type=product';

describe('a WooCommerce site with or without www.', () => {
  it('recognises the console at either spelling of a connected site', () => {
    expect(parseConsoleUrl(`https://www.shop.example.com${LIST}`, ['https://shop.example.com'])).toMatchObject({ platform: 'woocommerce', kind: 'list', shopHint: 'https://www.shop.example.com' });
    expect(parseConsoleUrl(`https://shop.example.com${LIST}`, ['https://www.shop.example.com/'])).toMatchObject({ platform: 'woocommerce', kind: 'list', shopHint: 'https://shop.example.com' });
    expect(parseConsoleUrl('https://WWW.Shop.Example.com/wp-admin/post.php?post=12&action=edit', ['https://shop.example.com'])).toMatchObject({ kind: 'product', platformItemId: '12' });
    // A WordPress in a sub-directory: the path still has to be the site's.
    expect(parseConsoleUrl(`https://www.example.com/store${LIST}`, ['https://example.com/store'])).toMatchObject({ platform: 'woocommerce', kind: 'list' });
    expect(parseConsoleUrl(`https://www.example.com/other${LIST}`, ['https://example.com/store'])).toBeNull();
  });

  it('takes no other host, scheme or port for the site', () => {
    const sites = ['https://shop.example.com'];
    for (const url of [
      `https://evilshop.example.com${LIST}`,
      `https://www.shop.example.com.evil.net${LIST}`,
      `https://wwwshop.example.com${LIST}`,
      `https://www2.shop.example.com${LIST}`,
      `https://admin.shop.example.com${LIST}`,
      `https://www.shop.example.com:8443${LIST}`,
      `http://www.shop.example.com${LIST}`,
      `https://www.shop.example.com/wp-adminx/edit.php?post_type=product`,
    ]) expect(parseConsoleUrl(url, sites), url).toBeNull();
    // `www.` is dropped only where a domain remains: www.com is not com.
    expect(parseConsoleUrl(`https://com${LIST}`, ['https://www.com'])).toBeNull();
  });

  it('names each site\'s two spellings (none for an IP or loopback host) and compares sites with either', () => {
    expect(wooSiteTwins('https://shop.example.com')).toEqual(['https://shop.example.com/', 'https://www.shop.example.com/']);
    expect(wooSiteTwins('https://www.shop.example.com/store/')).toEqual(['https://www.shop.example.com/store/', 'https://shop.example.com/store/']);
    expect(wooSiteTwins('http://127.0.0.1:4100/woocommerce/7')).toEqual(['http://127.0.0.1:4100/woocommerce/7']);
    expect(wooSiteTwins('not a url')).toEqual([]);
    expect(sameWooSite('https://www.shop.example.com/', 'https://shop.example.com')).toBe(true);
    expect(sameWooSite('https://shop.example.com/Store', 'https://www.shop.example.com/store/')).toBe(true);
    expect(sameWooSite('https://shop.example.com', 'https://shop.example.com/store')).toBe(false);
    expect(sameWooSite('https://shop.example.com', 'http://shop.example.com')).toBe(false);
  });

  it('registers the content script for both spellings, each once its host is granted', async () => {
    const granted = new Set(['https://shop.example.com/*']);
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) };
    const registered = new Map<string, { id: string; matches: string[] }>();
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.map((i) => registered.get(i)).filter(Boolean)),
      registerContentScripts: vi.fn(async (defs: { id: string; matches: string[] }[]) => defs.forEach((d) => registered.set(d.id, d))),
      updateContentScripts: vi.fn(async (defs: { id: string; matches: string[] }[]) => defs.forEach((d) => registered.set(d.id, d))),
      unregisterContentScripts: vi.fn(async () => undefined),
    };
    // A store connected before the twin was asked for: only the granted spelling runs.
    expect(await grantedWooPatterns(['https://shop.example.com'])).toEqual(['https://shop.example.com/wp-admin/*']);
    granted.add('https://www.shop.example.com/*');
    expect(await syncWooScripts(await grantedWooPatterns(['https://shop.example.com', 'https://www.shop.example.com/']))).toBe('registered');
    expect(registered.get('shelfsync-woocommerce')!.matches).toEqual(['https://shop.example.com/wp-admin/*', 'https://www.shop.example.com/wp-admin/*']);
    // The Connect drawer asks for both hosts of a WooCommerce site in the same click.
    expect(originsToRequest('woocommerce', { apiBaseUrl: 'https://www.shop.example.com' }, [])).toEqual(['https://www.shop.example.com/*', 'https://shop.example.com/*']);
  });
});

describe('identifying a WooCommerce console at the other spelling', () => {
  let db: ShelfsyncDB;
  const addWoo = (name: string, site: string) =>
    db.stores.add({
      platform: 'woocommerce', name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: site } as StoreRow['endpoints'], shopRef: site,
      secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
    } as Omit<StoreRow, 'id'> as StoreRow);
  const identify = async (url: string) => {
    const page: Sender = { kind: 'content', url, tabId: 2, frameId: 0 };
    return ((await raw({ type: 'console.identify', payload: {} }, page)) as { ok: true; data: { store: { id: number } | null; reason: string | null } }).data;
  };

  beforeEach(async () => {
    db = await freshDb();
  });

  it('is the store whose site it is, among several WooCommerce stores, both ways round', async () => {
    const bare = await addWoo('Bare', 'https://shop.example.com');
    const www = await addWoo('Www', 'https://www.other.example.com/');
    await addWoo('Third', 'https://third.example.com');
    expect((await identify(`https://www.shop.example.com${LIST}`)).store?.id).toBe(bare);
    expect((await identify(`https://other.example.com${LIST}`)).store?.id).toBe(www);
    expect(await identify(`https://www.unknown.example.com${LIST}`)).toMatchObject({ store: null, reason: 'not_a_console' });
  });
});
