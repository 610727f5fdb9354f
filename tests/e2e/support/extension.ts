// Launches the built extension in a real Chromium through playwright-core, the way a seller's
// browser loads it, and gives tests its service worker, id and pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** SHELFSYNC_TEST_BUILD points at a private copy of the test build (benchmarks, the soak) so a
 *  rebuild in the work tree cannot pull files from under a running browser. */
export const TEST_BUILD = process.env.SHELFSYNC_TEST_BUILD || path.join(ROOT, '.output/chrome-mv3-test');
export const PROD_BUILD = path.join(ROOT, '.output/chrome-mv3');

export interface LaunchOptions {
  /** Reuse a profile to test what survives closing the browser. */
  profileDir?: string;
  extensionDir?: string;
  /** e.g. ['MAP seller.shopee.co.id 127.0.0.1'] to point real console hosts at the simulator. */
  hostRules?: string[];
  headless?: boolean;
  /** More Chromium switches (the benchmarks keep Chromium's own log: --enable-logging --log-file=…). */
  args?: string[];
  /** The browser's UI language, e.g. 'id': Chromium on Linux takes it from LANGUAGE (and has it
   *  only with Debian's chromium-l10n installed). */
  language?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  pageErrors: string[];
  /** Opens an extension page (e.g. 'dashboard.html#/stores') and records its errors. */
  open(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'shelfsync-e2e-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const extensionDir = opts.extensionDir ?? TEST_BUILD;
  const profileDir = opts.profileDir ?? newProfileDir();
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--no-default-browser-check',
  ];
  if (opts.args?.length) args.push(...opts.args);
  if (opts.hostRules?.length) args.push(`--host-resolver-rules=${opts.hostRules.join(', ')}`, '--ignore-certificate-errors');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1400, height: 900 },
    ...(opts.language ? { env: { ...process.env, LANGUAGE: opts.language, LANG: `${opts.language}.UTF-8` }, locale: opts.language.replace('_', '-') } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const pageErrors: string[] = [];

  return {
    context,
    worker,
    extensionId,
    profileDir,
    pageErrors,
    async open(pagePath) {
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${pagePath}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`${pagePath}: console.error ${msg.text()}`);
      });
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      return page;
    },
    async close() {
      await context.close();
    },
  };
}

/** Sends a command from an extension page, exactly as the dashboard does. */
export function sendFrom(page: Page, type: string, payload: unknown = {}): Promise<{ ok: boolean; data?: any; error?: any }> {
  return page.evaluate(([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
}
