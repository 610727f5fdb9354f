// Every field of a draft, each with its own problems under it (the destination platform's rules,
// checked as the seller types); the title counts against the platform's maximum.
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { LIMITS } from '@/lib/drafts/limits';
import { t } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import { PLATFORM_NAME } from '@/components/common/platforms';
import { fieldState } from './FieldProblems';
import { ImageUrlsField } from './ImageUrlsField';
import type { DraftFields, DraftProblem } from './types';
import { VariantsEditor } from './VariantsEditor';
import { AttributesSection, DestinationFields } from './DestinationFields';
import type { DestinationCatalog, PickedCategory } from './useDestinationCatalog';

interface Props {
  values: DraftFields;
  platform: Platform;
  problems: DraftProblem[];
  /** Problems that keep a value from being saved at all (shown red). */
  held: DraftProblem[];
  /** The platform's refusal at the last release, on its field (shown red). */
  refused: DraftProblem[];
  /** The destination store's name, for what the variants table says about stock. */
  storeName: string;
  disabled?: boolean;
  /** A marketplace's catalogue (category tree, attributes, brands, channels, warehouses); without
   *  one (Shopify, WooCommerce, or not readable now) the category and brand are typed. */
  catalog?: DestinationCatalog;
  storeId?: number;
  picked?: PickedCategory | null;
  onPick?: (category: PickedCategory) => void;
  /** Changes are functions of the latest values, so two quick edits never undo each other. */
  onChange: (update: (latest: DraftFields) => DraftFields) => void;
}

export function DraftForm({ values, platform, problems, held, refused, storeName, disabled, catalog, storeId, picked, onPick, onChange }: Props) {
  const limits = LIMITS[platform];
  const name = t(PLATFORM_NAME[platform]);
  const update = <K extends keyof DraftFields>(key: K, fn: (latest: DraftFields[K]) => DraftFields[K]) => onChange((latest) => ({ ...latest, [key]: fn(latest[key]) }));
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => update(key, () => value);
  const shown = [...problems, ...refused];
  const red = [...held, ...refused];
  const state = (field: string) => fieldState(shown, field, red);
  const titleProblem = shown.some((p) => p.field === 'title');
  return (
    <Form layout="vertical" component="div" disabled={disabled} data-testid="draft-form">
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Form.Item label={t('draft_fieldTitle')} {...state('title')} extra={titleProblem ? undefined : t('draft_titleHelp', name, limits.titleMax)}>
            <Input value={values.title} count={{ show: true, max: limits.titleMax }} onChange={(e) => set('title', e.target.value)} data-testid="draft-title" />
          </Form.Item>
          <Form.Item label={t('draft_fieldDescription')} {...state('description')}>
            <Input.TextArea value={values.description} autoSize={{ minRows: 4, maxRows: 12 }} onChange={(e) => set('description', e.target.value)} data-testid="draft-description" />
          </Form.Item>
          <Form.Item label={t('draft_fieldImages')} {...fieldState(shown, 'imageUrls', red, true)}>
            <ImageUrlsField urls={values.imageUrls} max={limits.imagesMax} disabled={disabled} onChange={(fn) => update('imageUrls', fn)} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={9}>
          <Form.Item label={t('draft_fieldPrice')} {...state('price')} extra={values.variants.length > 1 ? t('draft_priceHelpMany') : t('draft_priceHelpOne')}>
            <InputNumber value={values.price} min={0} step={0.01} style={{ width: '100%' }} onChange={(n) => set('price', n)} data-testid="draft-price" />
          </Form.Item>
          {catalog?.supported ? (
            <DestinationFields values={values} storeId={storeId!} catalog={catalog} picked={picked ?? null} problems={shown} red={red} disabled={disabled} onPick={onPick!} onChange={onChange} />
          ) : (
            <>
              <Form.Item label={t('draft_fieldCategory')} {...state('categoryId')} extra={catalog?.error ? t('draft_categoryUnread', catalog.error) : limits.needsCategory ? t('draft_categoryWhat', name) : t('draft_categoryOptional', name)}>
                <Input value={values.categoryId ?? ''} maxLength={100} onChange={(e) => set('categoryId', e.target.value || null)} data-testid="draft-category" />
              </Form.Item>
              <Form.Item label={t('draft_fieldBrand')} {...state('brand')}>
                <Input value={values.brand ?? ''} maxLength={200} onChange={(e) => set('brand', e.target.value || null)} data-testid="draft-brand" />
              </Form.Item>
            </>
          )}
          <Form.Item label={t('draft_fieldWeight')} {...state('weightGrams')} extra={limits.needsWeight ? t('draft_weightNeeded', name) : undefined}>
            <InputNumber value={values.weightGrams} min={0} max={1_000_000} precision={0} suffix="g" style={{ width: '100%' }} onChange={(n) => set('weightGrams', n)} data-testid="draft-weight" />
          </Form.Item>
        </Col>
      </Row>
      {catalog?.supported && values.categoryId && (
        <AttributesSection values={values} catalog={catalog} picked={picked ?? null} problems={shown} red={red} disabled={disabled} onChange={onChange} />
      )}
      <VariantsEditor variants={values.variants} problems={problems} refused={refused} storeName={storeName} disabled={disabled} onChange={(fn) => update('variants', fn)} />
    </Form>
  );
}
