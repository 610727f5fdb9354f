import { beforeEach, describe, expect, it } from 'vitest';
import { call, send, setTransport } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { freshDb, raw } from '../helpers/background';

beforeEach(async () => {
  await freshDb();
  setTransport((message) => raw(message));
});

describe('the typed client', () => {
  it('round-trips a command and answers typed data', async () => {
    const created = await call('warehouses.create', { name: 'Surabaya' });
    expect(created.code).toBe('SURABAYA');
    const list = await call('warehouses.list');
    expect(list.items.map((w) => w.name)).toEqual(['Surabaya']);
  });

  it('throws CommandError with the code from call, and never throws from send', async () => {
    await expect(call('warehouses.get', { id: 12345 })).rejects.toMatchObject({ name: 'CommandError', code: 'not_found' });
    await expect(call('warehouses.get', { id: 12345 })).rejects.toBeInstanceOf(CommandError);
    setTransport(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await send('warehouses.list')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    setTransport(() => Promise.resolve(undefined));
    expect(await send('warehouses.list')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
