// A button's "working…" state around one command: the key is busy while the work runs, and a
// failure becomes an error toast (its sentence, commandErrors.ts) unless `handled` takes it — e.g.
// "no sync rule" opens a dialog offering to set one up. Several keys may be busy at once (a row's
// Test and another row's Download).
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { CommandError } from '@/lib/commands/errors';
import { t } from '@/lib/i18n';
import { errorText } from './commandErrors';

export interface Busy {
  isBusy: (key: string) => boolean;
  run: (key: string, work: () => Promise<void>) => Promise<void>;
}

export function useBusy(handled?: (err: unknown) => boolean): Busy {
  const { message } = App.useApp();
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  const run = useCallback(
    async (key: string, work: () => Promise<void>) => {
      setKeys((k) => new Set(k).add(key));
      try {
        await work();
      } catch (err) {
        if (!handled?.(err)) message.error(errorText(err));
      } finally {
        setKeys((k) => {
          const next = new Set(k);
          next.delete(key);
          return next;
        });
      }
    },
    [handled, message],
  );
  return { isBusy: (key) => keys.has(key), run };
}

/** `handled` for pushes: a store without a sync rule asks whether to set one up. */
export function useNoRuleDialog(onOpenRules: () => void): (err: unknown) => boolean {
  const { modal } = App.useApp();
  return (err) => {
    if (!(err instanceof CommandError) || err.code !== 'no_sync_rule') return false;
    modal.confirm({ title: t('sp_noRuleTitle'), content: err.message, okText: t('sp_setUpRule'), cancelText: t('common_cancel'), onOk: onOpenRules });
    return true;
  };
}
