// The sync log as a table: every push with its times, trigger, quantity, result and error. Used by
// the Sync log page (all stores) and a listing's detail drawer. Lists through `syncLogs.list`,
// re-queried (throttled) while pushes land.
import { Alert, Table, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type HTMLAttributes } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { SyncLogStatus } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { StoreName } from '@/components/common/StoreName';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { formatNumber, PAGE_SIZES } from '../inventory/format';
import { moduleHref } from '../store-products/location';
import { elapsed, shortTime } from '@/components/common/time';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import type { StoreView } from '@/components/common/useStores';
import { LogStatusTag, TRIGGER_LABEL } from './labels';

export type LogRow = CommandOutput<'syncLogs.list'>['items'][number];

interface Props {
  storeId?: number;
  storeProductId?: number;
  status?: SyncLogStatus;
  /** The page shows store and listing columns; the drawer (one listing) shows the seller SKU only. */
  wide?: boolean;
  stores?: Map<number, StoreView>;
  pageSize?: number;
}

/** Titles and seller SKUs of the rows on screen (read from IndexedDB: names only). */
function useNames(rows: LogRow[] | undefined) {
  const pids = [...new Set((rows ?? []).map((r) => r.storeProductId))];
  const vids = [...new Set((rows ?? []).map((r) => r.storeVariantId))];
  return useLiveQuery(async () => {
    const db = getDb();
    const [products, variants] = await Promise.all([db.storeProducts.bulkGet(pids), db.storeVariants.bulkGet(vids)]);
    return {
      titles: new Map(products.filter(Boolean).map((p) => [p!.id, p!.title])),
      skus: new Map(variants.filter(Boolean).map((v) => [v!.id, v!.sellerSku])),
    };
  }, [pids.join(','), vids.join(',')]);
}

export function SyncLogTable({ storeId, storeProductId, status, wide, stores, pageSize: initialSize = 20 }: Props) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  // A primary-key count sees every new row and every status change.
  const changed = useLiveSignal(() => getDb().syncLogs.count(), []);
  const list = useCommandQuery(() => call('syncLogs.list', { storeId, storeProductId, status, page, pageSize }), [storeId, storeProductId, status, page, pageSize], changed);
  const names = useNames(list.data?.items);

  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      <Table<LogRow>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        scroll={wide ? { x: 1050 } : { x: 760 }}
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t(storeProductId !== undefined ? 'log_emptyListing' : status ? 'log_emptyFiltered' : 'log_empty') }}
        onRow={(r) => ({ 'data-testid': `log-row-${r.id}`, 'data-status': r.status, 'data-quantity': r.quantity ?? '' }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: !!wide, pageSizeOptions: PAGE_SIZES, size: 'small',
          showTotal: (n) => tn('log_total', n),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        columns={[
          {
            title: t('log_colTime'), key: 'time', width: 170,
            render: (_: unknown, r: LogRow) => (
              <div>
                <div>{shortTime(r.createdAt)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.sentAt ? t('log_sentAfter', elapsed(r.createdAt, r.sentAt)) : r.status === 'pending' ? t('log_notSentYet') : t('log_notSent')}
                </Typography.Text>
              </div>
            ),
          },
          ...(wide
            ? [
                { title: t('log_colStore'), key: 'store', width: 170, ellipsis: true, render: (_: unknown, r: LogRow) => { const s = stores?.get(r.storeId); return s ? <StoreName store={s} /> : `#${r.storeId}`; } },
                {
                  title: t('log_colListing'), key: 'listing', width: 200, ellipsis: true,
                  render: (_: unknown, r: LogRow) => {
                    const s = stores?.get(r.storeId);
                    const title = names?.titles.get(r.storeProductId) ?? `#${r.storeProductId}`;
                    return s ? <a href={moduleHref({ platform: s.platform, storeId: s.id, item: r.storeProductId })}>{title}</a> : title;
                  },
                },
              ]
            : []),
          { title: t('log_colSku'), key: 'sku', width: 120, ellipsis: true, render: (_: unknown, r: LogRow) => names?.skus.get(r.storeVariantId) || '—' },
          { title: t('log_colTrigger'), dataIndex: 'trigger', width: 140, ellipsis: true, render: (v: LogRow['trigger']) => t(TRIGGER_LABEL[v]) },
          { title: t('log_colQuantity'), dataIndex: 'quantity', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          {
            title: t('log_colStatus'), dataIndex: 'status', width: 110,
            render: (v: SyncLogStatus, r: LogRow) => (
              <Tooltip title={r.attempts > 1 ? tn('log_attempts', r.attempts) : undefined}>
                <span><LogStatusTag status={v} /></span>
              </Tooltip>
            ),
          },
          {
            title: t('log_colError'), dataIndex: 'error', ellipsis: { showTitle: false },
            // A failure's error in red; a skip's reason (e.g. unchanged, superseded) as a note.
            render: (v: string | null, r: LogRow) => (v ? <Tooltip title={v}><Typography.Text type={r.status === 'failed' ? 'danger' : 'secondary'}>{v}</Typography.Text></Tooltip> : ''),
          },
        ]}
      />
    </>
  );
}
