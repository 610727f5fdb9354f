// Who a store is on its platform, on the Stores page: the ids the platform answered at connect
// (Shopee shop id, Lazada seller id and short code, TikTok shop id and code, Shopify domain,
// WooCommerce site) and the shop's own name there when the seller named the store otherwise.
import { Typography } from 'antd';
import { t } from '@/lib/i18n';
import { siteText, storedIdentity } from '@/lib/stores/label';
import type { StoreView } from './view';

function parts(store: StoreView): string[] {
  const id = storedIdentity(store);
  const out: string[] = [];
  if (id.shopId) out.push(t('stores_shopId', id.shopId));
  if (id.sellerId) out.push(t('stores_sellerId', id.sellerId));
  if (id.shortCode) out.push(t('stores_shortCode', id.shortCode));
  if (id.domain) out.push(id.domain);
  if (id.site) out.push(siteText(id.site));
  if (id.name && id.name !== store.name) out.push(t('stores_platformName', id.name));
  return out;
}

export function ShopIdentity({ store }: { store: StoreView }) {
  const text = parts(store);
  return (
    <Typography.Text type="secondary" ellipsis={{ tooltip: text.join(' · ') || undefined }} style={{ display: 'block', fontSize: 12 }} data-testid={`store-shop-${store.id}`}>
      {text.length ? text.join(' · ') : t('stores_shopUnknown')}
    </Typography.Text>
  );
}
