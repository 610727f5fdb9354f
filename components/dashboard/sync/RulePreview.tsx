// The preview step: which listings' pushed quantity the rule would change, from → to.
import { Alert, Space, Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { StoreName } from '@/components/common/StoreName';
import { formatNumber } from '../inventory/format';
import type { StoreView } from '@/components/common/useStores';
import { PushEffects } from './PushEffects';

export type Preview = CommandOutput<'syncRules.preview'>;
type Row = Preview['items'][number];

export function RulePreview({ preview, stores }: { preview: Preview; stores: Map<number, StoreView> }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rule-preview">
      <div>
        <Typography.Text strong>{t('rules_previewPushNow')}</Typography.Text>
        <PushEffects effects={preview.effects} testId="rule-preview-effects" table={false} />
      </div>
      <Alert
        type={preview.changed ? 'info' : 'success'}
        showIcon
        title={<span data-testid="rule-preview-summary">{preview.changed ? tn('rules_previewChanged', preview.changed, tn('rules_previewUnchanged', preview.unchanged)) : tn('rules_previewNothing', preview.total)}</span>}
        description={t('rules_previewHelp')}
      />
      {preview.items.length > 0 && (
        <Table<Row>
          size="small"
          rowKey="storeVariantId"
          dataSource={preview.items}
          pagination={preview.items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
          columns={[
            { title: t('log_colStore'), key: 'store', width: 170, ellipsis: true, render: (_, r) => { const s = stores.get(r.storeId); return s ? <StoreName store={s} /> : `#${r.storeId}`; } },
            { title: t('log_colListing'), dataIndex: 'title', ellipsis: true },
            { title: t('log_colSku'), dataIndex: 'sellerSku', width: 140, ellipsis: true },
            {
              title: t('rules_fromTo'), key: 'change', width: 150, align: 'right',
              render: (_, r) => (
                <Space size={6}>
                  <Typography.Text type="secondary">{r.from === null ? t('rules_noNumber') : formatNumber(r.from)}</Typography.Text>
                  <ArrowRightOutlined style={{ fontSize: 11, color: '#999' }} />
                  <Typography.Text strong>{formatNumber(r.to)}</Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      )}
      {preview.changed > preview.items.length && <Typography.Text type="secondary">{tn('rules_previewFirst', preview.items.length)}</Typography.Text>}
    </Space>
  );
}
