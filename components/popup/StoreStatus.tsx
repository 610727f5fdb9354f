// The store the popup is about: its sync rule, auto sync, pending and failed pushes, the last
// sync, its last order check with the orders that have a problem, and its health, with the two
// quick actions.
import { useState, type ReactNode } from 'react';
import { send, type CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { ago } from '../console/format';

export type StoreDetail = NonNullable<CommandOutput<'system.status'>['store']>;

export function dashboardHref(store: Pick<StoreDetail, 'platform' | 'id'>): string {
  return `#/store-products?platform=${encodeURIComponent(store.platform)}&store=${store.id}`;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="popup__row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type StoreOrders = StoreDetail['orders'];

function OrdersFact({ orders, onOpen, storeId }: { orders: StoreOrders; onOpen: (hash: string) => void; storeId: number }) {
  const failing = !!orders.lastError && (orders.lastCheckedAt === null || orders.lastError.at >= orders.lastCheckedAt);
  const check = !orders.enabled
    ? <span className="popup__muted">{t('popup_ordersOff')}</span>
    : failing
      ? <span className="popup__bad" title={orders.lastError!.message}>{t('popup_ordersFailed', ago(orders.lastError!.at), orders.lastError!.message)}</span>
      : orders.lastCheckedAt !== null
        ? <span>{t('popup_ordersChecked', ago(orders.lastCheckedAt))}</span>
        : <span className="popup__muted">{t('popup_ordersNever')}</span>;
  return (
    <>
      {check}
      {orders.problemCount > 0 && (
        <>
          {' · '}
          <button type="button" className="popup__inline popup__bad" data-testid="popup-order-problems" onClick={() => onOpen(`#/orders?store=${storeId}`)}>
            {tn('popup_orderProblems', orders.problemCount)}
          </button>
        </>
      )}
    </>
  );
}

export function StoreStatus({ store, heartbeat, onOpen }: { store: StoreDetail; heartbeat: number | null; onOpen: (hash: string) => void }) {
  const [sync, setSync] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    const answer = await send('storeProducts.sync', { storeId: store.id, all: true });
    setBusy(false);
    setSync(answer.ok ? { ok: true, text: t('popup_syncStarted') } : { ok: false, text: answer.error.message });
  };
  const orders = store.orders;
  const rule = store.rule;
  const health = store.status === 'needs_reauthorization' ? t('popup_reauth') : store.status === 'disabled' ? t('popup_disabled') : t('popup_authorized');
  return (
    <>
      <dl className="popup__facts">
        <Row label={t('popup_rule')} testId="popup-rule">
          {rule ? (
            <>
              <span className="popup__strong">{rule.name}</span>
              <span className="popup__muted">
                {' · '}
                {tn('popup_ruleDetail', rule.warehouses, t(rule.inventoryType === 'sellable' ? 'popup_sellable' : 'popup_sellableInTransit'), rule.ratioPercent)}
              </span>
            </>
          ) : (
            <span className="popup__bad">{t('popup_noRule')}</span>
          )}
        </Row>
        <Row label={t('popup_autoSync')} testId="popup-auto-sync">
          {tn('popup_autoSyncCount', store.listings, store.autoSync)}
        </Row>
        <Row label={t('popup_pushes')} testId="popup-pushes">
          <span className={store.failed ? 'popup__bad' : undefined}>{t('popup_pushCounts', store.pending, store.failed)}</span>
        </Row>
        <Row label={t('popup_lastSync')} testId="popup-last-sync">
          {store.lastSync
            ? store.lastSync.status === 'failed'
              ? t('popup_lastSyncFailed', ago(store.lastSync.at), store.lastSync.error ?? '')
              : t('popup_lastSyncTo', ago(store.lastSync.at), store.lastSync.quantity ?? '—', store.lastSync.title || store.lastSync.sellerSku || '—')
            : t('popup_never')}
        </Row>
        <Row label={t('popup_orders')} testId="popup-orders">
          {orders ? <OrdersFact orders={orders} onOpen={onOpen} storeId={store.id} /> : <span className="popup__muted">…</span>}
        </Row>
        <Row label={t('popup_health')} testId="popup-health">
          <span className={store.status === 'active' ? 'popup__ok' : 'popup__bad'}>{health}</span>
          <span className="popup__muted"> · {heartbeat ? t('popup_engine', ago(heartbeat)) : t('popup_engineNever')}</span>
        </Row>
      </dl>
      <div className="popup__actions">
        <button type="button" className="popup__primary" data-testid="popup-sync-store" disabled={busy} onClick={() => void syncNow()}>
          {t('popup_syncNow')}
        </button>
        <button type="button" className="popup__secondary" data-testid="popup-open-store" onClick={() => onOpen(dashboardHref(store))}>
          {t('popup_openStore')}
        </button>
      </div>
      {sync && (
        <p className={sync.ok ? 'popup__note' : 'popup__warn'} role="status" data-testid="popup-sync-result">
          {sync.text}
        </p>
      )}
    </>
  );
}
