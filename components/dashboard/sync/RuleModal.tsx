// Create or edit a sync rule in two steps: the fields, then a preview of what changes
// (`syncRules.preview`), then Confirm. A refusal lands on the field it names — e.g. a store
// another rule already governs, with that rule's name.
import { App, Button, Form, Modal, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { showCommandError, validated } from '@/components/common/commandErrors';
import type { StoreView } from '@/components/common/useStores';
import { RULE_FIELDS, RuleForm, type RuleValues } from './RuleForm';
import { RulePreview, type Preview } from './RulePreview';
import type { Rule } from './useRules';

interface Props {
  open: boolean;
  /** The rule being edited; null for a new one. */
  rule: Rule | null;
  /** A new rule starts with these stores (the store the gear was clicked in). */
  initialStoreIds?: number[];
  stores: StoreView[];
  rules: Rule[];
  onClose: () => void;
  onSaved: (rule: Rule) => void;
}

export function RuleModal({ open, rule, initialStoreIds, stores, rules, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [values, setValues] = useState<RuleValues | null>(null);
  const [busy, setBusy] = useState(false);

  const initial: RuleValues = rule
    ? { name: rule.name, inventoryType: rule.inventoryType, ratioPercent: rule.ratioPercent, warehouseIds: rule.warehouseIds, storeIds: rule.storeIds }
    : { name: '', inventoryType: 'sellable', ratioPercent: 100, warehouseIds: [], storeIds: initialStoreIds ?? [] };
  useEffect(() => {
    if (!open) return;
    setStep(0);
    setPreview(null);
    // The form may outlive a close (its closing animation): start each opening from this rule.
    form.resetFields();
    form.setFieldsValue(initial);
  }, [open, rule?.id]);

  const toast = (text: string) => message.error(text);

  async function showPreview() {
    const v = await validated(form);
    if (!v) return;
    // Close any open picker: the fields are hidden during the preview step.
    (document.activeElement as HTMLElement | null)?.blur();
    const input = { ...v, name: v.name.trim() };
    setBusy(true);
    try {
      const answer = await call('syncRules.preview', { ...(rule ? { id: rule.id } : {}), ...input });
      setValues(input);
      setPreview(answer);
      setStep(1);
    } catch (err) {
      showCommandError(err, { form, fields: RULE_FIELDS, toast });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!values) return;
    setBusy(true);
    try {
      const saved = rule ? await call('syncRules.update', { id: rule.id, ...values }) : await call('syncRules.create', values);
      message.success(t(rule ? 'rules_updatedToast' : 'rules_createdToast', saved.name));
      onSaved(saved);
    } catch (err) {
      // Back to the fields so the refusal shows where it belongs.
      setStep(0);
      showCommandError(err, { form, fields: RULE_FIELDS, toast });
    } finally {
      setBusy(false);
    }
  }

  const storesById = new Map(stores.map((s) => [s.id, s]));
  const footer =
    step === 0
      ? [
          <Button key="cancel" onClick={onClose}>{t('common_cancel')}</Button>,
          <Button key="preview" type="primary" loading={busy} onClick={() => void showPreview()} data-testid="rule-preview-button">{t('rules_previewButton')}</Button>,
        ]
      : [
          <Button key="back" onClick={() => setStep(0)} data-testid="rule-back">{t('rules_back')}</Button>,
          <Button key="confirm" type="primary" danger={!!preview?.effects.toZero} loading={busy} onClick={() => void confirm()} data-testid="rule-confirm">
            {preview?.effects.changes ? tn('rules_confirmPushes', preview.effects.listings) : t('rules_confirm')}
          </Button>,
        ];

  return (
    // The body scrolls inside the viewport, so Confirm stays in sight on a 900 px tall window.
    <Modal open={open} title={t(rule ? 'rules_editTitle' : 'rules_newTitle')} onCancel={onClose} footer={footer} width={720} destroyOnHidden mask={{ closable: false }} style={{ top: 24 }} styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto' } }}>
      <Steps size="small" current={step} style={{ marginBottom: 20 }} items={[{ title: t('rules_stepRule') }, { title: t('rules_stepPreview') }]} />
      <div style={{ display: step === 0 ? 'block' : 'none' }} data-testid="rule-form">
        <RuleForm form={form} initial={initial} stores={stores} rules={rules} editingId={rule?.id} />
      </div>
      {step === 1 && preview && <RulePreview preview={preview} stores={storesById} />}
    </Modal>
  );
}
