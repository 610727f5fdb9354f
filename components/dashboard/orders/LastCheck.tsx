// A store's last order check as one or two short lines: when its orders were last read and what
// the check found, or the error of the last attempt (in red, with its time) and when a check last
// succeeded. "12 seconds ago" moves on by itself while the page is open.
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { t, tn } from '@/lib/i18n';
import type { StoreView } from '@/lib/stores/session';
import { ago } from '../../console/format';

/** The time now, again every `ms` (relative times on screen stay true). */
export function useNow(ms = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The last attempt failed after the last success (a success clears the error in the background). */
export function checkFailing(o: StoreView['orders']): boolean {
  return !!o.lastError && (o.lastCheckedAt === null || o.lastError.at >= o.lastCheckedAt);
}

export function LastCheck({ store, showResult = true }: { store: StoreView; showResult?: boolean }) {
  const now = useNow();
  const o = store.orders;
  const testId = `store-orders-check-${store.id}`;
  if (!o.enabled) return <Typography.Text type="secondary" data-testid={testId}>{t('orders_off')}</Typography.Text>;
  const checked = o.lastCheckedAt !== null ? t('orders_checkedAgo', ago(o.lastCheckedAt, now)) : t('orders_neverChecked');
  if (checkFailing(o)) {
    return (
      <div data-testid={testId} data-failing="true">
        {/* Platforms' error texts run long: three lines, the whole of it on hover. */}
        <Typography.Paragraph type="danger" style={{ marginBottom: 0 }} ellipsis={{ rows: 3, tooltip: o.lastError!.message }}>
          {t('orders_checkFailedAt', ago(o.lastError!.at, now), o.lastError!.message)}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.lastCheckedAt !== null ? t('orders_lastGoodCheck', ago(o.lastCheckedAt, now)) : t('orders_neverSucceeded')}</Typography.Text>
      </div>
    );
  }
  const r = o.lastResult;
  return (
    <div data-testid={testId}>
      <Typography.Text style={{ display: 'block' }}>{checked}</Typography.Text>
      {showResult && r && o.lastCheckedAt !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.seen ? tn('orders_lastResult', r.seen, r.new, r.changed) : t('orders_lastResultNone')}</Typography.Text>
      )}
      {store.status !== 'active' && <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>{t('orders_storeNotActive')}</Typography.Text>}
    </div>
  );
}
