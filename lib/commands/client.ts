// The typed client every caller uses: dashboard, popup, content scripts, tests.
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { CommandError, type Envelope } from './errors';

/** Every command's definition by name. Empty here: the catalog (lib/background/catalog.ts), which
 *  imports every feature, fills it by declaration merging — so this kernel file imports no
 *  feature and callers still get each command's input and output types. */
export interface CommandCatalog {}
type Commands = CommandCatalog;
export type CommandName = keyof Commands & string;

export type CommandInput<K extends CommandName> = z.input<Commands[K]['schema']>;
export type CommandOutput<K extends CommandName> = Awaited<ReturnType<Commands[K]['handler']>>;

type Transport = (message: { type: string; payload: unknown }) => Promise<unknown>;
let transport: Transport = (message) => browser.runtime.sendMessage(message);

/** Tests route the client straight into the dispatcher. */
export function setTransport(next: Transport): void {
  transport = next;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Sends a command and answers the envelope; never throws. */
export async function send<K extends CommandName>(
  type: K,
  ...[payload]: {} extends CommandInput<K> ? [CommandInput<K>?] : [CommandInput<K>]
): Promise<Envelope<CommandOutput<K>>> {
  try {
    const answer = await transport({ type, payload: payload ?? {} });
    if (isEnvelope(answer)) return answer as Envelope<CommandOutput<K>>;
    return { ok: false, error: { code: 'unavailable', message: 'The Shelfsync background did not answer. Reload the extension and try again.' } };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'unavailable', message: `The Shelfsync background could not be reached (${reason}).` } };
  }
}

/** Sends a command and answers its data; throws CommandError on a refusal. */
export async function call<K extends CommandName>(
  type: K,
  ...rest: {} extends CommandInput<K> ? [CommandInput<K>?] : [CommandInput<K>]
): Promise<CommandOutput<K>> {
  const answer = await send(type, ...rest);
  if (answer.ok) return answer.data;
  throw new CommandError(answer.error.code, answer.error.message, answer.error.details);
}
