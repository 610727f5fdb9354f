// The language switch: our own formatting of a locale file matches chrome.i18n's rules, language
// tags map to our locales, and a change reaches listeners and every later string at once.
import { afterEach, describe, expect, it } from 'vitest';
import { formatEntry, languageOf, onLanguageChange, setCatalog, t, tn, uiLanguage, uiLocale } from '@/lib/i18n';

afterEach(() => setCatalog(null, null));

describe('language', () => {
  it('formats placeholders, numbered substitutions and $$ as chrome.i18n does', () => {
    expect(formatEntry({ message: 'Gudang $NAME$ dibuat.', placeholders: { name: { content: '$1' } } }, ['Jakarta'])).toBe('Gudang Jakarta dibuat.');
    expect(formatEntry({ message: '$DONE$ / $COUNT$', placeholders: { count: { content: '$1' }, done: { content: '$2' } } }, ['50', '7'])).toBe('7 / 50');
    expect(formatEntry({ message: 'Harga $$5 untuk $1' }, ['Budi'])).toBe('Harga $5 untuk Budi');
    // A substitution that itself looks like a placeholder is shown as it is.
    expect(formatEntry({ message: '$NAME$', placeholders: { name: { content: '$1' } } }, ['$2 $$'])).toBe('$2 $$');
  });

  it('maps language tags to the locales we ship', () => {
    expect(['th-TH', 'id', 'in-ID', 'ms_MY', 'vi-VN', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-Hant-HK', 'en-GB', 'de-DE', '', null].map(languageOf))
      .toEqual(['th', 'id', 'id', 'ms', 'vi', 'zh_CN', 'zh_CN', 'zh_TW', 'zh_TW', 'en', null, null, null]);
  });

  it('switches every string, plural and number format at once, and tells its listeners', () => {
    const english = t('nav_storeProducts');
    let told = 0;
    const off = onLanguageChange(() => told++);
    setCatalog('th', {
      nav_storeProducts: { message: 'สินค้าในร้าน' },
      popup_stores_other: { message: 'เชื่อมต่อ $COUNT$ ร้านแล้ว', placeholders: { count: { content: '$1' } } },
    });
    expect(told).toBe(1);
    expect(uiLanguage()).toBe('th');
    expect(uiLocale()).toBe('th');
    expect(t('nav_storeProducts')).toBe('สินค้าในร้าน');
    expect(tn('popup_stores', 1)).toBe('เชื่อมต่อ 1 ร้านแล้ว'); // Thai has no "one": _other
    expect(tn('popup_stores', 1200)).toBe('เชื่อมต่อ 1,200 ร้านแล้ว');
    // A key the locale lacks still shows the browser's string, never a blank.
    expect(t('extName')).toBe('Shelfsync');
    setCatalog(null, null);
    expect(told).toBe(2);
    expect(t('nav_storeProducts')).toBe(english);
    off();
  });
});
