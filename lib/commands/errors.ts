// The answer envelope of COMMANDS.md and the error every handler throws to refuse.

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_command'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'internal'
  | 'unavailable'
  | 'sku_taken'
  | 'code_taken'
  | 'insufficient_stock'
  | 'negative_stock'
  | 'store_already_covered'
  | 'no_sync_rule'
  | 'version_conflict'
  | (string & {});

export interface CommandErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: CommandErrorBody };

/** Thrown by handlers (and the client's `call`) to answer with a machine code and a sentence. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
  toBody(): CommandErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function notFound(what: string, id: unknown): CommandError {
  return new CommandError('not_found', `No ${what} with id ${String(id)} exists.`, { id });
}
