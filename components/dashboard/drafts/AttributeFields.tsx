// The chosen category's attributes as form fields of their own kind — text, number, one choice or
// several from the platform's list (typed values too where the platform takes them) — the
// required ones marked and first, each with its problem under it (`attributes.<id>`).
import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { t } from '@/lib/i18n';
import { fieldState } from './FieldProblems';
import type { DraftAttribute, DraftProblem } from './types';
import type { Attributes } from './useDestinationCatalog';

type Def = Attributes['items'][number];

interface Props {
  defs: Def[];
  values: DraftAttribute[];
  problems: DraftProblem[];
  red: DraftProblem[];
  disabled?: boolean;
  onChange: (id: string, value: string | string[]) => void;
}

const asList = (v: DraftAttribute['value'] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v ? [v] : []);

export function AttributeFields({ defs, values, problems, red, disabled, onChange }: Props) {
  if (!defs.length) return <Typography.Text type="secondary">{t('draft_attributesNone')}</Typography.Text>;
  const given = new Map(values.map((a) => [a.id, a.value]));
  return (
    <Row gutter={16} data-testid="draft-attributes">
      {defs.map((def) => (
        <Col xs={24} md={12} key={def.id}>
          <Form.Item label={def.name} required={def.required} {...fieldState(problems, `attributes.${def.id}`, red)} data-testid={`draft-attr-item-${def.id}`}>
            <AttributeInput def={def} value={given.get(def.id)} disabled={disabled} onChange={(v) => onChange(def.id, v)} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

function AttributeInput({ def, value, disabled, onChange }: { def: Def; value: DraftAttribute['value'] | undefined; disabled?: boolean; onChange: (v: string | string[]) => void }) {
  const testId = `draft-attr-${def.id}`;
  if (def.inputType === 'number' && !def.options.length) {
    const n = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
    return <InputNumber value={n} min={0} style={{ width: '100%' }} disabled={disabled} onChange={(x) => onChange(x === null ? '' : String(x))} data-testid={testId} />;
  }
  if (!def.options.length) {
    return <Input value={typeof value === 'string' ? value : asList(value).join(', ')} maxLength={1000} disabled={disabled} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
  }
  // An option's id is what the platform takes where it numbers them; its name otherwise.
  const options = def.options.map((o) => ({ value: o.id ?? o.name, label: o.name }));
  const multi = def.inputType === 'multiselect';
  const list = asList(value);
  if (multi || def.custom) {
    return (
      <Select
        mode={def.custom ? 'tags' : 'multiple'}
        maxCount={multi ? undefined : 1}
        value={list}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        disabled={disabled}
        placeholder={def.custom ? t('draft_attrChooseOrType') : t('draft_attrChoose')}
        onChange={(v: string[]) => onChange(multi ? v : v.slice(-1)[0] ?? '')}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    );
  }
  return (
    <Select
      value={list[0]}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      disabled={disabled}
      placeholder={t('draft_attrChoose')}
      onChange={(v: string | undefined) => onChange(v ?? '')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
