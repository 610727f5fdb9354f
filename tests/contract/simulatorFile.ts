// One simulator for a contract test file, started before its tests and closed after, and the
// control API (tests/simulator/README.md) to set shops, clock and faults up.
import { afterAll, beforeAll } from 'vitest';
import { startSimulator } from '../simulator/server.ts';

export function simulatorForFile(): {
  control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  /** Stand the simulator's clock on a moment (ISO), or back on real time with no argument. */
  clock(iso?: string): Promise<void>;
} {
  let sim: { url: string; close(): unknown } | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  async function control<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(sim!.url + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    control,
    clock: async (iso) => void (await control('POST', '/__sim/clock', { offsetMs: iso ? Date.parse(iso) - Date.now() : 0 })),
  };
}
