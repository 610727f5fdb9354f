// Search (debounced) and filters of the store product list, plus its sort. Each control carries
// its name (aria-label: a screen reader and getByLabelText find it); the dropdowns are as wide
// as their longest option, never cut to the width of the closed control.
import { Button, Input, Select, Space, Tooltip } from 'antd';
import { SearchOutlined, SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { fitWidth } from './fitWidth';
import type { SortKey } from './productColumns';
import type { ListingStatus, SyncStatus } from './types';

export interface ProductFilter {
  q: string;
  status?: ListingStatus;
  connected?: boolean;
  autoSync?: boolean;
  syncStatus?: SyncStatus;
  /** Some variant's platform stock ≠ the number Shelfsync would push. */
  differs?: boolean;
}

export const NO_FILTER: ProductFilter = { q: '' };

export function isFiltered(f: ProductFilter): boolean {
  return !!f.q || f.status !== undefined || f.connected !== undefined || f.autoSync !== undefined || f.syncStatus !== undefined || f.differs !== undefined;
}

const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'yes' : 'no');
const unbool = (v: string | undefined) => (v === undefined ? undefined : v === 'yes');

interface Props {
  filter: ProductFilter;
  onFilter: (next: ProductFilter) => void;
}

interface SortProps {
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort: (sort: SortKey, order: 'asc' | 'desc') => void;
}

export function SortControl({ sort, order, onSort }: SortProps) {
  const options = [
    { value: 'updated' as const, label: t('sp_sortUpdated') },
    { value: 'title' as const, label: t('sp_sortTitle') },
    { value: 'itemId' as const, label: t('sp_sortItemId') },
    { value: 'stock' as const, label: t('sp_sortStock') },
  ];
  return (
    <Space.Compact>
      <Select<SortKey>
        value={sort}
        onChange={(v) => onSort(v, order)}
        style={{ width: fitWidth(options.find((o) => o.value === sort)?.label ?? '', 160) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_sortBy')}
        data-testid="sp-sort"
        options={options}
      />
      <Tooltip title={t(order === 'asc' ? 'sp_sortAsc' : 'sp_sortDesc')}>
        <Button
          icon={order === 'asc' ? <SortAscendingOutlined /> : <SortDescendingOutlined />}
          onClick={() => onSort(sort, order === 'asc' ? 'desc' : 'asc')}
          aria-label={t(order === 'asc' ? 'sp_sortAsc' : 'sp_sortDesc')}
          data-testid="sp-sort-order"
        />
      </Tooltip>
    </Space.Compact>
  );
}

export function ProductFilters({ filter, onFilter }: Props) {
  const [text, setText] = useState(filter.q);
  useEffect(() => setText(filter.q), [filter.q]);
  useEffect(() => {
    if (text.trim() === filter.q) return;
    const timer = setTimeout(() => onFilter({ ...filter, q: text.trim() }), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const set = (patch: Partial<ProductFilter>) => onFilter({ ...filter, ...patch });
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="sp-filters">
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
        placeholder={t('sp_searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onFilter({ ...filter, q: text.trim() })}
        style={{ width: 360 }}
        aria-label={t('sp_searchPlaceholder')}
        data-testid="sp-search"
      />
      <Select<ListingStatus>
        allowClear
        placeholder={t('sp_filterStatus')}
        value={filter.status}
        onChange={(v) => set({ status: v })}
        style={{ width: fitWidth(t('sp_filterStatus'), 130) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_filterStatus')}
        data-testid="sp-filter-status"
        options={(['active', 'inactive', 'pending', 'rejected', 'deleted', 'gone'] as const).map((s) => ({ value: s, label: t(`sp_status_${s}`) }))}
      />
      <Select<string>
        allowClear
        placeholder={t('sp_filterConnected')}
        value={bool(filter.connected)}
        onChange={(v) => set({ connected: unbool(v) })}
        style={{ width: fitWidth(t('sp_filterConnected'), 140) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_filterConnected')}
        data-testid="sp-filter-connected"
        options={[{ value: 'yes', label: t('sp_connectedAll') }, { value: 'no', label: t('sp_connectedNotAll') }]}
      />
      <Select<string>
        allowClear
        placeholder={t('sp_filterAutoSync')}
        value={bool(filter.autoSync)}
        onChange={(v) => set({ autoSync: unbool(v) })}
        style={{ width: fitWidth(t('sp_filterAutoSync'), 130) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_filterAutoSync')}
        data-testid="sp-filter-autosync"
        options={[{ value: 'yes', label: t('sp_autoOn') }, { value: 'no', label: t('sp_autoOff') }]}
      />
      <Select<SyncStatus>
        allowClear
        placeholder={t('sp_filterSyncStatus')}
        value={filter.syncStatus}
        onChange={(v) => set({ syncStatus: v })}
        style={{ width: fitWidth(t('sp_filterSyncStatus'), 140) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_filterSyncStatus')}
        data-testid="sp-filter-syncstatus"
        options={[
          { value: 'success', label: t('sp_syncSuccess') },
          { value: 'partial', label: t('sp_syncPartial') },
          { value: 'failed', label: t('sp_syncFailed') },
          { value: 'pending', label: t('sp_syncPending') },
          { value: 'never', label: t('sp_syncNeverAuto') },
          { value: 'off', label: t('sp_syncOff') },
        ]}
      />
      <Select<string>
        allowClear
        placeholder={t('sp_filterDiffers')}
        value={bool(filter.differs)}
        onChange={(v) => set({ differs: unbool(v) })}
        style={{ width: fitWidth(t('sp_filterDiffers'), 140) }}
        popupMatchSelectWidth={false}
        aria-label={t('sp_filterDiffers')}
        data-testid="sp-filter-differs"
        options={[{ value: 'yes', label: t('sp_differsYes') }, { value: 'no', label: t('sp_differsNo') }]}
      />
      {isFiltered(filter) && (
        <Button type="link" onClick={() => onFilter(NO_FILTER)} data-testid="sp-filter-clear">
          {t('sp_clearFilters')}
        </Button>
      )}
    </Space>
  );
}
