// The toolbar popup. It must open in well under 150 ms, so it stays plain React (no antd) and
// asks the background one cheap question.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send, type CommandOutput } from '@/lib/commands/client';
import { t } from '@/lib/i18n';

type Status = CommandOutput<'system.status'>;

export function openDashboard(hash = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) });
  window.close();
}

export function PopupApp() {
  const [status, setStatus] = useState<Status | null>(null);
  const [down, setDown] = useState(false);

  useEffect(() => {
    void send('system.status').then((answer) => {
      if (answer.ok) setStatus(answer.data);
      else setDown(true);
    });
  }, []);

  return (
    <main className="popup" data-testid="popup">
      <header className="popup__header">
        <img src="/icon/32.png" alt="" width={18} height={18} />
        <span>{t('extName')}</span>
      </header>
      {down && <p className="popup__warn" role="alert">{t('popup_backgroundDown')}</p>}
      {status && status.storeCount === 0 && (
        <section data-testid="popup-no-stores">
          <p className="popup__strong">{t('popup_noStores')}</p>
          <p className="popup__muted">{t('popup_noStoresHelp')}</p>
        </section>
      )}
      {status && status.storeCount > 0 && <p data-testid="popup-store-count">{t('popup_stores', status.storeCount)}</p>}
      <button type="button" className="popup__primary" data-testid="popup-open-dashboard" onClick={() => openDashboard()}>
        {t('popup_openDashboard')}
      </button>
    </main>
  );
}
