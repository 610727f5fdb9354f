// The sync rules, re-read when one is created, changed or deleted.
import { call, type CommandOutput } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useLiveSignal } from '@/components/common/useLiveSignal';

export type Rule = CommandOutput<'syncRules.list'>['items'][number];

export function useRules() {
  const changed = useLiveSignal(() => getDb().syncRules.toArray(), [], 200);
  return useCommandQuery(() => call('syncRules.list', {}), [], changed);
}
