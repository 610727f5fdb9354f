// Orders (ORDERS.md "What the seller sees"): the buyers' orders Shelfsync read from each store,
// per store, status and problem, each with its lines; Connect for unmatched lines; the order's
// stock movements in its drawer; "Check orders now". Filters live in the URL
// (`#/orders?store=3&status=open&problem=unmatched&q=A-1`); the list re-reads as checks land.
import { Alert, Button, Empty, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { OrderProblem } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { writeHashParams } from '@/components/common/hashParams';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { PageHeader } from '../inventory/PageHeader';
import { hrefOf } from '../routes';
import { ModuleTheme } from '@/components/common/ModuleTheme';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import { useStores } from '@/components/common/useStores';
import { CheckOrdersButton, useOrderChecks } from './CheckOrdersButton';
import { LastCheck } from './LastCheck';
import { OrderDrawer } from './OrderDrawer';
import { OrderFilters } from './OrderFilters';
import { OrdersTable } from './OrdersTable';
import { PROBLEMS, readOrdersLocation, type ListStatus } from './location';

interface Filters { storeId?: number; status?: ListStatus; problem?: OrderProblem; q?: string }

export function OrdersPage({ params }: { params: URLSearchParams }) {
  const { stores, byId } = useStores();
  const [filters, setFilters] = useState<Filters>(() => readOrdersLocation(params));
  const [text, setText] = useState(() => readOrdersLocation(params).q ?? '');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [openId, setOpenId] = useState<number | null>(null);

  // A link into the page (Stores page, stock history) sets its filters and may name an order to open.
  const linked = params.toString();
  useEffect(() => {
    const loc = readOrdersLocation(params);
    setFilters({ storeId: loc.storeId, status: loc.status, problem: loc.problem, q: loc.q });
    setText(loc.q ?? '');
    setPage(1);
    if (loc.storeId === undefined || !loc.order) return;
    void getDb().orders.where('[storeId+platformOrderId]').equals([loc.storeId, loc.order]).first().then((o) => o && setOpenId(o.id));
  }, [linked]);

  const apply = (next: Filters) => {
    setFilters(next);
    setPage(1);
    writeHashParams({ store: next.storeId, status: next.status, problem: next.problem, q: next.q, order: undefined });
  };

  // Typing searches after a pause, not on every key.
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const timer = setTimeout(() => apply({ ...filters, q }), 300);
    return () => clearTimeout(timer);
  }, [text]);

  // A primary-key count: Dexie signals every order added or changed by a check or a connection.
  const changed = useLiveSignal(() => getDb().orders.count(), [], 500);
  const { storeId, status, problem, q } = filters;
  const list = useCommandQuery(() => call('orders.list', { storeId, status, problem, q, page, pageSize }), [storeId, status, problem, q, page, pageSize], changed);
  const counts = useCommandQuery(
    async () => Object.fromEntries(await Promise.all(PROBLEMS.map(async (p) => [p, (await call('orders.list', { storeId, status, problem: p, q, pageSize: 1 })).total] as const))),
    [storeId, status, q],
    changed,
  );

  const filtered = storeId !== undefined || status !== undefined || problem !== undefined || !!q;
  const nothingYet = !!list.data && list.data.total === 0 && !filtered;
  const store = storeId !== undefined ? byId.get(storeId) : undefined;
  const storeList = stores ?? [];
  const checks = useOrderChecks(storeList);

  const noMatch = (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders_noMatch')} data-testid="orders-no-match">
      <Button onClick={() => { setText(''); apply({}); }}>{t('orders_clearFilters')}</Button>
    </Empty>
  );

  return (
    <ModuleTheme>
      <PageHeader
        title={t('orders_title')}
        subtitle={t('orders_subtitle')}
        actions={storeList.length > 0 && <CheckOrdersButton stores={storeList} checks={checks} storeId={storeId} />}
      />
      {stores !== undefined && stores.length === 0 ? (
        <Empty style={{ padding: '48px 0' }} data-testid="orders-no-stores" description={
          <Space orientation="vertical">
            <Typography.Text strong>{t('orders_noStoresTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('orders_noStoresHelp')}</Typography.Text>
          </Space>
        }>
          <Button type="primary" href={hrefOf('stores')}>{t('orders_goToStores')}</Button>
        </Empty>
      ) : nothingYet ? (
        <Empty style={{ padding: '48px 0' }} data-testid="orders-empty" description={
          <Space orientation="vertical">
            <Typography.Text strong>{t('orders_emptyTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('orders_emptyHelp')}</Typography.Text>
          </Space>
        }>
          <Space>
            <CheckOrdersButton stores={storeList} checks={checks} type="primary" />
            <Button href={hrefOf('stores')}>{t('orders_goToStores')}</Button>
          </Space>
        </Empty>
      ) : (
        <>
          <OrderFilters
            stores={stores}
            storeId={storeId}
            status={status}
            problem={problem}
            counts={counts.data}
            text={text}
            onStore={(id) => apply({ ...filters, storeId: id })}
            onStatus={(s) => apply({ ...filters, status: s })}
            onProblem={(p) => apply({ ...filters, problem: p })}
            onText={setText}
          />
          {store && (
            <div style={{ marginBottom: 12 }} data-testid="orders-store-check">
              <LastCheck store={store} />
            </div>
          )}
          {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
          <OrdersTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.loading && !list.data}
            page={page}
            pageSize={pageSize}
            stores={byId}
            empty={noMatch}
            onPage={(p, size) => { setPage(p); setPageSize(size); }}
            onOpen={setOpenId}
            onChanged={list.reload}
          />
        </>
      )}
      {checks.watchers}
      <OrderDrawer
        orderId={openId}
        stores={byId}
        onClose={() => {
          setOpenId(null);
          writeHashParams({ order: undefined });
        }}
      />
    </ModuleTheme>
  );
}
