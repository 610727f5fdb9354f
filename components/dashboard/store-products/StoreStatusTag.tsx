// A store's connection state, as a tag (with the reason when it needs attention).
import { Tag, Tooltip } from 'antd';
import { t } from '@/lib/i18n';
import type { StoreView } from '@/components/common/useStores';

export function StoreStatusTag({ store }: { store: StoreView }) {
  if (store.status === 'active') return <Tag color="success">{t('sp_storeActive')}</Tag>;
  const tag = store.status === 'disabled' ? <Tag>{t('sp_storeDisabled')}</Tag> : <Tag color="warning">{t('sp_storeNeedsAuth')}</Tag>;
  return store.statusReason ? <Tooltip title={store.statusReason}>{tag}</Tooltip> : tag;
}
