// One order in full (`orders.get`): where it was sold, its statuses and times, the warehouse its
// lines hold stock in, its lines (Connect for unmatched ones) and every stock movement it caused.
import { Alert, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { MovementRow } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { StoreName } from '@/components/common/StoreName';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useDbChange } from '@/components/common/useDbChange';
import { formatTime } from '../inventory/format';
import { MovementChange, MOVEMENT_KINDS } from '../inventory/stock/MovementsDrawer';
import { useWarehouses, warehouseLabel } from '../inventory/useWarehouses';
import { hrefOf } from '../routes';
import { PlatformMark } from '@/components/common/PlatformMark';
import type { StoreView } from '@/components/common/useStores';
import { ProblemTag, StatusTag } from './labels';
import { OrderLines } from './OrderLines';
import type { OrderDetail } from './types';

export function orderTitle(o: { displayName: string | null; platformOrderId: string }): string {
  return o.displayName || o.platformOrderId;
}

export function OrderDrawer({ orderId, stores, onClose }: { orderId: number | null; stores: Map<number, StoreView>; onClose: () => void }) {
  return (
    <Drawer open={orderId !== null} onClose={onClose} size={1000} title={t('orders_drawerTitle')} destroyOnHidden data-testid="order-drawer">
      {orderId !== null && <OrderDetailView key={orderId} orderId={orderId} stores={stores} />}
    </Drawer>
  );
}

function OrderDetailView({ orderId, stores }: { orderId: number; stores: Map<number, StoreView> }) {
  // The order row and its movements change as checks and connections apply its lines.
  const changed = useDbChange(() => Promise.all([getDb().orders.get(orderId), getDb().movements.count()]));
  const detail = useCommandQuery(() => call('orders.get', { id: orderId }), [orderId], changed);
  const { byId: warehouses } = useWarehouses();
  const o = detail.data;
  if (detail.error && !o) return <Alert type="error" showIcon title={detail.error} />;
  if (!o) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const store = stores.get(o.storeId);
  const shortBy = o.lines.reduce((n, l) => n + l.shortBy, 0);
  const skuOf = new Map(o.lines.filter((l) => l.productId !== null).map((l) => [l.productId!, l.systemSku ?? `#${l.productId}`]));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="order-detail" data-order-id={o.platformOrderId}>
      <Typography.Title level={4} style={{ margin: 0 }}>{orderTitle(o)}</Typography.Title>
      {o.before && <Alert type="info" showIcon title={t('orders_beforeTitle')} description={t('orders_beforeHelp')} />}
      {o.problems.includes('no_warehouse') && (
        <Alert type="error" showIcon title={t('orders_noWarehouseTitle')} description={<Typography.Link href={hrefOf('stores')}>{t('orders_noWarehouseFix')}</Typography.Link>} />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'store', label: t('orders_colStore'),
            children: store ? <Space size={6}><PlatformMark platform={store.platform} size={18} /><StoreName store={store} /></Space> : `#${o.storeId}`,
          },
          { key: 'id', label: t('orders_platformOrderId'), children: <Typography.Text copyable>{o.platformOrderId}</Typography.Text> },
          { key: 'status', label: t('orders_colStatus'), children: <Space size={4}><StatusTag status={o.status} /><Typography.Text type="secondary">{o.platformStatus}</Typography.Text></Space> },
          { key: 'warehouse', label: t('orders_warehouse'), children: <span data-testid="order-warehouse">{o.warehouseId !== null ? warehouseLabel(warehouses.get(o.warehouseId), o.warehouseId) : '—'}</span> },
          { key: 'created', label: t('orders_colCreated'), children: formatTime(o.createdAt) },
          { key: 'updated', label: t('orders_colUpdated'), children: formatTime(o.updatedAt) },
          { key: 'seen', label: t('orders_seenAt'), children: formatTime(o.seenAt) },
          {
            key: 'problems', label: t('orders_colProblems'),
            children: o.problems.length ? <Space size={4} wrap>{o.problems.map((p) => <ProblemTag key={p} problem={p} shortBy={shortBy} />)}</Space> : <Typography.Text type="secondary">{t('orders_noProblems')}</Typography.Text>,
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{tn('orders_linesTitle', o.lines.length)}</Typography.Title>
        <OrderLines order={o} store={store} onChanged={detail.reload} />
      </div>
      <div>
        <Typography.Title level={5}>{t('orders_movementsTitle')}</Typography.Title>
        <Movements movements={o.movements} skuOf={skuOf} warehouses={warehouses} />
      </div>
    </Space>
  );
}

function Movements({ movements, skuOf, warehouses }: { movements: OrderDetail['movements']; skuOf: Map<number, string>; warehouses: ReturnType<typeof useWarehouses>['byId'] }) {
  if (!movements.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders_movementsEmpty')} data-testid="order-movements-empty" />;
  }
  return (
    <Table<MovementRow>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={movements}
      data-testid="order-movements"
      columns={[
        { title: t('stock_time'), dataIndex: 'createdAt', width: 170, render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span> },
        { title: t('orders_colSystemSku'), dataIndex: 'productId', render: (id: number) => skuOf.get(id) ?? `#${id}` },
        { title: t('orders_warehouse'), dataIndex: 'warehouseId', render: (id: number) => warehouseLabel(warehouses.get(id), id) },
        { title: t('stock_kind'), dataIndex: 'kind', width: 190, render: (k: MovementRow['kind']) => <Tag color={MOVEMENT_KINDS[k]?.color}>{MOVEMENT_KINDS[k] ? t(MOVEMENT_KINDS[k].label) : k}</Tag> },
        { title: t('stock_onHand'), key: 'onHand', render: (_, m) => <MovementChange before={m.before.onHand} after={m.after.onHand} /> },
        { title: t('stock_reserved'), key: 'reserved', render: (_, m) => <MovementChange before={m.before.reserved} after={m.after.reserved} /> },
      ]}
    />
  );
}

