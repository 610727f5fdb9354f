// "Why 160?": the number Shelfsync would push for a variant, explained from the rule and the
// stock of each of its warehouses (`storeVariants.explainQuantity`), loaded when opened.
import { Alert, Popover, Spin, Table, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { formatNumber } from '../inventory/format';

type Answer = CommandOutput<'storeVariants.explainQuantity'>;

function Explanation({ variantId }: { variantId: number }) {
  const [answer, setAnswer] = useState<Answer>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('storeVariants.explainQuantity', { id: variantId }).then(
      (a) => live && setAnswer(a),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [variantId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!answer) return <Spin size="small" />;
  if (answer.quantity === null) return <Typography.Text>{'message' in answer ? answer.message : ''}</Typography.Text>;
  if (!('rule' in answer)) return null;
  const inTransit = answer.rule.inventoryType === 'sellable_in_transit';
  return (
    <div style={{ width: 360 }} data-testid={`sp-explain-${variantId}`}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('sp_explainRule', answer.rule.name, t(inTransit ? 'rules_typeSellableInTransit' : 'rules_typeSellable'), formatNumber(answer.rule.ratioPercent))}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="warehouseId"
        pagination={false}
        dataSource={answer.warehouses}
        columns={[
          { title: t('sp_explainWarehouse'), key: 'w', render: (_: unknown, w) => (w.code ? `${w.name} (${w.code})` : w.name) },
          { title: t('sp_explainSellable'), dataIndex: 'sellable', align: 'right', render: (v: number) => formatNumber(v) },
          {
            title: t('sp_explainInTransit'), dataIndex: 'inTransit', align: 'right',
            render: (v: number) => <Typography.Text type={inTransit ? undefined : 'secondary'} delete={!inTransit && v > 0}>{formatNumber(v)}</Typography.Text>,
          },
        ]}
      />
      {!inTransit && answer.warehouses.some((w) => w.inTransit > 0) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sp_explainTransitIgnored')}</Typography.Text>
      )}
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>
        {t(inTransit ? 'sp_explainBaseTransit' : 'sp_explainBase', formatNumber(answer.base))}
      </Typography.Paragraph>
      <Typography.Paragraph strong style={{ margin: 0 }} data-testid="sp-explain-result">
        {t('sp_explainResult', formatNumber(answer.rule.ratioPercent), formatNumber(answer.base), formatNumber(answer.quantity))}
      </Typography.Paragraph>
    </div>
  );
}

/** The push quantity of one variant: blank with the reason when there is none; else the number
 *  with an info icon that explains it. */
export function PushQuantity({ variant }: { variant: { id: number; pushQuantity: number | null; pushQuantityReason: string | null } }) {
  if (variant.pushQuantity === null) {
    return (
      <Popover content={<div style={{ maxWidth: 280 }}>{variant.pushQuantityReason}</div>} trigger="hover">
        <Typography.Text type="secondary" data-testid={`sp-push-${variant.id}`} data-reason={variant.pushQuantityReason ?? ''} style={{ cursor: 'help', display: 'inline-block', minWidth: 24 }}>
          {'\u00a0'}
          <InfoCircleOutlined style={{ color: '#d9d9d9' }} aria-label={variant.pushQuantityReason ?? ''} />
        </Typography.Text>
      </Popover>
    );
  }
  return (
    <span data-testid={`sp-push-${variant.id}`}>
      <Typography.Text strong>{formatNumber(variant.pushQuantity)}</Typography.Text>{' '}
      <Popover title={t('sp_explainTitle', formatNumber(variant.pushQuantity))} content={<Explanation variantId={variant.id} />} trigger="click" destroyOnHidden>
        <InfoCircleOutlined style={{ color: '#138078', cursor: 'pointer' }} role="button" aria-label={t('sp_explainTitle', formatNumber(variant.pushQuantity))} data-testid={`sp-explain-open-${variant.id}`} />
      </Popover>
    </span>
  );
}
