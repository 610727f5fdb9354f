// To be published (PRODUCT.md flow 9): the store's drafts — copies made with Clone, or drafts made
// from system products — with the edit page (?draft=ID), Release and Delete for the selected ones.
import { Alert, App, Button, Empty, Segmented, Space, Table, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, FormOutlined, RocketOutlined } from '@ant-design/icons';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { storeLabel } from '@/lib/stores/label';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { PAGE_SIZES, formatNumber } from '../inventory/format';
import { hrefOf } from '../routes';
import { goTo, moduleHref } from '../store-products/location';
import { useStores, type StoreView } from '@/components/common/useStores';
import { draftColumns } from './draftColumns';
import { DraftEditor } from './DraftEditor';
import { ReleaseModal, type ReleaseRun } from './ReleaseModal';
import { BulkSetModal } from './BulkSetModal';
import { MARKETPLACES } from '@/lib/drafts/catalogChecks';
import type { Platform } from '@/lib/platforms/types';
import type { DraftView } from './types';
import { useDraftsSignal } from './useDraftCount';

type StatusFilter = 'all' | 'draft' | 'publishing' | 'failed';

interface Props {
  store: StoreView;
  /** The draft whose edit page is open (from the URL). */
  openDraft?: number;
  onOpenDraft: (id: number | undefined) => void;
}

