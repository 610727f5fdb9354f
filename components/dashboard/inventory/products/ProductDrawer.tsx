// Create or edit one system product in a drawer; refusals (a taken SKU, a bad URL) show on the field.
import { App, Button, Drawer, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import type { ProductRow } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { showCommandError, validated } from '@/components/common/commandErrors';

interface Values {
  sku: string;
  name: string;
  price?: number | null;
  imageUrl?: string;
  weightGrams?: number | null;
  description?: string;
}

const FIELDS = ['sku', 'name', 'price', 'imageUrl', 'weightGrams', 'description'];

export function ProductDrawer({ product, open, onClose, onSaved }: { product: ProductRow | null; open: boolean; onClose: () => void; onSaved: (p: ProductRow) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const initial: Partial<Values> = product
    ? { sku: product.sku, name: product.name, price: product.price, imageUrl: product.imageUrl ?? '', weightGrams: product.weightGrams, description: product.description ?? '' }
    : {};

  async function save() {
    const v = await validated(form);
    if (!v) return;
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
    const fields = {
      sku: v.sku, name: v.name, price: v.price ?? null, imageUrl: text(v.imageUrl), weightGrams: v.weightGrams ?? null, description: text(v.description),
    };
    setBusy(true);
    try {
      const saved = product
        ? await call('products.update', { id: product.id, ...fields })
        : await call('products.create', {
            sku: fields.sku, name: fields.name,
            ...(fields.price !== null && { price: fields.price }),
            ...(fields.imageUrl !== null && { imageUrl: fields.imageUrl }),
            ...(fields.weightGrams !== null && { weightGrams: fields.weightGrams }),
            ...(fields.description !== null && { description: fields.description }),
          });
      message.success(product ? t('products_savedToast', saved.sku) : t('products_createdToast', saved.sku));
      onSaved(saved);
    } catch (err) {
      showCommandError(err, { form, fields: FIELDS, toast: message.error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      title={product ? t('products_editTitle', product.sku) : t('products_addTitle')}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('products_cancel')}</Button>
          <Button type="primary" loading={busy} onClick={save} data-testid="product-save">
            {product ? t('products_save') : t('products_create')}
          </Button>
        </Space>
      }
    >
      <Form key={product?.id ?? 'new'} form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item name="sku" label={t('products_sku')} extra={t('products_skuHelp')} rules={[{ required: true, whitespace: true, message: t('products_required') }]}>
          <Input maxLength={100} autoFocus data-testid="product-sku" />
        </Form.Item>
        <Form.Item name="name" label={t('products_name')} rules={[{ required: true, whitespace: true, message: t('products_required') }]}>
          <Input maxLength={300} data-testid="product-name" />
        </Form.Item>
        <Space size="middle" style={{ display: 'flex' }}>
          <Form.Item name="price" label={t('products_price')} style={{ flex: 1 }}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} data-testid="product-price" />
          </Form.Item>
          <Form.Item name="weightGrams" label={t('products_weight')} style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('products_gramsUnit')} data-testid="product-weight" />
          </Form.Item>
        </Space>
        <Form.Item name="imageUrl" label={t('products_imageUrl')} extra={t('products_imageUrlHelp')}>
          <Input maxLength={2000} placeholder="https://" data-testid="product-image" />
        </Form.Item>
        <Form.Item name="description" label={t('products_description')}>
          <Input.TextArea rows={4} maxLength={20000} data-testid="product-description" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
