// Chromium's processes as the kernel sees them (Linux /proc): CPU seconds and resident memory per
// kind — the browser process, the extension's renderer (its service worker and the dashboard
// page), other renderers, the storage service (IndexedDB's backend: LevelDB), the GPU/network
// helpers — plus this
// Node process (the simulator and the harness). The CPU profile sees only the worker's JavaScript;
// these figures say where the rest of the machine went, and a sample line every few seconds
// leaves memory and load beside Chromium's log when the browser dies.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK = 100; // USER_HZ on Linux
const PAGE = 4096;

export type ProcKind = 'browser' | 'extension' | 'renderer' | 'storage' | 'other';
export interface ProcSample { pid: number; kind: ProcKind; cpuSeconds: number; rssMB: number }

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function statOf(pid: number): { ppid: number; cpuSeconds: number; rssMB: number } | null {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), cpuSeconds: (Number(f[11]) + Number(f[12])) / TICK, rssMB: Math.round(((Number(f[21]) * PAGE) / 2 ** 20) * 10) / 10 };
}

/** Chromium's processes below this Node process (the browser and everything it started). */
export function chromiumProcesses(root = process.pid): ProcSample[] {
  const all = new Map<number, { ppid: number; cpuSeconds: number; rssMB: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = statOf(Number(name));
    if (s) all.set(Number(name), s);
  }
  const below = (pid: number): boolean => {
    for (let p = all.get(pid)?.ppid, depth = 0; p && depth < 10; p = all.get(p)?.ppid, depth++) if (p === root) return true;
    return false;
  };
  const out: ProcSample[] = [];
  for (const [pid, s] of all) {
    if (!below(pid)) continue;
    // Processes forked from Chromium's zygote rewrite their title: one string, words by spaces.
    const cmd = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/) ?? [];
    if (!cmd[0]?.includes('chromium')) continue;
    const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
    const kind: ProcKind = !type ? 'browser' : type === 'renderer' ? (cmd.includes('--extension-process') ? 'extension' : 'renderer') : cmd.includes('--utility-sub-type=storage.mojom.StorageService') ? 'storage' : 'other';
    out.push({ pid, kind, cpuSeconds: s.cpuSeconds, rssMB: s.rssMB });
  }
  return out;
}

/** CPU seconds per thread name of one process (/proc/<pid>/task/<tid>/comm: Chromium names its
 *  threads — "ServiceWorker t…" is the worker's own thread in the extension's renderer). */
export function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const name = read(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? '?';
    const text = read(`/proc/${pid}/task/${tid}/stat`);
    if (!text) continue;
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    out.set(name, (out.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) / TICK);
  }
  return out;
}

/** The thread groups worth telling apart: the service worker's thread, and in the browser process
 *  its UI thread, IO thread and thread pool (where IndexedDB's backend runs). */
type ThreadGroup = 'serviceWorker' | 'browserUi' | 'browserIo' | 'browserPool';

export interface CpuMark { at: number; byKind: Record<ProcKind, number>; threads: Record<ThreadGroup, number>; node: number }

/** A simulator in its own process (tests/bench/simServer.ts) is "node" too: BENCH_SIM_PID. */
const SIM_PID = Number(process.env.BENCH_SIM_PID ?? 0);

export function cpuMark(): CpuMark {
  const byKind: Record<ProcKind, number> = { browser: 0, extension: 0, renderer: 0, storage: 0, other: 0 };
  const threads: Record<ThreadGroup, number> = { serviceWorker: 0, browserUi: 0, browserIo: 0, browserPool: 0 };
  for (const p of chromiumProcesses()) {
    byKind[p.kind] += p.cpuSeconds;
    if (p.kind !== 'extension' && p.kind !== 'browser') continue;
    for (const [name, secs] of threadCpu(p.pid)) {
      if (p.kind === 'extension' && name.startsWith('ServiceWorker')) threads.serviceWorker += secs;
      if (p.kind === 'browser' && name === 'chromium') threads.browserUi += secs;
      if (p.kind === 'browser' && name.startsWith('Chrome_IOThread')) threads.browserIo += secs;
      if (p.kind === 'browser' && name.startsWith('ThreadPool')) threads.browserPool += secs;
    }
  }
  const u = process.cpuUsage();
  return { at: Date.now(), byKind, threads, node: (u.user + u.system) / 1e6 + (SIM_PID ? statOf(SIM_PID)?.cpuSeconds ?? 0 : 0) };
}

/** Cores used on average between two marks, per kind (1 = one core busy the whole time). A
 *  process that started or ended in between makes its kind's figure approximate. */
export function coresBetween(a: CpuMark, b: CpuMark): Record<ProcKind | ThreadGroup | 'node', number> {
  const secs = Math.max(0.001, (b.at - a.at) / 1000);
  const r = (x: number) => Math.round((x / secs) * 100) / 100;
  return {
    serviceWorker: r(b.threads.serviceWorker - a.threads.serviceWorker),
    browserUi: r(b.threads.browserUi - a.threads.browserUi),
    browserIo: r(b.threads.browserIo - a.threads.browserIo),
    browserPool: r(b.threads.browserPool - a.threads.browserPool),
    browser: r(b.byKind.browser - a.byKind.browser),
    extension: r(b.byKind.extension - a.byKind.extension),
    renderer: r(b.byKind.renderer - a.byKind.renderer),
    storage: r(b.byKind.storage - a.byKind.storage),
    other: r(b.byKind.other - a.byKind.other),
    node: r(b.node - a.node),
  };
}

/** CPU milliseconds per unit of work between two marks (e.g. per stock change, stream and drain
 *  together): what the work cost, whatever else the machine was doing meanwhile. */
export function cpuMsPer(a: CpuMark, b: CpuMark, units: number): Record<'serviceWorker' | 'extension' | 'browser' | 'browserPool' | 'node', number> {
  const r = (x: number) => Math.round(((x * 1000) / Math.max(1, units)) * 10) / 10;
  return {
    serviceWorker: r(b.threads.serviceWorker - a.threads.serviceWorker),
    extension: r(b.byKind.extension - a.byKind.extension),
    browser: r(b.byKind.browser - a.byKind.browser),
    browserPool: r(b.threads.browserPool - a.threads.browserPool),
    node: r(b.node - a.node),
  };
}

/** One line for the run's log: memory per kind, what the machine has left, the load. */
export function sampleLine(): string {
  const rss: Record<string, number> = {};
  let count = 0;
  for (const p of chromiumProcesses()) {
    rss[p.kind] = Math.round((rss[p.kind] ?? 0) + p.rssMB);
    count++;
  }
  const meminfo = read('/proc/meminfo') ?? '';
  const available = Number(/MemAvailable:\s+(\d+)/.exec(meminfo)?.[1] ?? 0) / 1024;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${new Date().toISOString()} chromium processes ${count}, rss MB ${JSON.stringify(rss)}, machine available ${Math.round(available)} MB, node rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB, load ${load}`;
}

export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}
