// Drives the real command dispatcher over a fresh fake-indexeddb database, as a given caller.
import { commands } from '@/lib/background/catalog';
import { registerParts } from '@/lib/background/parts';
import type { CommandName, CommandInput, CommandOutput } from '@/lib/commands/client';
import type { CommandDef, Sender } from '@/lib/commands/define';
import type { Envelope } from '@/lib/commands/errors';
import { dispatch } from '@/lib/commands/router';
import { getDb, resetDbForTests, DB_NAME } from '@/lib/db/database';
import { cancelFollowUps, setFollowUpMs } from '@/lib/orders/poll';
import Dexie from 'dexie';

export const EXTENSION_PAGE: Sender = { kind: 'extension', url: 'chrome-extension://test-id/dashboard.html' };
export const CONTENT_SCRIPT: Sender = { kind: 'content', url: 'https://seller.shopee.co.id/portal/product/list/all', tabId: 7, frameId: 0 };

export async function freshDb() {
  // The job kinds and stock-change listeners start-up registers (lib/background/parts.ts).
  registerParts();
  // Follow-up order checks are timers that would outlive a test and poll the next test's
  // database on their own; tests that want them turn them on (tests/unit/orders/followUp.test.ts).
  cancelFollowUps();
  setFollowUpMs(0);
  resetDbForTests();
  await Dexie.delete(DB_NAME);
  const db = getDb();
  await db.open();
  return db;
}

export function raw(message: unknown, sender: Sender = EXTENSION_PAGE, now?: () => number): Promise<Envelope<unknown>> {
  return dispatch(message, sender, { db: getDb(), commands: commands as unknown as Record<string, CommandDef>, now });
}

export async function run<K extends CommandName>(type: K, payload: CommandInput<K>, sender: Sender = EXTENSION_PAGE) {
  return (await raw({ type, payload }, sender)) as Envelope<CommandOutput<K>>;
}

/** Answers the data or fails the test with the refusal. */
export async function ok<K extends CommandName>(type: K, payload: CommandInput<K>): Promise<CommandOutput<K>> {
  const answer = await run(type, payload);
  if (!answer.ok) throw new Error(`${type} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}
