// The language choice and the locale files a console's controls ask for: who may ask, what is
// refused, and that a page following the choice switches when Settings change it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setCatalog, t, uiLanguage, type Catalog, type Language } from '@/lib/i18n';
import { setCatalogLoader } from '@/lib/language/commands';
import { pickLanguage, startLanguage } from '@/lib/language/start';
import { CONTENT_SCRIPT, freshDb, ok, run } from '../../helpers/background';

const fromDisk = async (lang: Language): Promise<Catalog> => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'));
const thai: Catalog = { nav_storeProducts: { message: 'สินค้าในร้าน' } };

beforeEach(async () => {
  await freshDb();
  fakeBrowser.reset();
  setCatalog(null, null);
  setCatalogLoader(fromDisk);
});

describe('language commands', () => {
  it('keeps the choice, refuses a language we do not ship, and never lets a content script choose', async () => {
    expect((await ok('language.get', {})).choice).toBe('auto');
    expect(await ok('language.set', { choice: 'th' })).toEqual({ choice: 'th' });
    expect((await ok('language.get', {})).choice).toBe('th');
    const bad = await run('language.set', { choice: 'de' } as never);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    const fromPage = await run('language.set', { choice: 'en' }, CONTENT_SCRIPT);
    expect(fromPage.ok).toBe(false);
    expect((await ok('language.get', {})).choice).toBe('th');
  });

  it('gives a console the strings of one language', async () => {
    const got = await run('console.messages', { language: 'en' }, CONTENT_SCRIPT);
    expect(got.ok && got.data.messages.nav_storeProducts?.message).toBe('Store products');
    const bad = await run('console.messages', { language: '../../secrets' } as never, CONTENT_SCRIPT);
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });

  it('picks Settings first, then the console page, then the browser', () => {
    expect(pickLanguage('th', 'id-ID', 'en')).toBe('th');
    expect(pickLanguage('auto', 'th-TH', 'en')).toBe('th');
    expect(pickLanguage('auto', 'en-US', 'en')).toBeNull();
    expect(pickLanguage('auto', 'en-US', 'id')).toBeNull(); // a console's English is often just its default
    expect(pickLanguage('auto', 'de', 'en')).toBeNull();
    expect(pickLanguage('en', null, 'en')).toBeNull(); // the browser's own: chrome.i18n
    expect(pickLanguage('en', null, 'id')).toBe('en');
  });

  it('switches an open page when Settings change the choice, and back', async () => {
    const loads: Language[] = [];
    const { stop } = await startLanguage({ load: async (l) => (loads.push(l), thai) });
    expect(uiLanguage()).toBe('en');
    await ok('language.set', { choice: 'th' });
    await expect.poll(() => t('nav_storeProducts')).toBe('สินค้าในร้าน');
    await ok('language.set', { choice: 'auto' });
    await expect.poll(() => t('nav_storeProducts')).toBe('Store products');
    expect(loads).toEqual(['th']);
    stop();
  });

  it('follows a console page that declares another language, and keeps the browser\'s when Settings say so', async () => {
    let pageLang = 'en';
    const handle = await startLanguage({ load: async (l) => (l === 'th' ? thai : fromDisk(l)), pageLanguage: () => pageLang });
    expect(t('nav_storeProducts')).toBe('Store products');
    pageLang = 'th-TH';
    await handle.refresh();
    expect(t('nav_storeProducts')).toBe('สินค้าในร้าน');
    await ok('language.set', { choice: 'en' });
    await expect.poll(() => t('nav_storeProducts')).toBe('Store products');
    handle.stop();
  });
});
