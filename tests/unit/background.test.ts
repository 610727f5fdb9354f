import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/lib/db/database';

describe('the background entrypoint', () => {
  it('registers its listeners synchronously and answers through them once ready', async () => {
    const external: ((...args: unknown[]) => unknown)[] = [];
    (fakeBrowser.runtime as unknown as Record<string, unknown>).onMessageExternal = {
      addListener: (fn: (...args: unknown[]) => unknown) => external.push(fn),
    };
    const { default: background } = await import('@/entrypoints/background');
    background.main();
    // No await between main() and here: the listeners must already be there.
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(true);
    expect(external).toHaveLength(1);

    const origin = fakeBrowser.runtime.getURL('/');
    const page = { id: fakeBrowser.runtime.id, url: `${origin}dashboard.html` };
    const [created] = await fakeBrowser.runtime.onMessage.trigger({ type: 'warehouses.create', payload: { name: 'Main' } }, page);
    expect(created).toMatchObject({ ok: true, data: { name: 'Main' } });
    expect(await getDb().warehouses.count()).toBe(1);

    const [foreign] = await fakeBrowser.runtime.onMessage.trigger({ type: 'warehouses.list' }, { id: 'someone-else' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await external[0]!({ type: 'warehouses.list' }, { id: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await getDb().meta.get('lastWorkerStart'))?.value).toEqual(expect.any(Number));
  });
});
