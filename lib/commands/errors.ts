// The answer envelope of COMMANDS.md and the error every handler throws to refuse.
import { t, type MessageKey } from '../i18n';

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

const NOT_FOUND = {
  draft: 'err_notFound_draft',
  store: 'err_notFound_store',
  warehouse: 'err_notFound_warehouse',
  order: 'err_notFound_order',
  'sync rule': 'err_notFound_syncRule',
  'inventory source': 'err_notFound_inventorySource',
  reservation: 'err_notFound_reservation',
  'system product': 'err_notFound_systemProduct',
  'store variant': 'err_notFound_storeVariant',
  job: 'err_notFound_job',
  'store product': 'err_notFound_storeProduct',
  'purchase order': 'err_notFound_purchaseOrder',
} as const satisfies Record<string, MessageKey>;

/** `No <what> with id <id> exists.`, in the seller's language (the background follows it). */
export function notFound(what: keyof typeof NOT_FOUND, id: unknown): CommandError {
  return new CommandError('not_found', t(NOT_FOUND[what], String(id)), { id });
}
