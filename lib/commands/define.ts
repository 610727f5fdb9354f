// A command: a name, a zod schema for its payload, who may call it, and a handler.
import type { z } from 'zod';
import type { ShelfsyncDB } from '../db/database';

/** Who sent a message, from what the browser stamped on it (never from the message itself). */
export type Sender =
  | { kind: 'extension'; url: string; tabId?: number }
  | { kind: 'content'; url: string; tabId: number; frameId: number; origin?: string }
  | { kind: 'foreign'; reason: string };

export type Caller = 'extension' | 'content';

export interface CommandContext {
  db: ShelfsyncDB;
  sender: Exclude<Sender, { kind: 'foreign' }>;
  now: () => number;
}

export interface CommandDef<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  /** Content scripts may call only `console.*` commands; everything else is extension-only. */
  access: readonly Caller[];
  /** One sentence for the docs and the error messages ("create a warehouse"). */
  summary: string;
  handler: (input: z.output<S>, ctx: CommandContext) => Promise<R>;
}

export function command<S extends z.ZodType, R>(def: CommandDef<S, R>): CommandDef<S, R> {
  return def;
}

export const EXTENSION_ONLY = ['extension'] as const satisfies readonly Caller[];
export const CONSOLE_ACCESS = ['extension', 'content'] as const satisfies readonly Caller[];
