// A console page that is no connected store: one small pill, dismissible, nothing else.
import { t } from '@/lib/i18n';
import { useConsole, useSession } from './context';
import { Close, Mark } from './icons';

export function ConnectHint() {
  const { state } = useSession();
  const hint = useConsole('hint');
  const dismissed = useConsole('hintDismissed');
  if (!hint || dismissed) return null;
  return (
    <div className="ss-hint" role="note" data-shelfsync="connect-hint" title={t(hint === 'ambiguous' ? 'console_hintAmbiguousHelp' : 'console_hintHelp')}>
      <Mark />
      <span>{t(hint === 'ambiguous' ? 'console_hintAmbiguous' : 'console_hintNotConnected')}</span>
      <button type="button" className="ss-btn ss-btn--quiet" data-shelfsync="connect-hint-dismiss" aria-label={t('console_dismiss')} onClick={() => state.set({ hintDismissed: true })}>
        <Close />
      </button>
    </div>
  );
}
