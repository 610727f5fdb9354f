// A console page Shelfsync cannot read, told to the seller (issue 16, part 3), in the built test
// extension in Chromium against the simulator's Shopee console of a connected store. The
// unreadable page is a redesign of the product list that keeps no listing id anywhere in the
// page (no links, no checkbox values, no id text: the console opens a listing from its own
// script) — served in place of the simulator's list page by the browser, so no id pattern or
// class name of any finder can read it, whatever the finders learn. It shows the listings' real
// titles and prices and a buyer's name, e-mail and phone. Then: the tab's badge says "!", the
// popup on that tab says "Shelfsync can't read the listings on this page (0 of 50)…" and Copy
// page outline puts the masked outline on the clipboard — the table's structure, none of the
// page's words; leaving the list without a page load takes the badge back, coming back brings it
// again, and the readable console shows no such message and no badge.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium';
import { until } from './support/world';
import { consoleWorld, tabIdOf, type ConsoleWorld, type SimItem } from '../fixtures/consoles/harness';

const BUYER = { name: 'Siti Nurhaliza', email: 'siti.nurhaliza@example.co.id', phone: '+62 812-3456-7890' };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The product list after a redesign that keeps every listing id in the console's own script. */
function unreadableList(items: SimItem[]): string {
  const rows = items
    .map((it, i) => {
      const price = `S$${(12.5 + i).toFixed(2)}`;
      const thumb = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><title>${esc(it.title)}</title></svg>`)}`;
      return `<tr class="pl-grid__row" data-row-key="r${String.fromCharCode(97 + (i % 26))}">
<td class="pl-grid__cell pl-grid__cell--select"><label class="pl-check"><input type="checkbox" class="pl-check__box" aria-label="Select ${esc(it.title)}"></label></td>
<td class="pl-grid__cell pl-grid__cell--product"><div class="pl-product" role="button" tabindex="0" title="${esc(it.title)}"><img class="pl-product__cover" src="${thumb}" alt="${esc(it.title)}"><div class="pl-product__name">${esc(it.title)}</div><div class="pl-product__note" data-buyer="${esc(BUYER.name)}">Last order: ${esc(BUYER.name)} · ${esc(BUYER.email)} · ${esc(BUYER.phone)}</div></div></td>
<td class="pl-grid__cell pl-grid__cell--price"><span class="pl-price">${price}</span></td>
<td class="pl-grid__cell pl-grid__cell--stock"><input class="pl-stock__input" value="${it.variants[0]?.stock ?? 0}" aria-label="Stock of ${esc(it.title)}"></td>
<td class="pl-grid__cell pl-grid__cell--action"><button type="button" class="pl-btn">Edit</button></td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>My Products</title></head>
<body class="sc-v3"><header class="sc-header"><div class="sc-logo">Shopee Seller Centre</div></header>
<main class="sc-main"><h1 class="page-title">My Products</h1>
<div class="pl-grid"><table class="pl-grid__table"><thead><tr><th><label class="pl-check"><input type="checkbox" class="pl-check__box pl-check__box--all"></label></th><th>Product(s)</th><th>Price</th><th>Stock</th><th>Action</th></tr></thead>
<tbody class="pl-grid__body">
${rows}
</tbody></table></div></main></body></html>`;
}

let w: ConsoleWorld;

async function badgeOf(tabId: number): Promise<string> {
  const worker = w.ext.context.serviceWorkers()[0] ?? w.ext.worker;
  return worker.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await w.ext.open(`popup.html?tabId=${tabId}`);
  await popup.getByTestId('popup-store').waitFor();
  return popup;
}

describe.skipIf(!findChromium())('a console page Shelfsync cannot read (Chromium)', () => {
  beforeAll(async () => {
    w = await consoleWorld({ platform: 'shopee', items: 50, variantsPerItem: 1 });
  }, 240_000);
  afterAll(() => w?.close());

  it('the readable console: no badge, no message; the redesigned one: badge, sentence, masked outline on the clipboard', async () => {
    const listPath = new URL(w.shop.consoleUrl).pathname;
    const page = await w.open();
    // Shelfsync reads this page: controls on its rows.
    await page.waitForFunction(() => document.querySelectorAll('[data-shelfsync-row]').length > 0, undefined, { timeout: 20_000 });
    const tabId = await tabIdOf(w, page);
    const fine = await popupFor(tabId);
    expect(await fine.getByTestId('popup-page-state').getAttribute('data-state')).toBe('all');
    expect(await fine.getByTestId('popup-unreadable').count()).toBe(0);
    expect(await badgeOf(tabId)).toBe('');
    await fine.close();

    // The console is redesigned: the same list page now holds no listing id anywhere.
    const html = unreadableList(w.items);
    await w.ext.context.route((url) => url.pathname === listPath, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.reload();
    await page.locator('tr.pl-grid__row').first().waitFor();
    expect(await page.locator('tr.pl-grid__row').count()).toBe(50);
    await until('the tab\'s badge to say the page cannot be read', async () => (await badgeOf(tabId)) === '!', 20_000);
    expect(await page.locator('[data-shelfsync-row]').count()).toBe(0);
    const cost = await page.evaluate(() => performance.getEntriesByName('shelfsync:readability').map((e) => Math.round(e.duration * 100) / 100));
    console.log(`[unreadable] readability checks on 50 rows: ${cost.length ? `${cost.join(', ')} ms` : 'not visible from the page\'s world'}`);

    const popup = await popupFor(tabId);
    const note = popup.getByTestId('popup-unreadable');
    await note.waitFor();
    expect(await note.getAttribute('data-state')).toBe('none');
    expect(await note.locator('p').first().textContent()).toBe("Shelfsync can't read the listings on this page (0 of 50) — the console may have changed. Copy page outline for support.");
    // The popup is still about the tab's store.
    expect(await popup.getByTestId('popup-store').getAttribute('data-store-id')).toBe(String(w.storeId));

    // What the popup writes is recorded on its way to the real clipboard (reading the clipboard
    // back would need a permission Chromium does not grant an extension's origin).
    await popup.evaluate(() => {
      const clip = navigator.clipboard;
      const write = clip.writeText.bind(clip);
      clip.writeText = (text: string) => {
        (window as unknown as { __copied: string[] }).__copied = [...((window as unknown as { __copied?: string[] }).__copied ?? []), text];
        return write(text);
      };
    });
    await popup.bringToFront();
    await popup.getByTestId('popup-copy-outline').click();
    await popup.getByTestId('popup-outline-result').waitFor();
    expect(await popup.getByTestId('popup-outline-result').textContent()).toBe("Copied. It holds the page's structure only (no text, prices, names or ids): paste it into your message to support.");
    const copied = await popup.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
    expect(copied).toHaveLength(1);
    const outline = copied[0]!;
    console.log(`[unreadable] outline: ${outline.length} characters; first lines:\n${outline.split('\n').slice(0, 12).join('\n')}`);
    // The structure: where the table sits, its rows, cells and attribute names.
    expect(outline).toContain('console: shopee · list page · listings shown: 50 · read by Shelfsync: 0');
    expect(outline).toMatch(/^ *table\.pl-grid__table$/m);
    expect(outline).toMatch(/^ *tr\.pl-grid__row\[data-row-key\]$/m);
    expect(outline).toContain('input.pl-check__box[type=checkbox][aria-label]');
    expect(outline).toContain('img.pl-product__cover[src][alt]');
    expect(outline).toContain('input.pl-stock__input[value][aria-label]');
    expect(outline).toContain('… 47 more tr');
    // None of the page's words: titles, prices, the buyer, the stock numbers.
    for (const it of w.items) expect(outline).not.toContain(it.title);
    for (const word of ['S$', '12.50', BUYER.name, 'Siti', BUYER.email, '@', BUYER.phone, '812', 'Last order', 'Select ', 'Stock of', 'svg+xml']) expect(outline, word).not.toContain(word);
    expect(outline.split('\n').slice(2).filter((l) => !/^ *… \d+ more/.test(l)).join('\n')).not.toMatch(/\d/);
    await popup.close();

    // Leaving the list without a page load (a single-page console): the badge goes; back: it returns.
    const item = w.items[0]!;
    await page.evaluate((p) => history.pushState({}, '', p), `/console/shopee/portal/product/${item.itemId}${new URL(w.shop.consoleUrl).search}`);
    await until('the badge to go when the list is left', async () => (await badgeOf(tabId)) === '', 20_000);
    await page.evaluate((u) => history.pushState({}, '', u), w.shop.consoleUrl);
    await until('the badge to come back on the list', async () => (await badgeOf(tabId)) === '!', 20_000);

    // The console reads again (the redesign is gone): a page load clears the badge, no message.
    await w.ext.context.unrouteAll();
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-shelfsync-row]').length > 0, undefined, { timeout: 20_000 });
    expect(await badgeOf(tabId)).toBe('');
    const again = await popupFor(tabId);
    expect(await again.getByTestId('popup-page-state').getAttribute('data-state')).toBe('all');
    expect(await again.getByTestId('popup-unreadable').count()).toBe(0);
    expect(await badgeOf(tabId)).toBe('');
    await again.close();
    await w.closePages();
    expect(w.pageErrors).toEqual([]);
    expect(w.ext.pageErrors).toEqual([]);
  });
});
