// Stock per SKU × warehouse with the four numbers sellers reason with: on hand, reserved,
// sellable (on hand − reserved) and in transit (open purchase orders). Adjust, read the ledger,
// import and export counts. Lists through `inventory.list`; re-queried on every stock movement.
import { App, Button, Empty, Input, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, HistoryOutlined, QuestionCircleOutlined, SlidersOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { CsvImportButton } from '@/components/common/CsvImport';
import { downloadText } from '@/components/common/download';
import { readHashParam, writeHashParams } from '@/components/common/hashParams';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useDbChange } from '@/components/common/useDbChange';
import { hrefOf } from '../../routes';
import { formatNumber, formatTime, PAGE_SIZES } from '../format';
import { useWarehouses, warehouseLabel } from '../useWarehouses';
import { WarehouseSelect } from '../WarehouseSelect';
import { PageHeader } from '../PageHeader';
import { AdjustStockModal, type AdjustTarget } from './AdjustStockModal';
import { StockReachNotice, type ReachNotice } from './StockReachNotice';
import { MovementsDrawer, type MovementsTarget } from './MovementsDrawer';
import { StockImportModal } from './StockImport';

type Level = CommandOutput<'inventory.list'>['items'][number];

function headed(title: string, help: string): ReactNode {
  return (
    <Tooltip title={help}>
      <span>
        {title} <QuestionCircleOutlined style={{ color: '#999', fontSize: 12 }} />
      </span>
    </Tooltip>
  );
}

