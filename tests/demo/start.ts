// `npm start`: builds the test extension and opens it in Chromium beside the local demo
// marketplace (the platform simulator), so every flow can be tried without a marketplace account.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium';
import { ROOT, TEST_BUILD } from '../e2e/support/extension';
import { DEMO_SIM_PORT } from '../../lib/demo/marketplace';
import { seedDemo, type Send } from './seed';

const SIM_PORT = Number(process.env.SHELFSYNC_SIM_PORT ?? DEMO_SIM_PORT);

function needsDesktop(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

if (needsDesktop()) {
  console.error(`npm start opens a Chromium window, and this machine has no desktop (no DISPLAY).
On a machine without one you can:
  • run it under a virtual display:   xvfb-run -a npm start   (apt-get install xvfb), and look with a VNC/x11vnc;
  • or build here and load it on a machine with a desktop: npm run build:test, then load
    .output/chrome-mv3-test as an unpacked extension (chrome://extensions → Developer mode →
    Load unpacked) while \`npm run simulator -- --port ${SIM_PORT}\` runs;
  • npm test needs no desktop: it runs every tier headless.`);
  process.exit(1);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}

console.log('Building the test extension…');
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The demo marketplace: started here when the simulator exists (issue 4 brings it); one already
// listening on the port (`npm run simulator`) is used as it is.
let closeSimulator: (() => Promise<void>) | undefined;
let simUrl: string | undefined;
const simulatorEntry = path.join(ROOT, 'tests/simulator/server.ts');
if (existsSync(simulatorEntry)) {
  const { startSimulator } = (await import(simulatorEntry)) as {
    startSimulator: (o: { port: number }) => Promise<{ url: string; close(): Promise<void> }>;
  };
  try {
    const sim = await startSimulator({ port: SIM_PORT });
    closeSimulator = () => sim.close();
    simUrl = sim.url;
  } catch (err) {
    const running = `http://127.0.0.1:${SIM_PORT}`;
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !(await fetch(`${running}/__sim/shops`).then((r) => r.ok, () => false))) throw err;
    simUrl = running;
  }
  console.log(`Demo marketplace (platform simulator) at ${simUrl}`);
}

// A kept profile, so what you set up in the demo is still there next time.
const profileDir = path.join(ROOT, '.e2e-profiles/demo');
mkdirSync(profileDir, { recursive: true });
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${TEST_BUILD}`,
    `--load-extension=${TEST_BUILD}`,
    '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/dashboard.html#/stores`);

// The first time (a new profile): a demo warehouse, system products with stock and one store per
// platform, set up through the same commands the dashboard sends.
if (simUrl) {
  const send: Send = (type, payload) => page.evaluate(([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload ?? {}] as const);
  try {
    const seeded = await seedDemo({ send, simUrl, log: (line) => console.log(`  ${line}`) });
    console.log(seeded.skipped ? `Demo data not added: ${seeded.reason}.` : `Demo data added: ${seeded.products} system products in "Demo warehouse", ${seeded.stores.length} demo stores.`);
  } catch (err) {
    console.error(`Could not add the demo data: ${err instanceof Error ? err.message : String(err)}`);
  }
  // The demo buyer beside the dashboard: place an order on a demo shop and watch the sale travel.
  const buyer = await context.newPage();
  await buyer.goto(`${simUrl}/__sim/buyer`).catch((err: unknown) => console.error(`Could not open the demo buyer: ${String(err)}`));
  await page.bringToFront();
  console.log(`Demo buyer (place a buyer's order on a demo shop): ${simUrl}/__sim/buyer`);
}
console.log(`Shelfsync is open (extension id ${extensionId}). Close the browser window to stop.`);

await new Promise<void>((resolve) => context.on('close', () => resolve()));
await closeSimulator?.();
