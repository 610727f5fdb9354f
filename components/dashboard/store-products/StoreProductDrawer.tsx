// A listing in detail: every variant (seller SKU, options, system SKU, price, platform stock, push
// quantity with its explanation, last sync), the listing's sync log, Sync now, Retry failed,
// auto sync on/off, and per variant Disconnect (or Connect… when it is not connected).
import { Alert, App, Button, Drawer, Popconfirm, Space, Spin, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, DisconnectOutlined, LinkOutlined, RedoOutlined } from '@ant-design/icons';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t, tn } from '@/lib/i18n';
import { useBusy, useNoRuleDialog } from '@/components/common/useBusy';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { formatNumber, formatTime } from '../inventory/format';
import { LogStatusTag } from '../sync/labels';
import { SyncJobModal } from '../sync/SyncJobModal';
import { SyncLogTable } from '../sync/SyncLogTable';
import { ConnectModal, optionText, type ConnectTarget } from './ConnectModal';
import { AutoSyncConfirm } from './AutoSyncConfirm';
import { PushQuantity } from './ExplainQuantity';
import { ListingImage } from '@/components/common/ListingImage';
import { ListingMarks, PlatformStock, notManagedOf } from './ListingMarks';
import { StatusTag } from './StatusTag';
import { SyncStatusIcon } from './SyncStatusIcon';
import { shortTime } from '@/components/common/time';
import type { ListingVariant } from './types';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import { useQueued, withQueued } from './useQueued';
import type { StoreView } from '@/components/common/useStores';

interface Props {
  storeProductId: number | null;
  store: StoreView;
  onClose: () => void;
  onOpenRules: () => void;
}

