// The question autosave asks before keeping a price ten times higher or lower than the saved one.
import { Modal, Typography, type ButtonProps } from 'antd';
import { t } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';
import type { PriceJump } from './priceJumps';

interface Props {
  jumps: PriceJump[] | null;
  onConfirm: () => void;
  onUndo: () => void;
}

export function PriceJumpConfirm({ jumps, onConfirm, onUndo }: Props) {
  // Gone as soon as it is answered: the next question is a new one.
  if (!jumps?.length) return null;
  return (
    <Modal
      open
      title={t('draft_priceJumpTitle')}
      okText={t('draft_priceJumpSave')}
      cancelText={t('draft_priceJumpUndo')}
      onOk={onConfirm}
      onCancel={onUndo}
      closable={false}
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'draft-price-jump-confirm' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'draft-price-jump-undo' } as ButtonProps}
      data-testid="draft-price-jump"
    >
      <Typography.Paragraph>{t('draft_priceJumpHelp')}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 18, margin: 0 }} data-testid="draft-price-jump-list">
        {jumps.map((j) => (
          <li key={j.field}>
            {j.variant ? t('draft_priceJumpVariant', j.variant.n, j.variant.sku || t('draft_noSku')) : t('draft_fieldPrice')}
            {': '}
            <Typography.Text strong>{t('draft_priceJumpFromTo', formatNumber(j.from, 2), formatNumber(j.to, 2))}</Typography.Text>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
