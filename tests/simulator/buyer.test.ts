// The demo buyer page (tests/simulator/buyer.ts) over HTTP: it renders the shops and listings
// (hostile titles as text), its Buy form places a real order on the platform (the platform's
// stock drops, the order is listed by the control API), its order buttons ship, cancel and
// return, a refused order changes nothing, and every console page links to it for its shop.
// The forms are read from the page and posted as a browser would (jsdom parses; nothing is
// hard-coded but the field values a buyer chooses).
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctl, http, newShop, sim } from './helpers.ts';
import type { Simulator } from './server.ts';

const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});

const HOSTILE = `<img src=x onerror="globalThis.__pwned=1">"'&`;

async function page(path: string): Promise<Document> {
  const r = await http(`${s.url}${path}`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  return new JSDOM(r.text).window.document;
}
async function stockOf(shopId: string, sku: string): Promise<number> {
  const items = (await ctl(s, 'GET', `/shops/${encodeURIComponent(shopId)}/items`)).body as { variants: { sellerSku: string; stock: number }[] }[];
  return items.flatMap((i) => i.variants).find((v) => v.sellerSku === sku)!.stock;
}
/** Posts a form of the page as the browser would: its fields, then the chosen values; answers the redirect. */
async function submit(form: HTMLFormElement, values: Record<string, string> = {}, button?: HTMLButtonElement): Promise<string> {
  const body = new URLSearchParams();
  for (const el of [...form.querySelectorAll('input, select')] as (HTMLInputElement | HTMLSelectElement)[]) body.set(el.name, el.value);
  if (button?.name) body.set(button.name, button.value);
  for (const [k, v] of Object.entries(values)) body.set(k, v);
  const r = await http(`${s.url}${form.getAttribute('action')}`, { method: (form.getAttribute('method') ?? 'get').toUpperCase(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  expect(r.status).toBe(303);
  return r.headers.get('location')!;
}

describe('demo buyer page', () => {
  it('renders the shops and the chosen shop listings with their stock, hostile titles as text', async () => {
    const a = await newShop(s, { platform: 'shopee', items: 3, variantsPerItem: 2, seed: 7, skuPrefix: 'BUY', name: 'Buyer Shopee' });
    const b = await newShop(s, { platform: 'lazada', items: 3, variantsPerItem: 2, seed: 7, skuPrefix: 'BUY', name: 'Buyer Lazada' });
    const first = (await ctl(s, 'GET', `/shops/${a.shopId}/items`)).body[0];
    await ctl(s, 'PATCH', `/shops/${a.shopId}/items/${first.itemId}`, { title: HOSTILE });
    const doc = await page(`/__sim/buyer?shopId=${a.shopId}`);
    const shops = [...doc.querySelectorAll('[data-sim="shop"] option')].map((o) => o.textContent);
    expect(shops).toEqual(expect.arrayContaining(['Buyer Shopee (shopee)', 'Buyer Lazada (lazada)']));
    expect((doc.querySelector('[data-sim="shop"]') as HTMLSelectElement).value).toBe(a.shopId);
    const options = [...doc.querySelectorAll('[data-sim="sku"] option')] as HTMLOptionElement[];
    expect(options).toHaveLength(6);
    const v = first.variants[0];
    expect(options.find((o) => o.value === v.sellerSku)!.textContent).toBe(`${v.sellerSku} — ${HOSTILE} — ${v.stock} in stock`);
    expect(doc.querySelector('img')).toBeNull();
    // The same SKU is on both shops: the page follows its number on each.
    const sku = (doc.querySelector('[data-sim="sku"]') as HTMLSelectElement).value;
    const travel = [...doc.querySelectorAll('[data-sim="travel-shop"]')].map((r) => r.getAttribute('data-shop-id'));
    expect(travel.sort()).toEqual([a.shopId, b.shopId].sort());
    expect(Number(doc.querySelector(`[data-shop-id="${b.shopId}"] [data-sim="travel-stock"]`)!.textContent)).toBe(await stockOf(b.shopId, sku));
  });

  it('Buy places an order on the platform: its stock drops at once and the order is listed; Ship and Return move it', async () => {
    const shop = await newShop(s, { platform: 'tiktok', items: 2, variantsPerItem: 1, seed: 3, skuPrefix: 'TT', name: 'Buyer TikTok' });
    const sku = 'TT-1';
    const item = (await ctl(s, 'GET', `/shops/${shop.shopId}/items`)).body.find((i: any) => i.variants[0].sellerSku === sku);
    await ctl(s, 'PATCH', `/shops/${shop.shopId}/items/${item.itemId}`, { variants: [{ variantId: item.variants[0].variantId, stock: 10 }] });
    expect(await stockOf(shop.shopId, sku)).toBe(10);
    const doc = await page(`/__sim/buyer?shopId=${shop.shopId}&sku=${sku}`);
    expect(doc.querySelector('[data-sim="no-orders"]')).not.toBeNull();
    const location = await submit(doc.querySelector('[data-sim="buy-form"]') as HTMLFormElement, { quantity: '3' });
    expect(await stockOf(shop.shopId, sku)).toBe(7);
    const orders = (await ctl(s, 'GET', `/shops/${shop.shopId}/orders`)).body;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'paid', lines: [{ sellerSku: sku, quantity: 3 }] });
    expect(new URL(location, s.url).searchParams.get('placed')).toBe(orders[0].orderId);

    // The page after the redirect says so, and a reload of it does not buy again.
    const after = await page(location);
    expect(after.querySelector('[data-sim="notice"]')!.getAttribute('data-kind')).toBe('ok');
    expect(after.querySelector('[data-sim="notice"]')!.textContent).toContain('it now shows 7');
    await page(location);
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/orders`)).body).toHaveLength(1);
    const row = after.querySelector(`[data-sim="order"][data-order-id="${orders[0].orderId}"]`)!;
    expect(row.getAttribute('data-status')).toBe('paid');
    expect([...row.querySelectorAll('[data-sim="order-action"]')].map((x) => x.textContent)).toEqual(['Ship', 'Cancel']);

    const ship = row.querySelector('[data-action="shipped"]') as HTMLButtonElement;
    const shipped = await page(await submit(ship.form!, {}, ship));
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/orders`)).body[0].status).toBe('shipped');
    const ret = shipped.querySelector(`[data-order-id="${orders[0].orderId}"] [data-action="returned"]`) as HTMLButtonElement;
    await submit(ret.form!, {}, ret);
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/orders`)).body[0].status).toBe('returned');
    // A return gives nothing back on the platform (the seller restocks by hand).
    expect(await stockOf(shop.shopId, sku)).toBe(7);
  });

  it('Cancel gives the stock back; an order over the stock is refused and changes nothing', async () => {
    const shop = await newShop(s, { platform: 'woocommerce', items: 1, variantsPerItem: 1, seed: 5, skuPrefix: 'WC', name: 'Buyer Woo' });
    const sku = 'WC-1';
    const start = await stockOf(shop.shopId, sku);
    expect(start).toBeGreaterThan(1);
    const doc = await page(`/__sim/buyer?shopId=${shop.shopId}`);
    const placed = await page(await submit(doc.querySelector('[data-sim="buy-form"]') as HTMLFormElement, { quantity: '2' }));
    expect(await stockOf(shop.shopId, sku)).toBe(start - 2);
    const cancel = placed.querySelector('[data-sim="order"] [data-action="cancelled"]') as HTMLButtonElement;
    await submit(cancel.form!, {}, cancel);
    expect(await stockOf(shop.shopId, sku)).toBe(start);

    const refused = await page(await submit(doc.querySelector('[data-sim="buy-form"]') as HTMLFormElement, { quantity: String(start + 1) }));
    expect(refused.querySelector('[data-sim="notice"]')!.getAttribute('data-kind')).toBe('refused');
    expect(refused.querySelector('[data-sim="notice"]')!.textContent).toContain('refused the order');
    expect(await stockOf(shop.shopId, sku)).toBe(start);
    expect((await ctl(s, 'GET', `/shops/${shop.shopId}/orders`)).body).toHaveLength(1);
    expect((await ctl(s, 'GET', `/stats?shopId=${shop.shopId}`)).body.ordersRefused).toBe(1);
  });

  it("every console page links to the demo buyer for its own shop", async () => {
    for (const platform of ['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce']) {
      const shop = await newShop(s, { platform, items: 2, name: `Linked ${platform}` });
      const r = await http(shop.consoleUrl);
      const doc = new JSDOM(r.text).window.document;
      const links = doc.querySelectorAll('a[data-sim="demo-buyer"]');
      expect(links, platform).toHaveLength(1);
      expect(links[0]!.closest('header, #wpadminbar'), platform).not.toBeNull();
      const buyer = await page(links[0]!.getAttribute('href')!);
      expect((buyer.querySelector('[data-sim="shop"]') as HTMLSelectElement).value, platform).toBe(shop.shopId);
    }
  });
});
