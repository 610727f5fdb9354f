// `--keep <dir>`: the generated world kept between runs — the browser profile (the extension's
// IndexedDB) in <dir>/profile and what the bench knows about it in <dir>/world.json — against a
// simulator that outlives the runs (BENCH_SIM_URL, tests/bench/simServer.ts), which holds the
// shops' side. Measuring a change to the engine then costs a build and the scenario, not the
// ~15 min of downloads and first pushes a full-scale world takes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchWorld } from './generate';

export interface KeptWorld { world: BenchWorld; autoSyncOn: boolean; scale: string; simUrl: string }

export function keptProfile(dir: string): string {
  const profile = path.join(dir, 'profile');
  mkdirSync(profile, { recursive: true });
  return profile;
}

export function loadKept(dir: string, scale: string, simUrl: string): KeptWorld | null {
  const file = path.join(dir, 'world.json');
  if (!existsSync(file)) return null;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as Omit<KeptWorld, 'world'> & { world: Omit<BenchWorld, 'stock'> & { stock: [string, number][] } };
  if (kept.scale !== scale) throw new Error(`${file} holds a ${kept.scale}-scale world, not ${scale}`);
  if (kept.simUrl !== simUrl) throw new Error(`${file} was generated against the simulator at ${kept.simUrl}; BENCH_SIM_URL is ${simUrl}`);
  return { ...kept, world: { ...kept.world, stock: new Map(kept.world.stock) } };
}

export function saveKept(dir: string, kept: KeptWorld): void {
  const { world, ...rest } = kept;
  writeFileSync(path.join(dir, 'world.json'), JSON.stringify({ ...rest, world: { ...world, stock: [...world.stock] } }));
}
