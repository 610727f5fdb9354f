// A store as the dashboard names it in tables and cards: the seller's name, then (quieter) the
// shop it is on its platform and the region — the same words as storeLabel, so two stores named
// alike never look the same.
import { Typography } from 'antd';
import { shopText, storeLabel, type LabelledStore } from '@/lib/stores/label';

export function StoreName({ store, strong }: { store: LabelledStore; strong?: boolean }) {
  return (
    <span title={storeLabel(store)} data-store-label={storeLabel(store)}>
      <Typography.Text strong={strong}>{store.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>{` · ${shopText(store)}`}</Typography.Text>
    </span>
  );
}
