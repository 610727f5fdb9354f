// A store's order settings (ORDERS.md "Per store settings"): follow its orders or not, the
// warehouse its orders hold and take stock in (default: the first warehouse of its sync rule,
// else the only warehouse), reserve unpaid orders, put returns back in stock, and how often its
// orders are checked. Saved through `stores.update {orders}`.
import { App, Form, Select, Switch, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { showCommandError, validated } from '@/components/common/commandErrors';
import { WarehouseSelect } from '../inventory/WarehouseSelect';
import { useWarehouses, warehouseLabel } from '../inventory/useWarehouses';
import { SettingsDrawer } from './SettingsDrawer';
import type { StoreView } from './view';

interface Values { enabled: boolean; warehouseId?: number; reserveUnpaid: boolean; restockReturns: boolean; intervalSeconds: number }

/** Check intervals offered: chrome.alarms wakes the worker at most every 30 s, hence the floor. */
const INTERVALS = [30, 60, 120, 300, 600, 900, 1800, 3600];

export function intervalText(seconds: number): string {
  if (seconds % 3600 === 0) return tn('orders_everyHours', seconds / 3600);
  if (seconds >= 60 && seconds % 60 === 0) return tn('orders_everyMinutes', seconds / 60);
  return tn('orders_everySeconds', seconds);
}

/** Where this store's orders hold stock with no warehouse chosen (lib/orders/settings.ts
 *  orderWarehouse's rule: the rule's first warehouse, else the only one), and why. Read here
 *  table by table: through orderWarehouse (its primary-key read) the live query missed a
 *  warehouse added while the drawer was open. */
function useDefaultWarehouse(storeId: number | undefined) {
  return useLiveQuery(async () => {
    if (storeId === undefined) return undefined;
    const db = getDb();
    const link = await db.ruleStores.get(storeId);
    const rule = link ? await db.syncRules.get(link.ruleId) : undefined;
    if (rule?.warehouseIds.length) return { id: rule.warehouseIds[0]!, rule: rule.name };
    const all = await db.warehouses.toArray();
    return all.length === 1 ? { id: all[0]!.id, rule: null } : null;
  }, [storeId]);
}

export function OrderSettingsDrawer({ store, onClose }: { store: StoreView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { byId } = useWarehouses();
  const fallback = useDefaultWarehouse(store?.id);
  const enabled = Form.useWatch('enabled', form);

  async function save() {
    if (!store) return;
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('stores.update', {
        id: store.id,
        orders: { enabled: v.enabled, warehouseId: v.warehouseId ?? null, reserveUnpaid: v.reserveUnpaid, restockReturns: v.restockReturns, intervalSeconds: v.intervalSeconds },
      });
      message.success(t('stores_orderSettingsSaved', store.name));
      onClose();
    } catch (err) {
      showCommandError(err, { form, fields: ['warehouseId', 'intervalSeconds'], rename: { 'orders.warehouseId': 'warehouseId' }, toast: (text) => message.error(text) });
    } finally {
      setBusy(false);
    }
  }

  const current = store?.orders.intervalSeconds;
  const intervals = current !== undefined && !INTERVALS.includes(current) ? [...INTERVALS, current].sort((a, b) => a - b) : INTERVALS;
  const defaultText = fallback === undefined ? '' : fallback
    ? t(fallback.rule ? 'stores_orderWarehouseFromRule' : 'stores_orderWarehouseOnly', warehouseLabel(byId.get(fallback.id), fallback.id), fallback.rule ?? '')
    : t('stores_orderWarehouseNone');

  return (
    <SettingsDrawer open={store !== null} title={store ? t('stores_orderSettingsTitle', store.name) : ''} busy={busy} onClose={onClose} onSave={() => void save()} testId="order-settings">
      {store && (
        <Form
          key={store.id}
          form={form}
          layout="vertical"
          disabled={busy}
          initialValues={{ enabled: store.orders.enabled, warehouseId: store.orders.warehouseId ?? undefined, reserveUnpaid: store.orders.reserveUnpaid, restockReturns: store.orders.restockReturns, intervalSeconds: store.orders.intervalSeconds }}
        >
          <Form.Item name="enabled" label={t('stores_orderFollow')} valuePropName="checked" extra={t('stores_orderFollowHelp')}>
            <Switch data-testid="order-settings-enabled" />
          </Form.Item>
          <Form.Item name="warehouseId" label={t('stores_orderWarehouse')} extra={<span data-testid="order-settings-default">{defaultText}</span>}>
            <WarehouseSelect allowClear placeholder={t('stores_orderWarehouseDefault')} disabled={enabled === false} data-testid="order-settings-warehouse" />
          </Form.Item>
          <Form.Item name="reserveUnpaid" label={t('stores_orderReserveUnpaid')} valuePropName="checked" extra={t('stores_orderReserveUnpaidHelp')}>
            <Switch disabled={enabled === false} data-testid="order-settings-reserve-unpaid" />
          </Form.Item>
          <Form.Item name="restockReturns" label={t('stores_orderRestockReturns')} valuePropName="checked" extra={t('stores_orderRestockReturnsHelp')}>
            <Switch disabled={enabled === false} data-testid="order-settings-restock-returns" />
          </Form.Item>
          <Form.Item name="intervalSeconds" label={t('stores_orderInterval')} extra={t('stores_orderIntervalHelp')}>
            <Select<number> disabled={enabled === false} options={intervals.map((s) => ({ value: s, label: intervalText(s) }))} style={{ width: 240 }} data-testid="order-settings-interval" />
          </Form.Item>
        </Form>
      )}
      {enabled === false && <Typography.Paragraph type="secondary">{t('stores_orderOffHelp')}</Typography.Paragraph>}
    </SettingsDrawer>
  );
}
