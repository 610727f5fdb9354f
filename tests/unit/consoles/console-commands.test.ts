import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sender } from '@/lib/commands/define';
import type { ShelfsyncDB } from '@/lib/db/database';
import { parseConsoleUrl } from '@/lib/consoles';
import { ok, raw, run } from '../../helpers/background';
import { useSimulator, type Simulator } from '../../helpers/simulator';
import { freshWorld, platformStock, settle, setUpStore, type World } from '../../helpers/syncWorld';

let sim: Simulator;
beforeAll(async () => {
  sim = await useSimulator();
});
afterAll(() => sim.close());
let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshWorld();
});

const fromPage = (url: string): Sender => ({ kind: 'content', url, tabId: 4, frameId: 0 });
const asPage = async (url: string, type: string, payload: unknown) => raw({ type, payload }, fromPage(url));

async function shopConsole(w: World) {
  const shop = (await sim.control<{ consoleUrl: string }[]>('GET', '/__sim/shops')).find((s: any) => s.shopId === w.shopId) as any;
  return shop.consoleUrl as string;
}

describe('console URLs', () => {
  it('recognises each real console and the simulated ones', () => {
    expect(parseConsoleUrl('https://seller.shopee.co.id/portal/product/list/all')).toMatchObject({ platform: 'shopee', kind: 'list', shopHint: null });
    expect(parseConsoleUrl('https://seller.shopee.cn/portal/product/123456?cnsc_shop_id=99')).toMatchObject({ platform: 'shopee', kind: 'product', platformItemId: '123456', shopHint: '99' });
    expect(parseConsoleUrl('https://sellercenter.lazada.co.th/apps/product/publish?productId=42')).toMatchObject({ platform: 'lazada', kind: 'product', platformItemId: '42' });
    expect(parseConsoleUrl('https://seller-id.tiktok.com/product/manage?tab=active')).toMatchObject({ platform: 'tiktok', kind: 'list' });
    expect(parseConsoleUrl('https://admin.shopify.com/store/batik-corner/products/987')).toMatchObject({ platform: 'shopify', kind: 'product', platformItemId: 'gid://shopify/Product/987', shopHint: 'batik-corner.myshopify.com' });
    expect(parseConsoleUrl('https://shop.example.com/wp-admin/edit.php?post_type=product', ['https://shop.example.com'])).toMatchObject({ platform: 'woocommerce', kind: 'list' });
    expect(parseConsoleUrl('https://shop.example.com/wp-admin/edit.php?post_type=product')).toBeNull();
    expect(parseConsoleUrl('http://seller.shopee.co.id/portal/product/list/all')).toBeNull();
    expect(parseConsoleUrl('https://evil.example/portal/product/list/all')).toBeNull();
    expect(parseConsoleUrl('http://127.0.0.1:4100/console/lazada/apps/product/list?seller_id=7')).toMatchObject({ platform: 'lazada', kind: 'list', shopHint: '7' });
    expect(parseConsoleUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('console commands', () => {
  it('identify, status and act on the sender store only; the payload cannot choose another store', async () => {
    const a = await setUpStore(db, sim, { platform: 'shopee', items: 3, seed: 70, skuPrefix: 'CA' });
    const b = await setUpStore(db, sim, { platform: 'shopee', items: 2, seed: 71, skuPrefix: 'CB' });
    const urlA = await shopConsole(a);
    const urlB = await shopConsole(b);
    const idA = await asPage(urlA, 'console.identify', { url: urlB });
    expect(idA).toMatchObject({ ok: true, data: { store: { id: a.storeId }, console: { platform: 'shopee', kind: 'list' } } });
    expect(await asPage(urlB, 'console.identify', {})).toMatchObject({ ok: true, data: { store: { id: b.storeId } } });

    await ok('syncRules.create', { name: 'R', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [a.warehouses[0]!], storeIds: [a.storeId, b.storeId] });
    const itemA = String(a.items[0]!.itemId);
    const itemB = String(b.items[0]!.itemId);
    await ok('inventory.adjust', { warehouseId: a.warehouses[0]!, sku: a.items[0]!.variants[0]!.sellerSku, onHand: 17 });

    const status = await asPage(urlA, 'console.status', { platformItemIds: [itemA, itemB] });
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    const items = (status.data as { items: { platformItemId: string; variants: { pushQuantity: number }[] }[] }).items;
    expect(items.map((i) => i.platformItemId)).toEqual([itemA]); // B's listing is not A's to show
    expect(items[0]!.variants[0]!.pushQuantity).toBe(17);

    // Sync now from the console row pushes to that store's platform.
    expect(await asPage(urlA, 'console.act', { action: 'sync', platformItemIds: [itemA] })).toMatchObject({ ok: true });
    await settle(db);
    expect((await platformStock(sim, a.shopId)).get(a.items[0]!.variants[0]!.sellerSku)).toBe(17);
    // Page A cannot act on B's listing.
    expect(await asPage(urlA, 'console.act', { action: 'sync', platformItemIds: [itemB] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Auto sync on, clone to the other store, then everything outside console.* is forbidden.
    expect(await asPage(urlA, 'console.act', { action: 'autoSyncOn', platformItemIds: [itemA] })).toMatchObject({ ok: true, data: { updated: 1 } });
    const cloned = await asPage(urlA, 'console.act', { action: 'clone', platformItemIds: [itemA], destinationStoreIds: [b.storeId] });
    expect(cloned).toMatchObject({ ok: true, data: { drafts: [{ storeId: b.storeId }] } });
    for (const type of ['stores.list', 'storeProducts.sync', 'inventory.adjust', 'consoles.bind', 'stores.remove']) {
      expect(await asPage(urlA, type, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('connects an unconnected listing from the console with a system-product search', async () => {
    const w = await setUpStore(db, sim, { platform: 'lazada', items: 2, seed: 72, skuPrefix: 'CC' });
    const url = await shopConsole(w);
    const item = w.items[1]!;
    const variant = (await db.storeVariants.filter((v) => v.platformItemId === String(item.itemId)).first())!;
    await ok('storeVariants.disconnect', { id: variant.id });
    const found = await asPage(url, 'console.searchProducts', { q: item.variants[0]!.sellerSku.slice(0, 4) });
    expect(found.ok).toBe(true);
    const target = (found as { data: { items: { id: number; sku: string }[] } }).data.items.find((p) => p.sku === item.variants[0]!.sellerSku)!;
    expect(await asPage(url, 'console.act', { action: 'connect', platformItemIds: [String(item.itemId)], productId: target.id })).toMatchObject({ ok: true, data: { connected: true } });
    expect((await db.storeVariants.get(variant.id))?.connectedBy).toBe('manual');
  });

  it('answers a console of a shop that is not connected, and a non-console page, without acting', async () => {
    expect(await asPage('https://seller.shopee.co.id/portal/product/list/all', 'console.identify', {})).toMatchObject({ ok: true, data: { store: null, reason: 'not_connected' } });
    expect(await asPage('https://example.com/', 'console.identify', {})).toMatchObject({ ok: true, data: { console: null, reason: 'not_a_console' } });
    expect(await asPage('https://example.com/', 'console.act', { action: 'sync', platformItemIds: ['1'] })).toMatchObject({ ok: false, error: { code: 'store_not_identified' } });
    expect(await run('console.identify', {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
