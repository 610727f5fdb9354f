// Acting on many listings: the selected ones (Sync inventory, Clone, More → Auto synchronization on/off)
// or all items matching the current filter (All items → …). With no filter "all" is sent as
// `all: true`; with a filter the background first answers the matching ids.
import { App, Button, Dropdown, Space, Typography } from 'antd';
import { CloudUploadOutlined, CopyOutlined, DownOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { useBusy, useNoRuleDialog } from '@/components/common/useBusy';
import { formatNumber } from '../inventory/format';
import { AutoSyncConfirm } from './AutoSyncConfirm';
import { isFiltered, type ProductFilter } from './ProductFilters';

type Target = { storeProductIds: number[] } | { all: true };

interface Props {
  storeId: number;
  selected: number[];
  filter: ProductFilter;
  /** Listings matching the filter. */
  total: number;
  onClearSelection: () => void;
  onSyncStarted: (jobId: number, count: number) => void;
  onOpenRules: () => void;
  onChanged: () => void;
  /** Clone the selected listings to other stores (To be published). */
  onClone: () => void;
}

export function BulkActions({ storeId, selected, filter, total, onClearSelection, onSyncStarted, onOpenRules, onChanged, onClone }: Props) {
  const { message, modal } = App.useApp();
  const { isBusy, run } = useBusy(useNoRuleDialog(onOpenRules));

  async function allTarget(): Promise<Target | null> {
    if (!isFiltered(filter)) return { all: true };
    const answer = await call('storeProducts.list', {
      storeId, q: filter.q || undefined, status: filter.status, connected: filter.connected, autoSync: filter.autoSync, syncStatus: filter.syncStatus, differs: filter.differs, idsOnly: true,
    });
    return answer.ids?.length ? { storeProductIds: answer.ids } : null;
  }

  const sync = (target: Target, count: number) =>
    run('sync', async () => {
      const { jobId } = await call('storeProducts.sync', { storeId, ...target });
      onSyncStarted(jobId, count);
    });

  // Switching on pushes now, so it is confirmed with what it pushes (AutoSyncConfirm); off pushes nothing.
  const [confirmOn, setConfirmOn] = useState<{ target: Target; count: number } | null>(null);
  const autoSync = (target: Target, enabled: boolean, count: number) =>
    enabled
      ? setConfirmOn({ target, count })
      : run('off', async () => {
          const { updated } = await call('storeProducts.setAutoSync', { storeId, ...target, enabled });
          message.success(tn('sp_autoOffDoneN', updated));
          onChanged();
        });

  const onAll = (action: 'sync' | 'on' | 'off') => {
    if (action === 'on') {
      void run('on', async () => {
        const target = await allTarget();
        if (!target) message.info(t('sp_allNothing'));
        else setConfirmOn({ target, count: 'storeProductIds' in target ? target.storeProductIds.length : total });
      });
      return;
    }
    const what = t(action === 'sync' ? 'sp_allSync' : 'sp_allAutoOff');
    modal.confirm({
      title: tn('sp_allConfirmTitle', total, what),
      content: isFiltered(filter) ? t('sp_allConfirmFiltered') : t('sp_allConfirmEverything'),
      okText: what,
      cancelText: t('common_cancel'),
      onOk: () =>
        run(action, async () => {
          const target = await allTarget();
          if (!target) {
            message.info(t('sp_allNothing'));
            return;
          }
          if (action === 'sync') {
            const { jobId } = await call('storeProducts.sync', { storeId, ...target });
            onSyncStarted(jobId, 'storeProductIds' in target ? target.storeProductIds.length : total);
          } else {
            const { updated } = await call('storeProducts.setAutoSync', { storeId, ...target, enabled: false });
            message.success(tn('sp_autoOffDoneN', updated));
            onChanged();
          }
        }),
    });
  };

  const none = selected.length === 0;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="sp-bulk">
      <Button type="primary" icon={<CloudUploadOutlined />} disabled={none} loading={isBusy('sync')} onClick={() => void sync({ storeProductIds: selected }, selected.length)} data-testid="sp-sync-selected">
        {t('sp_syncInventory')}
      </Button>
      <Button icon={<CopyOutlined />} disabled={none} onClick={onClone} data-testid="sp-clone">
        {t('clone_button')}
      </Button>
      <Dropdown
        disabled={none}
        trigger={['click']}
        menu={{
          items: [
            { key: 'on', icon: <ThunderboltOutlined />, label: <span data-testid="sp-more-auto-on">{t('sp_moreAutoOn')}</span> },
            { key: 'off', label: <span data-testid="sp-more-auto-off">{t('sp_moreAutoOff')}</span> },
          ],
          onClick: ({ key }) => void autoSync({ storeProductIds: selected }, key === 'on', selected.length),
        }}
      >
        <Button loading={isBusy('on') || isBusy('off')} data-testid="sp-more">
          {t('sp_more')} <DownOutlined />
        </Button>
      </Dropdown>
      <Dropdown
        disabled={total === 0}
        trigger={['click']}
        menu={{
          items: [
            { key: 'sync', icon: <CloudUploadOutlined />, label: <span data-testid="sp-all-sync">{t('sp_allSync')}</span> },
            { key: 'on', icon: <ThunderboltOutlined />, label: <span data-testid="sp-all-auto-on">{t('sp_allAutoOn')}</span> },
            { key: 'off', label: <span data-testid="sp-all-auto-off">{t('sp_allAutoOff')}</span> },
          ],
          onClick: ({ key }) => onAll(key as 'sync' | 'on' | 'off'),
        }}
      >
        <Button data-testid="sp-all">
          {t(isFiltered(filter) ? 'sp_allItemsFiltered' : 'sp_allItems', formatNumber(total))} <DownOutlined />
        </Button>
      </Dropdown>
      <AutoSyncConfirm
        storeId={storeId}
        target={confirmOn?.target ?? null}
        count={confirmOn?.count ?? 0}
        onClose={() => setConfirmOn(null)}
        onDone={() => {
          setConfirmOn(null);
          onChanged();
        }}
      />
      {!none && (
        <Typography.Text type="secondary" data-testid="sp-selected-count">
          {t('sp_nSelected', formatNumber(selected.length))}{' '}
          <Typography.Link onClick={onClearSelection}>{t('sp_clearSelection')}</Typography.Link>
        </Typography.Text>
      )}
    </Space>
  );
}
