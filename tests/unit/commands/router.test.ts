import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { command, EXTENSION_ONLY, CONSOLE_ACCESS, type CommandDef } from '@/lib/commands/define';
import { classifySender, dispatch } from '@/lib/commands/router';
import { setLogSink } from '@/lib/log/logger';
import { CONTENT_SCRIPT, EXTENSION_PAGE, freshDb, raw, run } from '../../helpers/background';
import type { ShelfsyncDB } from '@/lib/db/database';

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => setLogSink(null));

describe('the command router', () => {
  it('refuses a message that is not a command with invalid_input', async () => {
    for (const message of [null, 42, 'warehouses.list', [], { payload: {} }, { type: '' }, { type: 'x'.repeat(101) }]) {
      const answer = await raw(message);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('refuses an unknown command by name, including object prototype keys', async () => {
    for (const type of ['warehouses.explode', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const answer = await raw({ type, payload: {} });
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('unknown_command');
        expect(answer.error.message).toContain(type);
      }
    }
  });

  it('refuses an invalid payload naming the field, and writes nothing', async () => {
    const answer = await run('warehouses.create', { name: 5 } as never);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(answer.error.message).toMatch(/name/);
    expect(await db.warehouses.count()).toBe(0);
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const answer = await run('warehouses.create', { name: 'Main', colour: 'red' } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await db.warehouses.count()).toBe(0);
  });

  it('refuses foreign senders with forbidden', async () => {
    const answer = await raw({ type: 'warehouses.list', payload: {} }, { kind: 'foreign', reason: 'other extension' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gives content scripts nothing outside console.*', async () => {
    const answer = await run('warehouses.create', { name: 'Injected' }, CONTENT_SCRIPT);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.warehouses.count()).toBe(0);
  });

  it('refuses a content script even when a non-console command is wrongly marked for it', async () => {
    const commands: Record<string, CommandDef> = {
      'stores.leak': command({ summary: 'leak', access: CONSOLE_ACCESS, schema: z.object({}), handler: async () => 'secret' }),
      'console.hello': command({ summary: 'hello', access: CONSOLE_ACCESS, schema: z.object({}), handler: async () => 'hi' }),
      'console.adminOnly': command({ summary: 'admin', access: EXTENSION_ONLY, schema: z.object({}), handler: async () => 'x' }),
    };
    const send = (type: string) => dispatch({ type, payload: {} }, CONTENT_SCRIPT, { db, commands });
    expect(await send('stores.leak')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('console.adminOnly')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('console.hello')).toEqual({ ok: true, data: 'hi' });
  });

  it('answers internal when a handler throws, logs it, and keeps answering', async () => {
    const logged: string[] = [];
    setLogSink((level, scope, message) => logged.push(`${level}:${scope}:${message}`));
    const commands: Record<string, CommandDef> = {
      'test.boom': command({ summary: 'explode', access: EXTENSION_ONLY, schema: z.object({}), handler: async () => { throw new TypeError('kaput'); } }),
      'test.fine': command({ summary: 'be fine', access: EXTENSION_ONLY, schema: z.object({}), handler: async () => 'still here' }),
    };
    const boom = await dispatch({ type: 'test.boom' }, EXTENSION_PAGE, { db, commands });
    expect(boom).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!boom.ok) expect(boom.error.message).toMatch(/could not explode: kaput/);
    expect(logged).toEqual(['error:commands:command test.boom failed']);
    expect(await dispatch({ type: 'test.fine' }, EXTENSION_PAGE, { db, commands })).toEqual({ ok: true, data: 'still here' });
  });

  it('rolls back a handler that fails half-way through its transaction', async () => {
    const commands: Record<string, CommandDef> = {
      'test.half': command({
        summary: 'write twice', access: EXTENSION_ONLY, schema: z.object({}),
        handler: async (_i, ctx) => ctx.db.transaction('rw', ctx.db.warehouses, async () => {
          await ctx.db.warehouses.add({ name: 'A', code: 'A', createdAt: 1 } as never);
          throw new Error('second write failed');
        }),
      }),
    };
    const answer = await dispatch({ type: 'test.half' }, EXTENSION_PAGE, { db, commands });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await db.warehouses.count()).toBe(0);
  });
});

describe('classifySender', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('trusts only what the browser stamped', () => {
    expect(classifySender({ id, url: `${origin}dashboard.html` }, id, origin)).toEqual({ kind: 'extension', url: `${origin}dashboard.html` });
    expect(classifySender({ id, url: `${origin}dashboard.html`, tab: { id: 3 } }, id, origin)).toMatchObject({ kind: 'extension', tabId: 3 });
    expect(classifySender({ id, url: 'https://seller.shopee.co.id/portal/product/list/all', tab: { id: 9 }, frameId: 0 }, id, origin))
      .toMatchObject({ kind: 'content', tabId: 9 });
    expect(classifySender({ id: 'another-extension', url: `${origin}x.html` }, id, origin).kind).toBe('foreign');
    expect(classifySender(undefined, id, origin).kind).toBe('foreign');
    // Our id but neither an extension page nor a tab: nothing we know.
    expect(classifySender({ id, url: 'https://example.com/' }, id, origin).kind).toBe('foreign');
    expect(classifySender({ id, url: 'file:///etc/passwd', tab: { id: 1 } }, id, origin).kind).toBe('foreign');
  });
});
