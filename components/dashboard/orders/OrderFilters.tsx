// The Orders page's filters: store (or all stores), status, problems with their counts, and a
// search over order ids and SKUs.
import { Input, Segmented, Select, Space, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { OrderProblem } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';
import { storeOptions, type StoreView } from '@/components/common/useStores';
import { LIST_STATUS_LABEL, PROBLEM } from './labels';
import { LIST_STATUSES, PROBLEMS, type ListStatus } from './location';

const CHIP: React.CSSProperties = { border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 13 };
const ALL = 'all';

interface Props {
  stores: StoreView[] | undefined;
  storeId: number | undefined;
  status: ListStatus | undefined;
  problem: OrderProblem | undefined;
  /** Orders per problem under the other filters (undefined while counting). */
  counts: Partial<Record<OrderProblem, number>> | undefined;
  text: string;
  onStore: (id: number | undefined) => void;
  onStatus: (s: ListStatus | undefined) => void;
  onProblem: (p: OrderProblem | undefined) => void;
  onText: (text: string) => void;
}

export function OrderFilters({ stores, storeId, status, problem, counts, text, onStore, onStatus, onProblem, onText }: Props) {
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap size={[8, 8]}>
        <Select<number>
          allowClear
          placeholder={t('orders_allStores')}
          value={storeId}
          onChange={(v) => onStore(v)}
          options={storeOptions(stores)}
          style={{ width: 280 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="orders-filter-store"
        />
        <Segmented<string>
          value={status ?? ALL}
          onChange={(v) => onStatus(v === ALL ? undefined : (v as ListStatus))}
          options={[{ value: ALL, label: t('orders_filter_all') }, ...LIST_STATUSES.map((s) => ({ value: s, label: <span data-testid={`orders-status-${s}`}>{t(LIST_STATUS_LABEL[s])}</span> }))]}
          data-testid="orders-filter-status"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('orders_searchPlaceholder')}
          value={text}
          onChange={(e) => onText(e.target.value)}
          style={{ width: 260 }}
          data-testid="orders-search"
        />
      </Space>
      <Space wrap size={[4, 8]} data-testid="orders-problems">
        <Tag.CheckableTag style={CHIP} checked={problem === undefined} onChange={() => onProblem(undefined)} data-testid="orders-problem-any">
          {t('orders_problemAny')}
        </Tag.CheckableTag>
        {PROBLEMS.map((p) => (
          <Tag.CheckableTag key={p} style={CHIP} checked={problem === p} onChange={(on) => onProblem(on ? p : undefined)} data-testid={`orders-problem-${p}`}>
            {t(PROBLEM[p].label)}
            {counts?.[p] !== undefined && <span style={{ marginInlineStart: 6, color: problem === p ? undefined : counts[p] ? '#cf1322' : '#999' }}>{formatNumber(counts[p])}</span>}
          </Tag.CheckableTag>
        ))}
      </Space>
    </Space>
  );
}
