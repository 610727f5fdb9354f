// The injected UI's cost on a console page, read the same way by the console browser tests and
// the benchmark: our own timing of each pass (scan + hosts + React render, kept by the content
// script in data-shelfsync-perf) and the main thread's task time while every host is re-injected.
import type { Page } from 'playwright-core';

/** Milliseconds of main-thread work (CDP TaskDuration) while `fn` runs. */
export async function taskMs(page: Page, fn: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const before = await read();
  await fn();
  const after = await read();
  await cdp.detach();
  return Math.round((after - before) * 1000 * 10) / 10;
}

export interface PassTiming { kind: 'inject' | 'status'; rows: number; ms: number }
export async function perfPasses(page: Page): Promise<PassTiming[]> {
  return JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-shelfsync-perf'))) ?? '[]');
}

/** Two frames later: the layout and paint of a change made in the last one are done. */
const settled = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Throws every injected row host away (as a console re-render does) and waits for all to come
 *  back, five times: the median of our pass timing and of the main thread's task time. The page's
 *  own share is measured too (`baseline`): the same hosts taken out and put back by the page in
 *  one frame, three times — the layout a 50-row console table costs whoever changes it (our
 *  watcher still wakes then and scans, finding every row whole). `ours` is what re-injection
 *  adds to it, at most: task − baseline + our own pass. */
export async function reinjectCost(page: Page, rows: number): Promise<{ pass: number; task: number; baseline: number; ours: number; rounds: { pass: number; task: number }[] }> {
  const rounds: { pass: number; task: number }[] = [];
  for (let i = 0; i < 5; i++) {
    // Rounds are separate re-renders, as a seller's paging or filtering makes them (seconds
    // apart): the watcher handles a change after a quiet spell in the next frame and debounces a
    // page that keeps changing (watcher.ts), so back-to-back rounds would measure the latter.
    await page.waitForTimeout(400);
    const task = await taskMs(page, async () => {
      await page.evaluate(() => document.querySelectorAll('shelfsync-row').forEach((h) => h.remove()));
      await page.waitForFunction((n) => document.querySelectorAll('shelfsync-row').length === n, rows);
      await settled(page);
    });
    rounds.push({ pass: (await perfPasses(page)).filter((p) => p.kind === 'inject').pop()!.ms, task });
  }
  const base: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(400);
    base.push(await taskMs(page, async () => {
      await page.evaluate(() => {
        const hosts = [...document.querySelectorAll('shelfsync-row')].map((h) => [h, h.parentNode!, h.nextSibling] as const);
        for (const [h] of hosts) h.remove();
        requestAnimationFrame(() => hosts.forEach(([h, parent, next]) => parent.insertBefore(h, next)));
      });
      await page.waitForFunction((n) => document.querySelectorAll('shelfsync-row').length === n, rows);
      // Our watcher's look at the change (a frame later at most) is inside the measure.
      await settled(page);
    }));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pass = median(rounds.map((r) => r.pass));
  const task = median(rounds.map((r) => r.task));
  const baseline = median(base);
  return { pass, task, baseline, ours: Math.round(Math.max(0, task - baseline + pass) * 10) / 10, rounds };
}

/** Scrolls a console that renders its rows lazily (Shopee) until none is left waiting, so a
 *  measurement or a check covers every row of the page; other consoles return at once. */
export async function scrollToEveryRow(page: Page): Promise<void> {
  for (let i = 0; i < 20 && (await page.locator('template.eds-table__lazy').count()) > 0; i++) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(120);
  }
}
