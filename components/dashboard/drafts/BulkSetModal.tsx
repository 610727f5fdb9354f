// "Set for selected" in To be published: one category, brand, Shopee channels or TikTok warehouse
// for every selected draft (drafts.setMany) — fifty copies to a new marketplace take one choice.
// Only what the seller fills is set; the answer says how many were set and which were left alone
// and why (being released, gone).
import { Alert, App, Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import { errorText } from '@/components/common/commandErrors';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { CategoryPicker } from './CategoryPicker';
import { BrandPicker, ChannelsPicker, WarehousePicker } from './DestinationPickers';
import type { PickedCategory } from './useDestinationCatalog';

type Answer = CommandOutput<'drafts.setMany'>;

interface Props {
  storeId: number;
  platform: Platform;
  draftIds: number[];
  /** Titles of the selected drafts the page has, for the skipped ones. */
  titles: Map<number, string>;
  onClose: () => void;
  onDone: () => void;
}

export function BulkSetModal({ storeId, platform, draftIds, titles, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [category, setCategory] = useState<PickedCategory | null>(null);
  const [brand, setBrand] = useState<{ id: string; name: string } | null>(null);
  const [channels, setChannels] = useState<string[] | null>(null);
  const [warehouse, setWarehouse] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const logistics = useCommandQuery(() => (platform === 'shopee' ? call('catalog.logistics', { storeId }) : Promise.resolve(undefined)), [storeId, platform]);
  const warehouses = useCommandQuery(() => (platform === 'tiktok' ? call('catalog.warehouses', { storeId }) : Promise.resolve(undefined)), [storeId, platform]);
  const nothing = !category && !brand && !channels?.length && !warehouse;

  async function apply() {
    setBusy(true);
    try {
      const result = await call('drafts.setMany', {
        draftIds,
        ...(category ? { categoryId: category.id } : {}),
        ...(brand ? { brandId: brand.id, brand: brand.name } : {}),
        ...(channels?.length ? { logisticsChannelIds: channels } : {}),
        ...(warehouse ? { warehouseId: warehouse } : {}),
      });
      setAnswer(result);
      onDone();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const footer = answer ? (
    <Button type="primary" onClick={onClose} data-testid="bulk-set-close">{t('clone_close')}</Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common_cancel')}</Button>
      <Button type="primary" disabled={nothing} loading={busy} onClick={() => void apply()} data-testid="bulk-set-apply">
        {tn('bulk_setApply', draftIds.length)}
      </Button>
    </Space>
  );

  return (
    <Modal open title={tn('bulk_setTitle', draftIds.length)} onCancel={onClose} footer={footer} width={640} destroyOnHidden>
      <div data-testid="bulk-set">
        {answer ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="bulk-set-result">
            <Alert type={answer.updated.length ? 'success' : 'warning'} showIcon title={tn('bulk_setDone', answer.updated.length)} description={answer.updated.length ? t('bulk_setDoneHelp') : undefined} />
            {answer.skipped.length > 0 && (
              <div>
                <Typography.Text strong>{tn('bulk_skipped', answer.skipped.length)}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="bulk-set-skipped">
                  {answer.skipped.map((s) => (
                    <li key={s.id}>
                      <Typography.Text strong>{titles.get(s.id) || `#${s.id}`}</Typography.Text>
                      {': '}
                      {s.code === 'conflict' ? t('bulk_skippedBusy') : s.code === 'not_found' ? t('bulk_skippedGone') : s.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Space>
        ) : (
          <Form layout="vertical" component="div">
            <Typography.Paragraph type="secondary">{t('bulk_setHelp')}</Typography.Paragraph>
            <Form.Item label={t('draft_fieldCategoryTree')}>
              <CategoryPicker storeId={storeId} value={category?.id ?? null} current={category} suggestion={undefined} onPick={setCategory} />
            </Form.Item>
            <Form.Item label={t('draft_fieldBrand')}>
              <BrandPicker storeId={storeId} categoryId={category?.id ?? null} brandId={brand?.id ?? null} brandName={brand?.name ?? null} onChange={setBrand} />
            </Form.Item>
            {logistics.data?.supported && (
              <Form.Item label={t('draft_fieldLogistics')}>
                <ChannelsPicker channels={logistics.data.items} value={channels ?? []} onChange={setChannels} />
              </Form.Item>
            )}
            {warehouses.data?.supported && (
              <Form.Item label={t('draft_fieldWarehouse')}>
                <WarehousePicker warehouses={warehouses.data.items} value={warehouse} onChange={setWarehouse} />
              </Form.Item>
            )}
          </Form>
        )}
      </div>
    </Modal>
  );
}
