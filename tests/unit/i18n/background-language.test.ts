// The background answers in the seller's language: with Thai chosen in Settings, a command it
// refuses (from two features) and a draft's validation read in Thai; with English, in English; and
// a change in Settings reaches the running background without a restart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCatalog, type Catalog, type Language } from '@/lib/i18n';
import { validateDraft } from '@/lib/drafts/validation';
import { catalogProblems } from '@/lib/drafts/catalogChecks';
import { followSellerLanguage } from '@/lib/language/background';
import { setCatalogLoader } from '@/lib/language/commands';
import type { LanguageHandle } from '@/lib/language/start';
import { writeChoice } from '@/lib/language/preference';
import { freshDb, ok, run } from '../../helpers/background';

const fromDisk = async (lang: Language): Promise<Catalog> => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'));
let handle: LanguageHandle | null = null;

beforeEach(async () => {
  await freshDb();
  setCatalog(null, null);
  setCatalogLoader(fromDisk);
});
afterEach(() => {
  handle?.stop();
  handle = null;
  setCatalog(null, null);
});

/** What the seller reads for: a warehouse that is not there, incomplete TikTok Shop credentials,
 *  a draft with no title. */
async function refusals() {
  const missing = await run('warehouses.get', { id: 999 });
  const incomplete = await run('stores.connect', { platform: 'tiktok', name: 'X', apiBaseUrl: 'https://open-api.tiktokglobalshop.com', credentials: { appKey: 'a' } });
  const draft = validateDraft({ title: ' ', description: 'A mug', imageUrls: [], price: 10, categoryId: null, weightGrams: null, extra: {}, variants: [{ sellerSku: 'V', price: 10, stock: 1, options: null, productId: null }] }, 'shopify');
  return {
    missing: missing.ok ? null : missing.error,
    incomplete: incomplete.ok ? null : incomplete.error,
    title: draft.find((p) => p.field === 'title')?.message,
    // A marketplace's own part (catalogChecks): Shopee with no logistics channel chosen.
    logistics: catalogProblems({ categoryId: null, imageUrls: [], logisticsChannelIds: [] }, 'shopee', {}).find((p) => p.field === 'logistics')?.message,
  };
}

describe('the background in the seller\'s language', () => {
  it.each([
    { choice: 'th', missing: 'ไม่มีคลังสินค้าที่มี ID 999', incomplete: /^ข้อมูลรับรอง tiktok ยังไม่ครบ: /, title: 'ยังไม่ได้ใส่ชื่อสินค้า', logistics: 'Shopee ต้องมีช่องทางขนส่งที่ร้านเปิดใช้อย่างน้อยหนึ่งช่องทาง โปรดเลือกวิธีจัดส่งสินค้านี้' },
    { choice: 'en', missing: 'No warehouse with id 999 exists.', incomplete: /^The tiktok credentials are not complete: /, title: 'The title is empty.', logistics: 'Shopee needs at least one logistics channel the shop has enabled; choose how this listing ships.' },
  ] as const)('refuses in the language Settings name ($choice), with the machine codes unchanged', async (want) => {
    await writeChoice(want.choice);
    handle = await followSellerLanguage();
    const got = await refusals();
    expect(got.missing).toMatchObject({ code: 'not_found', message: want.missing });
    expect(got.incomplete?.code).toBe('invalid_input');
    expect(got.incomplete?.message).toMatch(want.incomplete);
    expect(got.title).toBe(want.title);
    expect(got.logistics).toBe(want.logistics);
  });

  it('follows a change in Settings without a restart', async () => {
    handle = await followSellerLanguage();
    expect((await refusals()).missing?.message).toBe('No warehouse with id 999 exists.');
    await ok('language.set', { choice: 'id' });
    await expect.poll(async () => (await refusals()).missing?.message).toBe('Tidak ada gudang dengan ID 999.');
    await ok('language.set', { choice: 'auto' });
    await expect.poll(async () => (await refusals()).title).toBe('The title is empty.');
  });
});
