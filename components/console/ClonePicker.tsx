// Clone…: choose one or several destination stores; each gets a draft in its To be published,
// with the result per destination.
import { useEffect, useState } from 'react';
import { t, tn } from '@/lib/i18n';
import { isPlatform, PROFILES } from '@/lib/platforms/profiles';
import { useSession } from './context';
import { cloneDestinations, cloneListings, type CloneResult, type StoreBrief } from './features/clone';
import type { PickerProps } from './features/define';
import { Popover } from './Popover';


export function ClonePicker({ ids, anchor, onClose }: PickerProps) {
  const { actions } = useSession();
  const [stores, setStores] = useState<StoreBrief[] | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<CloneResult | null>(null);
  useEffect(() => {
    let live = true;
    void cloneDestinations(actions).then((s) => live && setStores(s));
    return () => {
      live = false;
    };
  }, [actions]);
  const toggle = (id: number, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const create = async () => {
    setWorking(true);
    try {
      setResult(await cloneListings(ids, chosen));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Popover anchor={anchor} title={ids.length === 1 ? t('console_cloneTitleOne') : tn('console_cloneTitle', ids.length)} onClose={onClose} testId="clone-picker">
      {stores === null && <p className="ss-help">{t('console_loading')}</p>}
      {stores?.length === 0 && <p className="ss-help">{t('console_cloneNoStores')}</p>}
      {!!stores?.length && (
        <ul className="ss-list">
          {stores.map((s) => {
            const r = result?.perStore.find((x) => x.storeId === s.id);
            return (
              <li key={s.id}>
                <label>
                  <input type="checkbox" data-store-id={s.id} checked={chosen.includes(s.id)} disabled={working || !!result} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
                  <span className="ss-name">{s.label}</span>
                  <span className="ss-platform">{isPlatform(s.platform) ? t(PROFILES[s.platform].labelKey) : s.platform}</span>
                </label>
                {r && (
                  <span className="ss-result" data-ok={r.ok} data-shelfsync="clone-result">
                    {r.text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {result && !result.perStore.length && (
        <p className="ss-result" data-ok="false" data-shelfsync="clone-result">
          {result.message}
        </p>
      )}
      <div className="ss-row-end">
        {result ? (
          <>
            <span className="ss-help">{t('console_cloneWhere')}</span>
            <button type="button" className="ss-btn" onClick={onClose}>
              {t('console_close')}
            </button>
          </>
        ) : (
          <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="clone-confirm" disabled={!chosen.length || working} onClick={() => void create()}>
            {t('console_cloneCreate')}
          </button>
        )}
      </div>
    </Popover>
  );
}
