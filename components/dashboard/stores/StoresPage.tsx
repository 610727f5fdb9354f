// Stores: every connected shop, with who it is on its platform, its status, last download and
// last order check (with its orders' problems and order settings), and what to do with it — test
// the connection, download listings (with progress), authorize again, disable, remove.
// Reads live from IndexedDB (the secret dropped at the source); every change goes through a command.
import { App, Button, Empty, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { StoreStatus } from '@/lib/db/types';
import { t, tn, type MessageKey, uiLocale } from '@/lib/i18n';
import { useBusy } from '@/components/common/useBusy';
import type { JobView } from '@/components/common/useJob';
import { useOrderChecks } from '../orders/CheckOrdersButton';
import { ConnectDrawer, type ConnectStart } from './ConnectDrawer';
import { DemoStoreButton } from './DemoStores';
import { DownloadProgress } from './DownloadProgress';
import { ForeignWritesNotice } from './ForeignWritesNotice';
import { OrderSettingsDrawer } from './OrderSettingsDrawer';
import { PLATFORM_COLOR, PLATFORM_LABEL } from './platforms';
import { ShopIdentity } from './ShopIdentity';
import { ShopifySettingsDrawer } from './ShopifySettingsDrawer';
import { ShopifyVersionNotice } from './ShopifyVersionNotice';
import { StoreActions } from './StoreActions';
import { StoreOrdersCell } from './StoreOrdersCell';
import { useOrderProblems } from './useOrderProblems';
import { byName, toView, type StoreView } from './view';
import { DEFAULT_SHOPIFY_VERSION } from '@/lib/platforms/shopify/versions';

/** The demo marketplace exists only in the test build (`npm start`, e2e). */
const DEMO = import.meta.env.MODE === 'test';

const STATUS: Record<StoreStatus, { color: string; label: MessageKey }> = {
  active: { color: 'success', label: 'stores_status_active' },
  needs_reauthorization: { color: 'warning', label: 'stores_status_needs_reauthorization' },
  disabled: { color: 'default', label: 'stores_status_disabled' },
};

/** store id → the download job running for it (found live, so a reload shows it too). */
function useRunningDownloads(): Map<number, number> {
  const jobs = useLiveQuery(
    () => getDb().jobs.where('[kind+status]').anyOf([['stores.download', 'queued'], ['stores.download', 'running']]).toArray(),
    [],
  );
  return useMemo(() => {
    const map = new Map<number, number>();
    for (const job of jobs ?? []) {
      const storeId = (job.input as { storeId?: number } | null)?.storeId;
      if (typeof storeId === 'number' && job.id > (map.get(storeId) ?? 0)) map.set(storeId, job.id);
    }
    return map;
  }, [jobs]);
}

function LastDownload({ store }: { store: StoreView }) {
  const last = store.download.last;
  if (!last) return <Typography.Text type="secondary">{t('stores_neverDownloaded')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid={`store-last-download-${store.id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {new Date(last.at).toLocaleString(uiLocale())} · {t(last.mode === 'full' ? 'stores_modeFull' : 'stores_modeIncremental')}
      </Typography.Text>
      <Typography.Text type={last.ok ? undefined : 'danger'}>{last.message}</Typography.Text>
    </Space>
  );
}

export function StoresPage() {
  const { message } = App.useApp();
  const stores = useLiveQuery(async () => (await getDb().stores.toArray()).map(toView).sort(byName), []);
  const running = useRunningDownloads();
  const problems = useOrderProblems();
  const checks = useOrderChecks(stores ?? []);
  const [orderSettings, setOrderSettings] = useState<number | null>(null);
  const [shopifySettings, setShopifySettings] = useState<number | null>(null);
  /** Downloads this page follows until `jobs.get` says they ended (started here, or found running),
   *  so the end is reported even when the live query sees it first; and those already reported. */
  const [followed, setFollowed] = useState<Record<number, number>>({});
  const [ended, setEnded] = useState<Set<number>>(() => new Set());
  useEffect(() => {
    setFollowed((f) => {
      const fresh = [...running].filter(([storeId, jobId]) => f[storeId] !== jobId && !ended.has(jobId));
      return fresh.length ? { ...f, ...Object.fromEntries(fresh) } : f;
    });
  }, [running, ended]);
  const { isBusy, run: withBusy } = useBusy();
  const [drawer, setDrawer] = useState<{ open: boolean; start?: ConnectStart }>({ open: false });

  const activeJob = (storeId: number): number | undefined => {
    for (const id of [followed[storeId], running.get(storeId)]) if (id !== undefined && !ended.has(id)) return id;
    return undefined;
  };

  const testConnection = (store: StoreView) =>
    withBusy(`test-${store.id}`, async () => {
      const answer = await call('stores.test', { id: store.id });
      if (answer.ok) message.success(t('stores_testOk', store.name, answer.shopName ?? store.name));
      else message.error(answer.message);
    });

  const download = (store: StoreView, mode: 'full' | 'incremental') =>
    withBusy(`download-${store.id}`, async () => {
      const { jobId } = await call('stores.download', { id: store.id, mode });
      setFollowed((f) => ({ ...f, [store.id]: jobId }));
    });

  const onDownloadEnd = useCallback((store: StoreView, jobId: number, job: JobView | null, pollError?: string) => {
    setEnded((e) => new Set(e).add(jobId));
    setFollowed((f) => {
      const next = { ...f };
      if (next[store.id] === jobId) delete next[store.id];
      return next;
    });
    if (!job) message.error(pollError ?? t('stores_downloadLost'));
    else if (job.status === 'succeeded') message.success(`${store.name}: ${(job.result as { message?: string } | undefined)?.message ?? t('stores_downloadDone')}`);
    else message.error(job.error?.message ?? t('stores_downloadFailed'));
  }, [message]);

  const setEnabled = (store: StoreView, enabled: boolean) =>
    withBusy(`enable-${store.id}`, async () => {
      await call('stores.update', { id: store.id, enabled });
      message.success(t(enabled ? 'stores_enabledToast' : 'stores_disabledToast', store.name));
    });

  const setAutoSync = (store: StoreView, autoSyncDefault: boolean) =>
    withBusy(`autosync-${store.id}`, async () => {
      await call('stores.update', { id: store.id, autoSyncDefault });
    });

  const dismissForeignWrites = (store: StoreView) =>
    withBusy(`foreign-${store.id}`, async () => {
      await call('stores.update', { id: store.id, dismissForeignWrites: true });
    });

  const remove = (store: StoreView) =>
    withBusy(`remove-${store.id}`, async () => {
      const answer = await call('stores.remove', { id: store.id });
      message.success(tn('stores_removedToast', answer.storeProducts, store.name));
    });

  const openConnect = (start?: ConnectStart) => setDrawer({ open: true, start });
  const onConnected = (store: StoreView) => {
    setDrawer({ open: false });
    message.success(t('stores_connectedToast', store.name));
  };
  const onDemoAdded = (names: string[]) => message.success(tn('demo_addedToast', names.length));

  const connectButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => openConnect()} data-testid="store-connect">
      {t('stores_connectStore')}
    </Button>
  );
  const demoButton = DEMO ? <DemoStoreButton onAdded={onDemoAdded} /> : null;
  const nothingYet = stores !== undefined && stores.length === 0;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('stores_title')}</Typography.Title>
          <Typography.Text type="secondary">{t('stores_subtitle')}</Typography.Text>
        </div>
        {stores !== undefined && !nothingYet && (
          <Space wrap>
            {demoButton}
            {connectButton}
          </Space>
        )}
      </Space>

      {nothingYet ? (
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="stores-empty"
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{t('stores_emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('stores_emptyHelp')}</Typography.Text>
              {DEMO && <Typography.Text type="secondary">{t('demo_emptyHelp')}</Typography.Text>}
            </Space>
          }
        >
          <Space>
            {connectButton}
            {demoButton}
          </Space>
        </Empty>
      ) : (
        <>
          {(stores ?? []).filter((s) => s.foreignWrites).map((s) => (
            <ForeignWritesNotice key={s.id} store={s} busy={isBusy(`foreign-${s.id}`)} onDismiss={() => void dismissForeignWrites(s)} />
          ))}
          {(stores ?? []).map((s) => (
            <ShopifyVersionNotice key={`shopify-version-${s.id}`} store={s} now={Date.now()} onSettings={() => setShopifySettings(s.id)} />
          ))}
          <Table<StoreView>
            rowKey="id"
            loading={stores === undefined}
            dataSource={stores ?? []}
            pagination={false}
            size="middle"
            scroll={{ x: 1130 }}
            tableLayout="fixed"
            onRow={(s) => ({ 'data-testid': `store-row-${s.id}` }) as never}
            columns={[
              {
                title: t('stores_col_platform'),
                dataIndex: 'platform',
                width: 100,
                // The region under the platform: the orders column needs the width a column of its own took.
                render: (_: unknown, s) => {
                  const r = s.identity?.region ?? s.region;
                  return (
                    <>
                      <Tag color={PLATFORM_COLOR[s.platform]}>{t(PLATFORM_LABEL[s.platform])}</Tag>
                      {r && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>{r.toUpperCase()}</Typography.Text>}
                      {s.platform === 'shopify' && (
                        <Tooltip title={t('stores_shopifyApiHelp')}>
                          <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => setShopifySettings(s.id)} data-testid={`store-shopify-settings-${s.id}`}>
                            {t('stores_shopifyApi', s.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION)}
                          </Button>
                        </Tooltip>
                      )}
                    </>
                  );
                },
              },
              {
                title: t('stores_col_name'),
                dataIndex: 'name',
                width: 180,
                render: (_: unknown, s) => (
                  <>
                    <Typography.Text strong ellipsis={{ tooltip: s.name }} style={{ display: 'block' }}>{s.name}</Typography.Text>
                    <ShopIdentity store={s} />
                  </>
                ),
              },
              {
                title: t('stores_col_status'),
                dataIndex: 'status',
                width: 120,
                render: (_: unknown, s) => {
                  const tag = <Tag color={STATUS[s.status].color} data-testid={`store-status-${s.id}`}>{t(STATUS[s.status].label)}</Tag>;
                  const why = s.statusReason ?? (s.status === 'disabled' ? t('stores_disabledWhy') : null);
                  return why ? <Tooltip title={why}>{tag}</Tooltip> : tag;
                },
              },
              {
                title: t('stores_col_lastDownload'),
                key: 'download',
                render: (_: unknown, s) => {
                  const jobId = activeJob(s.id);
                  return jobId !== undefined ? (
                    <DownloadProgress key={jobId} jobId={jobId} onEnd={(job, err) => onDownloadEnd(s, jobId, job, err)} />
                  ) : (
                    <LastDownload store={s} />
                  );
                },
              },
              {
                title: t('stores_col_orders'),
                key: 'orders',
                width: 210,
                render: (_: unknown, s) => (
                  <StoreOrdersCell store={s} stores={stores ?? []} problems={problems?.get(s.id)} checks={checks} onSettings={() => setOrderSettings(s.id)} />
                ),
              },
              {
                title: (
                  <Tooltip title={t('stores_autoSyncHelp')}>
                    <span>{t('stores_col_autoSync')}</span>
                  </Tooltip>
                ),
                key: 'autoSync',
                width: 90,
                render: (_: unknown, s) => (
                  <Switch
                    size="small"
                    checked={s.autoSyncDefault}
                    loading={isBusy(`autosync-${s.id}`)}
                    onChange={(on) => setAutoSync(s, on)}
                    aria-label={t('stores_col_autoSync')}
                    data-testid={`store-autosync-${s.id}`}
                  />
                ),
              },
              {
                title: t('stores_col_actions'),
                key: 'actions',
                width: 230,
                render: (_: unknown, s) => (
                  <StoreActions
                    store={s}
                    downloading={activeJob(s.id) !== undefined}
                    busy={(action) => isBusy(`${action}-${s.id}`)}
                    onReauthorize={() => openConnect({ platform: s.platform, tab: 'authorize', store: s })}
                    onTest={() => void testConnection(s)}
                    onDownload={(mode) => void download(s, mode)}
                    onEnable={(enabled) => void setEnabled(s, enabled)}
                    onRemove={() => void remove(s)}
                  />
                ),
              },
            ]}
          />
        </>
      )}

      {checks.watchers}
      <OrderSettingsDrawer store={stores?.find((s) => s.id === orderSettings) ?? null} onClose={() => setOrderSettings(null)} />
      <ShopifySettingsDrawer store={stores?.find((s) => s.id === shopifySettings) ?? null} onClose={() => setShopifySettings(null)} />
      <ConnectDrawer open={drawer.open} start={drawer.start} onClose={() => setDrawer({ open: false })} onConnected={onConnected} />
    </div>
  );
}
