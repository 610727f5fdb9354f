// The columns of the store product list. A listing's variants are lines that line up across the
// variant, price, stock and push-quantity columns; long variant lists end with "+N more".
// They fit the dashboard from 1024 px wide (collapsed sidebar) without scrolling sideways: fixed
// widths for the numbers and the sync status, the product column takes what is left (its status,
// update time and marks sit under the title rather than in a column of their own).
import { Button, Space, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined, DisconnectOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';
import { shortDate } from '@/components/common/time';
import { PushQuantity } from './ExplainQuantity';
import { ListingImage } from '@/components/common/ListingImage';
import { ListingMarks, PlatformStock } from './ListingMarks';
import { StatusTag } from './StatusTag';
import { SyncStatusIcon } from './SyncStatusIcon';
import type { Listing, ListingVariant } from './types';

export type SortKey = 'updated' | 'title' | 'itemId' | 'stock';
export const MAX_LINES = 4;
/** Below this the product column would get too narrow: the table scrolls instead. */
export const LIST_MIN_WIDTH = 860;
/** Read by screen readers (and found by tests), not shown. */
const HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };
const LINE: React.CSSProperties = { height: 24, lineHeight: '24px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

function lines(listing: Listing, render: (v: ListingVariant) => ReactNode, more?: ReactNode) {
  const shown = listing.variants.slice(0, MAX_LINES);
  return (
    <div>
      {shown.map((v) => (
        <div key={v.id} style={LINE}>{render(v)}</div>
      ))}
      {listing.variants.length > MAX_LINES && <div style={LINE}>{more ?? '\u00a0'}</div>}
      {listing.variants.length === 0 && <Typography.Text type="secondary">{t('sp_noVariants')}</Typography.Text>}
    </div>
  );
}

export function VariantLink({ v }: { v: Pick<ListingVariant, 'sellerSku' | 'systemSku' | 'productId'> }) {
  return (
    <Space size={4} title={`${v.sellerSku || t('sp_noSku')} → ${v.productId !== null ? v.systemSku : t('sp_notConnected')}`}>
      {v.sellerSku ? <Typography.Text>{v.sellerSku}</Typography.Text> : <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text>}
      <ArrowRightOutlined style={{ color: '#bfbfbf', fontSize: 11 }} />
      {v.productId !== null ? (
        <Typography.Text strong>{v.systemSku}</Typography.Text>
      ) : (
        // A mark, not a tag: the words ("Not connected", "ยังไม่จับคู่", "Chưa liên kết") do not fit
        // beside a seller SKU in a line that must stay level with the other columns' lines.
        <Tooltip title={t('sp_notConnected')}>
          <Typography.Text type="danger" data-testid="sp-not-connected">
            <DisconnectOutlined aria-hidden />
            <span style={HIDDEN}>{t('sp_notConnected')}</span>
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}

interface Options {
  sort: SortKey;
  order: 'asc' | 'desc';
  onOpen: (listing: Listing) => void;
}

export function productColumns({ sort, order, onOpen }: Options): TableColumnsType<Listing> {
  const sorted = (key: SortKey): SortOrder => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const more = (l: Listing) => (
    <Button type="link" size="small" style={{ padding: 0, height: 24 }} onClick={() => onOpen(l)}>
      {tn('sp_moreVariants', l.variants.length - MAX_LINES)}
    </Button>
  );
  return [
    { title: t('sp_colImage'), key: 'image', width: 64, render: (_, l) => <ListingImage url={l.imageUrl} /> },
    {
      title: t('sp_colProduct'), key: 'title', sorter: true, sortOrder: sorted('title'),
      render: (_, l) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Link onClick={() => onOpen(l)} strong data-testid={`sp-title-${l.id}`} style={{ display: 'block' }}>
            {l.title || t('sp_untitled')}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: l.platformItemId }}>
            {t('sp_itemId', l.platformItemId)}
          </Typography.Text>
          <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', alignItems: 'center', rowGap: 4 }}>
            <StatusTag listing={l} />
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>{shortDate(l.platformUpdatedAt || l.updatedAt)}</Typography.Text>
            <ListingMarks listing={l} />
          </div>
        </div>
      ),
    },
    {
      title: <Tooltip title={t('sp_colVariantsHelp')}>{t('sp_colVariants')}</Tooltip>, key: 'variants', width: 190,
      render: (_, l) => lines(l, (v) => <VariantLink v={v} />, more(l)),
    },
    { title: t('sp_colPrice'), key: 'price', align: 'right', width: 84, render: (_, l) => lines(l, (v) => formatNumber(v.price, 2)) },
    {
      title: t('sp_colPlatformStock'), key: 'stock', align: 'right', width: 92, sorter: true, sortOrder: sorted('stock'),
      render: (_, l) => lines(l, (v) => <PlatformStock variant={v} />),
    },
    {
      title: <Tooltip title={t('sp_colPushHelp')}>{t('sp_colPush')}</Tooltip>, key: 'push', align: 'right', width: 92,
      render: (_, l) => lines(l, (v) => <PushQuantity variant={v} />),
    },
    { title: t('sp_colSyncStatus'), key: 'sync', width: 118, render: (_, l) => <SyncStatusIcon listing={l} /> },
  ];
}
