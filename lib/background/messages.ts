// Wires the browser's message events to the command dispatcher. Listeners are registered
// synchronously by the background entrypoint; every answer waits for the one `ready` promise.
import { browser } from 'wxt/browser';
import { commands } from './catalog';
import type { CommandDef } from '../commands/define';
import type { Envelope } from '../commands/errors';
import { classifySender, dispatch, type RawSender } from '../commands/router';
import { getDb } from '../db/database';

export function handleRuntimeMessage(message: unknown, rawSender: RawSender, ready: Promise<void>): Promise<Envelope<unknown>> {
  const sender = classifySender(rawSender, browser.runtime.id, browser.runtime.getURL('/'));
  return ready.then(
    () => dispatch(message, sender, { db: getDb(), commands: commands as unknown as Record<string, CommandDef> }),
    (err: unknown) => ({
      ok: false as const,
      error: { code: 'unavailable', message: `Shelfsync could not open its local database (${err instanceof Error ? err.message : String(err)}). Reload the extension.` },
    }),
  );
}

export function refuseExternal(): Promise<Envelope<never>> {
  return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Shelfsync does not take commands from other extensions or web pages.' } });
}
