// Store products (PRODUCT.md flow 2): what the store sells, server-paged through
// `storeProducts.list`, with search, filters, sort, selection, bulk actions and the detail drawer.
import { Alert, Button, Empty, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { PAGE_SIZES } from '../inventory/format';
import { hrefOf } from '../routes';
import { SyncJobModal } from '../sync/SyncJobModal';
import { CloneModal } from '../drafts/CloneModal';
import { BulkActions } from './BulkActions';
import { LIST_MIN_WIDTH, productColumns, type SortKey } from './productColumns';
import { NO_FILTER, ProductFilters, SortControl, isFiltered, type ProductFilter } from './ProductFilters';
import { StoreProductDrawer } from './StoreProductDrawer';
import type { Listing } from './types';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import { useQueued, withQueued } from './useQueued';
import type { StoreView } from '@/components/common/useStores';

interface Props {
  store: StoreView;
  openItem?: number;
  onOpenItem: (id: number | undefined) => void;
  onOpenRules: () => void;
}

/** Re-query when listings, variants (connections, last sync), the push queue, stock or rules change.
 *  Primary-key counts: Dexie signals every add, update and delete of the table through them (an
 *  index count only sees index keys change); the signal is throttled. */
function useStoreSignal(storeId: number): number {
  return useLiveSignal(() => {
    const db = getDb();
    return Promise.all([db.storeProducts.count(), db.storeVariants.count(), db.pushQueue.count(), db.ruleStores.count(), db.syncRules.count(), db.stockLevels.count(), db.products.count()]);
  }, [storeId]);
}

export function ProductsView({ store, openItem, onOpenItem, onOpenRules }: Props) {
  const [filter, setFilter] = useState<ProductFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortKey>('updated');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [job, setJob] = useState<{ id: number; count: number } | null>(null);
  const [cloning, setCloning] = useState(false);
  const changed = useStoreSignal(store.id);
  const list = useCommandQuery(
    () =>
      call('storeProducts.list', {
        storeId: store.id, q: filter.q || undefined, status: filter.status, connected: filter.connected, autoSync: filter.autoSync,
        syncStatus: filter.syncStatus, differs: filter.differs, sort, order, page, pageSize,
      }),
    [store.id, filter, sort, order, page, pageSize],
    changed,
  );
  const queued = useQueued(list.data?.items);
  const total = list.data?.total ?? 0;
  const nothingYet = !list.loading && !list.error && total === 0 && !isFiltered(filter);

  const onFilter = (next: ProductFilter) => {
    setFilter(next);
    setPage(1);
  };
  const onSort = (key: SortKey, dir: 'asc' | 'desc') => {
    setSort(key);
    setOrder(dir);
    setPage(1);
  };

  if (nothingYet) {
    return (
      <Empty
        style={{ padding: '48px 0' }}
        data-testid="sp-products-empty"
        description={
          <Space orientation="vertical">
            <Typography.Text strong>{t('sp_emptyTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('sp_emptyHelp')}</Typography.Text>
          </Space>
        }
      >
        <Button type="primary" href={hrefOf('stores')}>{t('sp_goToStores')}</Button>
      </Empty>
    );
  }

  return (
    <div data-testid="sp-products">
      <ProductFilters filter={filter} onFilter={onFilter} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8, flexWrap: 'wrap' }}>
        <BulkActions
          storeId={store.id}
          selected={selected}
          filter={filter}
          total={total}
          onClearSelection={() => setSelected([])}
          onSyncStarted={(id, count) => setJob({ id, count })}
          onOpenRules={onOpenRules}
          onChanged={list.reload}
          onClone={() => setCloning(true)}
        />
        <SortControl sort={sort} order={order} onSort={onSort} />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Listing>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: LIST_MIN_WIDTH }}
        loading={list.loading && !list.data}
        dataSource={(list.data?.items ?? []).map((l) => withQueued(l, queued))}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sp_noMatch')} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as number[]),
          columnWidth: 40,
        }}
        onRow={(l) => ({ 'data-testid': `sp-row-${l.platformItemId}` }) as HTMLAttributes<HTMLElement>}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const key = sorter.columnKey as SortKey | undefined;
          if (!sorter.order || !key) onSort('updated', 'desc');
          else onSort(key, sorter.order === 'ascend' ? 'asc' : 'desc');
        }}
        pagination={{
          current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => tn('sp_total', n),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        columns={productColumns({ sort, order, onOpen: (l) => onOpenItem(l.id) })}
      />
      <StoreProductDrawer storeProductId={openItem ?? null} store={store} onClose={() => onOpenItem(undefined)} onOpenRules={onOpenRules} />
      {cloning && (
        <CloneModal source={store} storeProductIds={selected} titles={(list.data?.items ?? []).filter((l) => selected.includes(l.id)).map((l) => l.title)} onClose={() => setCloning(false)} />
      )}
      <SyncJobModal
        jobId={job?.id ?? null}
        title={tn('sp_syncTitle', job?.count ?? 0)}
        onClose={() => setJob(null)}
        onFinished={list.reload}
      />
    </div>
  );
}
