// Unconnected (PRODUCT.md flow 10): store variants without a system product, with the reason and
// its count as filter tags; connect one manually (a suggested candidate in one click, or any
// system product with Connect…), or Add system SKU for the selected; re-run auto-connect.
import { Alert, App, Button, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { LinkOutlined, PlusOutlined, SearchOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { useBusy } from '@/components/common/useBusy';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { formatNumber, PAGE_SIZES } from '../inventory/format';
import { AddSystemSkuResult } from './AddSystemSkuResult';
import { AddSystemSkuModal, type AddResult } from './AddSystemSkuModal';
import { ConnectModal, optionText, type ConnectTarget } from './ConnectModal';
import { goTo } from './location';
import { ListingImage } from '@/components/common/ListingImage';
import { REASON_COLOR, REASON_SENTENCE, REASON_TAG, REASONS } from './reasons';
import type { ConnectReason, UnconnectedVariant } from './types';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import type { StoreView } from '@/components/common/useStores';

const CHIP: React.CSSProperties = { border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 13 };

export function UnconnectedView({ store }: { store: StoreView }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState<ConnectReason | undefined>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [connecting, setConnecting] = useState<ConnectTarget | null>(null);
  const { isBusy, run } = useBusy();
  const [addResult, setAddResult] = useState<AddResult | null>(null);
  const seen = useRef(new Map<number, UnconnectedVariant>());

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);

  const changed = useLiveSignal(
    () => Promise.all([getDb().storeVariants.count(), getDb().products.count()]),
    [store.id],
    500,
  );
  const list = useCommandQuery(
    () => call('storeVariants.list', { storeId: store.id, connected: false, reason, q: q || undefined, page, pageSize }),
    [store.id, reason, q, page, pageSize],
    changed,
  );
  for (const v of list.data?.items ?? []) seen.current.set(v.id, v);
  const reasons = list.data?.reasons;
  const all = reasons ? Object.values(reasons).reduce((s, n) => s + n, 0) : undefined;

  // A candidate opens Connect with it chosen: the number it would push shows before confirming.
  const quickConnect = (v: UnconnectedVariant, c: { id: number; sku: string; name: string }) =>
    setConnecting({ id: v.id, title: v.title, sellerSku: v.sellerSku, options: v.options, product: c });

  const [adding, setAdding] = useState<number[] | null>(null);

  const autoConnect = () =>
    run('auto', async () => {
      const result = await call('stores.autoConnect', { id: store.id });
      if ('message' in result && result.message) message.info(result.message);
      else message.success(t('unc_autoConnectDone', result.connected, result.unconnected));
      list.reload();
    });

  // Everything connected: say so (the result of a last Add system SKU stays on screen).
  const allConnected = !!list.data && all === 0;
  const modals = (
    <>
      <ConnectModal
        target={connecting}
        onClose={() => setConnecting(null)}
        onConnected={() => {
          setSelected((s) => s.filter((id) => id !== connecting?.id));
          setConnecting(null);
          list.reload();
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
          setAddResult(result);
          setSelected([]);
          list.reload();
        }}
      />
      <AddSystemSkuResult result={addResult} variants={seen.current} onClose={() => setAddResult(null)} />
    </>
  );
  if (allConnected) {
    return (
      <>
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="unc-empty"
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{t('unc_emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('unc_emptyHelp')}</Typography.Text>
            </Space>
          }
        >
          <Button onClick={() => goTo({ platform: store.platform, storeId: store.id, view: 'products' })}>{t('unc_backToProducts')}</Button>
        </Empty>
        {modals}
      </>
    );
  }

  return (
    <div data-testid="unc">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('unc_intro')}</Typography.Paragraph>
      <Space wrap size={[4, 8]} style={{ marginBottom: 12 }} data-testid="unc-reasons">
        <Tag.CheckableTag style={CHIP} checked={reason === undefined} onChange={() => { setReason(undefined); setPage(1); }} data-testid="unc-reason-all">
          {t('unc_reasonAll', formatNumber(all ?? 0))}
        </Tag.CheckableTag>
        {REASONS.map((r) => (
          <Tag.CheckableTag
            key={r}
            style={CHIP}
            checked={reason === r}
            onChange={(on) => {
              setReason(on ? r : undefined);
              setPage(1);
            }}
            data-testid={`unc-reason-${r}`}
          >
            {t(REASON_TAG[r])} <b>{formatNumber(reasons?.[r] ?? 0)}</b>
          </Tag.CheckableTag>
        ))}
      </Space>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            placeholder={t('unc_searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 300 }}
            data-testid="unc-search"
          />
          <Tooltip title={t('unc_addHelp')}>
            <Button type="primary" icon={<PlusOutlined />} disabled={!selected.length} onClick={() => setAdding(selected)} data-testid="unc-add-sku">
              {t('unc_addSku')}{selected.length ? ` (${selected.length})` : ''}
            </Button>
          </Tooltip>
          {selected.length > 0 && <Typography.Link onClick={() => setSelected([])}>{t('sp_clearSelection')}</Typography.Link>}
        </Space>
        <Tooltip title={t('unc_autoConnectHelp')}>
          <Button icon={<ThunderboltOutlined />} loading={isBusy('auto')} onClick={() => void autoConnect()} data-testid="unc-autoconnect">
            {t('unc_autoConnect')}
          </Button>
        </Tooltip>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<UnconnectedVariant>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sp_noMatch')} /> }}
        rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as number[]), columnWidth: 40 }}
        onRow={(v) => ({ 'data-testid': `unc-row-${v.sellerSku || `empty-${v.id}`}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => tn('unc_total', n),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        columns={[
          { title: t('sp_colImage'), key: 'image', width: 72, render: (_, v) => <ListingImage url={v.imageUrl} /> },
          {
            title: t('unc_colTitle'), key: 'title', width: 240,
            render: (_, v) => (
              <div>
                <Typography.Text strong style={{ display: 'block' }} ellipsis={{ tooltip: v.title }}>{v.title || t('sp_untitled')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sp_itemId', v.platformItemId)}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('unc_colSellerSku'), key: 'sku', width: 160,
            render: (_, v) => (
              <div>
                {v.sellerSku ? <Typography.Text code>{v.sellerSku}</Typography.Text> : <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text>}
                {!!optionText(v.options) && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{optionText(v.options)}</Typography.Text></div>}
              </div>
            ),
          },
          {
            title: t('unc_colWhy'), key: 'reason', width: 280,
            render: (_, v) =>
              v.reason && (
                <div data-testid={`unc-reason-of-${v.id}`}>
                  <Tag color={REASON_COLOR[v.reason]}>{t(REASON_TAG[v.reason])}</Tag>
                  <div><Typography.Text type="secondary" style={{ fontSize: 13 }}>{t(REASON_SENTENCE[v.reason], v.sellerSku)}</Typography.Text></div>
                </div>
              ),
          },
          {
            title: t('unc_colConnect'), key: 'connect', width: 240,
            render: (_, v) => (
              <Space orientation="vertical" size={4} align="start">
                {v.candidates.map((c) => (
                  <Tooltip key={c.id} title={c.name}>
                    <Button size="small" icon={<LinkOutlined />} onClick={() => quickConnect(v, c)} data-testid={`unc-candidate-${v.id}-${c.sku}`}>
                      {t('unc_connectTo', c.sku)}
                    </Button>
                  </Tooltip>
                ))}
                <Button size="small" type="link" onClick={() => setConnecting({ id: v.id, title: v.title, sellerSku: v.sellerSku, options: v.options })} data-testid={`unc-connect-${v.id}`}>
                  {t('unc_connectDots')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modals}
    </div>
  );
}