export function StoreProductDrawer({ storeProductId, store, onClose, onOpenRules }: Props) {
  const { message } = App.useApp();
  const open = storeProductId !== null;
  const changed = useLiveSignal(() => {
    const db = getDb();
    if (storeProductId === null) return Promise.resolve(null);
    return Promise.all([db.storeProducts.get(storeProductId), db.storeVariants.where('storeProductId').equals(storeProductId).toArray(), db.stockLevels.count(), db.ruleStores.get(store.id)]);
  }, [storeProductId, store.id], 400);
  const query = useCommandQuery(() => (storeProductId === null ? Promise.resolve(undefined) : call('storeProducts.get', { id: storeProductId })), [storeProductId], changed);
  const queued = useQueued(query.data ? [query.data] : undefined);
  const listing = query.data && withQueued(query.data, queued);
  const { isBusy, run } = useBusy(useNoRuleDialog(onOpenRules));
  const [job, setJob] = useState<{ id: number; title: string } | null>(null);
  const [connecting, setConnecting] = useState<ConnectTarget | null>(null);
  const failedVariants = listing?.variants.filter((v) => v.lastSync?.status === 'failed').length ?? 0;

  const syncNow = () =>
    run('sync', async () => {
      const { jobId } = await call('storeProducts.sync', { storeId: store.id, storeProductIds: [storeProductId!] });
      setJob({ id: jobId, title: t('sp_syncOneTitle', listing?.title ?? '') });
    });

  const retryFailed = () =>
    run('retry', async () => {
      const failed = await call('syncLogs.list', { storeId: store.id, storeProductId: storeProductId!, status: 'failed', pageSize: 500 });
      if (!failed.items.length) {
        message.info(t('sp_retryNothing'));
        return;
      }
      const answer = await call('syncLogs.retry', { storeId: store.id, ids: failed.items.map((l) => l.id) });
      if (answer.jobId === null) message.info(t('sp_retryNothing'));
      else setJob({ id: answer.jobId, title: tn('sp_retryTitle', answer.variants) });
    });

  // On pushes at once, so it is confirmed with what it pushes (AutoSyncConfirm); off pushes nothing.
  const [confirmOn, setConfirmOn] = useState(false);
  const setAuto = (enabled: boolean) =>
    enabled
      ? setConfirmOn(true)
      : run('auto', async () => {
          await call('storeProducts.setAutoSync', { storeId: store.id, storeProductIds: [storeProductId!], enabled });
          message.success(t('sp_autoOffOne'));
          query.reload();
        });

  const disconnect = (v: ListingVariant) =>
    run(`disconnect-${v.id}`, async () => {
      await call('storeVariants.disconnect', { id: v.id });
      message.success(t('sp_disconnectedToast', v.sellerSku || '—'));
      query.reload();
    });

  return (
    <>
    <AutoSyncConfirm
      storeId={store.id}
      target={confirmOn && storeProductId ? { storeProductIds: [storeProductId] } : null}
      count={1}
      onClose={() => setConfirmOn(false)}
      onDone={() => {
        setConfirmOn(false);
        query.reload();
      }}
    />
    <Drawer
      open={open}
      onClose={onClose}
      size="min(1040px, 100vw)"
      destroyOnHidden
      title={listing ? listing.title || t('sp_untitled') : t('sp_detailTitle')}
      extra={
        listing && (
          <Space>
            <Tooltip title={t('sp_autoSwitchHelp')}>
              <Space size={6}>
                <Typography.Text>{t('sp_autoSyncLabel')}</Typography.Text>
                <Switch checked={listing.autoSync} loading={isBusy('auto')} onChange={setAuto} data-testid="spd-auto" />
              </Space>
            </Tooltip>
            <Button icon={<RedoOutlined />} disabled={failedVariants === 0} loading={isBusy('retry')} onClick={() => void retryFailed()} data-testid="spd-retry">
              {t('sp_retryFailed')}{failedVariants ? ` (${failedVariants})` : ''}
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={isBusy('sync')} onClick={() => void syncNow()} data-testid="spd-sync">
              {t('sp_syncNow')}
            </Button>
          </Space>
        )
      }
    >
      {query.error && <Alert type="error" showIcon title={query.error} />}
      {!listing && !query.error && <Spin />}
      {listing && (
        <div data-testid="sp-detail">
          <Space align="start" size="large" style={{ marginBottom: 16 }}>
            <ListingImage url={listing.imageUrl} size={72} />
            <Space orientation="vertical" size={4}>
              <Typography.Text type="secondary" copyable={{ text: listing.platformItemId }}>{t('sp_itemId', listing.platformItemId)}</Typography.Text>
              <Space wrap size={[0, 4]}>
                <StatusTag listing={listing} />
                <SyncStatusIcon listing={listing} />
              </Space>
              <div><ListingMarks listing={listing} /></div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sp_updatedOnPlatform', formatTime(listing.platformUpdatedAt || listing.updatedAt))}</Typography.Text>
            </Space>
          </Space>
          {notManagedOf(listing) > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="spd-not-managed" title={tn('sp_notManaged', notManagedOf(listing))} description={t('sp_notManagedHelp')} />
          )}
          <Typography.Title level={5}>{t('sp_variantsTitle', listing.variants.length)}</Typography.Title>
          <Table<ListingVariant>
            rowKey="id"
            size="small"
            pagination={listing.variants.length > 20 ? { pageSize: 20 } : false}
            dataSource={listing.variants}
            scroll={{ x: 940 }}
            onRow={(v) => ({ 'data-testid': `spd-variant-${v.sellerSku || v.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('sp_colSellerSku'), dataIndex: 'sellerSku', width: 130, ellipsis: true, render: (v: string) => v || <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text> },
              { title: t('sp_colOptions'), key: 'options', width: 120, ellipsis: true, render: (_, v) => optionText(v.options) || '—' },
              {
                title: t('sp_colSystemSku'), key: 'system', width: 130, ellipsis: true,
                render: (_, v) => (v.productId !== null ? <Typography.Text strong>{v.systemSku}</Typography.Text> : <Tag color="error">{t('sp_notConnected')}</Tag>),
              },
              { title: t('sp_colPrice'), dataIndex: 'price', width: 80, align: 'right', render: (p: number | null) => formatNumber(p, 2) },
              { title: t('sp_colPlatformStock'), key: 'platformStock', width: 100, align: 'right', render: (_, v) => <PlatformStock variant={v} /> },
              { title: t('sp_colPush'), key: 'push', width: 100, align: 'right', render: (_, v) => <PushQuantity variant={v} /> },
              {
                title: t('sp_colLastSync'), key: 'last', width: 170,
                render: (_, v) =>
                  v.lastSync ? (
                    <Tooltip title={v.lastSync.error ?? undefined}>
                      <Space orientation="vertical" size={0}>
                        <Space size={4}>
                          <LogStatusTag status={v.lastSync.status} />
                          {v.lastSync.quantity !== null && <Typography.Text>{formatNumber(v.lastSync.quantity)}</Typography.Text>}
                        </Space>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{shortTime(v.lastSync.at)}</Typography.Text>
                      </Space>
                    </Tooltip>
                  ) : (
                    <Typography.Text type="secondary">{t('sp_syncNever')}</Typography.Text>
                  ),
              },
              {
                title: '', key: 'actions', width: 120,
                render: (_, v) =>
                  v.productId !== null ? (
                    <Popconfirm
                      title={t('sp_disconnectConfirm', v.sellerSku || '—', v.systemSku ?? '')}
                      description={t('sp_disconnectHelp')}
                      okText={t('sp_disconnect')}
                      cancelText={t('common_cancel')}
                      onConfirm={() => disconnect(v)}
                    >
                      <Button size="small" type="link" danger icon={<DisconnectOutlined />} loading={isBusy(`disconnect-${v.id}`)} data-testid={`spd-disconnect-${v.id}`}>
                        {t('sp_disconnect')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" type="link" icon={<LinkOutlined />} onClick={() => setConnecting({ id: v.id, title: listing.title, sellerSku: v.sellerSku, options: v.options })} data-testid={`spd-connect-${v.id}`}>
                      {t('unc_connectDots')}
                    </Button>
                  ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('sp_logTitle')}</Typography.Title>
          <div data-testid="spd-log">
            <SyncLogTable storeId={store.id} storeProductId={listing.id} pageSize={10} />
          </div>
        </div>
      )}
      <ConnectModal target={connecting} onClose={() => setConnecting(null)} onConnected={() => { setConnecting(null); query.reload(); }} />
      <SyncJobModal jobId={job?.id ?? null} title={job?.title ?? ''} onClose={() => setJob(null)} onFinished={query.reload} />
    </Drawer>
    </>
  );
}
