// "Shopify stops supporting this store's API version": Shopify supports each version for 12
// months, then answers with its oldest supported version, whose rules may differ (the stock
// mutation's input changed in 2026-01 and 2026-04). Shown from 60 days before the end, and after.
import { Alert, Button } from 'antd';
import { t, tn, uiLocale } from '@/lib/i18n';
import { DEFAULT_SHOPIFY_VERSION, versionSupport } from '@/lib/platforms/shopify/versions';
import type { StoreView } from './view';

const day = (ms: number): string => new Date(ms).toLocaleDateString(uiLocale(), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

export function ShopifyVersionNotice({ store, now, onSettings }: { store: StoreView; now: number; onSettings: () => void }) {
  if (store.platform !== 'shopify') return null;
  const version = store.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION;
  const support = versionSupport(version, now);
  if (support.state !== 'ending' && support.state !== 'unsupported') return null;
  const ending = support.state === 'ending';
  return (
    <Alert
      type={ending ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={`store-shopify-version-${store.id}`}
      title={ending ? tn('stores_shopifyVersionEndingTitle', support.daysLeft, store.name, version) : t('stores_shopifyVersionGoneTitle', store.name, version)}
      description={ending ? t('stores_shopifyVersionEndingText', version, day(support.endsAt)) : t('stores_shopifyVersionGoneText', day(support.endsAt), support.answeredBy ?? '—')}
      action={<Button size="small" onClick={onSettings} data-testid={`store-shopify-version-settings-${store.id}`}>{t('stores_shopifySettingsOpen')}</Button>}
    />
  );
}
