// A new purchase order: the warehouse it goes to, who supplies it, and one line per product.
// Once created, its quantities count as in transit in that warehouse until received or cancelled.
import { App, Button, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import type { PurchaseOrderRow } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { showCommandError, validated } from '@/components/common/commandErrors';
import { ProductPicker } from '../ProductPicker';
import { WarehouseSelect } from '../WarehouseSelect';

interface Values {
  warehouseId?: number;
  supplier?: string;
  reference?: string;
  lines: { productId?: number; quantity?: number }[];
}

export function CreatePurchaseOrderDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (po: PurchaseOrderRow) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const po = await call('purchaseOrders.create', {
        warehouseId: v.warehouseId!,
        supplier: v.supplier?.trim() || undefined,
        reference: v.reference?.trim() || undefined,
        lines: v.lines.map((l) => ({ productId: l.productId!, quantity: l.quantity! })),
      });
      message.success(t('po_createdToast', po.id));
      onCreated(po);
    } catch (err) {
      showCommandError(err, { form, fields: ['warehouseId', 'supplier', 'reference', 'lines'], toast: message.error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={t('po_createTitle')}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('po_cancelButton')}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="po-create-submit">{t('po_create')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ lines: [{}] }}>
        <Form.Item name="warehouseId" label={t('po_warehouse')} extra={t('po_warehouseHelp')} rules={[{ required: true, message: t('po_required') }]}>
          <WarehouseSelect data-testid="po-warehouse" />
        </Form.Item>
        <Space size="middle" style={{ display: 'flex' }}>
          <Form.Item name="supplier" label={t('po_supplier')} style={{ flex: 1 }}>
            <Input maxLength={500} data-testid="po-supplier" />
          </Form.Item>
          <Form.Item name="reference" label={t('po_reference')} style={{ flex: 1 }}>
            <Input maxLength={500} placeholder={t('po_referencePlaceholder')} data-testid="po-reference" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('po_lines')}</Typography.Text>
        <Form.List name="lines" rules={[{ validator: async (_, lines: unknown[]) => { if (!lines?.length) throw new Error(t('po_needsLine')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'productId']} rules={[{ required: true, message: t('po_pickProduct') }]} style={{ width: 380 }}>
                    <ProductPicker aria-label={t('po_lineProduct', index + 1)} data-testid={`po-line-product-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('po_required') }]}>
                    <InputNumber min={1} precision={0} placeholder={t('po_quantity')} aria-label={t('po_lineQuantity', index + 1)} style={{ width: 130 }} data-testid={`po-line-quantity-${index}`} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length === 1} aria-label={t('po_removeLine')} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="po-add-line">{t('po_addLine')}</Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
