// A store row's orders: the last order check (or its error), the orders with a problem — each
// problem a link to the Orders page filtered by this store and that problem — and the order
// settings and "Check orders now".
import { Button, Space, Tag } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { t, tn } from '@/lib/i18n';
import { CheckOrdersButton, type OrderChecks } from '../orders/CheckOrdersButton';
import { LastCheck } from '../orders/LastCheck';
import { PROBLEM } from '../orders/labels';
import { ordersHref, PROBLEMS } from '../orders/location';
import type { StoreProblems } from './useOrderProblems';
import type { StoreView } from './view';

interface Props {
  store: StoreView;
  stores: StoreView[];
  problems: StoreProblems | undefined;
  checks: OrderChecks;
  onSettings: () => void;
}

export function StoreOrdersCell({ store, stores, problems, checks, onSettings }: Props) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid={`store-orders-${store.id}`}>
      <LastCheck store={store} />
      {!!problems?.total && (
        <Space size={[4, 4]} wrap data-testid={`store-order-problems-${store.id}`}>
          {PROBLEMS.filter((p) => problems.by[p]).map((p) => (
            <a key={p} href={ordersHref({ storeId: store.id, problem: p })} data-testid={`store-order-problem-${store.id}-${p}`}>
              <Tag color={PROBLEM[p].color} style={{ cursor: 'pointer', marginInlineEnd: 0 }}>{tn(`orders_problemCount_${p}`, problems.by[p]!)}</Tag>
            </a>
          ))}
        </Space>
      )}
      <Space size={12} wrap>
        <Button size="small" type="link" style={{ paddingInline: 0 }} icon={<SettingOutlined />} onClick={onSettings} data-testid={`store-order-settings-${store.id}`}>
          {t('stores_orderSettingsShort')}
        </Button>
        {store.orders.enabled && store.status === 'active' && <CheckOrdersButton stores={stores} checks={checks} storeId={store.id} size="small" type="link" short />}
      </Space>
    </Space>
  );
}
