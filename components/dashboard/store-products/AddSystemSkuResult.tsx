// The answer of Add system SKU: how many system products were created and connected, and every
// variant that was not, with the background's reason.
import { Alert, Modal, Space, Table, Typography } from 'antd';
import { t, tn } from '@/lib/i18n';
import { effectsHeadline } from '@/components/common/effectsText';
import type { AddResult } from './AddSystemSkuModal';
import type { UnconnectedVariant } from './types';

export function AddSystemSkuResult({ result, variants, onClose }: { result: AddResult | null; variants: Map<number, UnconnectedVariant>; onClose: () => void }) {
  return (
    <Modal open={result !== null} title={t('unc_addResultTitle')} onCancel={onClose} onOk={onClose} okText={t('log_close')} okButtonProps={{ 'data-testid': 'unc-add-close' } as never} cancelButtonProps={{ style: { display: 'none' } }} width={680} destroyOnHidden>
      {result && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="unc-add-result">
          {result.created.length > 0 && (
            <Alert type="success" showIcon title={tn('unc_addCreatedN', result.created.length)} description={result.created.map((c) => c.sku).join(', ')} data-testid="unc-add-created" />
          )}
          {result.joined.length > 0 && <Alert type="info" showIcon title={tn('unc_addJoined', result.joined.length)} description={result.joined.map((j) => j.sku).join(', ')} />}
          {result.created.length + result.joined.length > 0 && <Alert type={result.effects.toZero ? 'warning' : 'info'} showIcon title={<span data-testid="unc-add-pushed">{effectsHeadline(result.effects)}</span>} />}
          {result.errors.length > 0 && (
            <>
              <Alert type="warning" showIcon title={tn('unc_addErrorsN', result.errors.length)} />
              <Table
                size="small"
                rowKey="storeVariantId"
                pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
                dataSource={result.errors}
                data-testid="unc-add-errors"
                columns={[
                  {
                    title: t('unc_colSellerSku'), key: 'v', width: 200,
                    render: (_, e) => {
                      const v = variants.get(e.storeVariantId);
                      return v ? (v.sellerSku || <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text>) : `#${e.storeVariantId}`;
                    },
                  },
                  { title: t('unc_colWhy'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
