// @vitest-environment jsdom
// Each console's selectors against pages saved from the simulator's fake consoles
// (tests/fixtures/consoles, `npx tsx tests/fixtures/consoles/save.ts`): the live consoles' shapes
// (normal), the older build's (previous) and Shopify's condensed layout all give every listing of
// the page with the item id the control API says, its checkbox and a place for the controls;
// hostile titles are never parsed as HTML; every listing page has a place for its controls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log/logger';
import { lazadaReader } from '@/lib/consoles/lazada/rows';
import { shopeeReader } from '@/lib/consoles/shopee/rows';
import { shopifyReader } from '@/lib/consoles/shopify/rows';
import { tiktokReader } from '@/lib/consoles/tiktok/rows';
import { wooReader } from '@/lib/consoles/woocommerce/rows';
import type { ConsolePageReader } from '@/lib/consoles/runtime/reader';
import { expected, load, loadStyled, showLazyRows } from './selectors-fixtures';

const READERS: Record<string, ConsolePageReader> = { shopee: shopeeReader, lazada: lazadaReader, tiktok: tiktokReader, shopify: shopifyReader, woocommerce: wooReader };
const MARKUPS: [string, string][] = Object.keys(READERS).flatMap((p) => [[p, p], [p, `${p}-previous`], ...(p === 'shopify' ? [[p, 'shopify-condensed'] as [string, string]] : [])]);

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_level, _scope, message) => logged.push(message));
});
afterEach(() => setLogSink(null));

describe.each(MARKUPS)('%s console selectors (%s)', (platform, fixture) => {
  const reader = READERS[platform]!;
  const want = expected(platform);

  it('finds every listing row in page order with its item id, checkbox and a place for the controls', () => {
    const doc = showLazyRows(load(fixture));
    const rows = reader.findRows(doc);
    expect(rows.map((r) => r.id)).toEqual(want.pageOrder);
    for (const r of rows) {
      expect(r.checkbox?.type).toBe('checkbox');
      expect(r.mount.anchor.isConnected).toBe(true);
      expect(r.row.contains(r.mount.anchor)).toBe(true);
      expect(r.mount.anchor).not.toBe(r.row); // inside a cell, never between cells
    }
    expect(logged).toEqual([]);
  });

  it('finds the same rows when the first title is hostile, and never parses it as HTML', () => {
    if (fixture !== platform) return; // the hostile page is saved in the normal markup
    const doc = showLazyRows(load(`${platform}-hostile`));
    const rows = reader.findRows(doc);
    expect(rows).toHaveLength(want.rows);
    expect(rows.map((r) => r.id)).toContain(want.hostileItemId);
    expect(doc.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(doc.body.textContent).toContain('<img src=x onerror=');
  });
});

describe.each(Object.keys(READERS))('%s: the listing\'s own page', (platform) => {
  it.each(['product', 'product-previous'])('has a place for the controls beside the product\'s name (%s)', (kind) => {
    const doc = loadStyled(`${platform}-${kind}`);
    const mount = READERS[platform]!.productMount(doc);
    expect(mount?.anchor.isConnected).toBe(true);
    expect(mount!.anchor.closest('nav, header, a, button')).toBeNull();
  });
});
