// System products, the seller's SKU master: search, page, create and edit in a drawer, import and
// export CSV. Lists through `products.list` (server paging), refreshed when the table changes.
// Selected products can become drafts in a store's To be published (Create drafts for a store…).
import { App, Avatar, Button, Empty, Image, Input, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { ProductRow } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { downloadText } from '@/components/common/download';
import { readHashParam, writeHashParams } from '@/components/common/hashParams';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { useDbChange } from '@/components/common/useDbChange';
import { formatNumber, formatTime, PAGE_SIZES } from '../format';
import { PageHeader } from '../PageHeader';
import { ProductDrawer } from './ProductDrawer';
import { ProductsImportModal } from './ProductsImport';
import { CsvImportButton } from '@/components/common/CsvImport';
import { CreateDraftsModal } from '../../drafts/CreateDraftsModal';

export function ProductsPage() {
  const { message } = App.useApp();
  const [q, setQ] = useState(() => readHashParam('q'));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [editing, setEditing] = useState<ProductRow | null | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [drafting, setDrafting] = useState(false);
  const changed = useDbChange(() => getDb().products.count());
  const list = useCommandQuery(() => call('products.list', { q: q || undefined, page, pageSize }), [q, page, pageSize], changed);
  const total = list.data?.total ?? 0;
  const nothingYet = !list.loading && !q && total === 0 && !list.error;

  async function exportCsv() {
    setExporting(true);
    try {
      const { csv, filename, rows } = await call('products.exportCsv', {});
      downloadText(filename, csv);
      message.success(tn('products_exportedToast', rows));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  }

  const importButton = <CsvImportButton testId="products-import" label={t('products_import')} onClick={() => setImporting(true)} />;
  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="product-add">
      {t('products_add')}
    </Button>
  );

  return (
    <div>
      <PageHeader
        title={t('products_title')}
        subtitle={t('products_subtitle')}
        actions={!nothingYet && (
          <>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} loading={exporting} data-testid="product-export">
              {t('products_export')}
            </Button>
            {importButton}
            {addButton}
          </>
        )}
      />
      {nothingYet ? (
        <Empty style={{ padding: '48px 0' }} description={<Space orientation="vertical"><Typography.Text strong>{t('products_emptyTitle')}</Typography.Text><Typography.Text type="secondary">{t('products_emptyHelp')}</Typography.Text></Space>} data-testid="products-empty">
          <Space>
            {addButton}
            {importButton}
          </Space>
        </Empty>
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('products_searchPlaceholder')}
            aria-label={t('products_searchPlaceholder')}
            style={{ maxWidth: 360 }}
            defaultValue={q}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
              writeHashParams({ q: value.trim() });
            }}
            data-testid="product-search"
          />
            <Space wrap>
              {selected.length > 0 && (
                <Typography.Text type="secondary" data-testid="product-selected-count">
                  {t('sp_nSelected', formatNumber(selected.length))}{' '}
                  <Typography.Link onClick={() => setSelected([])}>{t('sp_clearSelection')}</Typography.Link>
                </Typography.Text>
              )}
              <Button icon={<FileAddOutlined />} disabled={!selected.length} onClick={() => setDrafting(true)} data-testid="product-create-drafts">
                {t('draft_createButton')}
              </Button>
            </Space>
          </div>
          {list.error && <Typography.Paragraph type="danger">{list.error}</Typography.Paragraph>}
          <Table<ProductRow>
            rowKey="id"
            size="middle"
            loading={list.loading && !list.data}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: q ? t('products_noMatch', q) : t('products_emptyTitle') }}
            rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as number[]), columnWidth: 40 }}
            pagination={{
              current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => tn('products_total', n),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            onRow={(row) => ({ 'data-testid': `product-row-${row.sku}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('products_image'), dataIndex: 'imageUrl', width: 72,
                render: (url: string | null) => (url ? <Image src={url} width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" /> : <Avatar shape="square" size={40} icon={<PictureOutlined />} />),
              },
              { title: t('products_sku'), dataIndex: 'sku', width: 200, render: (sku: string, row) => <Button color="primary" variant="link" size="small" style={{ padding: 0, fontWeight: 600 }} onClick={() => setEditing(row)}>{sku}</Button> },
              { title: t('products_name'), dataIndex: 'name', ellipsis: true },
              { title: t('products_price'), dataIndex: 'price', align: 'right', width: 120, render: (v: number | null) => formatNumber(v, 2) },
              { title: t('products_weightColumn'), dataIndex: 'weightGrams', align: 'right', width: 110, render: (v: number | null) => (v === null ? '' : t('products_grams', formatNumber(v))) },
              { title: t('products_updated'), dataIndex: 'updatedAt', width: 180, render: (v: number) => formatTime(v) },
              { title: '', key: 'actions', width: 80, render: (_, row) => <Button color="primary" variant="link" size="small" onClick={() => setEditing(row)} data-testid={`product-edit-${row.sku}`}>{t('products_edit')}</Button> },
            ]}
          />
        </>
      )}
      {drafting && <CreateDraftsModal productIds={selected} onClose={() => setDrafting(false)} onCreated={() => setSelected([])} />}
      {importing && <ProductsImportModal onFinished={list.reload} onClose={() => setImporting(false)} />}
      <ProductDrawer
        open={editing !== undefined}
        product={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </div>
  );
}
