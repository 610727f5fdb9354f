// From system products (PRODUCT.md flow 9): the selected system products → drafts in one store's
// To be published, to be completed there (category, images…) and released.
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { moduleHref } from '../store-products/location';
import { useStores } from '@/components/common/useStores';
import { StoreChooser } from './StoreChooser';
import { MARKETPLACES } from '@/lib/drafts/catalogChecks';
import type { Platform } from '@/lib/platforms/types';

interface Props {
  productIds: number[];
  onClose: () => void;
  onCreated?: () => void;
}

export function CreateDraftsModal({ productIds: selected, onClose, onCreated }: Props) {
  // The selection as it was when the modal opened (the page clears it once drafts are made).
  const [productIds] = useState(selected);
  const { message } = App.useApp();
  const { stores } = useStores();
  const [storeId, setStoreId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<number | null>(null);
  const store = stores?.find((s) => s.id === storeId);

  async function create() {
    if (!storeId) return;
    setBusy(true);
    try {
      const { drafts } = await call('drafts.fromProducts', { storeId, productIds });
      setMade(drafts.length);
      onCreated?.();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const footer = made !== null ? (
    <Button type="primary" onClick={onClose} data-testid="create-drafts-close">{t('clone_close')}</Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common_cancel')}</Button>
      <Button type="primary" disabled={!storeId} loading={busy} onClick={() => void create()} data-testid="create-drafts-confirm">{tn('draft_createConfirm', productIds.length)}</Button>
    </Space>
  );

  return (
    <Modal open title={tn('draft_createTitle', productIds.length)} onCancel={onClose} footer={footer} width={600}>
      <div data-testid="create-drafts-modal">
        {made === null || !store ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('draft_createHelp')}</Typography.Text>
            {stores?.length === 0 ? (
              <Alert type="info" showIcon title={t('draft_createNoStores')} />
            ) : (
              <StoreChooser stores={stores ?? []} value={storeId} onChange={setStoreId} testId="create-drafts-store" placeholder={t('draft_createPickStore')} />
            )}
            {store && MARKETPLACES.has(store.platform as Platform) && <Alert type="info" showIcon title={t('clone_marketplaceNote')} />}
          </Space>
        ) : (
          <Alert
            type="success"
            showIcon
            data-testid="create-drafts-result"
            title={tn('draft_createMade', made, store.name)}
            description={
              <Typography.Link href={moduleHref({ platform: store.platform, storeId: store.id, view: 'drafts' })} onClick={onClose} data-testid="create-drafts-open">
                {t('clone_openDrafts')}
              </Typography.Link>
            }
          />
        )}
      </div>
    </Modal>
  );
}
