// The orders as a table: order, store, statuses, lines, problems and times; a row expands to its
// lines (Connect for unmatched ones) and opens the order's drawer.
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t, tn } from '@/lib/i18n';
import { shopText, storeLabel } from '@/lib/stores/label';
import { formatNumber, PAGE_SIZES } from '../inventory/format';
import { PlatformMark } from '@/components/common/PlatformMark';
import { shortTime } from '@/components/common/time';
import type { StoreView } from '@/components/common/useStores';
import { orderTitle } from './OrderDrawer';
import { OrderLines } from './OrderLines';
import { ProblemTag, StatusTag } from './labels';
import type { OrderListItem } from './types';

interface Props {
  items: OrderListItem[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  stores: Map<number, StoreView>;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: number) => void;
  onChanged: () => void;
}

export function OrdersTable({ items, total, loading, page, pageSize, stores, empty, onPage, onOpen, onChanged }: Props) {
  return (
    <Table<OrderListItem>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      scroll={{ x: 1090 }}
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      data-testid="orders-table"
      onRow={(o) => ({ 'data-testid': `order-row-${o.platformOrderId}`, 'data-status': o.status, 'data-problems': o.problems.join(' ') }) as never}
      expandable={{
        expandedRowRender: (o) => <OrderLines order={o} store={stores.get(o.storeId)} onChanged={onChanged} />,
      }}
      pagination={{
        current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
        showTotal: (n) => tn('orders_total', n),
        onChange: (p, size) => onPage(size !== pageSize ? 1 : p, size),
      }}
      columns={[
        {
          title: t('orders_colOrder'), key: 'order', width: 190,
          render: (_: unknown, o) => (
            <div style={{ minWidth: 0 }}>
              {/* A button, not a link: it opens the drawer and goes nowhere. */}
              <Button type="link" onClick={() => onOpen(o.id)} data-testid={`order-open-${o.id}`} style={{ padding: 0, height: 'auto', fontWeight: 600, maxWidth: '100%' }}>
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{orderTitle(o)}</span>
              </Button>
              {o.displayName && o.displayName !== o.platformOrderId && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis={{ tooltip: o.platformOrderId }}>{o.platformOrderId}</Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: t('orders_colStore'), key: 'store', width: 200,
          render: (_: unknown, o) => {
            const s = stores.get(o.storeId);
            // Name, then (quieter, below) the shop and region: storeLabel's words, on two lines.
            return s ? (
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', minWidth: 0 }} title={storeLabel(s)} data-store-label={storeLabel(s)}>
                <PlatformMark platform={s.platform} size={20} />
                <div style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ display: 'block' }}>{s.name}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>{shopText(s)}</Typography.Text>
                </div>
              </div>
            ) : `#${o.storeId}`;
          },
        },
        {
          title: t('orders_colStatus'), key: 'status', width: 140,
          render: (_: unknown, o) => (
            <div>
              <StatusTag status={o.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis={{ tooltip: o.platformStatus }}>{o.platformStatus}</Typography.Text>
            </div>
          ),
        },
        {
          title: t('orders_colLines'), key: 'lines', width: 110,
          render: (_: unknown, o) => tn('orders_linesUnits', o.lines.length, formatNumber(o.lines.reduce((n, l) => n + l.quantity, 0))),
        },
        {
          title: t('orders_colProblems'), key: 'problems', width: 170,
          render: (_: unknown, o) => (
            <Space size={[4, 4]} wrap>
              {o.problems.map((p) => <ProblemTag key={p} problem={p} shortBy={o.lines.reduce((n, l) => n + l.shortBy, 0)} />)}
              {o.before && (
                <Tooltip title={t('orders_beforeHelp')}>
                  <Tag>{t('orders_beforeTag')}</Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        {
          title: t('orders_colTimes'), key: 'times', width: 150,
          render: (_: unknown, o) => (
            <div>
              <div>{shortTime(o.createdAt)}</div>
              {o.updatedAt > o.createdAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders_updatedAt', shortTime(o.updatedAt))}</Typography.Text>}
            </div>
          ),
        },
        {
          title: '', key: 'open', width: 80,
          render: (_: unknown, o) => <Button size="small" onClick={() => onOpen(o.id)}>{t('orders_details')}</Button>,
        },
      ]}
    />
  );
}
