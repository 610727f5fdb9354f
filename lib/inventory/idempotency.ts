// "Same key twice = applied once": the first answer is stored with the key inside the same
// transaction as the change, and a repeat of the same request answers it again.
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import { t } from '../i18n';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Call inside a rw transaction that holds `db.idempotency`. */
export function once<T>(db: ShelfsyncDB, command: string, key: string | undefined, request: unknown, now: number, work: () => Promise<T>): Promise<T> {
  return key ? keyed(db, command, key, request, now, work) : work();
}

async function keyed<T>(db: ShelfsyncDB, command: string, key: string, request: unknown, now: number, work: () => Promise<T>): Promise<T> {
  const scoped = `${command}:${key}`;
  const requestHash = stable(request);
  const previous = await db.idempotency.get(scoped);
  if (previous) {
    if (previous.requestHash !== requestHash) {
      throw new CommandError('idempotency_key_reused', t('err_stock_idempotencyReused', key), { idempotencyKey: key });
    }
    return previous.answer as T;
  }
  const answer = await work();
  await db.idempotency.put({ key: scoped, command, requestHash, answer, createdAt: now });
  return answer;
}
