// The toolbar popup: which store this tab is (or the store used last), switching it, its sync
// rule, auto sync, pending and failed pushes, the last sync, health, and two quick actions. It
// must open in well under 150 ms, so it stays plain React (no antd) and asks the background two
// cheap questions side by side: console.identify with the tab's URL, and system.status.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send, type CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { isPlatform, PROFILES } from '@/lib/platforms/profiles';
import { PageReadability } from './PageReadability';
import { SiteAccess } from './SiteAccess';
import { StoreStatus } from './StoreStatus';
import { activeTab, isWebPage } from './tab';

type Status = CommandOutput<'system.status'>;
type Identity = CommandOutput<'console.identify'>;

const platformName = (p: string) => (isPlatform(p) ? t(PROFILES[p].labelKey) : p);

export function openDashboard(hash = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) });
  window.close();
}

const opened = performance.now();
const REFRESH_MS = 1500;
/** When each step answered, ms after the popup's script started (the browser tests print it). */
const steps: string[] = [];

export function PopupApp() {
  const [status, setStatus] = useState<Status | null>(null);
  const [down, setDown] = useState(false);
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [bound, setBound] = useState<string | null>(null);
  const [readyMs, setReadyMs] = useState<number | null>(null);

  const show = (answer: Awaited<ReturnType<typeof send<'system.status'>>>) => {
    if (!answer.ok) return setDown(true);
    setStatus(answer.data);
    setReadyMs((ms) => ms ?? Math.round(performance.now() - opened));
  };
  const load = async (storeId?: number) => show(await send('system.status', storeId ? { storeId } : {}));

  useEffect(() => {
    void (async () => {
      // The status of the store used last is asked at once, beside the tab's identification:
      // on the console the seller usually is, that is the same store — one round trip.
      const mark = (step: string) => steps.push(`${step} ${Math.round(performance.now() - opened)}`);
      mark('start');
      const lastUsed = send('system.status', {});
      void lastUsed.then(() => mark('status'));
      const { id: tab, url } = await activeTab();
      mark('tab');
      setTabUrl(url);
      setTabId(tab);
      let storeId: number | undefined;
      if (isWebPage(url)) {
        const found = await send('console.identify', { url });
        mark('identify');
        if (found.ok && found.data.console) {
          setIdentity(found.data);
          storeId = found.data.store?.id;
        }
      }
      const first = await lastUsed;
      if (storeId && first.ok && first.data.store?.id !== storeId) await load(storeId);
      else show(first);
      if (storeId) void send('system.useStore', { storeId });
    })();
  }, []);

  // Live while open: pending, failed and the last sync move as the engine pushes (a cheap
  // question every 1.5 s, only while the popup is visible; the popup closes with its page).
  const shown = status?.store?.id;
  useEffect(() => {
    if (shown === undefined) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void send('system.status', { storeId: shown }).then((a) => a.ok && a.data.store?.id === shown && setStatus(a.data));
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [shown]);

  const switchTo = async (storeId: number) => {
    setBound(null);
    if (identity?.console && !identity.store && tabUrl && identity.candidates.some((c) => c.id === storeId)) {
      // The seller says which store this console is: remembered for this console from now on.
      const answer = await send('consoles.bind', { url: tabUrl, storeId });
      if (answer.ok) {
        const again = await send('console.identify', { url: tabUrl });
        if (again.ok) setIdentity(again.data);
        setBound(identity.candidates.find((c) => c.id === storeId)?.label ?? '');
      }
    }
    await load(storeId);
    void send('system.useStore', { storeId });
  };

  const store = status?.store ?? null;
  const isTabStore = !!store && !!identity?.store && identity.store.id === store.id;
  const ambiguous = !!identity?.console && !identity.store && identity.reason === 'ambiguous';
  const unknownConsole = !!identity?.console && !identity.store && identity.reason !== 'ambiguous';

  return (
    <main className="popup" data-testid="popup" data-ready-ms={readyMs ?? undefined} data-steps={readyMs !== null ? steps.join(', ') : undefined}>
      <header className="popup__header">
        <img src="/icon/32.png" alt="" width={18} height={18} />
        <span>{t('extName')}</span>
      </header>
      {down && <p className="popup__warn" role="alert">{t('popup_backgroundDown')}</p>}
      {tabUrl && identity?.store?.platform === 'woocommerce' && <SiteAccess url={tabUrl} />}
      {tabId !== null && identity?.store && <PageReadability tabId={tabId} />}
      {status && status.storeCount === 0 && (
        <section data-testid="popup-no-stores">
          <p className="popup__strong">{t('popup_noStores')}</p>
          <p className="popup__muted">{t('popup_noStoresHelp')}</p>
        </section>
      )}
      {status && store && (
        <section data-testid="popup-store" data-store-id={store.id}>
          {ambiguous && <p className="popup__note" data-testid="popup-ambiguous">{t('popup_ambiguous')}</p>}
          {unknownConsole && <p className="popup__muted" data-testid="popup-not-connected">{t('popup_notConnected')}</p>}
          {bound !== null && <p className="popup__note" role="status" data-testid="popup-bound">{t('popup_bound', bound)}</p>}
          <label className="popup__switch">
            <span className="popup__label">
              {t('popup_store')}
              <span className="popup__tag" data-testid="popup-store-source">{isTabStore ? t('popup_thisTab') : ambiguous ? '' : t('popup_lastUsed')}</span>
            </span>
            <select data-testid="popup-store-switch" value={ambiguous && !bound ? '' : store.id} onChange={(e) => void switchTo(Number(e.currentTarget.value))}>
              {ambiguous && !bound && (
                <option value="" disabled>
                  {t('popup_chooseStore')}
                </option>
              )}
              {status.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${s.label} · ${platformName(s.platform)}`}
                </option>
              ))}
            </select>
          </label>
          <StoreStatus key={store.id} store={store} heartbeat={status.engineHeartbeat} onOpen={(hash) => openDashboard(hash)} />
          {status.storeCount > 1 && <p className="popup__muted popup__small" data-testid="popup-store-count">{tn('popup_stores', status.storeCount)}</p>}
        </section>
      )}
      <button type="button" className={store ? 'popup__link' : 'popup__primary'} data-testid="popup-open-dashboard" onClick={() => openDashboard()}>
        {t('popup_openDashboard')}
      </button>
    </main>
  );
}
