// An order's lines: the listing, seller SKU, system SKU, quantity, what the line did to stock and
// by how much it was short. An unmatched line is connected from here with the same picker as
// Unconnected (its state is applied at once); a line whose listing was never downloaded says to
// download the store's listings first.
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { isFinished, useJob } from '@/components/common/useJob';
import { formatNumber } from '../inventory/format';
import { hrefOf } from '../routes';
import { AddSystemSkuModal, type AddResult } from '../store-products/AddSystemSkuModal';
import { AddSystemSkuResult } from '../store-products/AddSystemSkuResult';
import { ConnectModal, optionText, type ConnectTarget } from '../store-products/ConnectModal';
import type { StoreView } from '@/components/common/useStores';
import { LineStateTag } from './labels';
import type { OrderLine, OrderListItem } from './types';
import { lineKey, useLineListings, type LineListing } from './useLineListings';

/** Downloads the store's changed listings so an order line's listing becomes known (and connectable). */
function DownloadFirst({ store }: { store: StoreView | undefined }) {
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { job } = useJob(jobId);
  const running = jobId !== null && !isFinished(job);
  useEffect(() => {
    if (!job || !isFinished(job) || !store) return;
    if (job.status === 'succeeded') message.success(t('orders_downloadDone', store.name));
    else message.error(job.error?.message ?? t('stores_downloadFailed'));
  }, [job?.status]);
  const download = async () => {
    if (!store) return;
    setBusy(true);
    try {
      setJobId((await call('stores.download', { id: store.id, mode: 'incremental' })).jobId);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders_downloadFirst')}</Typography.Text>
      <Space size={8} wrap>
        <Button size="small" icon={<CloudDownloadOutlined />} loading={busy || running} disabled={!store} onClick={() => void download()} data-testid="order-line-download">
          {t('orders_downloadListings')}
        </Button>
        <Typography.Link href={hrefOf('stores')}>{t('orders_goToStores')}</Typography.Link>
      </Space>
    </Space>
  );
}

/** Platforms name a listing without options by its item alone (Shopee's model 0, an empty id). */
const hasVariant = (l: OrderLine) => !!l.platformVariantId && l.platformVariantId !== '0' && l.platformVariantId !== l.platformItemId;

function ListingCell({ line, listing }: { line: OrderLine; listing: LineListing | undefined }) {
  const options = optionText(listing?.options);
  return (
    <div style={{ minWidth: 0 }}>
      {listing?.title ? <Typography.Text ellipsis={{ tooltip: listing.title }} style={{ display: 'block' }}>{listing.title}</Typography.Text> : null}
      {options && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{options}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hasVariant(line) ? t('orders_itemVariant', line.platformItemId, line.platformVariantId) : t('sp_itemId', line.platformItemId)}
      </Typography.Text>
    </div>
  );
}

export function OrderLines({ order, store, onChanged }: { order: OrderListItem; store: StoreView | undefined; onChanged?: () => void }) {
  const listings = useLineListings(order.storeId, order.lines);
  const [connecting, setConnecting] = useState<ConnectTarget | null>(null);
  const [adding, setAdding] = useState<number[] | null>(null);
  const [added, setAdded] = useState<AddResult | null>(null);

  const connect = (line: OrderLine, listing: LineListing) =>
    setConnecting({ id: listing.storeVariantId, title: listing.title || line.sellerSku || line.platformItemId, sellerSku: line.sellerSku, options: listing.options });

  // The action column only where a line waits for its listing to be connected.
  const waiting = order.lines.some((l) => l.productId === null);
  return (
    <>
      <Table<OrderLine>
        size="small"
        rowKey={(l) => `${lineKey(l)}\u0000${l.state}`}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: waiting ? 900 : 700 }}
        dataSource={order.lines}
        data-testid={`order-lines-${order.id}`}
        onRow={(l) => ({ 'data-testid': `order-line-${l.sellerSku || l.platformVariantId}`, 'data-state': l.state }) as never}
        columns={[
          { title: t('orders_colListing'), key: 'listing', render: (_: unknown, l) => <ListingCell line={l} listing={listings?.get(lineKey(l))} /> },
          {
            title: t('orders_colSellerSku'), dataIndex: 'sellerSku', width: 140,
            render: (sku: string) => (sku ? <Typography.Text copyable={{ text: sku }}>{sku}</Typography.Text> : <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text>),
          },
          {
            title: t('orders_colSystemSku'), dataIndex: 'systemSku', width: 130,
            render: (sku: string | null) => (sku ? <Typography.Text strong>{sku}</Typography.Text> : <Typography.Text type="warning">{t('orders_notConnected')}</Typography.Text>),
          },
          { title: t('orders_colQuantity'), dataIndex: 'quantity', width: 56, align: 'right', render: (n: number) => formatNumber(n) },
          {
            title: t('orders_colLineState'), key: 'state', width: 170,
            render: (_: unknown, l) => (
              <Space size={4} wrap>
                <LineStateTag state={l.state} />
                {l.shortBy > 0 && <Tag color="error" data-testid="order-line-short">{tn('orders_shortBy', l.shortBy)}</Tag>}
              </Space>
            ),
          },
          ...(!waiting ? [] : [{
            title: '', key: 'action', width: 210,
            render: (_: unknown, l: OrderLine) => {
              if (l.productId !== null) return null;
              const listing = listings?.get(lineKey(l));
              if (listings === undefined) return null;
              if (!listing) return <DownloadFirst store={store} />;
              return (
                <Button size="small" type="primary" ghost icon={<LinkOutlined />} onClick={() => connect(l, listing)} data-testid={`order-line-connect-${listing.storeVariantId}`}>
                  {t('orders_connect')}
                </Button>
              );
            },
          }]),
        ]}
      />
      <ConnectModal
        target={connecting}
        onClose={() => setConnecting(null)}
        onConnected={() => {
          setConnecting(null);
          onChanged?.();
        }}
        onAddSystemSku={(id) => {
          setConnecting(null);
          setAdding([id]);
        }}
      />
      <AddSystemSkuModal
        storeVariantIds={adding}
        onClose={() => setAdding(null)}
        onDone={(result) => {
          setAdding(null);
          setAdded(result);
          onChanged?.();
        }}
      />
      <AddSystemSkuResult result={added} variants={new Map()} onClose={() => setAdded(null)} />
    </>
  );
}
