// Auto sync on from the console: switching on pushes each connected variant's number at once,
// so the popover says what changes on the listings first (a dry run), then switches.
import { useEffect, useState } from 'react';
import type { EffectSummary } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';
import type { ActionResult } from '@/lib/consoles/runtime/actions';
import { useSession } from './context';
import { EffectLines } from './EffectLines';
import { previewAutoSyncOn, setAutoSync } from './features/autoSync';
import type { PickerProps } from './features/define';
import { Popover } from './Popover';

export function AutoSyncPicker({ ids, anchor, onClose }: PickerProps) {
  const session = useSession();
  const [effects, setEffects] = useState<EffectSummary | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  useEffect(() => {
    let live = true;
    void previewAutoSyncOn(ids).then((p) => {
      if (!live) return;
      if (p.ok && p.data.effects) setEffects(p.data.effects);
      else if (!p.ok) setRefusal(p.message);
    });
    return () => {
      live = false;
    };
  }, [ids]);
  const confirm = async () => {
    setWorking(true);
    try {
      const r = await setAutoSync(session, ids, true);
      setResult(r);
      if (r.ok) onClose();
    } finally {
      setWorking(false);
    }
  };
  return (
    <Popover anchor={anchor} title={tn('sp_autoOnTitle', ids.length)} onClose={onClose} testId="auto-on-picker">
      {!effects && !refusal && <p className="ss-help">{t('console_loading')}</p>}
      {refusal && <p className="ss-result" data-ok="false">{refusal}</p>}
      {effects && <EffectLines effects={effects} />}
      {result && !result.ok && <p className="ss-result" data-ok="false" role="status">{result.message}</p>}
      <div className="ss-row-end">
        <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="auto-on-confirm" disabled={working || !effects} onClick={() => void confirm()}>
          {t('sp_autoOnConfirm')}
        </button>
      </div>
    </Popover>
  );
}
