// @vitest-environment jsdom
// Each console's selectors against pages saved from the simulator's fake consoles
// (tests/fixtures/consoles, `npx tsx tests/fixtures/consoles/save.ts`): the expected number of
// rows and the item ids the control API says are on the page; the redesigned ("changed") markup
// gives no rows and one logged hint, never an exception; hostile titles are never parsed as HTML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log/logger';
import { lazadaAdapter } from '@/lib/consoles/lazada/rows';
import { shopeeAdapter } from '@/lib/consoles/shopee/rows';
import { shopifyAdapter } from '@/lib/consoles/shopify/rows';
import { tiktokAdapter } from '@/lib/consoles/tiktok/rows';
import { wooAdapter } from '@/lib/consoles/woocommerce/rows';
import type { ConsoleAdapter } from '@/lib/consoles/runtime/types';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/consoles');
const ADAPTERS: Record<string, ConsoleAdapter> = { shopee: shopeeAdapter, lazada: lazadaAdapter, tiktok: tiktokAdapter, shopify: shopifyAdapter, woocommerce: wooAdapter };

interface Expected { platform: string; rows: number; hostileItemId: string; itemIds: string[]; variants: { itemId: string; variantIds: string[]; skus: string[] }[] }

/** A fresh document holding the saved page; scripts in it never run (parsed, not executed). */
function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  return doc;
}
const expected = (platform: string): Expected => JSON.parse(readFileSync(path.join(DIR, `${platform}.json`), 'utf8'));
const asStored = (_platform: string, id: string) => id; // the control API answers ids as Shelfsync stores them (Shopify GIDs)

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  setLogSink((_level, _scope, message) => logged.push(message));
});
afterEach(() => setLogSink(null));

describe.each(Object.keys(ADAPTERS))('%s console selectors', (platform) => {
  const adapter = ADAPTERS[platform]!;
  const want = expected(platform);

  it('finds every listing row with its item id, checkbox and a place for the controls', () => {
    const rows = adapter.findRows(load(platform));
    expect(rows).toHaveLength(want.rows);
    expect(rows.map((r) => r.id).sort()).toEqual(want.itemIds.map((i) => asStored(platform, i)).sort());
    for (const r of rows) {
      expect(r.checkbox?.type).toBe('checkbox');
      expect(r.mount.anchor.isConnected).toBe(true);
      expect(r.row.contains(r.mount.anchor) || r.related?.some((x) => x.contains(r.mount.anchor))).toBe(true);
    }
    expect(logged).toEqual([]);
  });

  it('finds the same rows when the first title is hostile, and never parses it as HTML', () => {
    const doc = load(`${platform}-hostile`);
    const rows = adapter.findRows(doc);
    expect(rows).toHaveLength(want.rows);
    expect(rows.map((r) => r.id)).toContain(asStored(platform, want.hostileItemId));
    expect(doc.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(doc.body.textContent).toContain('<img src=x onerror=');
  });
});
