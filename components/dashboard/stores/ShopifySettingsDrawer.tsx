// A Shopify store's settings: the API version Shelfsync calls (among those Shopify supports
// today) and the location whose stock it reads and writes (default: the shop's primary one; the
// list comes from Shopify through `stores.locations`). Saved through `stores.update {shopify}`.
import { Alert, App, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, uiLocale } from '@/lib/i18n';
import { DEFAULT_SHOPIFY_VERSION, supportEndsAt, supportedVersions } from '@/lib/platforms/shopify/versions';
import type { PlatformLocation } from '@/lib/platforms/types';
import { showCommandError, validated } from '@/components/common/commandErrors';
import { SettingsDrawer } from './SettingsDrawer';
import type { StoreView } from './view';

/** The primary location is sent as null (the store follows the shop's primary location). */
const PRIMARY = '';
interface Values { apiVersion: string; locationId: string }

const day = (ms: number | null): string => (ms === null ? '' : new Date(ms).toLocaleDateString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));

export function ShopifySettingsDrawer({ store, onClose }: { store: StoreView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [locations, setLocations] = useState<PlatformLocation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setLocations(null);
    setLoadError(null);
    if (!store) return;
    let live = true;
    call('stores.locations', { id: store.id }).then(
      (answer) => live && setLocations(answer.items),
      (err: unknown) => live && setLoadError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [store?.id]);

  async function save() {
    if (!store) return;
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      // The version is sent only when changed: a store left on a retired version can still move its location.
      await call('stores.update', { id: store.id, shopify: { ...(v.apiVersion !== current ? { apiVersion: v.apiVersion } : {}), locationId: v.locationId === PRIMARY ? null : v.locationId } });
      message.success(t('stores_shopifySettingsSaved', store.name));
      onClose();
    } catch (err) {
      showCommandError(err, { form, fields: ['apiVersion', 'locationId'], rename: { 'shopify.apiVersion': 'apiVersion', 'shopify.locationId': 'locationId' }, toast: (text) => message.error(text) });
    } finally {
      setBusy(false);
    }
  }

  const current = store?.endpoints.apiVersion ?? DEFAULT_SHOPIFY_VERSION;
  // The store's own version stays listed (and flagged by the Stores page) until the seller moves it.
  const versions = [...new Set([...supportedVersions(Date.now()), current])].sort().reverse();
  const primary = locations?.find((l) => l.primary);
  const locationOptions = [
    { value: PRIMARY, label: primary ? t('stores_shopifyLocationPrimary', primary.name) : t('stores_shopifyLocationPrimaryUnknown') },
    ...(locations ?? []).filter((l) => !l.primary).map((l) => ({ value: l.id, label: l.active ? l.name : t('stores_shopifyLocationInactive', l.name), disabled: !l.active })),
  ];

  return (
    <SettingsDrawer open={store !== null} title={store ? t('stores_shopifySettingsTitle', store.name) : ''} busy={busy} onClose={onClose} onSave={() => void save()} testId="shopify-settings">
      {store && (
        <Form key={store.id} form={form} layout="vertical" disabled={busy} initialValues={{ apiVersion: current, locationId: store.endpoints.locationId ?? PRIMARY }}>
          <Form.Item name="apiVersion" label={t('stores_shopifyVersionLabel')} extra={t('stores_shopifyVersionHelp')}>
            <Select<string> options={versions.map((v) => ({ value: v, label: t('stores_shopifyVersionOption', v, day(supportEndsAt(v))) }))} style={{ width: 320 }} data-testid="shopify-settings-version" />
          </Form.Item>
          <Form.Item name="locationId" label={t('stores_shopifyLocationLabel')} extra={t('stores_shopifyLocationHelp')}>
            <Select<string> loading={locations === null && !loadError} options={locationOptions} style={{ width: 320 }} data-testid="shopify-settings-location" />
          </Form.Item>
          {loadError && <Alert type="error" showIcon title={t('stores_shopifyLocationsFailed', loadError)} />}
        </Form>
      )}
    </SettingsDrawer>
  );
}
