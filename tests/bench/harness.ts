// Shared pieces of the benchmarks: the built test extension in Chromium beside the simulator,
// commands sent from a dashboard page, percentiles, the machine description.
import { execSync } from 'node:child_process';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { startSimulator } from '../simulator/server';
import { launchExtension, type LaunchedExtension } from '../e2e/support/extension';
import { simControl, type SimHandle } from '../e2e/support/world';

export interface Bench {
  sim: SimHandle;
  ext: LaunchedExtension;
  page: Page;
  scale: 'small' | 'full';
}

export async function startBench(scale: 'small' | 'full'): Promise<Bench> {
  const sim = await startSimulator({ port: 0 });
  const ext = await launchExtension();
  const page = await ext.open('dashboard.html');
  return { sim, ext, page, scale };
}

export async function stopBench(b: Bench): Promise<void> {
  await b.ext.close().catch(() => undefined);
  await b.sim.close().catch(() => undefined);
}

/** A command from the dashboard page; throws on a refusal. */
export async function cmd<T = any>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const answer = await page.evaluate(([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  if (!answer?.ok) throw new Error(`${type} refused: ${JSON.stringify(answer?.error ?? answer)}`);
  return answer.data as T;
}

export async function waitJob(page: Page, jobId: number, timeoutMs = 30 * 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await cmd(page, 'jobs.get', { id: jobId });
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

export function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* not a checkout */
  }
  let chromium = 'unknown';
  try {
    chromium = execSync('/usr/bin/chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* elsewhere */
  }
  return { cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium, date: new Date().toISOString(), commit };
}

/** Pending pushes and failures, read straight from the extension's IndexedDB. */
export async function engineState(page: Page): Promise<{ pending: number; marks: number; failing: number }> {
  // Plain code in the page (no named inner functions: tsx would wrap them in a helper the page lacks).
  return page.evaluate(async () => {
    const open = indexedDB.open('shelfsync');
    const db: IDBDatabase = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
    const tx = db.transaction(['pushQueue', 'storeMarks', 'storeVariants'], 'readonly');
    const requests = [tx.objectStore('pushQueue').count(), tx.objectStore('storeMarks').count(), tx.objectStore('storeVariants').index('failing').count(IDBKeyRange.only(1))];
    const [pending, marks, failing] = await Promise.all(requests.map((r) => new Promise<number>((res) => { r.onsuccess = () => res(r.result); })));
    db.close();
    return { pending: pending!, marks: marks!, failing: failing! };
  });
}

export async function stockCalls(sim: SimHandle, shopIds: string[]): Promise<{ calls: number; entries: number }> {
  let calls = 0;
  let entries = 0;
  for (const id of shopIds) {
    const s = await simControl(sim, 'GET', `/__sim/stats?shopId=${encodeURIComponent(id)}`);
    calls += s.stockUpdateCalls;
    entries += s.stockUpdateEntries;
  }
  return { calls, entries };
}

export async function memory(b: Bench): Promise<{ workerHeapMB: number | null; dashboardHeapMB: number | null; indexedDbMB: number | null }> {
  const mb = (n: unknown) => (typeof n === 'number' ? Math.round((n / 2 ** 20) * 10) / 10 : null);
  const cdp = await b.ext.context.newCDPSession(b.page);
  let dashboard: number | null = null;
  try {
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    dashboard = heap.usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const worker = await workerHeap(b).catch(() => null);
  const usage = await b.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
  return { workerHeapMB: mb(worker), dashboardHeapMB: mb(dashboard), indexedDbMB: mb(usage) };
}

/** A DevTools session on the extension's service worker, reached through the page's session
 *  (Target.sendMessageToTarget: Playwright opens CDP sessions on pages only); null without a worker.
 *  `send` answers null when the worker does not answer within `timeoutMs`. */
async function workerSession(b: Bench): Promise<{ send: (method: string, params?: Record<string, unknown>, timeoutMs?: number) => Promise<unknown>; close: () => Promise<void> } | null> {
  const cdp = await b.ext.context.newCDPSession(b.page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(b.ext.extensionId));
  if (!sw) {
    await cdp.detach().catch(() => undefined);
    return null;
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  const waiting = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (e.sessionId === sessionId && m.id !== undefined) waiting.get(m.id)?.(m.result ?? null);
  });
  let next = 1;
  return {
    async send(method, params = {}, timeoutMs = 60_000) {
      const id = next++;
      const answer = new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        waiting.set(id, (r) => (clearTimeout(timer), resolve(r)));
      });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The service worker's heap (workers have no performance.memory). */
async function workerHeap(b: Bench): Promise<number | null> {
  const worker = await workerSession(b);
  if (!worker) return null;
  try {
    const heap = (await worker.send('Runtime.getHeapUsage', {}, 5000)) as { usedSize: number } | null;
    return heap?.usedSize ?? null;
  } finally {
    await worker.close();
  }
}

/** `BENCH_PROFILE=<dir>`: a CPU profile of the service worker over a stretch of a scenario, written
 *  as a .cpuprofile (open in Chrome DevTools) — where the engine's time goes, not a figure. */
export async function profileWorker(b: Bench): Promise<(file: string) => Promise<void>> {
  const worker = await workerSession(b);
  if (!worker) throw new Error('no service worker to profile');
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 500 });
  await worker.send('Profiler.start');
  return async (file: string) => {
    const r = (await worker.send('Profiler.stop')) as { profile: unknown } | null;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(r?.profile ?? null));
    await worker.close();
  };
}
