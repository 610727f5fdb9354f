// Adjust stock of one SKU in one warehouse: add, remove, or set on hand after a stock count.
// Shows the current numbers and what they become before the seller confirms.
import { App, Descriptions, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { showCommandError, validated } from '@/components/common/commandErrors';
import { ProductPicker, productLabel } from '../ProductPicker';
import { WarehouseSelect } from '../WarehouseSelect';
import { useWarehouses, warehouseLabel } from '../useWarehouses';
import { formatNumber } from '../format';
import type { ReachNotice } from './StockReachNotice';

export type AdjustMode = 'add' | 'remove' | 'count';

export interface AdjustTarget {
  productId: number;
  sku: string;
  name: string;
  warehouseId: number;
}

interface Values {
  productId?: number;
  warehouseId?: number;
  mode: AdjustMode;
  quantity?: number;
  reason?: string;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** What on hand becomes; null when the input is not complete. */
export function onHandAfter(current: number, mode: AdjustMode, quantity: number | undefined | null): number | null {
  if (quantity === undefined || quantity === null || !Number.isInteger(quantity)) return null;
  if (mode === 'count') return quantity;
  return mode === 'add' ? current + quantity : current - quantity;
}

export function AdjustStockModal({ target, onClose, onDone }: { target: AdjustTarget | null; onClose: () => void; onDone: (notice: ReachNotice) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // One key per opening: a double click or a retry after a lost answer applies once.
  const [idempotencyKey] = useState(newKey);
  const { byId } = useWarehouses();
  const productId = Form.useWatch('productId', form) ?? target?.productId;
  const warehouseId = Form.useWatch('warehouseId', form) ?? target?.warehouseId;
  const mode = Form.useWatch('mode', form) ?? 'add';
  const quantity = Form.useWatch('quantity', form);
  const level = useLiveQuery(
    async () => (productId && warehouseId ? ((await getDb().stockLevels.get([productId, warehouseId])) ?? null) : null),
    [productId, warehouseId],
  );
  const onHand = level?.onHand ?? 0;
  const reserved = level?.reserved ?? 0;
  const after = onHandAfter(onHand, mode, quantity);

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    const pid = target?.productId ?? v.productId!;
    const wid = target?.warehouseId ?? v.warehouseId!;
    const q = v.quantity!;
    setBusy(true);
    try {
      const answer = await call('inventory.adjust', {
        productId: pid,
        warehouseId: wid,
        ...(v.mode === 'count' ? { onHand: q } : { delta: v.mode === 'add' ? q : -q }),
        reason: v.reason?.trim() || undefined,
        idempotencyKey,
      });
      message.success(t('stock_adjustedToast', answer.level.sku, answer.level.warehouseCode, answer.level.onHand));
      onDone({ sku: answer.level.sku, warehouse: answer.level.warehouseCode, reach: answer.reach });
    } catch (err) {
      showCommandError(err, {
        form, fields: ['productId', 'warehouseId', 'quantity', 'reason'], rename: { delta: 'quantity', onHand: 'quantity', sku: 'productId' },
        codeFields: { negative_stock: 'quantity' }, toast: message.error,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={target ? t('stock_adjustTitleFor', target.sku) : t('stock_adjustTitle')}
      okText={t('stock_adjustApply')}
      cancelText={t('stock_cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'adjust-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ mode: 'add' }} preserve={false}>
        {target ? (
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
            { key: 'p', label: t('stock_product'), children: productLabel(target) },
            { key: 'w', label: t('stock_warehouse'), children: warehouseLabel(byId.get(target.warehouseId), target.warehouseId) },
          ]} />
        ) : (
          <>
            <Form.Item name="productId" label={t('stock_product')} rules={[{ required: true, message: t('stock_required') }]}>
              <ProductPicker data-testid="adjust-product" />
            </Form.Item>
            <Form.Item name="warehouseId" label={t('stock_warehouse')} rules={[{ required: true, message: t('stock_required') }]}>
              <WarehouseSelect data-testid="adjust-warehouse" />
            </Form.Item>
          </>
        )}
        <Form.Item name="mode" label={t('stock_adjustMode')} htmlFor="adjust-mode">
          <Radio.Group id="adjust-mode" optionType="button" buttonStyle="solid">
            {(['add', 'remove', 'count'] as const).map((m) => (
              <Radio.Button key={m} value={m}>
                <span data-testid={`adjust-mode-${m}`}>{t(m === 'add' ? 'stock_modeAdd' : m === 'remove' ? 'stock_modeRemove' : 'stock_modeCount')}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="quantity"
          label={mode === 'count' ? t('stock_countedQuantity') : t('stock_quantity')}
          extra={mode === 'count' ? t('stock_countHelp') : undefined}
          rules={[{ required: true, message: t('stock_required') }]}
        >
          <InputNumber min={mode === 'count' ? 0 : 1} precision={0} style={{ width: 200 }} data-testid="adjust-quantity" />
        </Form.Item>
        <Form.Item name="reason" label={t('stock_reason')}>
          <Input maxLength={500} placeholder={t('stock_reasonPlaceholder')} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
      {productId && warehouseId ? (
        <Typography.Paragraph data-testid="adjust-preview" type={after !== null && after < 0 ? 'danger' : undefined} style={{ marginBottom: 0 }}>
          {after === null
            ? t('stock_previewNow', formatNumber(onHand), formatNumber(reserved))
            : after < 0
              ? t('stock_previewNegative', formatNumber(onHand), formatNumber(after))
              : t('stock_previewAfter', formatNumber(onHand), formatNumber(after), formatNumber(Math.max(0, after - reserved)))}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