export function DraftsView({ store, openDraft, onOpenDraft }: Props) {
  const { message, modal } = App.useApp();
  const { byId } = useStores();
  const storeNames = useMemo(() => new Map([...byId].map(([id, s]) => [id, storeLabel(s)])), [byId]);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [run, setRun] = useState<ReleaseRun | null>(null);
  const [busy, setBusy] = useState<'release' | 'delete' | null>(null);
  const [bulkSet, setBulkSet] = useState(false);
  const changed = useDraftsSignal(store.id);
  const list = useCommandQuery(
    () => call('drafts.list', { storeId: store.id, status: status === 'all' ? undefined : status, page, pageSize }),
    [store.id, status, page, pageSize],
    changed,
  );
  const total = list.data?.total ?? 0;
  // From the last answer (kept while a reload runs), so the view does not flicker between states.
  const nothingYet = !!list.data && !list.error && total === 0 && status === 'all';

  async function startRelease(drafts: DraftView[]) {
    const { jobId } = await call('drafts.release', { draftIds: drafts.map((d) => d.id) });
    setRun({ jobId, titles: new Map(drafts.map((d) => [d.id, d.title])) });
    setSelected((keys) => keys.filter((k) => !drafts.some((d) => d.id === k)));
  }

  async function releaseSelected() {
    setBusy('release');
    try {
      const drafts = await Promise.all(selected.map((id) => call('drafts.get', { id })));
      const ready = drafts.filter((d) => !d.validation.length && d.status !== 'publishing');
      const notReady = drafts.filter((d) => !ready.includes(d));
      if (!ready.length) {
        modal.warning({ title: t('release_noneReady'), content: <NotReadyList drafts={notReady} />, okText: t('release_ok_button') });
        return;
      }
      if (notReady.length) {
        modal.confirm({
          title: tn('release_someNotReady', ready.length, drafts.length),
          content: <NotReadyList drafts={notReady} />,
          okText: tn('release_releaseN', ready.length),
          cancelText: t('common_cancel'),
          onOk: () => startRelease(ready).catch((err: unknown) => void message.error(errorText(err))),
        });
        return;
      }
      await startRelease(ready);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  function deleteSelected() {
    modal.confirm({
      title: tn('draft_deleteConfirm', selected.length),
      content: t('draft_deleteHelp'),
      okText: t('draft_delete'),
      okButtonProps: { danger: true },
      cancelText: t('common_cancel'),
      onOk: async () => {
        setBusy('delete');
        const refused: string[] = [];
        let removed = 0;
        for (const id of selected) {
          try {
            await call('drafts.remove', { id });
            removed++;
          } catch (err) {
            refused.push(errorText(err));
          }
        }
        setBusy(null);
        setSelected([]);
        list.reload();
        if (removed) message.success(tn('draft_deleted', removed));
        if (refused.length) message.error(refused[0]!);
      },
    });
  }

  const editor = openDraft !== undefined && (
    <DraftEditor
      key={openDraft}
      draftId={openDraft}
      store={store}
      storeNames={storeNames}
      onClose={() => onOpenDraft(undefined)}
      onRelease={(d) => {
        onOpenDraft(undefined);
        startRelease([d]).catch((err: unknown) => void message.error(errorText(err)));
      }}
    />
  );
  const releaseModal = (
    <ReleaseModal
      run={run}
      store={store}
      onClose={() => setRun(null)}
      onEdit={(id) => {
        setRun(null);
        onOpenDraft(id);
      }}
      onFinished={list.reload}
      onRetry={async (id) => {
        try {
          await startRelease([await call('drafts.get', { id })]);
        } catch (err) {
          message.error(errorText(err));
        }
      }}
    />
  );
  const titles = new Map((list.data?.items ?? []).map((d) => [d.id, d.title]));
  const bulkSetModal = bulkSet && (
    <BulkSetModal storeId={store.id} platform={store.platform as Platform} draftIds={selected} titles={titles} onClose={() => setBulkSet(false)} onDone={list.reload} />
  );

  const none = selected.length === 0;
  return (
    <>
      {nothingYet ? (
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="sp-drafts-empty"
          description={
            <Space orientation="vertical" style={{ maxWidth: 560 }}>
              <Typography.Text strong>{t('draft_emptyTitle', store.name)}</Typography.Text>
              <Typography.Text type="secondary">{t('draft_emptyHelp')}</Typography.Text>
            </Space>
          }
        >
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button type="primary" icon={<CopyOutlined />} onClick={() => goTo({ platform: store.platform, storeId: store.id, view: 'products' })} data-testid="draft-empty-clone">
              {t('draft_emptyClone')}
            </Button>
            <Button href={hrefOf('inventory/products')} data-testid="draft-empty-products">{t('draft_emptyFromProducts')}</Button>
          </Space>
        </Empty>
      ) : (
        <div data-testid="drafts">
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
            <Space wrap>
              <Button type="primary" icon={<RocketOutlined />} disabled={none} loading={busy === 'release'} onClick={() => void releaseSelected()} data-testid="draft-release-selected">
                {t('draft_releaseSelected')}
              </Button>
              {MARKETPLACES.has(store.platform as Platform) && (
                <Button icon={<FormOutlined />} disabled={none} onClick={() => setBulkSet(true)} data-testid="draft-bulk-set">
                  {t('bulk_setButton')}
                </Button>
              )}
              <Button danger icon={<DeleteOutlined />} disabled={none} loading={busy === 'delete'} onClick={deleteSelected} data-testid="draft-delete-selected">
                {t('draft_delete')}
              </Button>
              {!none && (
                <Typography.Text type="secondary" data-testid="draft-selected-count">
                  {t('sp_nSelected', formatNumber(selected.length))}{' '}
                  <Typography.Link onClick={() => setSelected([])}>{t('sp_clearSelection')}</Typography.Link>
                </Typography.Text>
              )}
            </Space>
            <Segmented<StatusFilter>
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={[
                { value: 'all', label: t('draft_filterAll') },
                { value: 'draft', label: t('draft_status_draft') },
                { value: 'publishing', label: t('draft_status_publishing') },
                { value: 'failed', label: t('draft_status_failed') },
              ]}
              data-testid="draft-status-filter"
            />
          </div>
          {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
          <Table<DraftView>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            loading={list.loading && !list.data}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('draft_noneWithStatus')} /> }}
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: (keys) => setSelected(keys as number[]),
              getCheckboxProps: (d) => ({ disabled: d.status === 'publishing' }),
              columnWidth: 40,
            }}
            onRow={(d) => ({ 'data-testid': `draft-row-${d.id}` }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => tn('draft_total', n),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            columns={draftColumns({ href: (d) => moduleHref({ platform: store.platform, storeId: store.id, view: 'drafts', draft: d.id }), storeNames })}
          />
        </div>
      )}
      {editor}
      {releaseModal}
      {bulkSetModal}
    </>
  );
}

function NotReadyList({ drafts }: { drafts: DraftView[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="release-not-ready">
      {drafts.map((d) => (
        <li key={d.id}>
          <Typography.Text strong>{d.title || t('draft_untitled')}</Typography.Text>
          {': '}
          {d.status === 'publishing' ? t('draft_releaseBusy') : d.validation.map((p) => p.message).join(' ')}
        </li>
      ))}
    </ul>
  );
}
