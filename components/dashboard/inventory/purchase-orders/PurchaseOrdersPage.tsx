// Purchase orders: what was bought and not yet received (that is the *in transit* of stock).
// Create in a drawer, open one to receive or cancel. Lists through `purchaseOrders.list`.
import { Button, Empty, Progress, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { PurchaseOrderRow, PurchaseOrderStatus } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { readHashParam, writeHashParams } from '@/components/common/hashParams';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useDbChange } from '@/components/common/useDbChange';
import { hrefOf } from '../../routes';
import { formatNumber, formatTime, PAGE_SIZES } from '../format';
import { useWarehouses, warehouseLabel } from '../useWarehouses';
import { WarehouseSelect } from '../WarehouseSelect';
import { PageHeader } from '../PageHeader';
import { CreatePurchaseOrderDrawer } from './CreatePurchaseOrderDrawer';
import { PurchaseOrderDrawer } from './PurchaseOrderDrawer';
import { PO_STATUSES, StatusTag, statusLabel, totalsOf } from './status';

export function PurchaseOrdersPage() {
  const { byId } = useWarehouses();
  const [status, setStatus] = useState<PurchaseOrderStatus | undefined>(() => (PO_STATUSES as string[]).includes(readHashParam('status')) ? (readHashParam('status') as PurchaseOrderStatus) : undefined);
  const [warehouseId, setWarehouseId] = useState<number | undefined>(() => Number(readHashParam('warehouse')) || undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(() => Number(readHashParam('po')) || null);
  const changed = useDbChange(() => getDb().purchaseOrders.count());
  const list = useCommandQuery(() => call('purchaseOrders.list', { status, warehouseId, page, pageSize }), [status, warehouseId, page, pageSize], changed);
  const setup = useLiveQuery(async () => ({ orders: await getDb().purchaseOrders.count(), products: await getDb().products.count(), warehouses: await getDb().warehouses.count() }), []);
  const nothingYet = setup !== undefined && setup.orders === 0;
  const canCreate = !!setup?.products && !!setup?.warehouses;

  function show(id: number | null) {
    setOpenId(id);
    writeHashParams({ po: id });
  }

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!canCreate} data-testid="po-add">
      {t('po_add')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('po_title')} subtitle={t('po_subtitle')} actions={!nothingYet && createButton} />
      {nothingYet ? (
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="po-empty"
          description={<Space orientation="vertical"><Typography.Text strong>{t('po_emptyTitle')}</Typography.Text><Typography.Text type="secondary">{canCreate ? t('po_emptyHelp') : t('po_needsSetup')}</Typography.Text></Space>}
        >
          {canCreate ? createButton : (
            <Space>
              {!setup.products && <Button type="primary" href={hrefOf('inventory/products')}>{t('stock_goProducts')}</Button>}
              {!setup.warehouses && <Button href={hrefOf('inventory/warehouses')}>{t('stock_goWarehouses')}</Button>}
            </Space>
          )}
        </Empty>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select<PurchaseOrderStatus>
              allowClear
              placeholder={t('po_allStatuses')}
              aria-label={t('po_status')}
              value={status}
              style={{ width: 200 }}
              options={PO_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
                writeHashParams({ status: v });
              }}
              data-testid="po-status-filter"
            />
            <WarehouseSelect
              allowClear
              placeholder={t('stock_allWarehouses')}
              value={warehouseId}
              style={{ width: 240 }}
              onChange={(v) => {
                setWarehouseId(v);
                setPage(1);
                writeHashParams({ warehouse: v });
              }}
            />
          </Space>
          {list.error && <Typography.Paragraph type="danger">{list.error}</Typography.Paragraph>}
          <Table<PurchaseOrderRow>
            rowKey="id"
            size="middle"
            loading={list.loading && !list.data}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('po_noMatch') }}
            onRow={(po) => ({ 'data-testid': `po-row-${po.id}` }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => tn('po_total', n),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            columns={[
              { title: t('po_number'), dataIndex: 'id', width: 110, render: (id: number) => <Button color="primary" variant="link" size="small" style={{ padding: 0, fontWeight: 600 }} onClick={() => show(id)} data-testid={`po-open-${id}`}>{t('po_numberText', id)}</Button> },
              { title: t('po_status'), dataIndex: 'status', width: 170, render: (s: PurchaseOrderStatus) => <StatusTag status={s} /> },
              { title: t('po_warehouse'), dataIndex: 'warehouseId', render: (id: number) => warehouseLabel(byId.get(id), id) },
              { title: t('po_supplier'), dataIndex: 'supplier', render: (v: string | null) => v ?? '' },
              { title: t('po_reference'), dataIndex: 'reference', render: (v: string | null) => v ?? '' },
              {
                title: t('po_linesSummary'), key: 'lines', width: 220,
                render: (_, po) => {
                  const { ordered, received } = totalsOf(po.lines);
                  return (
                    <div data-testid="po-lines-summary">
                      <Typography.Text>{t('po_linesText', formatNumber(received), formatNumber(ordered))}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{t('po_skuCount', po.lines.length)}</Typography.Text>
                      <Progress percent={ordered ? Math.round((received / ordered) * 100) : 0} size="small" showInfo={false} status={po.status === 'cancelled' ? 'exception' : received >= ordered ? 'success' : 'normal'} />
                    </div>
                  );
                },
              },
              { title: t('po_created'), dataIndex: 'createdAt', width: 180, render: (v: number) => formatTime(v) },
              { title: '', key: 'actions', width: 80, render: (_, po) => <Button color="primary" variant="link" size="small" onClick={() => show(po.id)}>{t('po_openButton')}</Button> },
            ]}
          />
        </>
      )}
      <CreatePurchaseOrderDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(po) => {
          setCreating(false);
          list.reload();
          show(po.id);
        }}
      />
      <PurchaseOrderDrawer poId={openId} onClose={() => show(null)} />
    </div>
  );
}
