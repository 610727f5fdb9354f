// Reads a service-worker CPU profile (BENCH_PROFILE=<dir>: one .cpuprofile per measured stretch)
// and says where the engine's time went, by part: command, ledger, capture, queue, send,
// finalize — and what no part claims (Dexie's own callbacks, the garbage collector, V8).
//
//   npx tsx tests/bench/profileParts.ts <file.cpuprofile> [--changes N] [--top 25]
//
// The worker runs the minified build; the bench writes it with a hidden source map and copies
// background.js.map beside the profiles, so each frame is mapped back to its source file and to
// the top-level function of that file it sits in. A sample belongs to the part of the nearest
// frame on its stack that has one (Dexie or zod called from capture count as capture). Code
// resumed after an `await` runs with the awaiting function on the stack, so it is attributed;
// IndexedDB callbacks inside Dexie that settle a request run from the event loop with no engine
// frame below them, and are reported as "dexie (no engine frame)" rather than guessed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Part = 'command' | 'ledger' | 'capture' | 'queue' | 'send' | 'finalize' | 'orders' | 'list index' | 'other engine' | 'dexie (no engine frame)' | 'other (no engine frame)' | 'gc' | 'v8 / program';

/** Which part a source file (and, where a file holds several, its top-level function) is. */
export function partOf(source: string, fn: string): Part | null {
  const f = source.replace(/^(\.\.\/)+/, '');
  if (f.startsWith('lib/commands/') || f.startsWith('lib/background/') || f.startsWith('entrypoints/')) return 'command';
  if (f === 'lib/sync/effects.ts') return 'command'; // stockChangeReach: the adjustment's answer
  if (f === 'lib/inventory/levels.ts' || f === 'lib/inventory/hook.ts') return 'ledger';
  if (f.startsWith('lib/inventory/')) return 'command';
  if (f === 'lib/sync/capture.ts' || f === 'lib/sync/captureIndex.ts') return 'capture';
  if (f === 'lib/sync/push.ts') {
    if (fn === 'finalize' || fn === 'entryOutcome') return 'finalize';
    if (fn === 'claim' || fn === 'dueRows') return 'queue';
    return 'send';
  }
  if (f === 'lib/sync/finalize.ts') return 'finalize';
  if (f === 'lib/sync/engine.ts' || f === 'lib/sync/expand.ts' || f === 'lib/sync/pacing.ts' || f === 'lib/sync/queue.ts') return 'queue';
  if (f === 'lib/sync/quantity.ts' || f.startsWith('lib/platforms/') || f === 'lib/stores/session.ts' || f === 'lib/stores/secrets.ts' || f === 'lib/log/logger.ts') return 'send';
  if (f.startsWith('lib/orders/')) return 'orders';
  if (f === 'lib/store-products/listIndex.ts') return 'list index';
  if (f.startsWith('lib/')) return 'other engine';
  return null;
}

// ---- source maps (v3), decoded here: a bench tool should not lean on a bundler's internals ----

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Per generated line: segments [genCol, source, origLine, origCol], sorted by genCol. */
function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let src = 0, oLine = 0, oCol = 0;
  for (const line of mappings.split(';')) {
    const segs: number[][] = [];
    let gCol = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v: number[] = [];
      let shift = 0, value = 0;
      for (const ch of seg) {
        const d = B64.get(ch)!;
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(value & 1 ? -(value >>> 1) : value >>> 1);
          shift = 0;
          value = 0;
        }
      }
      gCol += v[0]!;
      if (v.length >= 4) {
        src += v[1]!;
        oLine += v[2]!;
        oCol += v[3]!;
        segs.push([gCol, src, oLine, oCol]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

export interface SourceMapped { source: string; line: number; fn: string }

/** Maps generated (line, column), both 0-based as in a CPU profile, to source file, 1-based line
 *  and the top-level function of that file the line belongs to. */
export function sourceMapper(mapJson: { sources: string[]; sourcesContent?: (string | null)[]; mappings: string }) {
  const lines = decodeMappings(mapJson.mappings);
  const tops = new Map<number, { line: number; name: string }[]>();
  const topLevel = (src: number) => {
    let list = tops.get(src);
    if (!list) {
      list = [];
      const text = mapJson.sourcesContent?.[src] ?? '';
      text.split('\n').forEach((l, i) => {
        const m = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)|^(?:export\s+)?(?:const|let)\s+(\w+)\s*=|^(?:export\s+)?class\s+(\w+)/.exec(l);
        if (m) list!.push({ line: i + 1, name: m[1] ?? m[2] ?? m[3]! });
      });
      tops.set(src, list);
    }
    return list;
  };
  return (line: number, column: number): SourceMapped | null => {
    const segs = lines[line];
    if (!segs?.length) return null;
    let lo = 0, hi = segs.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]![0]! <= column) (at = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    const seg = segs[Math.max(0, at)]!;
    const srcLine = seg[2]! + 1;
    const fns = topLevel(seg[1]!);
    let fn = '';
    for (const t of fns) if (t.line <= srcLine) fn = t.name;
    return { source: mapJson.sources[seg[1]!]!.replace(/^(\.\.\/)+/, ''), line: srcLine, fn };
  };
}

// ---- the profile ----

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface PartsSummary {
  profiledMs: number;
  busyMs: number;
  byPart: { part: Part; selfMs: number; totalMs: number }[];
  topFunctions: { where: string; part: Part | null; selfMs: number }[];
}

