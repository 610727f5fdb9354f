// The fields of a sync rule: name, inventory type (each option says what it counts), ratio,
// warehouses, and stores grouped by platform (a store another rule governs is marked).
import { Form, Input, InputNumber, Radio, Select, Space, Typography, type FormInstance } from 'antd';
import { t } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { PLATFORMS, PLATFORM_NAME } from '@/components/common/platforms';
import type { StoreView } from '@/components/common/useStores';
import { useWarehouses, warehouseLabel } from '../inventory/useWarehouses';
import type { Rule } from './useRules';

export interface RuleValues {
  name: string;
  inventoryType: 'sellable' | 'sellable_in_transit';
  ratioPercent: number;
  warehouseIds: number[];
  storeIds: number[];
}

export const RULE_FIELDS = ['name', 'inventoryType', 'ratioPercent', 'warehouseIds', 'storeIds'];

function Example({ form }: { form: FormInstance<RuleValues> }) {
  const type = Form.useWatch('inventoryType', form);
  const ratio = Form.useWatch('ratioPercent', form);
  if (typeof ratio !== 'number') return null;
  const base = type === 'sellable_in_transit' ? 200 : 100;
  const result = Math.floor((base * Math.round(ratio * 100)) / 10_000);
  return (
    <Typography.Text type="secondary" data-testid="rule-example">
      {t(type === 'sellable_in_transit' ? 'rules_exampleTransit' : 'rules_exampleSellable', ratio, result)}
    </Typography.Text>
  );
}

export function RuleForm({ form, initial, stores, rules, editingId }: { form: FormInstance<RuleValues>; initial: RuleValues; stores: StoreView[]; rules: Rule[]; editingId?: number }) {
  const { warehouses } = useWarehouses();
  const coveredBy = new Map<number, string>();
  for (const r of rules) if (r.id !== editingId) for (const s of r.storeIds) coveredBy.set(s, r.name);
  const storeOptions = PLATFORMS.map((p) => ({
    label: t(PLATFORM_NAME[p]),
    title: t(PLATFORM_NAME[p]),
    options: stores
      .filter((s) => s.platform === p)
      .map((s) => ({ value: s.id, label: coveredBy.has(s.id) ? t('rules_storeCovered', storeLabel(s), coveredBy.get(s.id)!) : storeLabel(s) })),
  })).filter((g) => g.options.length > 0);

  return (
    <Form form={form} layout="vertical" requiredMark="optional" initialValues={initial}>
      <Form.Item name="name" label={t('rules_name')} rules={[{ required: true, whitespace: true, message: t('common_required') }]}>
        <Input maxLength={100} placeholder={t('rules_namePlaceholder')} data-testid="rule-name" />
      </Form.Item>
      <Form.Item name="inventoryType" label={t('rules_type')} rules={[{ required: true }]}>
        <Radio.Group style={{ width: '100%' }}>
          <Space orientation="vertical" size={8}>
            <Radio value="sellable" data-testid="rule-type-sellable">
              <Typography.Text strong>{t('rules_typeSellable')}</Typography.Text>
              <div><Typography.Text type="secondary">{t('rules_typeSellableHelp')}</Typography.Text></div>
            </Radio>
            <Radio value="sellable_in_transit" data-testid="rule-type-transit">
              <Typography.Text strong>{t('rules_typeSellableInTransit')}</Typography.Text>
              <div><Typography.Text type="secondary">{t('rules_typeSellableInTransitHelp')}</Typography.Text></div>
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('rules_ratio')} htmlFor="ratioPercent" required extra={<Example form={form} />}>
        <Form.Item name="ratioPercent" noStyle rules={[{ required: true, message: t('common_required') }]}>
          <InputNumber min={0} max={1000} precision={2} step={5} suffix="%" style={{ width: 160 }} data-testid="rule-ratio" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="warehouseIds" label={t('rules_warehouses')} rules={[{ required: true, type: 'array', min: 1, message: t('rules_warehousesRequired') }]} extra={t('rules_warehousesHelp')}>
        <Select<number[]>
          mode="multiple"
          placeholder={t('rules_warehousesPlaceholder')}
          loading={warehouses === undefined}
          notFoundContent={t('rules_noWarehouses')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(warehouses ?? []).map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
          data-testid="rule-warehouses"
        />
      </Form.Item>
      <Form.Item name="storeIds" label={t('rules_stores')} rules={[{ required: true, type: 'array', min: 1, message: t('rules_storesRequired') }]} extra={t('rules_storesHelp')}>
        <Select<number[]>
          mode="multiple"
          placeholder={t('rules_storesPlaceholder')}
          notFoundContent={t('rules_noStores')}
          showSearch={{ optionFilterProp: 'label' }}
          options={storeOptions}
          data-testid="rule-stores"
        />
      </Form.Item>
    </Form>
  );
}
