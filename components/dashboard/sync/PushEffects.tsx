// "What this will push": the line (and the listings, from → to) every action that would change
// live stock shows before the seller confirms it — Add system SKU, Connect, auto sync on, a rule.
// It reads an EffectSummary the background computed with the same code that pushes.
import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { EffectSummary, PushEffect } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';
import { effectsHeadline } from '@/components/common/effectsText';
import { formatNumber } from '../inventory/format';

export function PushEffects({ effects, testId = 'push-effects', table = true }: { effects: EffectSummary; testId?: string; table?: boolean }) {
  const notes = [
    e(effects.waiting, 'fx_waiting'),
    e(effects.noNumber, 'fx_noNumber'),
  ].filter(Boolean);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid={testId}>
      <Alert
        type={effects.toZero ? 'warning' : effects.changes ? 'info' : 'success'}
        showIcon
        title={<span data-testid={`${testId}-headline`}>{effectsHeadline(effects)}</span>}
        description={notes.length ? notes.map((n) => <div key={n}>{n}</div>) : undefined}
      />
      {table && effects.items.length > 0 && (
        <Table<PushEffect>
          size="small"
          rowKey="storeVariantId"
          dataSource={effects.items}
          pagination={effects.items.length > 8 ? { pageSize: 8, showSizeChanger: false, size: 'small' } : false}
          onRow={(r) => ({ 'data-testid': `${testId}-row-${r.sellerSku || r.storeVariantId}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('fx_colListing'), dataIndex: 'title', ellipsis: true },
            { title: t('fx_colSku'), dataIndex: 'sellerSku', width: 130, ellipsis: true },
            {
              title: t('fx_colFromTo'), key: 'change', width: 210, align: 'right',
              render: (_, r) => <FromTo effect={r} />,
            },
          ]}
        />
      )}
      {effects.total > effects.items.length && <Typography.Text type="secondary">{t('fx_first', formatNumber(effects.items.length), formatNumber(effects.total))}</Typography.Text>}
    </Space>
  );
}

function e(count: number, key: string): string {
  return count > 0 ? tn(key, count) : '';
}

export function FromTo({ effect }: { effect: Pick<PushEffect, 'from' | 'to' | 'pushes'> }) {
  if (effect.to === null) {
    return (
      <Tooltip title={t('fx_noNumberHelp')}>
        <Typography.Text type="secondary">{t('fx_staysAt', formatNumber(effect.from))}</Typography.Text>
      </Tooltip>
    );
  }
  const changes = effect.to !== effect.from;
  return (
    <Space size={6} data-from={effect.from} data-to={effect.to}>
      <Typography.Text type="secondary">{formatNumber(effect.from)}</Typography.Text>
      <ArrowRightOutlined style={{ fontSize: 11, color: '#999' }} />
      <Typography.Text strong type={changes && effect.to === 0 ? 'danger' : undefined}>{formatNumber(effect.to)}</Typography.Text>
      {!effect.pushes && changes && <Tag style={{ marginInlineEnd: 0 }}>{t('fx_notNow')}</Tag>}
    </Space>
  );
}