export function summarize(profile: CpuProfile, map: ReturnType<typeof sourceMapper> | null, top = 25): PartsSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frameOf = new Map<number, { where: string; part: Part | null; lib: string }>();
  for (const n of profile.nodes) {
    const cf = n.callFrame;
    const mapped = cf.url.endsWith('/background.js') && map ? map(cf.lineNumber, cf.columnNumber) : null;
    const source = mapped?.source ?? cf.url;
    const lib = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? '';
    frameOf.set(n.id, {
      where: mapped ? `${mapped.source.replace(/^.*node_modules\//, '')}:${mapped.fn || cf.functionName || '(anonymous)'}` : cf.functionName || cf.url || '(anonymous)',
      part: mapped ? partOf(mapped.source, mapped.fn) : null,
      lib,
    });
  }
  // Nearest engine frame on the stack (memoised per node: a node's stack is fixed).
  const nearest = new Map<number, number | null>();
  const nearestEngine = (id: number): number | null => {
    if (nearest.has(id)) return nearest.get(id)!;
    const p = parent.get(id);
    const v = frameOf.get(id)!.part ? id : p === undefined ? null : nearestEngine(p);
    nearest.set(id, v);
    return v;
  };
  const nearestPart = (id: number): Part | null => {
    const e = nearestEngine(id);
    return e === null ? null : frameOf.get(e)!.part;
  };
  const partsOnStack = new Map<number, Set<Part>>();
  const stackParts = (id: number): Set<Part> => {
    let s = partsOnStack.get(id);
    if (s) return s;
    const p = parent.get(id);
    s = new Set(p === undefined ? [] : stackParts(p));
    const own = frameOf.get(id)!.part;
    if (own) s.add(own);
    partsOnStack.set(id, s);
    return s;
  };
  const dexieOnStack = (id: number): boolean => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (frameOf.get(n)!.lib === 'dexie') return true;
    return false;
  };
  const self = new Map<Part, number>();
  const total = new Map<Part, number>();
  const fnSelf = new Map<string, { part: Part | null; ms: number }>();
  let profiled = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; the sample stands for the interval after it.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    profiled += ms;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(idle)') return void (idle += ms);
    let part: Part;
    if (name === '(garbage collector)') part = 'gc';
    else if (name === '(program)' || name === '(root)') part = 'v8 / program';
    else part = nearestPart(id) ?? (dexieOnStack(id) ? 'dexie (no engine frame)' : 'other (no engine frame)');
    self.set(part, (self.get(part) ?? 0) + ms);
    for (const p of stackParts(id)) total.set(p, (total.get(p) ?? 0) + ms);
    // The leaf, and the engine function it was working for when that is another frame.
    const engine = nearestEngine(id);
    const key = engine === null || engine === id ? frameOf.get(id)!.where : `${frameOf.get(id)!.where} ← ${frameOf.get(engine)!.where}`;
    const e = fnSelf.get(key) ?? { part: nearestPart(id), ms: 0 };
    e.ms += ms;
    fnSelf.set(key, e);
  });
  const r = (x: number) => Math.round(x * 10) / 10;
  const parts = [...new Set([...self.keys(), ...total.keys()])];
  return {
    profiledMs: r(profiled),
    busyMs: r(profiled - idle),
    byPart: parts.map((part) => ({ part, selfMs: r(self.get(part) ?? 0), totalMs: r(total.get(part) ?? self.get(part) ?? 0) })).sort((a, b) => b.selfMs - a.selfMs),
    topFunctions: [...fnSelf.entries()].map(([where, v]) => ({ where, part: v.part, selfMs: r(v.ms) })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
  };
}

/** The profile and the map the bench left beside it (background.js.map in the same folder). */
export function loadProfile(file: string): { profile: CpuProfile; map: ReturnType<typeof sourceMapper> | null; meta: Record<string, unknown> | null } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const mapFile = path.join(path.dirname(file), 'background.js.map');
  const map = existsSync(mapFile) ? sourceMapper(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
  const metaFile = file.replace(/\.cpuprofile$/, '.meta.json');
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>) : null;
  return { profile, map, meta };
}

/** A table a person reads: per part, ms and ms per change; then the heaviest functions. */
export function report(file: string, opts: { changes?: number; top?: number } = {}): string {
  const { profile, map, meta } = loadProfile(file);
  const s = summarize(profile, map, opts.top ?? 25);
  const changes = opts.changes ?? (typeof meta?.changes === 'number' ? meta.changes : 0);
  const per = (ms: number) => (changes ? (ms / changes).toFixed(2) : '—');
  const out = [
    `${path.basename(file)}${map ? '' : ' (no background.js.map beside it: frames are not mapped to sources)'}`,
    `profiled ${(s.profiledMs / 1000).toFixed(1)} s, worker busy ${(s.busyMs / 1000).toFixed(1)} s (${(s.busyMs / Math.max(1, s.profiledMs)).toFixed(2)} of a core over the profile); changes ${changes || 'unknown'}${meta ? `; ${JSON.stringify(meta)}` : ''}`,
    '',
    '| part | self ms | ms/change | share of busy | total ms (on stack) |',
    '|---|---|---|---|---|',
    ...s.byPart.map((p) => `| ${p.part} | ${p.selfMs} | ${per(p.selfMs)} | ${((p.selfMs / Math.max(1, s.busyMs)) * 100).toFixed(1)} % | ${p.totalMs} |`),
    `| **busy** | ${s.busyMs} | ${per(s.busyMs)} | 100 % | |`,
    '',
    '| where (leaf ← the engine function it worked for; source:top-level function) | part | self ms |',
    '|---|---|---|',
    ...s.topFunctions.map((f) => `| ${f.where} | ${f.part ?? '—'} | ${f.selfMs} |`),
  ];
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!files.length) {
    console.error('usage: npx tsx tests/bench/profileParts.ts <file.cpuprofile> … [--changes N] [--top 25]');
    process.exit(2);
  }
  for (const f of files) console.log(`${report(f, { changes: opt('--changes'), top: opt('--top') })}\n`);
}
