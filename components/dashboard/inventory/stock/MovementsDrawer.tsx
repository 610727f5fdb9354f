// The ledger of one SKU in one warehouse: every change of on hand, reserved and in transit, with
// what it was before and after, why, and what caused it. Newest first, paged.
import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { MovementRow } from '@/lib/db/types';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useDbChange } from '@/components/common/useDbChange';
import { MovementReference, useStoreNames } from '../../orders/OrderReference';
import { formatNumber, formatTime } from '../format';

export interface MovementsTarget {
  productId: number;
  warehouseId: number;
  title: string;
}

export const MOVEMENT_KINDS: Record<MovementRow['kind'], { label: MessageKey; color: string }> = {
  adjust: { label: 'stock_kindAdjust', color: 'blue' },
  count: { label: 'stock_kindCount', color: 'geekblue' },
  reserve: { label: 'stock_kindReserve', color: 'orange' },
  release: { label: 'stock_kindRelease', color: 'default' },
  fulfil: { label: 'stock_kindFulfil', color: 'purple' },
  po_order: { label: 'stock_kindPoOrder', color: 'cyan' },
  po_receive: { label: 'stock_kindPoReceive', color: 'green' },
  po_cancel: { label: 'stock_kindPoCancel', color: 'red' },
  import: { label: 'stock_kindImport', color: 'magenta' },
  intake: { label: 'stock_kindIntake', color: 'lime' },
  inventory_pull: { label: 'stock_kindPull', color: 'gold' },
  order_reserved: { label: 'stock_kindOrderReserved', color: 'orange' },
  order_fulfilled: { label: 'stock_kindOrderFulfilled', color: 'purple' },
  order_released: { label: 'stock_kindOrderReleased', color: 'default' },
  order_returned: { label: 'stock_kindOrderReturned', color: 'green' },
};

export function MovementChange({ before, after }: { before: number; after: number }) {
  if (before === after) return <Typography.Text type="secondary">{formatNumber(after)}</Typography.Text>;
  const delta = after - before;
  return (
    <span>
      {formatNumber(before)} → <Typography.Text strong>{formatNumber(after)}</Typography.Text>{' '}
      <Typography.Text type={delta > 0 ? 'success' : 'danger'}>({delta > 0 ? '+' : ''}{formatNumber(delta)})</Typography.Text>
    </span>
  );
}

const PAGE_SIZE = 20;

export function MovementsDrawer({ target, onClose }: { target: MovementsTarget | null; onClose: () => void }) {
  return (
    <Drawer open={target !== null} onClose={onClose} size={960} title={target ? t('stock_historyTitle', target.title) : ''} destroyOnHidden>
      {target && <MovementsTable target={target} />}
    </Drawer>
  );
}

function MovementsTable({ target }: { target: MovementsTarget }) {
  const [page, setPage] = useState(1);
  const changed = useDbChange(() => getDb().movements.count());
  const list = useCommandQuery(
    () => call('inventory.movements', { productId: target.productId, warehouseId: target.warehouseId, page, pageSize: PAGE_SIZE }),
    [target.productId, target.warehouseId, page],
    changed,
  );
  const storeNames = useStoreNames();
  const level = useLiveQuery(() => getDb().stockLevels.get([target.productId, target.warehouseId]), [target.productId, target.warehouseId]);
  return (
    <>
      {level && (
        <Descriptions
          size="small"
          column={4}
          bordered
          style={{ marginBottom: 16 }}
          data-testid="movements-now"
          items={[
            { key: 'onHand', label: t('stock_onHand'), children: formatNumber(level.onHand) },
            { key: 'reserved', label: t('stock_reserved'), children: formatNumber(level.reserved) },
            { key: 'sellable', label: t('stock_sellable'), children: <Typography.Text strong>{formatNumber(Math.max(0, level.onHand - level.reserved))}</Typography.Text> },
            { key: 'inTransit', label: t('stock_inTransit'), children: formatNumber(level.inTransit) },
          ]}
        />
      )}
      {list.error && <Typography.Paragraph type="danger">{list.error}</Typography.Paragraph>}
      <Table<MovementRow>
        rowKey="id"
        size="small"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('stock_historyEmpty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => tn('stock_historyTotal', n) }}
        data-testid="movements-table"
        columns={[
          { title: t('stock_time'), dataIndex: 'createdAt', width: 180, render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span> },
          { title: t('stock_kind'), dataIndex: 'kind', width: 150, render: (k: MovementRow['kind']) => <Tag color={MOVEMENT_KINDS[k]?.color}>{MOVEMENT_KINDS[k] ? t(MOVEMENT_KINDS[k].label) : k}</Tag> },
          { title: t('stock_onHand'), key: 'onHand', render: (_, m) => <MovementChange before={m.before.onHand} after={m.after.onHand} /> },
          { title: t('stock_reserved'), key: 'reserved', render: (_, m) => <MovementChange before={m.before.reserved} after={m.after.reserved} /> },
          { title: t('stock_inTransit'), key: 'inTransit', render: (_, m) => <MovementChange before={m.before.inTransit} after={m.after.inTransit} /> },
          // A reason that only repeats the kind's machine word says nothing more.
          { title: t('stock_reason'), dataIndex: 'reason', render: (r: string | null, m) => (r && r !== m.kind ? r : '') },
          // An order movement links to its order on the Orders page.
          { title: t('stock_reference'), dataIndex: 'reference', render: (r: string | null) => <MovementReference reference={r} storeNames={storeNames} /> },
        ]}
      />
    </>
  );
}
