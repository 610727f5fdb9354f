// The store product module (PRODUCT.md flow 1): pick a platform, then one of its stores; inside,
// switch among that platform's stores only. Where the seller is lives in the URL (location.ts).
import { Alert, Spin } from 'antd';
import { readLocation } from './location';
import { ModuleTheme } from '@/components/common/ModuleTheme';
import { PlatformPicker } from './PlatformPicker';
import { StorePicker } from './StorePicker';
import { StoreWorkspace } from './StoreWorkspace';
import { useStores } from '@/components/common/useStores';

export function StoreProductsModule({ params }: { params: URLSearchParams }) {
  return (
    <ModuleTheme>
      <ModuleBody params={params} />
    </ModuleTheme>
  );
}

function ModuleBody({ params }: { params: URLSearchParams }) {
  const loc = readLocation(params);
  const { stores, error } = useStores();
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!loc.platform) return <PlatformPicker stores={stores} />;
  if (stores === undefined && loc.storeId) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const store = stores?.find((s) => s.id === loc.storeId && s.platform === loc.platform);
  if (!store) return <StorePicker platform={loc.platform} stores={stores} />;
  return <StoreWorkspace key={store.id} store={store} stores={stores!.filter((s) => s.platform === loc.platform)} view={loc.view} item={loc.item} draft={loc.draft} />;
}
