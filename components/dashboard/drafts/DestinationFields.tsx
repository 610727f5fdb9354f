// What a marketplace asks of a new listing besides its content, on the edit page: the category
// from its tree, the brand from its list, Shopee's channels or TikTok's warehouse, and the
// chosen category's attributes — each with its problem under it.
import { Alert, Divider, Form, Spin, Typography } from 'antd';
import { t } from '@/lib/i18n';
import { AttributeFields } from './AttributeFields';
import { CategoryPicker, pathText } from './CategoryPicker';
import { BrandPicker, ChannelsPicker, WarehousePicker } from './DestinationPickers';
import { fieldState } from './FieldProblems';
import type { DraftFields, DraftProblem } from './types';
import type { DestinationCatalog, PickedCategory } from './useDestinationCatalog';

interface Props {
  values: DraftFields;
  catalog: DestinationCatalog;
  picked: PickedCategory | null;
  problems: DraftProblem[];
  red: DraftProblem[];
  disabled?: boolean;
  onChange: (update: (latest: DraftFields) => DraftFields) => void;
}

const statusOf = (problems: DraftProblem[], red: DraftProblem[], field: string) => fieldState(problems, field, red).validateStatus as 'warning' | 'error' | undefined;

/** The category in the draft with its path: picked here, or as the background read it. */
export function categoryOnScreen(values: DraftFields, catalog: DestinationCatalog, picked: PickedCategory | null): PickedCategory | null {
  const id = values.categoryId?.trim();
  if (!id) return null;
  if (picked?.id === id) return picked;
  return catalog.suggestion?.current?.id === id ? catalog.suggestion.current : null;
}

export function DestinationFields({ values, storeId, catalog, picked, problems, red, disabled, onPick, onChange }: Props & { storeId: number; onPick: (c: PickedCategory) => void }) {
  const current = categoryOnScreen(values, catalog, picked);
  const brandRule = catalog.attributes?.brand;
  return (
    <>
      <Form.Item label={t('draft_fieldCategoryTree')} required {...fieldState(problems, 'categoryId', red)}>
        <CategoryPicker storeId={storeId} value={values.categoryId} current={current} suggestion={catalog.suggestion} disabled={disabled} status={statusOf(problems, red, 'categoryId')} onPick={onPick} />
      </Form.Item>
      <Form.Item
        label={t('draft_fieldBrand')}
        required={!!brandRule?.required}
        {...fieldState(problems, 'brand', red)}
        extra={brandRule && !problems.some((p) => p.field === 'brand') ? (brandRule.noBrandAllowed ? t('draft_brandNoBrandOk') : t('draft_brandNeeded')) : undefined}
      >
        <BrandPicker
          storeId={storeId}
          categoryId={current?.leaf ? current.id : null}
          brandId={values.brandId ?? null}
          brandName={values.brand}
          disabled={disabled}
          status={statusOf(problems, red, 'brand')}
          onChange={(b) => onChange((latest) => ({ ...latest, brandId: b?.id ?? null, brand: b ? b.name : null }))}
        />
      </Form.Item>
      {catalog.channels && (
        <Form.Item label={t('draft_fieldLogistics')} required {...fieldState(problems, 'logistics', red)} extra={problems.some((p) => p.field === 'logistics') ? undefined : t('draft_logisticsHelp')}>
          <ChannelsPicker channels={catalog.channels} value={values.logisticsChannelIds ?? []} disabled={disabled} status={statusOf(problems, red, 'logistics')} onChange={(ids) => onChange((latest) => ({ ...latest, logisticsChannelIds: ids }))} />
        </Form.Item>
      )}
      {catalog.warehouses && (
        <Form.Item label={t('draft_fieldWarehouse')} required {...fieldState(problems, 'warehouse', red)}>
          <WarehousePicker warehouses={catalog.warehouses} value={values.warehouseId ?? null} disabled={disabled} status={statusOf(problems, red, 'warehouse')} onChange={(id) => onChange((latest) => ({ ...latest, warehouseId: id }))} />
        </Form.Item>
      )}
    </>
  );
}

export function AttributesSection({ values, catalog, picked, problems, red, disabled, onChange }: Props) {
  const current = categoryOnScreen(values, catalog, picked);
  if (!current?.leaf) return null;
  return (
    <div data-testid="draft-attributes-section">
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        <Typography.Text strong>{t('draft_attributesTitle', pathText(current.path))}</Typography.Text>
      </Divider>
      {catalog.attributesError ? (
        <Alert type="error" showIcon title={catalog.attributesError} style={{ marginBottom: 16 }} />
      ) : !catalog.attributes ? (
        <Spin style={{ display: 'block', margin: '8px auto 16px' }} />
      ) : (
        <AttributeFields
          defs={catalog.attributes.items}
          values={values.attributes ?? []}
          problems={problems}
          red={red}
          disabled={disabled}
          onChange={(id, value) =>
            onChange((latest) => {
              const list = (latest.attributes ?? []).filter((a) => a.id !== id);
              return { ...latest, attributes: [...list, { id, value }] };
            })
          }
        />
      )}
    </div>
  );
}
