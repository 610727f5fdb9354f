// After a stock adjustment: where the new number went ("pushed to 4 listings in 2 stores") and
// where it did not — stores whose listings of this SKU have auto sync off (with Turn on…, which
// shows what switching on pushes first) and stores without a sync rule. It stays on the page
// until closed, so the seller can act on it.
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { StockReach } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';
import { AutoSyncConfirm } from '../../store-products/AutoSyncConfirm';

export interface ReachNotice { sku: string; warehouse: string; reach: StockReach }

export function StockReachNotice({ notice, onClose }: { notice: ReachNotice | null; onClose: () => void }) {
  const [turningOn, setTurningOn] = useState<{ storeId: number; ids: number[] } | null>(null);
  if (!notice) return null;
  const { reach } = notice;
  const pushed = reach.pushed.listings
    ? `${tn('stock_reachPushed', reach.pushed.listings)} ${tn('stock_reachStores', reach.pushed.stores)}`
    : t('stock_reachNone');
  const stale = reach.autoSyncOff.length > 0 || reach.noRule.length > 0;
  return (
    <>
      <Alert
        type={stale ? 'warning' : 'success'}
        showIcon
        closable={{ onClose }}
        style={{ marginBottom: 12 }}
        data-testid="stock-reach"
        title={<span data-testid="stock-reach-title">{t('stock_reachTitle', notice.sku, notice.warehouse, pushed)}</span>}
        description={
          stale ? (
            <Space orientation="vertical" size={4}>
              {reach.autoSyncOff.length > 0 && <Typography.Text>{tn('stock_reachOff', reach.autoSyncOff.length)}</Typography.Text>}
              {reach.autoSyncOff.map((s) => (
                <Space key={s.storeId} size={8} data-testid={`stock-reach-off-${s.storeId}`}>
                  <Typography.Text strong>{s.label}</Typography.Text>
                  <Typography.Text type="secondary">{tn('stock_reachListings', s.storeProductIds.length)}</Typography.Text>
                  <Button size="small" onClick={() => setTurningOn({ storeId: s.storeId, ids: s.storeProductIds })} data-testid={`stock-reach-turn-on-${s.storeId}`}>
                    {t('stock_reachTurnOn')}
                  </Button>
                </Space>
              ))}
              {reach.noRule.length > 0 && (
                <Typography.Text type="secondary" data-testid="stock-reach-no-rule">{t('stock_reachNoRule', reach.noRule.map((s) => s.label).join(', '))}</Typography.Text>
              )}
            </Space>
          ) : undefined
        }
      />
      <AutoSyncConfirm
        storeId={turningOn?.storeId ?? 0}
        target={turningOn ? { storeProductIds: turningOn.ids } : null}
        count={turningOn?.ids.length ?? 0}
        onClose={() => setTurningOn(null)}
        onDone={() => {
          setTurningOn(null);
          onClose();
        }}
      />
    </>
  );
}
