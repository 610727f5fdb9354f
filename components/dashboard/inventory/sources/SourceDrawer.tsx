// Add or edit an inventory source: where the file is, how to read it, where rows without a
// warehouse go, how often to pull. *Test* reads it now without changing stock.
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/commands/client';
import type { InventorySourceRow } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { errorText, showCommandError } from '@/components/common/commandErrors';
import { WarehouseSelect } from '../WarehouseSelect';
import { hostOf, isWebAddress, requestHostAccess } from './hostAccess';
import { TestResult, type TestState } from './TestResult';

interface Values {
  name: string;
  url: string;
  format: 'csv' | 'json';
  mapping: { sku: string; quantity: string; warehouse?: string };
  warehouseId: number;
  intervalMinutes: number;
  enabled: boolean;
}

const FIELDS = ['name', 'url', 'format', 'mapping', 'warehouseId', 'intervalMinutes', 'enabled'];

export function SourceDrawer({ source, open, onClose, onSaved }: { source: InventorySourceRow | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<TestState | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The result sits under the form: bring it into view when it arrives.
  useEffect(() => {
    if (test) resultRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
  }, [test]);
  const initial: Partial<Values> = source
    ? { name: source.name, url: source.url, format: source.format, mapping: { ...source.mapping }, warehouseId: source.warehouseId, intervalMinutes: source.intervalMinutes, enabled: source.enabled }
    : { format: 'csv', intervalMinutes: 15, enabled: true, mapping: { sku: 'sku', quantity: 'quantity' } };

  /** Asks for the host in the click itself; answers whether Shelfsync may read the URL. */
  function askForHost(): Promise<boolean> | null {
    const url = form.getFieldValue('url') as unknown;
    return isWebAddress(url) ? requestHostAccess(url) : null;
  }

  async function refused(asked: Promise<boolean> | null): Promise<boolean> {
    if (!asked || (await asked)) return false;
    const url = String(form.getFieldValue('url'));
    form.setFields([{ name: 'url', errors: [t('sources_permissionRefused', hostOf(url))] }]);
    return true;
  }

  function mappingOf(v: Values): Values['mapping'] {
    return { sku: v.mapping.sku.trim(), quantity: v.mapping.quantity.trim(), ...(v.mapping.warehouse?.trim() ? { warehouse: v.mapping.warehouse.trim() } : {}) };
  }

  async function runTest() {
    const asked = askForHost();
    let v: Values;
    try {
      v = await form.validateFields(['url', 'format', ['mapping', 'sku'], ['mapping', 'quantity'], ['mapping', 'warehouse']]) as Values;
    } catch {
      return;
    }
    if (await refused(asked)) return;
    setBusy('test');
    setTest(null);
    try {
      const answer = await call('inventory.sources.test', { url: v.url.trim(), format: v.format, mapping: mappingOf(v) });
      setTest({ ok: true, answer });
    } catch (err) {
      setTest({ ok: false, message: errorText(err) });
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    const asked = askForHost();
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (await refused(asked)) return;
    setBusy('save');
    const fields = { name: v.name.trim(), url: v.url.trim(), format: v.format, mapping: mappingOf(v), warehouseId: v.warehouseId, intervalMinutes: v.intervalMinutes, enabled: v.enabled };
    try {
      if (source) await call('inventory.sources.update', { id: source.id, ...fields });
      else await call('inventory.sources.create', fields);
      message.success(source ? t('sources_savedToast', fields.name) : t('sources_createdToast', fields.name));
      setTest(null);
      onSaved();
    } catch (err) {
      showCommandError(err, { form, fields: FIELDS, toast: message.error });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      title={source ? t('sources_editTitle', source.name) : t('sources_addTitle')}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setTest(null)}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('sources_cancel')}</Button>
          <Button loading={busy === 'test'} onClick={runTest} data-testid="source-test">{t('sources_test')}</Button>
          <Button type="primary" loading={busy === 'save'} onClick={save} data-testid="source-save">{source ? t('sources_save') : t('sources_create')}</Button>
        </Space>
      }
    >
      <Form key={source?.id ?? 'new'} form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item name="name" label={t('sources_name')} rules={[{ required: true, whitespace: true, message: t('sources_required') }]}>
          <Input maxLength={100} placeholder={t('sources_namePlaceholder')} data-testid="source-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('sources_url')}
          extra={t('sources_urlHelp')}
          rules={[{ required: true, message: t('sources_required') }, { validator: async (_, v) => { if (v && !isWebAddress(v)) throw new Error(t('sources_urlInvalid')); } }]}
        >
          <Input maxLength={2000} placeholder="https://" data-testid="source-url" />
        </Form.Item>
        <Form.Item name="format" label={t('sources_format')}>
          <Radio.Group optionType="button" aria-label={t('sources_format')} options={[{ value: 'csv', label: t('sources_formatCsv') }, { value: 'json', label: t('sources_formatJson') }]} />
        </Form.Item>
        <Typography.Text strong>{t('sources_mapping')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('sources_mappingHelp')}</Typography.Paragraph>
        <Space size="middle" style={{ display: 'flex' }} wrap>
          <Form.Item name={['mapping', 'sku']} label={t('sources_skuColumn')} rules={[{ required: true, whitespace: true, message: t('sources_required') }]}>
            <Input maxLength={100} style={{ width: 170 }} data-testid="source-map-sku" />
          </Form.Item>
          <Form.Item name={['mapping', 'quantity']} label={t('sources_quantityColumn')} rules={[{ required: true, whitespace: true, message: t('sources_required') }]}>
            <Input maxLength={100} style={{ width: 170 }} data-testid="source-map-quantity" />
          </Form.Item>
          <Form.Item name={['mapping', 'warehouse']} label={t('sources_warehouseColumn')}>
            <Input maxLength={100} style={{ width: 170 }} placeholder={t('sources_optional')} data-testid="source-map-warehouse" />
          </Form.Item>
        </Space>
        <Form.Item name="warehouseId" label={t('sources_defaultWarehouse')} extra={t('sources_defaultWarehouseHelp')} rules={[{ required: true, message: t('sources_required') }]}>
          <WarehouseSelect data-testid="source-warehouse" />
        </Form.Item>
        <Space size="large" style={{ display: 'flex' }}>
          <Form.Item name="intervalMinutes" label={t('sources_interval')} rules={[{ required: true, message: t('sources_required') }, { type: 'number', min: 5, message: t('sources_intervalMin') }]}>
            <InputNumber min={5} max={7 * 24 * 60} precision={0} suffix={t('sources_minutes')} style={{ width: 160 }} data-testid="source-interval" />
          </Form.Item>
          <Form.Item name="enabled" label={t('sources_enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
      <div ref={resultRef}>{test && <TestResult state={test} />}</div>
    </Drawer>
  );
}
