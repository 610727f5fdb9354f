// The one door into the background: validates the message, checks the sender, runs the
// handler and always answers with the envelope. Nothing a caller sends can throw past here.
import { z } from 'zod';
import type { ShelfsyncDB } from '../db/database';
import { logger } from '../log/logger';
import type { CommandDef, Sender } from './define';
import { CommandError, type Envelope } from './errors';

const log = logger('commands');

const messageShape = z.object({
  type: z.string().min(1).max(100),
  payload: z.unknown().optional(),
});

/** The parts of `runtime.MessageSender` we trust: what the browser stamps, not what the message says. */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export function classifySender(raw: RawSender | undefined, runtimeId: string, extensionOrigin: string): Sender {
  if (!raw || raw.id !== runtimeId) return { kind: 'foreign', reason: 'not this extension' };
  const url = raw.url ?? '';
  if (url.startsWith(extensionOrigin)) {
    return raw.tab?.id !== undefined ? { kind: 'extension', url, tabId: raw.tab.id } : { kind: 'extension', url };
  }
  // A content script of ours: it runs in a web page's tab, so the browser stamps the tab.
  if (raw.tab?.id !== undefined && /^https?:\/\//.test(url)) {
    return { kind: 'content', url, tabId: raw.tab.id, frameId: raw.frameId ?? 0, origin: raw.origin };
  }
  return { kind: 'foreign', reason: 'unrecognised sender' };
}

function fail(code: string, message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

export function zodDetails(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.') || '(payload)', message: i.message }));
}

export interface DispatchDeps {
  db: ShelfsyncDB;
  commands: Record<string, CommandDef>;
  now?: () => number;
}

export async function dispatch(message: unknown, sender: Sender, deps: DispatchDeps): Promise<Envelope<unknown>> {
  if (sender.kind === 'foreign') {
    return fail('forbidden', 'Shelfsync answers only its own pages and content scripts.');
  }
  const shape = messageShape.safeParse(message);
  if (!shape.success) {
    return fail('invalid_input', 'A command must be an object with a "type" naming the command and an optional "payload".', zodDetails(shape.error));
  }
  const { type, payload } = shape.data;
  const def = Object.hasOwn(deps.commands, type) ? deps.commands[type] : undefined;
  if (!def) return fail('unknown_command', `Shelfsync has no command named "${type}".`);

  // Content scripts live inside third-party pages: only console.* commands, whatever a
  // definition says, so a mistake in one definition cannot widen what a page can reach.
  if (sender.kind === 'content' && (!type.startsWith('console.') || !def.access.includes('content'))) {
    return fail('forbidden', `The command "${type}" cannot be sent from a console page.`);
  }
  if (!def.access.includes(sender.kind)) {
    return fail('forbidden', `The command "${type}" is not available to this caller.`);
  }

  const parsed = def.schema.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) {
    return fail('invalid_input', `The payload of "${type}" is not valid: ${describe(parsed.error)}.`, zodDetails(parsed.error));
  }

  try {
    const data = await def.handler(parsed.data, { db: deps.db, sender, now: deps.now ?? Date.now });
    return { ok: true, data };
  } catch (err) {
    if (err instanceof CommandError) return { ok: false, error: err.toBody() };
    log.error(`command ${type} failed`, err);
    const reason = err instanceof Error ? err.message : String(err);
    return fail('internal', `Shelfsync could not ${def.summary}: ${reason}. Nothing was changed; please try again.`);
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'} ${i.message.charAt(0).toLowerCase()}${i.message.slice(1)}`)
    .join('; ');
}
