// Shelfsync in the seller's language, in a real Chromium started in Indonesian (LANGUAGE=id;
// Debian's chromium-l10n gives Chromium the language): the dashboard, the popup and the controls
// on a console row speak Indonesian; choosing Thai in Settings turns the open dashboard and the
// controls on an open console page Thai without a reload, and so does one more language picked by
// the test's seed; a console page in another language than the browser's gets its own language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/extension';
import { must } from './support/world';
import { consoleWorld, controls, type ConsoleWorld } from '../fixtures/consoles/harness';

const messages = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const say = (lang: string, key: string) => messages(lang)[key]!.message;

// The seed picks the extra language; printed so a failure can be re-run with the same one.
const SEED = Number(process.env.LANGUAGE_SEED ?? Date.now() % 1000);
const OTHERS = ['ms', 'vi', 'zh_CN', 'zh_TW'];
const EXTRA = OTHERS[SEED % OTHERS.length]!;

const ROWS = '.eds-table__main-body tbody tr.eds-table__row';

describe(`Shelfsync in the seller's language (seed ${SEED}: ${EXTRA})`, () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld({ platform: 'shopee', items: 6, language: 'id' });
  }, 240_000);
  afterAll(async () => {
    await w?.close();
  });

  const navLabel = (page: Page) => page.locator('[data-testid="nav-sider"] .ant-menu-item').first().innerText();
  const syncNowLabel = (page: Page) => controls(page, 'sync-now').first().innerText();
  /** Clicks a language in Settings (the radio button's label: its input is visually hidden). */
  const choose = (lang: string) => w.dash.locator(`[data-testid="settings-language-${lang}"]`).locator('xpath=ancestor::label[1]').click();

  it('starts in the browser\'s language: the dashboard, the popup and a console row in Indonesian', async () => {
    expect(await w.dash.evaluate(() => (globalThis as any).chrome.i18n.getUILanguage())).toMatch(/^id/);
    await w.dash.reload();
    await expect.poll(() => navLabel(w.dash)).toBe(say('id', 'nav_storeProducts'));
    const popup = await w.ext.open('popup.html');
    await popup.locator('[data-testid="popup"][data-ready-ms]').waitFor();
    const body = await popup.locator('body').innerText();
    expect(body).toContain(say('id', 'popup_openDashboard'));
    expect(body).not.toContain(say('en', 'popup_openDashboard'));
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^id/);
    await popup.close();
    // A console that declares English (as many do, whatever they show) leaves the browser's language.
    const page = await w.open(`${w.shop.consoleUrl}&size=50`);
    await expect.poll(() => controls(page, 'sync-now').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await syncNowLabel(page)).toBe(say('id', 'console_syncNow'));
    await page.close();
  }, 120_000);

  it('switches the open dashboard and an open console page to Thai from Settings, then to one more language, without a reload', async () => {
    const page = await w.open(`${w.shop.consoleUrl}&size=50`);
    await expect.poll(() => controls(page, 'sync-now').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const rows = await page.locator(ROWS).count();
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await w.dash.evaluate(() => ((window as any).__sameDocument = true));
    await w.dash.goto(`${w.dash.url().split('#')[0]}#/settings`);
    await w.dash.evaluate(() => ((window as any).__sameDocument = true));

    for (const lang of ['th', EXTRA]) {
      await choose(lang);
      await expect.poll(() => navLabel(w.dash)).toBe(say(lang, 'nav_storeProducts'));
      await expect.poll(() => syncNowLabel(page), { timeout: 10_000 }).toBe(say(lang, 'console_syncNow'));
      expect(await controls(page, 'sync-now').count()).toBe(rows);
      expect(await w.dash.evaluate(() => document.documentElement.lang)).toBe(lang.replace('_', '-'));
    }
    // Neither page was reloaded.
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(await w.dash.evaluate(() => (window as any).__sameDocument)).toBe(true);

    // Back to the browser's language.
    await choose('auto');
    await expect.poll(() => navLabel(w.dash)).toBe(say('id', 'nav_storeProducts'));
    await expect.poll(() => syncNowLabel(page), { timeout: 10_000 }).toBe(say('id', 'console_syncNow'));
    await page.close();
  }, 120_000);

  it('gives the controls the console\'s own language when it differs from the browser\'s', async () => {
    await must(w.dash, 'language.set', { choice: 'auto' });
    const page = await w.open(`${w.shop.consoleUrl}&size=50&lang=th`);
    await expect.poll(() => controls(page, 'sync-now').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => syncNowLabel(page), { timeout: 10_000 }).toBe(say('th', 'console_syncNow'));
    await page.close();
    expect(w.pageErrors).toEqual([]);
    expect(w.ext.pageErrors).toEqual([]);
  }, 60_000);
});