export function StockPage() {
  const { message } = App.useApp();
  const { byId } = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<number | undefined>(() => Number(readHashParam('warehouse')) || undefined);
  const [q, setQ] = useState(() => readHashParam('q'));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [reach, setReach] = useState<ReachNotice | null>(null);
  const [adjusting, setAdjusting] = useState<AdjustTarget | null | undefined>(undefined);
  const [history, setHistory] = useState<MovementsTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  // Every change of a level writes a ledger row, so the ledger's size is the change signal.
  const changed = useDbChange(() => getDb().movements.count());
  const list = useCommandQuery(() => call('inventory.list', { warehouseId, q: q || undefined, page, pageSize }), [warehouseId, q, page, pageSize], changed);
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [products, warehouses, levels] = await Promise.all([db.products.count(), db.warehouses.count(), db.stockLevels.count()]);
    return { products, warehouses, levels };
  }, []);

  function filter(next: { warehouseId?: number; q?: string }) {
    const w = 'warehouseId' in next ? next.warehouseId : warehouseId;
    const text = next.q ?? q;
    setWarehouseId(w);
    setQ(text);
    setPage(1);
    writeHashParams({ warehouse: w, q: text });
  }

  async function exportCsv() {
    setExporting(true);
    try {
      const { csv, filename, rows } = await call('inventory.exportCsv', { warehouseId });
      downloadText(filename, csv);
      message.success(tn('stock_exportedToast', rows));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  }

  const adjustButton = (
    <Button type="primary" icon={<SlidersOutlined />} onClick={() => setAdjusting(null)} data-testid="stock-adjust" disabled={!counts?.products || !counts?.warehouses}>
      {t('stock_adjust')}
    </Button>
  );
  const importButton = <CsvImportButton testId="stock-import" label={t('stock_import')} onClick={() => setImporting(true)} />;

  let empty: ReactNode = null;
  if (counts && (!counts.products || !counts.warehouses)) {
    empty = (
      <Empty style={{ padding: '48px 0' }} data-testid="stock-empty" description={<Space orientation="vertical"><Typography.Text strong>{t('stock_emptyTitle')}</Typography.Text><Typography.Text type="secondary">{t('stock_needsSetup')}</Typography.Text></Space>}>
        <Space>
          {!counts.products && <Button type="primary" href={hrefOf('inventory/products')}>{t('stock_goProducts')}</Button>}
          {!counts.warehouses && <Button type={counts.products ? 'primary' : 'default'} href={hrefOf('inventory/warehouses')}>{t('stock_goWarehouses')}</Button>}
        </Space>
      </Empty>
    );
  } else if (counts && !counts.levels) {
    empty = (
      <Empty style={{ padding: '48px 0' }} data-testid="stock-empty" description={<Space orientation="vertical"><Typography.Text strong>{t('stock_emptyTitle')}</Typography.Text><Typography.Text type="secondary">{t('stock_emptyHelp')}</Typography.Text></Space>}>
        <Space>
          {adjustButton}
          {importButton}
          <Button href={hrefOf('inventory/purchase-orders')}>{t('stock_goPurchaseOrders')}</Button>
        </Space>
      </Empty>
    );
  }

  const number = (field: 'onHand' | 'reserved' | 'sellable' | 'inTransit', strong = false) => (v: number) => (
    <Typography.Text strong={strong} type={v === 0 ? 'secondary' : undefined} data-testid={`stock-${field}`}>{formatNumber(v)}</Typography.Text>
  );

  return (
    <div>
      <PageHeader
        title={t('stock_title')}
        subtitle={t('stock_subtitle')}
        actions={!empty && (
          <>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} loading={exporting} data-testid="stock-export">{t('stock_export')}</Button>
            {importButton}
            {adjustButton}
          </>
        )}
      />
      <StockReachNotice notice={reach} onClose={() => setReach(null)} />
      {empty ?? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <WarehouseSelect allowClear placeholder={t('stock_allWarehouses')} value={warehouseId} onChange={(v) => filter({ warehouseId: v })} style={{ width: 240 }} aria-label={t('stock_warehouse')} data-testid="stock-warehouse-filter" />
            <Input.Search allowClear defaultValue={q} placeholder={t('stock_searchPlaceholder')} onSearch={(v) => filter({ q: v.trim() })} style={{ width: 300 }} aria-label={t('stock_searchPlaceholder')} data-testid="stock-search" />
          </Space>
          {list.error && <Typography.Paragraph type="danger">{list.error}</Typography.Paragraph>}
          <Table<Level>
            rowKey={(r) => `${r.productId}-${r.warehouseId}`}
            size="middle"
            loading={list.loading && !list.data}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('stock_noMatch') }}
            onRow={(r) => ({ 'data-testid': `stock-row-${r.sku}-${r.warehouseCode}` }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => tn('stock_total', n),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            columns={[
              {
                title: t('stock_product'), dataIndex: 'sku',
                render: (sku: string, r) => (
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{sku}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" ellipsis={{ tooltip: r.name }} style={{ maxWidth: 280 }}>{r.name}</Typography.Text>
                  </div>
                ),
              },
              { title: t('stock_warehouse'), dataIndex: 'warehouseId', width: 200, render: (id: number) => warehouseLabel(byId.get(id), id) },
              { title: headed(t('stock_onHand'), t('stock_onHandHelp')), dataIndex: 'onHand', align: 'right', width: 110, render: number('onHand') },
              { title: headed(t('stock_reserved'), t('stock_reservedHelp')), dataIndex: 'reserved', align: 'right', width: 110, render: number('reserved') },
              { title: headed(t('stock_sellable'), t('stock_sellableHelp')), dataIndex: 'sellable', align: 'right', width: 110, render: number('sellable', true) },
              { title: headed(t('stock_inTransit'), t('stock_inTransitHelp')), dataIndex: 'inTransit', align: 'right', width: 110, render: number('inTransit') },
              { title: t('stock_updated'), dataIndex: 'updatedAt', width: 190, render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span> },
              {
                title: '', key: 'actions', width: 160,
                render: (_, r) => (
                  <Space size={0}>
                    <Button color="primary" variant="link" size="small" onClick={() => setAdjusting({ productId: r.productId, sku: r.sku, name: r.name, warehouseId: r.warehouseId })} data-testid={`stock-adjust-${r.sku}-${r.warehouseCode}`}>
                      {t('stock_adjustRow')}
                    </Button>
                    <Button color="primary" variant="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory({ productId: r.productId, warehouseId: r.warehouseId, title: `${r.sku} · ${warehouseLabel(byId.get(r.warehouseId), r.warehouseId)}` })} data-testid={`stock-history-${r.sku}-${r.warehouseCode}`}>
                      {t('stock_history')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      {adjusting !== undefined && (
        <AdjustStockModal
          target={adjusting}
          onClose={() => setAdjusting(undefined)}
          onDone={(notice) => {
            setAdjusting(undefined);
            setReach(notice);
            list.reload();
          }}
        />
      )}
      {importing && <StockImportModal onFinished={list.reload} onClose={() => setImporting(false)} />}
      <MovementsDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
